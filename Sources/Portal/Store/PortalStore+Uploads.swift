import BoardPack
import Foundation
import GRDB

extension PortalStore {
    /// Keeps an upload: the file first (flushed and named by its SHA-256), then its row and its
    /// line in the audit log in one transaction. Until that commits nothing says "received";
    /// after it, the upload survives any crash.
    public func addUpload(_ bytes: [UInt8], _ upload: UploadRecord) throws -> UploadRecord {
        var upload = upload
        upload.sha256 = try uploads.store(bytes)
        upload.size = bytes.count
        return try database.write { db in
            // An agency's own upload after the period closed for it is refused here, whatever
            // page sent it; the secretariat may still upload on an agency's behalf.
            if upload.source != .onBehalf, let period = try PeriodRecord.fetchOne(db, key: upload.periodID),
                let closed = try closedFor(period: period, agency: upload.agencyID, in: db) {
                throw PeriodClosedForAgency(period: period.label, closes: closed)
            }
            try upload.insert(db)
            try record(AuditRecord(
                at: upload.receivedAt, actor: upload.uploadedBy, action: upload.source == .onBehalf ? .uploadOnBehalf : .upload,
                detail: "\(upload.reference): \(upload.originalName), \(upload.size) bytes, \(upload.outcome.rawValue)", address: upload.address,
                sha256: upload.sha256, periodID: upload.periodID, agencyID: upload.agencyID), in: db)
            return upload
        }
    }

    /// One upload, if the viewer may see it; nil when it does not exist or is another's.
    public func upload(_ id: Int64, as viewer: Viewer) throws -> UploadRecord? {
        try database.read { db in try viewer.uploads().filter(Column("id") == id).fetchOne(db) }
    }

    /// The uploads of a period the viewer may see, the newest first; only one agency's when given.
    public func uploads(period: Int64, agency: String? = nil, as viewer: Viewer) throws -> [UploadRecord] {
        try database.read { db in
            var request = viewer.uploads().filter(Column("periodID") == period)
            if let agency { request = request.filter(Column("agencyID") == agency) }
            return try request.order(Column("id").desc).fetchAll(db)
        }
    }

    /// Each agency's newest upload, and its newest usable one (the one merged), by agency id.
    public func newestUploads(period: Int64, as viewer: Viewer) throws -> (newest: [String: UploadRecord], merged: [String: UploadRecord]) {
        UploadRecord.newest(of: try uploads(period: period, as: viewer))
    }

    /// The agencies whose link has been opened in the period.
    public func agenciesThatOpenedTheirLink(period: Int64) throws -> Set<String> {
        try database.read { db in
            Set(try String.fetchAll(db, sql: "SELECT DISTINCT agencyID FROM link WHERE periodID = ? AND firstUsedAt IS NOT NULL", arguments: [period]))
        }
    }

    // MARK: - Merges

    /// Keeps a merge: the merged report's file first, then the row and its audit line.
    public func addMerge(_ json: Data, _ merge: MergeRecord, address: String?) throws -> MergeRecord {
        var merge = merge
        merge.sha256 = try merged.store(Array(json))
        return try database.write { db in
            try merge.insert(db)
            try record(AuditRecord(
                at: merge.at, actor: merge.actor, action: .merge, detail: "merge \(merge.id!): \(Wording.plural(merge.uploads.count, "return"))", address: address,
                sha256: merge.sha256, periodID: merge.periodID), in: db)
            return merge
        }
    }

    /// The period's latest merge.
    public func latestMerge(period: Int64) throws -> MergeRecord? {
        try database.read { db in try MergeRecord.filter(Column("periodID") == period).order(Column("id").desc).fetchOne(db) }
    }
}

extension PortalStore {
    /// A merge by its number.
    public func merge(_ id: Int64) throws -> MergeRecord? {
        try database.read { db in try MergeRecord.fetchOne(db, key: id) }
    }
}
