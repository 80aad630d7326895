import AsyncHTTPClient
import Foundation
import NIOCore
import NIOPosix
import NIOSSL

extension TransportError {
    /// What an error of the HTTP stack means for the request: never sent, or may have been
    /// processed. Only failures that provably happen before the request is written (connecting,
    /// the proxy's tunnel, TLS) count as never sent. Cancellation is passed through.
    static func classify(_ error: any Error, proxy: ProxyServer?, limit: Duration) -> any Error {
        let through = proxy.map { " through the proxy \($0.address)" } ?? ""
        switch error {
        case is CancellationError:
            return error
        case let error as HTTPClientError:
            switch error {
            case .cancelled:
                return CancellationError()
            case .connectTimeout, .getConnectionFromPoolTimeout:
                return TransportError(.connectTimedOut, "no connection could be made in time\(through)")
            case .tlsHandshakeTimeout:
                return TransportError(.connectTimedOut, "the TLS handshake did not finish in time\(through)")
            case .httpProxyHandshakeTimeout, .socksHandshakeTimeout:
                return TransportError(.proxy, "the proxy\(proxyAddress(proxy)) did not open a tunnel in time")
            case .proxyAuthenticationRequired:
                return TransportError(.proxy, "the proxy\(proxyAddress(proxy)) asked for credentials (407); put them in the proxy URL")
            case .invalidProxyResponse:
                return TransportError(.proxy, "the proxy\(proxyAddress(proxy)) refused to open a tunnel")
            case .deadlineExceeded:
                return TransportError(.timedOut, "no complete answer within \(seconds(limit)) after the request was sent")
            case .remoteConnectionClosed:
                return TransportError(.connectionLost, "the connection closed after the request was sent, before a complete answer")
            default:
                return TransportError(.other, "the HTTP exchange failed (\(error))")
            }
        case let error as NIOConnectionError:
            if error.connectionErrors.isEmpty {
                return TransportError(.hostNotFound, "the host name \(error.host) \(unresolvedHost)\(through)")
            }
            return TransportError(.connectionRefused, "no connection to \(error.host):\(error.port)\(through) (\(describe(error.connectionErrors.first?.error)))")
        case let error as IOError where [ECONNREFUSED, ENETUNREACH, EHOSTUNREACH].contains(error.errnoCode):
            return TransportError(.connectionRefused, "the connection was refused\(through) (\(describe(error)))")
        case let error as IOError where [ECONNRESET, EPIPE].contains(error.errnoCode):
            return TransportError(.connectionLost, "the connection was reset after the request was sent, before a complete answer")
        case ChannelError.connectTimeout:
            return TransportError(.connectTimedOut, "no connection could be made in time\(through)")
        case NIOSSLError.handshakeFailed, NIOSSLError.unableToValidateCertificate, NIOSSLError.noCertificateToValidate:
            // Before a byte of the request: the handshake is what failed.
            return TransportError(.tls, "\(tlsHandshakeFailed): the certificate could not be verified or the handshake was refused (\(error))")
        case let extra as NIOSSLExtraError where extra == .failedToValidateHostname:
            // Before a byte of the request: the handshake is what failed.
            return TransportError(.tls, "\(tlsHandshakeFailed): the certificate could not be verified or the handshake was refused (\(error))")
        case is NIOSSLError, is BoringSSLError, is NIOSSLExtraError:
            // Any other TLS failure can come after the request was written (an unclean shutdown
            // during the answer, a bad record).
            return TransportError(.connectionLost, "the TLS connection broke after the request was sent, before a complete answer (\(error))")
        case is NIOTooManyBytesError:
            return TransportError(.other, "the answer was larger than \(HTTPClientTransport.maximumAnswerBytes / 1_048_576) MB")
        default:
            return TransportError(.other, "the HTTP exchange failed (\(String(describing: error)))")
        }
    }

    /// The words of a host name that did not resolve, which `CloudError.isHostNotFound` looks for.
    static let unresolvedHost = "could not be resolved"

    /// The words of a failed TLS handshake, which `CloudError.isTransient` looks for.
    static let tlsHandshakeFailed = "the TLS handshake failed"

    private static func proxyAddress(_ proxy: ProxyServer?) -> String {
        proxy.map { " \($0.address)" } ?? ""
    }

    private static func describe(_ error: (any Error)?) -> String {
        guard let error else { return "no address" }
        if let io = error as? IOError { return String(cString: strerror(io.errnoCode)) }
        return String(describing: error)
    }

    private static func seconds(_ duration: Duration) -> String {
        String(format: "%g s", duration.timeInterval)
    }
}
