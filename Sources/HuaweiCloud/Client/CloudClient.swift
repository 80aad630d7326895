import Foundation
import Logging

/// Typed calls to ECS, IMS, KPS and IAM, signed with AK/SK. Knows nothing of the UI.
public struct CloudClient: Sendable {
    public let credentials: Credentials
    public let endpoints: Endpoints
    public let projectId: String
    private let transport: any HTTPTransport
    private let retry: RetryPolicy
    private let now: @Sendable () -> Date
    private let logger: Logger

    public init(
        credentials: Credentials, endpoints: Endpoints, projectId: String,
        transport: any HTTPTransport = URLSessionTransport(), retry: RetryPolicy = RetryPolicy(),
        now: @escaping @Sendable () -> Date = { Date() }, logger: Logger = Logger(label: "ecs-reinstall.cloud")
    ) {
        self.credentials = credentials
        self.endpoints = endpoints
        self.projectId = projectId
        self.transport = transport
        self.retry = retry
        self.now = now
        self.logger = logger
    }

    /// A client for the credentials' project, or the region's project looked up in IAM
    /// (`GET /v3/projects?name={region}`, exactly one match) when the credentials name none.
    public static func connect(
        credentials: Credentials, endpoints: Endpoints, transport: any HTTPTransport = URLSessionTransport(),
        retry: RetryPolicy = RetryPolicy(), now: @escaping @Sendable () -> Date = { Date() }
    ) async throws -> CloudClient {
        if let projectId = credentials.projectId {
            return CloudClient(credentials: credentials, endpoints: endpoints, projectId: projectId,
                               transport: transport, retry: retry, now: now)
        }
        let probe = CloudClient(credentials: credentials, endpoints: endpoints, projectId: "",
                                transport: transport, retry: retry, now: now)
        let list: ProjectList = try await probe.get(
            .iam, "/v3/projects", query: [("name", endpoints.region)], what: "the project lookup", project: false)
        guard list.projects.count == 1, let project = list.projects.first else {
            throw CloudError.configuration(
                "IAM lists \(list.projects.count) projects named \(endpoints.region); expected one. "
                    + "Set HUAWEICLOUD_SDK_PROJECT_ID to the project to use.")
        }
        return CloudClient(credentials: credentials, endpoints: endpoints, projectId: project.id,
                           transport: transport, retry: retry, now: now)
    }

    // MARK: Calls

    /// One page of servers. `page` is a page number from 1, as the API's `offset` is.
    public func listServers(page: Int, limit: Int = 100, name: String? = nil) async throws -> ServerPage {
        var query = [("offset", String(page)), ("limit", String(limit))]
        if let name, !name.isEmpty { query.append(("name", name)) }
        return try await get(.ecs, "/v1/\(projectId)/cloudservers/detail", query: query, what: "the server list")
    }

    public func showServer(id: String) async throws -> Server {
        struct Wrapper: Decodable { var server: Server }
        let wrapper: Wrapper = try await get(
            .ecs, "/v1/\(projectId)/cloudservers/\(PercentEncoding.encode(id))", what: "the server")
        return wrapper.server
    }

    /// The server's image from IMS, or nil when IMS no longer knows it.
    public func image(id: String) async throws -> Image? {
        let list: ImageList = try await get(.ims, "/v2/cloudimages", query: [("id", id)], what: "the image")
        return list.images.first { $0.id == id } ?? list.images.first
    }

    /// Every KPS key pair, following `next_marker` page by page.
    public func keypairs(pageSize: Int = 50) async throws -> [Keypair] {
        var all: [Keypair] = []
        var marker: String?
        for _ in 0..<1000 {
            var query = [("limit", String(pageSize))]
            if let marker { query.append(("marker", marker)) }
            let page: KeypairPage = try await get(.kps, "/v3/\(projectId)/keypairs", query: query, what: "the key pairs")
            all += page.keypairs.map(\.keypair)
            guard let next = page.pageInfo?.nextMarker, !next.isEmpty, next != marker, !page.keypairs.isEmpty
            else { break }
            marker = next
        }
        return all
    }

