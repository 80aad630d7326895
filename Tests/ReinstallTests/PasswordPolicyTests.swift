import Testing
import HuaweiCloud
import Reinstall

/// A password that passes every rule on both OSes; cases below break exactly one thing.
private let valid = "Gx7!kPq2vZ"

private func check(_ rule: PasswordRule, _ password: String, confirmation: String? = nil,
                   os: TargetOS = .linux) -> PasswordCheck? {
    PasswordPolicy.evaluate(password: password, confirmation: confirmation ?? password, os: os)
        .first { $0.rule == rule }
}

private func failing(_ password: String, os: TargetOS) -> Set<PasswordRule> {
    Set(PasswordPolicy.evaluate(password: password, confirmation: password, os: os)
        .filter { !$0.passed }.map(\.rule))
}

/// Every 3-letter run of "administrator", in the case pattern the index picks.
private let administratorRuns: [String] = {
    let name = Array("administrator")
    return (0...(name.count - 3)).map { i in
        String(name[i..<i + 3].enumerated().map { j, c in (i + j).isMultiple(of: 2) ? Character(c.uppercased()) : c })
    }
}()

@Suite struct PasswordPolicyTests {
    @Test func baselineIsAcceptableOnBothOSes() {
        #expect(PasswordPolicy.isAcceptable(password: valid, confirmation: valid, os: .linux))
        #expect(PasswordPolicy.isAcceptable(password: valid, confirmation: valid, os: .windows))
    }

    @Test(arguments: [(7, false), (8, true), (26, true), (27, false)])
    func length(count: Int, passes: Bool) throws {
        let password = String(String(repeating: "Ab1!", count: 7).prefix(count))
        let c = try #require(check(.length, password))
        #expect(c.passed == passes)
        #expect(c.label == "8–26 characters (now \(count))")
        #expect(PasswordPolicy.isAcceptable(password: password, confirmation: password, os: .linux) == passes)
    }

    @Test func lengthCountsCharactersNotBytes() throws {
        // Eight characters, more than eight UTF-8 bytes: the count is still 8.
        let c = try #require(check(.length, "Ab1!中中中中"))
        #expect(c.passed)
        #expect(c.label.hasSuffix("(now 8)"))
    }

    @Test(arguments: Array(PasswordPolicy.allowedSpecials))
    func eachAllowedSpecialIsAccepted(special: Character) {
        let password = "Gx7kPq2v" + String(special)
        #expect(failing(password, os: .linux).isEmpty)
        #expect(check(.allowedCharacters, password)?.label == "only letters, digits and !@$%^-_=+[{}]:,./?~#*")
    }

    @Test(arguments: [
        ("&", "'&' is not allowed"),
        (" ", "space is not allowed"),
        ("中", "'中' is not allowed"),
        ("😀", "'😀' is not allowed"),
        ("👍🏽", "'👍🏽' is not allowed"),
        ("\"", "'\"' is not allowed"),
        ("\\", "'\\' is not allowed"),
        ("`", "'`' is not allowed"),
        ("<", "'<' is not allowed"),
        ("\t", "tab is not allowed"),
        ("é", "'é' is not allowed"),
    ])
    func forbiddenCharacterIsNamed(bad: String, label: String) throws {
        let password = "Gx7!k" + bad + "Pq2v"
        let c = try #require(check(.allowedCharacters, password))
        #expect(!c.passed)
        #expect(c.label == label)
        #expect(!PasswordPolicy.isAcceptable(password: password, confirmation: password, os: .linux))
    }

    @Test func theFirstOffendingCharacterIsNamed() {
        #expect(check(.allowedCharacters, "Gx7!<kP&q2v")?.label == "'<' is not allowed")
    }

    @Test(arguments: [
        ("abcdefgh", 1), ("abcdEFGH", 2), ("abcd1234", 2), ("abcd!@#$", 2), ("ABCD1234", 2),
        ("abcDEF12", 3), ("abc!EF12", 4), ("abc!1234", 3), ("ABC!1234", 3), ("", 0),
    ])
    func characterClasses(password: String, present: Int) throws {
        let c = try #require(check(.characterClasses, password))
        #expect(c.label == "3 of upper, lower, digit, special (now \(present))")
        #expect(c.passed == (present >= 3))
    }

    @Test func forbiddenSpecialsDoNotCountAsAClass() throws {
        // '&' and '中' are not specials the API accepts, so only lower + digit are present.
        let c = try #require(check(.characterClasses, "abcd12&中"))
        #expect(c.label.hasSuffix("(now 2)"))
        #expect(!c.passed)
    }

    @Test(arguments: ["root", "ROOT", "RoOt", "toor", "TOOR", "tOoR"])
    func rootAndItsReverseAreRefusedOnLinux(name: String) throws {
        let password = "Gx7!" + name + "2v"
        let c = try #require(check(.noRootName, password, os: .linux))
        #expect(!c.passed)
        #expect(c.label == "no 'root' or 'toor'", "the rule, not what matched")
        #expect(!PasswordPolicy.isAcceptable(password: password, confirmation: password, os: .linux))
    }

