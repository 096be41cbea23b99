import Foundation
import GRDB

extension PortalStore {
    /// The stored files the database names: every upload's, in `uploads/`, and every merge's, in
    /// `merged/`. One home, so the backup copies, and the restore checks, the same files.
    static let storedFiles: [(table: String, folder: String)] = [("upload", "uploads"), ("merge", "merged")]

    /// The files `db` names, as paths in the data folder (`uploads/SHA256`), each once.
    static func filesNamed(in db: Database) throws -> [String] {
        var paths: [String] = []
        for (table, folder) in storedFiles {
            paths += try String.fetchAll(db, sql: "SELECT DISTINCT sha256 FROM \(table) ORDER BY sha256").map { "\(folder)/\($0)" }
        }
        return paths
    }

    /// Copies the database to a new file at `path`: SQLite's online backup, all of it inside one
    /// read transaction, so the copy is the database as it was at one moment while the server
    /// goes on writing (WAL: a reader never holds a writer up). The copy is left in rollback
    /// mode, one file with no -wal beside it; the portal makes it WAL again when it opens it.
    func backupDatabase(to path: String) throws {
        let copy = try DatabaseQueue(path: path)
        try database.backup(to: copy)
        try copy.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = DELETE") }
        try copy.close()
    }
}
