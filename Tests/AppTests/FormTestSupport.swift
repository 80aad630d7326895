import Foundation
import HuaweiCloud
import Reinstall
import TerminalKit
import Testing

@testable import App

/// Key presses for the form tests.
enum FormKeys {
    static func type(_ text: String, into state: inout AppState) {
        for character in text { _ = reduce(&state, .key(.character(character))) }
    }

    static func focus(_ field: ReinstallForm.Field, in state: inout AppState,
                      sourceLocation: SourceLocation = #_sourceLocation) {
        for _ in 0..<14 where state.form?.focus != field {
            // Tab on a typed user data path completes it (an effect); Enter leaves the field.
            let onPath = state.form?.focus == .userData && state.form?.options.hasUserDataPath == true
            _ = reduce(&state, .key(onPath ? .enter : .tab))
        }
        #expect(state.form?.focus == field, sourceLocation: sourceLocation)
    }

    static func context(_ state: AppState) -> FormContext? {
        state.form.map { formContext(state, $0) }
    }

    static func checklist(_ state: AppState) -> [ChecklistItem] {
        state.form.map { $0.checklist(formContext(state, $0)) } ?? []
    }

    /// Enter on the button (the review), then the name typed and Enter: the effects of the last.
    static func reviewAndConfirm(_ state: inout AppState) -> [Effect] {
        focus(.submit, in: &state)
        _ = reduce(&state, .key(.enter))
        type(state.form?.server.name ?? "", into: &state)
        return reduce(&state, .key(.enter))
    }

    static func plan(_ effects: [Effect]) -> ReinstallPlan? {
        effects.lazy.compactMap { effect -> ReinstallPlan? in
            if case let .submitReinstall(plan) = effect { return plan }
            return nil
        }.first
    }
}

extension Fixtures {
    static let importedImage = Image(id: "img-imported", name: "app-from-qcow2", imageType: "private", osType: "Linux",
                                     rootOrigin: "file")
    static let imported = server("s-imp", "imported-app", image: "img-imported", imageName: "app-from-qcow2")
    static let imported2 = server("s-imp2", "imported-app-2", image: "img-imported", imageName: "app-from-qcow2")
    static let validCMK = "0f5a7c3e-1b2d-4e6f-8a9b-0c1d2e3f4a5b"

    /// Like `formState`, for servers outside the fixed list.
    static func formState(for server: Server, image: Image?, among others: [Server]) -> AppState {
        var state = loadedState()
        let all = servers + others
        _ = reduce(&state, .key(.character("r")))
        deliver(all, to: &state)
        state.servers.selectedId = server.id
        _ = reduce(&state, .key(.enter))
        if let imageId = server.imageId { _ = reduce(&state, .imageLoaded(id: imageId, image, scope: state.journalScope)) }
        return state
    }
}
