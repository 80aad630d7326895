import Foundation
import HuaweiCloud
import Reinstall

@testable import App

/// A reinstall of web-01 seen to its end in a reducer, and the login check that follows, played
/// with the events its effects would send.
enum LoginSamples {
    static let jobId = "job-web"
    static let knownHostsFile = "/home/ops/.ssh/known_hosts"
    static let target = LoginTarget(address: "192.168.0.11", port: 22, kind: .ssh, user: "root", keypairName: "deploy-rsa")

    static func job(_ status: Job.Status, id: String = jobId) -> Job {
        Job(jobId: id, jobType: "rebuildServer", status: status, beginTime: "2025-01-01T08:00:01.000Z",
            endTime: status.isFinished ? "2025-01-01T08:00:40.000Z" : nil, errorCode: status == .fail ? "Ecs.0001" : nil,
            failReason: status == .fail ? "the image is broken" : nil,
            entities: .init(serverId: Fixtures.web.id, subJobsTotal: 1, subJobs: []))
    }

    /// web-01's reinstall accepted, then the job SUCCESS and the server ACTIVE again: the
    /// follower's end. Returns the effects of that last answer.
    @discardableResult
    static func finishWeb(_ state: inout AppState, server: Server = Fixtures.web) -> [Effect] {
        _ = reduce(&state, .reinstallAccepted(jobId: jobId, serverId: server.id, serverName: server.name, api: .v2,
                                               at: state.now))
        var driver = FollowDriver()
        _ = driver.job(&state, job(.success))
        state.now = state.now.addingTimeInterval(40)
        return driver.answer(&state, jobId, .server(server))
    }

    /// The probe of `target` after the attempts `answers`, each 2 s after the last.
    static func probe(_ answers: [ProbeAnswer], target: LoginTarget = target) -> LoginProbe {
        var probe = LoginProbe(target: target, policy: .realCloud, startedAt: Fixtures.now, now: Fixtures.now)
        for (offset, answer) in answers.enumerated() {
            _ = probe.receive(answer, now: Fixtures.now.addingTimeInterval(Double(offset) * 2 + 1))
        }
        return probe
    }

    static func findings(_ entries: [KnownHosts.Entry], target: LoginTarget = target) -> KnownHosts.Findings {
        KnownHosts.Findings(file: knownHostsFile, hostName: target.hostName, entries: entries, isDefaultFile: true)
    }

    static let twoOldEntries = [
        KnownHosts.Entry(line: 3, hashed: false, keyType: "ssh-ed25519"),
        KnownHosts.Entry(line: 9, hashed: true, keyType: "ecdsa-sha2-nistp256"),
    ]

    /// The core's report of an answered probe of `target`, with known_hosts holding `entries`.
    static func report(_ entries: [KnownHosts.Entry] = twoOldEntries, target: LoginTarget = target,
                       readiness: LoginReadiness = .answered(after: .seconds(72), banner: "SSH-2.0-OpenSSH_9.2p1")) -> LoginReport {
        LoginReport(target: target, readiness: readiness, knownHosts: findings(entries, target: target),
                    hostKeys: .keys([HostKey(type: "ssh-ed25519", fingerprint: "SHA256:q2Wc7pYh0x4mUfB1sJvN8tRkLdE3aZ9gH6iOyPbXwCo")]),
                    loginCommand: LoginCommand(target: target, keyFile: "~/.ssh/deploy-rsa.pem").text)
    }

    /// web-01 reinstalled, probed on a real cloud's policy, answered, and reported: ready to log in.
    static func readyWeb(_ state: inout AppState, server: Server = Fixtures.web, entries: [KnownHosts.Entry] = twoOldEntries) {
        state.login.policy = .realCloud
        finishWeb(&state, server: server)
        _ = reduce(&state, .loginProbed(jobId: jobId, check: 0, probe([.failed(reason: "connection refused"), .answered(banner: "SSH-2.0-OpenSSH_9.2p1")])))
        _ = reduce(&state, .loginReported(jobId: jobId, check: 0, report(entries)))
    }
}
