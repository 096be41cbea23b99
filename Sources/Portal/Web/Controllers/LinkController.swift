import Foundation
import Hummingbird

/// The private links: an agency's (`/r/TOKEN`) and the secretariat's one-time link
/// (`/s/TOKEN`). Each is exchanged for a session cookie and a move to a clean address (see
/// `OpeningPage`), so the token leaves the address bar, and never goes out in a Referer. An
/// unknown, rotated or expired link gets the plain 404 page; too many from one address get 429.
struct LinkController {
    let portal: PortalSite

    func addRoutes(to router: Router<PortalContext>) {
        router.get("/", use: start)
        router.get("/r/:token", use: agencyLink)
        router.get("/s/:token", use: setupLink)
    }

    @Sendable func start(_ request: Request, context: PortalContext) async throws -> Response {
        switch context.session?.kind {
        case .agency: return redirect(to: "/agency")
        case .secretariat: return redirect(to: "/secretariat")
        case .setup: return redirect(to: "/secretariat/password")
        case nil:
            let open = try? portal.openPeriod()
            return portal.pages.response(StartPage(chrome: .plain("Returns", board: open?.1.board), board: open?.1.board, period: open?.0.label), template: "start")
        }
    }

    @Sendable func agencyLink(_ request: Request, context: PortalContext) async throws -> Response {
        let token = context.parameters.get("token") ?? ""
        guard let link = try portal.store.link(token: token) else { return try await refuse(context) }
        let name = (try? portal.period(link.periodID).1.agency(link.agencyID)?.name) ?? link.agencyID
        let (value, _) = try portal.store.openAgencySession(link: link, actor: "\(name) (link)", address: context.address)
        return opening("/agency", "Continue to your return", cookie: portal.cookie.set(value))
    }

    @Sendable func setupLink(_ request: Request, context: PortalContext) async throws -> Response {
        let token = context.parameters.get("token") ?? ""
        guard let setup = try portal.store.setupLink(token: token) else { return try await refuse(context) }
        let (value, _) = try portal.store.openSetupSession(setup: setup, address: context.address)
        return opening("/secretariat/password", "Continue to choose the password", cookie: portal.cookie.set(value))
    }

    private func opening(_ next: String, _ label: String, cookie: Cookie) -> Response {
        var response = portal.pages.response(OpeningPage(chrome: .plain("Opening your page"), next: next, label: label), template: "opening")
        response.setCookie(cookie)
        return response
    }

    /// Counts the failure against the address; past the limit, says when to try again.
    private func refuse(_ context: PortalContext) async throws -> Response {
        if let wait = await portal.linkLimiter.retryAfter(context.address) { throw PageError.tooManyAttempts(retryAfter: wait) }
        await portal.linkLimiter.recordFailure(context.address)
        try portal.store.record(AuditRecord(at: portal.store.now, actor: "unknown", action: .unknownLink, detail: "a link that opens nothing", address: context.address))
        throw PageError.notFound
    }
}
