import ArgumentParser
import Foundation
import Portal

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the open period's merged report: the same bytes as boardpack merge over the returns taken.",
        discussion: """
            Merges each agency's newest usable upload, as boardpack merge would merge those files \
            under their names, writes the report to -o and prints the merge summary. Exit status \
            as boardpack merge: 1 when the merge has problems to look at (the report is written \
            all the same).
            """)

    @Option(help: "The data folder.")
    var data: String

    @Option(name: .shortAndLong, help: "Where to write the merged report (JSON).")
    var output: String

    func run() async throws {
        var clean = true
        try await reportingErrors {
            let store = try PortalStore.open(DataFolder(data))
            let merged = try PortalSetup.export(store: store, reports: PeriodReports(), to: output)
            print(merged.summary.text)
            print("Wrote \(output)")
            clean = merged.summary.isClean
        }
        if !clean { throw ExitCode(1) }
    }
}
