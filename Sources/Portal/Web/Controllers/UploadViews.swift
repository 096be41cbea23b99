import BoardPack
import Foundation
import Hummingbird

/// An upload's pages (result, receipt, file), for whoever may see it: the store answers with
/// nothing when the viewer may not, and that is the same 404 as an upload that does not exist.
struct UploadViews {
    let portal: PortalSite

    func find(_ context: PortalContext, as viewer: Viewer) throws -> UploadRecord {
        guard let upload = try portal.store.upload(try context.id(), as: viewer) else { throw PageError.notFound }
        return upload
    }

    func result(_ context: PortalContext, as viewer: Viewer, chrome: (String) -> Chrome, base: String, back: (href: String, label: String)) throws -> Response {
        let upload = try find(context, as: viewer)
        let (period, report) = try portal.period(upload.periodID)
        let page = try UploadPage.make(
            upload: upload, period: period, report: report, chrome: chrome("Upload \(upload.reference)"), base: "\(base)/\(upload.id!)",
            backHref: back.href, backLabel: back.label)
        return portal.pages.response(page, template: "upload")
    }

    func receipt(_ context: PortalContext, as viewer: Viewer, chrome: (String) -> Chrome, base: String) throws -> Response {
        let upload = try find(context, as: viewer)
        let (period, report) = try portal.period(upload.periodID)
        var shownChrome = chrome("Receipt \(upload.reference)")
        shownChrome.printable = true
        let page = ReceiptPage(chrome: shownChrome, receipt: Receipt(upload: upload, period: period, report: report), backHref: "\(base)/\(upload.id!)")
        return portal.pages.response(page, template: "receipt")
    }

    func file(_ context: PortalContext, as viewer: Viewer) async throws -> Response {
        let upload = try find(context, as: viewer)
        let bytes = try await blocking { try portal.store.uploads.read(upload.sha256) }
        return attachment(bytes, name: upload.originalName, type: "application/octet-stream")
    }

    /// Reads an upload form, checks the file as `agency`'s return and keeps it: the file, then
    /// its row. The session has been checked before this reads a byte of the body.
    func receive(
        _ request: Request, context: PortalContext, session: SessionRecord, source: UploadSource, agency: (UploadForm) throws -> String,
        uploadedBy: (String) -> String
    ) async throws -> UploadRecord {
        guard let period = try portal.store.openPeriod() else {
            throw PageError(.conflict, "The period is closed", "Returns are no longer taken for this period.")
        }
        let form = try await UploadReader.read(request, largestFile: portal.settings.largestFile, csrf: session.csrf)
        let agencyID = try agency(form)
        let checker = try portal.reports.checker(for: period)
        let name = form.fileName ?? "return.xlsx"
        let by = uploadedBy(agencyID)
        let store = portal.store, address = context.address, file = form.file
        let upload = try await blocking {
            let record = UploadCheck.check(
                file, name: name, agency: agencyID, period: period, checker: checker, source: source, uploadedBy: by, address: address,
                at: store.now)
            return try store.addUpload(file, record)
        }
        return await upload.mailingReceipt(through: portal, address: context.address)
    }
}
