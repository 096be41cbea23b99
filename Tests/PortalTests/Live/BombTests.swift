import BoardPack
import Foundation
import Portal
import TestSupport
import Testing

/// A ZIP bomb and an XML entity bomb ("billion laughs") uploaded to the real server: each is
/// kept and refused with the reader's reason, and the server's peak memory (VmHWM, which only
/// grows) stays where a plain return left it.
@Suite struct BombTests {
    let fixture: PortalFixture

    init() throws { fixture = try PortalFixture() }

    /// The server's peak resident memory so far, in bytes.
    func peak(_ server: PortalServer) throws -> Int {
        let status = try String(contentsOfFile: "/proc/\(server.process.pid)/status", encoding: .utf8)
        let line = try #require(status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") })
        return try #require(Int(line.split(separator: " ", omittingEmptySubsequences: true)[1])) * 1024
    }

    @Test func zipAndEntityBombsAreRefusedWithMemoryFlat() throws {
        // 400 MB of spaces in the first sheet, compressed to well under 1 MB.
        let zipBomb = try fixture.filled("jppb", "zip-bomb.xlsx", ["padSheet": 400_000_000])
        // The shared strings part replaced by ten levels of ten entities each: 10^10 "lol"s if
        // anything expanded them.
        let entityBomb = fixture.scratch.file("entity-bomb.xlsx")
        var levels = #"<!ENTITY lol0 "lol">"#
        for i in 1...9 { levels += "<!ENTITY lol\(i) \"" + String(repeating: "&lol\(i - 1);", count: 10) + "\">" }
        let laughs = #"<?xml version="1.0"?><!DOCTYPE sst [\#(levels)]><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>&lol9;</t></si></sst>"#
        try run("/usr/bin/env", ["python3", "-c", """
            import sys, zipfile
            source, target, laughs = sys.argv[1:4]
            with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
                for item in src.infolist():
                    out.writestr(item, laughs if item.filename == "xl/sharedStrings.xml" else src.read(item.filename))
                if "xl/sharedStrings.xml" not in src.namelist():
                    raise SystemExit("the return has no shared strings part to replace")
            """, try fixture.blank("jppb").path, entityBomb.path, laughs])

        let server = try PortalServer(data: fixture.data.url.path)
        let agency = try LiveServerTests.Agency(port: server.port, link: fixture.linkPath("jppb"))
        // A plain return first, so the baseline holds what any upload costs.
        #expect(try agency.upload("plain.xlsx", Array(try Data(contentsOf: try fixture.complete("jppb", "plain.xlsx")))).0 == 303)
        let baseline = try peak(server)
        // The sheet's 400 MB of spaces are one XML token: refused once past the scanner's 32 MiB
        // for one, while it streams, long before the ZIP's ratio limit would be reached.
        for (file, reason) in [(zipBomb, "an XML token is larger than 32 MiB"), (entityBomb, "(DOCTYPE) is refused")] {
            let bytes = Array(try Data(contentsOf: file))
            #expect(bytes.count < 2_000_000, "\(file.lastPathComponent) is small: \(bytes.count) bytes")
            let (status, location) = try agency.upload(file.lastPathComponent, bytes)
            #expect(status == 303)
            let page = String(decoding: try agency.get(try #require(location)).body, as: UTF8.self)
            #expect(page.contains("We could not take this file") && page.contains(escaped(reason)), "\(file.lastPathComponent): \(page)")
        }
        let grown = try peak(server) - baseline
        // The scanner holds at most one token of 32 MiB: about 36 MB more here. With its limit
        // switched off the same upload took 70 MB more before the archive's own limits stopped it.
        #expect(grown < 48 * 1024 * 1024, "the server's peak memory grew by \(grown / 1024 / 1024) MB")
        let uploads = try fixture.store.uploads(period: 1, as: .secretariat)
        #expect(uploads.map(\.outcome) == [.refused, .refused, .received], "both bombs kept and refused")
        #expect(server.stop() == 0)
    }
}
