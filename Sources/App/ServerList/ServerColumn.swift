import HuaweiCloud
import Reinstall
import TerminalKit

/// A column of the server list: what it shows, how it sorts, and how much it matters when the
/// terminal is too narrow for all of them.
package enum ServerColumn: Int, Sendable, Equatable, CaseIterable {
    case name, status, os, image, ips, flavor, zone, enterpriseProject, cloudInit, job

    package var title: String {
        switch self {
        case .name: "NAME"
        case .status: "STATUS"
        case .os: "OS"
        case .image: "IMAGE"
        case .ips: "IPS"
        case .flavor: "FLAVOR"
        case .zone: "AZ"
        case .enterpriseProject: "EP"
        case .cloudInit: "CLOUD-INIT"
        case .job: "JOB"
        }
    }

    /// Lower is more important: a narrow terminal drops the highest first.
    var priority: Int {
        switch self {
        case .name: 0
        case .status: 1
        case .job: 2
        case .ips: 3
        case .os: 4
        case .image: 5
        case .cloudInit: 6
        case .flavor: 7
        case .zone: 8
        // The first to go: few operators need it to choose a server.
        case .enterpriseProject: 9
        }
    }

    /// (minimum, wanted) display widths; `nil` wanted means it shares the spare width.
    var widths: (min: Int, max: Int?) {
        switch self {
        case .name: (12, nil)
        case .status: (7, 10)
        case .os: (7, 7)
        case .image: (10, nil)
        case .ips: (15, 15)
        case .flavor: (10, 16)
        case .zone: (11, 15)
        // `default`, or enough of an id to tell enterprise projects apart.
        case .enterpriseProject: (7, 12)
        case .cloudInit: (10, 11)
        // SUBMITTING, the longest mark, is never cut: it is what says a reinstall is on its way.
        case .job: (10, 10)
        }
    }

    /// Names are told apart by their ends (`…-node-00030`): cut in the middle. Images keep the
    /// end cut: public images differ by the version near their start (`Ubuntu 22.04 server 64bit`).
    var cut: DisplayWidth.Cut {
        switch self {
        case .name: .middle
        default: .end
        }
    }

    /// With the values known, the width up to which they are whole before a less important
    /// column is shown: names need room to be told apart, short values are whole at their usual width.
    var comfortableWidth: Int {
        switch self {
        case .name: 20
        default: widths.max ?? widths.min
        }
    }

    /// Share of the spare width: the name gets the most, then the image.
    var weight: Int {
        switch self {
        case .name: 3
        case .image: 2
        default: 1
        }
    }

    /// The cell's text. `context` brings what is not in the server itself: jobs and images.
    func text(_ server: Server, _ context: ServerRowContext) -> String {
        switch self {
        case .name: server.name
        case .status: server.taskState.map { "\(server.status)·\($0)" } ?? server.status.rawValue
        case .os: server.osType
        case .image: server.imageName
        case .ips: server.ipSummary
        case .flavor: server.flavor?.name ?? server.flavor?.id ?? ""
        case .zone: server.availabilityZone ?? ""
        case .enterpriseProject: server.enterpriseProjectName
        case .cloudInit: context.cloudInit(server)
        case .job: context.jobLabel(server)
        }
    }

    /// The value a sort compares: case-folded, digit runs padded so `web-2` comes before `web-10`,
    /// IP addresses by number.
    func sortKey(_ server: Server, _ context: ServerRowContext) -> String {
        switch self {
        case .ips: server.privateIP.map(Self.natural) ?? "~"
        default: Self.natural(text(server, context))
        }
    }

    static func natural(_ text: String) -> String {
        var key = ""
        var digits = ""
        for character in text.lowercased() {
            if character.isASCII, character.isNumber {
                digits.append(character)
                continue
            }
            if !digits.isEmpty {
                key += String(repeating: "0", count: max(0, 12 - digits.count)) + digits
                digits = ""
            }
            key.append(character)
        }
        if !digits.isEmpty { key += String(repeating: "0", count: max(0, 12 - digits.count)) + digits }
        return key
    }
}

extension Server {
    /// The private IPv4 address, then the others (floating IPs, IPv6), for the list's IPS column.
    var ipSummary: String {
        let all = addresses.keys.sorted().flatMap { addresses[$0] ?? [] }
        let first = privateIP
        let others = all.map(\.addr).filter { $0 != first }
        return ([first].compactMap { $0 } + others).joined(separator: ",")
    }
}
