import BoardPack
import Foundation
import ReportModel

/// The secretariat's daily digest: what arrived on one day of the board's calendar (each upload
/// with its agency, result and counts), and where the period stands (the merge summary's first
/// lines, as the completeness page shows them).
public struct DigestMail: Sendable {
    public let period: PeriodRecord
    public let day: Day
    public let uploads: [UploadRecord]
    public let subject: String
    public let body: String

    /// The digest of `day`'s uploads in the open period.
    public static func of(day: Day, store: PortalStore, reports: PeriodReports) throws -> DigestMail {
        guard let period = try store.openPeriod() else { throw DataFolderProblem("\(store.folder.url.path): no period is open for returns") }
        let report = try reports.report(for: period)
        let uploads = try store.uploads(period: period.id!, as: .secretariat).filter { BoardDate.day(at: $0.receivedAt) == day }.reversed()
        let names = Dictionary(report.agencies.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let merge = try PeriodMerge.of(period, store: store, reports: reports)
        let wording = Deadline(day: day).wording
        var lines = ["What arrived for \(period.label) on \(wording): \(Wording.plural(uploads.count, "upload")).", ""]
        for upload in uploads {
            lines.append("- \(Shown.time(upload.receivedAt)): \(names[upload.agencyID] ?? upload.agencyID), \(upload.originalName) (\(upload.reference)), "
                + "\(OutcomeWording.label(upload.outcome).lowercased()); goals \(upload.goalsAnswered) of \(upload.goalsOwed), figures \(upload.figuresGiven) of \(upload.figuresOwed)")
        }
        lines += ["", "Where the period stands (as boardpack merge counts it):"]
        lines += merge.summary.text.split(separator: "\n").prefix(4).map(String.init)
        return DigestMail(
            period: period, day: day, uploads: Array(uploads), subject: "Returns for \(period.label) on \(wording): \(Wording.plural(uploads.count, "upload"))",
            body: lines.joined(separator: "\n"))
    }

    /// The day's number, stored as the digest's step: one digest a day, whatever restarts.
    var dayNumber: Int { BoardDate.days(from: Day(year: 2000, month: 1, day: 1)!, to: day) }
}
