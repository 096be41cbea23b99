import Foundation
import Hummingbird

/// The session cookie: named, set and cleared here, and looked up in the store on every
/// request (so a rotated link, a closed period or a sign-out counts at once).
struct SessionCookie {
    /// Over HTTPS the cookie also takes the `__Host-` prefix: Secure, this host only, path /.
    let secure: Bool

    var name: String { secure ? "__Host-boardpack-session" : "boardpack-session" }

    /// SameSite=Strict: no other site's page can send a request that carries it. HttpOnly: no
    /// script reads it. No expiry: it goes when the browser closes (the store ends it sooner).
    func set(_ value: String) -> Cookie {
        Cookie(name: name, value: value, path: "/", secure: secure, httpOnly: true, sameSite: .strict)
    }

    func clear() -> Cookie {
        Cookie(name: name, value: "", maxAge: 0, path: "/", secure: secure, httpOnly: true, sameSite: .strict)
    }
}

/// Finds the request's session from its cookie.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = PortalContext
    let store: PortalStore
    let cookie: SessionCookie

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let value = request.cookies[cookie.name]?.value, !value.isEmpty {
            context.session = try store.session(cookie: value)
            context.sessionCookie = context.session == nil ? nil : value
        }
        return try await next(request, context)
    }
}
