import HuaweiCloud

/// A journal entry's last status, typed. Decoded leniently: a status this version does not know
/// (a newer version's) is kept as it was written.
public enum JournalStatus: Sendable, Equatable, Hashable {
    /// Accepted by the cloud; no status read yet.
    case submitted
    /// The job's status as the cloud said it.
    case job(Job.Status)
    /// The cloud does not know the job id.
    case lost
    case other(String)

    public init(_ text: String) {
        switch text {
        case JournalEntry.submitted: self = .submitted
        case JournalEntry.lost: self = .lost
        default:
            // A job status this version knows; anything else is kept as written.
            switch Job.Status(rawValue: text) {
            case .other, .unknown: self = .other(text)
            case let status: self = .job(status)
            }
        }
    }

    public var text: String {
        switch self {
        case .submitted: return JournalEntry.submitted
        case .lost: return JournalEntry.lost
        case let .job(status): return status.rawValue
        case let .other(text): return text
        }
    }
}

extension JournalEntry {
    /// `lastStatus`, typed.
    public var status: JournalStatus {
        get { JournalStatus(lastStatus) }
        set { lastStatus = newValue.text }
    }
}
