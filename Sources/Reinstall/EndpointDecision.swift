import HuaweiCloud

/// Which reinstall endpoint to call, judged from the server's IMS image (huawei-ecs-api.md §6).
/// No attribute says "Cloud-Init installed", so the decision carries how sure it is and the UI
/// lets the user override anything short of `.certain`.
public struct EndpointDecision: Sendable, Equatable {
    public enum Confidence: Sendable, Equatable { case certain, likely, unknown }

    public var api: ReinstallAPI
    /// One short terminal line.
    public var reason: String
    public var confidence: Confidence
    /// The image gives no usable evidence (imported from a file, or unreadable): the operator
    /// must choose; `api` is only the suggestion.
    public var mustAsk: Bool

    public init(api: ReinstallAPI, reason: String, confidence: Confidence, mustAsk: Bool = false) {
        self.api = api
        self.reason = reason
        self.confidence = confidence
        self.mustAsk = mustAsk
    }

    public static func decide(image: Image?) -> EndpointDecision {
        guard let image else {
            // A deleted or unreadable image: v1 with a password is the call that needs no agent.
            return .init(api: .v1, reason: "image could not be read", confidence: .unknown, mustAsk: true)
        }
        // The one documented signal: "true" means no Cloud-Init password/key injection.
        if image.supportFcInject?.lowercased() == "true" {
            return .init(
                api: .v1, reason: "image '\(image.name)' has __support_fc_inject=true: no Cloud-Init injection",
                confidence: .certain)
        }
        let type = image.imageType?.lowercased()
        if type == "gold" {
            return .init(api: .v2, reason: "public image: Cloud-Init preinstalled", confidence: .certain)
        }
        // Imported disk files are the likeliest to lack Cloud-Init.
        if image.rootOrigin?.lowercased() == "file" {
            return .init(
                api: .v1, reason: "imported from a file: Cloud-Init unknown, assuming none", confidence: .unknown,
                mustAsk: true)
        }
        switch type {
        case "private", "shared", "market":
            return .init(
                api: .v2, reason: "\(type ?? "") image: Cloud-Init likely, not verifiable", confidence: .likely)
        default:
            return .init(
                api: .v2, reason: "image type not stated: assuming Cloud-Init", confidence: .unknown)
        }
    }
}
