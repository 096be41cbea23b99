import ArgumentParser
import BoardPack
import Portal

struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Make a new data folder from a backup, every file checked.",
        discussion: """
            --data must not exist, or be an empty folder. Every file is checked against the \
            backup's SHA256SUMS (each upload against its name too) and the database for \
            integrity and for every file it names, before the folder is made; a backup that \
            fails any check is refused and nothing is left behind. The restored portal has the \
            same links, sessions and uploads as when the backup was taken.
            """)

    @Argument(help: "The backup (from boardpack portal backup).")
    var backup: String

    @Option(help: "The new data folder.")
    var data: String

    func run() async throws {
        try await reportingErrors {
            let summary = try PortalBackup.restore(backup, into: DataFolder(data))
            print("Restored \(Wording.plural(summary.uploads, "upload")) and \(Wording.plural(summary.merges, "merge")) into \(data), every file's SHA-256 checked. Serve it with: boardpack portal serve --data \(data)")
        }
    }
}
