import BoardPack
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Portal
import ReportModel
import TestSupport
import Testing

/// A clock the tests move: deadlines, session and link expiry.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var date: Date

    init(_ iso: String = "2013-07-07T12:00:00Z") { date = ISO8601DateFormatter().date(from: iso)! }

    func now() -> Date { lock.withLock { date } }
    func advance(_ seconds: TimeInterval) { lock.withLock { date = date.addingTimeInterval(seconds) } }
}

/// A portal set up in a fresh folder for the Kent 2012-13 report rolled into 2013-14 Q1 (so each
/// goal has last period's rating), as `boardpack portal init` sets one up, with its links.
struct PortalFixture {
    let scratch: TemporaryFolder
    let reportFile: URL
    let report: Report
    let data: DataFolder
    let links: IssuedLinks
    let clock: TestClock
    let store: PortalStore
    static let period = "2013-14 Q1"

    init(due: String? = "2013-07-12", closes: String? = nil) throws {
        scratch = TemporaryFolder("portal")
        clock = TestClock()
        let kent = try Examples.report(Examples.kent)
        report = try Rollover(report: kent, file: "kent.json").validNext(Period(guessing: Self.period), output: "q1.json")
        reportFile = scratch.file("q1.json")
        try ReportCoding.encode(report).write(to: reportFile)
        data = DataFolder(scratch.file("data").path)
        let clock = self.clock
        links = try PortalSetup.initialise(report: reportFile.path, data: data, due: due, closes: closes, contact: "Rob Jacques (Kent Probation), 01622 000000",
            baseURL: nil, clock: { clock.now() })
        store = try PortalStore.open(data, clock: { clock.now() })
    }

    /// The portal's web side over this store, with a low bcrypt cost and no LibreOffice unless asked.
    /// - Parameter largestFile: smaller than the portal's 20 MB where a test sends a file past
    ///   it: the multipart parser is slow in a debug build (20 MB takes half a minute).
    func site(failureLimit: Int = 10, baseURL: String? = nil, soffice: Bool = false, largestFile: Int = UploadCheck.largestFile) async throws -> PortalSite {
        var settings = PortalSettings(baseURL: try baseURL.map(BaseURL.init))
        settings.bcryptCost = 4
        settings.failureLimit = failureLimit
        settings.largestFile = largestFile
        if !soffice { settings.soffice = nil }
        return try await PortalSite(store: store, settings: settings)
    }

    func app(_ site: PortalSite) -> some ApplicationProtocol {
        Application(router: PortalApplication.buildRouter(site))
    }

    /// The path of an agency's link: /r/TOKEN.
    func linkPath(_ agency: String) -> String {
        let url = links.agencies.first { $0.id == agency }!.url
        return String(url[url.range(of: "/r/")!.lowerBound...])
    }

    var setupPath: String {
        let url = links.secretariat!
        return String(url[url.range(of: "/s/")!.lowerBound...])
    }

    func scope(_ agency: String) -> ReturnScope { ReturnScope.all(in: report).first { $0.agency.id == agency }! }

    /// The agency's blank return, as `boardpack returns` writes it.
    func blank(_ agency: String) throws -> URL {
        let file = scratch.file("blank-" + scope(agency).fileName)
        if !FileManager.default.fileExists(atPath: file.path) {
            try ReturnTemplate(report: report, scope: scope(agency), deadline: "Friday 12 July 2013").write(to: file)
        }
        return file
    }

    /// A browser signed in as the secretariat, its password set through the one-time link.
    func secretariat(_ client: any TestClientProtocol, password: String = "correct horse battery staple") async throws -> Browser {
        let browser = Browser(client)
        try await browser.open(setupPath, next: "/secretariat/password")
        let csrf = try await browser.csrf(on: "/secretariat/password")
        let saved = try await browser.post("/secretariat/password", [("csrf", csrf), ("password", password), ("confirm", password)])
        #expect(saved.status == .seeOther && saved.headers[.location] == "/secretariat")
        return browser
    }

    static let scripts = repositoryRoot.appendingPathComponent("Tests/PortalTests/Scripts")

