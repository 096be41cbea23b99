import ChildProcess
import Foundation
import TestSupport

#if canImport(Glibc)
import Glibc
#endif

/// A real SMTP server for mail tests: aiosmtpd (Scripts/smtp_sink.py) on a free port of
/// 127.0.0.1, in a process group of its own, keeping each message it accepts as a file. Ended
/// with its whole group when the last reference goes, so no server outlives its test.
final class SMTPSink: @unchecked Sendable {
    let process: ChildProcess
    let port: Int
    let folder: URL

    init(folder: URL) throws {
        self.folder = folder
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        process = try ChildProcess("/usr/bin/env", ["python3", PortalFixture.scripts.appendingPathComponent("smtp_sink.py").path, folder.path])
        let line = try PortalServer.firstLine(of: process, timeout: 30)
        guard let port = Int(line.trimmingCharacters(in: .whitespaces)) else {
            process.killGroup(SIGKILL)
            throw PortalTestError("smtp_sink.py said: \(line)")
        }
        self.port = port
    }

    deinit {
        process.killGroup(SIGTERM)
        if process.waitForExit(seconds: 10) == nil {
            process.killGroup(SIGKILL)
            process.waitForExit()
        }
    }

    /// msmtp as the portal's sendmail command, talking SMTP to this server (no config file read).
    func sendmail(from: String) -> String {
        "/usr/bin/msmtp --file=/dev/null --host=127.0.0.1 --port=\(port) --auth=off --tls=off --from=\(from) -t -oi"
    }

    /// Every message received so far, oldest first, parsed by Python's email package.
    func messages() throws -> [ParsedMail] {
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".eml") }.sorted()
        guard !files.isEmpty else { return [] }
        let json = try run("/usr/bin/env", ["python3", PortalFixture.scripts.appendingPathComponent("parse_mail.py").path] + files.map { folder.appendingPathComponent($0).path })
        return try JSONDecoder().decode([ParsedMail].self, from: json)
    }
}

/// A message as Python's email package reads it (Scripts/parse_mail.py).
struct ParsedMail: Decodable {
    var file: String
    var subject: String
    var from: String
    var to: [String]
    var toNames: [String]
    var date: String?
    var messageID: String?
    var contentType: String
    var charset: String?
    var transferEncoding: String?
    var defects: [String]
    var ascii: Bool
    var longestLine: Int
    var headerNames: [String]
    var body: String
}
