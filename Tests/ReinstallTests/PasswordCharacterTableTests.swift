import Testing
import Reinstall

/// Every ASCII punctuation character the API does not list as a special.
private let forbiddenASCII: [Character] = (0x21...0x7e).map { Character(Unicode.Scalar(UInt8($0))) }
    .filter { !$0.isLetter && !$0.isNumber && !PasswordPolicy.allowedSpecials.contains($0) }

private func allowedLabel(_ password: String) -> PasswordCheck? {
    PasswordPolicy.evaluate(password: password, confirmation: password, os: .linux)
        .first { $0.rule == .allowedCharacters }
}

/// The character rules as tables: each forbidden character is named, spaces by name.
@Suite struct PasswordCharacterTableTests {
    @Test func theForbiddenASCIISetIsTheComplementOfTheSpecials() {
        #expect(String(forbiddenASCII) == "\"&'();<>\\`|")
    }

    @Test(arguments: forbiddenASCII)
    func eachForbiddenASCIICharacterIsNamed(bad: Character) throws {
        let c = try #require(allowedLabel("Gx7!kPq2v" + String(bad)))
        #expect(!c.passed)
        #expect(c.label == "'\(bad)' is not allowed")
    }

    @Test(arguments: Array("【】：；“”‘’、，。《》？￥…（）！·"))
    func fullWidthPunctuationIsNamed(bad: Character) throws {
        let c = try #require(allowedLabel("Gx7!k" + String(bad) + "Pq2v"))
        #expect(!c.passed)
        #expect(c.label == "'\(bad)' is not allowed")
    }

    @Test(arguments: [
        ("中文密码Ab1!", "'中' is not allowed"),
        ("Ab1!パスワード", "'パ' is not allowed"),
        ("Ab1!비밀번호x", "'비' is not allowed"),
        ("Ab1!🔑xyzw", "'🔑' is not allowed"),
        ("Ab1!👨‍👩‍👧xyz", "'👨‍👩‍👧' is not allowed"),
        ("Ab1!🇨🇳xyzw", "'🇨🇳' is not allowed"),
    ])
    func cjkAndEmojiAreNamed(password: String, label: String) throws {
        let c = try #require(allowedLabel(password))
        #expect(!c.passed)
        #expect(c.label == label)
    }

    @Test(arguments: [
        (" Gx7!kPq2v", "space is not allowed"),
        ("Gx7!kPq2v ", "space is not allowed"),
        ("Gx7! kPq2v", "space is not allowed"),
        ("Gx7!\u{3000}kPq2v", "U+3000 is not allowed"),
        ("Gx7!\u{00A0}kPq2v", "U+A0 is not allowed"),
        ("Gx7!\nkPq2v", "line break is not allowed"),
        ("Gx7!\u{200B}kPq2v", "U+200B is not allowed"),
    ])
    func spacesAndInvisiblesAreNamedNotQuoted(password: String, label: String) throws {
        let c = try #require(allowedLabel(password))
        #expect(!c.passed)
        #expect(c.label == label)
    }
}
