import Foundation
import HuaweiCloud
import Reinstall
import Testing

@testable import App

/// Times in the operator's zone, labelled; the zone is pinned here, never the machine's.
struct ClockTextTests {
    static let plusOne = TimeZone(secondsFromGMT: 3600) ?? .utc
    static let minusFiveThirty = TimeZone(secondsFromGMT: -(5 * 3600 + 1800)) ?? .utc

    @Test(arguments: [
        (TimeZone.utc, "08:00:00 UTC", "2025-01-01 08:00:00"),
        (plusOne, "09:00:00 +01:00", "2025-01-01 09:00:00"),
        (minusFiveThirty, "02:30:00 -05:30", "2025-01-01 02:30:00"),
    ])
    func timesAreInTheZoneAndSayWhichOne(zone: TimeZone, labelled: String, timestamp: String) {
        let clock = ClockText(zone)
        #expect(clock.labelled(Fixtures.now) == labelled)
        #expect(clock.timestamp(Fixtures.now) == timestamp)
    }

    @Test(arguments: [
        ("2025-01-01T08:00:13.123Z", "09:00:13"),
        ("2025-01-01T08:00:13Z", "09:00:13"),
        ("2025-01-01 08:00:13", "09:00:13"),
        ("2024-12-31T23:59:59.5Z", "00:59:59"),
        // Not a UTC stamp: shown as it came rather than shifted by a guess.
        ("2025-01-01T08:00:13+08:00", "08:00:13"),
    ])
    func cloudTimestampsAreReadAsUTC(stamp: String, shown: String) {
        #expect(ClockText(Self.plusOne).time(cloud: stamp) == shown)
    }

    @Test func aNamedZoneIsLabelledByItsShortNameOrOffset() {
        // Whatever the platform's names, the label is short and never a bare `GMT+1`.
        let tokyo = TimeZone(identifier: "Asia/Tokyo") ?? Self.plusOne
        let label = ClockText(tokyo).label(at: Fixtures.now)
        #expect(label == "JST" || label == "+09:00", "\(label)")
    }

    @Test func theListAndTheHistoryUseThePinnedZone() {
        var state = Fixtures.loadedState(width: 100, height: 30)
        state.timeZone = Self.plusOne
        #expect(render(state).lines[1].hasSuffix("refreshed 09:00:00 +01:00"), "\(render(state).lines[1])")
        state.history = [JournalEntry(jobId: "job-9", serverId: Fixtures.web.id, serverName: "web-01", api: .v2,
                                      scope: state.journalScope, submittedAt: Fixtures.now, lastStatus: "SUCCESS",
                                      finishedAt: Fixtures.now.addingTimeInterval(90))]
        state.showHistory = true
        let lines = render(state).lines
        #expect(lines[2].contains("SUBMITTED (+01:00)"), "\(lines[2])")
        #expect(lines[3].contains("2025-01-01 09:00:00"), "\(lines[3])")
    }

    @Test func theJobPaneSaysWhenTheJobBegunInTheZone() {
        var state = Fixtures.loadedState()
        state.timeZone = Self.plusOne
        _ = reduce(&state, .reinstallAccepted(jobId: "job-ok", serverId: Fixtures.web.id, serverName: "web-01",
                                               api: .v2, at: Fixtures.now))
        var driver = FollowDriver()
        _ = driver.job(&state, Job(
            jobId: "job-ok", jobType: "rebuildServer", status: .running, beginTime: "2025-01-01T08:00:01.000Z",
            endTime: nil, errorCode: nil, failReason: nil,
            entities: .init(serverId: Fixtures.web.id, subJobsTotal: 1, subJobs: [])))
        #expect(render(state).lines.joined().contains("begun 09:00:01 +01:00"))
    }
}
