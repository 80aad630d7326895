import Foundation
import Logging

/// Typed calls to ECS, IMS, KPS and IAM, signed with AK/SK. Knows nothing of the UI.
///
/// Copies share one `SignatureFailureGuard`: after 3 refused signatures in a row every copy stops
/// sending, before the gateway's 5-failure lock of the access key.
public struct CloudClient: Sendable {
    /// Asked for the credentials on every attempt, so temporary ones are renewed before they expire.
    public let credentialProvider: any CredentialProvider
    public internal(set) var endpoints: Endpoints
    public internal(set) var projectId: String
    let transport: any HTTPTransport
    let retry: RetryPolicy
    let now: @Sendable () -> Date
    let logger: Logger
    let signatureGuard: SignatureFailureGuard
    /// Replaced by tests to observe and skip the waits between attempts.
    var retryClock: RetryClock = .live
    /// The enterprise projects every server listing covers (`--enterprise-project`).
    public var enterpriseProjects: EnterpriseProjectScope = .allGranted

    public init(
        credentialProvider: any CredentialProvider, endpoints: Endpoints, projectId: String,
        transport: any HTTPTransport = HTTPClientTransport(), retry: RetryPolicy = RetryPolicy(),
        now: @escaping @Sendable () -> Date = { Date() }, logger: Logger = Logger(label: "ecs-reinstall.cloud")
    ) {
        self.credentialProvider = credentialProvider
        self.endpoints = endpoints
        self.projectId = projectId
        self.transport = transport
        self.retry = retry
        self.now = now
        self.logger = logger
        signatureGuard = SignatureFailureGuard()
    }

    /// A client with fixed credentials (given directly: the source says the environment).
    public init(
        credentials: Credentials, endpoints: Endpoints, projectId: String,
        transport: any HTTPTransport = HTTPClientTransport(), retry: RetryPolicy = RetryPolicy(),
        now: @escaping @Sendable () -> Date = { Date() }, logger: Logger = Logger(label: "ecs-reinstall.cloud")
    ) {
        self.init(credentialProvider: StaticCredentialProvider(credentials, source: .environment), endpoints: endpoints,
                  projectId: projectId, transport: transport, retry: retry, now: now, logger: logger)
    }

    /// Where the credentials come from.
    public var credentialSource: CredentialSource { credentialProvider.source }

    /// A client for the credentials' project, or the region's project looked up in IAM when the
    /// credentials name none (`GET /v3/projects?name={region}`, then `GET /v3/auth/projects` if
    /// that is refused; exactly one match, see `lookUpProjectId`).
    /// Every endpoint is checked first (https, or http to loopback only).
    public static func connect(
        credentials: Credentials, endpoints: Endpoints, transport: any HTTPTransport = HTTPClientTransport(),
        retry: RetryPolicy = RetryPolicy(), now: @escaping @Sendable () -> Date = { Date() },
        logger: Logger = Logger(label: "ecs-reinstall.cloud")
    ) async throws -> CloudClient {
        try await connect(credentialProvider: StaticCredentialProvider(credentials, source: .environment),
                          endpoints: endpoints, projectId: credentials.projectId, transport: transport, retry: retry,
                          now: now, logger: logger)
    }

    /// The same, with credentials that may be renewed (an ECS agency's), in project `projectId`,
    /// or the region's project looked up when nil (`CredentialChain.Resolved.projectId(in:)`
    /// decides which a source's project is good for).
    public static func connect(
        credentialProvider: any CredentialProvider, endpoints: Endpoints, projectId: String?,
        transport: any HTTPTransport = HTTPClientTransport(), retry: RetryPolicy = RetryPolicy(),
        now: @escaping @Sendable () -> Date = { Date() }, logger: Logger = Logger(label: "ecs-reinstall.cloud")
    ) async throws -> CloudClient {
        try endpoints.validate()
        var client = CloudClient(credentialProvider: credentialProvider, endpoints: endpoints, projectId: projectId ?? "",
                                 transport: transport, retry: retry, now: now, logger: logger)
        if projectId == nil {
            client.projectId = try await client.lookUpProjectId()
        }
        return client
    }

    /// How many refused signatures in a row this client (and its copies) has seen.
    public var consecutiveSignatureFailures: Int { signatureGuard.consecutiveFailures }

    // MARK: Plumbing

    func get<T: Decodable>(
        _ service: CloudService, _ path: String, query: [(String, String)] = [], what: String, project: Bool = true
    ) async throws -> T {
        let response = try await send(service, "GET", path, query: query, project: project, retry: retry)
        return try decode(response, what: what)
    }

