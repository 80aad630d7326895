import Foundation
import Synchronization

/// A TCP listener on a loopback address that records the first line of each request head it
/// receives (reading the body too, so closing never resets the connection) and answers every
/// one: a stand-in for a proxy (it sees `CONNECT host:443`), for a plain-http server reached
/// directly, or for one that hangs.
///
/// - `reply`: the bytes to send back; nil sends nothing.
/// - `hold`: keep the connection open after the reply until `stop` (a stalled answer).
final class RecordingListener: Sendable {
    let address: String
    let port: Int
    private let socket: Int32
    private let lines = Mutex<[String]>([])
    private let heads = Mutex<[[String]]>([])
    private let held = Mutex<[Int32]>([])

    var requestLines: [String] { lines.withLock { $0 } }
    /// Each request's header lines (after the request line), as received.
    var requestHeaders: [[String]] { heads.withLock { $0 } }

    init(address: String = "127.0.0.1", reply: String?, hold: Bool = false) throws {
        let fd = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var sin = sockaddr_in()
        sin.sin_family = sa_family_t(AF_INET)
        sin.sin_port = 0
        inet_pton(AF_INET, address, &sin.sin_addr)
        let bound = withUnsafePointer(to: &sin) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 16) == 0 else {
            close(fd)
            throw POSIXError(.EADDRINUSE)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &sin) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        self.address = address
        port = Int(UInt16(bigEndian: sin.sin_port))
        socket = fd
        let thread = Thread { [self] in serve(reply: reply, hold: hold || reply == nil) }
        thread.start()
    }

    /// Stops accepting; the serving thread ends on the failed accept.
    func stop() {
        shutdown(socket, Int32(SHUT_RDWR))
        close(socket)
        for client in held.withLock({ $0 }) { close(client) }
    }

    private func serve(reply: String?, hold: Bool) {
        while true {
            let client = accept(socket, nil, nil)
            guard client >= 0 else { return }
            let head = Self.readRequest(client)
            let headLines = String(decoding: head, as: UTF8.self).components(separatedBy: "\r\n\r\n").first?
                .components(separatedBy: "\r\n") ?? []
            lines.withLock { $0.append(headLines.first ?? "") }
            heads.withLock { $0.append(Array(headLines.dropFirst())) }
            if let reply {
                _ = reply.utf8CString.withUnsafeBufferPointer { write(client, $0.baseAddress, $0.count - 1) }
            }
            if hold {
                held.withLock { $0.append(client) }
            } else {
                close(client)
            }
        }
    }

    /// The head and, when it gives a Content-Length, that many bytes of body.
    private static func readRequest(_ client: Int32) -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        func fill(until done: (Data) -> Bool) {
            while !done(data), data.count < 1 << 20 {
                let count = read(client, &buffer, buffer.count)
                guard count > 0 else { return }
                data.append(contentsOf: buffer[0..<count])
            }
        }
        let separator = Data("\r\n\r\n".utf8)
        fill { $0.range(of: separator) != nil }
        guard let end = data.range(of: separator)?.upperBound else { return data }
        let head = String(decoding: data[..<end], as: UTF8.self).lowercased()
        let length = head.components(separatedBy: "\r\n")
            .first { $0.hasPrefix("content-length:") }
            .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
        fill { $0.count >= end + length }
        return data
    }
}
