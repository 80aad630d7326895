import Foundation
import Reinstall

/// Reads `--user-data FILE` into the domain's `UserData`, which checks its size (≤ 32 KB before
/// base64) and kind (text or gzip) as the UI's form does.
enum UserDataFile {
    static func read(_ path: String) throws(CommandFailure) -> UserData {
        let bytes: Data
        do {
            bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw CommandFailure("--user-data: cannot read \(path): \(error.localizedDescription)")
        }
        do {
            return try UserData(path: path, bytes: bytes)
        } catch {
            throw CommandFailure("--user-data \(path): \(error.message)")
        }
    }
}
