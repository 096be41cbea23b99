import Foundation
import ReportModel
import XLSXReader

/// One goal's answer read from a return.
public struct GoalAnswer: Equatable, Sendable {
    public var goalID: String
    public var status: String?
    public var update: [String]
    public var proposal: Proposal?
    /// Where the answer was read on the Goals sheet: ["B12", "B14"]; for a return given on the
    /// web form, its fields: ["EE-3 status", "EE-3 update"].
    public var cells: [String]
    /// Why the answer was not accepted, in a few words ("no update"); nil when it was.
    public var refused: String?

    public init(goalID: String, status: String?, update: [String], proposal: Proposal?, cells: [String], refused: String? = nil) {
        self.goalID = goalID
        self.status = status
        self.update = update
        self.proposal = proposal
        self.cells = cells
        self.refused = refused
    }
}

/// One headline figure read from a return.
public struct MeasureAnswer: Equatable, Sendable {
    public var measureID: String
    public var value: Value?
    public var note: String?
    /// Where it was read on the Measures sheet (or the web form's fields).
    public var cells: [String]

    public init(measureID: String, value: Value?, note: String?, cells: [String]) {
        self.measureID = measureID
        self.value = value
        self.note = note
        self.cells = cells
    }
}

/// A return as read and checked: what it answers, what it leaves unanswered, and every problem
/// with its cell. One bad row does not throw the rest away: the answers that pass are kept.
public struct CheckedReturn: Sendable {
    /// The file name without its folder, as messages and provenance show it.
    public var file: String
    /// The path as given, which tells apart two files of the same name.
    public var path: String
    public var sha256: String
    /// When the file was last changed, for choosing the newer of two returns.
    public var modified: Date?
    public var agency: Agency?
    public var period: String?
    /// Who completed the return, and when, as typed on its Instructions sheet.
    public var completedBy: String?
    public var date: String?
    /// The Date cell as a calendar day, when it reads as one.
    public var day: Day?
    public var goals: [GoalAnswer] = []
    /// Goals answered but not accepted (a Red without an update...), each with its reason: the
    /// board pack shows that an answer came.
    public var refusedGoals: [GoalAnswer] = []
    public var measures: [MeasureAnswer] = []
    /// Goals the agency was asked to rate that the return does not answer.
    public var unanswered: [String] = []
    /// Figures the agency was asked for that the return leaves empty.
    public var figuresMissing: [String] = []
    public var problems: [WorkbookProblem] = []
    /// The whole return was refused (another report, period or agency, or not a return at all):
    /// nothing in it is merged.
    public var refused = false
    /// Given on the portal's web form (`FormSubmission`), not in a workbook: places are fields.
    public var isForm = false

    init(file: String, path: String, sha256: String, modified: Date? = nil) {
        self.file = file
        self.path = path
        self.sha256 = sha256
        self.modified = modified
    }

    /// Refuses the whole return: `message` says why, of the file.
    mutating func refuse(_ message: String) {
        refused = true
        problems.append(WorkbookProblem(Place(file: file), message))
    }

    /// Refuses the whole return for `error`, told as the reader tells it (with its place).
    mutating func refuse(_ error: Error) {
        guard var error = error as? XLSXError else { return refuse("\(error)") }
        // Saving a return as CSV keeps one sheet and loses its hidden details: no program can
        // make the return again from it, so the reader's "save it as .xlsx" would not help.
        if error.message.hasPrefix("is a CSV or other text file") {
            error.message = "is a CSV or other text file, not the return workbook; a CSV keeps one sheet and loses the return's hidden details, so fill in the .xlsx return made by boardpack and send that (or ask the secretariat for a new one)"
        }
        refused = true
        problems.append(WorkbookProblem(error))
    }

    /// A return from the right agency with nothing filled in.
    public var isBlank: Bool { !refused && agency != nil && goals.isEmpty && measures.isEmpty && refusedGoals.isEmpty }

    /// Whether anything in it can be merged.
    public var isUsable: Bool { !refused && agency != nil && !isBlank }

    /// Clean: readable, complete, and nothing refused.
    public var isClean: Bool { isUsable && problems.isEmpty }

    /// "jppb.xlsx: clean return from JPPB: 5 goals answered, 0 figures given".
    public var summary: String {
        let answered = "\(Wording.plural(goals.count, "goal")) answered, \(Wording.plural(measures.count, "figure")) given"
        return "\(file): clean return from \(agency?.name ?? "?"): \(answered)"
    }
}
