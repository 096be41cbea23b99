import BoardPack
import Foundation
import ReportModel

/// What an agency still owes this period, read off the same merge `boardpack merge` makes of
/// the newest usable uploads (`PeriodMerge`): nothing counted here is counted a second way.
/// An agency owes its whole return when the merge lists it missing (nothing received, only
/// refused or blank uploads); otherwise the goals of its return the merge's summary lists
/// without an answer or not accepted, and the figures its merged return's check found missing
/// (so "tbc" is an answer, as the checker and merge count it).
public struct Owed: Sendable {
    public var agency: Agency
    /// Nothing of the agency's was merged: it owes the whole return.
    public var nothingReceived: Bool
    public var goals: [Goal]
    public var measures: [Measure]

    public var isEmpty: Bool { !nothingReceived && goals.isEmpty && measures.isEmpty }

    /// Every agency asked for a return that still owes something, in the report's order.
    public static func of(_ merge: PeriodMerge, report: Report) -> [Owed] {
        let summary = merge.summary
        let missing = Set(summary.agenciesMissing)
        let goalsOwed = Set(summary.goalsWithoutAnswer + summary.goalsNotAccepted)
        let figuresMissing = Dictionary(merge.checked.compactMap { r in r.agency.map { ($0.id, Set(r.figuresMissing)) } }, uniquingKeysWith: { a, _ in a })
        return ReturnScope.all(in: report).compactMap { scope in
            let nothing = missing.contains(scope.agency.name)
            let owed = Owed(
                agency: scope.agency, nothingReceived: nothing,
                goals: scope.goals.map(\.goal).filter { nothing || goalsOwed.contains($0.id) },
                measures: scope.measures.map(\.measure).filter { nothing || figuresMissing[scope.agency.id]?.contains($0.id) == true })
            return owed.isEmpty ? nil : owed
        }
    }
}
