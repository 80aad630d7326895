import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
@testable import CloudSimulator
import HuaweiCloud
import Testing

/// A real HTTP client for the tests: signs each request with the client's RequestSigner, lets a
/// test forge the signed headers, sends it with URLSession, and returns the status, headers and JSON.
struct SignedClient: Sendable {
    var baseURL: URL
    var accessKey: String
    var secretKey: Secret
    var projectId: String
    var clock: @Sendable () -> Date

    init(baseURL: URL, configuration: SimulatorConfiguration, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.baseURL = baseURL
        accessKey = configuration.accessKey
        secretKey = configuration.secretKey
        projectId = configuration.projectId
        self.clock = clock
    }

    struct Reply: Sendable {
        var status: Int
        var body: Data
        var requestId: String?
        var retryAfter: String?

        var text: String { String(decoding: body, as: UTF8.self) }
        func json() throws -> [String: Any] {
            try #require(JSONSerialization.jsonObject(with: body) as? [String: Any])
        }
        func decode<T: Decodable>(_ type: T.Type) throws -> T { try JSONDecoder().decode(type, from: body) }
        /// The error code of either error shape.
        var errorCode: String? {
            guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else { return nil }
            if let code = object["error_code"] as? String { return code }
            return (object["error"] as? [String: Any])?["code"] as? String
        }
    }

    /// Sends a signed request. `mutate` edits the headers after signing (to forge a bad request).
    func send(
        _ method: String, _ path: String, query: [(String, String)] = [], body: Data = Data(),
        date: Date? = nil, secretKey overrideKey: Secret? = nil, accessKey overrideAK: String? = nil,
        timeout: TimeInterval? = nil, mutate: (inout [String: String]) -> Void = { _ in }
    ) async throws -> Reply {
        let credentials = Credentials(accessKey: overrideAK ?? accessKey, secretKey: overrideKey ?? secretKey)
        let signed = try RequestSigner(credentials: credentials).signedRequest(
            method: method, baseURL: baseURL, path: path, query: query, body: body, projectId: projectId,
            date: date ?? clock())
        var headers = signed.headerDictionary
        mutate(&headers)
        var request = URLRequest(url: try #require(signed.url))
        request.httpMethod = method
        if let timeout { request.timeoutInterval = timeout }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        if !body.isEmpty { request.httpBody = body }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        return Reply(
            status: http.statusCode, body: data, requestId: http.value(forHTTPHeaderField: "X-Request-Id"),
            retryAfter: http.value(forHTTPHeaderField: "Retry-After"))
    }

    func get(_ path: String, query: [(String, String)] = []) async throws -> Reply {
        try await send("GET", path, query: query)
    }

    func reinstall(_ api: ReinstallAPI, server: String, body: String) async throws -> Reply {
        try await send("POST", "/\(api.rawValue)/\(projectId)/cloudservers/\(server)/reinstallos", body: Data(body.utf8))
    }
}


/// Starts a simulator on a free port for the length of `body`.
@discardableResult
func withSimulator<T>(
    _ configuration: SimulatorConfiguration = SimulatorConfiguration(),
    dataSet: SimulatorDataSet = .demo,
    clock: ManualClock? = nil,
    _ body: (CloudSimulator, SignedClient) async throws -> T
) async throws -> T {
    let now: @Sendable () -> Date
    if let clock {
        now = { clock.now() }
    } else {
        now = { Date() }
    }
    let simulator = CloudSimulator(configuration: configuration, dataSet: dataSet, now: now)
    let url = try await simulator.start(port: 0)
    let client = SignedClient(baseURL: url, configuration: configuration, clock: now)
    do {
        let result = try await body(simulator, client)
        await simulator.stop()
        return result
    } catch {
        await simulator.stop()
        throw error
    }
}

enum Demo {
    static let web01 = "3f1c9a2e-6b4d-4e8f-a1c3-5e7f9b1d3a01"
    static let legacyApp = "b4e6a8c1-2d3f-4b5a-9c7e-1f3a5b7d9c03"
    static let winAD = "d8a1c3e5-7f9b-4d1c-a3e5-7b9d1f3a5c04"
    static let dbPrimary = "1e3a5c7f-9b1d-4f3a-85c7-e9b1d3f5a705"
    static let dbReplica = "5c7e9a1b-3d5f-4c7e-9a1b-3d5f7c9e1a06"
    static let winRDP = "2b4d6f8a-1c3e-4b5d-8f7a-9c1e3b5d7f08"
    static let locked = "6d8f1a3c-5e7b-4d9f-a1c3-5e7b9d1f3a09"
    static let noDisk = "a1c3e5b7-9d1f-4a3c-b5e7-9d1f3a5c7e10"
    static let cache = "e5b7d9f1-3a5c-4e7b-9d1f-3a5c7e9b1d11"
    static let imported = "c9d1f3a5-b7c9-4e1d-a3f5-b7c9d1e3f512"
    static let web02 = "7a2d4f6b-8c1e-4a3f-b5d7-9e1c3a5f7b02"
    static let userId = SimulatorConfiguration().userId
}

extension SignedRequest {
    /// The signed fields by name, `Host` (the authority) included, for requests sent by hand.
    var headerDictionary: [String: String] {
        var fields: [String: String] = [:]
        for field in head.headerFields { fields[field.name.rawName] = field.value }
        if let authority = head.authority { fields["Host"] = authority }
        return fields
    }
}
