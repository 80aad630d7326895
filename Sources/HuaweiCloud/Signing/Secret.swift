import Foundation

/// A secret (secret key, token, password) that never prints itself: `description` is `••••`,
/// so it cannot leak through string interpolation, logs or error messages. `wipe()` zeroes it.
public struct Secret: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable, ExpressibleByStringLiteral
{
    private var bytes: [UInt8]

    public init(_ text: String) { bytes = Array(text.utf8) }
    public init(stringLiteral value: String) { self.init(value) }

    public var description: String { "••••" }
    public var debugDescription: String { "••••" }
    public var customMirror: Mirror { Mirror(self, children: [:]) }

    public var isEmpty: Bool { bytes.isEmpty }

    /// The clear text, for the one place that must send it (a request body, a signature key).
    public func reveal() -> String { String(decoding: bytes, as: UTF8.self) }

    public func withBytes<R>(_ body: ([UInt8]) throws -> R) rethrows -> R { try body(bytes) }

    /// Overwrites the bytes before releasing them.
    public mutating func wipe() {
        for i in bytes.indices { bytes[i] = 0 }
        bytes.removeAll()
    }
}
