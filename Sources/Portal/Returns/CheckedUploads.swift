import BoardPack
import Foundation
import ReportModel

/// Each upload as the checker read it, kept: an upload never changes, so a page that merges the
/// period (completeness, the merge, reminders) checks only what arrived since it last looked,
/// not every return again (a thousand returns took over a second a page). Kept for the checker's
/// day only: a Date completed after today is judged against today.
public final class CheckedUploads: @unchecked Sendable {  // the cache is behind the lock
    private let lock = NSLock()
    private var day: Day?
    private var known: [Int64: CheckedReturn] = [:]

    public init() {}

    /// The upload as `checker` reads it; `bytes` reads its file, only when it was not read yet today.
    public func checked(_ upload: UploadRecord, by checker: ReturnChecker, bytes: () throws -> [UInt8]) throws -> CheckedReturn {
        let id = upload.id!, today = checker.today
        if let hit = lock.withLock({ day == today ? known[id] : nil }) { return hit }
        let checked = checker.check(OpenedReturn(bytes: try bytes(), name: upload.originalName, path: upload.originalName), from: upload.agencyID)
        lock.withLock {
            if day != today { (day, known) = (today, [:]) }
            known[id] = checked
        }
        return checked
    }
}
