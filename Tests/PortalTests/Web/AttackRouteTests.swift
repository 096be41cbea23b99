import BoardPack
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Portal
import ReportModel
import TestSupport
import Testing

/// What an attacker would try, each through the router as a browser sends it: a form of the
/// portal posted without its token or from another site (every form the templates hold, so a
/// new form without a token fails here), a secretariat page with an agency's session, file
/// names that are paths or hold control characters, and script typed into every text of a
/// return, read on every page the secretariat sees.
@Suite struct AttackRouteTests {
    let fixture: PortalFixture
    static let password = "correct horse battery staple"

    init() throws { fixture = try PortalFixture() }

    /// Every `<form>` in the templates: its action and its text up to `</form>`.
    static func forms() throws -> [(template: String, action: String, text: String)] {
        var found: [(String, String, String)] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: Pages.folder.path).sorted() where name.hasSuffix(".mustache") {
            let text = try String(contentsOf: Pages.folder.appendingPathComponent(name), encoding: .utf8)
            var rest = Substring(text)
            while let start = rest.range(of: "<form") {
                let end = rest[start.lowerBound...].range(of: "</form>")?.upperBound ?? rest.endIndex
                let form = String(rest[start.lowerBound..<end])
                let action = form.range(of: #"action="([^"]*)""#, options: .regularExpression).map { String(form[$0].dropFirst(8).dropLast()) } ?? ""
                found.append((name, action, form))
                rest = rest[end...]
            }
        }
        return found
    }

    /// Signs in as the secretariat (choosing the password through the one-time link).
    func secretariat(_ client: any TestClientProtocol) async throws -> Browser {
        let browser = Browser(client)
        try await browser.open(fixture.setupPath, next: "/secretariat/password")
        let csrf = try await browser.csrf(on: "/secretariat/password")
        let saved = try await browser.post("/secretariat/password", [("csrf", csrf), ("password", Self.password), ("confirm", Self.password)])
        #expect(saved.status == .seeOther)
        return browser
    }

    @Test func everyFormCarriesItsTokenAndIsRefusedWithoutItOrFromAnotherSite() async throws {
        let forms = try Self.forms()
        #expect(forms.count >= 12, "the templates' forms were found: \(forms.map(\.action))")
        // The one form without a token: signing in, when there is no session yet to tie a
        // token to. A post from another site is refused all the same (below), and a password
        // is needed, so another site can neither sign someone in nor guess through a browser.
        let noSession: Set<String> = ["/sign-in"]
        for form in forms {
            #expect(form.text.contains("method=\"post\""), "\(form.template): \(form.action) posts")
            if !noSession.contains(form.action) {
                #expect(form.text.contains("<input type=\"hidden\" name=\"csrf\" value=\"{{csrf}}\">"), "\(form.template): the form to \(form.action) carries the session's token")
            }
        }
        try await fixture.app(try await fixture.site()).test(.router) { client in
            let agency = Browser(client)
            try await agency.open(fixture.linkPath("jppb"))
            let secretariat = try await secretariat(client)
            let setup = Browser(client)
            let links = try PortalSetup.links(store: fixture.store, agency: nil, rotate: false, secretariat: true)
            let setupURL = try #require(links.secretariat)
            try await setup.open(String(setupURL[setupURL.range(of: "/s/")!.lowerBound...]), next: "/secretariat/password")
            // Whose session posts each form, by where it posts; a form this test does not know
            // fails it, so a new area is added here, with its session.
            func session(_ action: String) -> Browser? {
                if action == "/sign-in" { return Browser(client) }
                if action == "/sign-out" || action.hasPrefix("/agency/") { return agency }
                if action == "/secretariat/password" { return setup }
                if action.hasPrefix("/secretariat/") { return secretariat }
                return nil
            }
            let file: (String, [UInt8]) = ("jppb.xlsx", Array(try Data(contentsOf: try fixture.blank("jppb"))))
            let fetchSite = HTTPField.Name("Sec-Fetch-Site")!
            for template in Set(forms.map(\.action)).sorted() {
                let browser = try #require(session(template), "a form to \(template) that this test does not know: add it, with its session")
                let multipart = forms.first { $0.action == template }!.text.contains("multipart/form-data")
                // An address with a value in it: an agency's contacts, a message of the mail log.
                let action = template.replacingOccurrences(of: "{{id}}", with: template.hasPrefix("/secretariat/contacts") ? "jppb" : "1")
                let fields = [("agency", "jppb"), ("password", Self.password), ("confirm", Self.password)]
                func post(_ fields: [(String, String)], _ headers: HTTPFields = [:]) async throws -> TestResponse {
                    multipart ? try await browser.upload(action, fields, file: file, headers: headers) : try await browser.post(action, fields, headers: headers)
                }
                if !noSession.contains(template) {
                    #expect(try await post(fields).status == .forbidden, "\(action) without the token")
                    #expect(try await post([("csrf", String(repeating: "A", count: 43))] + fields).status == .forbidden, "\(action) with another token")
                }
                for headers: HTTPFields in [[.origin: "http://evil.example"], [fetchSite: "cross-site"], [fetchSite: "same-site", .origin: "http://localhost"]] {
                    #expect(try await post(fields, headers).status == .forbidden, "\(action) from another site: \(headers)")
                }
            }
            #expect(try fixture.store.uploads(period: 1, as: .secretariat).isEmpty, "no upload was taken")
            #expect(try fixture.store.latestMerge(period: 1) == nil, "no merge was made")
            #expect(try await agency.get("/agency").status == .ok, "nobody was signed out")
            #expect(try await secretariat.get("/secretariat").status == .ok, "nobody was signed out")
            #expect(!(try fixture.store.auditLog(limit: 100).entries.contains { $0.action == .signInFailed }), "a post from elsewhere is not even a sign-in attempt")
        }
    }

