import BoardPack
import Foundation
import Portal
import ReportModel
import Testing

/// The worked chain's 2013-14 Q1 (the Kent report rolled over) a week before its deadline, as
/// issue 22 describes it: three agencies have returned (one with a figure "tbc", which is an
/// answer), two returned with a goal left blank, and three sent nothing (one of them only a file
/// that could not be taken). Uploads go through the same check and store as the portal's pages.
struct ChasingScenario {
    let fixture: PortalFixture
    static let returned = ["jppb", "iys-kcc", "medway-yot"]
    static let goalMissing = ["jobcentre-plus", "kent-probation"]
    static let nothing = ["skills-funding-agency", "kcc-commissioned", "public-health"]
    /// The goal each of `goalMissing` left blank.
    let blankGoal: [String: Goal]
    /// The figure answered "tbc".
    let tbcFigure: (agency: String, id: String)

    init(_ fixture: PortalFixture) throws {
        self.fixture = fixture
        let scopes = ReturnScope.all(in: fixture.report)
        try #require(Set(scopes.map(\.agency.id)) == Set(Self.returned + Self.goalMissing + Self.nothing), "the eight agencies of the Kent report owe a return")
        var blank: [String: Goal] = [:]
        for agency in Self.goalMissing {
            // A goal it leads alone: one shared with "All" or a co-lead counts as answered when another answers it.
            let goal = try #require(
                fixture.scope(agency).goals.last { $0.goal.leads.count == 1 && !AgencyDirectory.isAll($0.goal.leads[0]) }?.goal, "\(agency) leads a goal alone")
            blank[agency] = goal
        }
        blankGoal = blank
        let withFigures = try #require(Self.returned.first { !fixture.scope($0).measures.isEmpty }, "a returned agency supplies figures")
        tbcFigure = (withFigures, fixture.scope(withFigures).measures[0].measure.id)
        for agency in Self.returned {
            try receive(agency, try fixture.filled(agency, "\(agency).xlsx", answers(agency, tbc: agency == tbcFigure.agency ? tbcFigure.id : nil)))
        }
        for agency in Self.goalMissing {
            try receive(agency, try fixture.filled(agency, "\(agency)-partial.xlsx", answers(agency, blank: blank[agency]!.id)))
        }
        // Only a file the portal could not take: the agency still owes its return.
        let refused = fixture.scratch.file("not-a-return.xlsx")
        try Data("these are not the figures you are looking for".utf8).write(to: refused)
        try receive("public-health", refused)
    }

    /// Every goal Green with an update, every figure given, signed; `blank` left empty, `tbc` "tbc".
    func answers(_ agency: String, blank: String? = nil, tbc: String? = nil) -> [String: Any] {
        var goals: [String: [Any]] = [:]
        for item in fixture.scope(agency).goals where item.goal.id != blank { goals[item.goal.id] = ["Green", "Progress on \(item.goal.id) as planned."] }
        var figures: [String: String] = [:]
        for item in fixture.scope(agency).measures {
            figures[item.measure.id] = item.measure.id == tbc ? "tbc" : MeasureKind.of(item.measure) == .percent ? "50%" : "120"
        }
        return ["goals": goals, "figures": figures, "completedBy": "Rob Jacques", "date": "04/07/2013"]
    }

    /// Checks and keeps a file as the agency's upload, as the portal's upload page does.
    func receive(_ agency: String, _ file: URL) throws {
        let period = try #require(try fixture.store.openPeriod())
        let bytes = Array(try Data(contentsOf: file))
        let record = UploadCheck.check(
            bytes, name: file.lastPathComponent, agency: agency, period: period, checker: try PeriodReports().checker(for: period), source: .upload,
            uploadedBy: "\(agency) (link)", address: "127.0.0.1", at: fixture.store.now)
        _ = try fixture.store.addUpload(bytes, record)
    }

    /// The agencies' current links, as `boardpack portal links` prints them.
    func links() throws -> [String: String] {
        Dictionary(uniqueKeysWithValues: try PortalSetup.links(store: fixture.store, agency: nil, rotate: false, secretariat: false).agencies.map { ($0.id, $0.url) })
    }
}
