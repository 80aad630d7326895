import Foundation
import HuaweiCloud
import Reinstall
import TerminalKit

/// Page size of the server list: the commands' too, small enough that the first rows come quickly.
let serverPageSize = CloudClient.listingPageSize

/// How often the list refreshes itself while jobs run, so their servers' states show: every 15 s,
/// and 15 s per 1,000 servers in bigger accounts, whose every listing is many requests.
func automaticRefreshInterval(servers: Int) -> Duration {
    .seconds(15 * max(1, (servers + 999) / 1000))
}

/// Images read ahead for the CLOUD-INIT column; beyond these a server's image is read when its form opens.
let imagesReadAhead = 64

/// Starts a listing (the first, `r`, or after a job), replacing any in flight. The rows on screen
/// stay until the new pages replace them. A listing that stopped part-way is resumed at its
/// failed page: the pages before it are loaded already, and a big account's retries would
/// otherwise fetch them again each time.
func startListing(_ state: inout AppState) -> [Effect] {
    state.servers.generation += 1
    state.servers.loading = true
    state.servers.refreshPending = false
    state.servers.keysRefused = false
    state.servers.firstPageRetrying = false
    let resumed = state.servers.loadingStopped && state.servers.pagesLoaded > 0
    state.servers.loadingStopped = false
    guard !resumed else {
        return [.listServers(generation: state.servers.generation, fromPage: state.servers.pagesLoaded + 1)]
    }
    state.servers.seen = []
    state.servers.pagesLoaded = 0
    state.servers.firstCount = nil
    state.servers.countChanged = false
    return [.listServers(generation: state.servers.generation)]
}

func reduceServerPage(_ state: inout AppState, generation: Int, page: ServerPage) -> [Effect] {
    guard generation == state.servers.generation, state.servers.loading else { return [] }
    state.servers.catalog.upsert(page.servers, context: ServerRowContext(state))
    state.servers.seen.formUnion(page.servers.map(\.id))
    state.servers.pagesLoaded += 1
    if let first = state.servers.firstCount, first != page.count { state.servers.countChanged = true }
    state.servers.firstCount = state.servers.firstCount ?? page.count
    state.servers.total = page.count
    state.servers.loadError = nil
    return readImagesAhead(&state, for: page.servers)
}

func reduceListingFinished(_ state: inout AppState, generation: Int, at time: Date) -> [Effect] {
    guard generation == state.servers.generation, state.servers.loading else { return [] }
    let checks = dropServersGone(&state)
    state.servers.pagesLoaded = 0
    state.servers.loading = false
    state.servers.firstPageRetrying = false
    state.servers.total = state.servers.catalog.count
    state.servers.lastRefreshed = time
    state.servers.failedListings = 0
    state.now = max(state.now, time)
    return checks + scheduleAutomaticRefresh(state)
}

/// Servers a listing missed that are read one by one before they are dropped; more than this
/// are judged by the listings alone.
let serversCheckedAfterListing = 20

/// Only a complete listing can suggest a server is gone. Pages are by offset, so a server deleted
/// or created during the listing shifts others between pages, and a live one can go unseen. So the
/// few servers a listing missed are read by id (`.checkServer`) and dropped only on a 404. Many
/// missed servers (a big clean-up) are believed after a steady listing (the same count throughout,
/// and that many servers seen); after an unsteady one, only those the listing before missed too.
private func dropServersGone(_ state: inout AppState) -> [Effect] {
    let list = state.servers
    let missed = Set(list.catalog.servers.lazy.map(\.id).filter { !list.seen.contains($0) })
    state.servers.seen = []
    if missed.count <= serversCheckedAfterListing {
        state.servers.missedOnce = []
        return missed.sorted().map { .checkServer(id: $0) }
    }
    let steady = !list.countChanged && list.seen.count == list.total
    let gone = steady ? missed : missed.intersection(list.missedOnce)
    state.servers.missedOnce = steady ? [] : missed.subtracting(gone)
    state.servers.catalog.remove(gone)
    return []
}

func reduceServerChecked(_ state: inout AppState, id: String, check: ServerCheck) -> [Effect] {
    refreshOpenForm(&state, id: id, check: check)
    guard state.servers.catalog.index(of: id) != nil else { return [] }
    switch check {
    case let .found(server):
        state.servers.catalog.upsert([server], context: ServerRowContext(state))
    case .gone:
        state.servers.catalog.remove([id])
    case .unknown:
        // The next listing decides; if it misses the server too, it is read again.
        break
    }
    return []
}


