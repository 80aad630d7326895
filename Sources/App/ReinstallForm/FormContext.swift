import HuaweiCloud
import Reinstall
import TerminalKit

/// What the form needs from the rest of the state to decide what it offers and whether it may submit.
package struct FormContext: Sendable, Equatable {
    package var image: ImageLookup
    package var keypairs: Lookup<[Keypair]>
    /// The IAM user id: `.loaded(nil)` when IAM will not say (optional: `userid` is then left out).
    package var userId: Lookup<String?>
    /// The operator's endpoint choice for this image, remembered for the rest of the run.
    package var override: ReinstallAPI?

    package init(image: ImageLookup, keypairs: Lookup<[Keypair]>, userId: Lookup<String?>, override: ReinstallAPI? = nil) {
        self.image = image
        self.keypairs = keypairs
        self.userId = userId
        self.override = override
    }

    /// What the image alone says, before any override.
    package var imageDecision: EndpointDecision? {
        switch image {
        case let .loaded(image): return EndpointDecision.decide(image: image)
        case .failed: return EndpointDecision.decide(image: nil)
        case .notRequested, .loading: return nil
        }
    }

    package var decision: EndpointDecision? { imageDecision?.overridden(by: override) }

    /// The image gave no answer and the operator has not chosen yet.
    package var endpointUnanswered: Bool { imageDecision?.mustAsk == true && override == nil }
}

/// One line of the form's checklist.
package struct ChecklistItem: Sendable, Equatable {
    package var label: String
    package var mark: Checklist.Mark
    package init(_ label: String, _ mark: Checklist.Mark) {
        self.label = label
        self.mark = mark
    }
}
