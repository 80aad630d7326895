import Foundation
import HuaweiCloud
import Reinstall

/// `reinstall --dry-run`: the request exactly as it would be sent, the password as ••••.
enum DryRun {
    static func print(_ plan: ReinstallPlan, client: CloudClient, json: Bool, stamp: SessionStamp) throws {
        let url = try client.reinstallURL(serverId: plan.serverId, api: plan.api)
        let body = try plan.redactedBody()
        guard json else {
            Console.out("\(plan.method) \(url)")
            Console.out(body)
            Console.error("dry run: nothing was sent.")
            return
        }
        var object: [String: Any] = stamp.fields.merging([
            "dry_run": true, "method": plan.method, "url": url,
            "body": (try? JSONSerialization.jsonObject(with: Data(body.utf8))) ?? body,
            "server_id": plan.serverId, "server_name": plan.serverName, "api": plan.api.rawValue,
        ]) { $1 }
        // With a key pair, whether `userid` goes too (it is left out when the IAM user id is not
        // known); null for another login, as in the report.
        object["userid_sent"] = plan.request.keyName == nil ? NSNull() : plan.sendsUserId
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        Console.out(String(decoding: data, as: UTF8.self))
    }
}
