import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Converts between Hummingbird's requests and responses and the simulator's own, and carries
/// out the transport faults (latency, hang, reset) that only the HTTP layer can.
enum HTTPGlue {
    static let maximumBody = 12 * 1024 * 1024  // the gateway's AK/SK limit
    /// How often a hung request checks whether the simulator is stopping.
    static let hangSlice = Duration.milliseconds(50)

    static func responder(engine: SimulatorEngine, latency: Duration) -> CallbackResponder<SimulatorRequestContext> {
        CallbackResponder { request, context in
            if latency > .zero { try await Task.sleep(for: latency) }
            var request = request
            let body: ByteBuffer
            do {
                body = try await request.collectBody(upTo: maximumBody)
            } catch {
                let requestId = SimulatorEngine.requestId()
                let failure = APIFailure.gateway(413, "APIGW.0201", "Request entity too large: the body exceeds 12 MB")
                return response(SimulatorCore.reply(failure, requestId: requestId))
            }
            await engine.record(method: request.method.rawValue, path: request.uri.path, query: request.uri.query,
                                bodyBytes: body.readableBytes)
            let simulated = SimulatorRequest(
                method: request.method.rawValue,
                rawPath: request.uri.path,
                rawQuery: request.uri.query,
                headers: headers(of: request),
                body: Data(body.readableBytesView))
            switch await engine.handle(simulated) {
            case .reply(let reply):
                return response(reply)
            case .hang(let duration):
                let completed = await hang(for: duration, engine: engine)
                guard completed, case .reply(let reply) = await engine.handle(simulated, injectFaults: false) else {
                    return response(SimulatorCore.reply(
                        .ecs(503, "Common.1503", "The simulator is stopping"), requestId: SimulatorEngine.requestId()))
                }
                return response(reply)
            case .reset:
                await reset(context.channel)
                // Nothing reaches the client: the channel is closed, this write fails quietly.
                return Response(status: .internalServerError)
            case .drop:
                // A clean close (FIN) after the work is done: to a client that reused a kept-alive
                // connection this looks like a server closing it idle, the case HTTP stacks replay.
                try? await context.channel.close()
                return Response(status: .internalServerError)
            }
        }
    }

    /// Sleeps `duration` in slices; false when the simulator began stopping first.
    static func hang(for duration: Duration, engine: SimulatorEngine) async -> Bool {
        let deadline = ContinuousClock.now + duration
        while ContinuousClock.now < deadline {
            if await engine.isStopping || Task.isCancelled { return false }
            try? await Task.sleep(for: min(hangSlice, deadline - ContinuousClock.now))
        }
        return true
    }

    /// A real TCP reset: with SO_LINGER on and a zero timeout, close() sends RST instead of FIN,
    /// so the client sees "connection reset by peer", not a clean end of stream.
    static func reset(_ channel: any Channel) async {
        if let options = channel as? SocketOptionProvider {
            try? await options.setSoLinger(linger(l_onoff: 1, l_linger: 0)).get()
        }
        try? await channel.close()
    }

    /// Header fields by lowercased name. HTTP/1 `Host` arrives as the request's authority.
    static func headers(of request: Request) -> [String: String] {
        var headers: [String: String] = [:]
        for field in request.headers {
            let name = field.name.canonicalName
            headers[name] = headers[name].map { $0 + "," + field.value } ?? field.value
        }
        if headers["host"] == nil, let authority = request.head.authority {
            headers["host"] = authority
        }
        return headers
    }

    static func response(_ reply: SimulatorResponse) -> Response {
        var fields = HTTPFields()
        fields[.contentType] = "application/json;charset=UTF-8"
        if let name = HTTPField.Name("X-Request-Id") { fields[name] = reply.requestId }
        for (key, value) in reply.headers {
            if let name = HTTPField.Name(key) { fields[name] = value }
        }
        return Response(
            status: HTTPResponse.Status(code: reply.status),
            headers: fields,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: reply.body)))
    }
}

/// Hummingbird's basic context plus the connection's channel, which a reset fault closes.
struct SimulatorRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let channel: any Channel

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }
}
