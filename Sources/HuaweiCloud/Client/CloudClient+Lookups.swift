import Foundation

/// Reads that are not about servers: images (IMS) and jobs (identity and key pairs have files of their own).
extension CloudClient {
    /// The server's image from IMS, or nil when IMS no longer knows it. Only an exact id match
    /// counts: another image's attributes would decide the reinstall endpoint wrongly.
    public func image(id: String) async throws -> Image? {
        let list: ImageList = try await get(.ims, "/v2/cloudimages", query: [("id", id)], what: "the image")
        return list.images.first { $0.id == id }
    }

    public func job(id: String) async throws -> Job {
        try await get(.ecs, jobPath(id), what: "the job")
    }
}
