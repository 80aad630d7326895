import HuaweiCloud
import Reinstall
import Testing

private func image(type: String?, fcInject: String? = nil, origin: String? = nil) -> Image {
    Image(id: "img-1", name: "CentOS 7.9", imageType: type, osType: "Linux",
          supportFcInject: fcInject, rootOrigin: origin)
}

@Suite struct EndpointDecisionTests {
    /// `mustAsk`: the operator must choose (the image is imported from a file, or unreadable).
    typealias Row = (image: Image?, api: ReinstallAPI, confidence: EndpointDecision.Confidence, reason: String,
                     mustAsk: Bool)

    static let matrix: [Row] = [
        (nil, .v1, .unknown, "image could not be read", true),
        // __support_fc_inject=true wins over every other attribute.
        (image(type: "gold", fcInject: "true"), .v1, .certain,
         "image 'CentOS 7.9' has __support_fc_inject=true: no Cloud-Init injection", false),
        (image(type: "private", fcInject: "true"), .v1, .certain,
         "image 'CentOS 7.9' has __support_fc_inject=true: no Cloud-Init injection", false),
        (image(type: "private", fcInject: "TRUE", origin: "file"), .v1, .certain,
         "image 'CentOS 7.9' has __support_fc_inject=true: no Cloud-Init injection", false),
        // Any other value of the flag means injection works.
        (image(type: "gold", fcInject: "false"), .v2, .certain, "public image: Cloud-Init preinstalled", false),
        (image(type: "gold"), .v2, .certain, "public image: Cloud-Init preinstalled", false),
        (image(type: "private"), .v2, .likely, "private image: Cloud-Init likely, not verifiable", false),
        (image(type: "shared"), .v2, .likely, "shared image: Cloud-Init likely, not verifiable", false),
        (image(type: "market"), .v2, .likely, "market image: Cloud-Init likely, not verifiable", false),
        (image(type: "private", origin: "file"), .v1, .unknown,
         "imported from a file: Cloud-Init unknown, assuming none", true),
        (image(type: "shared", origin: "file"), .v1, .unknown,
         "imported from a file: Cloud-Init unknown, assuming none", true),
        (image(type: "private", origin: "instance"), .v2, .likely, "private image: Cloud-Init likely, not verifiable", false),
        (image(type: nil), .v2, .unknown, "image type not stated: assuming Cloud-Init", false),
    ]

    @Test(arguments: matrix)
    func decision(row: Row) {
        let d = EndpointDecision.decide(image: row.image)
        #expect(d == EndpointDecision(api: row.api, reason: row.reason, confidence: row.confidence, mustAsk: row.mustAsk))
    }

    @Test(arguments: matrix)
    func reasonFitsOneTerminalLine(row: Row) {
        let reason = EndpointDecision.decide(image: row.image).reason
        #expect(reason.count <= 80)
        #expect(!reason.contains("\n"))
    }

    /// The operator is asked exactly when the image is imported from a file (without the
    /// fc_inject flag) or cannot be read.
    @Test(arguments: [
        (nil as Image?, true),
        (image(type: "private", origin: "file"), true),
        (image(type: "market", origin: "FILE"), true),
        (image(type: "private", fcInject: "true", origin: "file"), false),
        (image(type: "gold"), false),
        (image(type: "private"), false),
        (image(type: nil), false),
    ])
    func askWhen(image: Image?, asks: Bool) {
        #expect(EndpointDecision.decide(image: image).mustAsk == asks)
    }

    /// The override matrix: any decision, either choice; the result is certain and says so.
    @Test(arguments: matrix.map(\.image), [ReinstallAPI.v1, .v2])
    func anOverrideWins(image: Image?, choice: ReinstallAPI) {
        let decided = EndpointDecision.decide(image: image)
        let overridden = decided.overridden(by: choice)
        #expect(overridden.api == choice)
        #expect(overridden.confidence == .certain)
        #expect(!overridden.mustAsk)
        #expect(overridden.reason.hasPrefix("chosen by you"))
        #expect(decided.overridden(by: nil) == decided)
    }
}
