import Reinstall

extension ReadinessSettings {
    /// The safe default until the start says more (the session's settings: a real cloud's policy,
    /// or the demo's port and known_hosts): loopback only, whatever the mode, so a state made
    /// without them (a real account's mode against a simulator) never leads to a probe off loopback.
    package static func standard(for mode: AccountMode) -> ReadinessSettings {
        ReadinessSettings(policy: .simulatedCloud)
    }
}
