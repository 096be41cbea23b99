import BoardPack
import Foundation
import ReportModel

/// The secretariat's view of a period: one row per agency asked for a return, the counts the
/// merge summary gives, every goal still without an answer, and co-led goals whose leads
/// disagree, side by side; and the form to upload a return on an agency's behalf.
struct CompletenessPage {
    struct Row {
        var agency: String
        var state: String
        var stateClass: String
        var newestAt: String?
        var completedBy: String?
        var cameBy: String?
        var goals: String
        var figures: String
        var href: String
    }

    struct GoalItem {
        var id: String
        var text: String
        var leads: String
    }

    struct Answer {
        var agency: String
        var status: String
        var statusClass: String
        var update: String
    }

    struct ConflictItem {
        var id: String
        var text: String
        var answers: [Answer]
    }

    struct AgencyChoice {
        var id: String
        var name: String
    }

    var chrome: Chrome
    var period: String
    var deadline: AgencyPage.DeadlineView?
    /// The merge summary's counts, in its own words (its first four lines).
    var counts: [String]
    var rows: [Row]
    var unanswered: [GoalItem]
    var notAccepted: [GoalItem]
    var conflicts: [ConflictItem]
    var agencies: [AgencyChoice]
    var csrf: String

    static func make(period: PeriodRecord, completeness: Completeness, report: Report, csrf: String, now: Date) -> CompletenessPage {
        let summary = completeness.merge.summary
        let directory = report.agencyDirectory
        // The first lines of the summary boardpack merge prints: the same counts, the same words.
        let counts = Array(summary.text.split(separator: "\n").prefix(4).map(String.init))
        return CompletenessPage(
            chrome: .secretariat("Completeness, \(period.label)", board: report.board, csrf: csrf, current: "/secretariat"),
            period: period.label, deadline: .of(period, now: now), counts: counts,
            rows: completeness.rows.map { row in
                Row(
                    agency: row.agency.name, state: row.state.rawValue, stateClass: stateClass(row.state),
                    newestAt: row.newest.map { Shown.time($0.receivedAt) }, completedBy: row.merged?.completedBy, cameBy: row.cameBy,
                    goals: answered(row.goalsAnswered, of: row.goalsOwed), figures: answered(row.figuresGiven, of: row.figuresOwed),
                    href: "/secretariat/agencies/\(row.agency.id)")
            },
            unanswered: completeness.unanswered.map { GoalItem(id: $0.id, text: $0.text, leads: Wording.leads($0.leads, directory)) },
            notAccepted: completeness.notAccepted.map { GoalItem(id: $0.id, text: $0.text, leads: Wording.leads($0.leads, directory)) },
            conflicts: completeness.conflicts.map { conflict in
                ConflictItem(id: conflict.goal.id, text: conflict.goal.text, answers: conflict.answers.map { answer in
                    Answer(agency: directory.agency(answer.agency)?.name ?? answer.agency, status: answer.status ?? "No status",
                        statusClass: Shown.statusClass(answer.status), update: answer.update.joined(separator: " "))
                })
            },
            agencies: completeness.rows.map { AgencyChoice(id: $0.agency.id, name: $0.agency.name) }, csrf: csrf)
    }

    /// "3 of 4", or "none asked".
    static func answered(_ count: Int, of owed: Int) -> String { owed == 0 ? "none asked" : "\(count) of \(owed)" }

    static func stateClass(_ state: Completeness.State) -> String {
        switch state {
        case .notOpened, .opened, .started: "tag-none"
        case .mustFix, .blank: "tag-bad"
        case .toLookAt: "tag-warn"
        case .received: "tag-good"
        }
    }
}

/// One agency's uploads, every version, for the secretariat.
struct AgencyUploadsPage {
    var chrome: Chrome
    var agency: String
    var period: String
    var uploads: [UploadRow]
}

/// Merging the period and downloading what it makes.
struct MergePage {
    struct Download {
        var label: String
        var href: String
        var detail: String
    }

    var chrome: Chrome
    var period: String
    var csrf: String
    var merged: Bool
    var mergedAt: String?
    var mergeNumber: Int64?
    /// "2 returns".
    var returnsMerged: String
    /// "2 uploads since": received after the latest merge, which merging again takes.
    var newSince: String?
    var summaryText: String?
    var downloads: [Download]
    var returns: [Download]
    var pdfAvailable: Bool
}

/// The audit log, newest first, a page at a time.
struct AuditPage {
    struct Entry {
        var at: String
        var actor: String
        var action: String
        var detail: String
        var address: String
        var sha256: String?
        var agency: String?
    }

    var chrome: Chrome
    var entries: [Entry]
    var page: Int
    var pages: Int
    var newerHref: String?
    var olderHref: String?
}
