import HuaweiCloud

extension EndpointDecision {
    /// The operator's choice replaces the judgement; the evidence is kept in the reason so the
    /// screen still says what the image suggested.
    public func overridden(by api: ReinstallAPI?) -> EndpointDecision {
        guard let api else { return self }
        let suggested = mustAsk ? "image gave no answer" : "image suggested \(self.api.rawValue)"
        return EndpointDecision(api: api, reason: "chosen by you (\(suggested))", confidence: .certain)
    }
}
