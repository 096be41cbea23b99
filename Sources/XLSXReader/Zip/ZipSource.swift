import Foundation

/// Where an archive's bytes come from: memory, or a file read piece by piece so that a large
/// workbook is never held whole (memory stays bounded by what is being inflated).
public protocol ZipSource: Sendable {
    var size: Int { get }
    /// Exactly `count` bytes at `offset`.
    /// - Throws: `ZipError.truncated` when the range runs past the end.
    func read(at offset: Int, count: Int) throws -> [UInt8]
}

extension ZipSource {
    func checkRange(_ offset: Int, _ count: Int) throws {
        guard offset >= 0, count >= 0, offset <= size, count <= size - offset else {
            throw ZipError.truncated("a record at byte \(offset) runs past the end of the file")
        }
    }
}

/// An archive held in memory.
public struct MemorySource: ZipSource {
    let bytes: [UInt8]
    public init(_ bytes: [UInt8]) { self.bytes = bytes }
    public var size: Int { bytes.count }

    public func read(at offset: Int, count: Int) throws -> [UInt8] {
        try checkRange(offset, count)
        return Array(bytes[offset..<(offset + count)])
    }
}

/// An archive read from an open file with `pread`.
public final class FileSource: ZipSource {
    private let descriptor: Int32
    public let size: Int

    /// - Throws: `ZipError.notZip`-free errors from opening: the caller words them.
    public init(path: String) throws {
        descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            let code = (info.st_mode & S_IFMT) == S_IFDIR ? POSIXErrorCode.EISDIR : POSIXErrorCode.EINVAL
            close(descriptor)
            throw POSIXError(code)
        }
        size = Int(info.st_size)
    }

    deinit { close(descriptor) }

    public func read(at offset: Int, count: Int) throws -> [UInt8] {
        try checkRange(offset, count)
        var out = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let n = out.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress! + done, count - done, off_t(offset + done)) }
            guard n > 0 else { throw ZipError.truncated("the file could not be read at byte \(offset + done)") }
            done += n
        }
        return out
    }
}
