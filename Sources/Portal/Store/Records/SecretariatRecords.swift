import Foundation
import GRDB

/// The secretariat's account: one, signed in with a password (bcrypt hash only).
public struct SecretariatRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "secretariat"

    public var id: Int64 = 1
    public var passwordHash: String
    public var setAt: Date
}

/// A one-time link for the secretariat to set its password (from `init`, or `links --secretariat`).
public struct SetupLinkRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "setupLink"

    public var id: Int64?
    public var tokenHash: String
    public var issuedAt: Date
    public var expiresAt: Date
    /// Set when the password is set through it: it never works again.
    public var usedAt: Date?
    /// Set when a newer one is issued.
    public var revokedAt: Date?

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
