import Foundation
import HuaweiCloud
import Testing
import TerminalKit

@testable import App

/// Column widths follow the values loaded: never wider than the widest value (or the title), and
/// short values whole before the names take the rest. Long names are cut in the middle.
struct ServerColumnWidthTests {
    /// Eight servers whose names differ only at the end, as a generated fleet's do.
    static let fleet: [Server] = (1...8).map { number in
        var server = Fixtures.server("n-\(number)", "华北区域-生产环境-订单服务-节点-\(String(format: "%05d", 30 + number))",
                                     status: number == 3 ? .active : .shutoff,
                                     imageName: "CentOS 7.9 64bit with Huawei Cloud agent v\(number)",
                                     ip: "10.1.0.\(number)")
        server.flavor = .init(id: "c7.2xlarge.4", name: "c7.2xlarge.4", vcpus: "8", ram: "32768")
        if number == 3 { server.taskState = "rebooting" }
        return server
    }

    static func fleetState(width: Int, height: Int) -> AppState {
        var state = Fixtures.loadedState(width: width, height: height)
        _ = reduce(&state, .key(.character("r")))
        Fixtures.deliver(fleet, to: &state)
        return state
    }

    @Test(arguments: [(80, 24), (200, 50)])
    func longCJKNamesKeepTheirDistinguishingTails(width: Int, height: Int) {
        let screen = render(Self.fleetState(width: width, height: height))
        assertSnapshot(screen, named: "server-list-fleet-\(width)x\(height)")
        for number in 31...38 {
            #expect(screen.lines.contains { $0.contains("-000\(number)") }, "row of node \(number) tells it apart")
        }
        for line in screen.lines { #expect(DisplayWidth.of(line) <= width) }
    }

    @Test func shortValuesAreWholeAndNoColumnIsWiderThanItsValues() {
        let state = Self.fleetState(width: 200, height: 50)
        let columns = ServerListLayout.columns(state)
        let widest = state.servers.catalog.columnWidths
        for (column, width) in columns {
            guard let values = widest.widest(column) else { continue }
            #expect(width <= max(values, DisplayWidth.of(column.title)) + 1, "\(column): its values and a gap, no wider")
        }
        let width = Dictionary(uniqueKeysWithValues: columns.map { ($0.column, $0.width) })
        #expect(width[.flavor] == DisplayWidth.of("c7.2xlarge.4") + 1, "the flavour is not cut to c7.2xlarge…")
        #expect(width[.status] == DisplayWidth.of("ACTIVE·rebooting") + 1, "STATUS is whole while NAME has room")
        #expect(width[.name] == DisplayWidth.of(Self.fleet[0].name) + 1, "the whole name at 200 columns")
    }

    @Test func theFlavourAndStatusStayWholeAt100Columns() {
        let state = Self.fleetState(width: 100, height: 30)
        let width = Dictionary(uniqueKeysWithValues: ServerListLayout.columns(state).map { ($0.column, $0.width) })
        #expect((width[.flavor] ?? 0) >= 12, "c7.2xlarge.4 whole: \(width)")
        #expect((width[.status] ?? 0) >= 10, "ACTIVE·rebooting has STATUS's usual width at least: \(width)")
        #expect((width[.name] ?? 0) >= 12)
    }

    /// The widest values are kept as pages arrive, and read again only when servers are removed.
    @Test func theWidestValuesFollowPagesAndRemovals() {
        var catalog = ServerCatalog()
        let context = ServerRowContext(jobs: [], images: [:])
        catalog.upsert([Fixtures.web], context: context)
        #expect(catalog.columnWidths.widest(.name) == 6)
        catalog.upsert([Fixtures.database], context: context)
        #expect(catalog.columnWidths.widest(.name) == DisplayWidth.of("数据库-主节点"))
        catalog.remove([Fixtures.database.id])
        #expect(catalog.columnWidths.widest(.name) == 6)
        #expect(catalog.columnWidths.widest(.job) == nil, "a job's label is not the server's")
    }
}
