/// Reads the end-of-central-directory record, the central directory and the local headers,
/// bounds-checking every number taken from the file.
enum CentralDirectory {
    static let eocdSignature: UInt32 = 0x0605_4B50
    static let zip64LocatorSignature: UInt32 = 0x0706_4B50
    static let zip64EOCDSignature: UInt32 = 0x0606_4B50
    static let centralSignature: UInt32 = 0x0201_4B50
    static let localSignature: UInt32 = 0x0403_4B50

    static func read(_ source: ZipSource, limits: ZipLimits) throws -> [ZipEntry] {
        let size = source.size
        guard size >= 22 else {
            let start = try source.read(at: 0, count: min(size, 2))
            throw start == [0x50, 0x4B] ? ZipError.truncated("shorter than any ZIP archive") : ZipError.notZip
        }
        // The end record is in the last 64 KiB (its comment is at most 65,535 bytes), with the
        // ZIP64 locator just before it.
        let tailStart = max(0, size - 22 - 0xFFFF - 20)
        let tail = ByteReader(try source.read(at: tailStart, count: size - tailStart))
        let eocd = try findEOCD(tail, fileStartsWithLocalHeader: try source.read(at: 0, count: 4) == [0x50, 0x4B, 0x03, 0x04])
        var count = Int(try tail.u16(eocd + 10))
        var cdSize = Int(try tail.u32(eocd + 12))
        var cdOffset = Int(try tail.u32(eocd + 16))

        if eocd >= 20, try tail.u32(eocd - 20) == zip64LocatorSignature {
            let recordOffset = try tail.offset(try tail.u64(eocd - 12))
            let record = ByteReader(try source.read(at: recordOffset, count: 56))
            guard try record.u32(0) == zip64EOCDSignature else { throw ZipError.corrupt("bad ZIP64 end record") }
            count = try record.offset(try record.u64(32))
            cdSize = try record.offset(try record.u64(40))
            cdOffset = try record.offset(try record.u64(48))
        }
        guard count <= limits.maxEntries else { throw ZipError.tooManyEntries(count, limit: limits.maxEntries) }
        guard cdOffset <= size, cdSize <= size - cdOffset else {
            throw ZipError.truncated("the central directory runs past the end of the file")
        }
        // Each central header is at least 46 bytes: a count that cannot fit is a lie.
        guard count * 46 <= cdSize else { throw ZipError.truncated("the central directory is shorter than its entry count") }

        // The directory is read whole: its size is checked against the file's, and it is small.
        let r = ByteReader(try source.read(at: cdOffset, count: cdSize))
        var entries: [ZipEntry] = []
        entries.reserveCapacity(count)
        var p = 0
        for _ in 0..<count {
            guard try r.u32(p) == centralSignature else { throw ZipError.corrupt("bad central directory entry at byte \(cdOffset + p)") }
            let flags = try r.u16(p + 8)
            let method = try r.u16(p + 10)
            let crc = try r.u32(p + 16)
            var compressed = UInt64(try r.u32(p + 20))
            var uncompressed = UInt64(try r.u32(p + 24))
            let nameLength = Int(try r.u16(p + 28))
            let extraLength = Int(try r.u16(p + 30))
            let commentLength = Int(try r.u16(p + 32))
            var localOffset = UInt64(try r.u32(p + 42))
            let nameBytes = try r.slice(p + 46, nameLength)
            let name = ZipName.decode(nameBytes)
            // ZIP64 extra field: the 64-bit values appear in this order, only for fields set to 0xFFFFFFFF.
            var e = p + 46 + nameLength
            let extraEnd = e + extraLength
            while e + 4 <= extraEnd {
                let id = try r.u16(e)
                let size = Int(try r.u16(e + 2))
                if id == 0x0001 {
                    var q = e + 4
                    if uncompressed == 0xFFFF_FFFF { uncompressed = try r.u64(q); q += 8 }
                    if compressed == 0xFFFF_FFFF { compressed = try r.u64(q); q += 8 }
                    if localOffset == 0xFFFF_FFFF { localOffset = try r.u64(q); q += 8 }
                }
                e += 4 + size
            }
            if flags & 0x0041 != 0 { throw ZipError.encrypted(entry: name) }
            guard method == 0 || method == 8 else { throw ZipError.unsupportedMethod(entry: name, method: Int(method)) }
            entries.append(
                ZipEntry(
                    name: name, method: method, flags: flags, crc32: crc, compressedSize: try r.offset(compressed),
                    uncompressedSize: try r.offset(uncompressed), localHeaderOffset: try r.offset(localOffset)))
            p = extraEnd + commentLength
        }
        return entries
    }

