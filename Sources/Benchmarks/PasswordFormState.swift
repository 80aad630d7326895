import App
import Foundation
import HuaweiCloud
import TerminalKit

/// The form of a Windows server without Cloud-Init (password only), focus on the password.
func passwordForm() -> AppState {
    let server = Server(
        id: "s1", name: "win-ad-01", status: .shutoff, imageId: "img",
        metadata: ["os_type": "Windows", "image_name": "win2019"],
        volumesAttached: [.init(id: "v", bootIndex: "0", device: "/dev/vda")])
    let image = Image(id: "img", name: "win2019", imageType: "private", osType: "Windows", supportFcInject: "true")
    var state = AppState(mode: .demo, region: "r", projectId: "p", userId: "u",
                         size: TerminalSize(width: 120, height: 40), now: Date())
    _ = startup(&state)
    _ = reduce(&state, .serverPage(generation: state.servers.generation, ServerPage(count: 1, servers: [server])))
    _ = reduce(&state, .key(.enter))
    _ = reduce(&state, .imageLoaded(id: "img", image, scope: state.journalScope))
    while let focus = state.form?.focus, focus != .password { _ = reduce(&state, .key(.tab)) }
    return state
}
