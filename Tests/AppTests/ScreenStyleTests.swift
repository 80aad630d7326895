import Foundation
import TerminalKit
import Testing

@testable import App

/// What the style layer of the snapshots records, asserted where it carries meaning: the
/// selection is reverse video, a disabled hint is dim with its key bracketed, an error is red.
struct ScreenStyleTests {
    /// The style of every cell of a row, by letter; the letters' meaning from the legend.
    private func styles(_ screen: Screen, row: Int) -> [Style] {
        (0..<screen.width).map { screen[$0, row].style }
    }

    /// The list marks the selection with `▸` and its name cell in reverse video; no other row is.
    @Test func theSelectedServerIsMarkedAndItsNameReversed() throws {
        var state = Fixtures.loadedState(width: 80, height: 24)
        _ = reduce(&state, .key(.down))
        let screen = render(state)
        let name = try #require(state.servers.selected?.name)
        let row = try #require(screen.lines.firstIndex { $0.contains(name) })
        let layer = screen.styleLayer.lines
        #expect(screen.lines[row].hasPrefix("▸") && screen[0, row].style == Style(bold: true), "\(layer[row])")
        #expect((1...15).allSatisfy { screen[$0, row].style.reverse }, "\(layer[row])")
        #expect(!styles(screen, row: row).dropFirst(16).contains { $0.reverse }, "\(layer[row])")
        for other in (row - 1)...(row + 2) where other != row {
            #expect(!styles(screen, row: other).contains { $0.reverse }, "only the selection: \(layer[other])")
        }
    }

    @Test func aDisabledFooterHintIsDimAndItsKeyBracketed() throws {
        let state = Fixtures.loadedState(width: 100, height: 30)  // no jobs: J cannot run
        let screen = render(state)
        let footer = screen.fullLines[29]
        let hint = try #require(footer.range(of: "(J) jobs"))
        let x = footer.distance(from: footer.startIndex, to: hint.lowerBound)
        #expect((x..<(x + 8)).allSatisfy { screen[$0, 29].style == Style(dim: true) })
        let enter = footer.distance(from: footer.startIndex, to: footer.range(of: "Enter")?.lowerBound ?? footer.startIndex)
        #expect(screen[enter, 29].style == Style(bold: true), "an enabled key is bold")
    }

    @Test func anErrorIsInTheErrorColour() throws {
        var state = Fixtures.loadedState(width: 100, height: 30)
        state.servers.selectedId = Fixtures.locked.id
        _ = reduce(&state, .key(.enter))
        let screen = render(state)
        let row = try #require(screen.lines.firstIndex { $0.contains("is locked") })
        let text = styles(screen, row: row).enumerated().filter { screen[$0.offset, row].text != " " }
        #expect(!text.isEmpty && text.allSatisfy { $0.element == Style(color: .red, bold: true) })
    }
}
