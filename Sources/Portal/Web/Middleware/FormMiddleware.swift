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

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .post else { return try await next(request, context) }
        guard Self.isSameOrigin(request) else { throw PageError.badForm }
        let type = request.headers[.contentType]?.lowercased() ?? ""
        if type.hasPrefix("multipart/form-data") { return try await next(request, context) }
        guard type.hasPrefix("application/x-www-form-urlencoded") else {
            throw PageError(.unsupportedMediaType, "Not a form", "This address takes the portal's own forms only.")
        }
        var request = request
        let body = try await request.collectBody(upTo: Self.largestForm)
        var context = context
        context.form = String(buffer: body)
        if let session = context.session {
            guard let token = Self.field("csrf", in: context.form!), Tokens.equal(token, session.csrf) else { throw PageError.badForm }
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
    static func field(_ name: String, in form: String) -> String? {
        for pair in form.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, decode(parts[0]) == name else { continue }
            return decode(parts[1])
        }
        return nil
    }

    /// Every field of a url-encoded form, decoded (the first of a name that comes twice).
    static func fields(in form: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in form.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else { continue }
            let name = decode(parts[0])
            if fields[name] == nil { fields[name] = decode(parts[1]) }
        }
        return fields
    }

    private static func decode(_ text: Substring) -> String {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
    }
}
