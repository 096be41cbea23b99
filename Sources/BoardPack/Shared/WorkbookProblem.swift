import XLSXReader

/// Something wrong in a workbook we read (a return, an edited board pack), at its place:
/// `jppb.xlsx: Goals!G7: "Ambr" is not a status of this report (Red, Amber, Green)`.
///
/// The reader's own refusals (`XLSXError`) become problems of this kind, so the checker, the
/// merger and the importer report everything the same way.
public struct WorkbookProblem: Error, Equatable, Sendable, CustomStringConvertible {
    /// What the problem cost: something refused, or nothing (it is there to be looked at).
    public enum Weight: String, Codable, Sendable {
        /// A cell, a row or the whole workbook was not taken: the sender must fix it.
        case refused
        /// Everything was taken, but someone should look (an empty Completed by, a goal left
        /// unanswered): the secretariat sees it.
        case notice
    }

    public var place: Place
    public var message: String
    public var weight: Weight

    public init(_ place: Place, _ message: String, weight: Weight = .refused) {
        self.place = place
        self.message = message
        self.weight = weight
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
