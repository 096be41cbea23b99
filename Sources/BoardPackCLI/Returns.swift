import ArgumentParser
import BoardPack
import Foundation
import ReportModel

struct ReturnsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "returns",
        abstract: "Write one return workbook per agency that leads a goal or supplies a figure.",
        discussion: """
            The layout is the contract in docs/return-layout.md. A file already in the folder is \
            replaced only when it is a blank return of this report, period and agency: never an \
            agency's answers or another period's returns (every file is checked before any is \
            written).
            """)

    @Argument(help: "The report, as JSON.")
    var report: String

    @Option(name: .shortAndLong, help: "The folder to write the returns into (created if missing).")
    var output: String

    @Option(help: "Only this agency (id, name or alias).")
    var agency: String?

    @Option(help: "The period the returns collect (default and only choice: the report's; start another with next).")
    var period: String?

    @Option(help: "When returns are due, as it should read (e.g. \"Friday 12 July 2013\").")
    var deadline: String?

    func run() throws {
        try reportingErrors {
            let loaded = try ReportCoding.load(contentsOf: URL(fileURLWithPath: report))
            try requireReportPeriod(period, of: loaded, file: report)
            let scopes = try ReturnScope.all(in: loaded, only: agency, file: report)
            let folder = URL(fileURLWithPath: output)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            // Every file is checked before any is written: a folder of last period's returns is
            // refused whole rather than half replaced.
            let checker = ReturnChecker(report: loaded)
            for scope in scopes { try OutputGuard.mayReplaceReturn(at: folder.appendingPathComponent(scope.fileName), checker: checker, agency: scope.agency) }
            for scope in scopes {
                let file = folder.appendingPathComponent(scope.fileName)
                try ReturnTemplate(report: loaded, scope: scope, deadline: deadline).write(to: file)
                print("\(file.path): \(scope.summary)")
            }
        }
    }
}
