import HuaweiCloud
import TerminalKit

/// The key pair chooser: a filter typed by the operator and the chosen pair, kept by name so a
/// narrower filter does not silently pick another pair.
public struct KeypairPicker: Sendable, Equatable {
    public var filter = TextField(maxLength: InputLimits.keypairFilter)
    public var chosenName: String?

    public init() {}

    /// Pairs whose name, type or fingerprint contains the filter (case-insensitive).
    public func matching(_ pairs: [Keypair]) -> [Keypair] {
        let needle = filter.text.lowercased()
        guard !needle.isEmpty else { return pairs }
        return pairs.filter { pair in
            [pair.name, pair.type ?? "", pair.fingerprint ?? ""].contains { $0.lowercased().contains(needle) }
        }
    }

    /// The chosen pair if it still matches, else the first match.
    public func selected(_ pairs: [Keypair]) -> Keypair? {
        let shown = matching(pairs)
        return shown.first { $0.name == chosenName } ?? shown.first
    }

    /// Moves the choice by `step` within the matching pairs, wrapping around.
    public mutating func move(_ step: Int, in pairs: [Keypair]) {
        let shown = matching(pairs)
        guard !shown.isEmpty else { return }
        let selectedName = selected(pairs)?.name
        let current = shown.firstIndex { $0.name == selectedName } ?? 0
        chosenName = shown[(current + step + shown.count) % shown.count].name
    }
}
