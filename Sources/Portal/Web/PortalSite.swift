import BoardPack
import Foundation
import Hummingbird
import ReportModel

/// How the portal is served (from `serve`'s options; tests change the limits).
public struct PortalSettings: Sendable {
    /// The address pages and links are reached at; https makes cookies Secure.
    public var baseURL: BaseURL?
    public var largestFile = UploadCheck.largestFile
    /// Failed sign-ins or unknown links from one address before it must wait.
    public var failureLimit = 10
    public var failureWindow: TimeInterval = 15 * 60
    /// bcrypt's cost for the secretariat's password (2^12 rounds, about a quarter of a second).
    public var bcryptCost: UInt8 = 12
    /// LibreOffice's soffice, for the board pack as PDF; nil when it is not installed.
    public var soffice = PDFRendering.soffice()
    /// How mail leaves (`serve --sendmail`); none: each message is shown ready to copy.
    public var mailer = Mailer.none
    /// The sender (`serve --from`), else the report's contact's address.
    public var mailFrom: MailMessage.Address?

    public init(baseURL: BaseURL? = nil) { self.baseURL = baseURL }
}

/// What the controllers share: the store, the decoded reports, the pages, the cookie and the
/// limits.
public struct PortalSite: Sendable {
    public let store: PortalStore
    public let reports: PeriodReports
    public let settings: PortalSettings
    let pages: Pages
    let cookie: SessionCookie
    let signInLimiter: FailureLimiter
    let linkLimiter: FailureLimiter

    public init(store: PortalStore, settings: PortalSettings) async throws {
        self.store = store
        self.settings = settings
        reports = PeriodReports()
        pages = try await Pages.load()
        cookie = SessionCookie(secure: settings.baseURL?.isHTTPS ?? false)
        signInLimiter = FailureLimiter(limit: settings.failureLimit, window: settings.failureWindow, clock: store.clock)
        linkLimiter = FailureLimiter(limit: settings.failureLimit, window: settings.failureWindow, clock: store.clock)
    }

    /// Sends and logs the portal's messages with the configured mailer.
    public var outbox: Outbox { Outbox(store: store, mailer: settings.mailer, from: settings.mailFrom) }

    /// The open period and its report; a page about the current period needs both.
    func openPeriod() throws -> (PeriodRecord, Report) {
        guard let period = try store.openPeriod() else {
            throw PageError(.notFound, "No period is open", "The secretariat has not opened a period for returns.")
        }
        return (period, try reports.report(for: period))
    }

    func period(_ id: Int64) throws -> (PeriodRecord, Report) {
        guard let period = try store.period(id) else { throw PageError.notFound }
        return (period, try reports.report(for: period))
    }
}