    @Test func noSecretariatPageOrFormAnswersAnAgencysSession() async throws {
        try await fixture.app(try await fixture.site()).test(.router) { client in
            let secretariat = try await secretariat(client)
            let upload = try await secretariat.upload("/secretariat/uploads", [("csrf", try await secretariat.csrf(on: "/secretariat")), ("agency", "kent-probation")],
                file: ("p.xlsx", Array(try Data(contentsOf: try fixture.blank("kent-probation")))))
            #expect(upload.status == .seeOther)
            #expect(try await secretariat.post("/secretariat/merge", [("csrf", try await secretariat.csrf(on: "/secretariat/merge"))]).status == .seeOther)

            let agency = Browser(client)
            try await agency.open(fixture.linkPath("jppb"))
            let csrf = try await agency.csrf(on: "/agency")
            for path in ["/secretariat", "/secretariat/merge", "/secretariat/audit", "/secretariat/agencies/jppb", "/secretariat/agencies/kent-probation",
                "/secretariat/uploads/1", "/secretariat/uploads/1/receipt", "/secretariat/uploads/1/file", "/secretariat/password",
                "/secretariat/downloads/1/merged.json", "/secretariat/downloads/1/board-pack.xlsx", "/secretariat/downloads/1/merge-summary.txt"]
            {
                let response = try await agency.get(path)
                #expect(response.status == .unauthorized, "\(path)")
                #expect(!response.text.contains("p.xlsx") && response.headers[.contentDisposition] == nil, "\(path) shows nothing of it")
            }
            #expect(try await agency.post("/secretariat/merge", [("csrf", csrf)]).status == .unauthorized)
            #expect(try await agency.upload("/secretariat/uploads", [("csrf", csrf), ("agency", "kent-probation")], file: ("x.xlsx", [1, 2, 3])).status == .unauthorized)
            #expect(try await agency.post("/secretariat/password", [("csrf", csrf), ("password", "agency's own password"), ("confirm", "agency's own password")]).status == .unauthorized)
            #expect(try fixture.store.uploads(period: 1, as: .secretariat).count == 1 && (try fixture.store.latestMerge(period: 1)?.id) == 1)
            #expect(try await Browser(client).post("/sign-in", [("password", Self.password)]).status == .seeOther, "the password is unchanged")
            // Nor does an agency reach another's uploads by its path: the secretariat's upload
            // for Kent Probation, at the agency's own address for uploads.
            for path in ["/agency/uploads/1", "/agency/uploads/1/receipt", "/agency/uploads/1/file"] {
                #expect(try await agency.get(path).status == .notFound, "\(path)")
            }
        }
    }

