import Foundation
import Testing

@testable import HuaweiCloud

/// `GET /v3/auth/projects` as the scopes `:` offers, and a client moved to one of them that keeps
/// everything but the region and project.
struct ReachableScopesTests {
    static let answer = #"""
    {"projects":[
      {"id":"mos","name":"MOS","enabled":true,"domain_id":"d","parent_id":"d","is_domain":false},
      {"id":"p-sub","name":"cn-north-4_staging","enabled":true,"parent_id":"p-n4"},
      {"id":"p-sg","name":"ap-southeast-1","enabled":true},
      {"id":"p-n4","name":"cn-north-4","enabled":true},
      {"id":"p-off","name":"cn-east-3","enabled":false},
      {"id":"p-new","name":"xx-future-9"},
      {"id":"p-odd","name":"cn-north-4_"},
      {"id":"p-tool","name":"my-tools"}
    ],"links":{"self":"https://iam.example/v3/auth/projects"}}
    """#

    private func client(_ transport: any HTTPTransport, endpoints: Endpoints = Endpoints(region: "cn-north-4")) -> CloudClient {
        CloudClient(credentials: Credentials(accessKey: "AK", secretKey: "SK"), endpoints: endpoints,
                    projectId: "p-n4", transport: transport, retry: .none)
    }

    @Test func regionProjectsAndSubprojectsAreListedByRegionTheDefaultFirst() async throws {
        let transport = ScriptedTransport([.json(200, Self.answer)])
        let scopes = try await client(transport).reachableScopes()
        #expect(scopes.map(\.projectName) == ["ap-southeast-1", "cn-north-4", "cn-north-4_staging", "xx-future-9"])
        #expect(scopes.map(\.region) == ["ap-southeast-1", "cn-north-4", "cn-north-4", "xx-future-9"])
        #expect(scopes.map(\.isRegionDefault) == [true, true, false, true])
        #expect(transport.requests.map(\.sentURL.path) == ["/v3/auth/projects"])
        #expect(transport.requests.first?.sentURL.host == "iam.cn-north-4.myhuaweicloud.com")
        // An account-level call: no project header.
        #expect(transport.requests.first?.header("X-Project-Id") == nil)
    }

    @Test(arguments: [
        ("cn-north-4", "cn-north-4"), ("cn-north-4_staging", "cn-north-4"), ("eu-west-101", "eu-west-101"),
        ("MOS", nil), ("my-tools", nil), ("cn-north-4_", nil), ("cn-north", nil), ("CN-NORTH-4", nil),
    ] as [(String, String?)])
    func aProjectNamesItsRegionOrNone(name: String, region: String?) {
        #expect(ProjectScope.region(ofProjectNamed: name) == region)
    }

    @Test func anUndecodableListIsAMalformedAnswer() async {
        let transport = ScriptedTransport([.json(200, #"{"projects":[{"name":"cn-north-4"}]}"#)])
        await #expect {
            _ = try await client(transport).reachableScopes()
        } throws: { error in
            guard case .malformedResponse = error as? CloudError else { return false }
            return true
        }
    }

    @Test func aScopedClientKeepsTheEndpointSettingsForItsRegion() throws {
        let endpoints = Endpoints(region: "cn-north-4", environment: [
            "HUAWEICLOUD_SDK_REGION_ECS_CN_EAST_3": "https://ecs.east.private.example",
            "HOME": "/home/nobody",
        ], iamEndpoint: "https://iam.file.example",
        regionsFile: RegionsFile(services: ["IMS": ["cn-east-3": ["https://ims.east.file.example"]]]))
        var original = client(ScriptedTransport([]), endpoints: endpoints)
        original.enterpriseProjects = .only("ep-1")
        let moved = original.scoped(to: ProjectScope(region: "cn-east-3", projectId: "p-e3"))
        #expect(moved.projectId == "p-e3")
        #expect(moved.endpoints.region == "cn-east-3")
        #expect(try moved.endpoints.url(for: .ecs).absoluteString == "https://ecs.east.private.example")
        #expect(try moved.endpoints.url(for: .ims).absoluteString == "https://ims.east.file.example")
        #expect(try moved.endpoints.url(for: .iam).absoluteString == "https://iam.file.example")
        #expect(try moved.endpoints.url(for: .kps).absoluteString == "https://kms.cn-east-3.myhuaweicloud.com")
        #expect(moved.enterpriseProjects == .only("ep-1"))
        #expect(moved.credentialSource == original.credentialSource)
        // Worked out by the same rule as at start.
        #expect(moved.endpoints == Endpoints(region: "cn-east-3", environment: [
            "HUAWEICLOUD_SDK_REGION_ECS_CN_EAST_3": "https://ecs.east.private.example",
        ], iamEndpoint: "https://iam.file.example",
        regionsFile: RegionsFile(services: ["IMS": ["cn-east-3": ["https://ims.east.file.example"]]])))
    }

    /// The European site has its own domain: a switch there from a .com region, and back, takes it
    /// from the region table as a start there would.
    @Test func aSwitchBetweenSitesTakesTheOtherDomain() throws {
        let dublin = client(ScriptedTransport([])).scoped(to: ProjectScope(region: "eu-west-101", projectId: "p-eu"))
        #expect(try dublin.endpoints.url(for: .ecs).absoluteString == "https://ecs.eu-west-101.myhuaweicloud.eu")
        #expect(try dublin.endpoints.url(for: .iam).absoluteString == "https://iam.eu-west-101.myhuaweicloud.eu")
        #expect(dublin.endpoints == Endpoints(region: "eu-west-101"))
        let beijing = client(ScriptedTransport([]), endpoints: Endpoints(region: "eu-west-101"))
            .scoped(to: ProjectScope(region: "cn-north-4", projectId: "p-n4"))
        #expect(try beijing.endpoints.url(for: .ecs).absoluteString == "https://ecs.cn-north-4.myhuaweicloud.com")
        #expect(beijing.endpoints == Endpoints(region: "cn-north-4"))
    }

    @Test func anOverrideStaysForEveryRegion() throws {
        let override = URL(string: "http://127.0.0.1:9")
        let moved = client(ScriptedTransport([]), endpoints: Endpoints(region: "cn-north-4", override: override))
            .scoped(to: ProjectScope(region: "ap-southeast-1", projectId: "p-sg"))
        #expect(try moved.endpoints.url(for: .ecs) == override)
    }

    /// The gateway counts refused signatures per access key, in every region: so does the guard.
    @Test func aScopedClientSharesTheSignatureGuard() async {
        let refused = ScriptedTransport.Step.json(
            401, #"{"error_code":"APIGW.0301","error_msg":"Incorrect IAM authentication information: verify aksk signature fail"}"#)
        let transport = ScriptedTransport([refused, refused])
        let original = client(transport)
        let moved = original.scoped(to: ProjectScope(region: "cn-east-3", projectId: "p-e3"))
        _ = try? await original.reachableScopes()
        _ = try? await moved.reachableScopes()
        #expect(original.consecutiveSignatureFailures == 2)
        #expect(moved.consecutiveSignatureFailures == 2)
        #expect(transport.requests.last?.sentURL.host == "iam.cn-east-3.myhuaweicloud.com")
    }
}
