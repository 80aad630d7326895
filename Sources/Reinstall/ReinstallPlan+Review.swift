import Foundation

extension ReinstallPlan {
    /// The redacted body, one field per line, for the review screen. It is decoded from
    /// `redactedBody()`, so it shows what goes on the wire; only the long base64 of the user
    /// data is shortened to its size.
    public func reviewBodyLines() throws -> [String] {
        let data = Data(try redactedBody().utf8)
        guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let body = root["os-reinstall"] as? [String: Any] else { return [try redactedBody()] }
        var lines = ["{\"os-reinstall\": {"]
        let keys = body.keys.sorted()
        for key in keys {
            let comma = key == keys.last ? "" : ","
            if let nested = body[key] as? [String: Any] {
                lines.append("  \"\(key)\": {")
                let inners = nested.keys.sorted()
                for inner in inners {
                    let innerComma = inner == inners.last ? "" : ","
                    lines.append("    \"\(inner)\": \(Self.shown(inner, nested[inner]))\(innerComma)")
                }
                lines.append("  }\(comma)")
            } else {
                lines.append("  \"\(key)\": \(Self.shown(key, body[key]))\(comma)")
            }
        }
        lines.append("}}")
        return lines
    }

    private static func shown(_ key: String, _ value: Any?) -> String {
        let text = value as? String ?? "\(value ?? "null")"
        if key == "user_data" { return "<base64, \(text.count) characters>" }
        return "\"\(text)\""
    }
}
