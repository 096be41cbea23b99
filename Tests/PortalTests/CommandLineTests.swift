import BoardPack
import Foundation
import Hummingbird
import HummingbirdTesting
import Portal
import ReportModel
import TestSupport
import Testing

/// `boardpack portal init|links|next|export` as the secretariat runs them, and the promise that
/// the portal's merged report is the command line's, byte for byte.
@Suite struct CommandLineTests {
    let scratch = TemporaryFolder("portal-cli")

    /// The worked chain's 2013-14 Q1 report, made by `boardpack next` as docs/quarterly-cycle.md does.
    func q1() throws -> URL {
        let out = scratch.file("q1.json")
        let next = try command("boardpack", [
            "next", Examples.url(Examples.kent).path, "--period", "2013-14 Q1",
            "--plan-refresh", Examples.url(Examples.planRefresh).path, "-o", out.path,
        ])
        #expect(next.status == 0, "\(next.err)")
        return out
    }

    static let exampleReturns = repositoryRoot.appendingPathComponent("examples/returns")

    func exampleReturnFiles() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: Self.exampleReturns.path).filter { $0.hasSuffix(".xlsx") }.sorted()
    }

    @Test func initPrintsALinkPerAgencyThatOwesAReturnAndAOneTimeSecretariatLink() throws {
        let report = try q1()
        let data = scratch.file("data").path
        let result = try command("boardpack", ["portal", "init", report.path, "--data", data, "--due", "12/07/2013", "--json"])
        #expect(result.status == 0, "\(result.err)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
        #expect(Set(json.keys) == ["secretariat", "agencies"])
        #expect((json["secretariat"] as? String)?.hasPrefix("http://127.0.0.1:8080/s/") == true)
        let agencies = try #require(json["agencies"] as? [[String: String]])
        let owing = ReturnScope.all(in: try ReportCoding.load(contentsOf: report))
        #expect(agencies.map { $0["id"]! } == owing.map(\.agency.id), "one link per agency that owes a return, in the report's order")
        #expect(agencies.map { $0["agency"]! } == owing.map(\.agency.name))
        for agency in agencies {
            #expect(Set(agency.keys) == ["agency", "id", "url"])
            #expect(agency["url"]!.range(of: #"^http://127\.0\.0\.1:8080/r/[A-Za-z0-9_-]{43}$"#, options: .regularExpression) != nil)
        }
        let store = try PortalStore.open(DataFolder(data))
        #expect(try store.openPeriod()?.due == "2013-07-12")

        // links prints the same links again (derived, not stored); rotating replaces one.
        let again = try command("boardpack-portal", ["links", "--data", data, "--json"])
        let links = try JSONDecoder().decode(IssuedLinks.self, from: Data(again.out.utf8))
        #expect(links.secretariat == nil && links.agencies.map(\.url) == agencies.map { $0["url"]! })
        let rotated = try command("boardpack-portal", ["links", "--data", data, "--agency", "Joint Policy and Planning Board", "--rotate"])
        #expect(rotated.status == 0 && rotated.out.hasPrefix("JPPB  http://127.0.0.1:8080/r/"), "\(rotated.out)\(rotated.err)")
        let newJPPB = String(rotated.out.split(separator: " ").last!.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(newJPPB != agencies[0]["url"])
        #expect(try store.link(token: String(agencies[0]["url"]!.split(separator: "/").last!)) == nil, "the old link stopped")
        let text = try command("boardpack-portal", ["links", "--data", data, "--secretariat"])
        #expect(text.out.hasPrefix("Secretariat (one-time, to set the password): http://127.0.0.1:8080/s/"))

        // What cannot be done is said, with exit status 2.
        let twice = try command("boardpack-portal", ["init", report.path, "--data", data])
        #expect(twice.status == 2 && twice.err.contains("already holds a portal"))
        let badDue = try command("boardpack-portal", ["init", report.path, "--data", scratch.file("other").path, "--due", "31/02/2013"])
        #expect(badDue.status == 2 && badDue.err == "--due 31/02/2013 is not a date; give it as 2013-07-12 or 12/07/2013\n")
        #expect(!FileManager.default.fileExists(atPath: scratch.file("other").path), "nothing is made when init is refused")
        let unknown = try command("boardpack-portal", ["links", "--data", data, "--agency", "Nobody"])
        #expect(unknown.status == 2 && unknown.err.contains("Nobody is not an agency of this report"))
        // export never writes into the data folder, nor over its database.
        for target in [DataFolder(data).database.path, data + "/merged.json"] {
            let refused = try command("boardpack-portal", ["export", "--data", data, "-o", target])
            #expect(refused.status == 2 && refused.err.hasPrefix(target + ": "), "\(refused.err)")
        }
        #expect(try PortalStore.open(DataFolder(data)).openPeriod()?.label == "2013-14 Q1", "the database is whole")
        let noPortal = try command("boardpack-portal", ["export", "--data", scratch.file("none").path, "-o", scratch.file("x.json").path])
        #expect(noPortal.status == 2 && noPortal.err.contains("holds no portal"))
    }

    /// The bundled returns uploaded through the portal's routes, each under its own name.
    func uploadExampleReturns(data: DataFolder, links: IssuedLinks) async throws {
        let store = try PortalStore.open(data)
        var settings = PortalSettings()
        settings.soffice = nil
        let site = try await PortalSite(store: store, settings: settings)
        let names = try exampleReturnFiles()
        let report = try ReportCoding.load(contentsOf: scratch.file("q1.json"))
        try await Application(router: PortalApplication.buildRouter(site)).test(.router) { client in
            for name in names {
                let agency = try #require(ReturnScope.all(in: report).first { $0.fileName == name }?.agency.id, "\(name)")
                let url = links.agencies.first { $0.id == agency }!.url
                let browser = Browser(client)
                try await browser.open(String(url[url.range(of: "/r/")!.lowerBound...]))
                let bytes = Array(try Data(contentsOf: Self.exampleReturns.appendingPathComponent(name)))
                let response = try await browser.upload("/agency/uploads", [("csrf", try await browser.csrf(on: "/agency"))], file: (name, bytes))
                #expect(response.status == .seeOther)
            }
        }
    }

    @Test func thePortalsMergedReportIsBoardpackMergesByteForByte() async throws {
        let report = try q1()
        let data = DataFolder(scratch.file("data").path)
        let links = try PortalSetup.initialise(report: report.path, data: data, due: nil, contact: nil, baseURL: nil)
        try await uploadExampleReturns(data: data, links: links)

        let names = try exampleReturnFiles()
        #expect(names.count == 9)
        let cli = try command("boardpack", ["merge", report.path] + names + ["-o", scratch.file("cli.json").path], in: Self.exampleReturns)
        let portal = try command("boardpack-portal", ["export", "--data", data.url.path, "-o", scratch.file("portal.json").path])
        #expect(cli.status == 1 && portal.status == 1, "the worked chain has a conflict and problems to look at")
        let merged = try Data(contentsOf: scratch.file("portal.json"))
        #expect(merged == (try Data(contentsOf: scratch.file("cli.json"))), "the same bytes as boardpack merge of the same files under the same names")
        #expect(portal.out.replacingOccurrences(of: scratch.file("portal.json").path, with: "OUT") == cli.out.replacingOccurrences(of: scratch.file("cli.json").path, with: "OUT"),
            "the same summary")
        #expect(portal.out.contains("Period 2013-14 Q1: 9 returns received, 9 accepted."))
        // And the web's merge: the same bytes, twice.
        let store = try PortalStore.open(data)
        let period = try #require(try store.openPeriod())
        #expect(try PeriodMerge.of(period, store: store, reports: PeriodReports()).json == merged)
        #expect(try PeriodMerge.of(period, store: store, reports: PeriodReports()).json == merged)
        #expect(try store.auditLog(limit: 100).entries.contains { $0.action == .export && $0.sha256 == SHA256.hex(Array(merged)) })
    }

    @Test func nextRollsTheMergedReportOverAsBoardpackNextAndIssuesNewLinks() async throws {
        let report = try q1()
        let data = DataFolder(scratch.file("data").path)
        let links = try PortalSetup.initialise(report: report.path, data: data, due: nil, contact: "The secretariat", baseURL: nil)
        try await uploadExampleReturns(data: data, links: links)
        let names = try exampleReturnFiles()
        _ = try command("boardpack", ["merge", report.path] + names + ["-o", scratch.file("merged.json").path], in: Self.exampleReturns)
        let expected = try command("boardpack", ["next", scratch.file("merged.json").path, "--period", "2013-14 Q2", "-o", scratch.file("q2.json").path])
        #expect(expected.status == 0, "\(expected.err)")

        let next = try command("boardpack-portal", ["next", "--data", data.url.path, "--period", "2013-14 Q2", "--due", "2013-10-11", "--json"])
        #expect(next.status == 0, "\(next.err)")
        let newLinks = try JSONDecoder().decode(IssuedLinks.self, from: Data(next.out.utf8))
        let store = try PortalStore.open(data)
        let opened = try #require(try store.openPeriod())
        #expect(opened.label == "2013-14 Q2" && opened.due == "2013-10-11" && opened.contact == "The secretariat")
        #expect(opened.report == (try Data(contentsOf: scratch.file("q2.json"))), "the same report as boardpack next of boardpack merge")
        #expect(try store.periods().count == 2 && (try store.periods().last?.closedAt) != nil)
        for (old, new) in zip(links.agencies, newLinks.agencies) {
            #expect(try store.link(token: String(old.url.split(separator: "/").last!)) == nil, "\(old.agency)'s old link stopped")
            #expect(try store.link(token: String(new.url.split(separator: "/").last!))?.periodID == opened.id)
        }
        #expect(try store.uploads(period: opened.id!, as: .secretariat).isEmpty, "a new period starts with no uploads")
        // A refused rollover changes nothing.
        let refused = try command("boardpack-portal", ["next", "--data", data.url.path, "--period", "2013-14 Q2"])
        #expect(refused.status == 2 && refused.err.contains("is not a new period"), "\(refused.err)")
        #expect(try store.openPeriod()?.id == opened.id)
    }
}
