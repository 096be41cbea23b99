import BoardPack
import Foundation
import GRDB

#if canImport(Glibc)
import Glibc
#endif

/// `boardpack portal backup` and `restore`: the data folder in one file, taken while the
/// server runs, and a new data folder made from it only once every file in it is checked.
///
/// The backup is a tar of the data folder's own layout (`tar tf` lists it; `tar xf` into an
/// empty folder gives a data folder):
///
/// ```
/// boardpack.sqlite   the database at one moment (SQLite's online backup)
/// link-secret        the key agency links are derived with: the same links work after a restore
/// uploads/SHA256     every upload that database names
/// merged/SHA256      every merged report it names
/// SHA256SUMS         the SHA-256 of each file above, as sha256sum prints them
/// ```
///
/// The database is copied first; the files it names are then copied from the folder. A file is
/// on the disk before the row that names it commits, and none is ever deleted or rewritten, so
/// every file the copy names is there, whatever the server did meanwhile.
public enum PortalBackup {
    public struct Summary: Sendable {
        public var uploads: Int
        public var merges: Int
        public var bytes: Int
        public var sha256: String
    }

    static let database = "boardpack.sqlite"
    static let secret = "link-secret"
    static let sums = "SHA256SUMS"

    // MARK: - Backup

    /// Writes the backup of `data` to `output`, a new file (never one that exists), whole or
    /// not at all: it is written beside `output` under a temporary name and linked to its name
    /// only when complete and on the disk.
    public static func backup(_ data: DataFolder, to output: String) throws -> Summary {
        let target = URL(fileURLWithPath: output).standardizedFileURL
        try refuseExisting(target, output)
        let folder = data.url.resolvingSymlinksInPath().path + "/"
        if target.deletingLastPathComponent().resolvingSymlinksInPath().path.appending("/").hasPrefix(folder) {
            throw DataFolderProblem("\(output): is inside the portal's data folder; keep backups elsewhere (another disk, ideally)")
        }
        let store = try PortalStore.open(data)
        let scratch = try ScratchFolder(beside: target)
        defer { scratch.remove() }

        let copy = scratch.path + "/" + database
        try store.backupDatabase(to: copy)
        let (files, uploads, merges) = try DatabaseQueue(path: copy).read { db in
            try checkIntegrity(db, of: "the copy of \(data.database.path)")
            let files = try PortalStore.filesNamed(in: db)
            return (files, try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM upload") ?? 0, try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM merge") ?? 0)
        }

