import XLSXReader

/// Something wrong in a workbook we read (a return, an edited board pack), at its place:
/// `jppb.xlsx: Goals!G7: "Ambr" is not a status of this report (Red, Amber, Green)`.
///
/// The reader's own refusals (`XLSXError`) become problems of this kind, so the checker, the
/// merger and the importer report everything the same way.
public struct WorkbookProblem: Error, Equatable, Sendable, CustomStringConvertible {
    public var place: Place
    public var message: String

    public init(_ place: Place, _ message: String) {
        self.place = place
        self.message = message
    }

    public init(_ error: XLSXError) { self.init(error.place, error.message) }

    public var description: String { "\(place): \(message)" }
}

/// Every problem found in one workbook, one line each.
public struct WorkbookProblems: Error, Sendable, CustomStringConvertible {
    public var problems: [WorkbookProblem]

    public init(_ problems: [WorkbookProblem]) { self.problems = problems }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
