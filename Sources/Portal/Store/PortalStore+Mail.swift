import Foundation
import GRDB

/// A reminder already sent (or being sent, or skipped) for this agency and step; or a day's digest.
public struct AlreadySent: Error, CustomStringConvertible, Sendable {
    public let agency: String
    public let step: Int
    public var description: String {
        agency.isEmpty ? "the digest of that day has been sent already" : "the reminder of step \(step) to \(agency) has been sent (or skipped) already"
    }
}

extension PortalStore {
    /// Claims a message before it is handed over: a reminder's row is the database's promise that
    /// the step goes to the agency once (a unique index over agency and step, for every state but
    /// `failed`), so two senders (the page and a cron job) or a restart cannot send it twice.
    /// - Throws: `AlreadySent` when the step's reminder was sent, is being sent, or was skipped.
    public func claim(_ mail: MailRecord) throws -> MailRecord {
        var mail = mail
        do {
            return try database.write { db in
                try mail.insert(db)
                return mail
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            throw AlreadySent(agency: mail.agencyID, step: mail.step ?? 0)
        }
    }

    /// Claims a failed message again, to retry it; nil when it is not failed (any more).
    public func claimAgain(_ id: Int64) throws -> MailRecord? {
        do {
            return try database.write { db in
                guard var mail = try MailRecord.fetchOne(db, key: id), mail.state == .failed else { return nil }
                mail.state = .sending
                mail.error = nil
                try mail.update(db)
                return mail
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            return nil
        }
    }

    /// Records what the mailer did with a claimed message, and says so in the audit log.
    public func finish(_ id: Int64, error: String?, actor: String, address: String?) throws -> MailRecord {
        try database.write { db in
            guard var mail = try MailRecord.fetchOne(db, key: id) else { throw DataFolderProblem("no message \(id)") }
            mail.state = error == nil ? .sent : .failed
            mail.error = error
            mail.sentAt = error == nil ? now : nil
            try mail.update(db)
            let what = switch mail.kind {
            case .reminder: "reminder (step \(mail.step ?? 0))"
            case .receipt: "receipt"
            case .digest: "digest"
            }
            try record(AuditRecord(
                at: now, actor: actor, action: error == nil ? .mailSent : .mailFailed,
                detail: "\(what) to \(mail.recipients): \(mail.subject)" + (error.map { " (\($0))" } ?? ""), address: address,
                periodID: mail.periodID, agencyID: mail.agencyID), in: db)
            return mail
        }
    }

    /// Records that the secretariat chose not to send a step's reminder to an agency.
    public func skipReminder(period: Int64, agency: String, step: Int, subject: String, address: String?) throws {
        let mail = MailRecord(
            id: nil, kind: .reminder, periodID: period, agencyID: agency, step: step, uploadID: nil, recipients: "", subject: subject, body: "",
            messageID: "", state: .skipped, error: nil, createdAt: now, sentAt: nil)
        _ = try claim(mail)
        try record(AuditRecord(at: now, actor: "secretariat", action: .reminderSkipped, detail: "step \(step): \(subject)", address: address, periodID: period, agencyID: agency))
    }

    /// The agencies the step's reminder is done for (sent, being sent, or skipped), by agency id.
    public func remindersDone(period: Int64, step: Int) throws -> [String: MailRecord] {
        try database.read { db in
            let done = try MailRecord.filter(Column("periodID") == period && Column("kind") == MailKind.reminder.rawValue && Column("step") == step
                && Column("state") != MailState.failed.rawValue).fetchAll(db)
            return Dictionary(done.map { ($0.agencyID, $0) }, uniquingKeysWith: { a, _ in a })
        }
    }

    /// The mail log, newest first.
    public func mailLog(limit: Int, offset: Int = 0) throws -> (entries: [MailRecord], total: Int) {
        try database.read { db in
            (try MailRecord.order(Column("id").desc).limit(limit, offset: offset).fetchAll(db), try MailRecord.fetchCount(db))
        }
    }

    public func mail(_ id: Int64) throws -> MailRecord? {
        try database.read { db in try MailRecord.fetchOne(db, key: id) }
    }

    // MARK: - The reminder schedule

    /// Days from the due date each reminder goes, earliest first: 7 before, on the day, 3 after
    /// unless the secretariat changed it.
    public func reminderSchedule() throws -> [Int] {
        let text = try database.read { db in try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'reminderSchedule'") }
        return text.flatMap(ReminderSchedule.init)?.offsets ?? ReminderSchedule.standard.offsets
    }

    public func setReminderSchedule(_ schedule: ReminderSchedule, address: String?) throws {
        try database.write { db in
            try db.execute(
                sql: "INSERT INTO setting (key, value) VALUES ('reminderSchedule', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                arguments: [schedule.text])
            try record(AuditRecord(at: now, actor: "secretariat", action: .scheduleChanged, detail: schedule.wording, address: address), in: db)
        }
    }
}
