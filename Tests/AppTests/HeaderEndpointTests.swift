import Foundation
import Testing
import TerminalKit

@testable import App

/// A real account whose requests go to an `--endpoint` says where, in place of "Huawei Cloud".
struct HeaderEndpointTests {
    static func realState(width: Int, endpoint: String?) -> AppState {
        var state = AppState(mode: .real, region: "ap-southeast-1", projectId: "0a1b2c3d4e5f40718293a4b5c6d7e8f9",
                             size: TerminalSize(width: width, height: 24), now: Fixtures.now)
        state.credentialSource = "KooCLI:ops-admin"
        state.endpointHost = endpoint.map(EndpointHost.label)
        _ = startup(&state)
        return state
    }

    @Test(arguments: [
        (80, "http://127.0.0.1:8080", " REAL → 127.0.0.1:8080  ap-southeast-1 · KooCLI:ops-admin"),
        (120, "https://gateway.example.com/ecs", " REAL → gateway.example.com  ap-southeast-1 · KooCLI:ops-admin · project 0a1b2c3d…"),
        (80, "https://gateway.example.com/ecs", " REAL → gateway.example.com  ap-southeast-1 · KooCLI:ops-admin"),
    ])
    func theHeaderShowsTheEndpointHost(width: Int, endpoint: String, expected: String) {
        let header = render(Self.realState(width: width, endpoint: endpoint)).lines[0]
        #expect(header.contains(expected), "\(header)")
        #expect(!header.contains("Huawei Cloud"), "a gateway is not the public cloud")
        #expect(DisplayWidth.of(header) <= width)
    }

    @Test func thePublicCloudAndTheDemoShowNoHost() {
        #expect(render(Self.realState(width: 100, endpoint: nil)).lines[0].contains("REAL — Huawei Cloud"))
        let demo = render(Fixtures.loadedState(width: 80, height: 24)).lines[0]
        #expect(demo.contains("DEMO — simulated cloud") && !demo.contains("→"))
    }

    @Test func aLongHostIsCutInTheMiddleAndTheHeaderStillFits() {
        let host = "apig-ecs-private-gateway-number-17.internal.corp.example.com:8443"
        let header = render(Self.realState(width: 80, endpoint: "https://\(host)")).lines[0]
        #expect(header.contains("REAL → apig-ecs-privat…example.com:8443"), "\(header)")
        #expect(DisplayWidth.of(header) <= 80)
    }

    @Test(arguments: [
        ("https://gateway.example.com", "gateway.example.com"),
        ("http://127.0.0.1:8080/", "127.0.0.1:8080"),
        ("https://user:secret@gw.example.com/v1", "gw.example.com"),
        ("gw.example.com:443", "gw.example.com:443"),
    ])
    func theHostIsTheURLsAuthorityWithoutCredentials(endpoint: String, label: String) {
        #expect(EndpointHost.label(endpoint) == label)
    }
}
