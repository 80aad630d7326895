/// A command that talks to a cloud: it has the connection options, `--debug` among them.
/// `SendableMetatype` where the compiler knows it: `main` asks any command for its connection
/// before running it, so the conformance must not be isolated to an actor.
#if compiler(>=6.2)
protocol ConnectedCommand: SendableMetatype {
    var connection: ConnectionOptions { get }
}
#else
protocol ConnectedCommand {
    var connection: ConnectionOptions { get }
}
#endif
