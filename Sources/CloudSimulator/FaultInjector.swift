import Foundation

/// Decides, request by request, which fault (if any) hits it: first what a test forced with
/// `CloudSimulator.inject(_:count:)`, then the rest of a 429 burst, then one draw against the
/// plan's stacked shares. Its generator is separate from the one for job ids, so turning faults
/// on does not change which job ids a run produces.
struct FaultInjector: Sendable {
    var plan: FaultPlan
    private var random: SeededRandom
    /// Forced faults in order, each for any request (nil) or only for requests of one method.
    private var forced: [(fault: Fault, method: String?)] = []
    private var forcedLostJobs = 0
    private var burstRemaining = 0
    private var serverErrors = 0
    /// Server list page number → how many more of its requests fail.
    private var failingPages: [Int: Int] = [:]

    init(plan: FaultPlan, seed: UInt64) {
        self.plan = plan
        random = SeededRandom(seed: seed ^ 0xFA01_7FA0_17FA_017F)
    }

    /// The next `count` requests (of `method`, when given) suffer `fault`; for `.lostJob`, the
    /// next `count` jobs created are lost.
    mutating func force(_ fault: Fault, count: Int, method: String? = nil) {
        guard count > 0 else { return }
        if fault == .lostJob {
            forcedLostJobs += count
        } else {
            forced += Array(repeating: (fault, method), count: count)
        }
    }

    mutating func failPage(_ page: Int, count: Int) {
        failingPages[page, default: 0] += max(0, count)
    }

    /// Whether this request for a server list page is one a test made fail.
    mutating func failsServerListPage(_ page: Int?) -> Bool {
        guard let page, let left = failingPages[page], left > 0 else { return false }
        failingPages[page] = left == 1 ? nil : left - 1
        return true
    }

    mutating func nextRequestFault(method: String) -> Fault? {
        if let first = forced.first, first.method == nil || first.method == method {
            return forced.removeFirst().fault
        }
        // A fault forced for another method waits for its request; this one takes its chances.
        if burstRemaining > 0 {
            burstRemaining -= 1
            return .throttle
        }
        let u = random.unit()
        var edge = 0.0
        for fault in Fault.perRequest {
            edge += plan.rate(fault)
            if u < edge {
                if fault == .throttle { burstRemaining = max(0, plan.throttleBurst - 1) }
                return fault
            }
        }
        return nil
    }

    mutating func nextJobIsLost() -> Bool {
        if forcedLostJobs > 0 {
            forcedLostJobs -= 1
            return true
        }
        return random.unit() < plan.rate(.lostJob)
    }

    /// 500 `Common.0001` and 503 `Common.1503` in turn: both appear in §10.2.
    mutating func nextServerError() -> APIFailure {
        serverErrors += 1
        return serverErrors % 2 == 1
            ? .ecs(500, "Common.0001", "System exception (injected fault)")
            : .ecs(503, "Common.1503", "API flow control: too many APIs are being executed (injected fault)")
    }
}
