import Foundation
import Testing
@testable import XLSXReader

/// The ZIP reader on archives built byte by byte: the ordinary, the odd and the hostile.
@Suite struct ZipArchiveTests {
    func open(_ builder: ZipBuilder, limits: ZipLimits = .standard) throws -> ZipArchive {
        try ZipArchive(bytes: builder.build(), limits: limits)
    }

    func refusal(_ builder: ZipBuilder, limits: ZipLimits = .standard) -> ZipError? {
        do {
            let archive = try open(builder, limits: limits)
            for entry in archive.entries { _ = try archive.contents(of: entry) }
            return nil
        } catch let error as ZipError {
            return error
        } catch {
            Issue.record("unexpected \(error)")
            return nil
        }
    }

    @Test func readsStoredAndDeflatedEntries() throws {
        var b = ZipBuilder()
        b.add("stored.txt", "plain bytes", deflate: false)
        b.add("xl\\Workbook.XML", String(repeating: "<row/>", count: 5000))
        let archive = try open(b)
        #expect(try archive.contents(of: archive.entry("stored.txt")!) == Array("plain bytes".utf8))
        let workbook = try #require(archive.entry("/xl/workbook.xml"), "names match ignoring case, with \\ as /")
        #expect(try archive.contents(of: workbook).count == 30_000)
    }

    @Test func findsTheEndRecordBehindAComment() throws {
        var b = ZipBuilder()
        b.add("a.txt", "a")
        // A comment that itself contains the end-record signature.
        b.comment = Array("note PK\u{05}\u{06} inside".utf8)
        #expect(try open(b).entries.map(\.name) == ["a.txt"])
    }

    @Test func readsZip64() throws {
        var b = ZipBuilder()
        b.zip64 = true
        b.add("a.txt", "zip64 content")
        let archive = try open(b)
        #expect(try archive.contents(of: archive.entries[0]) == Array("zip64 content".utf8))
    }

    @Test func readsDataDescriptors() throws {
        var b = ZipBuilder()
        b.entries.append(.init(name: "d.txt", content: Array("described later".utf8), dataDescriptor: true))
        let archive = try open(b)
        #expect(try archive.contents(of: archive.entries[0]) == Array("described later".utf8))
    }

    @Test func refusesOverlappingEntries() {
        // The overlapping-file bomb: entry "a" is stored and its data contains entry "b" whole.
        var inner = ZipBuilder()
        inner.add("b", String(repeating: "x", count: 1000), deflate: false)
        let innerBytes = inner.build()
        let lhB = Array(innerBytes.prefix(30 + 1 + 1000))
        var bytes: [UInt8] = []
        let crcA = ZipBuilder.crc(lhB)
        bytes += le32(0x0403_4B50) + le16(20) + le16(0) + le16(0) + le16(0) + le16(0) + le32(crcA) + le32(UInt32(lhB.count)) + le32(UInt32(lhB.count))
        bytes += le16(1) + le16(0) + Array("a".utf8)
        let offsetB = bytes.count
        bytes += lhB
        let cdOffset = bytes.count
        func central(_ name: String, crc: UInt32, size: Int, offset: Int) -> [UInt8] {
            le32(0x0201_4B50) + le16(20) + le16(20) + le16(0) + le16(0) + le16(0) + le16(0) + le32(crc) + le32(UInt32(size))
                + le32(UInt32(size)) + le16(1) + le16(0) + le16(0) + le16(0) + le16(0) + le32(0) + le32(UInt32(offset)) + Array(name.utf8)
        }
        let cd = central("a", crc: crcA, size: lhB.count, offset: 0) + central("b", crc: ZipBuilder.crc(Array(repeating: UInt8(ascii: "x"), count: 1000)), size: 1000, offset: offsetB)
        bytes += cd + le32(0x0605_4B50) + le16(0) + le16(0) + le16(2) + le16(2) + le32(UInt32(cd.count)) + le32(UInt32(cdOffset)) + le16(0)
        #expect(throws: ZipError.overlappingEntries("a", "b")) { try ZipArchive(bytes: bytes) }
    }

