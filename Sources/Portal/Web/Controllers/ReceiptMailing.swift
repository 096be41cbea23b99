import Foundation

extension UploadRecord {
    /// Mails the upload's receipt to its agency's contacts when it was accepted and a mailer is
    /// configured, after the page has its answer: a slow or failing mailer never holds up (or
    /// undoes) an upload; what came of the mail is in the mail log, where a failure can be retried.
    func mailingReceipt(through portal: PortalSite, address: String?) -> UploadRecord {
        guard portal.settings.mailer.isConfigured, usable else { return self }
        let upload = self
        Task {
            try? await blocking {
                guard let period = try portal.store.period(upload.periodID) else { return }
                let report = try portal.reports.report(for: period)
                let contacts = try portal.store.contacts(as: .secretariat)[upload.agencyID] ?? []
                guard let receipt = try ReceiptMail(upload: upload, period: period, report: report, contacts: contacts) else { return }
                try portal.outbox.sendReceipt(receipt, actor: "portal", address: address)
            }
        }
        return self
    }
}
