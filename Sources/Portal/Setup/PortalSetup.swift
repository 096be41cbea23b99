import BoardPack
import Foundation
import ReportModel
import XLSXReader

/// The secretariat's operations on a data folder, for `boardpack portal init|links|next|export`:
/// the command line only parses and prints.
public enum PortalSetup {
    static let actor = "command line"

    /// Sets up a portal: the store, the report's period open for returns, a link for each agency
    /// that owes a return (as `boardpack returns` decides), and a one-time secretariat link.
    public static func initialise(
        report file: String, data: DataFolder, due: String?, closes: String? = nil, contact: String?, baseURL: BaseURL?,
        clock: @escaping @Sendable () -> Date = Date.init
    ) throws -> IssuedLinks {
        let url = URL(fileURLWithPath: file)
        let report = try ReportCoding.load(contentsOf: url)
        // Kept as given: its SHA-256 in the audit log is the file the secretariat holds.
        let bytes = try Data(contentsOf: url)
        let period = try newPeriod(report, json: bytes, due: due, closes: closes, contact: contact, file: file)
        let store = try PortalStore.create(data, clock: clock)
        if let baseURL { try store.setBaseURL(baseURL.text) }
        let (opened, links) = try store.openFirstPeriod(period, actor: actor)
        try store.addContacts(from: report, actor: actor)
        var issued = try describe(links, of: opened, in: store)
        issued.secretariat = try BaseURL(store.baseURL()).setupLink(try store.issueSetupLink(actor: actor))
        return issued
    }

    /// The links that work now in the open period (all, or one agency's); `rotate` first replaces
    /// them, so the old ones stop working at once; `secretariat` adds a new one-time link.
    /// - Parameter base: the address the links are printed with (default: the data folder's, as
    ///   `init --base-url` set it); `serve --base-url` gives its own.
    public static func links(store: PortalStore, agency: String?, rotate: Bool, secretariat: Bool, base: BaseURL? = nil) throws -> IssuedLinks {
        let period = try openPeriod(store)
        let report = try ReportCoding.decode(period.report, file: "the \(period.label) report")
        var agencies = try store.currentLinks(period: period.id!).map(\.agencyID)
        if let agency {
            let scopes = try ReturnScope.all(in: report, only: agency, file: "the \(period.label) report")
            agencies = scopes.map(\.agency.id)
        }
        if rotate { _ = try store.rotateLinks(period: period.id!, agencies: agencies, actor: actor) }
        let chosen = Set(agencies)
        var issued = try describe(try store.currentLinks(period: period.id!).filter { chosen.contains($0.agencyID) }, of: period, in: store, base: base)
        if secretariat { issued.secretariat = try BaseURL(store.baseURL()).setupLink(try store.issueSetupLink(actor: actor)) }
        return issued
    }

    /// Closes the open period and opens the next: the merged report of the period's newest
    /// usable uploads, rolled over by the same rules as `boardpack next`, with new links.
    public static func next(
        store: PortalStore, reports: PeriodReports, period label: String, kind: Period.Kind? = nil, planRefresh: String?, due: String?,
        closes: String? = nil, contact: String?
    ) throws -> (closed: PeriodRecord, opened: PeriodRecord, links: IssuedLinks) {
        let current = try openPeriod(store)
        let merged = try PeriodMerge.of(current, store: store, reports: reports)
        let refresh = try planRefresh.map { (try ReportCoding.load(contentsOf: URL(fileURLWithPath: $0)), $0) }
        let next = try Rollover(report: merged.report, file: "the merged \(current.label) report", planRefresh: refresh)
            .validNext(Period(guessing: label, kind: kind), output: "the \(label) report")
        let period = try newPeriod(next, json: try ReportCoding.encode(next), due: due, closes: closes, contact: contact ?? current.contact, file: "the \(label) report")
        let (opened, links) = try store.rollOver(from: current, to: period, actor: actor)
        try store.addContacts(from: next, actor: actor)
        return (current, opened, try describe(links, of: opened, in: store))
    }

    /// Writes the open period's merged report (as `boardpack merge` would) to `output`.
    /// - Throws: `WorkbookProblems` when `output` may not be written (see `OutputGuard`), or is
    ///   inside the data folder, whose files the portal alone writes.
    public static func export(store: PortalStore, reports: PeriodReports, to output: String) throws -> PeriodMerge {
        let target = try OutputGuard.target(output, writing: .report, inputs: [store.folder.database.path, store.folder.secret.path])
        let folder = store.folder.url.resolvingSymlinksInPath().path + "/"
        if target.resolvingSymlinksInPath().path.hasPrefix(folder) {
            throw WorkbookProblems([WorkbookProblem(Place(file: output), "is inside the portal's data folder, which only the portal writes; write the report elsewhere")])
        }
        let period = try openPeriod(store)
        let merged = try PeriodMerge.of(period, store: store, reports: reports)
        try AtomicFile.write(merged.json, to: target)
        try store.record(AuditRecord(
            at: store.now, actor: actor, action: .export, detail: "merged report of \(Wording.plural(merged.uploads.count, "return")) to \(target.lastPathComponent)",
            sha256: SHA256.hex(Array(merged.json)), periodID: period.id))
        return merged
    }

    // MARK: -

    static func openPeriod(_ store: PortalStore) throws -> PeriodRecord {
        guard let period = try store.openPeriod() else {
            throw DataFolderProblem("\(store.folder.url.path): no period is open for returns")
        }
        return period
    }

    private static func newPeriod(_ report: Report, json: Data, due: String?, closes: String?, contact: String?, file: String) throws -> NewPeriod {
        let dates: PeriodDates
        do {
            dates = try PeriodDates.reading(opens: nil, due: due, closes: closes, names: ("--opens", "--due", "--closes"))
        } catch let problem as DatesProblem {
            throw DataFolderProblem(problem.description)
        }
        let agencies = ReturnScope.all(in: report).map(\.agency.id)
        guard !agencies.isEmpty else {
            throw DataFolderProblem("\(file): no agency leads a goal or supplies a figure, so nobody owes a return")
        }
        return NewPeriod(
            label: report.period.label, reportID: report.id, report: json, due: dates.due?.description, closes: dates.closes?.description, contact: contact,
            agencies: agencies)
    }

    private static func describe(_ links: [LinkRecord], of period: PeriodRecord, in store: PortalStore, base: BaseURL? = nil) throws -> IssuedLinks {
        let report = try ReportCoding.decode(period.report, file: "the \(period.label) report")
        let base = try base ?? BaseURL(store.baseURL())
        let names = Dictionary(report.agencies.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        return IssuedLinks(
            secretariat: nil,
            agencies: links.map { .init(agency: names[$0.agencyID] ?? $0.agencyID, id: $0.agencyID, url: base.agencyLink(store.token(of: $0))) })
    }
}
