import HuaweiCloud
import Testing

@testable import App

struct ServerFilterTests {
    private func matches(_ filter: String, _ text: String) -> Bool {
        ServerFilter(filter).matches(Array(text.lowercased().utf8))
    }

    @Test(arguments: [
        ("web", "web-01", true),
        ("01", "web-01", true),  // at the very end
        ("aab", "aaab", true),  // the first byte repeats before the match
        ("abc", "ab", false),  // longer than the text
        ("", "anything", true),
        ("x", "", false),
        ("主节点", "数据库-主节点", true),
        ("节主", "数据库-主节点", false),
        ("WEB", "web-01", true),
        ("web 02", "web-01", false),  // every word must occur
        ("01 web", "web-01", true),  // in any order
    ])
    func wordsAreFoundAsBytes(filter: String, text: String, expected: Bool) {
        #expect(matches(filter, text) == expected)
    }

    @Test func aTermNeverSpansTwoFields() {
        let server = Server(id: "abc", name: "web", status: .active, imageId: nil)
        let haystack = ServerFilter.haystack(server)
        #expect(ServerFilter("web").matches(haystack))
        #expect(!ServerFilter("webabc").matches(haystack))
    }

    @Test func theEnterpriseProjectIsMatchedAsShown() {
        let inDefault = Server(id: "a", name: "web", status: .active, imageId: nil, enterpriseProjectId: "0")
        let inOther = Server(id: "b", name: "api", status: .active, imageId: nil, enterpriseProjectId: "5b2e1c7a-3f4d")
        #expect(ServerFilter("default").matches(ServerFilter.haystack(inDefault)))
        #expect(!ServerFilter("default").matches(ServerFilter.haystack(inOther)))
        #expect(ServerFilter("5B2E1C7A").matches(ServerFilter.haystack(inOther)))
    }

    /// What the list shows is what the filter (and `servers --filter`) finds: OS, flavour, AZ, task.
    @Test(arguments: ["windows", "c7.2xlarge", "cn-north-4b", "rebooting", "windows c7 4b"])
    func everyShownColumnIsSearched(filter: String) {
        let server = Server(id: "a", name: "app", status: .active, taskState: "rebooting", imageId: nil,
                            metadata: ["os_type": "Windows"], flavor: .init(id: "f1", name: "c7.2xlarge.4", vcpus: nil, ram: nil),
                            availabilityZone: "cn-north-4b")
        #expect(ServerFilter(filter).matches(server))
        #expect(!ServerFilter(filter + " linux").matches(server))
    }

    @Test func appendingNarrowsAndAnythingElseDoesNot() {
        #expect(ServerFilter("web-0").narrows(ServerFilter("web")))
        #expect(!ServerFilter("we").narrows(ServerFilter("web")))
        #expect(!ServerFilter("xweb").narrows(ServerFilter("web")))
    }
}
