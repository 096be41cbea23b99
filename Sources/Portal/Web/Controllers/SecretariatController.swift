import BoardPack
import Foundation
import Hummingbird
import ReportModel

/// The secretariat's side, signed in: completeness, each agency's uploads, uploads on an
/// agency's behalf, merging, and the audit log.
struct SecretariatController {
    let portal: PortalSite
    var views: UploadViews { UploadViews(portal: portal) }
    static let auditPageSize = 100

    func addRoutes(to group: RouterGroup<PortalContext>) {
        group.get("", use: completeness)
        group.get("agencies/:agency", use: agencyUploads)
        group.post("uploads", use: uploadOnBehalf)
        group.get("uploads/:id", use: result)
        group.get("uploads/:id/receipt", use: receipt)
        group.get("uploads/:id/file", use: file)
        group.get("merge", use: mergePage)
        group.post("merge", use: merge)
        group.get("audit", use: audit)
    }

    private func chrome(_ session: SessionRecord, board: String?, current: String) -> (String) -> Chrome {
        { title in .secretariat(title, board: board, csrf: session.csrf, current: current) }
    }

    @Sendable func completeness(_ request: Request, context: PortalContext) async throws -> Response {
        let session = try context.secretariatSession()
        let (period, report) = try portal.openPeriod()
        let store = portal.store, reports = portal.reports
        let completeness = try await blocking { try Completeness.of(period, store: store, reports: reports) }
        let page = CompletenessPage.make(period: period, completeness: completeness, report: report, csrf: session.csrf, now: store.now)
        return portal.pages.response(page, template: "completeness")
    }

    @Sendable func agencyUploads(_ request: Request, context: PortalContext) async throws -> Response {
        let session = try context.secretariatSession()
        let (period, report) = try portal.openPeriod()
        guard let id = context.parameters.get("agency"), let agency = report.agencies.first(where: { $0.id == id }) else { throw PageError.notFound }
        let uploads = try portal.store.uploads(period: period.id!, agency: agency.id, as: .secretariat)
        let page = AgencyUploadsPage(
            chrome: .secretariat("\(agency.name), \(period.label)", board: report.board, csrf: session.csrf, current: "/secretariat"),
            agency: agency.name, period: period.label, uploads: uploads.map { UploadRow($0, href: "/secretariat/uploads/\($0.id!)") })
        return portal.pages.response(page, template: "agency-uploads")
    }

    /// A return that came another way (e-mail), uploaded for the agency chosen on the form.
    @Sendable func uploadOnBehalf(_ request: Request, context: PortalContext) async throws -> Response {
        let session = try context.secretariatSession()
        let (_, report) = try portal.openPeriod()
        let owing = Set(ReturnScope.all(in: report).map(\.agency.id))
        let upload = try await views.receive(
            request, context: context, session: session, source: .onBehalf,
            agency: { form in
                guard let id = form.fields["agency"], owing.contains(id) else {
                    throw PageError(.badRequest, "Choose the agency", "Choose the agency whose return this is, then upload it again.")
                }
                return id
            }, uploadedBy: { _ in "secretariat" })
        return redirect(to: "/secretariat/uploads/\(upload.id!)")
    }

    @Sendable func result(_ request: Request, context: PortalContext) async throws -> Response {
        let session = try context.secretariatSession()
        let board = try? portal.openPeriod().1.board
        return try views.result(context, as: .secretariat, chrome: chrome(session, board: board, current: "/secretariat"), base: "/secretariat/uploads",
            back: ("/secretariat", "Back to completeness"))
    }

    @Sendable func receipt(_ request: Request, context: PortalContext) async throws -> Response {
        let session = try context.secretariatSession()
        return try views.receipt(context, as: .secretariat, chrome: chrome(session, board: nil, current: "/secretariat"), base: "/secretariat/uploads")
    }

    @Sendable func file(_ request: Request, context: PortalContext) async throws -> Response {
        _ = try context.secretariatSession()
        let upload = try views.find(context, as: .secretariat)
        try portal.store.record(AuditRecord(at: portal.store.now, actor: "secretariat", action: .download, detail: "\(upload.reference): \(upload.originalName)",
            address: context.address, sha256: upload.sha256, periodID: upload.periodID, agencyID: upload.agencyID))
        return try await views.file(context, as: .secretariat)
    }

    // MARK: - Merge

