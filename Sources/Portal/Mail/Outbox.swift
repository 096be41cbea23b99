import BoardPack
import Foundation
import ReportModel

/// Sends the portal's messages and logs each: claimed in the store first (so a reminder step
/// can never go twice, whatever restarts), handed to the mailer, then marked sent or failed
/// with the mailer's error (a failed one can be retried).
public struct Outbox: Sendable {
    public let store: PortalStore
    public let mailer: Mailer
    /// The sender: `--from`, else the report's contact's address.
    public let from: MailMessage.Address?

    public init(store: PortalStore, mailer: Mailer, from: MailMessage.Address?) {
        self.store = store
        self.mailer = mailer
        self.from = from
    }

    /// The sender for a period: `from`, else the report's contact's e-mail address.
    public func sender(for report: Report) throws -> MailMessage.Address {
        if let from { return from }
        guard let email = report.contact?.email else {
            throw MailerFailure(reason: "the portal has no sender's address: give --from, or an email in the report's contact")
        }
        return MailMessage.Address(name: report.contact?.name, email: email)
    }

    /// Sends one reminder (with the secretariat's edited text, when given).
    /// - Throws: `AlreadySent` when the step went to the agency already; `MailerFailure` when
    ///   there is no mailer or no recipient (nothing is claimed then).
    @discardableResult
    public func send(_ reminder: Reminder, period: PeriodRecord, report: Report, body: String? = nil, actor: String, address: String?) throws -> MailRecord {
        guard mailer.isConfigured else { throw MailerFailure(reason: "no mailer is configured (serve --sendmail, remind --sendmail)") }
        guard !reminder.recipients.isEmpty else {
            throw MailerFailure(reason: "\(reminder.agency.name) has no contact with an e-mail address; add one on the Contacts page")
        }
        let message = MailMessage(
            from: try sender(for: report), to: reminder.recipients, replyTo: nil, subject: reminder.subject, body: body ?? reminder.body, date: store.now)
        let claimed = try store.claim(MailRecord(
            id: nil, kind: .reminder, periodID: period.id!, agencyID: reminder.agency.id, step: reminder.step, uploadID: nil,
            recipients: message.to.map(\.email).joined(separator: ", "), subject: message.subject, body: message.body, messageID: message.messageID,
            state: .sending, error: nil, createdAt: store.now, sentAt: nil))
        return try hand(message, claimed: claimed, actor: actor, address: address)
    }

    /// Sends the day's digest to the secretariat's addresses, once a day.
    /// - Throws: `AlreadySent` when that day's digest went already.
    @discardableResult
    public func send(_ digest: DigestMail, to recipients: [MailMessage.Address], report: Report, actor: String) throws -> MailRecord {
        guard mailer.isConfigured else { throw MailerFailure(reason: "no mailer is configured (--sendmail)") }
        let message = MailMessage(from: try sender(for: report), to: recipients, subject: digest.subject, body: digest.body, date: store.now)
        let claimed = try store.claim(MailRecord(
            id: nil, kind: .digest, periodID: digest.period.id!, agencyID: "", step: digest.dayNumber, uploadID: nil,
            recipients: message.to.map(\.email).joined(separator: ", "), subject: message.subject, body: message.body, messageID: message.messageID,
            state: .sending, error: nil, createdAt: store.now, sentAt: nil))
        return try hand(message, claimed: claimed, actor: actor, address: nil)
    }

    /// A message made and claimed in the mail log, to hand over.
    public struct Claimed: Sendable {
        let message: MailMessage
        let record: MailRecord
    }

    /// Makes a receipt's message and claims it in the mail log; nil when there is no mailer or
    /// nobody to send to. `hand` sends it.
    public func claimReceipt(_ receipt: ReceiptMail) throws -> Claimed? {
        guard mailer.isConfigured, !receipt.recipients.isEmpty else { return nil }
        let message = MailMessage(from: try sender(for: receipt.report), to: receipt.recipients, subject: receipt.subject, body: receipt.body, date: store.now)
        let claimed = try store.claim(MailRecord(
            id: nil, kind: .receipt, periodID: receipt.upload.periodID, agencyID: receipt.upload.agencyID, step: nil, uploadID: receipt.upload.id,
            recipients: message.to.map(\.email).joined(separator: ", "), subject: message.subject, body: message.body, messageID: message.messageID,
            state: .sending, error: nil, createdAt: store.now, sentAt: nil))
        return Claimed(message: message, record: claimed)
    }

    /// Hands a claimed message to the mailer and records what came of it.
    @discardableResult
    public func hand(_ claimed: Claimed, actor: String, address: String?) throws -> MailRecord {
        try hand(claimed.message, claimed: claimed.record, actor: actor, address: address)
    }

    /// Hands a failed message over again, as it was; nil when it is not failed (any more).
    public func retry(_ id: Int64, report: Report, actor: String, address: String?) throws -> MailRecord? {
        guard mailer.isConfigured else { throw MailerFailure(reason: "no mailer is configured (serve --sendmail)") }
        guard let claimed = try store.claimAgain(id) else { return nil }
        let to = claimed.recipients.split(separator: ",").map { MailMessage.Address(email: $0.trimmingCharacters(in: .whitespaces)) }
        let message = MailMessage(from: try sender(for: report), to: to, subject: claimed.subject, body: claimed.body, date: store.now, messageID: claimed.messageID)
        return try hand(message, claimed: claimed, actor: actor, address: address)
    }

    private func hand(_ message: MailMessage, claimed: MailRecord, actor: String, address: String?) throws -> MailRecord {
        var error: String?
        do {
            try mailer.hand(message)
        } catch let failure as MailerFailure {
            error = failure.reason
        }
        return try store.finish(claimed.id!, error: error, actor: actor, address: address)
    }
}
