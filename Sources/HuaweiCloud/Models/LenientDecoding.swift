import Foundation

extension KeyedDecodingContainer {
    /// A string the cloud sometimes sends as a number (`bootIndex`, `ram`, `frozen_state`).
    func lenientString(forKey key: Key) -> String? {
        if let s = try? decodeIfPresent(String.self, forKey: key) { return s }
        if let i = try? decodeIfPresent(Int.self, forKey: key) { return String(i) }
        if let d = try? decodeIfPresent(Double.self, forKey: key) { return String(d) }
        if let b = try? decodeIfPresent(Bool.self, forKey: key) { return String(b) }
        return nil
    }

    /// A required identifier, accepted as a string or a number (a missing or null one is an error).
    func requiredLenientString(forKey key: Key) throws -> String {
        if let value = lenientString(forKey: key) { return value }
        return try decode(String.self, forKey: key)  // throws the precise DecodingError
    }

    /// An integer the cloud sometimes sends as a string.
    func lenientInt(forKey key: Key) -> Int? {
        if let i = try? decodeIfPresent(Int.self, forKey: key) { return i }
        if let s = try? decodeIfPresent(String.self, forKey: key) { return Int(s) }
        return nil
    }

    /// An optional value that is ignored, rather than fatal, when its shape is unexpected.
    func lenient<T: Decodable>(_ type: T.Type, forKey key: Key) -> T? {
        (try? decodeIfPresent(type, forKey: key)) ?? nil
    }
}
