import BoardPack
import Foundation
import ReportModel

/// The receipt mailed to an agency's contacts when a return is accepted (anything in it can be
/// merged): the same facts as the receipt page (`Receipt`), the counts, and what is to look at.
public struct ReceiptMail: Sendable {
    public let upload: UploadRecord
    public let report: Report
    public let recipients: [MailMessage.Address]
    public let subject: String
    public let body: String

    /// The receipt of `upload`, or nil when it was not accepted (refused, or blank).
    public init?(upload: UploadRecord, period: PeriodRecord, report: Report, contacts: [Contact]) throws {
        guard upload.usable, upload.outcome != .blank, upload.outcome != .refused else { return nil }
        let receipt = Receipt(upload: upload, period: period, report: report)
        let result = try UploadResult.decoded(upload.result)
        self.upload = upload
        self.report = report
        recipients = contacts.compactMap { c in c.email.map { MailMessage.Address(name: c.name, email: $0) } }
        subject = "Receipt \(receipt.reference): \(receipt.agency)'s return for \(receipt.period) is received"
        var lines = [
            "The \(receipt.board) has received \(receipt.agency)'s return for \(receipt.period).", "",
            "Reference: \(receipt.reference)",
            "Received: \(receipt.receivedAt)",
            "File: \(receipt.fileName), \(receipt.size)",
            "SHA-256: \(receipt.sha256)",
            "Uploaded by: \(receipt.uploadedBy)",
            "Completed by: \(receipt.completedBy), \(receipt.dateCompleted)",
            "Result: \(receipt.outcome)",
            "Goals answered: \(upload.goalsAnswered) of \(upload.goalsOwed)",
            "Figures given: \(upload.figuresGiven) of \(upload.figuresOwed)",
        ]
        func list(_ title: String, _ problems: [UploadResult.Problem]) {
            guard !problems.isEmpty else { return }
            lines += ["", title]
            lines += problems.map { "- " + ($0.place.isEmpty ? "" : "\($0.place): ") + $0.message }
        }
        list("Must fix (these cells were not taken; correct them and upload the return again):", result.mustFix)
        list("To look at (taken; the secretariat will see these):", result.toLookAt)
        lines += [
            "", "The SHA-256 identifies the file exactly: keep this receipt with your copy of the return.",
            "Open your private link to see everything we read from it.",
        ]
        body = lines.joined(separator: "\n")
    }
}
