import Foundation
import Testing

@testable import HuaweiCloud

/// The region's project: IAM's list first, the caller's own projects after a 403, and a refusal
/// that names HUAWEICLOUD_SDK_PROJECT_ID whenever neither gives exactly one.
struct ProjectLookupTests {
    static let forbidden = ScriptedTransport.Step.json(403, #"{"error":{"code":"IAM.0002","message":"You are not authorized","title":"Forbidden"}}"#)

    private func client(_ transport: ScriptedTransport, region: String = "cn-north-4") -> CloudClient {
        CloudClient(credentials: Credentials(accessKey: "AK", secretKey: "SK"), endpoints: Endpoints(region: region),
                    projectId: "", transport: transport, retry: .none)
    }

    @Test func iamsListIsAskedFirst() async throws {
        let transport = ScriptedTransport([.json(200, #"{"projects":[{"id":"p-1","name":"cn-north-4"}]}"#)])
        #expect(try await client(transport).lookUpProjectId() == "p-1")
        #expect(transport.requests.map(\.sentURL.path) == ["/v3/projects"])
        #expect(transport.requests.first?.sentURL.query == "name=cn-north-4")
    }

    @Test func aRefusalFallsBackToTheCallersOwnProjects() async throws {
        let transport = ScriptedTransport([
            Self.forbidden,
            .json(200, #"{"projects":[{"id":"mos","name":"MOS"},{"id":"p-4","name":"cn-north-4"},{"id":"p-1","name":"cn-north-1"}]}"#),
        ])
        #expect(try await client(transport).lookUpProjectId() == "p-4")
        #expect(transport.requests.map(\.sentURL.path) == ["/v3/projects", "/v3/auth/projects"])
    }

    @Test(arguments: [
        (#"{"projects":[{"id":"mos","name":"MOS"}]}"#, "lists no project named cn-north-4 (it lists: MOS)"),
        (#"{"projects":[{"id":"a","name":"cn-north-4"},{"id":"b","name":"cn-north-4"}]}"#, "lists 2 projects named cn-north-4 (a, b)"),
    ])
    func noneOrTwoAfterTheFallbackIsRefusedNamingTheVariable(body: String, seen: String) async throws {
        let transport = ScriptedTransport([Self.forbidden, .json(200, body)])
        await #expect {
            _ = try await client(transport).lookUpProjectId()
        } throws: { error in
            let message = (error as? CloudError)?.message ?? ""
            return message.contains("iam:projects:list is missing") && message.contains(seen)
                && message.contains("HUAWEICLOUD_SDK_PROJECT_ID")
        }
    }

    @Test func aRefusedFallbackIsRefusedNamingTheVariable() async throws {
        let transport = ScriptedTransport([Self.forbidden, .json(403, #"{"error":{"code":"IAM.0002","message":"forbidden"}}"#)])
        await #expect {
            _ = try await client(transport).lookUpProjectId()
        } throws: { error in
            let message = (error as? CloudError)?.message ?? ""
            return message.contains("iam:projects:list") && message.contains("IAM.0002")
                && message.contains("HUAWEICLOUD_SDK_PROJECT_ID")
        }
    }

    /// A fallback that fails for another reason (the cloud, the network) is that failure, with its
    /// exit code, not a permission problem.
    @Test func aFallbackThatFailsOtherwiseIsReportedAsItIs() async throws {
        let failure = ScriptedTransport.Step.json(500, #"{"error":{"code":"Common.0001","message":"system error"}}"#)
        let transport = ScriptedTransport([Self.forbidden] + Array(repeating: failure, count: 5))
        await #expect {
            _ = try await client(transport).lookUpProjectId()
        } throws: { error in
            guard case let .api(status, code, _, _)? = error as? CloudError else { return false }
            return status == 500 && code == "Common.0001"
        }
    }

    @Test func anEmptyFirstAnswerIsRefusedNamingTheVariable() async throws {
        let transport = ScriptedTransport([.json(200, #"{"projects":[]}"#)])
        await #expect {
            _ = try await client(transport).lookUpProjectId()
        } throws: { error in
            (error as? CloudError)?.message.contains("HUAWEICLOUD_SDK_PROJECT_ID") == true
        }
    }

    @Test func aRefusedSignatureIsNotTurnedIntoAProjectProblem() async throws {
        let transport = ScriptedTransport([.json(401, #"{"error_code":"APIGW.0301","error_msg":"verify aksk signature fail"}"#)])
        await #expect {
            _ = try await client(transport).lookUpProjectId()
        } throws: { error in
            (error as? CloudError)?.code == "APIGW.0301"
        }
        #expect(transport.requests.count == 1)
    }

    @Test(arguments: [403, 404])
    func aRefusedUserIdLookupIsNotKnownNotAnError(status: Int) async throws {
        let transport = ScriptedTransport([.json(status, #"{"error":{"code":"IAM.0002","message":"no"}}"#)])
        #expect(try await client(transport).userIdIfKnown() == nil)
    }
}
