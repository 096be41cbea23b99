import BoardPack
import Foundation
import ReportModel

#if canImport(Glibc)
import Glibc
#endif

/// A folder of files named by their SHA-256 (`uploads/`, `merged/`).
///
/// A file is written to a temporary file in the folder, flushed to the disk (fsync), then linked
/// under its hash and the folder flushed too, before the caller commits the row that names it: a
/// crash at any moment leaves either no file or the whole file, and at worst a file no row names
/// yet (harmless: the next upload of the same bytes finds it there). A name is never written
/// twice: the same bytes already there are the same file, so nothing is ever overwritten, and
/// nothing here deletes one.
public struct ContentFolder: Sendable {
    public let url: URL
    /// Temporary files start with this; they are never a stored file's name.
    static let incomingPrefix = ".incoming-"

    public init(_ url: URL) { self.url = url }

    /// Creates the folder when it is missing (owner only: returns are not for other users).
    func create() throws {
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }

    /// Where the file with this digest is (or would be).
    public func file(_ sha256: String) -> URL {
        precondition(sha256.count == 64 && sha256.allSatisfy(\.isHexDigit), "a stored file is named by its SHA-256")
        return url.appendingPathComponent(sha256)
    }

    /// Stores `bytes` durably under their SHA-256, which it returns.
    public func store(_ bytes: [UInt8]) throws -> String {
        let digest = SHA256.hex(bytes)
        let target = file(digest)
        if FileManager.default.fileExists(atPath: target.path) { return digest }
        var template = Array("\(url.path)/\(Self.incomingPrefix)XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw failure("cannot create a file in \(url.path)") }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        defer { unlink(temporary) }  // after link() the stored name keeps the file
        do {
            defer { close(fd) }
            var written = 0
            while written < bytes.count {
                let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + written, $0.count - written) }
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { throw failure("cannot write \(target.lastPathComponent)") }
                written += n
            }
            guard fsync(fd) == 0 else { throw failure("cannot flush \(target.lastPathComponent) to the disk") }
        }
        // link() refuses an existing name where rename() would replace it: never an overwrite.
        if link(temporary, target.path) != 0 && errno != EEXIST { throw failure("cannot store \(target.lastPathComponent)") }
        try syncFolder()
        return digest
    }

    /// The stored file's bytes.
    public func read(_ sha256: String) throws -> [UInt8] {
        do {
            return [UInt8](try Data(contentsOf: file(sha256)))
        } catch {
            throw DataFolderProblem("\(file(sha256).path): cannot be read (\(SystemReason.of(error)))")
        }
    }

    /// Temporary files left by a process that was killed while writing: never acknowledged, so
    /// nothing is lost by removing them.
    func removeLeftovers() {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        for name in names where name.hasPrefix(Self.incomingPrefix) { unlink(url.appendingPathComponent(name).path) }
    }

    private func syncFolder() throws {
        let fd = open(url.path, O_RDONLY | O_DIRECTORY)
        guard fd >= 0 else { throw failure("cannot open \(url.path)") }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw failure("cannot flush \(url.path) to the disk") }
    }

    private func failure(_ what: String) -> any Error {
        let reason = "\(what): \(String(cString: strerror(errno)))"
        return DiskFull.isFull(errno) ? DiskFull(reason) : DataFolderProblem(reason)
    }
}
