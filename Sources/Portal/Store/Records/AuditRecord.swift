import Foundation
import GRDB

/// What the audit log records.
public enum AuditAction: String, Codable, Sendable, CaseIterable {
    case periodOpened = "period opened"
    case periodClosed = "period closed"
    case linkIssued = "link issued"
    case linkRotated = "link rotated"
    case linkUsed = "link used"
    case unknownLink = "unknown link"
    case setupLinkIssued = "secretariat link issued"
    case setupLinkUsed = "secretariat link used"
    case passwordSet = "password set"
    case signIn = "signed in"
    case signInFailed = "sign-in failed"
    case signOut = "signed out"
    case upload = "upload"
    case uploadOnBehalf = "upload on behalf"
    case formSent = "form sent"
    case formDraft = "form draft saved"
    case merge = "merge"
    case download = "download"
    case export = "export"
    case backup = "backup"
    case datesChanged = "dates changed"
    case extensionGiven = "extension given"
    case contactsChanged = "contacts changed"
    case mailSent = "mail sent"
    case mailFailed = "mail not sent"
    case reminderSkipped = "reminder skipped"
    case scheduleChanged = "reminder schedule changed"
}

/// One line of the audit log: who did what, when, from where, and the file's SHA-256 where a
/// file was involved. Only ever added to.
public struct AuditRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "audit"

    public var id: Int64?
    public var at: Date
    /// "secretariat", "Kent Police (link)", "command line", or "unknown" for a visitor.
    public var actor: String
    public var action: AuditAction
    public var detail: String
    public var address: String?
    public var sha256: String?
    public var periodID: Int64?
    public var agencyID: String?

    public init(
        at: Date = Date(), actor: String, action: AuditAction, detail: String, address: String? = nil, sha256: String? = nil,
        periodID: Int64? = nil, agencyID: String? = nil
    ) {
        self.at = at
        self.actor = actor
        self.action = action
        self.detail = detail
        self.address = address
        self.sha256 = sha256
        self.periodID = periodID
        self.agencyID = agencyID
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
