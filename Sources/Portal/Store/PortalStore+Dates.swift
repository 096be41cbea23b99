import BoardPack
import Foundation
import GRDB

/// An agency's upload refused because the period has closed for it (no extension reaches today).
public struct PeriodClosedForAgency: Error, CustomStringConvertible, Sendable {
    public let period: String
    public let closes: Day
    public var description: String { "The period \(period) closed on \(Deadline(day: closes).wording); returns are no longer taken. Ask the secretariat for an extension." }
}

extension PortalStore {
    /// Changes the period's dates (each checked by `PeriodDates`), with a line in the audit log.
    public func setDates(period id: Int64, _ dates: PeriodDates, actor: String, address: String?) throws {
        try database.write { db in
            guard var period = try PeriodRecord.fetchOne(db, key: id) else { throw DataFolderProblem("no period \(id)") }
            period.opens = dates.opens?.description
            period.due = dates.due?.description
            period.closes = dates.closes?.description
            try period.update(db)
            let said = [("opens", dates.opens), ("due", dates.due), ("closes", dates.closes)].map { "\($0) \($1?.description ?? "not set")" }
            try record(AuditRecord(at: now, actor: actor, action: .datesChanged, detail: "\(period.label): " + said.joined(separator: ", "), address: address, periodID: id), in: db)
        }
    }

    /// Gives an agency until `until` (inclusive) to upload after the period closes; a second
    /// extension replaces the first. Recorded in the audit log.
    public func giveExtension(period: Int64, agency: String, until: Day, actor: String, address: String?) throws {
        try database.write { db in
            try db.execute(
                sql: "INSERT INTO extension (periodID, agencyID, until, grantedAt) VALUES (?, ?, ?, ?) ON CONFLICT(periodID, agencyID) DO UPDATE SET until = excluded.until, grantedAt = excluded.grantedAt",
                arguments: [period, agency, until.description, now])
            try record(AuditRecord(at: now, actor: actor, action: .extensionGiven, detail: "until \(until)", address: address, periodID: period, agencyID: agency), in: db)
        }
    }

    /// Each agency's extension in the period, by agency id.
    public func extensions(period: Int64) throws -> [String: Day] {
        try database.read { db in try extensions(period: period, in: db) }
    }

    func extensions(period: Int64, in db: Database) throws -> [String: Day] {
        let rows = try Row.fetchAll(db, sql: "SELECT agencyID, until FROM extension WHERE periodID = ?", arguments: [period])
        return Dictionary(rows.compactMap { row in Day(reading: row["until"] as String).map { (row["agencyID"] as String, $0) } }, uniquingKeysWith: { a, _ in a })
    }

    /// Whether the agency may upload now: the period is open and has not closed for it.
    public func accepting(period: PeriodRecord, agency: String) throws -> Bool {
        try database.read { db in try closedFor(period: period, agency: agency, in: db) == nil }
    }

    /// The day the period closed for the agency, when it has (checked in the upload's transaction).
    func closedFor(period: PeriodRecord, agency: String, in db: Database) throws -> Day? {
        let dates = PeriodDates(period)
        guard let closes = dates.closes else { return nil }
        let extended = try extensions(period: period.id!, in: db)[agency]
        return dates.accepting(on: BoardDate.day(at: now), extensionUntil: extended) ? nil : max(closes, extended ?? closes)
    }
}
