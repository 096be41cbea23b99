import BoardPack
import ChildProcess
import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Portal
import ReportModel
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `boardpack portal backup` while the real server takes uploads, and `restore`: the restored
/// folder serves the same pages and merges to the same bytes; a backup that is damaged,
/// incomplete or not a backup is refused and leaves nothing behind.
@Suite struct BackupTests {
    let fixture: PortalFixture

    init() throws { fixture = try PortalFixture() }

    static let password = "correct horse battery staple"

    /// The upload ids, oldest first, and each row's fields that say what was received.
    func uploadRows(_ data: DataFolder) throws -> [[String]] {
        try DatabaseQueue(path: data.database.path).read { db in
            try Row.fetchAll(db, sql: "SELECT id, agencyID, originalName, sha256, size, outcome, usable, hex(result) FROM upload ORDER BY id").map { row in
                (0..<row.count).map { "\(row[$0] as DatabaseValue)" }
            }
        }
    }

    func integrity(_ data: DataFolder) throws -> [String] {
        try DatabaseQueue(path: data.database.path).read { try String.fetchAll($0, sql: "PRAGMA integrity_check") }
    }

    @Test func aBackupTakenWhile20UploadsRunRestoresToTheSamePagesAndTheSameMergedBytes() async throws {
        let data = fixture.data.url.path
        let server = try PortalServer(data: data)
        let agencies = ["jppb", "kent-probation", "medway-yot", "iys-kcc", "jobcentre-plus"]
        var files: [String: [UInt8]] = [:]
        for agency in agencies {
            files[agency] = Array(try Data(contentsOf: try fixture.complete(agency, "\(agency)-complete.xlsx")))
        }
        let browsers = try agencies.map { try LiveServerTests.Agency(port: server.port, link: fixture.linkPath($0)) }
        // Twenty uploads: a complete return or the blank one, in turn, from five agencies.
        let uploads = try (0..<20).map { i -> (agency: Int, name: String, bytes: [UInt8]) in
            let agency = i % agencies.count
            let bytes = i % 4 == 3 ? Array(try Data(contentsOf: try fixture.blank(agencies[agency]))) : files[agencies[agency]]!
            return (agency, "upload \(i).xlsx", bytes)
        }
        // The last ten are sent up to half their body and held there while the backup is
        // taken, so it surely runs while uploads do: none of those can be in it.
        let held = try uploads[10...].map { upload -> (RawConnection, [UInt8]) in
            let browser = browsers[upload.agency]
            let body = browser.form(upload.name, upload.bytes)
            let connection = try RawConnection(port: server.port)
            connection.send(Array(browser.uploadHead(length: body.count).utf8) + Array(body.prefix(body.count / 2)))
            return (connection, Array(body.suffix(from: body.count / 2)))
        }
        // The first ten run at the same moment as the backup, on threads of their own.
        let statuses = Locked<[Int: Int]>([:])
        let group = DispatchGroup()
        for (i, upload) in uploads[..<10].enumerated() {
            DispatchQueue.global().async(group: group) {
                let status = (try? browsers[upload.agency].upload(upload.name, upload.bytes).0) ?? 0
                statuses.update { $0[i] = status }
            }
        }
        let during = fixture.scratch.file("during.tar").path
        let backup = try command("boardpack", ["portal", "backup", "--data", data, "-o", during])
        #expect(backup.status == 0, "\(backup.err)")
        #expect(backup.out.hasPrefix("Backed up ") && backup.out.contains(" to \(during) "), "\(backup.out)")
        for (connection, rest) in held {
            connection.send(rest)
            #expect(try connection.response().status == 303)
        }
        group.wait()
        #expect(statuses.value.count == 10 && statuses.value.values.allSatisfy { $0 == 303 }, "\(statuses.value)")

        // Restored: the database as it was at one moment. The uploads in it are the first ones
        // committed, whole (a prefix of the original's, row for row), and no held upload.
        let first = DataFolder(fixture.scratch.file("restored-during").path)
        let restore = try command("boardpack-portal", ["restore", during, "--data", first.url.path])
        #expect(restore.status == 0, "\(restore.err)")
        let original = try uploadRows(fixture.data), restored = try uploadRows(first)
        #expect(original.count == 20)
        #expect(restored == Array(original.prefix(restored.count)), "the backup holds the uploads committed before it, as they were")
        #expect(!restored.contains { row in held.indices.contains { row[2] == "upload \(10 + $0).xlsx" } }, "no upload still in flight")
        let restoredStore = try PortalStore.open(first)
        for upload in try restoredStore.uploads(period: 1, as: .secretariat) {
            #expect(SHA256.hex(try restoredStore.uploads.read(upload.sha256)) == upload.sha256)
        }
        #expect(try integrity(first) == ["ok"])

        // A second backup with the server still running and all twenty taken: the restored
        // folder serves the same pages to the same browsers, and merges to the same bytes.
        let clock = fixture.clock
        let site = try await fixture.site()
        let secretariatCookie: String = try await fixture.app(site).test(.router) { client in
            let browser = Browser(client)
            try await browser.open(fixture.setupPath, next: "/secretariat/password")
            let csrf = try await browser.csrf(on: "/secretariat/password")
            let saved = try await browser.post("/secretariat/password", [("csrf", csrf), ("password", Self.password), ("confirm", Self.password)])
            #expect(saved.status == .seeOther)
            #expect(try await browser.post("/secretariat/merge", [("csrf", try await browser.csrf(on: "/secretariat/merge"))]).status == .seeOther)
            return browser.cookie!
        }
        let after = fixture.scratch.file("after.tar").path
        #expect(try command("boardpack-portal", ["backup", "--data", data, "-o", after]).status == 0)
        let second = DataFolder(fixture.scratch.file("restored-after").path)
        try FileManager.default.createDirectory(at: second.url, withIntermediateDirectories: false)  // an empty folder is taken
        let restoredAfter = try command("boardpack", ["portal", "restore", after, "--data", second.url.path])
        #expect(restoredAfter.status == 0 && restoredAfter.out.hasPrefix("Restored 20 uploads and 1 merge into "), "\(restoredAfter.out)\(restoredAfter.err)")

        let agencyPaths = ["/agency"] + (try fixture.store.uploads(period: 1, agency: "jppb", as: .secretariat)).flatMap { upload in
            ["/agency/uploads/\(upload.id!)", "/agency/uploads/\(upload.id!)/receipt", "/agency/uploads/\(upload.id!)/file"]
        }
        let secretariatPaths = ["/secretariat", "/secretariat/merge", "/secretariat/agencies/iys-kcc", "/secretariat/uploads/7", "/secretariat/uploads/7/receipt",
            "/secretariat/downloads/1/merged.json", "/secretariat/downloads/1/merge-summary.txt"]
        func pages(of folder: DataFolder) async throws -> [String: (HTTPResponse.Status, [UInt8])] {
            var settings = PortalSettings()
            settings.soffice = nil
            let site = try await PortalSite(store: try PortalStore.open(folder, clock: { clock.now() }), settings: settings)
            return try await Application(router: PortalApplication.buildRouter(site)).test(.router) { client in
                var out: [String: (HTTPResponse.Status, [UInt8])] = [:]
                let agency = Browser(client), secretariat = Browser(client)
                agency.cookie = browsers[0].cookie
                secretariat.cookie = secretariatCookie
                for (browser, paths) in [(agency, agencyPaths), (secretariat, secretariatPaths)] {
                    for path in paths {
                        let response = try await browser.get(path)
                        out[path] = (response.status, response.bytes)
                    }
                }
                return out
            }
        }
        let before = try await pages(of: fixture.data), back = try await pages(of: second)
        for path in agencyPaths + secretariatPaths {
            #expect(before[path]?.0 == .ok && back[path]?.0 == .ok, "\(path) is the page itself")
            #expect(before[path]?.1 == back[path]?.1, "\(path) is the same page from the restored folder")
        }
        let exported = try ["original": fixture.data, "restored": second].mapValues { folder in
            let out = fixture.scratch.file("\(folder.url.lastPathComponent)-merged.json")
            let export = try command("boardpack-portal", ["export", "--data", folder.url.path, "-o", out.path])
            #expect(export.status <= 1, "\(export.err)")
            return try Data(contentsOf: out)
        }
        #expect(exported["original"] == exported["restored"], "the restored store merges to the same bytes")
        let period = try #require(try fixture.store.openPeriod())
        #expect(try PeriodMerge.of(period, store: try PortalStore.open(second), reports: PeriodReports()).json == exported["original"])

        // The restored folder served by the real program: the old links and sessions work.
        let again = try PortalServer(data: second.url.path)
        let agency = try LiveServerTests.Agency(port: again.port, link: fixture.linkPath("medway-yot"))
        let page = try agency.request("GET /agency HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: \(browsers[0].cookie)\r\nConnection: close\r\n\r\n")
        #expect(page.status == 200)
        #expect(again.stop() == 0 && server.stop() == 0)
        #expect(try fixture.store.auditLog(limit: 10).entries.contains { $0.action == .backup && $0.detail == "20 uploads and 1 merge to after.tar" })
    }

