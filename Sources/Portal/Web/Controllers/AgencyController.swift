import BoardPack
import Foundation
import Hummingbird
import ReportModel

/// The agency's side, through its link's session: its page, its blank return, its uploads.
/// Every query is for the session's agency and period (`Viewer.agency`).
struct AgencyController {
    let portal: PortalSite
    var views: UploadViews { UploadViews(portal: portal) }

    func addRoutes(to group: RouterGroup<PortalContext>) {
        group.get("", use: page)
        group.get("return.xlsx", use: blankReturn)
        group.post("uploads", use: upload)
        group.get("uploads/:id", use: result)
        group.get("uploads/:id/receipt", use: receipt)
        group.get("uploads/:id/file", use: file)
    }

    private func chrome(_ context: PortalContext) throws -> (String) -> Chrome {
        let (session, agency, period) = try context.agencySession()
        let report = try portal.period(period).1
        let name = report.agency(agency)?.name ?? agency
        return { title in .agency(title, board: report.board, agency: name, csrf: session.csrf) }
    }

    @Sendable func page(_ request: Request, context: PortalContext) async throws -> Response {
        let (session, agency, periodID) = try context.agencySession()
        let (period, report) = try portal.period(periodID)
        let uploads = try portal.store.uploads(period: periodID, agency: agency, as: .agency(id: agency, period: periodID))
        let extensionUntil = try portal.store.extensions(period: periodID)[agency]
        let page = AgencyPage.make(
            period: period, report: report, agencyID: agency, uploads: uploads, csrf: session.csrf, now: portal.store.now, extensionUntil: extensionUntil)
        return portal.pages.response(page, template: "agency")
    }

    /// The agency's blank return, made as `boardpack returns` makes it.
    @Sendable func blankReturn(_ request: Request, context: PortalContext) async throws -> Response {
        let (_, agency, periodID) = try context.agencySession()
        let (period, report) = try portal.period(periodID)
        guard let scope = ReturnScope.all(in: report, only: agency) else { throw PageError.notFound }
        let deadline = period.due.flatMap(Deadline.init)?.wording
        let bytes = try await blocking { try BlankReturn.bytes(report: report, scope: scope, deadline: deadline) }
        return attachment(bytes, name: scope.fileName, type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    }

    @Sendable func upload(_ request: Request, context: PortalContext) async throws -> Response {
        let (session, agency, _) = try context.agencySession()
        let report = try portal.period(session.periodID!).1
        let name = report.agency(agency)?.name ?? agency
        let upload = try await views.receive(request, context: context, session: session, source: .upload, agency: { _ in agency }, uploadedBy: { _ in "\(name) (link)" })
        return redirect(to: "/agency/uploads/\(upload.id!)")
    }

    @Sendable func result(_ request: Request, context: PortalContext) async throws -> Response {
        let (_, agency, period) = try context.agencySession()
        return try views.result(context, as: .agency(id: agency, period: period), chrome: try chrome(context), base: "/agency/uploads", back: ("/agency", "Back to your return"))
    }

    @Sendable func receipt(_ request: Request, context: PortalContext) async throws -> Response {
        let (_, agency, period) = try context.agencySession()
        return try views.receipt(context, as: .agency(id: agency, period: period), chrome: try chrome(context), base: "/agency/uploads")
    }

    @Sendable func file(_ request: Request, context: PortalContext) async throws -> Response {
        let (_, agency, period) = try context.agencySession()
        return try await views.file(context, as: .agency(id: agency, period: period))
    }
}

/// A blank return's bytes: `ReturnTemplate` writes files, so it writes one in a private
/// temporary folder that is removed at once.
enum BlankReturn {
    static func bytes(report: Report, scope: ReturnScope, deadline: String?) throws -> [UInt8] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("boardpack-portal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(scope.fileName)
        try ReturnTemplate(report: report, scope: scope, deadline: deadline).write(to: file)
        return [UInt8](try Data(contentsOf: file))
    }
}
