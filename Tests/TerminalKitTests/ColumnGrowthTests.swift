import Testing
import TerminalKit

/// `.byImportance`: the spare space makes the most important column whole first.
@Suite struct ColumnGrowthTests {
    static let specs = [
        ColumnSpec("IMAGE", minWidth: 5, maxWidth: 30, priority: 2),
        ColumnSpec("NAME", minWidth: 5, maxWidth: 10, priority: 0),
        ColumnSpec("STATUS", minWidth: 5, maxWidth: 20, priority: 1),
        ColumnSpec("FIXED", minWidth: 4, maxWidth: 9, weight: 0, priority: 3),
    ]

    @Test(arguments: [
        // Minimums only: 19 plus 3 separators.
        (22, [5, 5, 5, 4]),
        // NAME whole, then STATUS, then what is left to IMAGE; FIXED never grows.
        (30, [5, 10, 8, 4]),
        (45, [8, 10, 20, 4]),
        // Every column whole; the rest stays at the right.
        (100, [30, 10, 20, 4]),
    ])
    func theMostImportantColumnIsWholeFirst(width: Int, expected: [Int]) {
        let fitted = ColumnLayout.fit(Self.specs, width: width, growth: .byImportance)
        #expect(fitted.map(\.width) == expected)
        #expect(fitted.map(\.width).reduce(0, +) + fitted.count - 1 <= width)
    }

    @Test func byWeightIsTheDefault() {
        #expect(ColumnLayout.fit(Self.specs, width: 45) == ColumnLayout.fit(Self.specs, width: 45, growth: .byWeight))
    }
}
