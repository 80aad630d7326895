import Foundation
import HuaweiCloud

/// The body rules of `POST /v{1,2}/{project_id}/cloudservers/{id}/reinstallos` (huawei-ecs-api.md §4, §5).
/// No message ever contains the password.
struct ReinstallValidator {
    var api: ReinstallAPI
    var server: Server
    var keypairs: [Keypair]

    static let specialCharacters = Set("!@$%^-_=+[{}]:,./?~#*".utf8)
    static let maximumUserDataBytes = 32 * 1024

    func validate(body: Data) throws(APIFailure) -> ReinstallRequest {
        var request = try decode(body)
        if request.adminPass?.isEmpty == true { request.adminPass = nil }
        if request.keyName?.isEmpty == true { request.keyName = nil }
        let userData = request.metadata["user_data"].flatMap { $0.isEmpty ? nil : $0 }

        if request.adminPass != nil && request.keyName != nil {
            throw Self.invalid("adminpass and keyname cannot both be set")
        }
        switch api {
        case .v1:
            if userData != nil {
                throw Self.invalid("metadata.user_data is not supported by the reinstall API without Cloud-Init (v1)")
            }
            if request.adminPass == nil && request.keyName == nil {
                throw Self.invalid("either adminpass or keyname must be set")
            }
        case .v2:
            if request.adminPass == nil && request.keyName == nil && userData == nil {
                throw Self.invalid("adminpass, keyname or metadata.user_data must be set")
            }
            // The reinstall-with-Cloud-Init reference says that for a Linux server given user_data
            // "the adminpass field is invalid" (huawei-ecs-api.md §4: "when given, adminpass is
            // ignored"). The real cloud may accept the request and drop the password, locking the
            // operator out; the simulator refuses it loudly instead, as Ecs.0005, so a client that
            // sends both is caught in tests. The exact wording of a real refusal is not documented.
            if request.adminPass != nil && userData != nil && !server.isWindows {
                throw Self.invalid("adminpass is invalid when metadata.user_data is given for a Linux server: "
                    + "the user data must set the login (use keyname, or no adminpass)")
            }
        }
        try checkMetadata(request.metadata, userData: userData)

        if let keyName = request.keyName {
            guard keypairs.contains(where: { $0.name == keyName }) else {
                throw .ecs(400, "Ecs.0314", "The key pair \(keyName) does not exist")
            }
            // `userid` is optional in both reinstall references ("No"/否), so a key pair without
            // it is accepted: the cloud takes the key as the caller's.
            if api == .v1 && server.isWindows {
                throw Self.invalid("Windows supports only the password for a reinstall without Cloud-Init (v1); keyname is not allowed")
            }
        }
        if let password = request.adminPass, !Self.meetsComplexity(password) {
            throw .ecs(400, "Ecs.0011",
                       "The password does not meet the complexity requirements: its length must range from 8 to 26 and it must contain at least three of: uppercase letters, lowercase letters, digits, special characters !@$%^-_=+[{}]:,./?~#*")
        }
        return request
    }

    private func decode(_ body: Data) throws(APIFailure) -> ReinstallRequest {
        guard let request = try? ReinstallRequest.decode(body) else {
            throw Self.invalid("request body is illegal: expected {\"os-reinstall\": {…}}")
        }
        // The shared model folds `mode` into a Bool; an unknown value is still an error on the wire.
        if let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any],
           let inner = object["os-reinstall"] as? [String: Any],
           let mode = inner["mode"], !(mode is NSNull), (mode as? String) != "withStopServer" {
            throw Self.invalid("mode must be withStopServer")
        }
        return request
    }

    private func checkMetadata(_ metadata: [String: String], userData: String?) throws(APIFailure) {
        if let byol = metadata["BYOL"], byol != "true" {
            throw Self.invalid("metadata.BYOL must be \"true\" when set")
        }
        if let encrypted = metadata["__system__encrypted"], encrypted != "0" && encrypted != "1" {
            throw Self.invalid("metadata.__system__encrypted must be \"0\" or \"1\"")
        }
        if metadata["__system__encrypted"] == "1", metadata["__system__cmkid"]?.count != 36 {
            throw Self.invalid("metadata.__system__cmkid must be a 36-character KMS key id when the system disk is encrypted")
        }
        if let userData {
            guard let decoded = Data(base64Encoded: userData) else {
                throw Self.invalid("metadata.user_data must be Base64-encoded")
            }
            guard decoded.count <= Self.maximumUserDataBytes else {
                throw Self.invalid("metadata.user_data must not exceed 32 KB before encoding")
            }
        }
    }

    /// Length 8–26, printable ASCII from the allowed set, at least three of the four classes.
    static func meetsComplexity(_ password: Secret) -> Bool {
        password.withBytes { bytes in
            guard (8...26).contains(bytes.count) else { return false }
            var upper = false, lower = false, digit = false, special = false
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): upper = true
                case UInt8(ascii: "a")...UInt8(ascii: "z"): lower = true
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = true
                case _ where specialCharacters.contains(byte): special = true
                default: return false
                }
            }
            return [upper, lower, digit, special].filter { $0 }.count >= 3
        }
    }

    static func invalid(_ message: String) -> APIFailure {
        .ecs(400, "Ecs.0005", "Invalid parameter: \(message)")
    }
}
