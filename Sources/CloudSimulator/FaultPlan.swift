import Foundation

/// One way the simulated cloud misbehaves (huawei-ecs-api.md §10–§11, and what networks do).
public enum Fault: String, Sendable, CaseIterable, CustomStringConvertible {
    /// HTTP 500 `Common.0001` or 503 `Common.1503` (alternately); the request is not carried out.
    case serverError = "5xx"
    /// HTTP 429 `APIGW.0308` with `Retry-After`, for a burst of consecutive requests; not carried out.
    case throttle = "429"
    /// HTTP **202** with the ECS error `Common.0024` ("exceeds flow over limit"); not carried out.
    case flowControl = "202"
    /// The reply is held back for `FaultPlan.hangDuration` (wall clock), then the request is
    /// carried out and answered: a client with a shorter timeout sees a hung request.
    case hang
    /// The TCP connection is reset (RST) without a reply; the request is not carried out.
    case reset
    /// The request is carried out, then the connection is closed without a reply, as when a
    /// load balancer drops it mid-answer: the client cannot tell whether it happened.
    case drop
    /// The request is carried out; the reply's JSON is cut in half (Content-Length matches the cut).
    case truncate
    /// The request is carried out; the reply's JSON is corrupted (its first `:` becomes `=`).
    case malformed
    /// Applies to jobs, not requests: the job runs and its server changes as usual, but after its
    /// first successful `GET /v1/{project_id}/jobs/{id}` the job answers 404.
    case lostJob = "lostjob"

    public var description: String { rawValue }

    /// The faults drawn per request, in the order their shares are stacked on the draw.
    static let perRequest: [Fault] = [.serverError, .throttle, .flowControl, .hang, .reset, .drop, .truncate, .malformed]
}

/// How often each fault happens, drawn per request from a generator seeded by the simulator's
/// seed: the same seed and the same sequence of requests give the same faults.
///
/// The `--faults` grammar (whitespace is ignored, keys are case-insensitive):
///
/// ```
/// spec    = "" | "none" | setting *("," setting)
/// setting = rate-key "=" share | option-key "=" number
/// rate-key   = "5xx" | "429" | "202" | "hang" | "reset" | "drop" | "truncate" | "malformed" | "lostjob"
/// option-key = "burst"        ; requests per 429 burst, integer ≥ 1 (default 3)
///            | "retry-after"  ; seconds in the 429's Retry-After header, integer ≥ 0 (default 1)
///            | "hang-ms"      ; how long a hung request is held, integer ≥ 0 (default 120000)
/// share   = decimal in 0…1
/// ```
///
/// Example: `5xx=0.1,429=0.05,202=0.05,hang=0.01,reset=0.01,truncate=0.02,malformed=0.02,lostjob=0.1`.
/// At most one per-request fault hits a request, so the per-request shares (all but `lostjob`)
/// must add up to at most 1. `lostjob` is drawn once per job, when the job is created.
public struct FaultPlan: Sendable, Equatable, CustomStringConvertible {
    /// Share of requests (or of jobs, for `.lostJob`) that suffer each fault, 0…1.
    public var rates: [Fault: Double]
    /// How many consecutive requests a 429 burst refuses, the first included.
    public var throttleBurst: Int
    /// The `Retry-After` header of a 429, in seconds.
    public var retryAfterSeconds: Int
    /// How long a `.hang` holds the reply (wall clock).
    public var hangDuration: Duration

    public init(
        rates: [Fault: Double] = [:], throttleBurst: Int = 3, retryAfterSeconds: Int = 1,
        hangDuration: Duration = .seconds(120)
    ) {
        self.rates = rates
        self.throttleBurst = throttleBurst
        self.retryAfterSeconds = retryAfterSeconds
        self.hangDuration = hangDuration
    }

    /// No faults: the cloud on a good day.
    public static let none = FaultPlan()

    public func rate(_ fault: Fault) -> Double { rates[fault] ?? 0 }

    public var isEmpty: Bool { rates.values.allSatisfy { $0 == 0 } }

    public enum ParseError: Error, Equatable, CustomStringConvertible {
        case malformedSetting(String)
        case unknownKey(String)
        case invalidValue(key: String, value: String)
        case sharesExceedOne(Double)

        public var description: String {
            switch self {
            case .malformedSetting(let text): return "“\(text)” is not key=value"
            case .unknownKey(let key):
                return "unknown fault “\(key)”; known: \(Fault.allCases.map(\.rawValue).joined(separator: ", ")), burst, retry-after, hang-ms"
            case .invalidValue(let key, let value): return "\(key)=\(value): the value is out of range or not a number"
            case .sharesExceedOne(let sum):
                return "the per-request shares add up to \(sum); at most one fault hits a request, so they must add up to at most 1"
            }
        }
    }

    /// Parses a `--faults` spec; see the type's documentation for the grammar.
    public init(parsing spec: String) throws(ParseError) {
        self.init()
        let trimmed = spec.filter { !$0.isWhitespace }
        if trimmed.isEmpty || trimmed.lowercased() == "none" { return }
        for setting in trimmed.split(separator: ",", omittingEmptySubsequences: true) {
            let parts = setting.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty else { throw .malformedSetting(String(setting)) }
            let key = parts[0].lowercased(), value = String(parts[1])
            if let fault = Fault(rawValue: key) {
                guard let share = Double(value), (0...1).contains(share) else {
                    throw .invalidValue(key: key, value: value)
                }
                rates[fault] = share
                continue
            }
            let minimum: Int
            switch key {
            case "burst": minimum = 1
            case "retry-after", "hang-ms": minimum = 0
            default: throw .unknownKey(key)
            }
            guard let number = Int(value), number >= minimum else { throw .invalidValue(key: key, value: value) }
            switch key {
            case "burst": throttleBurst = number
            case "retry-after": retryAfterSeconds = number
            default: hangDuration = .milliseconds(number)
            }
        }
        let sum = Fault.perRequest.reduce(0) { $0 + rate($1) }
        guard sum <= 1 + 1e-9 else { throw .sharesExceedOne(sum) }
    }

    /// The spec that parses back to this plan.
    public var description: String {
        let shares = Fault.allCases.compactMap { fault in rate(fault) > 0 ? "\(fault.rawValue)=\(rate(fault))" : nil }
        if shares.isEmpty { return "none" }
        let hangMs = hangDuration.components.seconds * 1000 + hangDuration.components.attoseconds / 1_000_000_000_000_000
        return (shares + ["burst=\(throttleBurst)", "retry-after=\(retryAfterSeconds)", "hang-ms=\(hangMs)"])
            .joined(separator: ",")
    }
}
