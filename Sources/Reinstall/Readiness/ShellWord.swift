/// A word for a command line shown for copying: as is when a shell would read it so, else in
/// single quotes (`[10.0.0.5]:2222` holds glob brackets, a path may hold spaces).
enum ShellWord {
    static func quoted(_ word: String) -> String {
        let plain = !word.isEmpty && word.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "@%+=:,./_-~".unicodeScalars.contains(scalar))
        }
        // `~` only as a leading `~/`, which the shell expands to the home folder as intended.
        if plain && (!word.contains("~") || (word.hasPrefix("~/") && !word.dropFirst().contains("~"))) { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