func reduceListingFailed(_ state: inout AppState, generation: Int, error: CloudError) -> [Effect] {
    guard generation == state.servers.generation else { return [] }
    state.servers.loading = false
    // `seen` and `pagesLoaded` stay: a list that stopped part-way resumes where it stopped.
    state.servers.loadError = error.message
    if error.isAuthenticationRefusal {
        // Retrying by itself cannot help and brings the key closer to the gateway's lock.
        state.servers.keysRefused = true
        state.servers.refreshPending = false
        state.servers.loadingStopped = state.servers.isIncomplete
        state.flash = Flash(.error, "Server list: the cloud refused the access keys; automatic refresh stopped. "
                                + "\(error.message) (r retries once fixed)")
        return []
    }
    if state.servers.isIncomplete, let total = state.servers.total {
        // A list that stopped part-way would pass for the whole account: it is retried until
        // complete, backing off so a struggling gateway is not hammered.
        state.servers.loadingStopped = true
        state.servers.failedListings += 1
        if error.isRefusal {
            // A refusal (403, 404, a bad request) says the same on every try: r, once fixed.
            state.flash = Flash(.error, "Server list stopped at \(grouped(state.servers.catalog.count)) of \(grouped(total)): "
                                    + "\(error.message) (r retries)")
            return []
        }
        let delay = listRetryDelay(afterFailures: state.servers.failedListings)
        state.flash = Flash(.error, "Server list stopped at \(grouped(state.servers.catalog.count)) of \(grouped(total)): "
                                + "\(error.message) (retried in \(delay.components.seconds) s; r retries now)")
        return [.scheduleListRetry(after: delay)]
    }
    if state.servers.lastRefreshed == nil, state.servers.catalog.isEmpty, error.isTransient {
        // Nothing to show yet and a failure that may pass: retried as a stopped list is. A refusal
        // (a 4xx but throttling) would say the same again: `r`, once fixed.
        state.servers.firstPageRetrying = true
        state.servers.failedListings += 1
        let delay = listRetryDelay(afterFailures: state.servers.failedListings)
        state.flash = Flash(.error, "Server list: \(error.message) (retried in \(delay.components.seconds) s; r retries now)")
        return [.scheduleListRetry(after: delay)]
    }
    state.flash = Flash(.error, "Server list: \(error.message) (r retries)")
    return scheduleAutomaticRefresh(state)
}

/// 2 s after the first failure, doubling up to a minute.
func listRetryDelay(afterFailures failures: Int) -> Duration {
    .seconds(min(60, 1 << min(max(1, failures), 6)))
}

/// The back-off's retry: only if the list is still stopped (`r` may have retried meanwhile).
func reduceRetryDue(_ state: inout AppState) -> [Effect] {
    guard state.servers.loadingStopped || state.servers.firstPageRetrying, !state.servers.loading,
          !state.servers.keysRefused else { return [] }
    // Held while a form or the filter is open, as any refresh the operator did not ask for.
    return refreshUnlessTyping(&state)
}

private func scheduleAutomaticRefresh(_ state: AppState) -> [Effect] {
    guard state.hasRunningJobs else { return [] }
    return [.scheduleListRefresh(after: automaticRefreshInterval(servers: state.servers.catalog.count))]
}

/// The automatic refresh: skipped when no job runs or a listing is already under way.
func reduceRefreshDue(_ state: inout AppState) -> [Effect] {
    guard state.hasRunningJobs, !state.servers.loading else { return [] }
    return refreshUnlessTyping(&state)
}

/// A refresh the operator did not ask for (a job changed, the timer): it does not start while they
/// type in a form or the filter, so rows do not move under them (a listing already running goes
/// on), nor while a listing runs, which it would restart: a big account's listing, restarted by
/// every job event, would never finish. It runs once both are over.
func refreshUnlessTyping(_ state: inout AppState) -> [Effect] {
    guard !state.servers.keysRefused else { return [] }
    if isTyping(state) || state.servers.loading {
        state.servers.refreshPending = true
        return []
    }
    return startListing(&state)
}

/// Runs a refresh that was held back, once the form and the filter are closed and no listing runs.
func resumeHeldRefresh(_ state: inout AppState) -> [Effect] {
    guard state.servers.refreshPending, !isTyping(state), !state.servers.loading else { return [] }
    return startListing(&state)
}

private func isTyping(_ state: AppState) -> Bool {
    state.form != nil || state.servers.filterField != nil
}


/// Asks for the images of new servers, so the CLOUD-INIT column can say what each image holds.
private func readImagesAhead(_ state: inout AppState, for servers: [Server]) -> [Effect] {
    var effects: [Effect] = []
    for imageId in Set(servers.compactMap(\.imageId)).sorted()
    where state.images[imageId] == nil && state.images.count < imagesReadAhead {
        state.images[imageId] = .loading
        effects.append(.loadImage(id: imageId, scope: state.journalScope))
    }
    return effects
}

/// The form works from the server as read when it opened: fresh facts replace the listing's, and
/// a server that became busy meanwhile says so at once (the submission re-reads it again anyway).
private func refreshOpenForm(_ state: inout AppState, id: String, check: ServerCheck) {
    guard var form = state.form, form.server.id == id, !form.submitting, !form.isReviewing else { return }
    switch check {
    case let .found(server):
        form.server = server
        switch ReinstallPreflight.check(server) {
        case let .blocked(why): form.error = "Not now: \(why)"
        case let .warning(text): form.warning = text
        case .clear: break
        }
    case .gone:
        form.error = "\(form.server.name) no longer exists."
    case .unknown:
        return
    }
    state.form = form
}