        let temporary = try scratch.newFile(in: target.deletingLastPathComponent().path, named: target.lastPathComponent)
        defer { unlink(temporary.path) }  // after link() the backup's own name keeps the file
        let writer = TarWriter(fd: temporary.fd, name: output)
        defer { close(temporary.fd) }
        var listing = ""
        listing += "\(try writer.add(database, copying: copy))  \(database)\n"
        listing += "\(try writer.add(secret, copying: data.secret.path))  \(secret)\n"
        for file in files {
            let digest = try writer.add(file, copying: data.url.appendingPathComponent(file).path)
            guard digest == URL(fileURLWithPath: file).lastPathComponent else {
                throw DataFolderProblem("\(data.url.appendingPathComponent(file).path): its bytes no longer match its SHA-256, its name; the store is damaged and no backup was written")
            }
            listing += "\(digest)  \(file)\n"
        }
        try writer.add(sums, bytes: Array(listing.utf8), mtime: Int(Date().timeIntervalSince1970))
        try writer.finish()
        guard fsync(temporary.fd) == 0 else { throw DataFolderProblem("\(output): cannot be flushed to the disk (\(String(cString: strerror(errno))))") }
        // link() refuses a name that exists, where rename() would replace it.
        guard link(temporary.path, target.path) == 0 else {
            throw DataFolderProblem(errno == EEXIST ? "\(output): appeared while the backup was written; it is not replaced" : "\(output): cannot be written (\(String(cString: strerror(errno))))")
        }
        try syncFolder(target.deletingLastPathComponent().path)
        let digest = try sha256(of: target.path)
        try store.record(AuditRecord(
            at: store.now, actor: PortalSetup.actor, action: .backup,
            detail: "\(Wording.plural(uploads, "upload")) and \(Wording.plural(merges, "merge")) to \(target.lastPathComponent)", sha256: digest))
        return Summary(uploads: uploads, merges: merges, bytes: writer.written, sha256: digest)
    }

    // MARK: - Restore

    /// Makes `data`, which must not exist or be an empty folder, from the backup `archive`. Every
    /// file is checked against `SHA256SUMS` (and each stored file against its name), the database
    /// for integrity and for every file it names; only then does the folder take its name. On
    /// any refusal nothing is left behind.
    public static func restore(_ archive: String, into data: DataFolder) throws -> Summary {
        let target = data.url
        var info = stat()
        if lstat(target.path, &info) == 0 {
            let empty = info.st_mode & S_IFMT == S_IFDIR && ((try? FileManager.default.contentsOfDirectory(atPath: target.path).isEmpty) ?? false)
            guard empty else { throw DataFolderProblem("\(target.path): is not empty; a backup is restored into a new folder, never over another") }
        }
        let input = open(archive, O_RDONLY)
        guard input >= 0 else { throw DataFolderProblem("\(archive): cannot be read (\(String(cString: strerror(errno))))") }
        defer { close(input) }
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        let staging = try ScratchFolder(beside: target)
        var restored = false
        defer { if !restored { staging.remove() } }

        let reader = TarReader(fd: input, archive: archive)
        var found: [String: String] = [:]
        var listed: String?
        while let entry = try reader.next() {
            guard found[entry.name] == nil, entry.name != sums || listed == nil else {
                throw DataFolderProblem("\(archive): holds \(entry.name) twice; it is not a portal's backup")
            }
            if entry.name == sums {
                guard entry.size <= 64 * 1024 * 1024 else { throw DataFolderProblem("\(archive): its \(sums) is too large to be a backup's") }
                var bytes: [UInt8] = []
                try reader.contents { bytes += $0 }
                listed = String(decoding: bytes, as: UTF8.self)
                continue
            }
            guard isBackupFile(entry.name) else {
                throw DataFolderProblem("\(archive): holds \(entry.name.debugDescription), which is not part of a portal's backup")
            }
            let digest = try staging.write(entry.name, from: reader)
            if let stored = storedName(entry.name), stored != digest {
                throw DataFolderProblem("\(archive): \(entry.name) does not match its SHA-256 (its bytes give \(digest)); the backup is damaged")
            }
            found[entry.name] = digest
        }
        guard let listed else { throw DataFolderProblem("\(archive): has no \(sums); it is not a complete portal backup") }
        var sumsByName: [String: String] = [:]
        for line in listed.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, parts[1].hasPrefix(" ") else { throw DataFolderProblem("\(archive): its \(sums) cannot be read") }
            sumsByName[String(parts[1].dropFirst())] = String(parts[0])
        }
        for (name, digest) in sumsByName.sorted(by: { $0.key < $1.key }) {
            guard let got = found[name] else { throw DataFolderProblem("\(archive): lacks \(name), which its \(sums) lists; the backup is incomplete") }
            guard got == digest else { throw DataFolderProblem("\(archive): \(name) does not match its SHA-256 in \(sums); the backup is damaged") }
        }
        if let extra = found.keys.sorted().first(where: { sumsByName[$0] == nil }) {
            throw DataFolderProblem("\(archive): holds \(extra), which its \(sums) does not list; the backup is damaged")
        }
        guard found[database] != nil, found[secret] != nil else { throw DataFolderProblem("\(archive): lacks the database or the link secret; it is not a portal's backup") }

        let (uploads, merges) = try DatabaseQueue(path: staging.path + "/" + database).read { db in
            try checkIntegrity(db, of: "\(archive)'s database")
            for file in try PortalStore.filesNamed(in: db) where found[file] == nil {
                throw DataFolderProblem("\(archive): its database names \(file), which the backup does not hold; it is damaged")
            }
            return (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM upload") ?? 0, try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM merge") ?? 0)
        }
        for folder in PortalStore.storedFiles.map(\.folder) {
            try FileManager.default.createDirectory(atPath: staging.path + "/" + folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            try syncFolder(staging.path + "/" + folder)
        }
        try syncFolder(staging.path)
        // rename() takes an empty folder's place in one step: the data folder appears whole.
        guard rename(staging.path, target.path) == 0 else {
            throw DataFolderProblem("\(target.path): cannot be made (\(String(cString: strerror(errno))))")
        }
        restored = true
        try syncFolder(target.deletingLastPathComponent().path)
        var size = stat()
        _ = stat(archive, &size)
        return Summary(uploads: uploads, merges: merges, bytes: Int(size.st_size), sha256: try sha256(of: archive))
    }

    // MARK: -

    /// The names a backup may hold besides `SHA256SUMS`: nothing else is ever written anywhere.
    static func isBackupFile(_ name: String) -> Bool {
        name == database || name == secret || storedName(name) != nil
    }

    /// The SHA-256 a stored file's name gives (`uploads/SHA256`), or nil for any other name.
    static func storedName(_ name: String) -> String? {
        let parts = name.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, PortalStore.storedFiles.contains(where: { $0.folder == parts[0] }), parts[1].utf8.count == 64,
            parts[1].utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) })
        else { return nil }
        return String(parts[1])
    }

    static func checkIntegrity(_ db: Database, of what: String) throws {
        let result = try String.fetchAll(db, sql: "PRAGMA integrity_check")
        guard result == ["ok"] else { throw DataFolderProblem("\(what) fails SQLite's integrity check: \(result.prefix(3).joined(separator: "; "))") }
    }

    private static func refuseExisting(_ target: URL, _ output: String) throws {
        var info = stat()
        if lstat(target.path, &info) == 0 {
            throw DataFolderProblem("\(output): exists; a backup never replaces a file, so give it a new name (a date in it, say)")
        }
        var folder = stat()
        guard stat(target.deletingLastPathComponent().path, &folder) == 0, folder.st_mode & S_IFMT == S_IFDIR else {
            throw DataFolderProblem("\(output): its folder \(target.deletingLastPathComponent().path) does not exist")
        }
    }

    static func sha256(of path: String) throws -> String {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw DataFolderProblem("\(path): cannot be read (\(String(cString: strerror(errno))))") }
        defer { close(fd) }
        let digest = SHA256.Stream()
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else { throw DataFolderProblem("\(path): cannot be read (\(String(cString: strerror(errno))))") }
            if n == 0 { return digest.hex() }
            buffer.withUnsafeBytes { digest.update(UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
        }
    }

    static func syncFolder(_ path: String) throws {
        let fd = open(path, O_RDONLY | O_DIRECTORY)
        guard fd >= 0, fsync(fd) == 0 else {
            if fd >= 0 { close(fd) }
            throw DataFolderProblem("\(path): cannot be flushed to the disk (\(String(cString: strerror(errno))))")
        }
        close(fd)
    }
}

