import BoardPack
import Foundation
import ReportModel

/// A period's returns merged: each agency's newest usable upload, checked and merged by the
/// same checker and merger as `boardpack merge`, so that the merged report is the same bytes
/// the command line writes from the same files under the same names.
public struct PeriodMerge: Sendable {
    public var report: Report
    /// The merged report as `boardpack merge` writes it.
    public var json: Data
    public var summary: MergeSummary
    /// The uploads merged, in the report's order of agencies.
    public var uploads: [UploadRecord]
    /// Those uploads as the checker read them (what each answered, and left without an answer).
    public var checked: [CheckedReturn]
    /// The newest upload of the period the merge saw, merged or not.
    public var lastUploadID: Int64

    /// Merges the period's newest usable uploads (read back from the uploads folder).
    public static func of(_ period: PeriodRecord, store: PortalStore, reports: PeriodReports) throws -> PeriodMerge {
        let checker = try reports.checker(for: period)
        // One read: the uploads merged and the newest seen agree, whatever arrives meanwhile.
        let all = try store.uploads(period: period.id!, as: .secretariat)
        let chosen = UploadRecord.newest(of: all).merged
        let order = Dictionary(uniqueKeysWithValues: checker.report.agencies.enumerated().map { ($1.id, $0) })
        let uploads = chosen.values.sorted { (order[$0.agencyID] ?? .max, $0.id!) < (order[$1.agencyID] ?? .max, $1.id!) }
        let checked = try uploads.map { upload in
            try reports.checkedUploads.checked(upload, by: checker) { try store.uploads.read(upload.sha256) }
        }
        let (merged, summary) = ReturnMerger(checker: checker).merge(checked)
        return PeriodMerge(
            report: merged, json: try ReportCoding.encode(merged), summary: summary, uploads: uploads, checked: checked, lastUploadID: all.first?.id ?? 0)
    }

    /// The summary as `boardpack merge` prints it.
    public var summaryText: String { summary.text + "\n" }
}
