/// A command that talks to a cloud: it has the connection options, `--debug` among them.
protocol ConnectedCommand {
    var connection: ConnectionOptions { get }
}
