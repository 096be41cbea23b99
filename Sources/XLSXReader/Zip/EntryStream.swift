import CZlib

/// Inflates one entry chunk by chunk, enforcing the archive's limits as it goes and checking
/// the CRC-32 and size at the end.
public final class EntryStream {
    public static let chunkSize = 1 << 16
    /// How much each call to `next()` inflates at most.
    let chunkSize: Int

    private let archive: ZipArchive
    private let entry: ZipEntry
    private var stream = z_stream()
    private var inflating = false
    private var consumed = 0
    private var produced = 0
    private var crc: UInt = 0
    private var finished = false
    private var streamEnded = false

    init(archive: ZipArchive, entry: ZipEntry, chunkSize: Int = EntryStream.chunkSize) throws {
        self.chunkSize = chunkSize
        self.archive = archive
        self.entry = entry
        crc = CZlib.crc32(0, nil, 0)
        if entry.method == 8 {
            // Raw deflate (negative window bits): ZIP entries carry no zlib header.
            let status = inflateInit2_(&stream, -15, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
            guard status == Z_OK else { throw ZipError.corrupt("zlib could not start (\(status))") }
            inflating = true
        }
    }

    deinit {
        if inflating { inflateEnd(&stream) }
    }

    /// The next chunk of content, or nil at the end (after the checks pass).
    public func next() throws -> [UInt8]? {
        if finished { return nil }
        // Uninitialised: zlib or the file fills it, and only that much is kept.
        var out = [UInt8](unsafeUninitializedCapacity: chunkSize) { _, count in count = chunkSize }
        var n = 0
        if entry.method == 0 {
            n = min(chunkSize, entry.compressedSize - consumed)
            if n > 0 {
                out = try archive.source.read(at: entry.dataOffset + consumed, count: n)
                consumed += n
            }
        } else {
            n = try inflateChunk(into: &out)
        }
        if n == 0 {
            try finish()
            return nil
        }
        out.removeSubrange(n...)
        produced += n
        if archive.countInflated(n) > archive.limits.maxTotalUncompressed {
            throw ZipError.tooLarge(limit: archive.limits.maxTotalUncompressed)
        }
        // Compressed bytes zlib has actually taken, not those read ahead into `input`.
        let taken = consumed - (input.count - inputUsed)
        if produced > archive.limits.ratioThreshold && produced / max(taken, 1) > archive.limits.maxRatio {
            throw ZipError.suspiciousRatio(entry: entry.name, ratio: archive.limits.maxRatio)
        }
        if produced > entry.uncompressedSize {
            throw ZipError.sizeMismatch(entry: entry.name, declared: entry.uncompressedSize, actual: produced)
        }
        crc = out.withUnsafeBufferPointer { CZlib.crc32(crc, $0.baseAddress, UInt32(n)) }
        return out
    }

    /// Compressed bytes read from the source but not yet taken by zlib.
    private var input: [UInt8] = []
    private var inputUsed = 0

    /// Inflates until `out` is full or the stream ends; 0 means the end.
    private func inflateChunk(into out: inout [UInt8]) throws -> Int {
        if streamEnded { return 0 }
        var filled = 0
        while true {
            if inputUsed == input.count {
                // Compressed data is read a chunk at a time too: memory never holds the entry.
                let wanted = min(Self.chunkSize, entry.compressedSize - consumed)
                input = try archive.source.read(at: entry.dataOffset + consumed, count: wanted)
                inputUsed = 0
                consumed += wanted
            }
            let offered = input.count - inputUsed
            let room = out.count - filled
            let (status, used, made) = input.withUnsafeMutableBufferPointer { src in
                out.withUnsafeMutableBufferPointer { dst -> (Int32, Int, Int) in
                    stream.next_in = src.baseAddress.map { $0 + inputUsed }
                    stream.avail_in = UInt32(offered)
                    stream.next_out = dst.baseAddress! + filled
                    stream.avail_out = UInt32(room)
                    let status = inflate(&stream, Z_NO_FLUSH)
                    return (status, offered - Int(stream.avail_in), room - Int(stream.avail_out))
                }
            }
            inputUsed += used
            filled += made
            switch status {
            case Z_STREAM_END:
                streamEnded = true
                return filled
            case Z_OK, Z_BUF_ERROR:
                if filled == out.count { return filled }
                if used == 0 && made == 0 {
                    // No input left: what was made goes out first; the next call reports the end.
                    if filled > 0 { return filled }
                    throw ZipError.truncated("\(entry.name) ends in the middle of its compressed data")
                }
            default:
                throw ZipError.corrupt("\(entry.name) is not valid deflate data")
            }
        }
    }

    private func finish() throws {
        finished = true
        guard produced == entry.uncompressedSize else {
            throw ZipError.sizeMismatch(entry: entry.name, declared: entry.uncompressedSize, actual: produced)
        }
        guard UInt32(truncatingIfNeeded: crc) == entry.crc32 else { throw ZipError.checksumMismatch(entry: entry.name) }
    }
}
