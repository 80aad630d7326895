import Foundation
import Reinstall

/// Reads a user data file for the form, never more than one byte past the limit, so a huge file
/// is refused without being loaded. The size and kind rules are judged by `reduce`.
enum UserDataFileReader {
    /// - Parameter home: what `~` means (the process's `HOME`).
    static func read(_ path: String, home: String? = UserDataPath.home) -> Result<Data, UserDataReadError> {
        let expanded = UserDataPath.expand(path, home: home)
        let size = (try? FileManager.default.attributesOfItem(atPath: expanded)[.size] as? Int) ?? nil
        if let size, size > UserData.maxBytes {
            return .failure(UserDataReadError(UserData.Problem.tooLarge(bytes: size).message))
        }
        guard let handle = FileHandle(forReadingAtPath: expanded) else {
            return .failure(UserDataReadError("cannot open \(path): check the path and its permissions"))
        }
        defer { try? handle.close() }
        do {
            return .success(try handle.read(upToCount: UserData.maxBytes + 1) ?? Data())
        } catch {
            return .failure(UserDataReadError("cannot read \(path): \(error.localizedDescription)"))
        }
    }
}
