import BoardPack
import Foundation
import ReportModel

/// An upload's result: what was read, every problem as the checker words it (must fix, to look
/// at), and its receipt. The same page serves the agency and the secretariat.
struct UploadPage {
    struct ProblemRow {
        /// "Goals!B9"; nil for the file as a whole.
        var place: String?
        var message: String

        init(_ problem: UploadResult.Problem) {
            place = problem.place.isEmpty ? nil : problem.place
            message = problem.message
        }
    }

    struct GoalRow {
        var id: String
        var text: String
        var status: String
        var statusClass: String
        var update: String
    }

    struct FigureRow {
        var id: String
        var name: String
        var value: String
        var note: String?
    }

    var chrome: Chrome
    var headline: String
    var outcome: String
    var outcomeClass: String
    /// One sentence on what happens next.
    var next: String
    var mustFix: [ProblemRow]
    var toLookAt: [ProblemRow]
    var goals: [GoalRow]
    var figures: [FigureRow]
    var receipt: Receipt
    var backHref: String
    var backLabel: String
    var receiptHref: String
    var fileHref: String
    /// Answered on the web form: the page speaks of fields, and offers the filled return workbook.
    var isForm: Bool
    var filledHref: String?
    var formHref: String?

    static func make(upload: UploadRecord, period: PeriodRecord, report: Report, chrome: Chrome, base: String, backHref: String, backLabel: String) throws -> UploadPage {
        let result = try UploadResult.decoded(upload.result)
        let goalsByID = Dictionary(report.themes.flatMap(\.allGoals).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let measuresByID = Dictionary(report.themes.flatMap(\.measures).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let read = "\(Wording.plural(result.goals.count, "goal")) and \(Wording.plural(result.figures.count { $0.value != nil }, "figure"))"
        let headline: String
        let next: String
        switch upload.outcome {
        case .refused:
            headline = "We could not take this file"
            next = "Nothing in it will be merged. Fix what is listed below and upload the return again."
        case .blank:
            headline = "This return is blank"
            next = "Nothing is filled in, so your return still counts as missing. Fill it in and upload it again."
        case .mustFix:
            headline = "We read \(read) from your return"
            next = upload.source == .form
                ? "What we could read will be merged. The fields under Must fix were not taken: correct them on the form and send it again."
                : "What we could read will be merged. The cells under Must fix were not taken: correct them and upload the return again."
        case .toLookAt:
            headline = "We read \(read) from your return"
            next = "Your return is received and will be merged. The secretariat will see the points under To look at."
        case .received:
            headline = "We read \(read) from your return"
            next = "Your return is received and will be merged. Thank you."
        case .draft:
            headline = "A draft of your return, not sent"
            next = "A draft is kept for you to come back to; it is not merged. Open the form to carry on and send it."
        }
        let usable = ![.refused, .blank, .draft].contains(upload.outcome)
        let isForm = upload.source == .form
        return UploadPage(
            chrome: chrome, headline: headline, outcome: OutcomeWording.label(upload.outcome), outcomeClass: OutcomeWording.cssClass(upload.outcome),
            next: next,
            mustFix: result.mustFix.map(ProblemRow.init), toLookAt: result.toLookAt.map(ProblemRow.init),
            goals: usable ? result.goals.map { goal in
                GoalRow(id: goal.id, text: goalsByID[goal.id]?.text ?? "", status: goal.status ?? "No status", statusClass: Shown.statusClass(goal.status),
                    update: Shown.start(of: goal.update))
            } : [],
            figures: usable ? result.figures.map { figure in
                FigureRow(id: figure.id, name: measuresByID[figure.id]?.name ?? "", value: figure.value ?? "(none)", note: figure.note)
            } : [],
            receipt: Receipt(upload: upload, period: period, report: report),
            backHref: backHref, backLabel: backLabel, receiptHref: "\(base)/receipt", fileHref: "\(base)/file",
            isForm: isForm, filledHref: isForm && usable ? "\(base)/return.xlsx" : nil, formHref: isForm && base.hasPrefix("/agency") ? "/agency/form" : nil)
    }
}

/// An upload's receipt: enough to prove what was sent and when, and to find it again.
struct Receipt {
    var reference: String
    var agency: String
    var board: String
    var period: String
    var fileName: String
    var size: String
    var sha256: String
    var receivedAt: String
    var uploadedBy: String
    var completedBy: String
    var dateCompleted: String
    var outcome: String

    init(upload: UploadRecord, period: PeriodRecord, report: Report) {
        reference = upload.reference
        agency = report.agency(upload.agencyID)?.name ?? upload.agencyID
        board = report.board
        self.period = period.label
        fileName = upload.originalName
        size = Shown.size(upload.size)
        sha256 = upload.sha256
        receivedAt = Shown.time(upload.receivedAt)
        uploadedBy = switch upload.source {
        case .onBehalf: "the secretariat, on behalf of \(agency)"
        case .form: "\(agency), on the web form through its link"
        case .upload: "\(agency), through its link"
        }
        completedBy = upload.completedBy ?? "not given"
        dateCompleted = upload.dateCompleted ?? "not given"
        outcome = OutcomeWording.label(upload.outcome)
    }
}

/// The receipt on a page of its own, to print or save.
struct ReceiptPage {
    var chrome: Chrome
    var receipt: Receipt
    var backHref: String
}
