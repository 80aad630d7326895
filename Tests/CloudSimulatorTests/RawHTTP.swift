import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
@testable import CloudSimulator
import HuaweiCloud
import Testing

/// One signed HTTP/1.1 request over a fresh POSIX socket, read to the end. Unlike URLSession it
/// never retries and never pools, so a test sees exactly what the simulator put on the wire,
/// including a TCP reset (`ECONNRESET`).
enum RawHTTP {
    struct Result {
        var received: Data
        /// errno of the read that ended the exchange; 0 when the peer closed cleanly.
        var readError: Int32

        var text: String { String(decoding: received, as: UTF8.self) }
        var statusLine: String { text.components(separatedBy: "\r\n").first ?? "" }
        var body: Data {
            guard let range = received.range(of: Data("\r\n\r\n".utf8)) else { return Data() }
            return received[range.upperBound...]
        }
    }

    static func get(_ path: String, port: Int, configuration: SimulatorConfiguration, now: Date = Date()) throws -> Result {
        guard let base = URL(string: "http://127.0.0.1:\(port)") else { throw SocketError(call: "url", code: 0) }
        let signed = try RequestSigner(
            credentials: Credentials(accessKey: configuration.accessKey, secretKey: configuration.secretKey)
        ).signedRequest(method: "GET", baseURL: base, path: path, projectId: configuration.projectId, date: now)
        let head = "GET \(path) HTTP/1.1\r\n"
            + signed.headerDictionary.map { "\($0.key): \($0.value)\r\n" }.joined()
            + "Connection: close\r\n\r\n"
        return try exchange(Data(head.utf8), port: port)
    }

    struct SocketError: Error { var call: String; var code: Int32 }

    static func exchange(_ request: Data, port: Int) throws -> Result {
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw SocketError(call: "socket", code: errno) }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw SocketError(call: "connect", code: errno) }
        let sent = request.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
        guard sent == request.count else { throw SocketError(call: "send", code: errno) }
        var received = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n > 0 {
                received.append(contentsOf: buffer[0..<n])
            } else {
                return Result(received: received, readError: n == 0 ? 0 : errno)
            }
        }
    }
}
