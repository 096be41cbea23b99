import BoardPack
import Foundation
import ReportModel

/// What the portal keeps of an upload's check, for its result page and receipt: what was
/// read, and every problem exactly as `boardpack check` words it.
public struct UploadResult: Codable, Sendable, Equatable {
    public struct GoalRead: Codable, Sendable, Equatable {
        public var id: String
        public var status: String?
        /// The update as read, paragraph by paragraph.
        public var update: [String]
    }

    public struct FigureRead: Codable, Sendable, Equatable {
        public var id: String
        /// As typed: "13,912", "tbc".
        public var value: String?
        public var note: String?
    }

    public struct Problem: Codable, Sendable, Equatable {
        /// "Goals!B9", or "" for the file as a whole.
        public var place: String
        public var message: String
        /// The whole line as `boardpack check` prints it: "jppb.xlsx: Goals!B9: ...".
        public var line: String
        public var weight: WorkbookProblem.Weight
    }

    /// The whole file was refused: nothing in it is merged.
    public var refused: Bool
    public var blank: Bool
    public var goals: [GoalRead]
    public var figures: [FigureRead]
    public var unanswered: [String]
    public var figuresMissing: [String]
    public var problems: [Problem]

    init(_ checked: CheckedReturn) {
        refused = checked.refused
        blank = checked.isBlank
        goals = checked.goals.map { GoalRead(id: $0.goalID, status: $0.status, update: $0.update) }
        figures = checked.measures.map { FigureRead(id: $0.measureID, value: $0.value?.text, note: $0.note) }
        unanswered = checked.unanswered
        figuresMissing = checked.figuresMissing
        problems = checked.problems.map { Problem(place: $0.place.within, message: $0.message, line: $0.description, weight: $0.weight) }
    }

    public var mustFix: [Problem] { problems.filter { $0.weight == .refused } }
    public var toLookAt: [Problem] { problems.filter { $0.weight == .notice } }

    func encoded() -> Data {
        // Encoding plain strings, numbers and arrays cannot fail.
        try! JSONEncoder().encode(self)
    }

    static func decoded(_ data: Data) throws -> UploadResult { try JSONDecoder().decode(UploadResult.self, from: data) }
}
