import Foundation
import GRDB

/// How an upload came in.
public enum UploadSource: String, Codable, Sendable {
    /// Through the agency's own link.
    case upload
    /// By the secretariat, for a return that came another way (e-mail).
    case onBehalf = "on-behalf"
    /// Answered on the portal's web form: the file is the form's canonical JSON (`FormSubmission`).
    case form
}

/// What the check made of an upload (see `UploadCheck.outcome`), from the worst.
public enum UploadOutcome: String, Codable, Sendable {
    /// Not this agency's return for this period, or not a return at all: nothing in it is merged.
    case refused
    /// The agency's return with nothing filled in: the agency is still missing.
    case blank
    /// Taken, but some cells were refused: the agency must fix them.
    case mustFix = "must-fix"
    /// Taken whole, with something for the secretariat to look at.
    case toLookAt = "to-look-at"
    /// Taken whole, nothing to say.
    case received
    /// A web form saved to come back to: kept, never merged, never the agency's answer.
    case draft
}

/// A file an agency (or the secretariat on its behalf) uploaded, with its receipt and what the
/// checker made of it. Never changed or deleted: a new upload is a new version.
public struct UploadRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "upload"

    public var id: Int64?
    public var periodID: Int64
    /// The agency whose return this is meant to be (the link's, or the one chosen on its behalf).
    public var agencyID: String
    public var source: UploadSource
    /// The file's name as the sender's computer gave it: text to show, never a path.
    public var originalName: String
    public var size: Int
    /// SHA-256 of the bytes, which is also its name in `uploads/`.
    public var sha256: String
    public var receivedAt: Date
    /// "Kent Police (link)" or "secretariat".
    public var uploadedBy: String
    /// The address it came from.
    public var address: String?
    public var outcome: UploadOutcome
    /// Whether anything in it can be merged (the checker's `isUsable`).
    public var usable: Bool
    /// From the return's Instructions sheet.
    public var completedBy: String?
    public var dateCompleted: String?
    public var goalsAnswered: Int
    public var goalsOwed: Int
    public var figuresGiven: Int
    public var figuresOwed: Int
    /// What was read and every problem (`UploadResult`, JSON).
    public var result: Data

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// The receipt's reference number: the period and the upload's number, "R1-00007".
    public var reference: String { Self.reference(period: periodID, upload: id ?? 0) }

    /// A web form's draft (see `UploadOutcome.draft`).
    public var isDraft: Bool { outcome == .draft }

    static func reference(period: Int64, upload: Int64) -> String {
        let digits = String(upload)
        return "R\(period)-" + String(repeating: "0", count: max(0, 5 - digits.count)) + digits
    }
}

extension UploadRecord {
    /// Each agency's newest upload, and its newest usable one: the one merged. A form's draft is
    /// neither: it is no answer until it is sent.
    /// - Parameter uploads: newest first, as the store lists them.
    public static func newest(of uploads: [UploadRecord]) -> (newest: [String: UploadRecord], merged: [String: UploadRecord]) {
        var newest: [String: UploadRecord] = [:], merged: [String: UploadRecord] = [:]
        for upload in uploads where !upload.isDraft {
            if newest[upload.agencyID] == nil { newest[upload.agencyID] = upload }
            if upload.usable && merged[upload.agencyID] == nil { merged[upload.agencyID] = upload }
        }
        return (newest, merged)
    }
}
