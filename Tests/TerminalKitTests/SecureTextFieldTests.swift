import SecretStorage
import TerminalKit
import Testing

@Suite struct SecureTextFieldTests {
    private func typed(_ text: String, maxLength: Int = 256) -> SecureTextField {
        var field = SecureTextField(maxLength: maxLength)
        for character in text { _ = field.apply(.character(character)) }
        return field
    }

    @Test func typingGoesIntoTheSecretsBuffer() {
        let field = typed("Gx7!kPq2vZ")
        #expect(field.secret == Secret("Gx7!kPq2vZ"))
        #expect(field.count == 10)
        #expect(field.cursor == 10)
    }

    @Test func editingInTheMiddle() {
        var field = typed("ac中d")
        _ = field.apply(.left)
        _ = field.apply(.left)
        _ = field.apply(.character("b"))
        #expect(field.secret == Secret("acb中d"))
        _ = field.apply(.right)
        _ = field.apply(.backspace)
        #expect(field.secret == Secret("acbd"))
        _ = field.apply(.home)
        _ = field.apply(.delete)
        #expect(field.secret == Secret("cbd"))
        #expect(field.count == 3)
    }

    @Test func aCopyOfTheFieldSharesItsBuffer() {
        let field = typed("Gx7!kPq2vZ")
        let copy = field
        #expect(copy.secret === field.secret)
        #expect(copy.secret.storageAddress == field.secret.storageAddress)
    }

    @Test func clearZeroesTheBuffer() {
        var field = typed("Gx7!kPq2vZ")
        let secret = field.secret
        _ = field.apply(.clearLine)
        #expect(field.isEmpty)
        #expect(secret.rawStorage().allSatisfy { $0 == 0 })
    }

    @Test func aFullFieldRefusesAndSaysSo() {
        var field = typed("abcd", maxLength: 3)
        #expect(field.count == 3)
        #expect(field.overflowed)
        _ = field.apply(.backspace)
        #expect(!field.overflowed)
    }

    @Test func maskedItDrawsOnlyBullets() {
        let field = typed("Gx7!kPq2vZ")
        var screen = Screen(width: 20, height: 1)
        field.draw(into: &screen, x: 0, y: 0, width: 20, style: .plain)
        #expect(screen.lines.first?.hasPrefix("••••••••••") == true)
        #expect(screen.lines.first?.contains("Gx7") == false)
    }
}
