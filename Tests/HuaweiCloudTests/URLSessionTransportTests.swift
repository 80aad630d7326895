import Foundation
import Testing

@testable import HuaweiCloud

/// The real transport classifies a refused connection as "never sent".
struct URLSessionTransportTests {
    @Test func aRefusedConnectionIsATransportErrorThatNeverReachedTheServer() async throws {
        let transport = URLSessionTransport(connectTimeout: .seconds(5), requestTimeout: .seconds(5))
        let url = try #require(URL(string: "http://127.0.0.1:1/v1/p/jobs/j"))
        do {
            _ = try await transport.send(HTTPRequest(method: "GET", url: url, headers: [:]))
            Issue.record("port 1 answered")
        } catch let error as TransportError {
            #expect(error.kind == .connectionRefused)
            #expect(!error.mayHaveReachedServer)
        }
    }

    @Test(arguments: [
        (URLError.Code.timedOut, TransportError.Kind.timedOut, true),
        (.networkConnectionLost, .connectionLost, true),
        (.cannotConnectToHost, .connectionRefused, false),
        (.cannotFindHost, .hostNotFound, false),
        (.serverCertificateUntrusted, .tls, false),
        (.badServerResponse, .other, true),
    ])
    func urlErrorsAreClassified(code: URLError.Code, kind: TransportError.Kind, mayHaveReached: Bool) {
        let error = URLSessionTransport.transportError(URLError(code))
        #expect(error.kind == kind)
        #expect(error.mayHaveReachedServer == mayHaveReached)
    }
}
