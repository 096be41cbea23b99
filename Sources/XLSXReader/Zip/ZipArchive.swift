import Synchronization
import CZlib
import Foundation

/// Limits that keep a hostile archive from exhausting memory or time.
public struct ZipLimits: Sendable {
    /// Bytes that all entries together may inflate to.
    public var maxTotalUncompressed = 256 << 20
    /// Entries the central directory may list.
    public var maxEntries = 65_536
    /// Output bytes per input byte tolerated once an entry is past `ratioThreshold` bytes.
    public var maxRatio = 1_000
    public var ratioThreshold = 1 << 20

    public init() {}
    public static let standard = ZipLimits()
}

/// One file inside the archive, as the central directory describes it.
public struct ZipEntry: Sendable {
    /// The name with `\` turned into `/`.
    public let name: String
    public let method: UInt16
    public let flags: UInt16
    public let crc32: UInt32
    public let compressedSize: Int
    public let uncompressedSize: Int
    let localHeaderOffset: Int
    var dataOffset = 0
}

/// A read-only ZIP archive that treats its bytes as hostile: every offset and length is checked,
/// overlapping or duplicate entries and encrypted parts are refused, and inflating stops at the
/// limits. zlib is used only to inflate.
public final class ZipArchive {
    let source: ZipSource
    public let entries: [ZipEntry]
    private let index: [String: Int]
    public let limits: ZipLimits
    /// Bytes inflated so far across all entries, for the archive-wide limit. Atomic: a large
    /// part inflates on a thread of its own (InflateAhead) while another may be read.
    private let inflated = Atomic<Int>(0)

    /// Counts `count` more inflated bytes; returns the total so far.
    func countInflated(_ count: Int) -> Int {
        inflated.add(count, ordering: .relaxed).newValue
    }

    /// Opens an archive held in memory.
    /// - Throws: `ZipError` when the bytes are not a well-formed, unencrypted ZIP archive.
    public convenience init(bytes: [UInt8], limits: ZipLimits = .standard) throws {
        try self.init(source: MemorySource(bytes), limits: limits)
    }

    /// Opens an archive from any source of bytes.
    public init(source: ZipSource, limits: ZipLimits = .standard) throws {
        self.source = source
        self.limits = limits
        var entries = try CentralDirectory.read(source, limits: limits)
        var index: [String: Int] = [:]
        for (i, entry) in entries.enumerated() {
            let key = Self.key(entry.name)
            if index[key] != nil { throw ZipError.duplicateName(entry.name) }
            index[key] = i
            entries[i].dataOffset = try CentralDirectory.checkLocalHeader(of: entry, in: source)
        }
        try CentralDirectory.checkNoOverlap(entries)
        self.entries = entries
        self.index = index
    }

    /// Opens an archive from a file, which is read piece by piece as entries are inflated.
    public convenience init(contentsOf url: URL, limits: ZipLimits = .standard) throws {
        try self.init(source: FileSource(path: url.path), limits: limits)
    }

    /// The entry with this name, ignoring case and treating `\` as `/`; a leading `/` is ignored.
    public func entry(_ name: String) -> ZipEntry? {
        index[Self.key(name)].map { entries[$0] }
    }

    static func key(_ name: String) -> String {
        var n = ZipName.slashed(name).lowercased()
        while n.hasPrefix("/") { n.removeFirst() }
        return n
    }

    /// The whole content of an entry, checked against its CRC-32 and declared size.
    public func contents(of entry: ZipEntry) throws -> [UInt8] {
        let stream = try EntryStream(archive: self, entry: entry)
        var out: [UInt8] = []
        // Never trust the declared size for an allocation: it only hints, up to 1 MiB.
        out.reserveCapacity(min(entry.uncompressedSize, 1 << 20))
        while let chunk = try stream.next() { out.append(contentsOf: chunk) }
        return out
    }

    /// A stream of an entry's inflated bytes in chunks, for parts too large to hold at once.
    public func stream(_ entry: ZipEntry, chunkSize: Int = EntryStream.chunkSize) throws -> EntryStream {
        try EntryStream(archive: self, entry: entry, chunkSize: chunkSize)
    }
}