    @Sendable func mergePage(_ request: Request, context: PortalContext) async throws -> Response {
        let session = try context.secretariatSession()
        let (period, report) = try portal.openPeriod()
        let latest = try portal.store.latestMerge(period: period.id!)
        let uploads = try portal.store.uploads(period: period.id!, as: .secretariat)
        var page = MergePage(
            chrome: .secretariat("Merge and download, \(period.label)", board: report.board, csrf: session.csrf, current: "/secretariat/merge"),
            period: period.label, csrf: session.csrf, merged: latest != nil, mergedAt: nil, mergeNumber: nil, returnsMerged: "", newSince: nil,
            summaryText: nil, downloads: [], returns: [], pdfAvailable: portal.settings.soffice != nil)
        if let latest {
            let summary = try JSONDecoder().decode(MergeSummary.self, from: latest.summary)
            let base = "/secretariat/downloads/\(latest.id!)"
            page.mergedAt = Shown.time(latest.at)
            page.mergeNumber = latest.id
            page.returnsMerged = Wording.plural(latest.uploads.count, "return")
            // A web form's draft is nothing to merge.
            let since = uploads.filter { !$0.isDraft && $0.id! > latest.lastUploadID }.count
            page.newSince = since == 0 ? nil : "\(Wording.plural(since, "upload")) since"
            page.summaryText = summary.text
            page.downloads = [
                .init(label: "Merged report (JSON)", href: "\(base)/merged.json", detail: "as boardpack merge writes it"),
                .init(label: "Board pack (Excel workbook)", href: "\(base)/board-pack.xlsx", detail: "as boardpack export writes it"),
            ]
            if page.pdfAvailable { page.downloads.append(.init(label: "Board pack (PDF)", href: "\(base)/board-pack.pdf", detail: "printed by LibreOffice")) }
            page.downloads.append(.init(label: "Merge summary (text)", href: "\(base)/merge-summary.txt", detail: "as boardpack merge prints it"))
        }
        let newest = try portal.store.newestUploads(period: period.id!, as: .secretariat).newest
        page.returns = ReturnScope.all(in: report).compactMap { scope in
            newest[scope.agency.id].map { upload in
                .init(label: scope.agency.name, href: "/secretariat/uploads/\(upload.id!)/file",
                    detail: "\(upload.originalName), \(upload.reference), \(OutcomeWording.label(upload.outcome).lowercased())")
            }
        }
        return portal.pages.response(page, template: "merge")
    }

    @Sendable func merge(_ request: Request, context: PortalContext) async throws -> Response {
        _ = try context.secretariatSession()
        let (period, _) = try portal.openPeriod()
        let store = portal.store, reports = portal.reports, address = context.address
        _ = try await blocking {
            let merged = try PeriodMerge.of(period, store: store, reports: reports)
            let record = MergeRecord(
                id: nil, periodID: period.id!, at: store.now, actor: "secretariat", uploadIDs: merged.uploads.map { String($0.id!) }.joined(separator: ","), lastUploadID: merged.lastUploadID,
                sha256: "", summary: try ReportCoding.canonicalEncoder().encode(merged.summary))
            return try store.addMerge(merged.json, record, address: address)
        }
        return redirect(to: "/secretariat/merge")
    }

    // MARK: - Audit log

    @Sendable func audit(_ request: Request, context: PortalContext) async throws -> Response {
        let session = try context.secretariatSession()
        let board = try? portal.openPeriod().1.board
        let page = max(1, request.uri.queryParameters.get("page", as: Int.self) ?? 1)
        let (entries, total) = try portal.store.auditLog(limit: Self.auditPageSize, offset: (page - 1) * Self.auditPageSize)
        let pages = max(1, (total + Self.auditPageSize - 1) / Self.auditPageSize)
        let shown = AuditPage(
            chrome: .secretariat("Audit log", board: board, csrf: session.csrf, current: "/secretariat/audit"),
            entries: entries.map { entry in
                AuditPage.Entry(at: Shown.time(entry.at), actor: entry.actor, action: entry.action.rawValue, detail: entry.detail,
                    address: entry.address ?? "", sha256: entry.sha256, agency: entry.agencyID)
            },
            page: page, pages: pages, newerHref: page > 1 ? "/secretariat/audit?page=\(page - 1)" : nil,
            olderHref: page < pages ? "/secretariat/audit?page=\(page + 1)" : nil)
        return portal.pages.response(shown, template: "audit")
    }
}
