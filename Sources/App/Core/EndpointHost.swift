import Foundation
import TerminalKit

/// The host (and port) of an `--endpoint` that overrides the real cloud's, as the header shows it:
/// an operator must never take a private gateway or a simulator for the public cloud.
package enum EndpointHost {
    /// `https://gateway.example.com/v1` → `gateway.example.com`; `http://127.0.0.1:8080` →
    /// `127.0.0.1:8080`. Text that is not a URL is shown as given, without scheme or path.
    package static func label(_ endpoint: String) -> String {
        let trimmed = endpoint.trimmingCharacters(in: .whitespaces)
        let afterScheme = trimmed.range(of: "://").map { String(trimmed[$0.upperBound...]) } ?? trimmed
        let authority = afterScheme.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).first
            .map(String.init) ?? afterScheme
        // Credentials in a URL are not for the screen.
        let host = authority.split(separator: "@").last.map(String.init) ?? authority
        return TerminalText.visible(host.isEmpty ? trimmed : host)
    }
}