    /// The classic end record: the last signature whose comment ends exactly at the end of the
    /// file (a comment may itself contain the signature bytes), else the last one that fits.
    private static func findEOCD(_ r: ByteReader, fileStartsWithLocalHeader: Bool) throws -> Int {
        let b = r.bytes
        let lowest = max(0, b.count - 22 - 0xFFFF)
        var fallback: Int?
        var i = b.count - 22
        while i >= lowest {
            if b[i] == 0x50 && b[i + 1] == 0x4B && b[i + 2] == 0x05 && b[i + 3] == 0x06 {
                let commentLength = Int(b[i + 20]) | Int(b[i + 21]) << 8
                if i + 22 + commentLength == b.count { return i }
                if fallback == nil && i + 22 + commentLength <= b.count { fallback = i }
            }
            i -= 1
        }
        if let fallback { return fallback }
        throw fileStartsWithLocalHeader ? ZipError.truncated("no end of central directory") : ZipError.notZip
    }

    /// Checks the local header agrees with the central directory; returns where the data starts.
    static func checkLocalHeader(of entry: ZipEntry, in source: ZipSource) throws -> Int {
        let p = entry.localHeaderOffset
        let fixed = ByteReader(try source.read(at: p, count: 30))
        guard try fixed.u32(0) == localSignature else {
            throw ZipError.localHeaderMismatch(entry: entry.name, field: "position (no local header there)")
        }
        guard try fixed.u16(8) == entry.method else { throw ZipError.localHeaderMismatch(entry: entry.name, field: "compression method") }
        let flags = try fixed.u16(6)
        if flags & 0x0041 != 0 { throw ZipError.encrypted(entry: entry.name) }
        let nameLength = Int(try fixed.u16(26))
        let extraLength = Int(try fixed.u16(28))
        let name = ZipName.decode(try source.read(at: p + 30, count: nameLength))
        guard name == entry.name else { throw ZipError.localHeaderMismatch(entry: entry.name, field: "name") }
        // Without a data descriptor the local sizes and CRC must match too.
        if flags & 0x0008 == 0 {
            let crc = try fixed.u32(14)
            let compressed = try fixed.u32(18)
            guard crc == entry.crc32 else { throw ZipError.localHeaderMismatch(entry: entry.name, field: "CRC-32") }
            guard compressed == 0xFFFF_FFFF || Int(compressed) == entry.compressedSize else {
                throw ZipError.localHeaderMismatch(entry: entry.name, field: "compressed size")
            }
        }
        let data = p + 30 + nameLength + extraLength
        guard data <= source.size, entry.compressedSize <= source.size - data else {
            throw ZipError.truncated("\(entry.name) runs past the end of the file")
        }
        return data
    }

    /// Two entries sharing bytes is how the overlapping-file ZIP bomb multiplies its output.
    static func checkNoOverlap(_ entries: [ZipEntry]) throws {
        let sorted = entries.sorted { $0.localHeaderOffset < $1.localHeaderOffset }
        for (a, b) in zip(sorted, sorted.dropFirst()) where b.localHeaderOffset < a.dataOffset + a.compressedSize {
            throw ZipError.overlappingEntries(a.name, b.name)
        }
    }
}

/// Little-endian reads that throw instead of reading past the end.
struct ByteReader {
    let bytes: [UInt8]
    init(_ bytes: [UInt8]) { self.bytes = bytes }

    private func check(_ at: Int, _ n: Int) throws {
        guard at >= 0, n >= 0, at <= bytes.count, n <= bytes.count - at else {
            throw ZipError.truncated("a record at byte \(at) runs past the end of the file")
        }
    }

    func u16(_ at: Int) throws -> UInt16 {
        try check(at, 2)
        return UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
    }

    func u32(_ at: Int) throws -> UInt32 {
        try check(at, 4)
        return (0..<4).reduce(0) { $0 | UInt32(bytes[at + $1]) << (8 * $1) }
    }

    func u64(_ at: Int) throws -> UInt64 {
        try check(at, 8)
        return (0..<8).reduce(0) { $0 | UInt64(bytes[at + $1]) << (8 * $1) }
    }

    func slice(_ at: Int, _ n: Int) throws -> ArraySlice<UInt8> {
        try check(at, n)
        return bytes[at..<(at + n)]
    }

    /// A 64-bit number from the file as an offset or size: it must fit in the file's own size range.
    func offset(_ value: UInt64) throws -> Int {
        guard value <= UInt64(Int.max / 2) else { throw ZipError.corrupt("an impossible size or offset \(value)") }
        return Int(value)
    }
}
