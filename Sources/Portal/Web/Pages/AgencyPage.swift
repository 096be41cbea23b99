import BoardPack
import Foundation
import ReportModel

/// The agency's page: the period, the deadline, who to ask, what it owes (with last period's
/// rating), the blank return to download, the upload form and its uploads so far.
struct AgencyPage {
    struct GoalItem {
        var id: String
        var text: String
        var theme: String
        var previous: String
    }

    struct MeasureItem {
        var id: String
        var name: String
        var theme: String
    }

    struct DeadlineView {
        var wording: String
        var countdown: String
        var late: Bool
    }

    var chrome: Chrome
    var agency: String
    var board: String
    var period: String
    var deadline: DeadlineView?
    /// "Friday 19 July 2013": the last day uploads are taken (or the agency's extension's).
    var closes: String?
    /// Set once the period has closed for the agency: the page is read-only.
    var closed: String?
    var contact: String?
    var csrf: String
    var largestFileMB: Int
    var goals: [GoalItem]
    var measures: [MeasureItem]
    var uploads: [UploadRow]

    static func make(
        period: PeriodRecord, report: Report, agencyID: String, uploads: [UploadRecord], csrf: String, now: Date, extensionUntil: Day? = nil
    ) -> AgencyPage {
        let dates = PeriodDates(period)
        let lastDay = dates.closes.map { max($0, extensionUntil ?? $0) }
        let scope = ReturnScope.all(in: report, only: agencyID)
        let name = scope?.agency.name ?? agencyID
        return AgencyPage(
            chrome: .agency("Your return for \(period.label)", board: report.board, agency: name, csrf: csrf),
            agency: name, board: report.board, period: period.label, deadline: DeadlineView.of(period, now: now),
            closes: lastDay.map { Deadline(day: $0).wording },
            closed: dates.accepting(on: BoardDate.day(at: now), extensionUntil: extensionUntil) ? nil : "This period closed on \(Deadline(day: lastDay!).wording). Your uploads and receipts stay here; to send a return now, ask the secretariat for an extension.",
            contact: period.contact ?? report.contact?.line, csrf: csrf, largestFileMB: UploadCheck.largestFile / (1024 * 1024),
            goals: (scope?.goals ?? []).map { GoalItem(id: $0.goal.id, text: $0.goal.text, theme: $0.theme.name, previous: Shown.start(of: [ReturnTemplate.previous($0.goal)], limit: 220)) },
            measures: (scope?.measures ?? []).map { MeasureItem(id: $0.measure.id, name: $0.measure.name, theme: $0.theme.name) },
            uploads: uploads.map { UploadRow($0, href: "/agency/uploads/\($0.id!)") })
    }
}

extension AgencyPage.DeadlineView {
    static func of(_ period: PeriodRecord, now: Date) -> Self? {
        guard let deadline = period.due.flatMap(Deadline.init) else { return nil }
        return .init(wording: deadline.wording, countdown: deadline.countdown(at: now), late: deadline.daysLeft(at: now) < 0)
    }
}

/// One upload in a list: its reference, file, time and what came of it.
struct UploadRow {
    var reference: String
    var fileName: String
    var receivedAt: String
    var outcome: String
    var outcomeClass: String
    var uploadedBy: String
    var onBehalf: Bool
    var href: String

    init(_ upload: UploadRecord, href: String) {
        reference = upload.reference
        fileName = upload.originalName
        receivedAt = Shown.time(upload.receivedAt)
        outcome = OutcomeWording.label(upload.outcome)
        outcomeClass = OutcomeWording.cssClass(upload.outcome)
        uploadedBy = upload.uploadedBy
        onBehalf = upload.source == .onBehalf
        self.href = href
    }
}

/// What an upload's outcome is called on a page (always in words; the colour only repeats it).
enum OutcomeWording {
    static func label(_ outcome: UploadOutcome) -> String {
        switch outcome {
        case .refused: "Not taken"
        case .blank: "Blank"
        case .mustFix: "Must fix"
        case .toLookAt: "Received, to look at"
        case .received: "Received"
        }
    }

    static func cssClass(_ outcome: UploadOutcome) -> String {
        switch outcome {
        case .refused, .mustFix, .blank: "tag-bad"
        case .toLookAt: "tag-warn"
        case .received: "tag-good"
        }
    }
}
