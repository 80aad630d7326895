import Foundation

/// One entry of `NO_PROXY`, with curl's conventions: `*` (every host), a host name that also
/// matches its subdomains (`example.com`, `.example.com`), an IP address or a CIDR block
/// (`10.0.0.0/8`, `fd00::/8`), each optionally limited to one port (`example.com:8443`).
public struct NoProxyRule: Sendable, Equatable {
    enum Pattern: Sendable, Equatable {
        case everything
        case domain(String)
        case address([UInt8], prefixBits: Int)
    }

    let pattern: Pattern
    let port: Int?

    /// The rules of a `NO_PROXY` value: entries separated by commas or spaces; empty ones ignored.
    public static func parse(_ value: String) -> [NoProxyRule] {
        value.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" })
            .compactMap { NoProxyRule(String($0)) }
    }

    init?(_ entry: String) {
        var text = entry.lowercased()
        if text == "*" {
            pattern = .everything
            port = nil
            return
        }
        var port: Int?
        if text.hasPrefix("[") {
            // [v6]:port or [v6]
            guard let close = text.firstIndex(of: "]") else { return nil }
            let rest = text[text.index(after: close)...]
            if rest.hasPrefix(":") { port = Int(rest.dropFirst()) }
            text = String(text[text.index(after: text.startIndex)..<close])
        } else if text.filter({ $0 == ":" }).count == 1, let colon = text.lastIndex(of: ":"),
                  let number = Int(text[text.index(after: colon)...]) {
            port = number
            text = String(text[..<colon])
        }
        self.port = port
        let parts = text.split(separator: "/", maxSplits: 1)
        if let first = parts.first, let bytes = IPAddress.bytes(String(first)) {
            let bits = parts.count == 2 ? Int(parts[1]) : bytes.count * 8
            guard let bits, (0...bytes.count * 8).contains(bits) else { return nil }
            pattern = .address(bytes, prefixBits: bits)
            return
        }
        while text.hasPrefix(".") { text.removeFirst() }
        while text.hasSuffix(".") { text.removeLast() }
        guard !text.isEmpty else { return nil }
        pattern = .domain(text)
    }

    /// Whether a request to `host:port` goes direct under this rule.
    public func matches(host: String, port: Int) -> Bool {
        if let limit = self.port, limit != port { return false }
        switch pattern {
        case .everything:
            return true
        case let .domain(domain):
            var name = host.lowercased()
            while name.hasSuffix(".") { name.removeLast() }
            return name == domain || name.hasSuffix("." + domain)
        case let .address(network, bits):
            guard let address = IPAddress.bytes(host), address.count == network.count else { return false }
            return IPAddress.prefix(address, network, bits: bits)
        }
    }
}

/// The few IP address helpers the proxy rules need.
enum IPAddress {
    /// The bytes of an IPv4 (4) or IPv6 (16) address in text, brackets allowed; nil for a host name.
    static func bytes(_ text: String) -> [UInt8]? {
        var text = text
        if text.hasPrefix("["), text.hasSuffix("]") { text = String(text.dropFirst().dropLast()) }
        if text.contains(":") {
            var storage = in6_addr()
            guard inet_pton(AF_INET6, text, &storage) == 1 else { return nil }
            return withUnsafeBytes(of: &storage) { Array($0) }
        }
        let octets = text.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4 else { return nil }
        let values = octets.compactMap { $0.count <= 3 && $0.allSatisfy(\.isASCII) ? UInt8($0) : nil }
        return values.count == 4 ? values : nil
    }

    /// Whether the first `bits` bits of `a` and `b` agree.
    static func prefix(_ a: [UInt8], _ b: [UInt8], bits: Int) -> Bool {
        var remaining = bits
        for (x, y) in zip(a, b) where remaining > 0 {
            let take = min(8, remaining)
            let mask = UInt8(truncatingIfNeeded: 0xFF << (8 - take))
            if x & mask != y & mask { return false }
            remaining -= take
        }
        return true
    }
}
