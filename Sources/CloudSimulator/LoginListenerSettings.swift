/// The SSH port of reinstalled servers, as the simulator plays it: a listener that sends an SSH
/// banner, on the server's loopback address, from the moment the server is ACTIVE after a
/// rebuild (plus `bootDelay`) until it is rebuilt again. Nothing listens while it is in REBUILD,
/// nor on a server never reinstalled, so a probe is refused there as by a booting machine.
public struct LoginListenerSettings: Sendable, Equatable {
    /// The one port every server's listener uses (each on its own address); 0 picks a free one at start.
    public var port: Int
    /// The identification line sent on each connection (without CR LF).
    public var banner: String
    /// Wall-clock time from the server being seen ACTIVE to its port answering, like a system
    /// that is still booting its services.
    public var bootDelay: Duration

    public init(port: Int = 0, banner: String = "SSH-2.0-OpenSSH_9.6 ecs-reinstall-simulator",
                bootDelay: Duration = .zero) {
        self.port = port
        self.banner = banner
        self.bootDelay = bootDelay
    }
}
