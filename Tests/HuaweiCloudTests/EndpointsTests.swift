import Foundation
import Testing

@testable import HuaweiCloud

struct EndpointsTests {
    @Test(arguments: [
        (CloudService.ecs, "https://ecs.cn-north-4.myhuaweicloud.com"),
        (.ims, "https://ims.cn-north-4.myhuaweicloud.com"),
        (.kps, "https://kms.cn-north-4.myhuaweicloud.com"),
        (.iam, "https://iam.cn-north-4.myhuaweicloud.com"),
    ])
    func eachServiceHasItsRegionalHost(service: CloudService, url: String) throws {
        #expect(try Endpoints(region: "cn-north-4").url(for: service).absoluteString == url)
    }

    @Test func dublinKeepsEveryServiceOnTheEuropeanDomain() throws {
        let endpoints = Endpoints(region: "eu-west-101")
        #expect(try endpoints.url(for: .iam).absoluteString == "https://iam.eu-west-101.myhuaweicloud.eu")
        #expect(try endpoints.url(for: .ecs).absoluteString == "https://ecs.eu-west-101.myhuaweicloud.eu")
    }

    @Test func theSDKVariablesOverrideOneServiceEachAndAListUsesItsFirstEntry() throws {
        let endpoints = Endpoints(region: "ap-southeast-1", environment: [
            "HUAWEICLOUD_SDK_REGION_ECS_AP_SOUTHEAST_1": " https://ecs.private.example:8443 , https://second.example",
            "HUAWEICLOUD_SDK_REGION_KPS_AP_SOUTHEAST_1": "https://kps.private.example",
            "HUAWEICLOUD_SDK_REGION_ECS_CN_NORTH_4": "https://wrong-region.example",
            "HUAWEICLOUD_SDK_IAM_ENDPOINT": "https://iam.myhuaweicloud.com",
        ])
        #expect(try endpoints.url(for: .ecs).absoluteString == "https://ecs.private.example:8443")
        #expect(try endpoints.url(for: .kps).absoluteString == "https://kps.private.example")
        #expect(try endpoints.url(for: .ims).absoluteString == "https://ims.ap-southeast-1.myhuaweicloud.com")
        #expect(try endpoints.url(for: .iam).absoluteString == "https://iam.myhuaweicloud.com")
    }

    /// The endpoints keep what another region's need (after `:`), and nothing of the keys: every
    /// client copy carries them, and a failed expectation or a log line prints them whole.
    @Test func theEnvironmentsKeysAreNotKeptForAnotherRegion() throws {
        let endpoints = Endpoints(region: "cn-north-4", environment: [
            "HUAWEICLOUD_SDK_AK": "AKEXAMPLE1234567",
            "HUAWEICLOUD_SDK_SK": "sk-never-kept-0123456789",
            "HUAWEICLOUD_SDK_SECURITY_TOKEN": "token-never-kept",
            "HUAWEICLOUD_SDK_PROJECT_ID": "p-env",
            "HUAWEICLOUD_SDK_REGION_ECS_CN_EAST_3": "https://ecs.east.example",
            "HUAWEICLOUD_SDK_IAM_ENDPOINT": "https://iam.global.example",
        ])
        let east = endpoints.inRegion("cn-east-3")
        for text in [String(describing: endpoints), String(reflecting: east)] {
            #expect(!text.contains("sk-never-kept") && !text.contains("token-never-kept") && !text.contains("AKEXAMPLE"))
        }
        #expect(try east.url(for: .ecs).absoluteString == "https://ecs.east.example")
        #expect(try east.url(for: .iam).absoluteString == "https://iam.global.example")
        #expect(try east.url(for: .ims).absoluteString == "https://ims.cn-east-3.myhuaweicloud.com")
    }

