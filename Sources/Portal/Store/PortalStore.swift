import Foundation
import GRDB

#if canImport(Glibc)
import Glibc
#endif

/// The portal's store: one SQLite database (WAL, foreign keys on, every commit flushed to the
/// disk) and the folders of uploaded files and merged reports, in one data folder.
///
/// The queries live in extensions by subject (periods, links, sessions, uploads, merges, the
/// audit log); those that read agency data take a `Viewer`.
public final class PortalStore: Sendable {
    public let folder: DataFolder
    let database: DatabasePool
    /// Every uploaded file, by SHA-256.
    public let uploads: ContentFolder
    /// Every merged report, by SHA-256.
    public let merged: ContentFolder
    let secret: LinkSecret
    /// The clock, so tests can move time (link expiry, sessions, deadlines).
    let clock: @Sendable () -> Date

    /// Sets up a new portal in `folder` (created when missing); refuses a folder that holds one.
    public static func create(_ folder: DataFolder, clock: @escaping @Sendable () -> Date = Date.init) throws -> PortalStore {
        if folder.holdsPortal {
            throw DataFolderProblem("\(folder.url.path) already holds a portal; serve it (boardpack portal serve --data \(folder.url.path)) or start its next period with boardpack portal next")
        }
        do {
            try FileManager.default.createDirectory(at: folder.url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw DataFolderProblem("\(folder.url.path): cannot be created (\(error.localizedDescription))")
        }
        let secret = FileManager.default.fileExists(atPath: folder.secret.path)
            ? try LinkSecret.load(from: folder.secret) : try LinkSecret.create(at: folder.secret)
        return try PortalStore(folder: folder, secret: secret, clock: clock)
    }

    /// Opens the portal set up in `folder`.
    public static func open(_ folder: DataFolder, clock: @escaping @Sendable () -> Date = Date.init) throws -> PortalStore {
        guard folder.holdsPortal else {
            throw DataFolderProblem("\(folder.url.path) holds no portal; set one up with boardpack portal init REPORT.json --data \(folder.url.path)")
        }
        return try PortalStore(folder: folder, secret: try LinkSecret.load(from: folder.secret), clock: clock)
    }

    private init(folder: DataFolder, secret: LinkSecret, clock: @escaping @Sendable () -> Date) throws {
        self.folder = folder
        self.secret = secret
        self.clock = clock
        uploads = ContentFolder(folder.uploads)
        merged = ContentFolder(folder.merged)
        try uploads.create()
        try merged.create()
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        // A commit is on the disk before the portal says "received": kill -9, or a power cut,
        // loses nothing that was acknowledged. Uploads are few; the cost does not matter.
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        // The command line (links --rotate, next) may write while the server does.
        configuration.busyMode = .timeout(10)
        // Private from the start: SQLite gives its -wal and -shm files the database's mode.
        if !FileManager.default.fileExists(atPath: folder.database.path) {
            let fd = Glibc.open(folder.database.path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
            if fd >= 0 { Glibc.close(fd) }
        }
        do {
            database = try DatabasePool(path: folder.database.path, configuration: configuration)
            try Migrations.migrator.migrate(database)
        } catch let error as DatabaseError {
            throw DataFolderProblem("\(folder.database.path): \(error.message ?? "\(error)")")
        }
    }

    public var now: Date { clock() }

    // MARK: - Settings

    /// The address links are printed with, unless `serve --base-url` says otherwise.
    public func baseURL() throws -> String {
        try database.read { db in try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'baseURL'") } ?? "http://127.0.0.1:8080"
    }

    public func setBaseURL(_ url: String) throws {
        try database.write { db in
            try db.execute(sql: "INSERT INTO setting (key, value) VALUES ('baseURL', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", arguments: [url])
        }
    }

    // MARK: - Audit log

    /// Adds a line to the audit log (within the caller's transaction, when it has one).
    func record(_ entry: AuditRecord, in db: Database) throws {
        var entry = entry
        try entry.insert(db)
    }

    /// Adds a line to the audit log on its own.
    public func record(_ entry: AuditRecord) throws {
        try database.write { db in try record(entry, in: db) }
    }

    /// The audit log, newest first.
    public func auditLog(limit: Int, offset: Int = 0) throws -> (entries: [AuditRecord], total: Int) {
        try database.read { db in
            let entries = try AuditRecord.order(Column("id").desc).limit(limit, offset: offset).fetchAll(db)
            return (entries, try AuditRecord.fetchCount(db))
        }
    }
}

extension PortalStore {
    /// Removes what a killed process left half-written: temporary files never acknowledged.
    public func removeLeftovers() {
        uploads.removeLeftovers()
        merged.removeLeftovers()
    }
}
