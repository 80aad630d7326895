import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// One TCP connection attempt with SwiftNIO. For SSH the port counts as answering once the server
/// has sent its identification line (`SSH-2.0-…`, RFC 4253 §4.2): a port that accepts but says
/// nothing is a half-booted system or something else. For RDP, whose server waits for the client,
/// an accepted connection is the answer. Nothing is ever sent.
public struct TCPPortProbe: PortProbe {
    private let group: any EventLoopGroup

    public init(group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) {
        self.group = group
    }

    public func attempt(_ target: LoginTarget, timeout: Duration) async -> ProbeAnswer {
        // Every channel the attempt opens (a name may give several, tried in parallel), so that a
        // cancelled task (Ctrl-C) closes them at once instead of waiting out the timeout.
        let channels = NIOLockedValueBox(OpenChannels())
        return await withTaskCancellationHandler {
            await connectAndRead(target, timeout: timeout, channels: channels)
        } onCancel: {
            let open = channels.withLockedValue { state in
                state.cancelled = true
                return state.channels
            }
            for channel in open { channel.close(promise: nil) }
        }
    }

    private struct OpenChannels {
        var cancelled = false
        var channels: [any Channel] = []
        /// Each channel's own banner promise, by channel.
        var banners: [ObjectIdentifier: EventLoopPromise<String>] = [:]
    }

    private func connectAndRead(_ target: LoginTarget, timeout: Duration,
                                channels: NIOLockedValueBox<OpenChannels>) async -> ProbeAnswer {
        let clock = ContinuousClock()
        let start = clock.now
        let loop = group.next()
        let bootstrap = ClientBootstrap(group: loop)
            .connectTimeout(.milliseconds(max(1, Int64(timeout.timeInterval * 1000))))
            .channelInitializer { channel in
                // Each connection its own reader and promise: when a name has several addresses,
                // the losing connections are closed, which must not end the winner's wait.
                let banner = channel.eventLoop.makePromise(of: String.self)
                let cancelled = channels.withLockedValue { state in
                    if !state.cancelled {
                        state.channels.append(channel)
                        state.banners[ObjectIdentifier(channel)] = banner
                    }
                    return state.cancelled
                }
                if cancelled {
                    banner.fail(CancellationError())
                    return channel.eventLoop.makeFailedFuture(CancellationError())
                }
                return channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(BannerReader(banner: banner))
                }
            }
        let channel: any Channel
        do {
            if let address = try? SocketAddress(ipAddress: target.address, port: target.port) {
                channel = try await bootstrap.connect(to: address).get()
            } else {
                channel = try await bootstrap.connect(host: target.address, port: target.port).get()
            }
        } catch {
            if Task.isCancelled { return .failed(reason: Self.cancelled) }
            return .failed(reason: Self.describe(error, timeout: timeout))
        }
        defer { channel.close(promise: nil) }
        guard target.kind == .ssh else { return .answered(banner: nil) }
        guard let banner = channels.withLockedValue({ $0.banners[ObjectIdentifier(channel)] }) else {
            return .failed(reason: Self.cancelled)
        }
        let left = timeout - (clock.now - start)
        let timer = channel.eventLoop.scheduleTask(in: .milliseconds(max(1, Int64(left.timeInterval * 1000)))) {
            banner.fail(BannerFailure.timedOut)
        }
        defer { timer.cancel() }
        do {
            return .answered(banner: try await banner.futureResult.get())
        } catch {
            if Task.isCancelled { return .failed(reason: Self.cancelled) }
            switch error {
            case BannerFailure.timedOut:
                return .failed(reason: "the port accepts connections but sent no SSH banner within "
                    + LoginReadiness.spoken(timeout))
            case BannerFailure.closed:
                return .failed(reason: "the port accepts connections but closed them without an SSH banner")
            case BannerFailure.notSSH:
                return .failed(reason: "the port answers, but not with an SSH banner")
            default:
                return .failed(reason: Self.describe(error, timeout: timeout))
            }
        }
    }

    /// The answer of an attempt whose task was cancelled; the caller is leaving and reads no further.
    static let cancelled = "cancelled"

    /// A connection failure in the words of `ssh`: `connection refused`, `timed out after 5s`…
    static func describe(_ error: any Error, timeout: Duration) -> String {
        if let many = error as? NIOConnectionError {
            if let dns = many.dnsAError ?? many.dnsAAAAError { return "the name could not be resolved (\(dns))" }
            if let first = many.connectionErrors.first { return describe(first.error, timeout: timeout) }
            return "no address to connect to"
        }
        if let channel = error as? ChannelError, case .connectTimeout = channel {
            return "timed out after \(LoginReadiness.spoken(timeout))"
        }
        if let io = error as? IOError {
            switch io.errnoCode {
            case ECONNREFUSED: return "connection refused"
            case ETIMEDOUT: return "timed out after \(LoginReadiness.spoken(timeout))"
            case EHOSTUNREACH: return "no route to host"
            case ENETUNREACH: return "network is unreachable"
            default: return String(cString: strerror(io.errnoCode)).lowercased()
            }
        }
        return "\(error)"
    }
}

enum BannerFailure: Error {
    case timedOut, closed, notSSH
}

/// Reads lines until the one that starts with `SSH-` (a server may send other lines first), at
/// most 255 bytes per line and a few lines in all, so a chatty port cannot make us read forever.
final class BannerReader: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    static let maxLineBytes = 255
    static let maxLines = 16

    let banner: EventLoopPromise<String>
    private var line: [UInt8] = []
    private var lines = 0

    init(banner: EventLoopPromise<String>) {
        self.banner = banner
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let buffer = unwrapInboundIn(data)
        for byte in buffer.readableBytesView {
            if byte == UInt8(ascii: "\n") {
                let text = Self.sanitised(line)
                line.removeAll(keepingCapacity: true)
                lines += 1
                if text.hasPrefix("SSH-") {
                    banner.succeed(text)
                    context.close(promise: nil)
                    return
                }
                if lines >= Self.maxLines { return fail(.notSSH, context) }
            } else if line.count < Self.maxLineBytes {
                line.append(byte)
            } else {
                return fail(.notSSH, context)
            }
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        banner.fail(BannerFailure.closed)
        context.fireChannelInactive()
    }

    /// A connection that never became active (refused, or lost to another address) is removed
    /// without going inactive: its promise must still be completed.
    func handlerRemoved(context: ChannelHandlerContext) {
        banner.fail(BannerFailure.closed)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        banner.fail(error)
        context.close(promise: nil)
    }

    private func fail(_ failure: BannerFailure, _ context: ChannelHandlerContext) {
        banner.fail(failure)
        context.close(promise: nil)
    }

    /// Printable ASCII only (the banner's alphabet); anything else shows as `?`, and a final CR goes.
    static func sanitised(_ bytes: [UInt8]) -> String {
        var bytes = bytes
        if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        return String(decoding: bytes.map { (0x20...0x7E).contains($0) ? $0 : UInt8(ascii: "?") }, as: UTF8.self)
    }
}