    @Test func refusesARatioBomb() {
        var b = ZipBuilder()
        b.entries.append(.init(name: "xl/worksheets/sheet1.xml", content: [UInt8](repeating: 0x20, count: 20 << 20)))
        #expect(refusal(b) == .suspiciousRatio(entry: "xl/worksheets/sheet1.xml", ratio: 1000))
    }

    @Test func stopsAtTheTotalSizeLimit() {
        var b = ZipBuilder()
        for i in 0..<4 { b.entries.append(.init(name: "part\(i)", content: (0..<(300 << 10)).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ i) })) }
        var limits = ZipLimits()
        limits.maxTotalUncompressed = 1 << 20
        #expect(refusal(b, limits: limits) == .tooLarge(limit: 1 << 20))
    }

    @Test func aHugeDeclaredSizeAllocatesNothingAndIsCaught() {
        var b = ZipBuilder()
        b.entries.append(.init(name: "big", content: Array("small".utf8), declaredSize: 1 << 40))
        #expect(refusal(b) == .sizeMismatch(entry: "big", declared: 1 << 40, actual: 5))
        var absurd = ZipBuilder()
        absurd.entries.append(.init(name: "big", content: Array("small".utf8), declaredSize: UInt64.max - 1))
        #expect(refusal(absurd) == .corrupt("an impossible size or offset \(UInt64.max - 1)"))
    }

    @Test func refusesACRCMismatch() {
        var b = ZipBuilder()
        b.entries.append(.init(name: "a.xml", content: Array("<a/>".utf8), crcOverride: 0xDEAD_BEEF))
        #expect(refusal(b) == .checksumMismatch(entry: "a.xml"))
    }

    @Test func refusesATruncatedArchive() {
        var b = ZipBuilder()
        b.add("a.xml", "<a/>")
        b.add("b.xml", "<b/>")
        let bytes = b.build()
        // Cut inside the central directory: the end record is gone.
        #expect(throws: ZipError.truncated("no end of central directory")) { try ZipArchive(bytes: Array(bytes.prefix(bytes.count - 40))) }
        // An end record pointing past the end of the file.
        var lying = bytes
        lying[lying.count - 6] = 0xFF
        #expect(throws: ZipError.self) { try ZipArchive(bytes: lying) }
        #expect(throws: ZipError.truncated("shorter than any ZIP archive")) { try ZipArchive(bytes: Array(bytes.prefix(10))) }
    }

    @Test func refusesDuplicatesEncryptionUnknownMethodsAndLyingLocalHeaders() {
        var dup = ZipBuilder()
        dup.add("xl/workbook.xml", "<a/>")
        dup.add("XL/Workbook.xml", "<b/>")
        #expect(refusal(dup) == .duplicateName("XL/Workbook.xml"))

        var encrypted = ZipBuilder()
        encrypted.entries.append(.init(name: "secret.xml", content: Array("x".utf8), flags: 0x0001))
        #expect(refusal(encrypted) == .encrypted(entry: "secret.xml"))

        var lzma = ZipBuilder()
        lzma.entries.append(.init(name: "a.xml", content: Array("x".utf8), deflate: false, method: 14))
        #expect(refusal(lzma) == .unsupportedMethod(entry: "a.xml", method: 14))

        var lying = ZipBuilder()
        lying.entries.append(.init(name: "a.xml", content: Array("x".utf8), localName: "b.xml"))
        #expect(refusal(lying) == .localHeaderMismatch(entry: "a.xml", field: "name"))
    }

    @Test func damagedDeflateDataIsAnErrorNotACrash() throws {
        var b = ZipBuilder()
        b.add("a.xml", String(repeating: "hello world ", count: 200))
        var bytes = b.build()
        for i in 40..<60 { bytes[i] ^= 0x5A }
        #expect(throws: ZipError.self) {
            let archive = try ZipArchive(bytes: bytes)
            _ = try archive.contents(of: archive.entries[0])
        }
    }
}
