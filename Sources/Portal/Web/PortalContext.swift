import Hummingbird
import NIOCore

/// What a request carries through the portal: the address it came from, its session (set by
/// `SessionMiddleware`) and, for a form, its body (read by `FormMiddleware`).
public struct PortalContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?
    /// The browser's session, when its cookie names one that still counts.
    public var session: SessionRecord?
    /// The cookie's value: a session is ended through it.
    var sessionCookie: String?
    /// A url-encoded form's body, read (and its CSRF token checked) before the handler runs.
    var form: String?
    /// The return's web form came with another session's token (its page is older than the
    /// session): refused, but its handler gives back what was typed (`FormController`).
    var formTokenRefused = false

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// The address for rate limits and the audit log: "127.0.0.1", or "unknown" without a socket.
    public var address: String { remoteAddress?.ipAddress ?? "unknown" }

    /// What the session may read; nil when there is none (or only a setup session).
    var viewer: Viewer? { session?.viewer }
}