    /// Windows logs in as Administrator: the Linux user name is no rule there.
    @Test(arguments: ["root", "ROOT", "toor", "tOoR"])
    func rootIsNoRuleOnWindows(name: String) {
        let password = "Gx7!" + name + "2v"
        #expect(check(.noRootName, password, os: .windows) == nil)
        #expect(PasswordPolicy.isAcceptable(password: password, confirmation: password, os: .windows))
    }

    @Test func eachOSHasItsOwnUserNameRules() {
        let rules = PasswordPolicy.evaluate(password: valid, confirmation: valid, os: .linux).map(\.rule)
        #expect(rules == [.length, .characterClasses, .allowedCharacters, .noRootName, .confirmationMatches])
        let windows = PasswordPolicy.evaluate(password: valid, confirmation: valid, os: .windows).map(\.rule)
        #expect(windows == PasswordRule.allCases.filter { $0 != .noRootName })
    }

    @Test(arguments: [
        ("Administrator", PasswordRule.windowsNoUsername),
        ("aDMINISTRATOR", .windowsNoUsername),
        ("rotartsinimdA", .windowsNoReverse),
        ("ROTARTSINIMDA", .windowsNoReverse),
    ])
    func windowsUsernameAndReverse(name: String, rule: PasswordRule) {
        let password = "7!" + name + "2"
        #expect(failing(password, os: .windows).contains(rule))
        #expect(!failing(password, os: .linux).contains(rule))
        #expect(PasswordPolicy.isAcceptable(password: password, confirmation: password, os: .linux))
    }

    @Test func everyRunIsGenerated() {
        #expect(administratorRuns.count == 11)
        #expect(Set(administratorRuns.map { $0.lowercased() }).isSuperset(of: ["adm", "min", "tor"]))
    }

    @Test(arguments: administratorRuns)
    func windowsRefusesEveryRunOfAdministrator(run: String) throws {
        let password = "Q7!" + run + "z2Xw"
        let c = try #require(check(.windowsNoRun, password, os: .windows))
        #expect(!c.passed)
        #expect(c.label == "no 3-letter run of Administrator", "the rule, not what matched")
        #expect(failing(password, os: .windows) == [.windowsNoRun])
        // The same password is fine for Linux, where the Windows rules do not exist.
        #expect(check(.windowsNoRun, password, os: .linux) == nil)
        #expect(PasswordPolicy.isAcceptable(password: password, confirmation: password, os: .linux))
    }

    @Test func twoLettersOfAdministratorAreFine() {
        let password = "Ad7!Mi2Ni"
        #expect(failing(password, os: .windows).isEmpty)
    }

    @Test func passwordWithMiniFailsOnWindowsOnly() throws {
        let c = try #require(check(.windowsNoRun, "Passw0rd!mini", os: .windows))
        #expect(!c.passed)
        #expect(c.label == "no 3-letter run of Administrator")
        #expect(failing("Passw0rd!mini", os: .linux).isEmpty)
    }

    @Test func leadingSlashOnWindows() {
        #expect(failing("/Gx7kPq2v", os: .windows) == [.windowsNoLeadingSlash])
        #expect(failing("/Gx7kPq2v", os: .linux).isEmpty)
        #expect(failing("Gx7kPq2v/", os: .windows).isEmpty)
    }

    @Test(arguments: [
        (valid, valid, true, "confirmation matches"),
        (valid, valid + "x", false, "confirmation does not match"),
        (valid, "gx7!kPq2vZ", false, "confirmation does not match"),
        (valid, "", false, "confirmation: type the password again"),
        ("", "", false, "confirmation: type the password again"),
    ])
    func confirmation(password: String, confirmation: String, passes: Bool, label: String) throws {
        let c = try #require(check(.confirmationMatches, password, confirmation: confirmation))
        #expect(c.passed == passes)
        #expect(c.label == label)
        #expect(PasswordPolicy.isAcceptable(password: password, confirmation: confirmation, os: .linux) == passes)
    }

    @Test(arguments: [TargetOS.linux, .windows])
    func emptyPasswordFailsWithoutCrashing(os: TargetOS) {
        let failed = failing("", os: os)
        #expect(failed.isSuperset(of: [.length, .characterClasses, .confirmationMatches]))
        #expect(!PasswordPolicy.isAcceptable(password: "", confirmation: "", os: os))
    }

    @Test(arguments: [
        valid, "Passw0rd!mini", "Q7!Administrator", "root&Toor 中", "/rotartsinimdA", "Ab1!", "secret pass",
        "Gx7!kPq2vZGx7!kPq2vZGx7!kPq2vZ",
    ], [TargetOS.linux, .windows])
    func labelsNeverHoldThePassword(password: String, os: TargetOS) {
        for c in PasswordPolicy.evaluate(password: password, confirmation: password + "x", os: os) {
            #expect(!c.label.contains(password), "\(c.rule) label leaks the password")
            #expect(!c.label.lowercased().contains(password.lowercased()))
        }
    }

    @Test(arguments: [("Linux", TargetOS.linux), ("Windows", .windows), ("windows", .windows), ("Other", .linux)])
    func targetOSFromServer(osType: String, expected: TargetOS) {
        #expect(TargetOS(server: .init(id: "s", name: "n", status: .shutoff, imageId: nil,
                                       metadata: ["os_type": osType])) == expected)
    }
}
