import HTTPTypes
import Hummingbird

/// A refusal shown as a page: the status, a heading and a sentence saying what to do.
/// `ErrorPages` renders it; a plain `HTTPError` gets the same page with a standard wording.
public struct PageError: Error, HTTPResponseError, Sendable {
    public var status: HTTPResponse.Status
    public var title: String
    public var message: String
    public var headers: HTTPFields = [:]

    public init(_ status: HTTPResponse.Status, _ title: String, _ message: String, headers: HTTPFields = [:]) {
        self.status = status
        self.title = title
        self.message = message
        self.headers = headers
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        Response(status: status, headers: headers)
    }

    /// The same page for an unknown, rotated or expired link as for any missing page: nothing
    /// tells a guesser which links once existed.
    static let notFound = PageError(.notFound, "Page not found", "If you typed the address, check it is correct. If you followed a link from an e-mail, the link may have been replaced: ask the secretariat for a new one.")

    static let needsAgencyLink = PageError(.unauthorized, "Open your link again", "This page is only for an agency that has opened its private link. Open the link in the e-mail from the secretariat again (it works as often as you need it).")

    static let needsSignIn = PageError(.unauthorized, "Sign in", "Sign in as the secretariat to see this page.")

    static let badForm = PageError(.forbidden, "This form has expired", "The page you sent it from is too old, or it came from another site. Go back, reload the page and try again.")

    static func tooLarge(_ limit: Int) -> PageError {
        PageError(.contentTooLarge, "The file is too large", "Files up to \(limit / (1024 * 1024)) MB are taken; a return is usually well under 1 MB. Save the return without pictures or other sheets and upload it again.")
    }

    /// The disk the data folder is on has no room (or a quota, or a file size limit, stops it):
    /// said as such, because the cure is the secretariat's. Nothing was kept of this request,
    /// and everything kept before is untouched (a file is written whole before its row).
    static let diskFull = PageError(HTTPResponse.Status(code: 507, reasonPhrase: "Insufficient Storage"), "The portal has no room to keep this", "Your return was not kept: the disk the portal keeps returns on is full. Everything sent before is safe. Tell the secretariat, and upload the return again once they say the portal has room.")

    static func tooManyAttempts(retryAfter seconds: Int) -> PageError {
        let minutes = max(1, (seconds + 59) / 60)
        return PageError(.tooManyRequests, "Too many attempts", "Too many wrong sign-ins or unknown links came from your address. Try again in \(minutes) minute\(minutes == 1 ? "" : "s").",
            headers: [.retryAfter: String(seconds)])
    }
}
