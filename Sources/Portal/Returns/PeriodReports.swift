import BoardPack
import Foundation
import ReportModel

/// The report each period collects returns for, decoded once with its checker: a period's
/// report never changes, and a thousand-goal report takes a while to decode and scope.
public final class PeriodReports: @unchecked Sendable {  // the cache is behind the lock
    private let lock = NSLock()
    private var checkers: [Int64: ReturnChecker] = [:]

    public init() {}

    /// The checker of the period's returns (its `report` is the period's report).
    public func checker(for period: PeriodRecord) throws -> ReturnChecker {
        let id = period.id!
        if let known = lock.withLock({ checkers[id] }) { return known }
        let report = try ReportCoding.decode(period.report, file: "the \(period.label) report")
        let checker = ReturnChecker(report: report)
        lock.withLock { checkers[id] = checker }
        return checker
    }

    public func report(for period: PeriodRecord) throws -> Report { try checker(for: period).report }
}
