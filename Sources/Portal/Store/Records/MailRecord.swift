import Foundation
import GRDB

/// What a message is for.
public enum MailKind: String, Codable, Sendable {
    /// A reminder of one step of the schedule (`step`: days from the due date).
    case reminder
    /// An upload's receipt, to the agency's contacts (`uploadID`).
    case receipt
    /// The secretariat's daily digest of what arrived (`step`: the day's number).
    case digest
}

/// Where a message is: claimed and being handed over, handed over, refused by the mailer (with
/// its error; it can be retried), or skipped by the secretariat (a reminder not to send).
public enum MailState: String, Codable, Sendable {
    case sending
    case sent
    case failed
    case skipped
}

/// One message the portal made, kept whatever came of it: the mail log.
public struct MailRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "mail"

    public var id: Int64?
    public var kind: MailKind
    public var periodID: Int64
    public var agencyID: String
    public var step: Int?
    public var uploadID: Int64?
    /// The addresses it went to, comma-separated.
    public var recipients: String
    public var subject: String
    public var body: String
    public var messageID: String
    public var state: MailState
    /// The mailer's words when it refused the message.
    public var error: String?
    public var createdAt: Date
    public var sentAt: Date?

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
