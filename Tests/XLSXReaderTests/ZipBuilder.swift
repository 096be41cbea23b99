import CZlib
import Foundation

/// Builds ZIP archives byte by byte, including the malformed and hostile ones no tool will write.
struct ZipBuilder {
    struct Entry {
        var name: String
        var content: [UInt8]
        var deflate = true
        var flags: UInt16 = 0
        var method: UInt16? = nil
        var crcOverride: UInt32? = nil
        var declaredSize: UInt64? = nil
        var localName: String? = nil
        var dataDescriptor = false
    }

    var entries: [Entry] = []
    var comment: [UInt8] = []
    var zip64 = false

    mutating func add(_ name: String, _ text: String, deflate: Bool = true) {
        entries.append(Entry(name: name, content: Array(text.utf8), deflate: deflate))
    }

    static func crc(_ bytes: [UInt8]) -> UInt32 {
        UInt32(bytes.withUnsafeBufferPointer { CZlib.crc32(0, $0.baseAddress, UInt32($0.count)) })
    }

    static func rawDeflate(_ bytes: [UInt8]) -> [UInt8] {
        var stream = z_stream()
        deflateInit2_(&stream, 9, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        var out = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(bytes.count))) + 16)
        var input = bytes
        let produced = input.withUnsafeMutableBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst -> Int in
                stream.next_in = src.baseAddress
                stream.avail_in = UInt32(src.count)
                stream.next_out = dst.baseAddress
                stream.avail_out = UInt32(dst.count)
                deflate(&stream, Z_FINISH)
                return dst.count - Int(stream.avail_out)
            }
        }
        deflateEnd(&stream)
        return Array(out.prefix(produced))
    }

    func build() -> [UInt8] {
        var out: [UInt8] = []
        var central: [UInt8] = []
        for e in entries {
            let data = e.deflate ? Self.rawDeflate(e.content) : e.content
            let method = e.method ?? (e.deflate ? 8 : 0)
            let crc = e.crcOverride ?? Self.crc(e.content)
            let size = e.declaredSize ?? UInt64(e.content.count)
            let flags = e.flags | (e.dataDescriptor ? 0x0008 : 0)
            let offset = out.count
            let localName = Array((e.localName ?? e.name).utf8)
            out += le32(0x0403_4B50) + le16(20) + le16(flags) + le16(method) + le16(0) + le16(0)
            if e.dataDescriptor {
                out += le32(0) + le32(0) + le32(0)
            } else {
                out += le32(crc) + le32(UInt32(data.count)) + le32(UInt32(truncatingIfNeeded: size))
            }
            out += le16(UInt16(localName.count)) + le16(0) + localName + data
            if e.dataDescriptor { out += le32(0x0807_4B50) + le32(crc) + le32(UInt32(data.count)) + le32(UInt32(truncatingIfNeeded: size)) }
            let name = Array(e.name.utf8)
            var extra: [UInt8] = []
            var cdCompressed = UInt32(data.count), cdSize = UInt32(truncatingIfNeeded: size), cdOffset = UInt32(offset)
            if zip64 || size > 0xFFFF_FFFE {
                extra = le16(0x0001) + le16(24) + le64(size) + le64(UInt64(data.count)) + le64(UInt64(offset))
                cdCompressed = 0xFFFF_FFFF; cdSize = 0xFFFF_FFFF; cdOffset = 0xFFFF_FFFF
            }
            central += le32(0x0201_4B50) + le16(45) + le16(20) + le16(flags) + le16(method) + le16(0) + le16(0)
            central += le32(crc) + le32(cdCompressed) + le32(cdSize)
            central += le16(UInt16(name.count)) + le16(UInt16(extra.count)) + le16(0) + le16(0) + le16(0) + le32(0)
            central += le32(cdOffset) + name + extra
        }
        let cdOffset = out.count
        out += central
        if zip64 {
            let recordOffset = out.count
            out += le32(0x0606_4B50) + le64(44) + le16(45) + le16(45) + le32(0) + le32(0)
            out += le64(UInt64(entries.count)) + le64(UInt64(entries.count)) + le64(UInt64(central.count)) + le64(UInt64(cdOffset))
            out += le32(0x0706_4B50) + le32(0) + le64(UInt64(recordOffset)) + le32(1)
            out += le32(0x0605_4B50) + le16(0) + le16(0) + le16(0xFFFF) + le16(0xFFFF) + le32(0xFFFF_FFFF) + le32(0xFFFF_FFFF)
        } else {
            out += le32(0x0605_4B50) + le16(0) + le16(0) + le16(UInt16(entries.count)) + le16(UInt16(entries.count))
            out += le32(UInt32(central.count)) + le32(UInt32(cdOffset))
        }
        out += le16(UInt16(comment.count)) + comment
        return out
    }
}

func le16(_ v: UInt16) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8)] }
func le32(_ v: UInt32) -> [UInt8] { (0..<4).map { UInt8((v >> (8 * $0)) & 0xFF) } }
func le64(_ v: UInt64) -> [UInt8] { (0..<8).map { UInt8((v >> (8 * UInt64($0))) & 0xFF) } }
