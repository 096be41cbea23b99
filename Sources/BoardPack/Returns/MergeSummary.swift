import Foundation

/// What a merge did, for people (`text`) and for scripts (`Codable`, `--json`).
public struct MergeSummary: Codable, Equatable, Sendable {
    public var period: String
    /// Files given, each counted once however many times it was named.
    public var returnsReceived = 0
    public var returnsAccepted = 0
    /// Files whose answers were merged, in the report's order of agencies.
    public var accepted: [String] = []
    /// Files from the right agency with nothing filled in; their agencies are still missing.
    public var blank: [String] = []
    /// Agencies asked for a return that sent none that was merged.
    public var agenciesMissing: [String] = []
    public var goalsUpdated: [String] = []
    public var goalsUnchanged: [String] = []
    /// Goals asked for this period that no merged return answers.
    public var goalsWithoutAnswer: [String] = []
    /// Goals answered this period whose every answer was refused (a Red without an update...).
    public var goalsNotAccepted: [String] = []
    public var measuresFilled: [String] = []
    /// Co-led goals whose agencies gave different statuses: shown as a conflict, left for the secretariat.
    public var conflicts: [String] = []
    /// Files named twice, two returns from one agency settled by `--replace`, and returns merged
    /// before (the same file again, or replaced by a newer one): said, not failures.
    public var duplicates: [String] = []
    /// Every problem, as `FILE: Sheet!CELL: message`.
    public var problems: [String] = []

    /// True when everything received was merged whole and nothing conflicts.
    public var isClean: Bool { conflicts.isEmpty && problems.isEmpty }

    public var text: String {
        func list(_ items: [String]) -> String { items.isEmpty ? "." : " (\(items.joined(separator: ", ")))." }
        var lines = [
            "Period \(period): \(Wording.plural(returnsReceived, "return")) received, \(returnsAccepted) accepted.",
            "Agencies still missing: \(agenciesMissing.isEmpty ? "none" : agenciesMissing.joined(separator: ", ")).",
            "Goals: \(goalsUpdated.count) updated, \(goalsUnchanged.count) unchanged, \(goalsWithoutAnswer.count) without an answer"
                + (goalsNotAccepted.isEmpty ? list(goalsWithoutAnswer) : (goalsWithoutAnswer.isEmpty ? "" : " (\(goalsWithoutAnswer.joined(separator: ", ")))")
                    + ", \(goalsNotAccepted.count) answered but not accepted" + list(goalsNotAccepted)),
            "Measures filled: \(measuresFilled.count)" + list(measuresFilled),
        ]
        lines += duplicates
        lines += conflicts.map { "Conflict: \($0)" }
        lines += problems
        return lines.joined(separator: "\n")
    }
}
