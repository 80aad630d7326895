import Foundation
import Synchronization

/// A TCP listener on a loopback address that records the first line of each request head it
/// receives and answers every one with `reply`, then closes: a stand-in for a proxy (it sees
/// `CONNECT host:443`) or for a plain-http server reached directly. With no reply it holds every
/// connection open unanswered until `stop`: a server that hangs.
final class RecordingListener: Sendable {
    let address: String
    let port: Int
    private let socket: Int32
    private let lines = Mutex<[String]>([])
    private let held = Mutex<[Int32]>([])

    var requestLines: [String] { lines.withLock { $0 } }

    init(address: String = "127.0.0.1", reply: String?) throws {
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
        let thread = Thread { [self] in serve(reply: reply) }
        thread.start()
    }

    /// Stops accepting; the serving thread ends on the failed accept.
    func stop() {
        shutdown(socket, Int32(SHUT_RDWR))
        close(socket)
        for client in held.withLock({ $0 }) { close(client) }
    }

    private func serve(reply: String?) {
        while true {
            let client = accept(socket, nil, nil)
            guard client >= 0 else { return }
            var head = Data()
            var buffer = [UInt8](repeating: 0, count: 4096)
            while !head.contains(Data("\r\n\r\n".utf8)), head.count < 65536 {
                let count = read(client, &buffer, buffer.count)
                guard count > 0 else { break }
                head.append(contentsOf: buffer[0..<count])
            }
            let first = String(decoding: head, as: UTF8.self).components(separatedBy: "\r\n").first ?? ""
            lines.withLock { $0.append(first) }
            guard let reply else {
                held.withLock { $0.append(client) }
                continue
            }
            _ = reply.utf8CString.withUnsafeBufferPointer { write(client, $0.baseAddress, $0.count - 1) }
            close(client)
        }
    }
}
