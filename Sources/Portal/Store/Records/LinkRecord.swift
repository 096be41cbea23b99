import Foundation
import GRDB

/// One agency's private link for one period, in one generation. The token itself is never
/// stored: it is derived again from the link secret (see `LinkSecret`), and found by its hash.
public struct LinkRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "link"

    public var id: Int64?
    public var periodID: Int64
    /// The report's id of the agency.
    public var agencyID: String
    /// 1 for the first link of the period; each rotation adds one.
    public var generation: Int
    /// SHA-256 of the token.
    public var tokenHash: String
    public var issuedAt: Date
    /// When it was rotated: it stops working at once, and so do the sessions it opened.
    public var revokedAt: Date?
    /// When the agency first and last opened it.
    public var firstUsedAt: Date?
    public var lastUsedAt: Date?

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
