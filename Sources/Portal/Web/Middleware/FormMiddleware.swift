import Foundation
import HTTPTypes
import Hummingbird

/// Every POST is checked before its handler runs: it must come from the portal's own pages
/// (by Sec-Fetch-Site or Origin, when the browser sends them), and a url-encoded form is read
/// (64 KB at most) and, when the browser has a session, must carry that session's CSRF token,
/// compared in constant time. Multipart uploads are read by their handler, which checks the
/// token before it reads the file (`UploadReader`).
struct FormMiddleware: RouterMiddleware {
    typealias Context = PortalContext
    static let largestForm = 64 * 1024
    /// The return's web form carries every update typed (a cell holds 32,767 characters).
    static let largestReturnForm = 2 * 1024 * 1024

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .post else { return try await next(request, context) }
        guard Self.isSameOrigin(request) else { throw PageError.badForm }
        let type = request.headers[.contentType]?.lowercased() ?? ""
        if type.hasPrefix("multipart/form-data") { return try await next(request, context) }
        guard type.hasPrefix("application/x-www-form-urlencoded") else {
            throw PageError(.unsupportedMediaType, "Not a form", "This address takes the portal's own forms only.")
        }
        var request = request
        let body = try await request.collectBody(upTo: request.uri.path == FormController.path ? Self.largestReturnForm : Self.largestForm)
        var context = context
        context.form = String(buffer: body)
        if let session = context.session {
            guard let token = Self.field("csrf", in: context.form!), Tokens.equal(token, session.csrf) else {
                // The return's form, from a page older than this session (the link opened again
                // in another tab): nothing is kept, but what was typed is given back.
                guard request.uri.path == FormController.path else { throw PageError.badForm }
                context.formTokenRefused = true
                return try await next(request, context)
            }
        }
        return try await next(request, context)
    }

    /// Whether a POST came from the portal's own pages, as far as the browser says: by
    /// Sec-Fetch-Site where it sends it, else by Origin. Under `Referrer-Policy: no-referrer`
    /// Chromium sends `Origin: null` even from the portal's own form (as the Fetch standard
    /// says), so "null" proves nothing either way; the session's token still has to match.
    static func isSameOrigin(_ request: Request) -> Bool {
        if let site = request.headers[.secFetchSite] { return site == "same-origin" || site == "none" }
        guard let origin = request.headers[.origin], origin != "null" else { return true }
        guard let host = request.head.authority, let url = URL(string: origin), let originHost = url.host else { return false }
        let originAuthority = url.port.map { "\(originHost):\($0)" } ?? originHost
        return originAuthority.lowercased() == host.lowercased()
    }

    /// One field of a url-encoded form, decoded.
    static func field(_ name: String, in form: String) -> String? { fields(in: form)[name] }

    /// Every field of a url-encoded form, decoded (the first of two of one name).
    static func fields(in form: String) -> [String: String] {
        var out: [String: String] = [:]
        for pair in form.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else { continue }
            let name = decode(parts[0])
            if out[name] == nil { out[name] = decode(parts[1]) }
        }
        return out
    }

    private static func decode(_ text: Substring) -> String {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
    }
}
