import Foundation
import HuaweiCloud
import Reinstall

/// `--wait`: a thin driver of one `JobFollower`, at the TUI poller's pace (`PollSchedule`). It
/// performs the read the follower says is due, when it is due, prints each change on stderr and
/// writes the journal entries the follower gives, one after the other.
struct JobWaiter: Sendable {
    var client: CloudClient
    var journal: JobJournal?

    /// Follows until the follower has finished. A refusal of the keys ends the wait at once (it
    /// will not heal): it is thrown.
    func follow(_ start: JobFollower) async throws -> JobFollower {
        var follower = start
        while let due = follower.next {
            let wait = due.at.timeIntervalSince(Date())
            if wait > 0 { try await Task.sleep(for: .milliseconds(Int((wait * 1000).rounded(.up)))) }
            guard let answer = await JobFollower.Answer.read(due.read, from: client) else { throw CancellationError() }
            let step = follower.receive(answer, now: Date(), random: Double.random(in: 0...1))
            if let entry = step.journal { record(entry) }
            for change in step.changes { try report(change, follower) }
        }
        return follower
    }

    private func report(_ change: JobFollower.Change, _ follower: JobFollower) throws {
        let job = "job \(follower.jobId.shown)"
        switch change {
        case let .jobStatus(current):
            Console.error("\(job): \(current.status.rawValue.shown)" + Self.reason(current))
        case let .serverStatus(server):
            Console.error("server \(server.name.shown): \(server.statusText.shown)")
        case let .readFailed(error, retryIn):
            Console.error("\(job): read failed, retrying in \(Int(retryIn.timeInterval.rounded(.up))) s: \(error.message)")
        case let .jobLost(error):
            Console.error("\(job): the cloud does not know it (\(error.code ?? "no code"))"
                + (follower.serverId == nil ? "" : "; following the server until it leaves REBUILD"))
        case let .finished(outcome):
            if case .lost = outcome { Console.error("\(job): \(outcome.message)") }
        case let .halted(error):
            throw error
        }
    }

    private func record(_ entry: JournalEntry) {
        guard let journal else { return }
        do {
            if let movedAside = try journal.record(entry) { Console.error("warning: \(movedAside.message)") }
        } catch {
            Console.error("warning: " + JournalMessages.notUpdated(jobId: entry.jobId, error))
        }
    }

    /// ": Ecs.xxxx reason. hint" for a failed job, in the pane's words.
    static func reason(_ job: Job) -> String {
        guard job.status == .fail else { return "" }
        return ": " + JobFailure.describe(job).shown
    }
}
