import Foundation
import HuaweiCloud
import TerminalKit

/// The server list: the catalog, the selection (kept by server id, so reloads, sorting and
/// filtering do not move it to another server), and how the listing is going.
///
/// While the filter being typed hides the selected server, the row at its last place stands in
/// for it (that is the row Enter acts on), and the selection comes back when the typing no longer
/// hides it. Otherwise a hidden selection passes to its stand-in at once, so the highlight never
/// wanders by itself.
package struct ServerListState: Sendable, Equatable {
    /// Changed only within this module; read everywhere.
    package internal(set) var catalog = ServerCatalog()
    /// The server the operator selected, shown or not.
    package var selectedId: String?
    /// The row the selection was last seen at: the stand-in while its server is not shown.
    private var lastRow = 0
    package var top = 0

    /// The latest count the API gave.
    package var total: Int?
    /// A listing is in flight.
    package var loading = false
    package var loadError: String?
    /// The last listing was refused for authentication (a bad signature, wrong keys, a skewed
    /// clock): nothing refreshes by itself until the operator asks (`r`), since every automatic
    /// retry would be refused too and count towards the gateway's lock of the key.
    package var keysRefused = false
    package var lastRefreshed: Date?
    /// The first listing stopped at a failed page: the list holds only the servers before it.
    /// Retried by itself with back-off until a listing completes.
    package var loadingStopped = false
    /// No page has loaded yet and the last try failed for a reason that may pass (the cloud's
    /// trouble, throttling, the network): retried by itself with the same back-off.
    package var firstPageRetrying = false
    /// Listings that failed in a row since the last complete one, for the retries' back-off.
    package var failedListings = 0
    /// Each listing's number: pages of one that was replaced are ignored.
    package var generation = 0
    /// Ids the listing in flight has delivered (with a stopped one's, when it is resumed).
    var seen: Set<String> = []
    /// Pages the listing in flight (or the one that stopped) has delivered, in order: a stopped
    /// listing resumes at the page after them.
    var pagesLoaded = 0
    /// Servers the last complete listing missed (too many to read one by one) although it was not
    /// steady: dropped if the next one misses them too.
    var missedOnce: Set<String> = []
    /// The count the listing in flight started with, and whether a later page said otherwise
    /// (then its pages may have shifted).
    var firstCount: Int?
    var countChanged = false
    /// A refresh the operator did not ask for waits: a form or the filter is open, or a listing
    /// runs. It starts when neither holds.
    package var refreshPending = false
    /// The filter being typed (`/`); nil when the filter is not being edited.
    package var filterField: TextField?

    package init() {}

    /// No listing has completed and the one so far has fewer servers than the cloud counts: a
    /// filter cannot say a server is not there.
    package var isIncomplete: Bool {
        lastRefreshed == nil && total.map { catalog.count < $0 } ?? false
    }

    /// Servers in the order the list shows them (sorted, filtered).
    package var rows: [Server] { catalog.visible.map { catalog.servers[$0] } }

    /// The highlighted row: the selected server's, or while it is not shown the stand-in row;
    /// nil when no row is shown.
    package var selectedIndex: Int? {
        let visible = catalog.visible
        guard !visible.isEmpty else { return nil }
        if let selectedId, let index = catalog.index(of: selectedId) {
            // Usually still where it was last seen; else one scan of the shown rows.
            if lastRow < visible.count, visible[lastRow] == index { return lastRow }
            if let row = visible.firstIndex(of: index) { return row }
        }
        return min(lastRow, visible.count - 1)
    }

    package var selected: Server? { selectedIndex.map(catalog.visibleServer(at:)) }

    mutating func select(row: Int, visibleRows: Int) {
        let count = catalog.visible.count
        guard count > 0 else { return }
        let clamped = min(max(row, 0), count - 1)
        selectedId = catalog.visibleServer(at: clamped).id
        settle(visibleRows: visibleRows)
    }

    /// After any change to the catalog, the selection or the screen: the highlighted row is
    /// scrolled into view. A hidden selected server hands the selection to the row in its place,
    /// unless it is hidden by the filter being typed.
    mutating func settle(visibleRows: Int) {
        let count = catalog.visible.count
        guard count > 0 else {
            top = 0
            return
        }
        let row = selectedIndex ?? 0
        let shown = selectedId.flatMap(catalog.index(of:)).map { catalog.visible[row] == $0 } ?? false
        if !shown && (filterField == nil || selectedId.flatMap(catalog.index(of:)) == nil) {
            selectedId = catalog.visibleServer(at: row).id
        }
        if let selectedId, let index = catalog.index(of: selectedId), catalog.visible[row] == index {
            lastRow = row
        }
        top = Table.scrollTop(selected: row, previousTop: top, visibleRows: visibleRows, rowCount: count)
    }
}
