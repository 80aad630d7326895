import App
import ArgumentParser
import Foundation
import HuaweiCloud
import Reinstall
import TerminalKit

/// The terminal UI, against the real cloud when credentials are found, else the demo (whose
/// header says so).
struct InteractiveCommand: AsyncParsableCommand, ConnectedCommand {
    static let configuration = CommandConfiguration(
        commandName: "tui", abstract: "Open the terminal UI (the default).")

    @OptionGroup var connection: ConnectionOptions

    @Option(help: "IAM user id sent with a key-pair reinstall as userid (default: looked up for the access key; left out when unknown).")
    var userId: String?

    @Flag(help: "Ring the terminal bell when a job finishes.")
    var bell = false

    @Flag(help: "Select rows by clicking and scroll with the wheel (this takes over the terminal's own text selection).")
    var mouse = false

    @Flag(help: "No colours; states are shown by text and bold/underline. Setting NO_COLOR does the same.")
    var noColor = false

    @Flag(help: "Show times in UTC, as the cloud's own timestamps are (default: this machine's time zone, labelled).")
    var utc = false

    func run() async throws {
        CursesTerminal.prepareEnvironment()
        let environment = ProcessInfo.processInfo.environment
        // Before connecting: a terminal that cannot show the UI is said at once, with the way out.
        if case let .refused(message) = TerminalProbe.check(term: environment["TERM"]) {
            Console.error("ecs-reinstall: \(message)")
            throw ExitCode(ScriptExit.usage)
        }
        let options = try connection.sessionOptions
        let memoryFile = ScopeMemory.defaultFile(environment: environment)
        let session = try await Self.startFailure(exitsLikeTheCommands: {
            try await CloudSession.connect(options, environment: environment, withoutCredentials: .demo) { account in
                ScopeMemory(file: memoryFile, account: account).recall()
            }
        })
        let memory = ScopeMemory(file: memoryFile, account: session.accountKey)
        let journal = JobJournal(file: JobJournal.defaultFile(environment: environment))
        let (entries, journalProblem) = loadJournal(journal, mode: session.mode)
        var state = AppState(
            mode: session.mode, region: session.client.endpoints.region, projectId: session.client.projectId,
            projectName: session.projectName, userId: userId, size: TerminalSize(width: 80, height: 24), now: Date(),
            journal: entries)
        // `--region` chose another scope than the remembered one: `:` offers that one first.
        if let last = memory.recall(), last.projectId != state.projectId { state.previousScope = last }
        state.credentialSource = session.credentialSource.brief
        state.timeZone = utc ? .utc : .current
        if session.mode == .real, let endpoint = session.client.endpoints.override {
            state.endpointHost = EndpointHost.label(endpoint.absoluteString)
        }
        // On screen, not on stderr: the alternate screen would hide it until the UI ends.
        state.journalProblem = journalProblem
        state.bellEnabled = bell
        state.commandScope = connection.commandScope
        // A command run later from this shell finds the project this start found, unless it was
        // the remembered one, which the commands for scripts never read: then none is known to
        // be reached, and the commands printed name the project.
        state.commandScope.reachedProjectId = session.projectName == nil ? state.projectId : nil
        // What a reinstalled server's readiness is probed with: the demo's loopback port and its
        // own known_hosts (made now: the job pane reads it for its advice); a simulated cloud's
        // policy for a local endpoint.
        state.login = await session.prepareReadiness()
        if case let .only(id) = session.client.enterpriseProjects { state.enterpriseProject = id }
        let initialState = state
        // The first check asks for it too: nothing to do once made; had it failed above, it is
        // tried again and the failure said in the job's details, not on stderr under the UI.
        let readiness = ReadinessTools(prepare: { [session] in try await session.demoScratch?.prepare() })
        let terminalOptions = TerminalOptions(colors: noColor ? false : nil, mouse: mouse)
        let status: Int32
        do {
            status = try await MainActor.run {
                try TerminalApp.run(initialState: initialState, client: session.client, journal: journal,
                                    options: terminalOptions, scopeMemory: memory, readiness: readiness,
                                    leftLoop: { session.demoScratch?.remove() })
            }
        } catch {
            // A terminal that could not be set up: the simulator and the demo's folder go all the same.
            await session.stop()
            throw error
        }
        await session.stop()
        if status != 0 { throw ExitCode(status) }
    }

    /// A start that fails to connect exits with the commands' codes (`ScriptExit`): 2 usage,
    /// 3 authentication, 4 network or cloud unavailable, 1 any other refusal.
    private static func startFailure<T>(exitsLikeTheCommands connect: () async throws -> T) async throws -> T {
        do {
            return try await connect()
        } catch {
            guard let (message, code) = ScriptExit.ending(error) else { throw error }
            Console.error("ecs-reinstall: \(message)")
            throw ExitCode(code)
        }
    }

    /// The journal's entries, after forgetting the demo's (its simulated cloud is new on every
    /// start), and what the operator must know about the journal: where a damaged file was moved,
    /// or that it cannot be read at all.
    private func loadJournal(_ journal: JobJournal, mode: AccountMode) -> ([JournalEntry], String?) {
        do {
            let movedWhileForgetting = mode == .demo ? try journal.removeAll { JournalEntry.isDemoScope($0.scope) } : nil
            let contents = try journal.load()
            return (contents.entries, (movedWhileForgetting ?? contents.movedAside)?.message)
        } catch {
            return ([], JournalMessages.notLoaded(error))
        }
    }
}

func randomHex(_ count: Int) -> String {
    var generator = SystemRandomNumberGenerator()
    return String((0..<count).map { _ in "0123456789abcdef".randomElement(using: &generator) ?? "0" })
}