    func decode<T: Decodable>(_ response: HTTPReply, what: String, redacting extra: [Secret] = []) throws -> T {
        do {
            return try JSONDecoder().decode(T.self, from: response.body)
        } catch {
            throw CloudError.malformedResponse(
                what: what, detail: Self.describe(error), requestId: response.header("X-Request-Id")
            ).redacting(secrets(extra))
        }
    }

    /// `exchange`, with its failure reduced to the `CloudError` callers see.
    func send(
        _ service: CloudService, _ method: String, _ path: String, query: [(String, String)] = [],
        body: Data = Data(), project: Bool, retry: RetryPolicy, redacting extra: [Secret] = []
    ) async throws -> HTTPReply {
        do {
            return try await exchange(service, method, path, query: query, body: body, project: project,
                                      retry: retry, redacting: extra)
        } catch {
            switch error {
            case .cancelled: throw CancellationError()
            case let .failed(cloudError, _): throw cloudError
            }
        }
    }

    /// Signs and sends one call, repeating it as `retry` allows. A failure says how far the last
    /// attempt got, which is what an unanswered reinstall is judged by.
    /// `retryAfterSeen` hears the last failed attempt's `Retry-After` (nil without one).
    func exchange(
        _ service: CloudService, _ method: String, _ path: String, query: [(String, String)] = [],
        body: Data = Data(), project: Bool, retry: RetryPolicy, redacting extra: [Secret] = [],
        retryAfterSeen: RetryAfterSeen? = nil
    ) async throws(CallFailure) -> HTTPReply {
        // Revealed (as Strings that cannot be wiped) only when an error must be redacted.
        let secrets = { self.secrets(extra) }
        let base: URL
        do {
            base = try endpoints.url(for: service)
        } catch {
            throw .failed(Self.cloudError(error).redacting(secrets()), .notSent)
        }
        let start = retryClock.now()
        var attempt = 0
        // Temporary credentials refused once are renewed and the call tried again, once.
        var renewedAfterRefusal = false
        while true {
            attempt += 1
            if Task.isCancelled { throw .cancelled }
            let failure: CloudError
            let reach: CallFailure.Reach
            var retryAfter: Duration?
            var transient = true
            // Asked each attempt: temporary credentials are renewed before they expire.
            let credentials: Credentials
            do {
                credentials = try await credentialProvider.credentials()
            } catch is CancellationError {
                throw .cancelled
            } catch {
                throw .failed(Self.cloudError(error).redacting(secrets()), .notSent)
            }
            do {
                let permit = try signatureGuard.permit(now: now())
                // Signed anew for each attempt: X-Sdk-Date must be fresh.
                let request = try RequestSigner(credentials: credentials).signedRequest(
                    method: method, baseURL: base, path: path, query: query, body: body,
                    projectId: project ? projectId : nil, date: now())
                let response: HTTPReply
                let sentAt = ContinuousClock.now
                do {
                    response = try await transport.send(request)
                } catch {
                    signatureGuard.record(permit, status: nil, code: nil)
                    logger.debug("""
                        \(method) \(Self.loggable(request.url, redacting: secrets() + [credentials.accessKey])) no answer after \
                        \(Self.milliseconds(since: sentAt)) ms (attempt \(attempt))
                        """)
                    throw error
                }
                logger.debug("""
                    \(method) \(Self.loggable(request.url, redacting: secrets() + [credentials.accessKey])) \(response.status) in \
                    \(Self.milliseconds(since: sentAt)) ms, X-Request-Id \(response.header("X-Request-Id") ?? "none") \
                    (attempt \(attempt))
                    """)
                let error = Self.error(in: response)
                signatureGuard.record(permit, status: response.status, code: error?.code)
                guard let error else { return response }
                if error.isAuthenticationRefusal, credentials.securityToken != nil {
                    // Renewed for the calls that follow. Sent again only when it is a read the caller
                    // lets repeat and the gateway itself refused the key (nothing was done): a write
                    // goes out once, whatever the answer.
                    var renewed = false
                    if !renewedAfterRefusal {
                        renewed = await credentialProvider.replacement(afterRefusalOf: credentials) != nil
                    }
                    if renewed, Self.mayResendAfterRenewal(method: method, refusal: error) {
                        renewedAfterRefusal = true
                        attempt -= 1
                        continue
                    }
                    renewedAfterRefusal = true
                    failure = error.withTemporaryCredentialsHint(source: credentialProvider.source).redacting(secrets())
                } else {
                    failure = error.redacting(secrets())
                }
                reach = .answered(status: response.status)
                retryAfter = RetryPolicy.retryAfter(response.header("Retry-After"), now: now())
            } catch is CancellationError {
                throw .cancelled
            } catch let error as TransportError {
                failure = CloudError.transport(error.detail).redacting(secrets())
                reach = error.mayHaveReachedServer ? .maybe : .notSent
                transient = error.isTransient
            } catch let error as CloudError {
                // Raised before sending (configuration, the signature guard), or by a custom transport.
                if case .transport = error {
                    failure = error.redacting(secrets())
                    reach = .maybe
                } else {
                    throw .failed(error.redacting(secrets()), .notSent)
                }
            } catch {
                failure = CloudError.transport(String(describing: error)).redacting(secrets())
                reach = .maybe
            }
            retryAfterSeen?.value = retryAfter
            // The access key too: a path (IAM's credential lookup) or a message may name it.
            let logged = { (text: String) in CloudError.redacted(text, secrets() + [credentials.accessKey]) }
            logger.debug("\(method) \(logged(path)) failed (attempt \(attempt)): \(logged(failure.message))")
            guard attempt < retry.maxAttempts, transient, RetryPolicy.isRetryable(failure) else {
                throw .failed(failure, reach)
            }
            let wait = retry.delay(afterAttempt: attempt, retryAfter: retryAfter, random: retryClock.random())
            guard retryClock.now() - start + wait <= retry.totalBudget else {
                logger.debug("\(method) \(logged(path)): no retry, the \(retry.totalBudget) budget would be exceeded")
                throw .failed(failure, reach)
            }
            logger.debug("\(method) \(logged(path)): retrying in \(wait) (attempt \(attempt + 1) of at most \(retry.maxAttempts))")
            do {
                try await retryClock.sleep(wait)
            } catch {
                throw .cancelled
            }
        }
    }

