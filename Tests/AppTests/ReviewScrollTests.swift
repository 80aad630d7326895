import Foundation
import HuaweiCloud
import Reinstall
import Testing
import TerminalKit

@testable import App

/// The review lets the operator read the whole request body on any terminal: it scrolls under
/// a marker saying how much is hidden, and the error under the field is wrapped, never cut.
struct ReviewScrollTests {
    /// web-01's review (a licensed image, an encrypted disk, BYOL: a long body) with three jobs on
    /// other servers, and a wrong name typed.
    private func review(width: Int, height: Int, typing: String = "web-02") -> AppState {
        var state = Fixtures.formState(for: Fixtures.web, image: Fixtures.redHatImage)
        _ = reduce(&state, .resized(TerminalSize(width: width, height: height)))
        JobsLayoutSnapshotTests.addThreeJobs(&state)
        FormKeys.focus(.encrypt, in: &state)
        _ = reduce(&state, .key(.character(" ")))
        FormKeys.focus(.cmkId, in: &state)
        FormKeys.type(Fixtures.validCMK, into: &state)
        FormKeys.focus(.byol, in: &state)
        _ = reduce(&state, .key(.character(" ")))
        FormKeys.focus(.submit, in: &state)
        _ = reduce(&state, .key(.enter))
        FormKeys.type(typing, into: &state)
        _ = reduce(&state, .key(.enter))
        return state
    }

    private func bodyLines(_ state: AppState) throws -> [String] {
        guard case let .review(plan)? = state.form?.stage else { throw ReviewMissing() }
        return try plan.reviewBodyLines()
    }

    private struct ReviewMissing: Error {}

    @Test(arguments: [(60, 16), (80, 24)])
    func theWholeBodyCanBeReadByScrolling(width: Int, height: Int) throws {
        var state = review(width: width, height: height)
        let body = try bodyLines(state)
        // The rows seen, in the order scrolling reveals them: a line broken over two rows is
        // found again by joining them.
        var seen: [String] = []
        var markers = 0
        for _ in 0..<(2 * body.count) {
            let text = render(state).lines
            for line in text.map({ $0.trimmingCharacters(in: .whitespaces) })
            where !seen.contains(line) && !line.contains("PgUp PgDn scroll") {
                seen.append(line)
            }
            if text.contains(where: { $0.contains("↑↓ PgUp PgDn scroll") }) { markers += 1 }
            #expect(text.joined().contains("[web-02"), "the field stays in view")
            _ = reduce(&state, .key(.down))
        }
        let joined = seen.joined()
        let missing = body.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !joined.contains($0) }
        #expect(missing.isEmpty, "every body line is shown at some scroll: missing \(missing)")
        // At 80×24 this body (15 lines) just fits: no marker, nothing hidden.
        #expect((markers > 0) == (width == 60), "the body scrolls under a marker where it does not fit")
        #expect(state.form?.confirmName.text == "web-02", "the arrows scroll, they do not edit the name")
    }

    @Test(arguments: [(60, 16), (80, 24)])
    func theErrorIsWrappedWhole(width: Int, height: Int) {
        let state = review(width: width, height: height)
        let text = render(state).lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(text.contains("That is neither the server's name nor its id: type web-01 exactly"), "\(text)")
        #expect(text.contains("Review: reinstall the OS of web-01"), "the title stays")
    }

    @Test func scrollingStopsAtTheEndsAndPagesMove() throws {
        var state = review(width: 60, height: 16)
        #expect(state.form?.reviewScroll == 0)
        _ = reduce(&state, .key(.up))
        #expect(state.form?.reviewScroll == 0, "not above the first line")
        for _ in 0..<50 { _ = reduce(&state, .key(.pageDown)) }
        let end = try #require(state.form?.reviewScroll)
        #expect(end > 0)
        _ = reduce(&state, .key(.down))
        #expect(state.form?.reviewScroll == end, "not past the last line")
        #expect(render(state).lines.contains { $0.contains("▲") && $0.contains("above") })
        _ = reduce(&state, .key(.pageUp))
        #expect(state.form.map { $0.reviewScroll < end } == true, "scrolled back, the review still open")
        _ = reduce(&state, .key(.escape))
        #expect(state.form?.reviewScroll == 0, "back to the fields: the next review starts at the top")
    }

    @Test(arguments: [(60, 16), (80, 24)])
    func snapshotsScrolledToTheEnd(width: Int, height: Int) {
        var state = review(width: width, height: height)
        assertSnapshot(render(state), named: "review-scroll-top-\(width)x\(height)")
        for _ in 0..<50 { _ = reduce(&state, .key(.down)) }
        assertSnapshot(render(state), named: "review-scroll-end-\(width)x\(height)")
    }
}
