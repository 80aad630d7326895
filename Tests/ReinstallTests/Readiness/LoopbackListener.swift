import NIOCore
import NIOPosix

/// A TCP listener on 127.0.0.1 and a free port, for the probe to try: it sends a banner to each
/// connection, or accepts and says nothing.
struct LoopbackListener {
    enum Behaviour {
        case banner(String)
        case silent
    }

    let channel: any Channel
    let port: Int

    static func start(_ behaviour: Behaviour) async throws -> LoopbackListener {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { child in
                switch behaviour {
                case let .banner(text):
                    return child.eventLoop.makeCompletedFuture {
                        try child.pipeline.syncOperations.addHandler(GreetingWriter(text: text))
                    }
                case .silent:
                    return child.eventLoop.makeSucceededVoidFuture()
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return LoopbackListener(channel: channel, port: channel.localAddress?.port ?? 0)
    }

    /// A port nothing listens on: one that was just bound, then closed.
    static func closedPort() async throws -> Int {
        let listener = try await start(.silent)
        let port = listener.port
        try await listener.channel.close()
        return port
    }

    func close() {
        channel.close(promise: nil)
    }
}

/// Sends its text once the connection is up (a child channel cannot write before that).
final class GreetingWriter: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    let text: String

    init(text: String) {
        self.text = text
    }

    func channelActive(context: ChannelHandlerContext) {
        context.writeAndFlush(NIOAny(ByteBuffer(string: text)), promise: nil)
        context.fireChannelActive()
    }
}
