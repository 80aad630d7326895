import Foundation

extension HTTPClientTransport.Timeouts {
    public enum Kind: String, Sendable, CaseIterable {
        case connect, read, write
    }

    /// A write (a reinstall, a stop) is given at least this long: the API gateway may hold one for
    /// up to 60 s before it answers, and a write given up on earlier cannot be told apart from a
    /// lost one, so the reinstall would be left unclear although the cloud carried it out.
    public static let minimumWrite = Duration.seconds(60)
    /// No timeout is longer than an hour: a longer one would only hide a dead connection.
    public static let maximum = Duration.seconds(3600)

    /// These timeouts with `kind` set to `seconds` (unchanged when nil), or why it cannot be.
    public func setting(_ kind: Kind, seconds: Double?) throws(CloudError) -> Self {
        guard let seconds else { return self }
        let least = kind == .write ? Double(Self.minimumWrite.components.seconds) : 0.1
        let most = Double(Self.maximum.components.seconds)
        guard seconds.isFinite, seconds >= least, seconds <= most else {
            let why = kind == .write
                ? ": the gateway may hold a reinstall up to 60 s before answering, and a shorter wait would "
                    + "take a reinstall the cloud carried out for a lost one" : ""
            throw .configuration("The \(kind.rawValue) timeout must be \(String(format: "%g", least)) to \(String(format: "%g", most)) seconds"
                + " (got \(String(format: "%g", seconds)))\(why).")
        }
        var changed = self
        let duration = Duration.milliseconds(Int64((seconds * 1000).rounded()))
        switch kind {
        case .connect: changed.connect = duration
        case .read: changed.read = duration
        case .write: changed.write = duration
        }
        return changed
    }
}
