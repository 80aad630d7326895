import HuaweiCloud
import TerminalKit

/// The key pair chooser: a filter typed by the operator and the chosen pair, kept by name so a
/// narrower filter does not silently pick another pair.
package struct KeypairPicker: Sendable, Equatable {
    package var filter = TextField(maxLength: InputLimits.keypairFilter)
    package var chosenName: String?

    package init() {}

    /// Pairs whose name, type or fingerprint contains the filter (case-insensitive).
    package func matching(_ pairs: [Keypair]) -> [Keypair] {
        let needle = filter.text.lowercased()
        guard !needle.isEmpty else { return pairs }
        return pairs.filter { pair in
            [pair.name, pair.type ?? "", pair.fingerprint ?? ""].contains { $0.lowercased().contains(needle) }
        }
    }

    /// The chosen pair if it still matches; while the operator types a filter, else the first
    /// match. Nothing is picked by default: a key the server never had is only ever a choice.
    package func selected(_ pairs: [Keypair]) -> Keypair? {
        let shown = matching(pairs)
        if let chosen = shown.first(where: { $0.name == chosenName }) { return chosen }
        return filter.text.isEmpty ? nil : shown.first
    }

    /// Moves the choice by `step` within the matching pairs, wrapping around; from no choice,
    /// forward picks the first and back the last.
    /// `wrapping`: past the last pair comes the first (←/→); without it the choice stops at the
    /// ends (↑/↓, as in any list), so that running down the form never cycles through keys.
    package mutating func move(_ step: Int, in pairs: [Keypair], wrapping: Bool = true) {
        let shown = matching(pairs)
        guard !shown.isEmpty else { return }
        guard let selectedName = selected(pairs)?.name,
              let current = shown.firstIndex(where: { $0.name == selectedName })
        else {
            chosenName = (step >= 0 ? shown.first : shown.last)?.name
            return
        }
        let next = wrapping ? (current + step + shown.count) % shown.count : min(max(current + step, 0), shown.count - 1)
        chosenName = shown[next].name
    }
}
