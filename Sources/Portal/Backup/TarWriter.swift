import BoardPack
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Writes a tar archive (POSIX ustar) of regular files to an open file, each streamed in pieces
/// and hashed on the way: the portal's backup, which `tar tf` lists and `tar xf` unpacks.
///
/// Only what a backup needs: regular files with short names (at most 100 bytes: the backup's
/// longest is `uploads/` and 64 hex digits), owner only, no owner names.
final class TarWriter {
    static let block = 512
    /// tar programs read in records of 20 blocks; the archive is padded to one.
    static let record = 20 * 512
    private let fd: Int32
    private let name: String
    private(set) var written = 0

    /// - Parameter name: the archive as the user named it, for messages.
    init(fd: Int32, name: String) {
        self.fd = fd
        self.name = name
    }

    /// Adds `bytes` as the file `path`; their SHA-256.
    @discardableResult
    func add(_ path: String, bytes: [UInt8], mtime: Int) throws -> String {
        try write(Self.header(path, size: bytes.count, mtime: mtime))
        try bytes.withUnsafeBytes { try write($0) }
        try pad()
        return SHA256.hex(bytes)
    }

    /// Adds the file at `source` as `path`, streamed; its SHA-256.
    /// - Throws: when the file cannot be read, or is not as long as it was when it was opened
    ///   (the backup's files never change: a store file that does is damage to report).
    func add(_ path: String, copying source: String) throws -> String {
        let input = open(source, O_RDONLY)
        guard input >= 0 else { throw DataFolderProblem("\(source): cannot be read (\(String(cString: strerror(errno))))") }
        defer { close(input) }
        var info = stat()
        guard fstat(input, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { throw DataFolderProblem("\(source): not a regular file") }
        let size = Int(info.st_size)
        try write(Self.header(path, size: size, mtime: Int(info.st_mtim.tv_sec)))
        let digest = SHA256.Stream()
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var copied = 0
        while copied < size {
            let n = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress!, min($0.count, size - copied)) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw DataFolderProblem("\(source): ended after \(copied) of its \(size) bytes while it was copied") }
            try buffer.withUnsafeBytes { try write(UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
            buffer.withUnsafeBytes { digest.update(UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
            copied += n
        }
        try pad()
        return digest.hex()
    }

    /// The end: two empty blocks, then zeros to a whole record.
    func finish() throws {
        let end = Self.block * 2
        let total = (written + end + Self.record - 1) / Self.record * Self.record
        try write([UInt8](repeating: 0, count: total - written))
    }

    // MARK: -

    private func pad() throws {
        let rest = written % Self.block
        if rest != 0 { try write([UInt8](repeating: 0, count: Self.block - rest)) }
    }

    private func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }

    private func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard writeAll(fd, bytes) else { throw DataFolderProblem("\(name): cannot be written (\(String(cString: strerror(errno))))") }
        written += bytes.count
    }

    /// A ustar header: name, mode 0600, size and time in octal, the checksum over the header
    /// with its own field read as spaces.
    static func header(_ path: String, size: Int, mtime: Int) -> [UInt8] {
        var header = [UInt8](repeating: 0, count: block)
        func put(_ bytes: [UInt8], at offset: Int) { header.replaceSubrange(offset..<(offset + bytes.count), with: bytes) }
        func octal(_ value: Int, at offset: Int, width: Int) {
            let digits = String(value, radix: 8)
            put(Array((String(repeating: "0", count: width - 1 - digits.count) + digits).utf8), at: offset)
        }
        let name = Array(path.utf8)
        precondition(name.count <= 100, "a backup's names are short")
        put(name, at: 0)
        octal(0o600, at: 100, width: 8)
        octal(0, at: 108, width: 8)
        octal(0, at: 116, width: 8)
        octal(size, at: 124, width: 12)
        octal(max(0, mtime), at: 136, width: 12)
        put(Array(repeating: 0x20, count: 8), at: 148)
        header[156] = UInt8(ascii: "0")
        put(Array("ustar\u{0}00".utf8), at: 257)
        let sum = header.reduce(0) { $0 + Int($1) }
        let digits = String(sum, radix: 8)
        put(Array((String(repeating: "0", count: 6 - digits.count) + digits).utf8) + [0, 0x20], at: 148)
        return header
    }
}

/// Writes all of `bytes` to `fd`, however many calls it takes; false (with errno) on a failure.
func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
    var done = 0
    while done < bytes.count {
        let n = write(fd, bytes.baseAddress! + done, bytes.count - done)
        if n < 0 && errno == EINTR { continue }
        guard n > 0 else { return false }
        done += n
    }
    return true
}
