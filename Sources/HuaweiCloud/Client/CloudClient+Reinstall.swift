import Foundation

/// The reinstall calls (huawei-ecs-api.md §4). A reinstall POST is never repeated by the client:
/// it is not idempotent, and a second one could wipe the disk again after the first finished.
extension CloudClient {
    /// How long to let the cloud settle before re-reading a server after an ambiguous failure,
    /// so a reinstall that did start has had time to show `REBUILD`.
    static let settleBeforeReread: Duration = .seconds(2)

    /// Sends a reinstall and returns its job id. Never retried: a failure after the request may
    /// have reached the cloud is reported as it is. Only for this package's tests: the product
    /// goes through `reinstallSafely`, which tells the cases apart.
    package func reinstall(serverId: String, api: ReinstallAPI, request: ReinstallRequest) async throws -> String {
        let password = [request.adminPass].compactMap { $0 }
        let buffer = try request.encodedBodyBuffer()
        defer { buffer.wipe() }
        var body = buffer.withBytes { Data($0) }
        // Zeroes this copy in place once the stack has let go of it (see `reinstallOnce`).
        defer { body.resetBytes(in: 0..<body.count) }
        let response = try await send(.ecs, "POST", Self.reinstallPath(api, projectId, serverId),
                                      body: body, project: true, retry: .none, redacting: password)
        let reference: JobReference = try decode(response, what: "the reinstall", redacting: password)
        return reference.jobId
    }

    /// Sends a reinstall once and says what became of it (see `ReinstallOutcome` for the decision
    /// table). The server is read before the POST, as the baseline, and again after any failure; the
    /// POST itself is never repeated. Never throws: every failure is an outcome.
    public func reinstallSafely(serverId: String, api: ReinstallAPI, request: ReinstallRequest) async -> ReinstallOutcome {
        let before: Server
        do {
            before = try await showServer(id: serverId)
        } catch let error as CloudError {
            return .notStarted(cause: error)
        } catch {
            return .notStarted(cause: .configuration("The reinstall was cancelled before it was sent."))
        }
        return await reinstallOnce(serverId: serverId, api: api, request: request, before: before)
    }

    /// Sends a reinstall once and judges what became of it against `before`, the server as read
    /// just before (the caller's own fresh read: see the `Reinstall` module's submission step).
    /// Never throws and never repeats the POST.
    public func reinstallOnce(serverId: String, api: ReinstallAPI, request: ReinstallRequest, before: Server) async -> ReinstallOutcome {
        let password = [request.adminPass].compactMap { $0 }
        let failure: CloudError
        let reach: CallFailure.Reach
        do {
            // The body is built into a buffer zeroed once sent; the `Data` handed to the HTTP stack
            // is zeroed too when the exchange is over (in place when the stack has let go of it;
            // the stack's own buffers, the signer's hash input and the TLS records are beyond reach).
            let buffer = try request.encodedBodyBuffer()
            defer { buffer.wipe() }
            var body = buffer.withBytes { Data($0) }
            defer { body.resetBytes(in: 0..<body.count) }
            let response = try await exchange(.ecs, "POST", Self.reinstallPath(api, projectId, serverId), body: body,
                                              project: true, retry: .none, redacting: password)
            do {
                let reference: JobReference = try decode(response, what: "the reinstall", redacting: password)
                return .accepted(jobId: reference.jobId, requestId: response.header("X-Request-Id"))
            } catch {
                // A 2xx the client cannot read: the cloud probably took it, but that is not proof.
                failure = (error as? CloudError) ?? .malformedResponse(what: "the reinstall", detail: "undecodable answer", requestId: nil)
                reach = .answered(status: response.status)
            }
        } catch let error as CallFailure {
            switch error {
            case .cancelled:
                failure = .transport("the reinstall was cancelled while it was being sent")
                reach = .maybe
            case let .failed(cloudError, how):
                failure = cloudError
                reach = how
            }
        } catch {
            // Encoding the body failed: nothing was sent.
            return .notStarted(cause: .configuration("The reinstall request could not be encoded."))
        }

        if reach.isAmbiguous, failure.code != "Common.0024" { try? await retryClock.sleep(Self.settleBeforeReread) }
        let after = try? await showServer(id: serverId)
        let outcome = ReinstallOutcome.judge(failure: failure, reach: reach, before: before, after: after)
        logger.info("reinstall of \(serverId): \(outcome.message)")
        return outcome
    }

    /// `/v1|v2/{project_id}/cloudservers/{server_id}/reinstallos`, the server id percent-encoded.
    public static func reinstallPath(_ api: ReinstallAPI, _ projectId: String, _ serverId: String) -> String {
        "/\(api.rawValue)/\(projectId)/cloudservers/\(PercentEncoding.encode(serverId))/reinstallos"
    }

    /// The URL a reinstall of `serverId` is sent to, exactly (for dry runs), credentials of the
    /// endpoint URL left out (they are never sent either).
    public func reinstallURL(serverId: String, api: ReinstallAPI) throws -> String {
        Endpoints.redacted(RequestSigner.join(try endpoints.url(for: .ecs), Self.reinstallPath(api, projectId, serverId)))
    }
}
