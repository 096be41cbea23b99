import BoardPack
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Reads a tar archive as `TarWriter` writes it, strictly: a backup is untrusted until every
/// file in it has been checked, so anything but a plain file with a checksummed header (a
/// link, a device, a header that does not add up, an archive cut short) is refused, never
/// guessed at.
final class TarReader {
    struct Entry {
        /// The name as the archive gives it (the caller decides whether it is one it takes).
        let name: String
        let size: Int
    }

    private let fd: Int32
    private let archive: String
    /// Left of the current entry's contents, and its padding.
    private var remaining = 0
    private var padding = 0

    /// - Parameter archive: the archive as the user named it, for messages.
    init(fd: Int32, archive: String) {
        self.fd = fd
        self.archive = archive
    }

    /// The next entry's header; nil at the end of the archive. The contents must be read with
    /// `contents` before the next call.
    func next() throws -> Entry? {
        precondition(remaining == 0, "an entry's contents are read before the next header")
        try skip(padding)
        padding = 0
        let header = try readExactly(TarWriter.block, what: "a header")
        guard let header else { throw problem("ends without the two empty blocks that end a tar archive; the backup is incomplete") }
        if header.allSatisfy({ $0 == 0 }) { return nil }
        let stored = try number(header[148..<156], field: "checksum")
        var sum = 0
        for (i, byte) in header.enumerated() { sum += (148..<156).contains(i) ? 0x20 : Int(byte) }
        guard stored == sum else { throw problem("holds a header whose checksum does not add up; the backup is damaged") }
        let name = String(decoding: header[0..<100].prefix { $0 != 0 }, as: UTF8.self)
        let type = header[156]
        guard type == UInt8(ascii: "0") || type == 0 else {
            throw problem("holds \(name.debugDescription), which is not a plain file (type \(Character(Unicode.Scalar(type)))); a portal's backup holds only files")
        }
        guard header[345] == 0 else { throw problem("holds a long name; a portal's backup has none") }
        let size = try number(header[124..<136], field: "size of \(name.debugDescription)")
        remaining = size
        padding = (TarWriter.block - size % TarWriter.block) % TarWriter.block
        return Entry(name: name, size: size)
    }

    /// The current entry's contents, in pieces.
    func contents(_ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while remaining > 0 {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress!, min($0.count, remaining)) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw problem(n == 0 ? "ends in the middle of a file; the backup is incomplete" : "cannot be read (\(String(cString: strerror(errno))))") }
            try buffer.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
            remaining -= n
        }
    }

    // MARK: -

    private func readExactly(_ count: Int, what: String) throws -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: count)
        var got = 0
        while got < count {
            let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + got, count - got) }
            if n < 0 && errno == EINTR { continue }
            if n < 0 { throw problem("cannot be read (\(String(cString: strerror(errno))))") }
            if n == 0 { return nil }
            got += n
        }
        return bytes
    }

    private func skip(_ count: Int) throws {
        guard count > 0 else { return }
        guard try readExactly(count, what: "padding") != nil else { throw problem("ends in the middle of a file; the backup is incomplete") }
    }

    /// An octal field: digits, ended by NUL or space. Anything else (base-256 numbers, letters)
    /// is not what `TarWriter` writes.
    private func number(_ field: ArraySlice<UInt8>, field name: String) throws -> Int {
        let text = field.drop { $0 == 0x20 }.prefix { $0 != 0 && $0 != 0x20 }
        guard !text.isEmpty, text.count <= 11, text.allSatisfy({ $0 >= 0x30 && $0 <= 0x37 }) else {
            throw problem("holds a header whose \(name) is not a number; it is not a portal's backup")
        }
        return Int(String(decoding: text, as: UTF8.self), radix: 8)!
    }

    private func problem(_ text: String) -> DataFolderProblem {
        DataFolderProblem("\(archive): \(text)")
    }
}
