/// Fits table columns into a width: drops the least important columns until the rest fit at
/// their minimum, then deals out the spare space. Deterministic, so a resize never reshuffles.
public enum ColumnLayout {
    /// Columns are separated by one space, as `Table.draw` draws them.
    public static let separator = 1

    /// How the space beyond the minimum widths is dealt out.
    public enum Growth: Sendable, Equatable {
        /// In proportion to the columns' weights: every column grows a little.
        case byWeight
        /// To the most important column first, up to its `maxWidth`, then the next: for columns
        /// whose `maxWidth` is their content's, so the one that matters most is whole first.
        case byImportance
    }

    /// The surviving columns in their original left-to-right order. Their widths plus separators
    /// never exceed `width`, except that the most important column is always kept (cut to `width`,
    /// and never below 0) so a table is never left without a column.
    ///
    /// Spare space goes to columns below their `maxWidth` in proportion to their weight; a column
    /// that reaches its `maxWidth` leaves its share to the others. Space left once every column
    /// is full stays at the right. Ties (equal priority, rounding) favour the column further left.
    public static func fit(_ specs: [ColumnSpec], width: Int, growth: Growth = .byWeight) -> [FittedColumn] {
        let kept = survivors(specs, width: width)
        guard let first = kept.first else { return [] }
        if kept.count == 1 && specs[first].minWidth >= width {
            return [FittedColumn(index: first, title: specs[first].title, width: max(0, width))]
        }
        var widths = kept.map { specs[$0].minWidth }
        var spare = width - widths.reduce(0, +) - separator * (kept.count - 1)
        if growth == .byImportance {
            for position in kept.indices.sorted(by: { importance(specs, kept[$0], kept[$1]) })
            where spare > 0 && specs[kept[position]].weight > 0 {
                let room = specs[kept[position]].maxWidth.map { $0 - widths[position] } ?? spare
                let share = min(room, spare)
                widths[position] += share
                spare -= share
            }
        }
        while spare > 0 {
            let growing = kept.indices.filter { position in
                let spec = specs[kept[position]]
                return spec.weight > 0 && spec.maxWidth.map { widths[position] < $0 } ?? true
            }
            guard !growing.isEmpty else { break }
            let totalWeight = growing.reduce(0) { $0 + specs[kept[$1]].weight }
            var handed = 0
            for position in growing {
                let spec = specs[kept[position]]
                let room = spec.maxWidth.map { $0 - widths[position] } ?? spare
                let share = min(room, spare * spec.weight / totalWeight)
                widths[position] += share
                handed += share
            }
            if handed == 0 {
                // Less spare than total weight: one column each, most important first.
                let order = growing.sorted { importance(specs, kept[$0], kept[$1]) }
                for position in order.prefix(spare) { widths[position] += 1 }
                handed = min(spare, order.count)
            }
            spare -= handed
        }
        return zip(kept, widths).map { FittedColumn(index: $0, title: specs[$0].title, width: $1) }
    }

    /// The most important specs whose minimum widths fit, as indexes in their original order.
    private static func survivors(_ specs: [ColumnSpec], width: Int) -> [Int] {
        let byImportance = specs.indices.sorted { importance(specs, $0, $1) }
        var kept: [Int] = []
        var used = 0
        for index in byImportance {
            let needed = specs[index].minWidth + (kept.isEmpty ? 0 : separator)
            // Dropping is least-important-first, so once one does not fit, no later one is kept.
            guard kept.isEmpty || used + needed <= width else { break }
            kept.append(index)
            used += needed
        }
        return kept.sorted()
    }

    /// Is the spec at `a` more important than the one at `b`?
    private static func importance(_ specs: [ColumnSpec], _ a: Int, _ b: Int) -> Bool {
        specs[a].priority != specs[b].priority ? specs[a].priority < specs[b].priority : a < b
    }
}
