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
