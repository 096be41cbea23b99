import Foundation
import ReportModel
import TestSupport
import Testing

/// Agencies' `contacts` (issue 22): read, checked with a message naming the JSON path, written
/// back as they came, and kept by `next`.
@Suite struct ContactTests {
    static func report(contacts: String) -> String {
        """
        {"format": 1, "id": "r", "title": "T", "board": "B", "period": {"label": "Q1", "kind": "quarter"},
         "agencies": [{"id": "jppb", "name": "JPPB", "contacts": \(contacts)}], "themes": []}
        """
    }

    @Test func contactsAreReadAndWrittenBack() throws {
        let json = Self.report(contacts: #"[{"name": "Siân Hughes", "email": "sian.hughes@jppb.example.org", "phone": "01622 000000"}]"#)
        let report = try ReportCoding.decode(Data(json.utf8), file: "r.json")
        #expect(report.agencies[0].contacts == [Contact(name: "Siân Hughes", email: "sian.hughes@jppb.example.org", phone: "01622 000000")])
        let again = try ReportCoding.decode(try ReportCoding.encode(report), file: "again.json")
        #expect(again.agencies[0].contacts == report.agencies[0].contacts)
        // An agency without contacts writes none (no "contacts": [] noise).
        let none = try ReportCoding.decode(Data(Self.report(contacts: "[]").utf8), file: "r.json")
        #expect(!String(decoding: try ReportCoding.encode(none), as: UTF8.self).contains("contacts"))
    }

    @Test func eachBadContactIsNamedByItsPath() {
        let cases: [(String, String)] = [
            (#"[{"name": "Jo", "email": "jo at jppb"}]"#, #"agencies[0].contacts[0].email: "jo at jppb" is not an e-mail address"#),
            (#"[{"name": "Jo", "email": "Jo <jo@jppb.example.org>"}]"#, "agencies[0].contacts[0].email:"),
            (#"[{"name": "Jo", "email": "jo@localhost"}]"#, "agencies[0].contacts[0].email:"),
            (#"[{"name": "Jo", "email": "jo bloggs@jppb.example.org"}]"#, "agencies[0].contacts[0].email:"),
            (#"[{"name": "Jo", "email": "jo@jppb.example.org\r\nBcc: x@example.org"}]"#, "agencies[0].contacts[0].email:"),
            (#"[{"name": "Jo", "phone": "call me"}]"#, #"agencies[0].contacts[0].phone: "call me" is not a telephone number"#),
            (#"[{"name": "Jo"}]"#, "agencies[0].contacts[0].email: Jo has neither an e-mail address nor a telephone number; give one"),
            (#"[{"name": " ", "email": "jo@jppb.example.org"}]"#, "agencies[0].contacts[0].name: a contact needs a name"),
        ]
        for (contacts, expected) in cases {
            let problems = ValidationTests.problems(Self.report(contacts: contacts))
            #expect(problems.contains { $0.hasPrefix(expected) }, "\(contacts): \(problems)")
        }
        #expect(ValidationTests.problems(Self.report(contacts: #"[{"name": "Jo", "phone": "+44 (0)1622 000000"}]"#)) == [])
    }

    @Test func everyExampleAgencyHasAPlausibleContact() throws {
        for name in [Examples.kent, Examples.planRefresh, "kmrob-2019-20", "leicestershire-2013-reoffending"] {
            let report = try Examples.report(name)
            for agency in report.agencies {
                #expect(!agency.contacts.isEmpty, "\(name): \(agency.id)")
                #expect(agency.contacts.allSatisfy { $0.email?.hasSuffix(".example.org") == true }, "\(name): \(agency.id)")
            }
        }
    }

    @Test func nextKeepsContactsAndTheRefreshServesNewAgencies() throws {
        let kent = try Examples.report(Examples.kent)
        let refresh = try Examples.report(Examples.planRefresh)
        let next = try Rollover(report: kent, file: "kent.json", planRefresh: (refresh, "refresh.json")).validNext(Period(guessing: "2013-14 Q1"), output: "q1.json")
        for agency in kent.agencies { #expect(next.agency(agency.id)?.contacts == agency.contacts, "\(agency.id)") }
        let police = try #require(next.agency("kent-police"))
        #expect(police.contacts == refresh.agency("kent-police")?.contacts && !police.contacts.isEmpty)
    }
}
