import Foundation
import Testing

@testable import HuaweiCloud

/// Which proxy a request goes through, from the environment, with curl's conventions.
struct ProxySettingsTests {
    private static let proxy = "http://proxy.corp:3128"

    @Test(arguments: [
        // (environment, URL, proxied?)
        (["HTTPS_PROXY": proxy], "https://ecs.cn-north-4.myhuaweicloud.com/v1", true),
        (["https_proxy": proxy], "https://ecs.cn-north-4.myhuaweicloud.com/v1", true),
        (["ALL_PROXY": proxy], "https://ecs.cn-north-4.myhuaweicloud.com/v1", true),
        (["all_proxy": proxy], "https://ecs.cn-north-4.myhuaweicloud.com/v1", true),
        // NO_PROXY in either case, and both at once: neither hides the other.
        (["HTTPS_PROXY": proxy, "NO_PROXY": "myhuaweicloud.com"], "https://ecs.cn-north-4.myhuaweicloud.com/v1", false),
        (["HTTPS_PROXY": proxy, "no_proxy": ".myhuaweicloud.com"], "https://ecs.cn-north-4.myhuaweicloud.com/v1", false),
        (["HTTPS_PROXY": proxy, "no_proxy": "localhost", "NO_PROXY": "myhuaweicloud.com"], "https://iam.myhuaweicloud.com/v3", false),
        (["HTTPS_PROXY": proxy, "NO_PROXY": "*"], "https://ecs.cn-north-4.myhuaweicloud.com/v1", false),
        // A suffix matches whole labels only.
        (["HTTPS_PROXY": proxy, "NO_PROXY": "huaweicloud.com"], "https://ecs.cn-north-4.myhuaweicloud.com/v1", true),
        (["HTTPS_PROXY": proxy, "NO_PROXY": "cn-north-4.myhuaweicloud.com"], "https://ecs.cn-north-4.myhuaweicloud.com/v1", false),
        (["HTTPS_PROXY": proxy, "NO_PROXY": "CN-NORTH-4.MyHuaweiCloud.com."], "https://ecs.cn-north-4.myhuaweicloud.com/v1", false),
        // Ports: an entry with a port matches that port only.
        (["HTTPS_PROXY": proxy, "NO_PROXY": "gw.corp:8443"], "https://gw.corp:8443/v1", false),
        (["HTTPS_PROXY": proxy, "NO_PROXY": "gw.corp:8443"], "https://gw.corp/v1", true),
        (["HTTPS_PROXY": proxy, "NO_PROXY": "gw.corp:443"], "https://gw.corp/v1", false),
        // Addresses and CIDR blocks.
        (["HTTPS_PROXY": proxy, "NO_PROXY": "10.0.0.0/8"], "https://10.20.30.40/v1", false),
        (["HTTPS_PROXY": proxy, "NO_PROXY": "10.0.0.0/8"], "https://11.0.0.1/v1", true),
        (["HTTPS_PROXY": proxy, "NO_PROXY": "fd00::/8"], "https://[fd12::1]/v1", false),
        (["HTTPS_PROXY": proxy, "NO_PROXY": "192.168.1.5"], "https://192.168.1.5:8443/v1", false),
        (["HTTPS_PROXY": proxy, "NO_PROXY": " a.example , b.example "], "https://x.b.example/v1", false),
        // Loopback is never proxied, whatever is set.
        (["HTTPS_PROXY": proxy], "https://127.0.0.2:8443/v1", false),
        (["HTTPS_PROXY": proxy], "https://localhost:8443/v1", false),
        (["HTTPS_PROXY": proxy], "https://[::1]:8443/v1", false),
        // Plain http goes only to loopback, always directly: http_proxy never applies.
        (["HTTPS_PROXY": proxy, "http_proxy": proxy, "HTTP_PROXY": proxy, "ALL_PROXY": proxy], "http://127.0.0.2:8080/v1", false),
        (["http_proxy": proxy, "ALL_PROXY": proxy], "http://127.0.0.1:8080/v1", false),
        ([:], "https://ecs.cn-north-4.myhuaweicloud.com/v1", false),
    ])
    func theProxyFollowsTheEnvironment(environment: [String: String], url: String, proxied: Bool) throws {
        let settings = try ProxySettings(environment: environment)
        let target = try #require(URL(string: url))
        #expect((settings.proxy(for: target) != nil) == proxied)
    }

    @Test func httpsProxyWinsOverAllProxyAndLowercaseOverUppercase() throws {
        let settings = try ProxySettings(environment: [
            "ALL_PROXY": "http://all:1", "HTTPS_PROXY": "http://upper:2", "https_proxy": "http://lower:3",
        ])
        #expect(settings.httpsProxy?.host == "lower")
        #expect(settings.httpsProxy?.port == 3)
    }

    @Test func aProxyURLIsParsedWithCredentialsAndDefaults() throws {
        let server = try ProxyServer(parsing: "http://ops%40corp:p%3Ass@proxy.corp:8080", variable: "HTTPS_PROXY")
        #expect(server.kind == .http && server.host == "proxy.corp" && server.port == 8080)
        #expect(server.username == "ops@corp")
        #expect(server.password?.reveal() == "p:ss")
        let bare = try ProxyServer(parsing: "proxy.corp", variable: "HTTPS_PROXY")
        #expect(bare.kind == .http && bare.port == 1080)
        let socks = try ProxyServer(parsing: "socks5h://[fd00::1]:1081", variable: "ALL_PROXY")
        #expect(socks.kind == .socks5 && socks.host == "fd00::1" && socks.port == 1081)
    }

    @Test(arguments: ["https://user:hunter22@proxy.corp:3128", "socks4://proxy.corp", "socks5://user:hunter22@proxy.corp", "http://",
                      "http://bob:hunter22/x@proxy.corp:3128", "http://bob:hunter22?#@proxy.corp:3128"])
    func anUnusableProxyIsRefusedWithoutQuotingItsPassword(value: String) {
        do {
            _ = try ProxySettings(environment: ["HTTPS_PROXY": value])
            Issue.record("\(value) was accepted")
        } catch {
            #expect(error.message.contains("HTTPS_PROXY="))
            #expect(!error.message.contains("hunter22"), "\(error.message)")
        }
    }

    @Test func anEndpointURLsCredentialsAreNeverEchoed() {
        #expect(Endpoints.redacted("https://admin:s3cret@gw.corp:8443/v1?x=1") == "https://••••@gw.corp:8443/v1?x=1")
        #expect(Endpoints.redacted("http://bob:pa/ss@proxy:3128") == "http://••••@proxy:3128")
        #expect(Endpoints.redacted("https://gw.corp/v1") == "https://gw.corp/v1")
        let endpoints = Endpoints(region: "cn-north-4", override: URL(string: "http://admin:s3cret@10.1.2.3/"))
        #expect(throws: CloudError.self) { try endpoints.validate() }
        do {
            try endpoints.validate()
        } catch {
            #expect(!String(describing: error).contains("s3cret"))
        }
    }
}
