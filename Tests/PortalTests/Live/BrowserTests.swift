import BoardPack
import ChildProcess
import Foundation
import Portal
import ReportModel
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The issue's whole scenario in a real browser: Debian's chromium and chromium-driver, driven by
/// selenium from Scripts/portal_browser.py, against the real `boardpack-portal serve` on a free
/// port of 127.0.0.1. Both run in process groups of their own and are ended by the test; it
/// fails (it does not skip) when the browser is not installed: `bash .ci/install-deps --tests`.
///
/// Set BOARDPACK_PORTAL_SCREENSHOTS to a folder to keep a screenshot of every page at 1280 and
/// 375 pixels wide (docs/make-portal-pictures does).
@Suite struct BrowserTests {
    let fixture: PortalFixture
    static let script = repositoryRoot.appendingPathComponent("Tests/PortalTests/Scripts/portal_browser.py")
    static let agency = "iys-kcc"

    init() throws { fixture = try PortalFixture() }

    static func requireBrowser() throws {
        for program in ["/usr/bin/chromium", "/usr/bin/chromedriver"] where !FileManager.default.isExecutableFile(atPath: program) {
            throw PortalTestError("\(program) is missing: the browser test needs Debian's chromium and chromium-driver (bash .ci/install-deps --tests)")
        }
        do {
            try run("/usr/bin/env", ["python3", "-c", "import selenium, openpyxl, axe_selenium_python"])
        } catch {
            throw PortalTestError("selenium, openpyxl or axe-selenium-python is missing (bash .ci/install-deps --tests): \(error)")
        }
    }

    @Test func anAgencyUploadsItsReturnAndTheSecretariatMergesTheBoardPack() throws {
        try Self.requireBrowser()
        let scope = fixture.scope(Self.agency)
        let goals = scope.goals.map(\.goal.id), measures = scope.measures.map(\.measure.id)
        var right: [String: [String]] = [:]
        for (i, id) in goals.enumerated() { right[id] = [i == 1 ? "Amber" : "Green", "Work on \(id) is going as planned this quarter."] }
        let figures = Dictionary(uniqueKeysWithValues: measures.map { ($0, "64%") })
        let wrong: [String: Any] = ["goals": [goals[0]: ["Red", NSNull()], goals[1]: ["Amber", "Waiting for the new contract."]],
                                    "figures": [measures[0]: "81%", measures[1]: "85"], "completedBy": "Sam Okafor"]
        let work = TemporaryFolder("portal-browser")
        let screenshots = ProcessInfo.processInfo.environment["BOARDPACK_PORTAL_SCREENSHOTS"]
        if let screenshots { try FileManager.default.createDirectory(atPath: screenshots, withIntermediateDirectories: true) }

        // The server keeps real time: a one-time link issued now (the fixture's is from 2013).
        let setup = try #require(try PortalSetup.links(store: try PortalStore.open(fixture.data), agency: nil, rotate: false, secretariat: true).secretariat)
        let server = try PortalServer(data: fixture.data.url.path)
        let config: [String: Any] = [
            "base": server.base, "agencyLink": server.base + fixture.linkPath(Self.agency), "agency": scope.agency.name,
            "agencyFile": "iys return.xlsx", "setupLink": server.base + setup[setup.range(of: "/s/")!.lowerBound...], "password": "three random words here",
            "work": work.url.path, "wrong": wrong, "screenshots": screenshots ?? NSNull(),
            "right": ["goals": right, "figures": figures, "completedBy": "Sam Okafor", "date": "09/07/2013"],
            // localhost is another site than 127.0.0.1: the link is clicked from a page there, as from webmail.
            "otherSite": "http://localhost:\(server.port)/",
        ]
        let browser = try BrowserScript(Self.script, config: config)
        #expect(server.stop() == 0, "the server ends cleanly on SIGTERM")
        #expect(!server.groupAlive)
        guard let seen = try browser.seen() else { return }

        // The link: a clean address, the token gone from the history, the cookie as promised.
        #expect(seen["agencyURL"] as? String == server.base + "/agency")
        #expect(seen["historyAdded"] as? Int == 1, "the link's page was replaced in the history")
        let cookie = seen["cookie"] as? [String: Any] ?? [:]
        #expect(cookie["httpOnly"] as? Bool == true && cookie["sameSite"] as? String == "Strict" && cookie["secure"] as? Bool == false, "\(cookie)")
        #expect(seen["downloadedReturn"] as? String == scope.fileName)

        // The first upload: every refused cell under Must fix, with its sheet and cell, in the checker's words.
        let first = try #require(seen["first"] as? [String: Any])
        let checked = ReturnChecker(report: fixture.report).check(fileAt: work.file("iys return.xlsx"))
        let mustFix = first["mustFix"] as? [String] ?? []
        let refused = checked.problems.filter { $0.weight == .refused }
        #expect(refused.count == 2 && mustFix.count == refused.count, "\(mustFix)")
        for problem in refused { #expect(mustFix.contains("\(problem.place.within) \(problem.message)"), "\(problem) on the page") }
        #expect((first["toLookAt"] as? [String] ?? []).contains { $0.contains("Date completed is empty") })
        #expect(first["headline"] as? String == "We read 1 goal and 1 figure from your return")

        // The corrected version, and its receipt.
        let second = try #require(seen["second"] as? [String: Any])
        #expect(second["status"] as? String == "Received" && (second["mustFix"] as? [String])?.isEmpty == true, "\(second)")
        #expect(second["headline"] as? String == "We read \(goals.count) goals and \(measures.count) figures from your return")
        let receipt = try #require(seen["receipt"] as? [String: Any])
        #expect(receipt["hasSHA256"] as? Bool == true)
        #expect((receipt["reference"] as? String)?.hasPrefix("R1-") == true)
        #expect(seen["uploadsListed"] as? Int == 2)

        // The secretariat: completeness, the merge, the board pack read back.
        #expect(seen["completenessRow"] as? [String] == [scope.agency.name, "Received", (seen["completenessRow"] as? [String])?[2] ?? "", "Sam Okafor",
            "\(goals.count) of \(goals.count)", "\(measures.count) of \(measures.count)"])
        let period = try #require(try fixture.store.openPeriod())
        let merged = try PeriodMerge.of(period, store: fixture.store, reports: PeriodReports())
        #expect(seen["mergeSummary"] as? String == merged.summary.text)
        let pack = try BoardPackImporter().read(fileAt: URL(fileURLWithPath: try #require(seen["boardPack"] as? String)))
        for (id, answer) in right { #expect(pack.goal(id)?.status == answer[0], "\(id) in the downloaded board pack") }
        #expect(try ReportCoding.encode(pack) == merged.json, "the board pack holds the merged report")
        let actions = Set(seen["auditActions"] as? [String] ?? [])
        #expect(actions.isSuperset(of: ["link used", "upload", "secretariat link used", "password set", "merge", "download"]), "\(actions)")
        #expect(seen["afterSignOut"] as? String == "Open your link again")
        #expect(seen["unknownLink"] as? String == "Page not found")
        let pages = (seen["pages"] as? [[String: Any]] ?? []).count
        #expect(pages == 15, "every page was looked at")
        #expect((seen["axe"] as? [Any])?.isEmpty == true, "axe-core found serious or critical problems: \(seen["axe"] ?? "")")
    }
}
