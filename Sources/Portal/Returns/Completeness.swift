import BoardPack
import Foundation
import ReportModel

/// Who has returned what in a period, computed from the plan (every agency asked for a
/// return, as `boardpack returns` decides), the uploads, and a merge of the newest usable
/// upload of each agency: the same merge, and so the same counts, as `boardpack merge`.
public struct Completeness: Sendable {
    public enum State: String, Sendable {
        case notOpened = "Not opened"
        case opened = "Opened"
        case mustFix = "Uploaded, must fix"
        case blank = "Blank"
        case toLookAt = "Received, to look at"
        case received = "Received"
        /// A web form saved as a draft, nothing sent yet.
        case started = "Started"

        init(newest: UploadRecord?, opened: Bool, started: Bool = false) {
            guard let newest else {
                self = started ? .started : opened ? .opened : .notOpened
                return
            }
            switch newest.outcome {
            case .draft: self = .started
            case .refused, .mustFix: self = .mustFix
            case .blank: self = .blank
            case .toLookAt: self = .toLookAt
            case .received: self = .received
            }
        }
    }

    public struct Row: Sendable {
        public var agency: Agency
        public var state: State
        /// The agency's newest upload, whatever came of it.
        public var newest: UploadRecord?
        /// The upload that is merged: the newest usable one.
        public var merged: UploadRecord?
        /// How the answers came: "Upload", "Form" or "E-mail, uploaded on its behalf" (of the
        /// upload merged, else the newest); nil when nothing came.
        public var cameBy: String? { (merged ?? newest).map { Self.cameBy($0.source) } }
        public var goalsOwed: Int
        public var figuresOwed: Int
        public var goalsAnswered: Int { merged?.goalsAnswered ?? 0 }
        public var figuresGiven: Int { merged?.figuresGiven ?? 0 }

        public static func cameBy(_ source: UploadSource) -> String {
            switch source {
            case .upload: "Upload"
            case .form: "Form"
            case .onBehalf: "E-mail, uploaded on its behalf"
            }
        }
    }

    /// A co-led goal whose leads gave different statuses, with each lead's answer.
    public struct Conflict: Sendable {
        public var goal: Goal
        public var answers: [GoalReturn]
    }

    public var rows: [Row]
    /// Goals asked for that no merged return answers, in the report's order.
    public var unanswered: [Goal]
    /// Goals answered, but whose answer was refused (a Red without an update, say).
    public var notAccepted: [Goal]
    public var conflicts: [Conflict]
    public var merge: PeriodMerge

    public static func of(_ period: PeriodRecord, store: PortalStore, reports: PeriodReports) throws -> Completeness {
        let report = try reports.report(for: period)
        let (newest, merged) = try store.newestUploads(period: period.id!, as: .secretariat)
        let opened = try store.agenciesThatOpenedTheirLink(period: period.id!)
        let started = try store.agenciesWithDrafts(period: period.id!)
        let rows = ReturnScope.all(in: report).map { scope in
            let id = scope.agency.id
            return Row(
                agency: scope.agency, state: State(newest: newest[id], opened: opened.contains(id), started: started.contains(id)), newest: newest[id], merged: merged[id],
                goalsOwed: scope.goals.count, figuresOwed: scope.measures.count)
        }
        let merge = try PeriodMerge.of(period, store: store, reports: reports)
        let goals = merge.report.themes.flatMap(\.allGoals)
        let without = Set(merge.summary.goalsWithoutAnswer)
        // The merger's own word on which goals conflict; the answers come from the merged report.
        let conflicts = goals.filter { goal in merge.summary.conflicts.contains { $0.hasPrefix("goal \(goal.id): ") } }.map { goal in
            Conflict(goal: goal, answers: goal.returns.filter { $0.period == report.period.label && $0.refused == nil })
        }
        let refused = Set(merge.summary.goalsNotAccepted)
        return Completeness(
            rows: rows, unanswered: goals.filter { without.contains($0.id) }, notAccepted: goals.filter { refused.contains($0.id) },
            conflicts: conflicts, merge: merge)
    }
}