    @Test func aFileNameIsTextNeverAPathNorAHeader() async throws {
        let blank = Array(try Data(contentsOf: try fixture.blank("jppb")))
        let names: [(sent: String, shown: String)] = [
            ("../../../../tmp/boardpack-evil.xlsx", "boardpack-evil.xlsx"),
            ("..\\..\\windows\\evil.xlsx", "evil.xlsx"),
            ("/etc/passwd", "passwd"),
            ("..", ".."),
            ("tab\there\u{7F}.xlsx", "tabhere.xlsx"),
            ("nul\u{0}byte.xlsx", "nulbyte.xlsx"),
            ("\u{202E}xslx.exe", "\u{202E}xslx.exe"),
        ]
        let before = try FileManager.default.subpathsOfDirectory(atPath: fixture.data.url.path).filter { !$0.hasPrefix("uploads") && !$0.hasPrefix("boardpack.sqlite") }
        try await fixture.app(try await fixture.site()).test(.router) { client in
            let browser = Browser(client)
            try await browser.open(fixture.linkPath("jppb"))
            let csrf = try await browser.csrf(on: "/agency")
            for (i, name) in names.enumerated() {
                let response = try await browser.upload("/agency/uploads", [("csrf", csrf)], file: (name.sent, blank + [UInt8(i)]))
                #expect(response.status == .seeOther, "\(name.sent.debugDescription)")
                let id = try #require(response.headers[.location]?.split(separator: "/").last.flatMap { Int64($0) })
                let stored = try #require(try fixture.store.upload(id, as: .secretariat))
                #expect(stored.originalName == name.shown, "\(name.sent.debugDescription) is kept as \(stored.originalName.debugDescription)")
                #expect(stored.sha256 == SHA256.hex(blank + [UInt8(i)]))
                let file = try await browser.get("/agency/uploads/\(id)/file")
                let disposition = try #require(file.headers[.contentDisposition])
                #expect(disposition.hasPrefix("attachment; filename=\""), "\(disposition)")
                #expect(!disposition.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || $0.value > 0x7E }, "only plain ASCII in the header: \(disposition.debugDescription)")
                #expect(!disposition.contains("/") || disposition.contains("filename*=UTF-8''"), "no path")
                #expect(file.bytes == blank + [UInt8(i)])
            }
        }
        #expect(!FileManager.default.fileExists(atPath: "/tmp/boardpack-evil.xlsx"))
        let after = try FileManager.default.subpathsOfDirectory(atPath: fixture.data.url.path)
        let files = after.filter { $0.hasPrefix("uploads/") }
        #expect(files.allSatisfy { $0.dropFirst("uploads/".count).count == 64 }, "every stored file is named by its SHA-256: \(files)")
        #expect(after.filter { !$0.hasPrefix("uploads") && !$0.hasPrefix("boardpack.sqlite") } == before, "nothing written elsewhere in the data folder")
    }

    @Test func scriptTypedIntoEveryTextOfAReturnIsTextOnEverySecretariatPage() async throws {
        // An agency that leads two goals or more and supplies a figure.
        let scope = try #require(ReturnScope.all(in: fixture.report).first { $0.goals.count >= 2 && !$0.measures.isEmpty })
        let id = scope.agency.id
        let goals = scope.goals.map(\.goal.id)
        let typed = (
            update: "<script>alert('update')</script>", status: "<svg onload=alert('status')>", figure: "<img src=x onerror=alert('figure')>",
            completedBy: "<b onmouseover=alert('by')>Rob</b>", date: "<i>08/07/2013</i>", name: "<iframe src=x onload=alert('name')>.xlsx")
        let answers: [String: Any] = [
            "goals": [goals[0]: ["Green", typed.update], goals[1]: [typed.status, "ok"]],
            "figures": [scope.measures[0].measure.id: typed.figure],
            "completedBy": typed.completedBy, "date": typed.date,
        ]
        let file = try fixture.filled(id, "xss.xlsx", answers)
        let raw = ["<script>alert", "<svg onload", "<img src=x", "<b onmouseover", "<i>08", "<iframe"]
        try await fixture.app(try await fixture.site()).test(.router) { client in
            let agency = Browser(client)
            try await agency.open(fixture.linkPath(id))
            let upload = try await agency.upload("/agency/uploads", [("csrf", try await agency.csrf(on: "/agency"))], file: (typed.name, Array(try Data(contentsOf: file))))
            let number = try #require(upload.headers[.location]?.split(separator: "/").last.flatMap { Int64($0) })
            let secretariat = try await secretariat(client)
            #expect(try await secretariat.post("/secretariat/merge", [("csrf", try await secretariat.csrf(on: "/secretariat/merge"))]).status == .seeOther)
            _ = try await secretariat.get("/secretariat/uploads/\(number)/file")  // a download, so the audit log names the file again
            let pages: [(String, [String])] = [
                ("/secretariat", [typed.completedBy]),
                ("/secretariat/agencies/\(id)", [typed.name]),
                ("/secretariat/uploads/\(number)", [typed.update, typed.status, typed.figure, typed.completedBy, typed.date, typed.name]),
                ("/secretariat/uploads/\(number)/receipt", [typed.completedBy, typed.date, typed.name]),
                ("/secretariat/merge", [typed.name]),
                ("/secretariat/audit", [typed.name]),
            ]
            for (path, shown) in pages {
                let response = try await secretariat.get(path)
                #expect(response.status == .ok, "\(path)")
                let html = response.text
                for marker in raw { #expect(!html.contains(marker), "\(path) prints \(marker) as markup") }
                for text in shown { #expect(html.contains(escaped(text)), "\(path) shows \(text) as text") }
            }
            // The merge's own texts are files, never pages: a download, as text or JSON.
            for (path, type) in [("/secretariat/downloads/1/merge-summary.txt", "text/plain"), ("/secretariat/downloads/1/merged.json", "application/json")] {
                let response = try await secretariat.get(path)
                #expect(response.headers[.contentType]?.hasPrefix(type) == true && response.headers[.contentDisposition]?.hasPrefix("attachment") == true, "\(path)")
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
            }
        }
    }
}
