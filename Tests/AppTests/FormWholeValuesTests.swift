import Foundation
import HuaweiCloud
import Testing
import TerminalKit

@testable import App

/// What the operator checks by eye is shown whole: the CMK id they pasted, the name they must type.
struct FormWholeValuesTests {
    static let cmk = "0f5a7c3e-1b2d-4c6e-8a9b-1c2d3e4f5a6b"

    @Test(arguments: [(80, 24), (120, 40)])
    func aWholeCMKIdFitsItsField(width: Int, height: Int) {
        var state = Fixtures.formState(for: Fixtures.web, image: Fixtures.goldImage)
        _ = reduce(&state, .resized(TerminalSize(width: width, height: height)))
        FormKeys.focus(.encrypt, in: &state)
        _ = reduce(&state, .key(.character(" ")))
        FormKeys.focus(.cmkId, in: &state)
        FormKeys.type(Self.cmk, into: &state)
        let screen = render(state)
        let row = screen.lines.first { $0.hasPrefix(" CMK id") } ?? ""
        #expect(row.contains("[\(Self.cmk)"), "\(row)")
        #expect(screen.lines.contains { $0.contains("Checklist") }, "the checklist stays beside the form")
    }

    @Test(arguments: [80, 120])
    func theReviewShowsTheWholeNameToType(width: Int) {
        let name = "华北区域-生产环境-订单服务-节点-00031-with-a-long-suffix-that-tells-it-apart"
        let server = Fixtures.server("s-long", name)
        var state = Fixtures.loadedState(width: width, height: 30)
        _ = reduce(&state, .key(.character("r")))
        Fixtures.deliver(Fixtures.servers + [server], to: &state)
        state.servers.selectedId = server.id
        _ = reduce(&state, .key(.enter))
        _ = reduce(&state, .imageLoaded(id: "img-gold", Fixtures.goldImage, scope: state.journalScope))
        FormKeys.focus(.submit, in: &state)
        _ = reduce(&state, .key(.enter))
        #expect(state.form?.isReviewing == true)
        let screen = render(state)
        let text = screen.lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined()
        #expect(text.contains(name), "\(screen.lines.joined(separator: "\n"))")
        for line in screen.lines { #expect(DisplayWidth.of(line) <= width) }
    }
}
