import BoardPack
import Foundation
import ReportModel

/// The report each period collects returns for, decoded once with its checker: a period's
/// report never changes, and a thousand-goal report takes a while to decode and scope. The
/// checker knows today's date (a Date completed after today is a slip), so a server that runs
/// past midnight makes a new one.
public final class PeriodReports: @unchecked Sendable {  // the cache is behind the lock
    private let lock = NSLock()
    private var checkers: [Int64: ReturnChecker] = [:]
    /// The periods' uploads as their checkers read them.
    public let checkedUploads = CheckedUploads()

    public init() {}

    /// The checker of the period's returns, as of today (its `report` is the period's report).
    public func checker(for period: PeriodRecord) throws -> ReturnChecker {
        let id = period.id!, today = Day.today
        if let known = lock.withLock({ checkers[id] }) {
            if known.today == today { return known }
            let checker = ReturnChecker(report: known.report, today: today)
            lock.withLock { checkers[id] = checker }
            return checker
        }
        let report = try ReportCoding.decode(period.report, file: "the \(period.label) report")
        let checker = ReturnChecker(report: report, today: today)
        lock.withLock { checkers[id] = checker }
        return checker
    }

    public func report(for period: PeriodRecord) throws -> Report { try checker(for: period).report }
}
