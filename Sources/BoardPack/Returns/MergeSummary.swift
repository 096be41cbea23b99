import Foundation

/// What a merge did, for people (`text`) and for scripts (`Codable`, `--json`).
public struct MergeSummary: Codable, Equatable, Sendable {
    public var period: String
    public var returnsReceived = 0
    public var returnsAccepted = 0
    /// File names of accepted returns, in the order given.
    public var accepted: [String] = []
    /// Agencies asked for a return that sent none that was accepted.
    public var agenciesMissing: [String] = []
    public var goalsUpdated: [String] = []
    public var goalsUnchanged: [String] = []
    /// Goals no accepted return gave a status or update for.
    public var goalsWithoutUpdate: [String] = []
    public var measuresFilled: [String] = []
    /// Co-led goals whose agencies gave different statuses: left for the secretariat.
    public var conflicts: [String] = []
    /// Every problem, as `FILE: Sheet!CELL: message`.
    public var problems: [String] = []

    /// True when every return was accepted and nothing conflicts.
    public var isClean: Bool { returnsAccepted == returnsReceived && conflicts.isEmpty && problems.isEmpty }

    public var text: String {
        var lines = [
            "Period \(period): \(returnsReceived) returns received, \(returnsAccepted) accepted.",
            "Agencies still missing: \(agenciesMissing.isEmpty ? "none" : agenciesMissing.joined(separator: ", ")).",
            "Goals: \(goalsUpdated.count) updated, \(goalsUnchanged.count) unchanged, \(goalsWithoutUpdate.count) without an update"
                + (goalsWithoutUpdate.isEmpty ? "." : " (\(goalsWithoutUpdate.joined(separator: ", "))).")
                ,
            "Measures filled: \(measuresFilled.count)" + (measuresFilled.isEmpty ? "." : " (\(measuresFilled.joined(separator: ", ")))."),
        ]
        lines += conflicts.map { "Conflict: \($0)" }
        lines += problems
        return lines.joined(separator: "\n")
    }
}
