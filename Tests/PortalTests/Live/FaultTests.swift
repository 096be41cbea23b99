import BoardPack
import ChildProcess
import Foundation
import GRDB
import Portal
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The real server when things go wrong under it: killed (kill -9) at moments drawn from a
/// seeded generator while uploads run, a disk with no room, a database held by a long read or
/// a writer. Nothing acknowledged is lost, nothing half-written is ever served, and each failure
/// is a page that says what happened. The long version (100 uploads, a kill every few) is
/// `benchmarks/portal-faults`.
@Suite struct FaultTests {
    let fixture: PortalFixture

    init() throws { fixture = try PortalFixture() }

    /// SplitMix64: the same moments on every run, so a failure can be replayed.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// What a restart must find: the database whole, every acknowledged upload served whole,
    /// every row's file there under its SHA-256, and no temporary file left.
    func checkAfterRestart(_ server: PortalServer, _ agency: LiveServerTests.Agency, acknowledged: [(location: String, bytes: [UInt8])], sent: Set<[UInt8]>) throws {
        let integrity = try DatabaseQueue(path: fixture.data.database.path).read { try String.fetchAll($0, sql: "PRAGMA integrity_check") }
        #expect(integrity == ["ok"])
        try agency.expectServedWhole(acknowledged)
        let store = try PortalStore.open(fixture.data)
        for upload in try store.uploads(period: 1, as: .secretariat) {
            let bytes = try store.uploads.read(upload.sha256)
            #expect(SHA256.hex(bytes) == upload.sha256, "upload \(upload.id!)'s file is whole")
            #expect(sent.contains(bytes), "upload \(upload.id!) is one of the files sent")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: store.uploads.url.path)
        #expect(names.allSatisfy { $0.count == 64 && $0.allSatisfy(\.isHexDigit) }, "no temporary file after the restart: \(names)")
    }

    @Test func killedAtSeededMomentsWhileUploadsRunItLosesNothingAcknowledged() throws {
        var random = Seeded(state: 23)
        let blank = Array(try Data(contentsOf: try fixture.blank("jppb")))
        var acknowledged: [(location: String, bytes: [UInt8])] = []
        var sent = Set<[UInt8]>()
        var server = try PortalServer(data: fixture.data.url.path)
        var agency = try LiveServerTests.Agency(port: server.port, link: fixture.linkPath("jppb"))
        for round in 0..<4 {
            let files = (0..<5).map { blank + [UInt8(round), UInt8($0)] }
            sent.formUnion(files)
            let results = Locked<[(Int, String?, [UInt8])]>([])
            let group = DispatchGroup()
            for (i, file) in files.enumerated() {
                DispatchQueue.global().async(group: group) { [agency] in
                    let (status, location) = (try? agency.upload("round \(round) upload \(i).xlsx", file)) ?? (0, nil)
                    results.update { $0.append((status, location, file)) }
                }
            }
            usleep(UInt32.random(in: 0..<800_000, using: &random))
            server.kill()
            group.wait()
            for (status, location, file) in results.value where status == 303 { acknowledged.append((try #require(location), file)) }
            #expect(results.value.allSatisfy { $0.0 == 303 || $0.0 == 0 }, "an upload is acknowledged or gets no answer: \(results.value.map(\.0))")

            server = try PortalServer(data: fixture.data.url.path)
            agency = LiveServerTests.Agency(port: server.port, cookie: agency.cookie, csrf: agency.csrf)
            try checkAfterRestart(server, agency, acknowledged: acknowledged, sent: sent)
        }
        #expect(server.stop() == 0)
    }

    /// The server under a limit on the size of any file it writes (RLIMIT_FSIZE, with SIGXFSZ
    /// ignored as a server must): a write past it fails as a full disk does, part-way through.
    @Test func aDiskWithNoRoomRefusesTheUploadWithAPageAndLosesNothingEarlier() throws {
        let blank = Array(try Data(contentsOf: try fixture.blank("jppb")))
        let database = fixture.data.database.path
        let used = [database, database + "-wal"].compactMap { try? FileManager.default.attributesOfItem(atPath: $0)[.size] as? Int }.max() ?? 0
        // Room for the database to grow by 1 MB, but not for a file 1 MB larger than that.
        let limit = used + 1024 * 1024
        let limited = [
            "/usr/bin/env", "python3", "-c",
            "import os, resource, signal, sys; signal.signal(signal.SIGXFSZ, signal.SIG_IGN); resource.setrlimit(resource.RLIMIT_FSIZE, (int(sys.argv[1]),) * 2); os.execv(sys.argv[2], sys.argv[2:])",
            String(limit),
        ]
        let server = try PortalServer(data: fixture.data.url.path, wrapper: limited)
        let agency = try LiveServerTests.Agency(port: server.port, link: fixture.linkPath("jppb"))
        let earlier = try agency.upload("earlier.xlsx", blank)
        #expect(earlier.0 == 303)

        var generator = Seeded(state: 7)
        let large = (0..<(limit + 1024 * 1024)).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let body = agency.form("large.xlsx", large)
        let refused = try agency.request(agency.uploadHead(length: body.count), body: body)
        #expect(refused.status == 507)
        let page = String(decoding: refused.body, as: UTF8.self)
        #expect(page.contains("The portal has no room to keep this") && page.contains("Everything sent before is safe"), "\(page)")

        // Nothing earlier lost, nothing half-written left, and the next upload is taken.
        let location = try #require(earlier.1)
        #expect(try agency.get(location + "/file").body == blank)
        let names = try FileManager.default.contentsOfDirectory(atPath: fixture.data.uploads.path)
        #expect(names == [SHA256.hex(blank)], "only the earlier file, no part of the large one: \(names)")
        #expect(try agency.upload("later.xlsx", blank + [1]).0 == 303)
        #expect(try fixture.store.uploads(period: 1, as: .secretariat).map(\.originalName) == ["later.xlsx", "earlier.xlsx"])
        #expect(server.stop() == 0)
    }

    /// A program that opens the database and holds a transaction until its input closes: a
    /// read (`BEGIN; SELECT`) or the write lock (`BEGIN IMMEDIATE`), as a report or a backup
    /// script might.
    func holder(_ kind: String) throws -> ChildProcess {
        let script = """
            import sqlite3, sys
            db = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)
            db.execute("BEGIN IMMEDIATE" if sys.argv[2] == "write" else "BEGIN")
            print("holding", db.execute("SELECT COUNT(*) FROM upload").fetchone()[0], flush=True)
            sys.stdin.read()
            print("saw", db.execute("SELECT COUNT(*) FROM upload").fetchone()[0], flush=True)
            db.execute("COMMIT")
            """
        let process = try ChildProcess("/usr/bin/env", ["python3", "-c", script, fixture.data.database.path, kind], keepingInputOpen: true)
        let line = try PortalServer.firstLine(of: process, timeout: 30)
        #expect(line.hasPrefix("holding "), "\(line)")
        return process
    }

    @Test func aDatabaseHeldByALongReadOrABriefWriteLosesNoUpload() throws {
        let server = try PortalServer(data: fixture.data.url.path)
        let agency = try LiveServerTests.Agency(port: server.port, link: fixture.linkPath("jppb"))
        let blank = Array(try Data(contentsOf: try fixture.blank("jppb")))

        // A read held open for as long as the upload takes: WAL lets the writer commit past it,
        // and the reader goes on seeing the database as it began.
        let reader = try holder("read")
        let during = try agency.upload("during a read.xlsx", blank)
        #expect(during.0 == 303, "taken while the read is held")
        reader.closeInput()
        #expect(try PortalServer.firstLine(of: reader, timeout: 30) == "saw 0", "the read saw one moment throughout")
        #expect(reader.waitForExit(seconds: 30) == 0)

        // The write lock held by another program for a moment: the upload waits for it (up to
        // the store's 10 s), then commits.
        let writer = try holder("write")
        let waiting = Locked<(Int, String?)>((0, nil))
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) {
            let result = (try? agency.upload("during a write.xlsx", blank + [1])) ?? (0, nil)
            waiting.update { $0 = result }
        }
        usleep(1_000_000)
        writer.closeInput()
        #expect(writer.waitForExit(seconds: 30) == 0)
        group.wait()
        #expect(waiting.value.0 == 303)
        #expect(try fixture.store.uploads(period: 1, as: .secretariat).map(\.originalName) == ["during a write.xlsx", "during a read.xlsx"])
        #expect(server.stop() == 0)
    }
}
