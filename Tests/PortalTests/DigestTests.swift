import BoardPack
import Foundation
import Portal
import ReportModel
import TestSupport
import Testing

/// The secretariat's daily digest (issue 22): the day's uploads with their results and counts,
/// where the period stands in merge's words, sent once a day.
@Suite struct DigestTests {
    @Test func theDaysUploadsOnceADay() throws {
        let fixture = try PortalFixture(due: "2013-07-12")
        _ = try ChasingScenario(fixture)  // six uploads on Sunday 7 July
        let day = try #require(Day(reading: "2013-07-07"))
        let digest = try DigestMail.of(day: day, store: fixture.store, reports: PeriodReports())
        #expect(digest.subject == "Returns for 2013-14 Q1 on Sunday 7 July 2013: 6 uploads")
        #expect(digest.uploads.count == 6)
        let merge = try PeriodMerge.of(try #require(try fixture.store.openPeriod()), store: fixture.store, reports: PeriodReports())
        for line in merge.summary.text.split(separator: "\n").prefix(4) { #expect(digest.body.contains(line), "\(line)") }
        #expect(digest.body.contains("Public Health NHS Kent, not-a-return.xlsx (R1-00006), not taken; goals 0 of"))
        #expect(digest.body.contains("JPPB, jppb.xlsx (R1-00001), received"))
        let quiet = try DigestMail.of(day: try #require(Day(reading: "2013-07-06")), store: fixture.store, reports: PeriodReports())
        #expect(quiet.uploads.isEmpty && quiet.subject.hasSuffix(": 0 uploads"))

        let folder = fixture.scratch.file("sent")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let outbox = Outbox(store: fixture.store, mailer: try Mailer("/bin/sh -c 'cat > $0/$$.eml' \(folder.path)"), from: .init(email: "portal@kent.example.org"))
        let report = try PeriodReports().report(for: digest.period)
        let sent = try outbox.send(digest, to: [.init(email: "rob.jacques@kent.example.org")], report: report, actor: "test")
        #expect(sent.state == .sent && sent.kind == .digest)
        #expect(throws: AlreadySent.self) { try outbox.send(digest, to: [.init(email: "rob.jacques@kent.example.org")], report: report, actor: "test") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).count == 1)
        // The command line, on Monday, is Sunday's digest.
        let listed = try command("boardpack-portal", ["digest", "--data", fixture.data.url.path, "--at", "2013-07-08"])
        #expect(listed.status == 0 && listed.out.hasPrefix("Subject: Returns for 2013-14 Q1 on Sunday 7 July 2013: 6 uploads"))
    }
}
