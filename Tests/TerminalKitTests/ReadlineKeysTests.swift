import SecretStorage
import Testing
import TerminalKit

/// The readline keys in both kinds of field: where the cursor goes, what is deleted, at the
/// boundaries and over CJK text.
@Suite struct ReadlineKeysTests {
    struct Edit: Sendable, CustomTestStringConvertible {
        let name: String
        let text: String
        let cursor: Int
        let key: Key
        let expectedText: String
        let expectedCursor: Int
        var testDescription: String { name }
    }

    static let edits: [Edit] = [
        Edit(name: "ctrl-a to start", text: "web 01", cursor: 4, key: .control("a"), expectedText: "web 01", expectedCursor: 0),
        Edit(name: "ctrl-e to end", text: "web 01", cursor: 1, key: .control("e"), expectedText: "web 01", expectedCursor: 6),
        Edit(name: "ctrl-b left", text: "web", cursor: 2, key: .control("b"), expectedText: "web", expectedCursor: 1),
        Edit(name: "ctrl-b at start", text: "web", cursor: 0, key: .control("b"), expectedText: "web", expectedCursor: 0),
        Edit(name: "ctrl-f right", text: "web", cursor: 1, key: .control("f"), expectedText: "web", expectedCursor: 2),
        Edit(name: "ctrl-f at end", text: "web", cursor: 3, key: .control("f"), expectedText: "web", expectedCursor: 3),
        Edit(name: "ctrl-w word before", text: "reinstall web-01 now", cursor: 20, key: .control("w"),
             expectedText: "reinstall web-01 ", expectedCursor: 17),
        Edit(name: "ctrl-w skips spaces first", text: "web-01   ", cursor: 9, key: .control("w"),
             expectedText: "web-", expectedCursor: 4),
        Edit(name: "ctrl-w stops at punctuation", text: "/etc/cloud.yaml", cursor: 15, key: .control("w"),
             expectedText: "/etc/cloud.", expectedCursor: 11),
        Edit(name: "ctrl-w mid-text keeps the rest", text: "abc def ghi", cursor: 7, key: .control("w"),
             expectedText: "abc  ghi", expectedCursor: 4),
        Edit(name: "ctrl-w at start", text: "abc", cursor: 0, key: .control("w"), expectedText: "abc", expectedCursor: 0),
        Edit(name: "alt-backspace word before", text: "one two", cursor: 7, key: .alt(.backspace),
             expectedText: "one ", expectedCursor: 4),
        Edit(name: "ctrl-u to start", text: "abc def", cursor: 4, key: .control("u"), expectedText: "def", expectedCursor: 0),
        Edit(name: "ctrl-u at start", text: "abc", cursor: 0, key: .control("u"), expectedText: "abc", expectedCursor: 0),
        Edit(name: "ctrl-d under the cursor", text: "abc", cursor: 1, key: .control("d"), expectedText: "ac", expectedCursor: 1),
        Edit(name: "ctrl-d at end", text: "abc", cursor: 3, key: .control("d"), expectedText: "abc", expectedCursor: 3),
        Edit(name: "ctrl-k to end", text: "abc def", cursor: 3, key: .control("k"), expectedText: "abc", expectedCursor: 3),
        Edit(name: "ctrl-k at end", text: "abc", cursor: 3, key: .control("k"), expectedText: "abc", expectedCursor: 3),
        Edit(name: "alt-b word left", text: "abc def", cursor: 7, key: .alt(.character("b")), expectedText: "abc def", expectedCursor: 4),
        Edit(name: "alt-b from a word's start", text: "abc def", cursor: 4, key: .alt(.character("b")), expectedText: "abc def", expectedCursor: 0),
        Edit(name: "alt-b at start", text: "abc", cursor: 0, key: .alt(.character("b")), expectedText: "abc", expectedCursor: 0),
        Edit(name: "alt-f word right", text: "abc def", cursor: 0, key: .alt(.character("f")), expectedText: "abc def", expectedCursor: 3),
        Edit(name: "alt-f over spaces", text: "abc def", cursor: 3, key: .alt(.character("f")), expectedText: "abc def", expectedCursor: 7),
        Edit(name: "alt-f at end", text: "abc", cursor: 3, key: .alt(.character("f")), expectedText: "abc", expectedCursor: 3),
        // CJK: one Character per ideograph, words split at the hyphen and the ideographic comma.
        Edit(name: "ctrl-w CJK", text: "华北区域-生产环境", cursor: 9, key: .control("w"), expectedText: "华北区域-", expectedCursor: 5),
        Edit(name: "ctrl-w CJK comma", text: "节点、服务器", cursor: 6, key: .control("w"), expectedText: "节点、", expectedCursor: 3),
        Edit(name: "alt-b CJK", text: "华北区域-生产环境", cursor: 9, key: .alt(.character("b")), expectedText: "华北区域-生产环境", expectedCursor: 5),
        Edit(name: "alt-f CJK", text: "华北区域-生产环境", cursor: 0, key: .alt(.character("f")), expectedText: "华北区域-生产环境", expectedCursor: 4),
        Edit(name: "ctrl-k CJK", text: "华北区域", cursor: 2, key: .control("k"), expectedText: "华北", expectedCursor: 2),
        // An emoji with a skin tone is one Character and part of the word.
        Edit(name: "ctrl-w emoji", text: "ok 👍🏽x", cursor: 5, key: .control("w"), expectedText: "ok ", expectedCursor: 3),
    ]

