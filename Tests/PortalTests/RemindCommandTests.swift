import BoardPack
import Foundation
import Portal
import TestSupport
import Testing

/// `boardpack portal remind` and the dates of `init` as programs (issue 22), reached through
/// `boardpack portal` as the other portal commands are.
@Suite struct RemindCommandTests {
    @Test func remindListsEachAgencysBlockThroughBoardpackPortal() throws {
        let fixture = try PortalFixture(due: "2013-07-12")
        let scenario = try ChasingScenario(fixture)
        let links = try scenario.links()
        let result = try command("boardpack", ["portal", "remind", "--data", fixture.data.url.path, "--at", "2013-07-05", "--sendmail", "none"])
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.hasPrefix("2013-14 Q1, due Friday 12 July 2013: the reminder 7 days before is due for 5 agencies."))
        #expect(result.out.components(separatedBy: "\nTo: ").count == 6)
        for id in ChasingScenario.goalMissing + ChasingScenario.nothing { #expect(result.out.contains(links[id]!), "\(id)") }
        #expect(result.out.contains("To: Siân Kowalski <sian.kowalski@public-health.example.org>"))
        // Before the first step, and --send without a mailer.
        let early = try command("boardpack", ["portal", "remind", "--data", fixture.data.url.path, "--at", "2013-07-04"])
        #expect(early.status == 0 && early.out == "2013-14 Q1 is due Friday 12 July 2013; the first reminder is due Friday 5 July 2013.\n")
        let noMailer = try command("boardpack-portal", ["remind", "--data", fixture.data.url.path, "--at", "2013-07-05", "--send", "--sendmail", "none"])
        #expect(noMailer.status == 2 && noMailer.err.contains("no mailer"))
        let badDay = try command("boardpack-portal", ["remind", "--data", fixture.data.url.path, "--at", "Friday"])
        #expect(badDay.status == 2 && badDay.err == "--at Friday is not a date; give it as 2013-07-05 or 2013-07-05T09:30\n")
        #expect(try fixture.store.mailLog(limit: 5).entries.isEmpty, "listing sends nothing")
    }

    @Test func initTakesClosesAndRefusesItBeforeTheDueDate() throws {
        let scratch = TemporaryFolder("remind-cli")
        let report = repositoryRoot.appendingPathComponent("examples/kent-medway-2012-13-end-of-year.json").path
        let refused = try command("boardpack", ["portal", "init", report, "--data", scratch.file("a").path, "--due", "12/07/2013", "--closes", "2013-07-01"])
        #expect(refused.status == 2 && refused.err == "--closes 2013-07-01 is before returns are due (2013-07-12); an agency must be able to upload until the due date\n")
        #expect(!FileManager.default.fileExists(atPath: scratch.file("a").path), "nothing set up")
        let made = try command("boardpack", ["portal", "init", report, "--data", scratch.file("b").path, "--due", "12/07/2013", "--closes", "19/07/2013"])
        #expect(made.status == 0)
        let period = try #require(try PortalStore.open(DataFolder(scratch.file("b").path)).openPeriod())
        #expect(period.due == "2013-07-12" && period.closes == "2013-07-19")
    }
}
