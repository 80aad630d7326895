import HuaweiCloud

/// Where bringing your own licence (`BYOL`) means something: the OSs that carry a paid licence
/// on Huawei Cloud (Windows, Red Hat Enterprise Linux, SUSE Linux Enterprise). A public Linux
/// image has no licence to bring, so it is not offered there.
public enum LicenceRule {
    /// Platforms (`__platform`) whose images are licensed besides Windows.
    static let licensedPlatforms: Set<String> = ["windows", "redhat", "suse", "sles"]

    /// Whether BYOL applies: a Windows server, or an image of a licensed OS. Without the image,
    /// only the server's OS type can say.
    public static func byolApplies(server: Server, image: Image?) -> Bool {
        if server.isWindows { return true }
        guard let image else { return false }
        if image.osType?.lowercased() == "windows" { return true }
        return image.platform.map { licensedPlatforms.contains($0.lowercased().replacingOccurrences(of: " ", with: "")) }
            ?? false
    }
}
