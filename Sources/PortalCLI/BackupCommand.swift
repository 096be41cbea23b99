import ArgumentParser
import BoardPack
import Foundation
import Portal

struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Write the data folder to one file, while the server runs.",
        discussion: """
            A tar of the data folder's layout: the database as it was at one moment (SQLite's \
            online backup: the server goes on taking uploads meanwhile), the link secret, every \
            upload and merged report that database names, and SHA256SUMS. It holds the link \
            secret and every return: keep it as private as the data folder. -o must be a new \
            file (never replaced), outside the data folder; it is written whole or not at all. \
            boardpack portal restore makes a data folder from it.
            """)

    @Option(help: "The data folder.")
    var data: String

    @Option(name: .shortAndLong, help: "The backup to write (a new file, e.g. portal-2013-07-12.tar).")
    var output: String

    func run() async throws {
        try await reportingErrors {
            let summary = try PortalBackup.backup(DataFolder(data), to: output)
            print("Backed up \(Wording.plural(summary.uploads, "upload")) and \(Wording.plural(summary.merges, "merge")) to \(output) (\(megabytes(summary.bytes)), SHA-256 \(summary.sha256))")
        }
    }
}

/// A size as people read it.
func megabytes(_ bytes: Int) -> String { String(format: "%.1f MB", Double(bytes) / 1_048_576) }
