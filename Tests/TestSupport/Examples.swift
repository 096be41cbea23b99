import Foundation
import ReportModel

/// The bundled example reports, by name.
public enum Examples {
    public static let kent = "kent-medway-2012-13-end-of-year"
    public static let planRefresh = "kent-medway-2013-14-plan-refresh"
    public static let kmrob = "kmrob-2019-20"
    public static let leicestershire = "leicestershire-2013-reoffending"
    public static let all = [kent, planRefresh, kmrob, leicestershire]

    public static func url(_ name: String) -> URL { repositoryRoot.appendingPathComponent("examples/\(name).json") }

    public static func report(_ name: String) throws -> Report { try ReportCoding.load(contentsOf: url(name)) }
}

extension Report {
    /// A goal of the plan (or a sub-goal) by id.
    public func goal(_ id: String) -> Goal? { themes.flatMap(\.allGoals).first { $0.id == id } }

    /// A headline measure by id, with its theme.
    public func measure(_ id: String) -> (Theme, Measure)? {
        for theme in themes { if let m = theme.measures.first(where: { $0.id == id }) { return (theme, m) } }
        return nil
    }
}
