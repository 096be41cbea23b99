import Foundation

extension UploadRecord {
    /// Mails the upload's receipt to its agency's contacts when it was accepted and a mailer is
    /// configured. The message is made and claimed in the mail log before the page answers; it is
    /// handed to the mailer after, so a slow or failing mailer never holds up (or undoes) an
    /// upload: what came of it is in the mail log, where a failure can be retried.
    func mailingReceipt(through portal: PortalSite, address: String?) async -> UploadRecord {
        // Whether the return was accepted is ReceiptMail's to say.
        guard portal.settings.mailer.isConfigured else { return self }
        let upload = self, outbox = portal.outbox
        let claimed = try? await blocking { () -> Outbox.Claimed? in
            guard let period = try portal.store.period(upload.periodID) else { return nil }
            let report = try portal.reports.report(for: period)
            let contacts = try portal.store.contacts(as: .secretariat)[upload.agencyID] ?? []
            guard let receipt = try ReceiptMail(upload: upload, period: period, report: report, contacts: contacts) else { return nil }
            return try outbox.claimReceipt(receipt)
        }
        if let claimed = claimed ?? nil {
            Task { _ = try? await blocking { try outbox.hand(claimed, actor: "portal", address: address) } }
        }
        return self
    }
}
