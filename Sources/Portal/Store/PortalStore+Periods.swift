import BoardPack
import Foundation
import GRDB

/// A period to open: the report it collects returns for, and the agencies that owe one.
public struct NewPeriod: Sendable {
    public var label: String
    public var reportID: String
    public var report: Data
    public var due: String?
    /// The last day agencies may upload (ISO), when one was given.
    public var closes: String?
    public var contact: String?
    /// The agencies asked for a return (`ReturnScope.all`), by id: each gets a link.
    public var agencies: [String]

    public init(label: String, reportID: String, report: Data, due: String?, closes: String? = nil, contact: String?, agencies: [String]) {
        self.closes = closes
        self.label = label
        self.reportID = reportID
        self.report = report
        self.due = due
        self.contact = contact
        self.agencies = agencies
    }
}

extension PortalStore {
    /// The period open for returns, if any.
    public func openPeriod() throws -> PeriodRecord? {
        try database.read { db in try PeriodRecord.filter(Column("closedAt") == nil).order(Column("id").desc).fetchOne(db) }
    }

    public func period(_ id: Int64) throws -> PeriodRecord? {
        try database.read { db in try PeriodRecord.fetchOne(db, key: id) }
    }

    /// Every period, the newest first.
    public func periods() throws -> [PeriodRecord] {
        try database.read { db in try PeriodRecord.order(Column("id").desc).fetchAll(db) }
    }

    /// Opens the first period, with a link for each agency. Refused when one is open already.
    public func openFirstPeriod(_ new: NewPeriod, actor: String) throws -> (PeriodRecord, [LinkRecord]) {
        try database.write { db in
            if let open = try PeriodRecord.filter(Column("closedAt") == nil).fetchOne(db) {
                throw DataFolderProblem("\(folder.url.path): the period \(open.label) is open already; start the next one with boardpack portal next")
            }
            return try open(new, actor: actor, in: db)
        }
    }

    /// Closes `current` and opens `new` in one transaction: the old links stop working the moment
    /// the new ones exist, and a crash leaves either the old period open or the new one.
    public func rollOver(from current: PeriodRecord, to new: NewPeriod, actor: String) throws -> (PeriodRecord, [LinkRecord]) {
        try database.write { db in
            guard var old = try PeriodRecord.fetchOne(db, key: current.id), old.isOpen else {
                throw DataFolderProblem("the period \(current.label) is not open any more")
            }
            old.closedAt = now
            try old.update(db)
            try record(AuditRecord(at: now, actor: actor, action: .periodClosed, detail: old.label, sha256: old.reportSHA256, periodID: old.id), in: db)
            return try open(new, actor: actor, in: db)
        }
    }

    private func open(_ new: NewPeriod, actor: String, in db: Database) throws -> (PeriodRecord, [LinkRecord]) {
        var period = PeriodRecord(
            id: nil, label: new.label, reportID: new.reportID, report: new.report, reportSHA256: SHA256.hex(Array(new.report)),
            due: new.due, contact: new.contact, openedAt: now, closedAt: nil, opens: nil, closes: new.closes)
        try period.insert(db)
        let detail = new.label + (new.due.map { ", due \($0)" } ?? "") + (new.closes.map { ", closes \($0)" } ?? "")
        try record(AuditRecord(at: now, actor: actor, action: .periodOpened, detail: detail, sha256: period.reportSHA256, periodID: period.id), in: db)
        var links: [LinkRecord] = []
        for agency in new.agencies {
            links.append(try issueLink(period: period.id!, agency: agency, generation: 1, actor: actor, action: .linkIssued, in: db))
        }
        return (period, links)
    }
}
