import Foundation
import HuaweiCloud
import Reinstall
import Testing

struct PollScheduleTests {
    @Test(arguments: [(0.0, 2.0), (59.0, 2.0), (120.0, 6.0), (180.0, 10.0), (3600.0, 10.0)])
    func theIntervalGrowsFromTwoToTenSeconds(age: TimeInterval, seconds: Double) {
        #expect(PollSchedule().interval(age: age, random: 0.5) == .milliseconds(Int(seconds * 1000)))
    }

    @Test func jitterStaysWithinTwentyPercent() {
        let schedule = PollSchedule()
        #expect(schedule.interval(age: 0, random: 0) == .milliseconds(1600))
        #expect(schedule.interval(age: 0, random: 1) == .milliseconds(2400))
    }

    @Test(arguments: [(1, false, 4.0), (2, false, 8.0), (1, true, 8.0), (5, false, 60.0), (9, true, 60.0)])
    func failuresBackOffExponentiallyUpToAMinute(failures: Int, throttled: Bool, seconds: Double) {
        #expect(PollSchedule().backoff(failures: failures, throttled: throttled, retryAfter: nil, random: 0.5)
            == .milliseconds(Int(seconds * 1000)))
    }

    @Test func retryAfterIsAFloor() {
        #expect(PollSchedule().backoff(failures: 1, throttled: true, retryAfter: .seconds(30), random: 0.5) == .seconds(30))
    }

    @Test func throttlingAndLostJobsAreRecognised() {
        #expect(PollSchedule.isThrottling(.api(status: 202, code: "Common.0024", message: "", requestId: nil)))
        for code in CloudError.throttlingCodes {
            #expect(PollSchedule.isThrottling(.api(status: 400, code: code, message: "", requestId: nil)), "\(code)")
        }
        #expect(!PollSchedule.isThrottling(.transport("timeout")))
        #expect(PollSchedule.isLost(.api(status: 404, code: "Ecs.0xxx", message: "", requestId: nil)))
        #expect(PollSchedule.isLost(.api(status: 400, code: "Common.0011", message: "", requestId: nil)))
        #expect(!PollSchedule.isLost(.api(status: 500, code: "Common.0001", message: "", requestId: nil)))
    }
}
