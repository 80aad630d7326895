import Foundation
import HuaweiCloud
import Logging
import NIOCore
import NIOPosix

/// The banner listeners of reinstalled servers (`LoginListenerSettings`), one per server, each on
/// the server's own loopback address and the shared port. Only loopback addresses are ever bound.
actor LoginListeners {
    let settings: LoginListenerSettings
    /// The port in use, once chosen (`settings.port`, or a free one).
    private(set) var port: Int?
    private var listening: [String: any Channel] = [:]
    /// Per server, a change counter: a delayed opening that a newer change overtook does nothing.
    private var generation: [String: Int] = [:]
    /// The openings waiting out the boot delay, by server: cancelled by a close, so none binds
    /// after the simulator stopped.
    private var pending: [String: Task<Void, Never>] = [:]
    private let logger = Logger(label: "CloudSimulator.login")

    init(settings: LoginListenerSettings) {
        self.settings = settings
    }

    /// The port, chosen on first use: 0 asks the system for a free one on 127.0.0.1.
    func resolvedPort() async throws -> Int {
        if let port { return port }
        var chosen = settings.port
        if chosen == 0 {
            let probe = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .bind(host: "127.0.0.1", port: 0).get()
            chosen = probe.localAddress?.port ?? 0
            try await probe.close()
        }
        port = chosen
        return chosen
    }

    /// The server at `address` is ACTIVE after a rebuild: its port answers after the boot delay.
    func open(serverId: String, address: String) async {
        guard Loopback.isAddress(address) else { return }
        let current = bump(serverId)
        if settings.bootDelay > .zero {
            pending[serverId]?.cancel()
            pending[serverId] = Task {
                guard (try? await Task.sleep(for: settings.bootDelay)) != nil else { return }
                await self.bind(serverId: serverId, address: address, generation: current)
            }
        } else {
            await bind(serverId: serverId, address: address, generation: current)
        }
    }

    /// The server is being rebuilt: its port stops answering.
    func close(serverId: String) async {
        _ = bump(serverId)
        pending.removeValue(forKey: serverId)?.cancel()
        try? await listening.removeValue(forKey: serverId)?.close()
    }

    /// Every port closed, and every opening still waiting for its boot delay called off (not only
    /// those of servers already listening), awaited so that none binds once this returns.
    func closeAll() async {
        let waiting = Array(pending.values)
        for id in Set(listening.keys).union(generation.keys) { await close(serverId: id) }
        for task in waiting { await task.value }
    }

    /// How many openings wait for their boot delay.
    var pendingOpenings: Int { pending.count }

    func isListening(serverId: String) -> Bool { listening[serverId] != nil }

    private func bump(_ serverId: String) -> Int {
        let next = (generation[serverId] ?? 0) + 1
        generation[serverId] = next
        return next
    }

    private func bind(serverId: String, address: String, generation expected: Int) async {
        if generation[serverId] == expected { pending[serverId] = nil }
        guard generation[serverId] == expected, listening[serverId] == nil else { return }
        let port: Int
        do {
            port = try await resolvedPort()
        } catch {
            logger.error("no login port for \(serverId) at \(address): \(error)")
            return
        }
        let line = settings.banner + "\r\n"
        let bound: (any Channel)?
        do {
            bound = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                .childChannelInitializer { child in
                    child.eventLoop.makeCompletedFuture {
                        try child.pipeline.syncOperations.addHandler(BannerSender(line: line))
                    }
                }
                .bind(host: address, port: port).get()
        } catch {
            // Said, not swallowed: the probe of this server would otherwise wait for nothing.
            logger.error("the login port of \(serverId) could not be opened on \(address):\(port): \(error)")
            bound = nil
        }
        guard let bound else { return }
        // Overtaken while binding (rebuilt again, or closed): let go at once.
        guard generation[serverId] == expected, listening[serverId] == nil else {
            try? await bound.close()
            return
        }
        listening[serverId] = bound
    }
}

/// The banner, sent once the connection is up; then the connection is left for the client to
/// close, as sshd waits for the client's own identification.
final class BannerSender: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    let line: String

    init(line: String) {
        self.line = line
    }

    func channelActive(context: ChannelHandlerContext) {
        context.writeAndFlush(NIOAny(ByteBuffer(string: line)), promise: nil)
        context.fireChannelActive()
    }
}
