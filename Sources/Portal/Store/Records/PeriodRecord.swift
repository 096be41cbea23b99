import Foundation
import GRDB

/// A period the portal collects returns for: the report it opened with (as the secretariat gave
/// it, or as `next` rolled it over), when it is due, who agencies ask, and its dates.
/// One period is open at a time; closing it is `next`'s job.
public struct PeriodRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "period"

    public var id: Int64?
    /// "2013-14 Q1", the report's period label.
    public var label: String
    /// The report's id, which each return quotes.
    public var reportID: String
    /// The report's JSON: what returns are checked against and merged into.
    public var report: Data
    /// The SHA-256 of `report`, for the audit log.
    public var reportSHA256: String
    /// When returns are due, as an ISO day ("2013-07-12"), when one was given.
    public var due: String?
    /// Who agencies ask, as the secretariat worded it (`--contact`); else the report's contact.
    public var contact: String?
    public var openedAt: Date
    public var closedAt: Date?
    /// The first day returns are asked for, as an ISO day; nil: the day it opened.
    public var opens: String?
    /// The last day agencies may upload, as an ISO day; nil: until `next` closes the period.
    /// After it an agency's page is read-only, unless the agency has an extension.
    public var closes: String?

    public var isOpen: Bool { closedAt == nil }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