    @Test func theRegionalIAMVariableWinsOverTheGlobalOne() throws {
        let endpoints = Endpoints(region: "cn-north-4", environment: [
            "HUAWEICLOUD_SDK_REGION_IAM_CN_NORTH_4": "https://iam.regional.example",
            "HUAWEICLOUD_SDK_IAM_ENDPOINT": "https://iam.global.example",
        ])
        #expect(try endpoints.url(for: .iam).absoluteString == "https://iam.regional.example")
    }

    @Test func theEndpointFlagSendsEveryServiceToOneURL() throws {
        let endpoints = Endpoints(region: "cn-north-4", override: URL(string: "http://127.0.0.1:38211"),
                                  environment: ["HUAWEICLOUD_SDK_REGION_ECS_CN_NORTH_4": "https://ignored.example"])
        for service in CloudService.allCases {
            #expect(try endpoints.url(for: service).absoluteString == "http://127.0.0.1:38211")
        }
    }

    @Test(arguments: [
        "http://127.0.0.1:8080", "http://127.1.2.3", "http://localhost:9000", "http://LOCALHOST", "http://[::1]:9000",
        "https://ecs.example.com",
    ])
    func plainHTTPIsAllowedOnlyToLoopback(url: String) throws {
        try Endpoints(region: "r", override: URL(string: url)).validate()
    }

    @Test(arguments: [
        "http://10.0.0.1", "http://ecs.cn-north-4.myhuaweicloud.com", "http://127.0.0.1.nip.io", "http://localhost.evil.com",
        "http://128.0.0.1", "http://[::2]", "ftp://127.0.0.1", "http://1277.0.0.1",
    ])
    func anyOtherPlainOrUnknownSchemeIsAConfigurationError(url: String) {
        #expect(throws: CloudError.self) { try Endpoints(region: "r", override: URL(string: url)).validate() }
    }

    @Test func aNonLoopbackHTTPEndpointFromTheEnvironmentIsRefusedToo() {
        let endpoints = Endpoints(region: "cn-north-4", environment: ["HUAWEICLOUD_SDK_IAM_ENDPOINT": "http://iam.example"])
        #expect(throws: CloudError.self) { try endpoints.url(for: .iam) }
        #expect(throws: Never.self) { try endpoints.url(for: .ecs) }
    }

    @Test func connectRefusesAnInsecureEndpointBeforeSendingAnything() async {
        let transport = ScriptedTransport([])
        await #expect(throws: CloudError.self) {
            _ = try await CloudClient.connect(
                credentials: Credentials(accessKey: "AK", secretKey: "SK"),
                endpoints: Endpoints(region: "r", override: URL(string: "http://192.168.1.10:8080")), transport: transport)
        }
        #expect(transport.requests.isEmpty)
    }

    @Test func connectLooksUpTheProjectOnIAMWhenTheCredentialsNameNone() async throws {
        let transport = ScriptedTransport([.json(200, #"{"projects":[{"id":"p42","name":"cn-north-4","extra":1}],"links":{}}"#)])
        let client = try await CloudClient.connect(
            credentials: Credentials(accessKey: "AK", secretKey: "SK"), endpoints: Endpoints(region: "cn-north-4"),
            transport: transport)
        #expect(client.projectId == "p42")
        let request = try #require(transport.requests.first)
        #expect(request.sentURL.absoluteString == "https://iam.cn-north-4.myhuaweicloud.com/v3/projects?name=cn-north-4")
        #expect(request.headers["X-Project-Id"] == nil)
    }

    @Test(arguments: [#"{"projects":[]}"#, #"{"projects":[{"id":"a","name":"x"},{"id":"b","name":"x"}]}"#])
    func connectWantsExactlyOneProject(body: String) async {
        let transport = ScriptedTransport([.json(200, body)])
        await #expect {
            _ = try await CloudClient.connect(credentials: Credentials(accessKey: "AK", secretKey: "SK"),
                                              endpoints: Endpoints(region: "cn-north-4"), transport: transport)
        } throws: { error in
            (error as? CloudError)?.message.contains("HUAWEICLOUD_SDK_PROJECT_ID") == true
        }
    }
}
