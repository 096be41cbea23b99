import Foundation
import GRDB

/// A signed-in browser. Kept in the database so that a restart signs nobody out; the cookie's
/// value is never stored, only its SHA-256.
public struct SessionRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "session"

    public enum Kind: String, Codable, Sendable {
        /// Opened by an agency's link: that agency, that period.
        case agency
        /// The secretariat, signed in with its password.
        case secretariat
        /// Opened by the one-time secretariat link: may only set the password.
        case setup
    }

    /// SHA-256 of the cookie's value.
    public var idHash: String
    public var kind: Kind
    public var periodID: Int64?
    public var agencyID: String?
    /// The link that opened it: rotating the link ends the session.
    public var linkID: Int64?
    /// The setup link that opened it (kind `setup`).
    public var setupID: Int64?
    /// The form token of this session (see `CSRF`).
    public var csrf: String
    public var createdAt: Date
    public var expiresAt: Date
    public var address: String?
}
