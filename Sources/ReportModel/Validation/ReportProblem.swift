/// Something wrong with a report, at a place named as a JSON path: `themes[2].goals[3].status`.
public struct ReportProblem: Error, Equatable, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}

/// Every problem found in one report file, each printed as `FILE: path: message`.
public struct ReportProblems: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var problems: [ReportProblem]

    public init(file: String, problems: [ReportProblem]) {
        self.file = file
        self.problems = problems
    }

    public var description: String {
        problems.map { "\(file): \($0)" }.joined(separator: "\n")
    }
}
