import ChildProcess
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// How mail leaves: a sendmail-compatible command (`/usr/sbin/sendmail -t -oi` unless told;
/// Debian's msmtp-mta, Postfix or Exim provide one), which reads the message on its standard
/// input and takes the recipients from its To: header. Without one, the portal shows each
/// message ready to copy instead.
public struct Mailer: Sendable, Equatable {
    public static let standardCommand = "/usr/sbin/sendmail -t -oi"

    /// The command's words; nil when there is no mailer.
    public let command: [String]?

    /// The mailer `--sendmail` names: "none" for none; nil for the standard command when it is
    /// installed (else none).
    public init(_ given: String?) throws {
        let text = given ?? Self.standardCommand
        if text.trimmingCharacters(in: .whitespaces).lowercased() == "none" {
            command = nil
            return
        }
        let words = try Self.words(text)
        guard let program = words.first else { throw DataFolderProblem("--sendmail is empty; give a command, e.g. \"\(Self.standardCommand)\", or none") }
        if given == nil && access(program, X_OK) != 0 {
            command = nil
            return
        }
        command = words
    }

    public static let none = try! Mailer("none")

    public var isConfigured: Bool { command != nil }

    /// "/usr/sbin/sendmail -t -oi", or "none".
    public var text: String { command?.joined(separator: " ") ?? "none" }

    /// Hands the message over; throws `MailerFailure` with the command's own words when it
    /// cannot start, exits non-zero, or is still running after `timeout` seconds (then killed).
    public func hand(_ message: MailMessage, timeout: Double = 60) throws {
        guard let command else { throw MailerFailure(reason: "no mailer is configured (serve --sendmail)") }
        // A mailer that exits before reading the message must not take the portal with it.
        signal(SIGPIPE, SIG_IGN)
        let child: ChildProcess
        do {
            child = try ChildProcess(command[0], Array(command.dropFirst()), keepingInputOpen: true)
        } catch let failure as ProcessFailure {
            throw MailerFailure(reason: failure.standardError)
        }
        var bytes = Array(message.rfc5322.utf8)[...]
        var writeError: String?
        while !bytes.isEmpty, let input = child.input {
            let n = bytes.withUnsafeBytes { write(input, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                writeError = String(cString: strerror(errno))
                break
            }
            bytes = bytes.dropFirst(n)
        }
        child.closeInput()
        guard let (out, err) = child.readToEnd(seconds: timeout) else {
            child.killGroup(SIGKILL)
            child.waitForExit()
            throw MailerFailure(reason: "\(text) was still running after \(Int(timeout)) s and was stopped")
        }
        let status = child.waitForExit()
        let said = (String(decoding: err, as: UTF8.self) + String(decoding: out, as: UTF8.self)).trimmingCharacters(in: .whitespacesAndNewlines)
        guard status == 0 else {
            throw MailerFailure(reason: "\(command[0]) exited \(status)" + (said.isEmpty ? "" : ": \(said)"))
        }
        if let writeError { throw MailerFailure(reason: "\(command[0]) did not read the message (\(writeError))") }
    }

    /// A command's words: split at spaces, with "double" or 'single' quotes around a word with spaces.
    static func words(_ text: String) throws -> [String] {
        var words: [String] = [], word = "", quote: Character?, inWord = false
        for c in text {
            if let q = quote {
                if c == q { quote = nil } else { word.append(c) }
            } else if c == "\"" || c == "'" {
                quote = c
                inWord = true
            } else if c == " " || c == "\t" {
                if inWord { words.append(word) }
                word = ""
                inWord = false
            } else {
                word.append(c)
                inWord = true
            }
        }
        guard quote == nil else { throw DataFolderProblem("--sendmail \(text): a quote is not closed") }
        if inWord { words.append(word) }
        return words
    }
}

/// A message the mailer did not take, in the mailer's words.
public struct MailerFailure: Error, CustomStringConvertible, Sendable {
    public let reason: String
    public var description: String { reason }
}
