import Foundation

/// A user data file for the v2 endpoint: text or gzip, at most 32 KB before base64 (§4).
public struct UserData: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable { case text, gzip }
    public enum Problem: Error, Sendable, Equatable {
        case tooLarge(bytes: Int)
        case empty
        case notTextOrGzip
    }

    public static let maxBytes = 32 * 1024

    public var path: String
    public var bytes: Data
    public var kind: Kind

    /// Checks size and kind; the bytes are sent as they are, base64-encoded.
    public init(path: String, bytes: Data) throws(Problem) {
        guard !bytes.isEmpty else { throw .empty }
        guard bytes.count <= Self.maxBytes else { throw .tooLarge(bytes: bytes.count) }
        if bytes.starts(with: [0x1f, 0x8b]) {
            kind = .gzip
        } else if !bytes.contains(0), String(data: bytes, encoding: .utf8) != nil {
            kind = .text
        } else {
            throw .notTextOrGzip
        }
        self.path = path
        self.bytes = bytes
    }

    public var base64: String { bytes.base64EncodedString() }

    /// The first lines of a text file, for the operator to recognise it (gzip is not unpacked).
    public func preview(lines: Int) -> [String] {
        guard kind == .text else { return ["gzip, \(bytes.count) bytes (not previewed)"] }
        let text = String(decoding: bytes, as: UTF8.self)
        return text.split(separator: "\n", omittingEmptySubsequences: false).prefix(lines)
            .map { $0.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\r", with: "") }
    }
}

extension UserData.Problem {
    public var message: String {
        switch self {
        case let .tooLarge(bytes):
            "user data is \(bytes) bytes: the limit is \(UserData.maxBytes) bytes (32 KB) before base64; gzip it or trim it"
        case .empty: "user data file is empty"
        case .notTextOrGzip: "user data must be text (UTF-8) or a gzip file"
        }
    }
}
