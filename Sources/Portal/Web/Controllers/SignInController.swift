import Foundation
import Hummingbird
import HummingbirdBcrypt

/// The secretariat's sign-in (its password, hashed with bcrypt), sign-out (for any session),
/// and choosing the password through the one-time link. Wrong passwords count against the
/// address: past the limit every sign-in from it waits, right or wrong, so guessing stops.
struct SignInController {
    let portal: PortalSite
    static let shortestPassword = 12
    /// bcrypt reads 72 bytes; a longer password would be cut without a word.
    static let longestPassword = 72

    func addRoutes(to router: Router<PortalContext>) {
        router.get("/sign-in", use: signInPage)
        router.post("/sign-in", use: signIn)
        router.post("/sign-out", use: signOut)
        router.get("/secretariat/password", use: passwordPage)
        router.post("/secretariat/password", use: setPassword)
    }

    @Sendable func signInPage(_ request: Request, context: PortalContext) async throws -> Response {
        if context.session?.kind == .secretariat { return redirect(to: "/secretariat") }
        return portal.pages.response(SignInPage(chrome: .plain("Sign in"), problem: nil), template: "sign-in")
    }

    @Sendable func signIn(_ request: Request, context: PortalContext) async throws -> Response {
        let address = context.address
        if let wait = await portal.signInLimiter.retryAfter(address) { throw PageError.tooManyAttempts(retryAfter: wait) }
        let password = FormMiddleware.field("password", in: context.form ?? "") ?? ""
        let stored = try portal.store.passwordHash()
        let right = try await blocking { stored.map { Bcrypt.verify(password, hash: $0) } ?? false }
        guard right else {
            await portal.signInLimiter.recordFailure(address)
            try portal.store.record(AuditRecord(at: portal.store.now, actor: "unknown", action: .signInFailed, detail: stored == nil ? "no password is set yet" : "wrong password", address: address))
            let problem = stored == nil
                ? "No password has been set yet. Use the one-time link printed by boardpack portal init (or boardpack portal links --secretariat)."
                : "That password is not right. Check it and try again."
            return portal.pages.response(SignInPage(chrome: .plain("Sign in"), problem: problem), template: "sign-in", status: .unauthorized)
        }
        let (value, _) = try portal.store.openSecretariatSession(address: address)
        try portal.store.record(AuditRecord(at: portal.store.now, actor: "secretariat", action: .signIn, detail: "", address: address))
        return redirect(to: "/secretariat", cookie: portal.cookie.set(value))
    }

    @Sendable func signOut(_ request: Request, context: PortalContext) async throws -> Response {
        if let session = context.session { try portal.store.endSession(session, address: context.address) }
        return redirect(to: "/", cookie: portal.cookie.clear())
    }

    private func passwordSession(_ context: PortalContext) throws -> SessionRecord {
        guard let session = context.session, session.kind == .setup || session.kind == .secretariat else {
            throw PageError(.unauthorized, "Open your one-time link", "Choosing the secretariat's password needs the one-time link from boardpack portal init (or boardpack portal links --secretariat).")
        }
        return session
    }

    private func passwordPage(_ session: SessionRecord, problem: String?) -> PasswordPage {
        PasswordPage(chrome: .plain("Choose the secretariat's password"), csrf: session.csrf, problem: problem, shortest: Self.shortestPassword)
    }

    @Sendable func passwordPage(_ request: Request, context: PortalContext) async throws -> Response {
        portal.pages.response(passwordPage(try passwordSession(context), problem: nil), template: "password")
    }

    @Sendable func setPassword(_ request: Request, context: PortalContext) async throws -> Response {
        let session = try passwordSession(context)
        let form = context.form ?? ""
        let password = FormMiddleware.field("password", in: form) ?? ""
        let confirm = FormMiddleware.field("confirm", in: form) ?? ""
        let problem: String? =
            if password.count < Self.shortestPassword { "Choose a password of at least \(Self.shortestPassword) characters (three random words make a good one)." }
            else if password.utf8.count > Self.longestPassword { "Choose a password of at most \(Self.longestPassword) letters." }
            else if password != confirm { "The two passwords are not the same. Type the same password twice." }
            else { nil }
        if let problem { return portal.pages.response(passwordPage(session, problem: problem), template: "password", status: .badRequest) }
        let cost = portal.settings.bcryptCost
        let hash = try await blocking { Bcrypt.hash(password, cost: cost) }
        try portal.store.setPassword(hash: hash, setupID: session.setupID, address: context.address)
        // The setup session ends with its link; a signed-in one carries on.
        if session.kind == .setup {
            let (value, _) = try portal.store.openSecretariatSession(address: context.address)
            return redirect(to: "/secretariat", cookie: portal.cookie.set(value))
        }
        return redirect(to: "/secretariat")
    }
}
