import Testing
import TerminalKit

@Suite struct ColumnLayoutTests {
    /// A realistic table of nine columns, shaped like a server list (the App's own columns are
    /// tested in AppTests' ServerListLayoutTests).
    static let servers = [
        ColumnSpec("NAME", minWidth: 12, priority: 0),
        ColumnSpec("STATUS", minWidth: 7, maxWidth: 9, priority: 1),
        ColumnSpec("JOB", minWidth: 6, maxWidth: 14, priority: 2),
        ColumnSpec("IPS", minWidth: 9, maxWidth: 15, priority: 3),
        ColumnSpec("OS", minWidth: 7, maxWidth: 7, priority: 4),
        ColumnSpec("IMAGE", minWidth: 10, priority: 5),
        ColumnSpec("CLOUD-INIT", minWidth: 6, maxWidth: 10, priority: 6),
        ColumnSpec("FLAVOR", minWidth: 8, maxWidth: 14, priority: 7),
        ColumnSpec("AZ", minWidth: 8, maxWidth: 12, priority: 8),
    ]

    struct Case: Sendable, CustomTestStringConvertible {
        let width: Int
        let expected: [String]
        var testDescription: String { "\(width) columns" }
    }

    /// Each expected column as "TITLE:width", left to right.
    @Test(arguments: [
        Case(width: 40, expected: ["NAME:13", "STATUS:8", "JOB:7", "IPS:9"]),
        Case(width: 80, expected: [
            "NAME:14", "STATUS:8", "JOB:7", "IPS:10", "OS:7", "IMAGE:11", "CLOUD-INIT:7", "FLAVOR:9",
        ]),
        Case(width: 120, expected: [
            "NAME:18", "STATUS:9", "JOB:12", "IPS:15", "OS:7", "IMAGE:16", "CLOUD-INIT:10", "FLAVOR:13", "AZ:12",
        ]),
        // Every bounded column at its maxWidth; the two flexible ones share the rest.
        Case(width: 200, expected: [
            "NAME:57", "STATUS:9", "JOB:14", "IPS:15", "OS:7", "IMAGE:54", "CLOUD-INIT:10", "FLAVOR:14", "AZ:12",
        ]),
    ])
    func serverList(_ test: Case) {
        let fitted = ColumnLayout.fit(Self.servers, width: test.width)
        #expect(fitted.map { "\($0.title):\($0.width)" } == test.expected)
        #expect(occupied(fitted) == test.width, "flexible columns take all the space")
    }

    @Test(arguments: 12...220)
    func invariants(width: Int) {
        let fitted = ColumnLayout.fit(Self.servers, width: width)
        let indexes = fitted.map(\.index)
        #expect(occupied(fitted) <= width)
        #expect(indexes == indexes.sorted(), "left-to-right order is kept")
        #expect(indexes.first == 0, "the most important column is always there")
        // Kept columns are exactly the most important ones: priority equals index in this set.
        #expect(indexes == Array(0..<fitted.count), "least important dropped first")
        for column in fitted {
            let spec = Self.servers[column.index]
            #expect(column.title == spec.title)
            #expect(column.width >= spec.minWidth && column.width <= (spec.maxWidth ?? .max))
        }
        let wider = ColumnLayout.fit(Self.servers, width: width + 1)
        #expect(wider.count >= fitted.count, "a wider screen never hides a column")
    }

    @Test func mostImportantColumnIsCutWhenNothingFits() {
        #expect(ColumnLayout.fit(Self.servers, width: 5) == [FittedColumn(index: 0, title: "NAME", width: 5)])
        #expect(ColumnLayout.fit(Self.servers, width: 0) == [FittedColumn(index: 0, title: "NAME", width: 0)])
        #expect(ColumnLayout.fit(Self.servers, width: -3) == [FittedColumn(index: 0, title: "NAME", width: 0)])
        #expect(ColumnLayout.fit([], width: 80) == [])
    }

    @Test func priorityNotPositionDecidesWhatIsDropped() {
        let specs = [
            ColumnSpec("A", minWidth: 4, maxWidth: 4, priority: 2),
            ColumnSpec("B", minWidth: 4, maxWidth: 4, priority: 0),
            ColumnSpec("C", minWidth: 4, maxWidth: 4, priority: 1),
        ]
        #expect(ColumnLayout.fit(specs, width: 9).map(\.title) == ["B", "C"])
        #expect(ColumnLayout.fit(specs, width: 8).map(\.title) == ["B"])
        #expect(ColumnLayout.fit(specs, width: 14).map(\.title) == ["A", "B", "C"])
    }

    @Test func equalPriorityDropsTheRightmostFirst() {
        let specs = [
            ColumnSpec("A", minWidth: 4, priority: 0),
            ColumnSpec("B", minWidth: 4, priority: 1),
            ColumnSpec("C", minWidth: 4, priority: 1),
        ]
        #expect(ColumnLayout.fit(specs, width: 10).map(\.title) == ["A", "B"])
    }

    @Test func narrowLessImportantColumnIsNotSqueezedInPastAWideOne() {
        let specs = [
            ColumnSpec("A", minWidth: 10, priority: 0),
            ColumnSpec("WIDE", minWidth: 20, priority: 1),
            ColumnSpec("B", minWidth: 2, priority: 2),
        ]
        #expect(ColumnLayout.fit(specs, width: 20).map(\.title) == ["A"])
    }

    @Test func spareSpaceFollowsWeight() {
        let specs = [
            ColumnSpec("A", minWidth: 5, weight: 2, priority: 0),
            ColumnSpec("B", minWidth: 5, weight: 1, priority: 1),
            ColumnSpec("FIXED", minWidth: 5, weight: 0, priority: 2),
        ]
        // 17 = 5 + 5 + 5 + 2 separators; the 30 spare columns split 20 / 10, none to FIXED.
        #expect(ColumnLayout.fit(specs, width: 47).map(\.width) == [25, 15, 5])
    }

    @Test func spaceNobodyWantsStaysAtTheRight() {
        let specs = [
            ColumnSpec("A", minWidth: 3, maxWidth: 6, priority: 0),
            ColumnSpec("B", minWidth: 3, maxWidth: 4, priority: 1),
        ]
        let fitted = ColumnLayout.fit(specs, width: 30)
        #expect(fitted.map(\.width) == [6, 4])
        #expect(fitted.map(\.tableColumn) == [TableColumn("A", width: 6), TableColumn("B", width: 4)])
    }

    private func occupied(_ fitted: [FittedColumn]) -> Int {
        fitted.reduce(0) { $0 + $1.width } + max(0, fitted.count - 1)
    }
}
