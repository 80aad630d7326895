import ArgumentParser
import Foundation
import HuaweiCloud
import Logging

/// Runs the body of a command for scripts: connects, runs, stops the demo's simulator, and turns
/// every failure into its message on stderr and its documented exit code.
func runScript(
    _ connection: ConnectionOptions, _ body: @escaping @Sendable (CloudSession) async throws -> Int32
) throws {
    // stderr is for the operator's messages only, not the client's logs.
    LoggingSystem.bootstrap { _ in SwiftLogNoOpLogHandler() }
    let status: Int32
    do {
        status = try runBlocking {
            let session = try await connection.connect()
            do {
                let status = try await body(session)
                await session.stop()
                return status
            } catch {
                await session.stop()
                throw error
            }
        }
    } catch let failure as CommandFailure {
        Console.error("error: \(failure.message)")
        throw ExitCode(failure.code)
    } catch let error as CloudError {
        Console.error("error: \(error.message)")
        throw ExitCode(ScriptExit.code(for: error))
    } catch let error as ValidationError {
        Console.error("error: \(error.message)")
        throw ExitCode(ScriptExit.usage)
    }
    if status != ScriptExit.done { throw ExitCode(status) }
}
