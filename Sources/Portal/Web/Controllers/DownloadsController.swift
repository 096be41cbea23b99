import BoardPack
import Foundation
import Hummingbird
import ReportModel

/// What a merge makes, for the secretariat: the merged report, the board pack (.xlsx, and .pdf
/// where LibreOffice is installed) and the merge summary. Each address names its merge, so a
/// download always matches the merge the page showed. Every download is in the audit log.
struct DownloadsController {
    let portal: PortalSite

    func addRoutes(to group: RouterGroup<PortalContext>) {
        group.get(":merge/merged.json", use: mergedReport)
        group.get(":merge/board-pack.xlsx", use: boardPack)
        group.get(":merge/board-pack.pdf", use: boardPackPDF)
        group.get(":merge/merge-summary.txt", use: summary)
    }

    private func merge(_ context: PortalContext, what: String) throws -> (MergeRecord, PeriodRecord) {
        _ = try context.secretariatSession()
        guard let merge = try portal.store.merge(try context.id("merge")), let period = try portal.store.period(merge.periodID) else {
            throw PageError.notFound
        }
        try portal.store.record(AuditRecord(at: portal.store.now, actor: "secretariat", action: .download, detail: "\(what) of merge \(merge.id!)",
            address: context.address, sha256: merge.sha256, periodID: merge.periodID))
        return (merge, period)
    }

    private func name(_ period: PeriodRecord, _ what: String) -> String {
        "\(period.reportID)-\(what)"
    }

    @Sendable func mergedReport(_ request: Request, context: PortalContext) async throws -> Response {
        let (merge, period) = try self.merge(context, what: "merged report")
        let bytes = try await blocking { try portal.store.merged.read(merge.sha256) }
        return attachment(bytes, name: name(period, "merged.json"), type: "application/json")
    }

    @Sendable func summary(_ request: Request, context: PortalContext) async throws -> Response {
        let (merge, period) = try self.merge(context, what: "merge summary")
        let summary = try JSONDecoder().decode(MergeSummary.self, from: merge.summary)
        return attachment(Array((summary.text + "\n").utf8), name: name(period, "merge-summary.txt"), type: "text/plain; charset=utf-8")
    }

    @Sendable func boardPack(_ request: Request, context: PortalContext) async throws -> Response {
        let (merge, period) = try self.merge(context, what: "board pack (.xlsx)")
        let bytes = try await export(merge, as: "board-pack.xlsx") { exporter, url in try exporter.write(to: url) }
        return attachment(bytes, name: name(period, "board-pack.xlsx"), type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    }

    @Sendable func boardPackPDF(_ request: Request, context: PortalContext) async throws -> Response {
        guard portal.settings.soffice != nil else {
            throw PageError(.notFound, "No PDF here", "The board pack is printed to PDF by LibreOffice, which is not installed where the portal runs. Download the workbook instead.")
        }
        let (merge, period) = try self.merge(context, what: "board pack (.pdf)")
        let bytes = try await export(merge, as: "board-pack.pdf") { exporter, url in try exporter.writePDF(to: url) }
        return attachment(bytes, name: name(period, "board-pack.pdf"), type: "application/pdf")
    }

    /// The board pack of the merged report, made by the same exporter as `boardpack export`
    /// in a private temporary folder that is removed at once.
    private func export(_ merge: MergeRecord, as file: String, _ write: @escaping @Sendable (BoardPackExporter, URL) throws -> Void) async throws -> [UInt8] {
        let store = portal.store
        return try await blocking {
            let json = try store.merged.read(merge.sha256)
            let report = try ReportCoding.decode(Data(json), file: "merge \(merge.id!)")
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("boardpack-portal-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            defer { try? FileManager.default.removeItem(at: folder) }
            let url = folder.appendingPathComponent(file)
            do {
                try write(BoardPackExporter(report: report), url)
            } catch let problems as ReportProblems {
                // What boardpack export would refuse (a report no return has dated, say), in its words.
                throw PageError(.unprocessableContent, "The board pack cannot be made", problems.description)
            }
            return [UInt8](try Data(contentsOf: url))
        }
    }
}
