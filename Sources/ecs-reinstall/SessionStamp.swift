import HuaweiCloud

/// What every JSON result says of the account it came from: `"demo"` (true for the simulated
/// cloud) and `"credentials"` (where the credentials came from), so a script never takes a demo
/// result for a real one.
struct SessionStamp: Sendable, Equatable {
    var demo: Bool
    var credentials: String

    init(_ session: CloudSession) {
        demo = session.mode == .demo
        credentials = session.credentialSource.description
    }

    /// The two keys, for results built as dictionaries.
    var fields: [String: Any] { ["demo": demo, "credentials": credentials] }
}

/// A JSON result with the session's stamp: the body's keys, then `demo` and `credentials`.
struct Stamped<Body: Encodable & Sendable>: Encodable, Sendable {
    var body: Body
    var stamp: SessionStamp

    init(_ body: Body, _ stamp: SessionStamp) {
        self.body = body
        self.stamp = stamp
    }

    private enum Keys: String, CodingKey { case demo, credentials }

    func encode(to encoder: Encoder) throws {
        try body.encode(to: encoder)
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(stamp.demo, forKey: .demo)
        try c.encode(stamp.credentials, forKey: .credentials)
    }
}
