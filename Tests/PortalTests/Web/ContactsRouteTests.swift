import BoardPack
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Portal
import ReportModel
import TestSupport
import Testing

/// Agencies' contacts (issue 22): read from the report at `portal init`, edited on the
/// secretariat's page (checked by the report's own rule, CSRF-protected, the store allowing the
/// secretariat only), escaped on the page, and logged.
@Suite struct ContactsRouteTests {
    let fixture: PortalFixture

    init() throws { fixture = try PortalFixture() }

    @Test func initReadsTheReportsContacts() throws {
        let contacts = try fixture.store.contacts(as: .secretariat)
        // The worked chain's Kent report gives every agency one (example.org addresses).
        for agency in fixture.report.agencies {
            #expect(contacts[agency.id] == agency.contacts, "\(agency.id)")
            #expect(contacts[agency.id]?.first?.email?.hasSuffix(".example.org") == true)
        }
        #expect(contacts["public-health"]?.first?.name == "Siân Kowalski")
    }

    @Test func theStoreLetsOnlyTheSecretariatReadOrChangeThem() throws {
        let agency = Viewer.agency(id: "jppb", period: 1)
        #expect(throws: NotAllowed.self) { try fixture.store.contacts(as: agency) }
        #expect(throws: NotAllowed.self) {
            try fixture.store.setContacts([Contact(name: "Mallory", email: "m@evil.example.org")], agency: "jppb", as: agency, address: nil)
        }
        #expect(try fixture.store.contacts(as: .secretariat)["jppb"]?.first?.name != "Mallory")
        // A header's line break never reaches the store, whoever asks.
        #expect(throws: NotAllowed.self) {
            try fixture.store.setContacts([Contact(name: "Eve", email: "eve@example.org\nBcc: all@example.org")], agency: "jppb", as: .secretariat, address: nil)
        }
    }

    @Test func thePageEditsChecksAndEscapesContacts() async throws {
        try await fixture.app(try await fixture.site()).test(.router) { client in
            let office = try await fixture.secretariat(client)
            let page = try await office.get("/secretariat/contacts")
            #expect(page.status == .ok && page.text.contains("value=\"sian.kowalski@public-health.example.org\""))
            let csrf = try await office.csrf(on: "/secretariat/contacts")
            // A bad address: 422, the agency, contact and field named; nothing saved.
            let bad = try await office.post("/secretariat/contacts/jppb", [("csrf", csrf), ("name-0", "Jo Bloggs"), ("email-0", "jo at jppb"), ("phone-0", "")])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text.contains("JPPB, contact 1, E-mail: &quot;jo at jppb&quot; is not an e-mail address"))
            #expect(bad.text.contains("value=\"jo at jppb\""), "what was typed is kept on the page")
            #expect(try fixture.store.contacts(as: .secretariat)["jppb"]?.first?.name == fixture.report.agency("jppb")?.contacts.first?.name)
            let noWay = try await office.post("/secretariat/contacts/jppb", [("csrf", csrf), ("name-0", "Jo Bloggs"), ("email-0", ""), ("phone-0", "")])
            #expect(noWay.status == .unprocessableContent && noWay.text.contains("Jo Bloggs has neither an e-mail address nor a telephone number"))
            // Two contacts, one of them with markup in its name: saved, escaped on the page, logged.
            let saved = try await office.post("/secretariat/contacts/jppb", [
                ("csrf", csrf), ("name-0", "Jo <b>Bloggs</b>"), ("email-0", "jo.bloggs@jppb.example.org"), ("phone-0", ""),
                ("name-1", "Ann Other"), ("email-1", ""), ("phone-1", "01622 123456"),
            ])
            #expect(saved.status == .seeOther)
            #expect(try fixture.store.contacts(as: .secretariat)["jppb"] == [
                Contact(name: "Jo <b>Bloggs</b>", email: "jo.bloggs@jppb.example.org"), Contact(name: "Ann Other", phone: "01622 123456"),
            ])
            let html = try await office.get("/secretariat/contacts").text
            #expect(html.contains("value=\"Jo &lt;b&gt;Bloggs&lt;/b&gt;\"") && !html.contains("<b>Bloggs</b>"))
            let line = try #require(try fixture.store.auditLog(limit: 5).entries.first { $0.action == .contactsChanged })
            #expect(line.agencyID == "jppb" && line.detail.contains("jo.bloggs@jppb.example.org") && line.actor == "secretariat")
            // Without the token, or as an agency: refused.
            #expect(try await office.post("/secretariat/contacts/jppb", [("name-0", "X"), ("email-0", "x@example.org")]).status == .forbidden)
            let agency = Browser(client)
            try await agency.open(fixture.linkPath("jppb"))
            let asAgency = try await agency.post("/secretariat/contacts/jppb", [("csrf", try await agency.csrf(on: "/agency")), ("name-0", "X"), ("email-0", "x@example.org")])
            #expect(asAgency.status == .unauthorized)
            #expect(try await office.post("/secretariat/contacts/nobody", [("csrf", csrf)]).status == .notFound)
        }
    }
}
