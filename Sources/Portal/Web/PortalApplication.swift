import Hummingbird
import Logging
import NIOCore

/// The whole web portal on one screen: the middleware, in the order a request meets it, and
/// the controllers by area.
public enum PortalApplication {
    public static func buildRouter(_ portal: PortalSite) -> Router<PortalContext> {
        let router = Router(context: PortalContext.self)
        router.add(middleware: SecurityHeaders(https: portal.settings.baseURL?.isHTTPS ?? false))
        router.add(middleware: ErrorPages(pages: portal.pages))
        router.add(middleware: SessionMiddleware(store: portal.store, cookie: portal.cookie))
        router.add(middleware: FormMiddleware())
        router.get("/assets/:name") { _, context in
            guard let name = context.parameters.get("name"), let asset = portal.pages.asset(name) else { throw PageError.notFound }
            return asset
        }
        LinkController(portal: portal).addRoutes(to: router)
        AgencyController(portal: portal).addRoutes(to: router.group("agency"))
        SignInController(portal: portal).addRoutes(to: router)
        SecretariatController(portal: portal).addRoutes(to: router.group("secretariat"))
        DownloadsController(portal: portal).addRoutes(to: router.group("secretariat/downloads"))
        DatesController(portal: portal).addRoutes(to: router.group("secretariat/dates"))
        ContactsController(portal: portal).addRoutes(to: router.group("secretariat/contacts"))
        RemindersController(portal: portal).addRoutes(to: router.group("secretariat"))
        return router
    }

    /// The application, listening on `host`:`port` (0 for any free port); `onRunning` is told
    /// the address once it listens.
    public static func build(
        _ portal: PortalSite, host: String, port: Int, logger: Logger? = nil, onRunning: @escaping @Sendable (SocketAddress?) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        Application(
            router: buildRouter(portal),
            configuration: .init(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in await onRunning(channel.localAddress) },
            logger: logger ?? Logger(label: "boardpack-portal"))
    }
}
