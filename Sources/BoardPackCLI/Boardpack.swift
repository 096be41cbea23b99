import ArgumentParser
import Foundation

@main
struct Boardpack: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "boardpack",
        abstract: "Build the quarterly board pack of a reducing-reoffending board.",
        discussion: """
            Exit status: 0 when the command did its job and found nothing to look at; 1 when it \
            found problems in what it checked (validate, check, merge), which it lists; 2 when it \
            could not run: wrong arguments, or an input that cannot be read or is not valid.
            """,
        version: BoardpackVersion.current,
        subcommands: [
            Export.self, Validate.self, ReturnsCommand.self, CheckCommand.self, MergeCommand.self, NextCommand.self, DiffCommand.self,
            ImportCommand.self, DumpCommand.self, StyleCommand.self, PortalCommand.self,
        ])

    /// As ArgumentParser's, but a usage error exits 2 like every other input that stops a command.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(ExitCode.badInput.rawValue)
            }
            exit(withError: error)
        }
    }
}

enum BoardpackVersion {
    static let current = "0.2.0"
}

extension ExitCode {
    /// Problems found in what was checked, listed on standard error.
    static let problemsFound = ExitCode(1)
    /// The command could not run: wrong arguments, unreadable or invalid input.
    static let badInput = ExitCode(2)
}
