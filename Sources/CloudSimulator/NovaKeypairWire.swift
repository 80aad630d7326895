/// `{"keypairs":[{"keypair":{"fingerprint","name","type","public_key"}}]}`, as ECS's
/// `os-keypairs` lists them (huawei-ecs-api.md §8).
struct NovaKeypairList: Encodable, Sendable {
    struct Entry: Encodable, Sendable { var keypair: Pair }
    struct Pair: Encodable, Sendable {
        var name: String
        var type: String
        var publicKey: String
        var fingerprint: String

        enum CodingKeys: String, CodingKey {
            case name, type, fingerprint
            case publicKey = "public_key"
        }
    }
    var keypairs: [Entry]
}