    /// A read (GET) refused by the gateway's own check of the key (`APIGW.0301`, `APIGW.0307`):
    /// renewed credentials may send it again. Never a write, and never a 401 of a service behind
    /// the gateway, which may have looked at the request.
    static func mayResendAfterRenewal(method: String, refusal: CloudError) -> Bool {
        guard method == "GET", case let .api(status, code, _, _) = refusal, status == 401
        else { return false }
        return ["APIGW.0301", "APIG.0301", "APIGW.0307", "APIG.0307"].contains(code)
    }

    /// A URL as the debug log shows it: no user info, and none of `secrets` (the IAM lookup of the
    /// user id has the access key in its path; the rest carry none, but every line is checked).
    static func loggable(_ url: URL?, redacting secrets: [String]) -> String {
        guard let url, var parts = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return "(no URL)" }
        parts.user = nil
        parts.password = nil
        return CloudError.redacted(parts.string ?? "(no URL)", secrets)
    }

    static func milliseconds(since start: ContinuousClock.Instant) -> Int64 {
        let elapsed = ContinuousClock.now - start
        return elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
    }

    /// The clear text of the secrets no error may contain: the secret keys and tokens handed out
    /// (the current ones and those renewed away), and `extra`.
    private func secrets(_ extra: [Secret]) -> [String] {
        (credentialProvider.secrets + extra).map { $0.reveal() }
    }

    /// Any status ≥ 400 is an error, and so is a 202 that carries `Common.0024` (throttling).
    static func error(in response: HTTPReply) -> CloudError? {
        let requestId = response.header("X-Request-Id")
        if response.status >= 400 {
            return CloudError.decode(status: response.status, body: response.body, requestId: requestId)
        }
        if response.status == 202 {
            let decoded = CloudError.decode(status: 202, body: response.body, requestId: requestId)
            if decoded.code == "Common.0024" { return decoded }
        }
        return nil
    }

    private static func cloudError(_ error: any Error) -> CloudError {
        (error as? CloudError) ?? .configuration(String(describing: error))
    }

    private static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context):
            return "not valid JSON" + (context.codingPath.isEmpty ? "" : " at \(path(context.codingPath))")
        case DecodingError.keyNotFound(let key, let context):
            return "missing \(path(context.codingPath + [key]))"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "unexpected value at \(path(context.codingPath))"
        default:
            return "undecodable answer"
        }
    }

    private static func path(_ keys: [CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }
}

/// Why a call failed, and how far its last attempt got.
enum CallFailure: Error {
    /// How far the request got: it decides whether an unanswered write may have happened.
    enum Reach: Sendable, Equatable {
        /// It never left this machine (bad endpoint, refused signature guard, connection refused, DNS, TLS).
        case notSent
        /// It may have reached the cloud (timeout, lost connection, unknown failure).
        case maybe
        /// The cloud answered with this status.
        case answered(status: Int)

        /// Whether the cloud may have acted on the request without saying so clearly: no answer
        /// after it may have been sent, a 5xx, or a 2xx/3xx that could not be read.
        var isAmbiguous: Bool {
            switch self {
            case .notSent: return false
            case .maybe: return true
            case let .answered(status): return !(400..<500).contains(status)
            }
        }
    }
    case cancelled
    case failed(CloudError, Reach)
}
