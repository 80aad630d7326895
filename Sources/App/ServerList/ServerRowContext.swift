import HuaweiCloud
import Reinstall

/// What a list row shows beyond the server itself: its job, and what its image says of Cloud-Init.
struct ServerRowContext {
    var jobs: [String: JobTracker]
    var images: [String: ImageLookup]
    /// A submission in flight or unclear says more than an earlier job of the server.
    var submissions: [String: SubmissionMark]

    init(jobs: [JobTracker], images: [String: ImageLookup], submissions: [String: SubmissionMark] = [:]) {
        self.submissions = submissions
        // The newest tracker of a server wins: an earlier finished job says less than a running one.
        self.jobs = Dictionary(jobs.map { ($0.serverId, $0) }, uniquingKeysWith: { _, newer in newer })
        self.images = images
    }

    init(_ state: AppState) {
        self.init(jobs: state.jobs, images: state.images, submissions: state.submissions)
    }

    func jobLabel(_ server: Server) -> String {
        submissions[server.id]?.label ?? jobs[server.id].map(statusLabel) ?? ""
    }

    /// `yes`, `likely`, `no` or `unknown` as the endpoint decision judges the image; `…` while it
    /// is read, `?` before.
    func cloudInit(_ server: Server) -> String {
        guard let imageId = server.imageId else { return "?" }
        switch images[imageId] {
        case .loading: return "…"
        case let .loaded(image):
            let decision = EndpointDecision.decide(image: image)
            if decision.mustAsk || decision.confidence == .unknown { return "unknown" }
            if decision.api == .v1 { return "no" }
            return decision.confidence == .certain ? "yes" : "likely"
        case .none, .notRequested, .failed: return "?"
        }
    }
}
