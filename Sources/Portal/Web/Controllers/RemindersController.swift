import BoardPack
import Foundation
import Hummingbird
import ReportModel

/// The reminders due, seen before they go (who gets each, and the text, which the secretariat
/// may edit or skip), sent through the outbox, and the mail log with its retries.
struct RemindersController {
    let portal: PortalSite
    static let logPageSize = 200

    func addRoutes(to group: RouterGroup<PortalContext>) {
        group.get("reminders", use: preview)
        group.post("reminders", use: send)
        group.get("mail", use: log)
        group.post("mail/:id/retry", use: retry)
    }

    private func due() async throws -> DueReminders {
        let store = portal.store, reports = portal.reports, base = portal.settings.baseURL
        return try await blocking { try DueReminders.at(store.now, store: store, reports: reports, base: base) }
    }

    @Sendable func preview(_ request: Request, context: PortalContext) async throws -> Response {
        try render(context, due: try await due(), problem: nil)
    }

    private func render(_ context: PortalContext, due: DueReminders, problem: String?) throws -> Response {
        let session = try context.secretariatSession()
        let report = try portal.reports.report(for: due.period)
        let heading: String
        var note: String?
        if let deadline = due.deadline, let step = due.step {
            heading = "Returns are due \(deadline.wording). The reminder \(ReminderSchedule.name(step)) is due for "
                + (due.reminders.isEmpty ? "no agency." : "\(due.reminders.count) \(due.reminders.count == 1 ? "agency" : "agencies"), each owing something.")
            var notes: [String] = []
            if !due.done.isEmpty { notes.append("Already reminded (or skipped) at this step: \(Wording.list(due.done)).") }
            if !due.closed.isEmpty { notes.append("Owing, but the period has closed for them: \(Wording.list(due.closed)).") }
            note = notes.isEmpty ? nil : notes.joined(separator: " ")
        } else if let deadline = due.deadline {
            let first = due.schedule.offsets.first.map { Deadline(day: BoardDate.day($0, after: deadline.day)).wording } ?? "never"
            heading = "Returns are due \(deadline.wording). The first reminder is due \(first)."
        } else {
            heading = "The period has no due date, so no reminder is due."
            note = "Set the due date on the Dates page."
        }
        let page = RemindersPage(
            chrome: .secretariat("Reminders, \(due.period.label)", board: report.board, csrf: session.csrf, current: "/secretariat/reminders"),
            period: due.period.label, problem: problem, csrf: session.csrf, heading: heading, note: note, step: due.step ?? 0,
            mailer: portal.settings.mailer.isConfigured,
            reminders: due.reminders.map { reminder in
                RemindersPage.Row(
                    id: reminder.agency.id, agency: reminder.agency.name,
                    to: reminder.recipients.isEmpty ? nil : reminder.recipients.map { "\($0.name ?? "") <\($0.email)>" }.joined(separator: ", "),
                    subject: reminder.subject, owes: RemindersPage.owes(reminder.owed), body: reminder.body, mailto: RemindersPage.mailto(reminder))
            })
        return portal.pages.response(page, template: "reminders", status: problem == nil ? .ok : .unprocessableContent)
    }

    /// Sends the reminders due now as the form left them: each agency's text as edited, those
    /// ticked "do not send" recorded as skipped. Only reminders still due are sent, so a form
    /// sent twice (or after a cron job ran) sends nothing twice.
    @Sendable func send(_ request: Request, context: PortalContext) async throws -> Response {
        _ = try context.secretariatSession()
        let due = try await due()
        let form = FormMiddleware.fields(in: context.form ?? "")
        guard let step = due.step, form["step"] == String(step) else {
            return try render(context, due: due, problem: "The reminders due have changed since the page was opened (a new step began). Check them again, then send.")
        }
        guard portal.settings.mailer.isConfigured else {
            return try render(context, due: due, problem: "No mailer is set up: copy each message into your mail program.")
        }
        let report = try portal.reports.report(for: due.period)
        let outbox = portal.outbox, store = portal.store, address = context.address
        for reminder in due.reminders {
            let id = reminder.agency.id
            do {
                if form["skip-\(id)"] != nil {
                    try store.skipReminder(period: due.period.id!, agency: id, step: step, subject: reminder.subject, address: address)
                    continue
                }
                let body = form["body-\(id)"].map { $0.replacingOccurrences(of: "\r\n", with: "\n") }.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
                // A failure is in the mail log, with the mailer's error and a retry button.
                _ = try await blocking { try outbox.send(reminder, period: due.period, report: report, body: body, actor: "secretariat", address: address) }
            } catch is AlreadySent {
                continue
            } catch is MailerFailure {
                // No recipient: the preview said so; nothing was claimed, so it stays due.
                continue
            }
        }
        return redirect(to: "/secretariat/mail")
    }

    @Sendable func log(_ request: Request, context: PortalContext) async throws -> Response {
        let session = try context.secretariatSession()
        let (_, report) = try portal.openPeriod()
        let names = Dictionary(report.agencies.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let (entries, _) = try portal.store.mailLog(limit: Self.logPageSize)
        let page = MailLogPage(
            chrome: .secretariat("Mail log", board: report.board, csrf: session.csrf, current: "/secretariat/mail"), csrf: session.csrf,
            mailer: portal.settings.mailer.isConfigured, entries: entries.map { MailLogPage.entry($0, agencyName: names[$0.agencyID] ?? $0.agencyID) })
        return portal.pages.response(page, template: "mail")
    }

    @Sendable func retry(_ request: Request, context: PortalContext) async throws -> Response {
        _ = try context.secretariatSession()
        let id = try context.id()
        guard let mail = try portal.store.mail(id), let period = try portal.store.period(mail.periodID) else { throw PageError.notFound }
        let report = try portal.reports.report(for: period)
        let outbox = portal.outbox, address = context.address
        do {
            _ = try await blocking { try outbox.retry(id, report: report, actor: "secretariat", address: address) }
        } catch let failure as MailerFailure {
            throw PageError(.conflict, "Not sent", failure.reason)
        }
        return redirect(to: "/secretariat/mail")
    }
}
