import Foundation
import Testing

@testable import HuaweiCloud

/// `X-Sdk-Date`: written and read as `yyyyMMdd'T'HHmmss'Z'` in UTC, whatever the local zone.
struct SdkDateTests {
    @Test(arguments: [
        (1_735_718_400.0, "20250101T080000Z"),
        (0.0, "19700101T000000Z"),
        (1_767_225_599.9, "20251231T235959Z"),  // fractions are dropped, never rounded up
    ])
    func writtenAndReadBack(seconds: Double, text: String) {
        let date = Date(timeIntervalSince1970: seconds)
        #expect(Signer.sdkDate(date) == text)
        #expect(Signer.parseSdkDate(text) == Date(timeIntervalSince1970: seconds.rounded(.down)))
    }

    @Test(arguments: ["", "garbage", "20250101", "20251301T000000Z"])
    func notADate(text: String) {
        #expect(Signer.parseSdkDate(text) == nil)
    }
}
