import Foundation

/// Where a key pair list came from.
public enum KeypairSource: String, Sendable, Equatable {
    /// KPS (DEW): `GET /v3/{project_id}/keypairs` on the `kms` host.
    case kps = "KPS"
    /// ECS's Nova-compatible `GET /v2.1/{project_id}/os-keypairs`.
    case ecs = "ECS os-keypairs"
}

public struct KeypairListing: Sendable, Equatable {
    public var keypairs: [Keypair]
    public var source: KeypairSource

    public init(keypairs: [Keypair], source: KeypairSource) {
        self.keypairs = keypairs
        self.source = source
    }
}

extension CloudClient {
    /// The region's key pairs.
    public func keypairs(pageSize: Int = 50) async throws -> [Keypair] {
        try await keypairListing(pageSize: pageSize).keypairs
    }

    /// The region's key pairs and where they came from: KPS where the region serves it
    /// (`Endpoints.servesKPS`), else ECS's `os-keypairs`; also `os-keypairs` when KPS turns out
    /// not to be there (`isKPSAbsence`). A KPS URL the operator configured is never replaced.
    public func keypairListing(pageSize: Int = 50) async throws -> KeypairListing {
        guard endpoints.servesKPS else { return KeypairListing(keypairs: try await novaKeypairs(), source: .ecs) }
        do {
            return KeypairListing(keypairs: try await kpsKeypairs(pageSize: pageSize), source: .kps)
        } catch let kps as CloudError where isKPSAbsence(kps) {
            logger.debug("KPS is not there (\(kps.summary)); reading key pairs from ECS os-keypairs")
            do {
                return KeypairListing(keypairs: try await novaKeypairs(), source: .ecs)
            } catch let ecs as CloudError {
                throw CloudError.configuration(
                    "The key pairs could not be read: KPS is not there (\(kps.summary)), and ECS's os-keypairs "
                        + "failed too: \(ecs.summary)")
            }
        }
    }

    /// KPS is not served where the table put it: the gateway knows no such API (404 with
    /// `APIGW.0101`, or no code at all), or the host does not resolve. A 404 of KPS itself (a wrong
    /// project, say) is a real answer; so is anything about a KPS URL the operator configured.
    func isKPSAbsence(_ error: CloudError) -> Bool {
        let source = endpoints.source(for: .kps)
        guard source == .table || source == .override else { return false }
        if error.isHostNotFound { return true }
        guard case let .api(status, code, _, _) = error, status == 404 else { return false }
        return code == "HTTP 404" || code == "APIGW.0101" || code == "APIG.0101"  // "HTTP 404": no code in the body
    }

    /// Every KPS key pair, following `next_marker` page by page.
    func kpsKeypairs(pageSize: Int) async throws -> [Keypair] {
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

    /// `GET /v2.1/{project_id}/os-keypairs` on ECS: one unpaged list (paging needs a microversion
    /// the tool does not ask for).
    func novaKeypairs() async throws -> [Keypair] {
        let page: KeypairPage = try await get(.ecs, "/v2.1/\(projectId)/os-keypairs", what: "the key pairs (os-keypairs)")
        return page.keypairs.map(\.keypair)
    }
}
