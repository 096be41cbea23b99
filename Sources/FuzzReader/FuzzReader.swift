import XLSXReader

/// libFuzzer entry point over the ZIP and SpreadsheetML readers (built only by `fuzz/run`
/// with `-sanitize=fuzzer`; in a normal build it is an unused function).
///
/// The first byte picks what the rest is: 0 an archive, 1 a worksheet part, 2 a shared-strings
/// part, 3 a workbook part. Parts are wrapped in a minimal stored ZIP so the fuzzer's mutations
/// reach the XML scanner directly instead of being stopped by CRC checks.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let mode = data[0]
    let body = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    var limits = ZipLimits()
    limits.maxTotalUncompressed = 8 << 20
    let bytes: [UInt8]
    switch mode % 4 {
    case 0: bytes = body
    case 1: bytes = MinimalPackage.bytes(sheet: body)
    case 2: bytes = MinimalPackage.bytes(sheet: MinimalPackage.sheetUsingStrings, sharedStrings: body)
    default: bytes = MinimalPackage.bytes(sheet: MinimalPackage.sheetUsingStrings, workbook: body)
    }
    if let archive = try? ZipArchive(bytes: bytes, limits: limits) {
        for entry in archive.entries { _ = try? archive.contents(of: entry) }
    }
    guard let book = try? XLSXFile(bytes: bytes, name: "fuzz.xlsx", limits: limits) else { return 0 }
    for sheet in book.sheets {
        guard var reader = try? book.rows(ofSheet: sheet.name) else { continue }
        while let row = try? reader.next() { _ = row.values.count }
        var out = 0
        try? Dump.json(book, sheet: sheet.name) { out &+= $0.count }
    }
    return 0
}

/// A workbook package with the given parts, stored (no compression) with correct CRCs.
enum MinimalPackage {
    static let sheetUsingStrings = Array(#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row></sheetData></worksheet>"#.utf8)
    static let workbookXML = Array(#"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>"#.utf8)
    static let rootRels = Array(#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.utf8)
    static let workbookRels = Array(#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#.utf8)
    static let strings = Array(#"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>a</t></si><si><r><t>b</t></r></si></sst>"#.utf8)

    static func bytes(sheet: [UInt8], sharedStrings: [UInt8] = strings, workbook: [UInt8] = workbookXML) -> [UInt8] {
        let parts: [(String, [UInt8])] = [
            ("_rels/.rels", rootRels), ("xl/workbook.xml", workbook), ("xl/_rels/workbook.xml.rels", workbookRels),
            ("xl/worksheets/sheet1.xml", sheet), ("xl/sharedStrings.xml", sharedStrings),
        ]
        var out: [UInt8] = []
        var central: [UInt8] = []
        for (name, content) in parts {
            let crc = crc32(content)
            let offset = out.count
            let n = Array(name.utf8)
            out += u32(0x0403_4B50) + u16(20) + u16(0) + u16(0) + u16(0) + u16(0) + u32(crc) + u32(UInt32(content.count))
                + u32(UInt32(content.count)) + u16(UInt16(n.count)) + u16(0) + n + content
            central += u32(0x0201_4B50) + u16(20) + u16(20) + u16(0) + u16(0) + u16(0) + u16(0) + u32(crc)
                + u32(UInt32(content.count)) + u32(UInt32(content.count)) + u16(UInt16(n.count)) + u16(0) + u16(0) + u16(0)
                + u16(0) + u32(0) + u32(UInt32(offset)) + n
        }
        let cdOffset = out.count
        out += central + u32(0x0605_4B50) + u16(0) + u16(0) + u16(UInt16(parts.count)) + u16(UInt16(parts.count))
            + u32(UInt32(central.count)) + u32(UInt32(cdOffset)) + u16(0)
        return out
    }

    /// CRC-32 (IEEE) bit by bit: the fuzz target links no zlib symbols of its own.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for b in bytes {
            crc ^= UInt32(b)
            for _ in 0..<8 { crc = (crc >> 1) ^ (0xEDB8_8320 & (0 &- (crc & 1))) }
        }
        return ~crc
    }

    static func u16(_ v: UInt16) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8)] }
    static func u32(_ v: UInt32) -> [UInt8] { (0..<4).map { UInt8((v >> (8 * $0)) & 0xFF) } }
}
