import BoardPack
import Foundation
import Hummingbird
import ReportModel

/// The return as a web form, through the agency's link: the page (started from the agency's
/// newest version, a workbook's answers too), saving a draft, sending, and the filled return
/// workbook of a form sent. A form is checked by the same checker as an upload
/// (`UploadCheck`), kept as an upload of its canonical JSON, and merged as one.
struct FormController {
    static let path = "/agency/form"
    let portal: PortalSite

    func addRoutes(to router: Router<PortalContext>) {
        router.get("agency/form", use: page)
        router.post("agency/form", use: post)
        router.get("agency/uploads/:id/return.xlsx", use: agencyFilled)
        router.get("secretariat/uploads/:id/return.xlsx", use: secretariatFilled)
    }

    // MARK: - The page

    @Sendable func page(_ request: Request, context: PortalContext) async throws -> Response {
        let (session, agency, periodID) = try context.agencySession()
        let (period, report) = try portal.period(periodID)
        guard let scope = ReturnScope.all(in: report, only: agency) else { throw PageError.notFound }
        // After the close the agency's page is read-only and says so; the form is not offered.
        guard try portal.store.accepting(period: period, agency: agency) else { return redirect(to: "/agency") }
        let viewer = Viewer.agency(id: agency, period: periodID)
        let versions = try portal.store.uploads(period: periodID, agency: agency, as: viewer)
        let (form, from) = try await startingAnswers(versions.first, report: report, scope: scope)
        var page = FormPage.make(period: period, report: report, scope: scope, form: form, problems: [], csrf: session.csrf, base: versions.first?.id ?? 0, now: portal.store.now)
        page.startedFrom = from
        if let saved = request.uri.queryParameters.get("saved", as: Int64.self), let draft = versions.first(where: { $0.id == saved }), draft.isDraft {
            page.notice = "Your draft was saved at \(Shown.time(draft.receivedAt)) (\(draft.reference)). It is not sent yet: open your link again at any time to carry on, and press Send your return when it is ready."
        }
        return portal.pages.response(page, template: "form")
    }

    /// What the form starts with: the newest version's answers (a draft, a form sent, or an
    /// uploaded workbook's, read by the checker), or nothing.
    private func startingAnswers(_ newest: UploadRecord?, report: Report, scope: ReturnScope) async throws -> (FormSubmission, String?) {
        let empty = FormSubmission(report: report.id, period: report.period.label, agency: scope.agency.id)
        guard let newest else { return (empty, nil) }
        let bytes = try await blocking { [portal] in try portal.store.uploads.read(newest.sha256) }
        if case .form(let form) = FormSubmission.reading(bytes) {
            return (form, newest.isDraft ? "your draft \(newest.reference)" : "the answers you sent, \(newest.reference)")
        }
        // A workbook: its answers as the checker reads them, so what starts the form is what was taken.
        guard let period = try portal.store.period(newest.periodID) else { return (empty, nil) }
        let checker = try portal.reports.checker(for: period), agency = scope.agency.id
        let checked = try await blocking { checker.check(OpenedReturn(bytes: bytes, name: newest.originalName), from: agency) }
        guard checked.isUsable else { return (empty, nil) }
        return (FormSubmission(checked, report: report), "your upload \(newest.reference) (\(newest.originalName))")
    }

    // MARK: - Saving and sending

    @Sendable func post(_ request: Request, context: PortalContext) async throws -> Response {
        let fields = FormMiddleware.fields(in: context.form ?? "")
        // The session ended while the page was open: nothing can be kept for whom we cannot
        // tell, so the text comes back on the page with what to do.
        guard let session = context.session, session.kind == .agency, let agency = session.agencyID, let periodID = session.periodID else {
            return portal.pages.response(SessionEndedPage(fields: fields), template: "form-session-ended", status: .unauthorized)
        }
        // A page older than this session (its token another's): refused, nothing kept, the text given back.
        if context.formTokenRefused {
            return portal.pages.response(SessionEndedPage(fields: fields, olderPage: true), template: "form-session-ended", status: .forbidden)
        }
        let (period, report) = try portal.period(periodID)
        guard let scope = ReturnScope.all(in: report, only: agency) else { throw PageError.notFound }
        let sending = fields["action"] == "send"
        let base = fields["base"].flatMap { Int64($0) } ?? 0
        let form = FormPage.submission(from: fields, report: report, scope: scope)
        let checker = try portal.reports.checker(for: period)
        let by = "\(scope.agency.name) (form)"
        let store = portal.store, address = context.address, bytes = form.bytes, name = FormSubmission.fileName(of: scope.agency)
        let kept: UploadRecord, newer: UploadRecord?, result: UploadResult
        do {
            (kept, newer, result) = try await blocking { () throws -> (UploadRecord, UploadRecord?, UploadResult) in
                var record = UploadCheck.check(bytes, name: name, agency: agency, period: period, checker: checker, source: .form, uploadedBy: by, address: address, at: store.now)
                let result = try UploadResult.decoded(record.result)
                // Every post keeps what was typed; only a form sent with nothing to fix is an answer.
                if !sending || !result.mustFix.isEmpty { record.makeDraft() }
                let (kept, newer) = try store.addFormVersion(bytes, record, base: base)
                return (kept, newer, result)
            }
        } catch let closed as PeriodClosedForAgency {
            // The period closed while the page was open: the store keeps nothing, the text comes back.
            return portal.pages.response(SessionEndedPage(fields: fields, closed: closed), template: "form-session-ended", status: .conflict)
        }
        if let newer {
            var page = FormPage.make(period: period, report: report, scope: scope, form: form, problems: [], csrf: session.csrf, base: kept.id!, now: store.now)
            let how = newer.source == .form ? (newer.isDraft ? "a draft was saved" : "answers were sent on the form") : "a return was uploaded"
            page.stale = "Since you opened this page, \(how) (\(newer.reference), \(Shown.time(newer.receivedAt))), perhaps in another window. What you typed is below and is kept as a draft (\(kept.reference)); nothing was sent. Check it against the newer version (Back to your return lists every version), then press \(sending ? "Send your return" : "Save") again."
            return portal.pages.response(page, template: "form", status: .conflict)
        }
        if !sending { return redirect(to: "\(Self.path)?saved=\(kept.id!)") }
        if !result.mustFix.isEmpty {
            let problems = result.mustFix.map { (field: $0.place.isEmpty ? nil : $0.place, message: $0.message) }
            var page = FormPage.make(period: period, report: report, scope: scope, form: form, problems: problems, csrf: session.csrf, base: kept.id!, now: store.now)
            page.notice = "Nothing was sent yet: correct what is listed above, then press Send your return again. What you typed is kept as a draft (\(kept.reference))."
            page.noticeClass = "panel-tag-bad"
            return portal.pages.response(page, template: "form", status: .unprocessableContent)
        }
        // Sent: the same receipt by e-mail as an upload's.
        _ = await kept.mailingReceipt(through: portal, address: context.address)
        return redirect(to: "/agency/uploads/\(kept.id!)")
    }

