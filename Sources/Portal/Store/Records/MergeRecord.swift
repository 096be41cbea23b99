import Foundation
import GRDB

/// A merge the secretariat ran: which uploads went in, and the merged report (kept in
/// `merged/` under its SHA-256) with its summary.
public struct MergeRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "merge"

    public var id: Int64?
    public var periodID: Int64
    public var at: Date
    public var actor: String
    /// The uploads merged, by id, in the order given to the merger.
    public var uploadIDs: String
    /// The newest upload of the period when it merged: any later one is new since.
    public var lastUploadID: Int64
    /// SHA-256 of the merged report's JSON.
    public var sha256: String
    /// The merge summary (`MergeSummary`, JSON).
    public var summary: Data

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    public var uploads: [Int64] { uploadIDs.split(separator: ",").compactMap { Int64($0) } }
}
