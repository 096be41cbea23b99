import Foundation
import GRDB

extension PortalStore {
    /// Keeps a version of an agency's web form (`UploadSource.form`): its canonical JSON first,
    /// then its row, in one transaction with the check that no newer version came since the page
    /// it was typed on was made (`base`, the newest version's id then). When one did, what was
    /// typed is still kept, as a draft, and the newer version is returned beside it: nothing
    /// typed is lost, and nothing sent overwrites a version its sender never saw.
    public func addFormVersion(_ bytes: [UInt8], _ upload: UploadRecord, base: Int64) throws -> (kept: UploadRecord, newer: UploadRecord?) {
        var upload = upload
        upload.sha256 = try uploads.store(bytes)
        upload.size = bytes.count
        return try database.write { db in
            let newer = try UploadRecord.filter(Column("periodID") == upload.periodID && Column("agencyID") == upload.agencyID && Column("id") > base)
                .order(Column("id").desc).fetchOne(db)
            if newer != nil { upload.makeDraft() }
            return (try insert(upload, in: db), newer)
        }
    }

    /// The agencies of a period with a draft of the web form.
    public func agenciesWithDrafts(period: Int64) throws -> Set<String> {
        try database.read { db in
            Set(try String.fetchAll(db, sql: "SELECT DISTINCT agencyID FROM upload WHERE periodID = ? AND outcome = ?", arguments: [period, UploadOutcome.draft.rawValue]))
        }
    }
}

extension UploadRecord {
    /// Keeps it as a draft: never merged, never the agency's answer.
    public mutating func makeDraft() {
        outcome = .draft
        usable = false
        goalsAnswered = 0
        figuresGiven = 0
    }
}