    @Test(arguments: edits)
    func textField(edit: Edit) {
        var field = TextField(text: edit.text)
        field.cursor = edit.cursor
        let consumed = field.apply(edit.key)
        #expect(consumed)
        #expect(field.text == edit.expectedText)
        #expect(field.cursor == edit.expectedCursor)
        #expect(field.count == edit.expectedText.count)
    }

    /// The same table in the password field (these texts are one scalar per Character, except
    /// the emoji, which the secure field counts in scalars).
    @Test(arguments: edits.filter { $0.text.unicodeScalars.count == $0.text.count })
    func secureField(edit: Edit) {
        var field = SecureTextField(masked: true)
        for character in edit.text { _ = field.apply(.character(character)) }
        field.cursor = edit.cursor
        let consumed = field.apply(edit.key)
        #expect(consumed)
        #expect(field.secret == Secret(edit.expectedText))
        #expect(field.cursor == edit.expectedCursor)
        #expect(field.count == edit.expectedText.unicodeScalars.count)
    }

    @Test func deletingAWordInTheSecretLeavesNoCopy() {
        var field = SecureTextField(masked: true)
        for character in "Gx7!kPq2vZ tail" { _ = field.apply(.character(character)) }
        let secret = field.secret
        let consumed = field.apply(.alt(.backspace))
        #expect(consumed)
        #expect(secret == Secret("Gx7!kPq2vZ "))
        // The freed bytes are zeros: the buffer holds the remaining text, then nothing.
        let raw = secret.rawStorage()
        #expect(Array(raw.prefix(11)) == Array("Gx7!kPq2vZ ".utf8))
        #expect(raw.dropFirst(11).allSatisfy { $0 == 0 })
        #expect(field.secret === secret, "edited in place, not replaced")
    }

    @Test func ctrlUMidSecretZeroesTheTail() {
        var field = SecureTextField(masked: true)
        for character in "abcdef" { _ = field.apply(.character(character)) }
        field.cursor = 2
        _ = field.apply(.control("u"))
        #expect(field.secret == Secret("cdef"))
        #expect(field.secret.rawStorage().dropFirst(4).allSatisfy { $0 == 0 })
    }

    @Test func maskedFieldDrawsOnlyDotsAfterWordEdits() {
        var field = SecureTextField(masked: true)
        for character in "pass word" { _ = field.apply(.character(character)) }
        _ = field.apply(.control("w"))
        var screen = Screen(width: 12, height: 1)
        field.draw(into: &screen, x: 0, y: 0, width: 12, style: .plain)
        #expect(screen.lines.first?.hasPrefix("•••••") == true)
        #expect(screen.lines.first?.contains("p") == false)
    }
}
