import SecretStorage

/// A password field: `TextField`'s editing keys, but its text lives in a `Secret` (one buffer,
/// edited in place, zeroed by `clear()` and when the last holder lets go), never in a `String`.
///
/// Copies of the field share that buffer: a copied form holds the same password, not a second
/// one. The cursor and the length count Unicode scalars (a password the cloud takes is ASCII).
public struct SecureTextField: Sendable, Equatable, DrawableField {
    /// The field's storage. Hand it on (a draft, a request) rather than copying its bytes.
    public let secret: Secret
    /// Insertion point, in scalars from the start.
    public var cursor: Int = 0
    public var masked: Bool
    /// The most scalars the field takes.
    public let maxLength: Int
    /// Characters were refused because the field was full; cleared once the text gets shorter.
    public private(set) var overflowed = false
    /// The number of scalars held.
    public private(set) var count = 0

    public init(masked: Bool = true, maxLength: Int = TextField.defaultMaxLength) {
        secret = Secret()
        self.masked = masked
        self.maxLength = max(0, maxLength)
    }

    public var isEmpty: Bool { count == 0 }

    /// Applies an editing key, as `TextField.apply` does (the same readline keys). Deleting a
    /// word or a part of the line shifts the rest inside the one buffer and zeroes the freed
    /// bytes: no copy of the secret is made.
    /// - Returns: true if the key was consumed.
    public mutating func apply(_ key: Key) -> Bool {
        guard let edit = LineEdit(key) else { return false }
        let position = min(max(0, cursor), count)
        switch edit {
        case .insert(let character):
            insert(character, at: position)
        case .deleteBackward:
            if position > 0 { remove(position - 1..<position) }
        case .deleteForward:
            if position < count { remove(position..<position + 1) }
        case .deleteWordBackward:
            remove(wordStart(before: position)..<position)
        case .deleteToStart:
            if position == count { clear() } else { remove(0..<position) }
        case .deleteToEnd:
            remove(position..<count)
        case .wordLeft:
            cursor = wordStart(before: position)
        case .wordRight:
            cursor = wordEnd(after: position)
        case .left, .right, .start, .end:
            cursor = TextField.cursor(after: edit, from: position, count: count)
        }
        return true
    }

    /// Zeroes the buffer and empties the field.
    public mutating func clear() {
        secret.wipe()
        cursor = 0
        count = 0
        overflowed = false
    }

    @discardableResult
    public func draw(into screen: inout Screen, x: Int, y: Int, width: Int, style: Style) -> Int {
        // Revealed, the text has to reach the screen's cells; masked, nothing of it does.
        let shown: [Character] = masked
            ? Array(repeating: "•", count: count)
            : secret.withBytes { bytes in
                var shown: [Character] = []
                var iterator = bytes.makeIterator()
                var decoder = UTF8()
                while case let .scalarValue(scalar) = decoder.decode(&iterator) { shown.append(Character(scalar)) }
                return shown
            }
        return TextField.drawLine(shown, cursor: min(max(0, cursor), count), into: &screen,
                                  x: x, y: y, width: width, style: style)
    }

    public static func == (a: SecureTextField, b: SecureTextField) -> Bool {
        a.secret == b.secret && a.cursor == b.cursor && a.masked == b.masked && a.maxLength == b.maxLength
            && a.overflowed == b.overflowed && a.count == b.count
    }

    // MARK: - Editing in the buffer

    private mutating func insert(_ character: Character, at position: Int) {
        let scalars = character.unicodeScalars
        guard count + scalars.count <= maxLength else {
            overflowed = true
            return
        }
        var offset = byteOffset(ofScalar: position)
        for scalar in scalars {
            var utf8 = (UInt8(0), UInt8(0), UInt8(0), UInt8(0))
            var n = 0
            withUnsafeMutableBytes(of: &utf8) { raw in
                UTF8.encode(scalar) { unit in
                    raw[n] = unit
                    n += 1
                }
            }
            withUnsafeBytes(of: &utf8) { raw in secret.insert(contentsOf: raw.prefix(n), atByte: offset) }
            utf8 = (0, 0, 0, 0)
            offset += n
        }
        count += scalars.count
        cursor = position + scalars.count
    }

    /// Removes the scalars in `range`, in place; the cursor goes to its start.
    private mutating func remove(_ range: Range<Int>) {
        cursor = range.lowerBound
        guard !range.isEmpty else { return }
        secret.removeBytes(byteOffset(ofScalar: range.lowerBound)..<byteOffset(ofScalar: range.upperBound))
        count -= range.count
        overflowed = false
    }

    /// Readline's backward-word (`WordBoundary.previous`), found by one walk over the buffer: the
    /// start of the last word before `position`. No map of the password's words is kept anywhere.
    private func wordStart(before position: Int) -> Int {
        var start = 0
        var previousSeparates = true
        eachScalarSeparates { index, separates in
            guard index < position else { return false }
            if !separates && previousSeparates { start = index }
            previousSeparates = separates
            return true
        }
        return start
    }

    /// Readline's forward-word (`WordBoundary.next`): the end of the first word from `position`.
    private func wordEnd(after position: Int) -> Int {
        var end = count
        var inWord = false
        eachScalarSeparates { index, separates in
            guard index >= position else { return true }
            if !separates {
                inWord = true
            } else if inWord {
                end = index
                return false
            }
            return true
        }
        return end
    }

    /// Hands each scalar's index and whether it separates words to `body`, in order, until it
    /// returns false. Only that one flag at a time leaves the buffer.
    private func eachScalarSeparates(_ body: (Int, Bool) -> Bool) {
        secret.withBytes { bytes in
            var iterator = bytes.makeIterator()
            var decoder = UTF8()
            var index = 0
            while case let .scalarValue(scalar) = decoder.decode(&iterator) {
                guard body(index, WordBoundary.separates(Character(scalar))) else { return }
                index += 1
            }
        }
    }

    /// The byte offset where scalar `index` starts (the end for `index == count`).
    private func byteOffset(ofScalar index: Int) -> Int {
        secret.withBytes { bytes in
            var seen = -1
            for (offset, byte) in bytes.enumerated() where byte & 0xC0 != 0x80 {
                seen += 1
                if seen == index { return offset }
            }
            return bytes.count
        }
    }
}
