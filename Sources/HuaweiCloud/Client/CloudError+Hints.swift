extension CloudError {
    /// What to do about the codes of huawei-ecs-api.md §10.2.
    public static func hint(forCode code: String) -> String? {
        switch code {
        case "Ecs.0005":
            return "Check the request: give a password or a key pair, not both, and valid values"
        case "Ecs.0011":
            return "Choose a password that meets the rules (8 to 26 characters, 3 of 4 character classes)"
        case "Ecs.0100":
            return "The server's state does not allow this now: stop it first, reinstall with mode withStopServer, or wait for the running operation"
        case "Ecs.0105":
            return "A server without a system disk cannot be reinstalled"
        case "Ecs.0101":
            return "The system disk is in an abnormal state; check it in the console, then retry"
        case "Ecs.0314":
            return "Choose an existing key pair"
        case "Ecs.0031", "Ecs.0032", "Ecs.0304":
            return "The server's source image is missing or not active, so the server cannot be reinstalled from it"
        case "Ecs.0007":
            return "The image's attributes do not suit this reinstall; check the image in IMS"
        case "Ecs.0090":
            return "Bring-your-own-license is not supported in this region; reinstall without BYOL"
        case "Ecs.0510":
            return "A yearly/monthly server built from a marketplace image cannot change its OS"
        case "Ecs.0120":
            return "A yearly/monthly server cannot be rebuilt this way; use the console"
        case "Ecs.0605":
            return "Unlock the server first"
        case "Ecs.0114", "Ecs.0614":
            return "The server no longer exists"
        case "Ecs.0001", "Ecs.0021":
            return "The ECS or EVS disk quota is insufficient (a reinstall needs EVS quota above 0); raise the quota"
        case "Ecs.0003", "Ecs.0066", "Ecs.0067", "Ecs.0068", "Ecs.0069", "Ecs.0070", "Ecs.0071":
            return "The account is restricted (frozen, in arrears, not verified, or over budget); resolve it in the console"
        case "Ecs.0023", "Common.0018":
            return "Check the project id for this region"
        case "Ecs.1002":
            return "The cloud timed out internally; retry after the running reinstall finishes"
        case "Ecs.0603":
            return "Another operation is running on the server; retry in a minute"
        case "Common.0011":
            return "The job id is not valid; check it"
        case "Common.0021", "Common.0025":
            return "The job could not be queried; retry"
        case "APIGW.0301", "APIG.0301":
            return "Check the access key, the secret key and this machine's clock (within 15 minutes of the cloud's time)"
        case "APIGW.0307", "APIG.0307":
            return "The token has expired; renew the temporary credentials"
        case "Common.0013":
            return "The token is not valid; renew the temporary credentials or use permanent keys"
        case "Pdp.0001", "Ecs.0110", "EPS.0003":
            return "Your IAM policy does not allow this action (a listing needs ecs:cloudServers:list in each enterprise project it asks for, a reinstall ecs:cloudServers:rebuild); ask for the permission, or list an enterprise project you are granted"
        case "APIGW.0308", "APIG.0308", "Common.0024", "Common.1503":
            return "The cloud is throttling requests; wait and retry"
        case "Common.0001", "Ecs.0615":
            return "The cloud had an internal error; retry, and give the request id to support if it persists"
        default:
            return nil
        }
    }

    /// What to do when the code is unknown, by HTTP status.
    static func hint(forStatus status: Int) -> String {
        switch status {
        case 401: return "Check the access key, the secret key and this machine's clock"
        case 403: return "Check your IAM permissions for this action"
        case 404: return "It may have been deleted; refresh and check the region and endpoint"
        case 429: return "The cloud is throttling requests; wait and retry"
        case 500...: return "The cloud had a problem; retry later, and give the request id to support if it persists"
        default: return "Check the values sent; if they look right, give the request id to support"
        }
    }
}

extension CloudError {
    /// A refusal of temporary credentials (a security token in use), told as what it most likely
    /// is: they expired. Says where they came from, so the operator knows what to renew.
    public func withTemporaryCredentialsHint(source: CredentialSource) -> CloudError {
        guard case let .api(status, code, message, requestId) = self else { return self }
        let renew: String
        switch source {
        case .ecsMetadata: renew = "check the ECS's agency (they are renewed from the metadata service)"
        case .environment: renew = "set fresh HUAWEICLOUD_SDK_AK, _SK and _SECURITY_TOKEN"
        case let .credentialsFile(path): renew = "renew them in \(path)"
        case let .kooCLIProfile(name, _): renew = "renew KooCLI profile \(name)"
        case .demo: renew = "restart the demo"
        }
        let hint = "The temporary credentials (security token) from \(source) may have expired; \(renew)."
        return .api(status: status, code: code, message: (message.isEmpty ? "" : message + ". ") + hint, requestId: requestId)
    }
}