/// A private folder beside a backup or a restored folder (so on the same disk), removed unless
/// it is renamed into place.
struct ScratchFolder {
    let path: String

    init(beside url: URL) throws {
        var template = Array("\(url.deletingLastPathComponent().path)/.\(url.lastPathComponent).partial-XXXXXX".utf8CString)
        guard template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) != nil else {
            throw DataFolderProblem("\(url.deletingLastPathComponent().path): cannot make a folder in it (\(String(cString: strerror(errno))))")
        }
        path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }

    /// A new private file in `folder`, named after `name`, open for writing.
    func newFile(in folder: String, named name: String) throws -> (path: String, fd: Int32) {
        var template = Array("\(folder)/.\(name).partial-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw DataFolderProblem("\(folder)/\(name): cannot be written (\(String(cString: strerror(errno))))") }
        return (String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self), fd)
    }

    /// Writes the reader's current entry to `name` in this folder (owner only, flushed); its SHA-256.
    func write(_ name: String, from reader: TarReader) throws -> String {
        let file = path + "/" + name
        let parent = (file as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let fd = open(file, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else { throw DataFolderProblem("\(file): cannot be written (\(String(cString: strerror(errno))))") }
        defer { close(fd) }
        let digest = SHA256.Stream()
        try reader.contents { bytes in
            digest.update(bytes)
            guard writeAll(fd, bytes) else { throw DataFolderProblem("\(file): cannot be written (\(String(cString: strerror(errno))))") }
        }
        guard fsync(fd) == 0 else { throw DataFolderProblem("\(file): cannot be flushed to the disk (\(String(cString: strerror(errno))))") }
        return digest.hex()
    }
}
