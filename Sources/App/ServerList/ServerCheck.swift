import HuaweiCloud

/// What reading one server by id says, when a listing did not show it: is it gone?
package enum ServerCheck: Sendable, Equatable {
    /// It exists (the listing's pages shifted past it).
    case found(Server)
    /// The cloud does not know it: deleted.
    case gone
    /// No clear answer (network, throttling): the next listing decides.
    case unknown

    /// "Not found" means gone; any other failure says nothing.
    package static func from(_ error: any Error) -> ServerCheck {
        (error as? CloudError)?.isNotFound == true ? .gone : .unknown
    }
}
