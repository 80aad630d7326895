import Foundation
import HuaweiCloud
import Synchronization

/// Performs effects as Tasks keyed by what they concern; a newer effect with the same key
/// cancels the older one. Results come back as events through `send`.
public final class EffectRunner: Sendable {
    private let client: CloudClient
    private let send: @Sendable (AppEvent) -> Void
    private let now: @Sendable () -> Date
    private let tasks = Mutex<[String: Task<Void, Never>]>([:])

    public init(client: CloudClient, now: @escaping @Sendable () -> Date = { Date() },
                send: @escaping @Sendable (AppEvent) -> Void) {
        self.client = client
        self.now = now
        self.send = send
    }

    public func run(_ effect: Effect) {
        let (client, send, now) = (self.client, self.send, self.now)
        let task = Task {
            if let event = await Self.perform(effect, client: client, now: now), !Task.isCancelled {
                send(event)
            }
        }
        let replaced = tasks.withLock { $0.updateValue(task, forKey: effect.key) }
        if case .submitReinstall = effect {
            return  // never cancel a reinstall that may be in flight
        }
        replaced?.cancel()
    }

    public func cancelAll() {
        let all = tasks.withLock { tasks in
            defer { tasks.removeAll() }
            return Array(tasks.values)
        }
        all.forEach { $0.cancel() }
    }

    /// Runs one effect; nil when it was cancelled and has nothing to say.
    static func perform(_ effect: Effect, client: CloudClient, now: @Sendable () -> Date) async -> AppEvent? {
        do {
            switch effect {
            case let .loadServers(page):
                return .serversLoaded(page: page, try await client.listServers(page: page, limit: serverPageSize))
            case let .loadImage(id):
                return .imageLoaded(id: id, try await client.image(id: id))
            case .loadKeypairs:
                return .keypairsLoaded(try await client.keypairs())
            case .loadUserId:
                return .userIdLoaded(try await client.userId())
            case let .submitReinstall(plan):
                let jobId = try await client.reinstall(serverId: plan.serverId, api: plan.api, request: plan.request)
                return .reinstallAccepted(jobId: jobId, serverId: plan.serverId, serverName: plan.serverName,
                                          api: plan.api, at: now())
            case let .pollJob(id, delay):
                try await Task.sleep(for: delay)
                return .jobUpdated(try await client.job(id: id))
            case let .scheduleTick(delay):
                try await Task.sleep(for: delay)
                return .tick(now())
            }
        } catch is CancellationError {
            return nil
        } catch {
            return failure(effect, message: message(for: effect, error))
        }
    }

    private static func message(for effect: Effect, _ error: any Error) -> String {
        let text = (error as? CloudError)?.message ?? "\(error)"
        if case .submitReinstall = effect, case .transport = error as? CloudError {
            // The POST may have reached the cloud: retrying blindly could reinstall twice.
            return "No answer to the reinstall request: \(text) It may have started anyway; "
                + "refresh the list (status REBUILD means it did) before trying again."
        }
        return text
    }

    private static func failure(_ effect: Effect, message: String) -> AppEvent {
        switch effect {
        case .loadServers: return .serversFailed(message)
        case let .loadImage(id): return .imageFailed(id: id, message)
        case .loadKeypairs: return .keypairsFailed(message)
        case .loadUserId: return .userIdFailed(message)
        case let .submitReinstall(plan): return .reinstallFailed(serverId: plan.serverId, message)
        case let .pollJob(id, _): return .jobPollFailed(jobId: id, message)
        case .scheduleTick: return .tick(Date())
        }
    }
}
