import Foundation

/// A secret (a password, a secret key, a token) held in one buffer that this object owns: the bytes
/// are never copied by Swift's value semantics, so whoever holds the `Secret` holds the same
/// storage, and `wipe()` (or the last holder letting go, in `deinit`) zeroes the only copy.
///
/// It never prints itself: `description` is `••••`, so it cannot leak through string
/// interpolation, logs or error messages. Read it through `withBytes`; `reveal()` makes a `String`
/// and is only for the few places an API needs one (a header, a proxy's credentials).
public final class Secret: @unchecked Sendable, Equatable, CustomStringConvertible,
    CustomDebugStringConvertible, CustomReflectable, ExpressibleByStringLiteral
{
    // Sendable: `storage` and `used` are read and written only while `lock` is held, and the
    // storage never escapes a `withBytes` body (documented there).
    private let lock = NSLock()
    private var storage: UnsafeMutableBufferPointer<UInt8>
    private var used = 0
    /// False only for the test hook's storage, which the test deallocates itself.
    private var ownsStorage: Bool

    public init() {
        storage = .allocate(capacity: 32)
        storage.initialize(repeating: 0)
        ownsStorage = true
    }

    /// Copies `bytes` in (UTF-8, for text); the caller wipes its own copy.
    public convenience init(bytes: some Collection<UInt8>) {
        self.init()
        append(contentsOf: bytes)
    }

    /// Copies `text`'s UTF-8 in. The `String` itself is beyond reach: use it for literals and
    /// values that already live in a `String` (an environment variable, a URL).
    public convenience init(_ text: String) { self.init(bytes: Array(text.utf8)) }
    public convenience init(stringLiteral value: String) { self.init(value) }

    /// Test hook: a secret over storage the test owns, so it can read the bytes after `deinit`.
    package init(testStorage: UnsafeMutableBufferPointer<UInt8>) {
        storage = testStorage
        ownsStorage = false
    }

    deinit {
        zero(storage)
        if ownsStorage { storage.deallocate() }
    }

    public var description: String { "••••" }
    public var debugDescription: String { "••••" }
    public var customMirror: Mirror { Mirror(self, children: [:]) }

    /// Length in UTF-8 bytes.
    public var byteCount: Int { locked { used } }
    public var isEmpty: Bool { byteCount == 0 }

    /// Reads the bytes in place. The pointer is valid only inside `body`; do not keep it or copy
    /// the bytes into a value that outlives the call.
    public func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try locked { try body(UnsafeBufferPointer(rebasing: storage[0..<used])) }
    }

    /// The clear text as a `String`, for an API that takes nothing else. That copy cannot be wiped.
    public func reveal() -> String { withBytes { String(decoding: $0, as: UTF8.self) } }

    /// A second, independent buffer with the same bytes (for a holder with another lifetime).
    public func copy() -> Secret { withBytes { Secret(bytes: $0) } }

    public func append(contentsOf bytes: some Collection<UInt8>) {
        insert(contentsOf: bytes, atByte: Int.max)
    }

    /// Inserts at a byte offset (clamped to the end).
    public func insert(contentsOf bytes: some Collection<UInt8>, atByte offset: Int) {
        locked {
            let at = min(max(0, offset), used)
            let extra = bytes.count
            reserve(used + extra)
            if at < used {
                // Shift the tail right, from its end, inside the one buffer.
                var i = used - 1
                while i >= at {
                    storage[i + extra] = storage[i]
                    i -= 1
                }
            }
            var i = at
            for b in bytes {
                storage[i] = b
                i += 1
            }
            used += extra
        }
    }

    /// Removes a range of bytes (clamped), zeroing the freed tail.
    public func removeBytes(_ range: Range<Int>) {
        locked {
            let lower = min(max(0, range.lowerBound), used)
            let upper = min(max(lower, range.upperBound), used)
            let gap = upper - lower
            guard gap > 0 else { return }
            for i in lower..<(used - gap) { storage[i] = storage[i + gap] }
            for i in (used - gap)..<used { storage[i] = 0 }
            used -= gap
        }
    }

    /// Zeroes every byte of the buffer (its whole capacity) and empties it.
    public func wipe() {
        locked {
            zero(storage)
            used = 0
        }
    }

    /// Compares in time independent of where the bytes first differ.
    public static func == (a: Secret, b: Secret) -> Bool {
        if a === b { return true }
        return a.withBytes { x in
            b.withBytes { y in
                guard x.count == y.count else { return false }
                var diff: UInt8 = 0
                for i in 0..<x.count { diff |= x[i] ^ y[i] }
                return diff == 0
            }
        }
    }

    // MARK: - Test hooks

    /// The storage's address: two holders share the secret when it is the same.
    package var storageAddress: UnsafeRawPointer? { locked { UnsafeRawPointer(storage.baseAddress) } }

    /// Every byte of the buffer's capacity, used or not (to show that a wipe left only zeros).
    package func rawStorage() -> [UInt8] { locked { Array(storage) } }

    // MARK: - Storage

    private func locked<R>(_ body: () throws -> R) rethrows -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    /// Grows by moving into a larger buffer and zeroing the old one before releasing it, so no
    /// stale copy is left behind. Called with the lock held.
    private func reserve(_ capacity: Int) {
        guard capacity > storage.count else { return }
        let grown = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(capacity, storage.count * 2))
        grown.initialize(repeating: 0)
        for i in 0..<used { grown[i] = storage[i] }
        zero(storage)
        if ownsStorage { storage.deallocate() }
        storage = grown
        ownsStorage = true
    }

    private func zero(_ buffer: UnsafeMutableBufferPointer<UInt8>) {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return }
        // A zeroing the optimiser may not drop as dead before the memory is freed.
        #if canImport(Darwin)
        _ = memset_s(base, buffer.count, 0, buffer.count)
        #else
        explicit_bzero(base, buffer.count)
        #endif
    }
}