    /// JPPB's blank return, kept as an upload.
    func storedUpload() throws -> UploadRecord {
        let blank = Array(try Data(contentsOf: try fixture.blank("jppb")))
        let period = try #require(try fixture.store.openPeriod())
        let record = UploadCheck.check(blank, name: "r.xlsx", agency: "jppb", period: period, checker: try PeriodReports().checker(for: period),
            source: .upload, uploadedBy: "JPPB (link)", address: nil, at: fixture.store.now)
        return try fixture.store.addUpload(blank, record)
    }

    @Test func aBackupIsAPlainTarWithItsSumsAndNeverReplacesAFile() throws {
        let data = fixture.data.url.path
        let upload = try storedUpload()
        let out = fixture.scratch.file("backup.tar").path
        #expect(try command("boardpack-portal", ["backup", "--data", data, "-o", out]).status == 0)
        let mode = try FileManager.default.attributesOfItem(atPath: out)[.posixPermissions] as? Int
        #expect(mode == 0o600, "it holds the link secret and the returns")

        // GNU tar reads it; sha256sum checks it; the unpacked folder is a data folder.
        let listed = String(decoding: try run("/usr/bin/env", ["tar", "-tf", out]), as: UTF8.self)
        #expect(listed == "boardpack.sqlite\nlink-secret\nuploads/\(upload.sha256)\nSHA256SUMS\n")
        let unpacked = fixture.scratch.file("unpacked")
        try FileManager.default.createDirectory(at: unpacked, withIntermediateDirectories: false)
        try run("/usr/bin/env", ["tar", "-xf", out, "-C", unpacked.path])
        try run("/usr/bin/env", ["sha256sum", "--check", "--quiet", "SHA256SUMS"], in: unpacked)

        // Never over a file, never into the data folder.
        let before = try Data(contentsOf: URL(fileURLWithPath: out))
        let again = try command("boardpack-portal", ["backup", "--data", data, "-o", out])
        #expect(again.status == 2 && again.err == "\(out): exists; a backup never replaces a file, so give it a new name (a date in it, say)\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == before)
        let inside = try command("boardpack-portal", ["backup", "--data", data, "-o", data + "/uploads/b.tar"])
        #expect(inside.status == 2 && inside.err.contains("is inside the portal's data folder"), "\(inside.err)")
        let noFolder = try command("boardpack-portal", ["backup", "--data", data, "-o", fixture.scratch.file("no/such/b.tar").path])
        #expect(noFolder.status == 2 && noFolder.err.contains("does not exist"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: fixture.scratch.url.path).filter { $0.contains(".partial-") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    @Test func aDamagedIncompleteOrForeignBackupIsRefusedAndLeavesNothing() throws {
        let data = fixture.data.url.path
        let upload = try storedUpload()
        let good = fixture.scratch.file("good.tar")
        #expect(try command("boardpack-portal", ["backup", "--data", data, "-o", good.path]).status == 0)
        let bytes = Array(try Data(contentsOf: good))

        // The upload's bytes start at the block after its header.
        let header = try #require(find(Array("uploads/\(upload.sha256)".utf8), in: bytes))
        var flipped = bytes
        flipped[header + 512 + 100] ^= 0x01
        var secret = bytes  // only SHA256SUMS says what the link secret should be
        secret[try #require(find(Array("link-secret".utf8), in: bytes)) + 512] ^= 0x01
        var header2 = bytes
        header2[header + 1] = UInt8(ascii: "X")  // the header's checksum no longer adds up
        let foreign = fixture.scratch.file("foreign.tar")
        let outside = fixture.scratch.file("outside")
        try run("/usr/bin/env", ["python3", "-c", """
            import io, sys, tarfile
            with tarfile.open(sys.argv[1], "w", format=tarfile.USTAR_FORMAT) as t:
                data = b"pwned"
                info = tarfile.TarInfo("../outside"); info.size = len(data); t.addfile(info, io.BytesIO(data))
            """, foreign.path])
        let cases: [(String, [UInt8], String)] = [
            ("flipped", flipped, "uploads/\(upload.sha256) does not match its SHA-256 (its bytes give "),
            ("secret", secret, "link-secret does not match its SHA-256 in SHA256SUMS; the backup is damaged"),
            ("checksum", header2, "checksum does not add up"),
            ("truncated", Array(bytes.prefix(header + 512 + 700)), "ends in the middle of a file; the backup is incomplete"),
            ("without-sums", Array(bytes.prefix(try #require(find(Array("SHA256SUMS".utf8), in: bytes)))), "ends without the two empty blocks"),
            ("foreign", Array(try Data(contentsOf: foreign)), "holds \"../outside\", which is not part of a portal's backup"),
            ("not-a-tar", Array("just text\n".utf8), "ends without the two empty blocks"),
        ]
        for (name, archive, expected) in cases {
            let file = fixture.scratch.file("\(name).tar")
            try Data(archive).write(to: file)
            let target = fixture.scratch.file("restored-\(name)")
            let restore = try command("boardpack-portal", ["restore", file.path, "--data", target.path])
            #expect(restore.status == 2 && restore.err.contains(expected), "\(name): \(restore.err)")
            #expect(!FileManager.default.fileExists(atPath: target.path), "\(name): no folder made")
        }
        #expect(!FileManager.default.fileExists(atPath: outside.path), "nothing written outside")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: fixture.scratch.url.path).filter { $0.contains(".partial-") }
        #expect(leftovers.isEmpty, "\(leftovers)")

        // Never over a folder that holds anything, the data folder least of all.
        let refused = try command("boardpack-portal", ["restore", good.path, "--data", data])
        #expect(refused.status == 2 && refused.err == "\(fixture.data.url.path): is not empty; a backup is restored into a new folder, never over another\n")
        #expect(try fixture.store.uploads(period: 1, as: .secretariat).count == 1)
        let restored = fixture.scratch.file("restored")
        #expect(try command("boardpack-portal", ["restore", good.path, "--data", restored.path]).status == 0)
        let mode = try FileManager.default.attributesOfItem(atPath: restored.path)[.posixPermissions] as? Int
        #expect(mode == 0o700)
        #expect(try PortalStore.open(DataFolder(restored.path)).upload(upload.id!, as: .secretariat)?.sha256 == upload.sha256)
    }

    private func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for i in 0...(haystack.count - needle.count) where haystack[i] == needle[0] && Array(haystack[i..<(i + needle.count)]) == needle { return i }
        return nil
    }
}

/// A value several threads update.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value

    init(_ value: Value) { stored = value }

    var value: Value { lock.withLock { stored } }

    func update(_ body: (inout Value) -> Void) { lock.withLock { body(&stored) } }
}