    /// A return filled in with openpyxl by Scripts/fill_return.py (see there for `answers`).
    func filled(_ agency: String, _ name: String, _ answers: [String: Any], from source: URL? = nil) throws -> URL {
        let out = scratch.file(name)
        try FileManager.default.createDirectory(at: out.deletingLastPathComponent(), withIntermediateDirectories: true)
        let json = String(decoding: try JSONSerialization.data(withJSONObject: answers), as: UTF8.self)
        try run("/usr/bin/env", ["python3", Self.scripts.appendingPathComponent("fill_return.py").path, try source?.path ?? blank(agency).path, out.path, json])
        return out
    }

    /// Every goal of the agency answered Green with an update, every figure given, signed.
    func complete(_ agency: String, _ name: String, status: String = "Green", _ overrides: [String: [Any]] = [:]) throws -> URL {
        var goals: [String: [Any]] = [:]
        for item in scope(agency).goals { goals[item.goal.id] = overrides[item.goal.id] ?? [status, "Progress on \(item.goal.id) as planned."] }
        var figures: [String: String] = [:]
        for item in scope(agency).measures { figures[item.measure.id] = MeasureKind.of(item.measure) == .percent ? "50%" : "120" }
        return try filled(agency, name, ["goals": goals, "figures": figures, "completedBy": "Rob Jacques", "date": "08/07/2013"])
    }
}

// MARK: - Talking to the router as a browser would

/// One browser: its session cookie, kept from response to response.
final class Browser: @unchecked Sendable {
    let client: any TestClientProtocol
    var cookie: String?
    var address: String?

    init(_ client: any TestClientProtocol) { self.client = client }

    @discardableResult
    func get(_ path: String, headers: HTTPFields = [:]) async throws -> TestResponse {
        try await send(path, method: .get, headers: headers, body: nil)
    }

    /// A url-encoded form, as a browser posts one (from this origin).
    @discardableResult
    func post(_ path: String, _ fields: [(String, String)], headers: HTTPFields = [:]) async throws -> TestResponse {
        var headers = headers
        headers[.contentType] = "application/x-www-form-urlencoded"
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        let body = fields.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed)!)" }.joined(separator: "&")
        return try await send(path, method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    /// A multipart upload: the fields first (the token), then the file, as the portal's forms send them.
    @discardableResult
    func upload(_ path: String, _ fields: [(String, String)], file: (name: String, bytes: [UInt8])?, headers: HTTPFields = [:]) async throws -> TestResponse {
        let boundary = "----boardpack\(UUID().uuidString)"
        var body: [UInt8] = []
        for (name, value) in fields {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        if let file {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(file.name)\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8)
            body += file.bytes
            body += Array("\r\n".utf8)
        }
        body += Array("--\(boundary)--\r\n".utf8)
        var headers = headers
        headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
        return try await send(path, method: .post, headers: headers, body: ByteBuffer(bytes: body))
    }

    func send(_ path: String, method: HTTPRequest.Method, headers: HTTPFields, body: ByteBuffer?) async throws -> TestResponse {
        var headers = headers
        if let cookie { headers[.cookie] = cookie }
        let response = try await client.executeRequest(uri: path, method: method, headers: headers, body: body)
        for header in response.headers[values: .setCookie] {
            let pair = header.split(separator: ";")[0]
            cookie = pair.hasSuffix("=") ? nil : String(pair)
        }
        return response
    }

    /// The form token on the page at `path`.
    func csrf(on path: String) async throws -> String {
        let page = String(buffer: try await get(path).body)
        let marker = "name=\"csrf\" value=\""
        guard let start = page.range(of: marker)?.upperBound, let end = page[start...].firstIndex(of: "\"") else {
            throw PortalTestError("no form token on \(path)")
        }
        return String(page[start..<end])
    }

    /// Opens a private link (an agency's, or the secretariat's one-time link): the session cookie
    /// is kept, and the page it answers with moves on to `next`.
    func open(_ linkPath: String, next: String = "/agency") async throws {
        let response = try await get(linkPath)
        guard response.status == .ok, response.text.contains("<a href=\"\(next)\" data-next") else {
            throw PortalTestError("\(linkPath) answered \(response.status): \(response.text)")
        }
    }
}

struct PortalTestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

extension TestResponse {
    var text: String { String(buffer: body) }
    var bytes: [UInt8] { Array(body.readableBytesView) }
}

/// Text as the page shows it, HTML-escaped as mustache escapes it.
func escaped(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        .replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "'", with: "&#39;")
}