    // MARK: - The filled return workbook

    @Sendable func agencyFilled(_ request: Request, context: PortalContext) async throws -> Response {
        let (_, agency, period) = try context.agencySession()
        return try await filled(context, as: .agency(id: agency, period: period))
    }

    @Sendable func secretariatFilled(_ request: Request, context: PortalContext) async throws -> Response {
        _ = try context.secretariatSession()
        return try await filled(context, as: .secretariat)
    }

    /// A form sent, as the agency's return workbook with its answers in the cells.
    private func filled(_ context: PortalContext, as viewer: Viewer) async throws -> Response {
        guard let upload = try portal.store.upload(try context.id(), as: viewer), upload.source == .form, !upload.isDraft else { throw PageError.notFound }
        let (period, report) = try portal.period(upload.periodID)
        guard let scope = ReturnScope.all(in: report, only: upload.agencyID) else { throw PageError.notFound }
        let stored = try await blocking { [portal] in try portal.store.uploads.read(upload.sha256) }
        guard case .form(let form) = FormSubmission.reading(stored) else { throw PageError.notFound }
        let deadline = period.due.flatMap(Deadline.init)?.wording
        let bytes = try await blocking { try BlankReturn.bytes(ReturnTemplate(report: report, scope: scope, deadline: deadline, filledWith: form)) }
        return attachment(bytes, name: scope.fileName, type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    }
}

/// What came back when the session had ended: every field typed, to copy before opening the
/// link again.
struct SessionEndedPage {
    struct Typed {
        var id: String
        var label: String
        var text: String
    }

    var chrome: Chrome
    var title: String
    var why: String
    /// Closed: there is no form to paste into any more, so no "to carry on" steps.
    var closed: Bool
    var typed: [Typed]

    /// - Parameter olderPage: the session goes on, but the page was made for an earlier one.
    /// - Parameter closed: the period closed for the agency while the page was open.
    init(fields: [String: String], olderPage: Bool = false, closed: PeriodClosedForAgency? = nil) {
        self.closed = closed != nil
        title = closed != nil ? "The period has closed" : olderPage ? "This page is older than your session" : "Your session has ended"
        why = if let closed {
            "What you typed last was not saved, because the period \(closed.period) closed on \(Deadline(day: closed.closes).wording), while this page was open; returns are no longer taken. Nothing is lost: it is below, to send to the secretariat, who can also give you an extension."
        } else if olderPage {
            "What you typed last was not saved, because your link was opened again (in another tab or window) after this page was. Nothing is lost: it is below."
        } else {
            "What you typed last was not saved, because the page was open longer than your session lasts. Nothing is lost: it is below."
        }
        chrome = .plain(title)
        // "goal.EE-3.update" → "EE-3 update", as the form labels its fields.
        typed = fields.filter { !["csrf", "action", "base"].contains($0.key) && !Whitespace.trimmed($0.value).isEmpty }
            .sorted { $0.key < $1.key }.enumerated().map { i, field in
                var parts = field.key.split(separator: ".").map(String.init)
                if parts.count >= 3 { parts.removeFirst() }
                let label = field.key == "completedBy" ? FormField.completedBy : field.key == "date" ? FormField.date : parts.joined(separator: " ")
                return Typed(id: "typed-\(i)", label: label, text: field.value.replacingOccurrences(of: "\r\n", with: "\n"))
            }
    }
}
