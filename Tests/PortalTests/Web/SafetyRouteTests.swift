import BoardPack
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Portal
import ReportModel
import TestSupport
import Testing

/// What every response promises (headers), forms from elsewhere, cookies over HTTPS, sessions
/// across a restart and a rotation, and the statuses for requests the portal does not take.
@Suite struct SafetyRouteTests {
    let fixture: PortalFixture

    init() throws { fixture = try PortalFixture() }

    @Test func everyResponseCarriesTheSecurityHeaders() async throws {
        try await fixture.app(try await fixture.site()).test(.router) { client in
            let browser = Browser(client)
            var responses = [
                try await browser.get("/"), try await browser.get("/sign-in"), try await browser.get("/assets/portal.css"),
                try await browser.get("/r/unknown"), try await browser.get("/agency"), try await browser.get("/nothing-here"),
                try await browser.get(fixture.linkPath("jppb")),
            ]
            responses += [try await browser.get("/agency"), try await browser.get("/agency/return.xlsx")]
            for response in responses {
                #expect(response.headers[.contentSecurityPolicy] == "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
                #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer")
                #expect(response.headers[HTTPField.Name("X-Frame-Options")!] == "DENY")
                #expect(response.headers[.strictTransportSecurity] == nil, "plain http")
            }
            #expect(responses[0].headers[.cacheControl] == "no-store", "pages are not cached")
            #expect(responses[2].headers[.contentType] == "text/css; charset=utf-8")
            #expect(try await browser.get("/assets/nothing.js").status == .notFound)
            // No inline script anywhere: the only script is a file of the portal's own.
            let agency = responses[7].text
            #expect(agency.contains("<script src=\"/assets/upload.js\" defer></script>"))
            #expect(agency.components(separatedBy: "<script").count == 2)
            #expect(!agency.contains("style=\""), "no inline style")
            #expect(agency.range(of: #" on[a-z]+="#, options: .regularExpression) == nil, "no event handler")
        }
    }

    @Test func formsWithoutTheTokenOrFromAnotherSiteAreRefused() async throws {
        try await fixture.app(try await fixture.site()).test(.router) { client in
            let browser = Browser(client)
            try await browser.open(fixture.linkPath("jppb"))
            let csrf = try await browser.csrf(on: "/agency")
            let file: (String, [UInt8]) = ("jppb.xlsx", Array(try Data(contentsOf: try fixture.blank("jppb"))))
            #expect(try await browser.post("/sign-out", []).status == .forbidden, "no token")
            #expect(try await browser.post("/sign-out", [("csrf", "A" + csrf.dropFirst())]).status == .forbidden, "a wrong token")
            let elsewhere: HTTPFields = [.origin: "http://evil.example"]
            #expect(try await browser.post("/sign-out", [("csrf", csrf)], headers: elsewhere).status == .forbidden)
            #expect(try await browser.upload("/agency/uploads", [("csrf", csrf)], file: file, headers: elsewhere).status == .forbidden)
            for site in ["cross-site", "same-site"] {
                let fromThere: HTTPFields = [HTTPField.Name("Sec-Fetch-Site")!: site, .origin: "http://localhost"]
                #expect(try await browser.upload("/agency/uploads", [("csrf", csrf)], file: file, headers: fromThere).status == .forbidden, "\(site)")
            }
            #expect(try fixture.store.uploads(period: 1, as: .secretariat).isEmpty, "nothing was taken")
            #expect(try await browser.get("/agency").status == .ok, "still signed in")
            let sameOrigin: HTTPFields = [.origin: "http://localhost"]
            #expect(try await browser.upload("/agency/uploads", [("csrf", csrf)], file: file, headers: sameOrigin).status == .seeOther)
            // What Chromium sends from the portal's own form under Referrer-Policy: no-referrer.
            let chromium: HTTPFields = [.origin: "null", HTTPField.Name("Sec-Fetch-Site")!: "same-origin"]
            #expect(try await browser.upload("/agency/uploads", [("csrf", csrf)], file: file, headers: chromium).status == .seeOther)
            #expect(try await browser.post("/sign-out", [("csrf", csrf)], headers: sameOrigin).status == .seeOther)
            #expect(try await browser.get("/agency").status == .unauthorized, "signed out")
        }
    }

    @Test func requestsThePortalDoesNotTakeGetTheirStatus() async throws {
        try await fixture.app(try await fixture.site()).test(.router) { client in
            let browser = Browser(client)
            // Hummingbird answers a method a path does not take as a page that does not exist.
            #expect(try await browser.get("/sign-out").status == .notFound, "signing out is a form, never a link")
            let text = try await browser.send("/sign-in", method: .post, headers: [.contentType: "text/plain"], body: ByteBuffer(string: "password=x"))
            #expect(text.status == .unsupportedMediaType)
            let huge = try await browser.post("/sign-in", [("password", String(repeating: "x", count: 70_000))])
            #expect(huge.status == .contentTooLarge, "a form is 64 KB at most")
            for response in [text, huge] { #expect(response.headers[.contentType] == "text/html; charset=utf-8") }
        }
    }

    @Test func anHTTPSAddressMakesTheCookieSecureAndHostOnly() async throws {
        try await fixture.app(try await fixture.site(baseURL: "https://returns.example.org")).test(.router) { client in
            let browser = Browser(client)
            let response = try await browser.get(fixture.linkPath("jppb"))
            let cookie = try #require(response.headers[.setCookie])
            #expect(cookie.hasPrefix("__Host-boardpack-session="))
            #expect(cookie.contains("Secure") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Path=/"))
            #expect(!cookie.contains("Domain"))
            #expect(response.headers[.strictTransportSecurity] == "max-age=31536000")
            #expect(try await browser.get("/agency").status == .ok)
        }
    }

    @Test func aSessionOutlivesARestartButNotARotation() async throws {
        let browser: Browser = try await fixture.app(try await fixture.site()).test(.router) { client in
            let browser = Browser(client)
            try await browser.open(fixture.linkPath("jppb"))
            return browser
        }
        // A new server over the same data folder: the page left open still works.
        let clock = fixture.clock
        let reopened = try PortalStore.open(fixture.data, clock: { clock.now() })
        var settings = PortalSettings()
        settings.soffice = nil
        let site = try await PortalSite(store: reopened, settings: settings)
        try await Application(router: PortalApplication.buildRouter(site)).test(.router) { client in
            let again = Browser(client)
            again.cookie = browser.cookie
            #expect(try await again.get("/agency").status == .ok)
            _ = try PortalSetup.links(store: reopened, agency: "JPPB", rotate: true, secretariat: false)
            #expect(try await again.get("/agency").status == .unauthorized, "rotating the link ends its sessions at once")
            #expect(try await Browser(client).get(fixture.linkPath("jppb")).status == .notFound)
        }
    }

    @Test func theTemplatesNeverPrintUnescaped() throws {
        let folder = Pages.folder
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".mustache") }
        #expect(names.count >= 12)
        for name in names {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            #expect(!text.contains("{{{") && !text.contains("{{&"), "\(name) prints a value unescaped")
            #expect(!text.contains("<script>") && !text.contains("style=\""), "\(name): no inline script or style (the CSP forbids them)")
        }
    }
}
