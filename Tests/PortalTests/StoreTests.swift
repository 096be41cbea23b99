import BoardPack
import Foundation
import GRDB
import Portal
import ReportModel
import TestSupport
import Testing

/// The store: a fresh migrated database per test (each fixture its own folder).
@Suite struct StoreTests {
    let fixture: PortalFixture

    init() throws { fixture = try PortalFixture() }

    var store: PortalStore { fixture.store }

    func upload(_ agency: String, _ bytes: [UInt8], name: String = "return.xlsx") throws -> UploadRecord {
        let period = try #require(try store.openPeriod())
        let record = UploadCheck.check(
            bytes, name: name, agency: agency, period: period, checker: try PeriodReports().checker(for: period), source: .upload,
            uploadedBy: "\(agency) (link)", address: "127.0.0.1", at: store.now)
        return try store.addUpload(bytes, record)
    }

    @Test func aNewStoreIsMigratedWithWALForeignKeysAndFullSync() throws {
        let db = try DatabaseQueue(path: fixture.data.database.path)
        try db.read { db in
            #expect(try String.fetchOne(db, sql: "PRAGMA journal_mode") == "wal")
            let tables = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'"))
            #expect(tables.isSuperset(of: ["period", "link", "upload", "session", "secretariat", "setupLink", "audit", "merge", "setting", "grdb_migrations",
                                           "extension", "agencyContact", "mail"]))
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM grdb_migrations") == 6)
        }
        let mode = try FileManager.default.attributesOfItem(atPath: fixture.data.database.path)[.posixPermissions] as? Int
        #expect(mode == 0o600, "the database holds returns: private to its owner")
        #expect(throws: (any Error).self, "a link to a period that does not exist is refused by the foreign key") {
            try store.rotateLinks(period: 999, agencies: ["jppb"], actor: "test")
        }
    }

    @Test func linksAreDerivedAgainAndOnlyTheirHashIsStored() throws {
        let period = try #require(try store.openPeriod())
        let links = try store.currentLinks(period: period.id!)
        #expect(links.count == ReturnScope.all(in: fixture.report).count, "one per agency that owes a return")
        let jppb = try #require(links.first { $0.agencyID == "jppb" })
        let token = store.token(of: jppb)
        #expect(token.count == 43, "256 bits, base64url")
        #expect(fixture.linkPath("jppb") == "/r/\(token)", "init printed the same token")
        #expect(try store.link(token: token)?.id == jppb.id)
        #expect(jppb.tokenHash == Tokens.hash(token) && jppb.tokenHash != token)
        // No token is anywhere in the database's files.
        var files = Data()
        for name in ["boardpack.sqlite", "boardpack.sqlite-wal"] {
            files += (try? Data(contentsOf: fixture.data.url.appendingPathComponent(name))) ?? Data()
        }
        #expect(!files.isEmpty)
        for link in links { #expect(files.range(of: Data(store.token(of: link).utf8)) == nil, "\(link.agencyID)'s token is stored") }

        let rotated = try store.rotateLinks(period: period.id!, agencies: ["jppb"], actor: "test")
        #expect(rotated.first?.generation == 2)
        #expect(try store.link(token: token) == nil, "the old link stops at once")
        #expect(try store.link(token: store.token(of: rotated[0]))?.agencyID == "jppb")
        #expect(try store.link(token: "not a token") == nil)
    }

    @Test func theLinkSecretIsPrivateAndOneOthersCanReadIsRefused() throws {
        let secret = fixture.data.secret.path
        #expect(try FileManager.default.attributesOfItem(atPath: secret)[.posixPermissions] as? Int == 0o600)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: secret)
        #expect(throws: DataFolderProblem.self) { try PortalStore.open(fixture.data) }
        do {
            _ = try PortalStore.open(fixture.data)
        } catch {
            #expect("\(error)" == "\(secret): can be read by other users (mode 644); make it private with chmod 600 \(secret)")
        }
    }

    @Test func uploadsAreKeptUnderTheirHashAndNeverOverwritten() throws {
        let bytes = Array(try Data(contentsOf: try fixture.blank("jppb")))
        let first = try upload("jppb", bytes)
        let second = try upload("jppb", bytes, name: "again.xlsx")
        #expect(first.sha256 == SHA256.hex(bytes) && second.sha256 == first.sha256)
        #expect(first.id != second.id, "the same file twice is two versions")
        let stored = store.uploads.file(first.sha256)
        #expect(try Data(contentsOf: stored) == Data(bytes))
        // A file already under a name is never written over, whatever is asked.
        let other = Array("not the same bytes".utf8)
        let otherName = store.uploads.file(SHA256.hex(other))
        try Data("left as it was".utf8).write(to: otherName)
        _ = try store.uploads.store(other)
        #expect(try String(contentsOf: otherName, encoding: .utf8) == "left as it was")
        // A temporary file a killed process left is removed; stored files stay.
        let leftover = store.uploads.url.appendingPathComponent(".incoming-abc123")
        try Data("half".utf8).write(to: leftover)
        store.removeLeftovers()
        #expect(!FileManager.default.fileExists(atPath: leftover.path))
        #expect(FileManager.default.fileExists(atPath: stored.path))
        let names = try FileManager.default.contentsOfDirectory(atPath: store.uploads.url.path)
        #expect(names.allSatisfy { $0.count == 64 }, "\(names)")
    }

    /// A page that merges the period checks each upload once: the second merge reads no file
    /// (they are moved away) and gives the same bytes; a new upload is still merged.
    @Test func eachUploadIsCheckedOnceAndANewOneIsStillMerged() throws {
        let period = try #require(try store.openPeriod())
        let reports = PeriodReports()
        _ = try upload("jppb", Array(try Data(contentsOf: try fixture.complete("jppb", "jppb.xlsx"))))
        _ = try upload("kent-probation", Array(try Data(contentsOf: try fixture.complete("kent-probation", "kp.xlsx"))))
        let first = try PeriodMerge.of(period, store: store, reports: reports)
        #expect(first.uploads.count == 2)
        let away = fixture.scratch.file("away")
        try FileManager.default.moveItem(at: store.uploads.url, to: away)
        try FileManager.default.createDirectory(at: store.uploads.url, withIntermediateDirectories: true)
        #expect(try PeriodMerge.of(period, store: store, reports: reports).json == first.json, "checked already: no file read")
        #expect(throws: (any Error).self, "a new cache has to read the files") { try PeriodMerge.of(period, store: store, reports: PeriodReports()) }
        try FileManager.default.removeItem(at: store.uploads.url)
        try FileManager.default.moveItem(at: away, to: store.uploads.url)
        _ = try upload("iys-kcc", Array(try Data(contentsOf: try fixture.complete("iys-kcc", "iys.xlsx"))))
        let third = try PeriodMerge.of(period, store: store, reports: reports)
        #expect(third.uploads.map(\.agencyID).sorted() == ["iys-kcc", "jppb", "kent-probation"])
        #expect(third.json == (try PeriodMerge.of(period, store: store, reports: PeriodReports())).json, "the same bytes as a merge from scratch")
    }

    @Test func anAgencysQueriesReturnOnlyItsOwnUploads() throws {
        let jppb = try upload("jppb", Array(try Data(contentsOf: try fixture.blank("jppb"))))
        let probation = try upload("kent-probation", Array(try Data(contentsOf: try fixture.blank("kent-probation"))))
        let period = jppb.periodID
        let asJPPB = Viewer.agency(id: "jppb", period: period)
        #expect(try store.upload(jppb.id!, as: asJPPB)?.id == jppb.id)
        #expect(try store.upload(probation.id!, as: asJPPB) == nil, "another agency's upload is not found")
        #expect(try store.uploads(period: period, as: asJPPB).map(\.agencyID) == ["jppb"])
        #expect(try store.uploads(period: period, agency: "kent-probation", as: asJPPB).isEmpty, "asking for another agency gives nothing")
        #expect(try store.upload(jppb.id!, as: .agency(id: "jppb", period: period + 1)) == nil, "nor from another period")
        #expect(try store.newestUploads(period: period, as: asJPPB).newest.keys.sorted() == ["jppb"])
        #expect(try store.uploads(period: period, as: .secretariat).count == 2)
    }

    @Test func uploadsAtTheSameMomentAllBecomeVersions() async throws {
        let bytes = Array(try Data(contentsOf: try fixture.blank("jppb")))
        let period = try #require(try store.openPeriod())
        let checker = try PeriodReports().checker(for: period)
        let store = self.store
        try await withThrowingTaskGroup(of: Void.self) { group in
            for i in 0..<12 {
                group.addTask {
                    var changed = bytes
                    changed.append(UInt8(i))  // a different file each, as a zip with a trailing byte
                    let record = UploadCheck.check(changed, name: "v\(i).xlsx", agency: "jppb", period: period, checker: checker, source: .upload,
                        uploadedBy: "JPPB (link)", address: nil, at: store.now)
                    _ = try store.addUpload(changed, record)
                }
            }
            try await group.waitForAll()
        }
        let uploads = try store.uploads(period: period.id!, as: .secretariat)
        #expect(uploads.count == 12)
        #expect(Set(uploads.map(\.sha256)).count == 12)
        for upload in uploads { #expect(FileManager.default.fileExists(atPath: store.uploads.file(upload.sha256).path)) }
        #expect(try store.auditLog(limit: 100).entries.filter { $0.action == .upload }.count == 12)
    }

    @Test func sessionsEndWithTheirTimeTheirLinkOrTheirPeriod() throws {
        let period = try #require(try store.openPeriod())
        let link = try #require(try store.currentLinks(period: period.id!).first { $0.agencyID == "jppb" })
        let (cookie, session) = try store.openAgencySession(link: link, actor: "JPPB (link)", address: "127.0.0.1")
        #expect(session.viewer == .agency(id: "jppb", period: period.id!))
        #expect(try store.session(cookie: cookie)?.idHash == Tokens.hash(cookie))
        #expect(try store.currentLinks(period: period.id!).first { $0.agencyID == "jppb" }?.firstUsedAt != nil, "the link is marked as opened")
        _ = try store.rotateLinks(period: period.id!, agencies: ["jppb"], actor: "test")
        #expect(try store.session(cookie: cookie) == nil, "rotating the link ends the sessions it opened")

        let (secretariat, _) = try store.openSecretariatSession(address: nil)
        #expect(try store.session(cookie: secretariat)?.kind == .secretariat)
        fixture.clock.advance(SessionLifetime.secretariat + 1)
        #expect(try store.session(cookie: secretariat) == nil, "a secretariat session lasts a working day")

        let setupToken = try store.issueSetupLink(actor: "test")
        let setup = try #require(try store.setupLink(token: setupToken))
        let (setupCookie, _) = try store.openSetupSession(setup: setup, address: nil)
        #expect(try store.session(cookie: setupCookie)?.viewer == nil, "a setup session reads nothing")
        try store.setPassword(hash: "x", setupID: setup.id, address: nil)
        #expect(try store.setupLink(token: setupToken) == nil, "the one-time link is used up")
        #expect(try store.session(cookie: setupCookie) == nil)
        let newer = try store.issueSetupLink(actor: "test")
        _ = try store.issueSetupLink(actor: "test")
        #expect(try store.setupLink(token: newer) == nil, "a newer one-time link replaces an unused one")
    }

    @Test func theAuditLogRecordsWhoWhatWhenWhereAndTheFile() throws {
        let bytes = Array(try Data(contentsOf: try fixture.blank("jppb")))
        let upload = try upload("jppb", bytes)
        let log = try store.auditLog(limit: 100).entries
        let opened = try #require(log.first { $0.action == .periodOpened })
        #expect(opened.detail == "2013-14 Q1, due 2013-07-12" && opened.actor == "command line")
        #expect(log.filter { $0.action == .linkIssued }.count == ReturnScope.all(in: fixture.report).count)
        #expect(log.contains { $0.action == .setupLinkIssued })
        let entry = try #require(log.first { $0.action == .upload })
        #expect(entry.sha256 == SHA256.hex(bytes) && entry.agencyID == "jppb" && entry.address == "127.0.0.1" && entry.actor == "jppb (link)")
        #expect(entry.detail == "\(upload.reference): return.xlsx, \(bytes.count) bytes, blank")
    }
}
