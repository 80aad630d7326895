import Reinstall

extension ReadinessSettings {
    /// The safe default for the account until the start says more (the demo's port and
    /// known_hosts, a local endpoint's policy): a simulated cloud never leads to a probe off loopback.
    package static func standard(for mode: AccountMode) -> ReadinessSettings {
        ReadinessSettings(policy: mode == .demo ? .simulatedCloud : .realCloud)
    }
}
