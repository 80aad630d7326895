/// What kind of refusal an error is, decided once for the client, the poller and the commands.
extension CloudError {
    /// The cloud asks us to slow down: HTTP 429 or the gateway's and ECS's throttling codes
    /// (`Common.0024` arrives on an HTTP 202).
    public var isThrottling: Bool {
        guard case let .api(status, code, _, _) = self else { return false }
        return status == 429 || Self.throttlingCodes.contains(code)
    }

    /// The cloud refused the credentials or the request signature.
    public var isAuthenticationRefusal: Bool {
        guard case let .api(status, code, _, _) = self else { return false }
        return Self.isAuthenticationRefusal(status: status, code: code)
    }

    /// The cloud answered with a refusal that says the same on every try: a 4xx other than
    /// throttling (a permission, a missing resource, a bad request).
    public var isRefusal: Bool {
        guard case let .api(status, _, _, _) = self else { return false }
        return (400..<500).contains(status) && !isThrottling
    }

    /// A failure that may pass by itself: the cloud's own trouble (5xx), throttling, or no answer
    /// (the network, a timeout), but not a TLS handshake refused, which is configuration.
    /// The retry policy's rule, so the two cannot drift apart.
    public var isTransient: Bool {
        if case let .transport(detail) = self, detail.contains(TransportError.tlsHandshakeFailed) { return false }
        return RetryPolicy.isRetryable(self)
    }

    /// The cloud does not know the resource: HTTP 404, or ECS's "server does not exist" codes.
    public var isNotFound: Bool {
        guard case let .api(status, code, _, _) = self else { return false }
        return status == 404 || code == "Ecs.0114" || code == "Ecs.0614"
    }

    /// The caller lacks a permission: HTTP 403 (IAM's own refusals and the policy codes alike).
    public var isPermissionRefusal: Bool {
        guard case let .api(status, _, _, _) = self else { return false }
        return status == 403
    }

    /// The host name did not resolve: the service has no host there (or DNS is down).
    public var isHostNotFound: Bool {
        guard case let .transport(detail) = self else { return false }
        return detail.contains(TransportError.unresolvedHost)
    }

    static func isAuthenticationRefusal(status: Int, code: String?) -> Bool {
        status == 401 || code == "APIGW.0301" || code == "APIG.0301"
    }

    public static let throttlingCodes: Set<String> = ["APIGW.0308", "APIG.0308", "Common.0024", "Common.1503"]
}
