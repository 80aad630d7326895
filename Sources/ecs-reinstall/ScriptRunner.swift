import ArgumentParser
import Foundation
import HuaweiCloud

/// Runs the body of a command for scripts: connects, runs, stops the demo's simulator, and turns
/// every failure into its message on stderr and its documented exit code.
func runScript(
    _ connection: ConnectionOptions, _ body: @Sendable (CloudSession) async throws -> Int32
) async throws {
    // A closed stdout or stderr (a pipe whose reader left, a hung-up terminal) fails a write
    // instead of killing the process, which may be waiting for a reinstall's answer.
    signal(SIGPIPE, SIG_IGN)
    let status: Int32
    do {
        let session = try await connection.connect()
        do {
            status = try await body(session)
            await session.stop()
        } catch {
            await session.stop()
            throw error
        }
    } catch {
        guard let (message, code) = ScriptExit.ending(error) else { throw error }
        Console.error("error: \(message)")
        throw ExitCode(code)
    }
    if status != ScriptExit.done { throw ExitCode(status) }
}