    /// The IAM user id that owns the access key (`userid` of a key-pair reinstall).
    public func userId() async throws -> String {
        let info: CredentialInfo = try await get(
            .iam, "/v3.0/OS-CREDENTIAL/credentials/\(PercentEncoding.encode(credentials.accessKey))",
            what: "the user id", project: false)
        return info.credential.userId
    }

    /// Sends a reinstall. Never retried: the POST is not idempotent, so a failure after the
    /// request may have reached the cloud is reported to the caller as it is.
    public func reinstall(serverId: String, api: ReinstallAPI, request: ReinstallRequest) async throws -> String {
        let path = "/\(api.rawValue)/\(projectId)/cloudservers/\(PercentEncoding.encode(serverId))/reinstallos"
        let body = try request.encodedBody()
        let response = try await send(.ecs, "POST", path, body: body, project: true, retry: .none)
        let reference: JobReference = try decode(response, what: "the reinstall")
        return reference.jobId
    }

    public func job(id: String) async throws -> Job {
        try await get(.ecs, "/v1/\(projectId)/jobs/\(PercentEncoding.encode(id))", what: "the job")
    }

    // MARK: Plumbing

    func get<T: Decodable>(
        _ service: CloudService, _ path: String, query: [(String, String)] = [], what: String, project: Bool = true
    ) async throws -> T {
        let response = try await send(service, "GET", path, query: query, project: project, retry: retry)
        return try decode(response, what: what)
    }

    private func decode<T: Decodable>(_ response: HTTPResponse, what: String) throws -> T {
        do {
            return try JSONDecoder().decode(T.self, from: response.body)
        } catch {
            throw CloudError.malformedResponse(
                what: what, detail: Self.describe(error), requestId: response.header("X-Request-Id"))
        }
    }

    private func send(
        _ service: CloudService, _ method: String, _ path: String, query: [(String, String)] = [],
        body: Data = Data(), project: Bool, retry: RetryPolicy
    ) async throws -> HTTPResponse {
        guard let base = endpoints.baseURL(for: service) else {
            throw CloudError.configuration("No endpoint for \(service.rawValue) in region \(endpoints.region).")
        }
        let signer = RequestSigner(credentials: credentials)
        var attempt = 0
        while true {
            attempt += 1
            // Signed anew for each attempt: X-Sdk-Date must be fresh.
            let request = try signer.signedRequest(
                method: method, baseURL: base, path: path, query: query, body: body,
                projectId: project ? projectId : nil, date: now())
            var retryAfter: Duration?
            let failure: CloudError
            do {
                let response = try await transport.send(request)
                if let error = Self.error(in: response) {
                    failure = error
                    retryAfter = response.header("Retry-After").flatMap(Int.init).map { .seconds($0) }
                } else {
                    return response
                }
            } catch let error as CloudError {
                failure = error
            }
            logger.debug("\(method) \(path) failed: \(failure.message)")
            guard attempt < retry.maxAttempts, RetryPolicy.isRetryable(failure) else { throw failure }
            try await Task.sleep(for: retry.delay(
                afterAttempt: attempt, retryAfter: retryAfter, random: Double.random(in: 0...1)))
        }
    }

    /// Any status ≥ 400 is an error, and so is a 202 that carries `Common.0024` (throttling).
    static func error(in response: HTTPResponse) -> CloudError? {
        let requestId = response.header("X-Request-Id")
        if response.status >= 400 {
            return CloudError.decode(status: response.status, body: response.body, requestId: requestId)
        }
        if response.status == 202,
           case let .api(_, code, _, _) = CloudError.decode(status: 202, body: response.body, requestId: requestId),
           code == "Common.0024" {
            return CloudError.decode(status: 202, body: response.body, requestId: requestId)
        }
        return nil
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
            return "\(error)"
        }
    }

    private static func path(_ keys: [CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }
}
