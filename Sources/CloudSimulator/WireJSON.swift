import Foundation

/// How the simulator writes every answer: sorted keys, slashes unescaped. One encoder, made once.
enum WireJSON {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()
}
