import ChildProcess
import Foundation
import Portal
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A browser script of Scripts/ (selenium driving Debian's chromium) run against a real server:
/// the script in a process group of its own, then the server stopped as Ctrl-C would, and
/// whatever of the browser outlives the script killed (which fails the test).
enum BrowserScript {
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

    /// What the script saw (its one JSON object), or nil when it failed (the failure recorded).
    static func run(_ script: URL, _ config: [String: Any], server: PortalServer) throws -> [String: Any]? {
        let browser = try ChildProcess("/usr/bin/env", ["python3", script.path, String(decoding: try JSONSerialization.data(withJSONObject: config), as: UTF8.self)])
        let output = browser.readToEnd(seconds: 300)
        if output == nil { browser.killGroup(SIGKILL) }
        let status = browser.waitForExit()
        #expect(server.stop() == 0, "the server ends cleanly on SIGTERM")
        #expect(!server.groupAlive)
        // driver.quit() ends chromium; its helpers take a moment. Whatever outlives that is killed
        // and fails the test.
        var left = true
        for _ in 0..<50 where left {
            left = kill(-browser.pid, 0) == 0
            if left { usleep(100_000) }
        }
        if left { kill(-browser.pid, SIGKILL) }
        #expect(!left, "no browser or driver is left running")
        let (out, err) = try #require(output, "the browser script ran over 300 s")
        let text = String(decoding: out, as: UTF8.self)
        #expect(status == 0, "\(text)\n\(String(decoding: err, as: UTF8.self).suffix(3000))")
        guard status == 0 else { return nil }
        return try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
    }
}
