import ArgumentParser
import Portal
import ReportModel

/// How mail leaves, for `serve` and `remind`: the same options, read the same way.
struct MailOptions: ParsableArguments {
    @Option(help: "A sendmail-compatible command that reads a message on its input (default \"\(Mailer.standardCommand)\" when installed; none: show messages to copy instead).")
    var sendmail: String?

    @Option(help: "The sender's address (default: the report's contact's e-mail).")
    var from: String?

    func mailer() throws -> Mailer { try Mailer(sendmail) }

    func sender() throws -> MailMessage.Address? {
        guard let from else { return nil }
        guard ContactRules.isAddress(from) else { throw ValidationError("--from \(from) is not an e-mail address (name@example.org)") }
        return MailMessage.Address(email: from)
    }
}
