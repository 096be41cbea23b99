import ChildProcess
import Foundation
import Portal
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A selenium script (Scripts/*_browser.py, driving Debian's chromium) run to its end in a process
/// group of its own, its JSON config as its argument. It prints one JSON object of what it saw.
struct BrowserScript {
    let status: Int32
    /// Its standard output; nil when it ran over the time allowed (and was killed).
    let output: String?
    let errors: String
    /// Whether anything of its group (chromium, chromedriver) outlived it and had to be killed.
    let left: Bool

    /// Chromium's own folders in the shared temporary folder; the scripts give it one of theirs.
    static func chromiumFolders() -> Set<String> {
        Set(((try? FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory())) ?? []).filter { $0.hasPrefix("org.chromium.") })
    }

    init(_ script: URL, config: [String: Any], seconds: Double = 300) throws {
        let foldersBefore = Self.chromiumFolders()
        defer { #expect(Self.chromiumFolders().subtracting(foldersBefore).isEmpty, "chromium left folders in the temporary folder") }
        let browser = try ChildProcess("/usr/bin/env", ["python3", script.path, String(decoding: try JSONSerialization.data(withJSONObject: config), as: UTF8.self)])
        let read = browser.readToEnd(seconds: seconds)
        if read == nil { browser.killGroup(SIGKILL) }
        status = browser.waitForExit()
        // driver.quit() ends chromium; its helpers take a moment. Whatever outlives that is killed
        // (and fails the test).
        var left = true
        for _ in 0..<50 where left {
            left = kill(-browser.pid, 0) == 0
            if left { usleep(100_000) }
        }
        if left { kill(-browser.pid, SIGKILL) }
        self.left = left
        output = read.map { String(decoding: $0.output, as: UTF8.self) }
        errors = read.map { String(decoding: $0.errors, as: UTF8.self) } ?? ""
    }

    /// What it saw, after expecting a clean end; nil when it failed (the expectations say how).
    func seen() throws -> [String: Any]? {
        #expect(!left, "no browser or driver is left running")
        let text = try #require(output, "the browser script ran over its time")
        #expect(status == 0, "\(text)\n\(errors.suffix(3000))")
        guard status == 0 else { return nil }
        return try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
    }

    /// What every scenario starts with: a work folder, the screenshots folder when
    /// BOARDPACK_PORTAL_SCREENSHOTS asks for one, the real server, and the script's common
    /// settings (the addresses, the agency's link and name, a one-time secretariat link issued
    /// now, since the server keeps real time and the fixture's is from 2013, and a password).
    static func scene(_ fixture: PortalFixture, agency: String, name: String) throws -> (work: TemporaryFolder, server: PortalServer, config: [String: Any]) {
        let work = TemporaryFolder(name)
        let screenshots = ProcessInfo.processInfo.environment["BOARDPACK_PORTAL_SCREENSHOTS"]
        if let screenshots { try FileManager.default.createDirectory(atPath: screenshots, withIntermediateDirectories: true) }
        let setup = try #require(try PortalSetup.links(store: try PortalStore.open(fixture.data), agency: nil, rotate: false, secretariat: true).secretariat)
        let server = try PortalServer(data: fixture.data.url.path)
        let config: [String: Any] = [
            "base": server.base, "agencyLink": server.base + fixture.linkPath(agency), "agency": fixture.scope(agency).agency.name,
            "setupLink": server.base + setup[setup.range(of: "/s/")!.lowerBound...], "password": "three random words here",
            "work": work.url.path, "screenshots": screenshots ?? NSNull(),
        ]
        return (work, server, config)
    }

    /// The script run against the scene's server, then the server stopped as Ctrl-C would:
    /// what the script saw, or nil when it failed (the failure recorded).
    static func run(_ script: URL, _ config: [String: Any], server: PortalServer) throws -> [String: Any]? {
        let browser = try BrowserScript(script, config: config)
        #expect(server.stop() == 0, "the server ends cleanly on SIGTERM")
        #expect(!server.groupAlive)
        return try browser.seen()
    }
}
