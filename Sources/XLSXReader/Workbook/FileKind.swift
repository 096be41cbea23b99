/// Recognises what a file is from its first bytes, so that a workbook in the wrong format is
/// refused with a sentence the sender can act on instead of "not a ZIP archive".
enum FileKind {
    /// The sentence refusing the source, or nil when it may be an .xlsx (a ZIP archive).
    static func refusal(_ source: ZipSource) throws -> String? {
        let head = try source.read(at: 0, count: min(source.size, 4096))
        if head.starts(with: ole2) {
            // The EncryptedPackage stream's name is in the OLE2 directory, which may sit anywhere:
            // look through the file, but no further than a sane size.
            return refusal(try source.read(at: 0, count: min(source.size, 64 << 20)))
        }
        return refusal(head)
    }

    private static let ole2: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    /// The sentence refusing `bytes`, or nil when they may be an .xlsx (a ZIP archive).
    static func refusal(_ bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06]) { return nil }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            // OOXML encryption wraps the real workbook in an OLE2 file holding "EncryptedPackage".
            let marker = Array("EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
            if contains(bytes, marker) {
                return "is password-protected (encrypted); remove the password in Excel (File > Info > Protect Workbook) and send it again"
            }
            return "is a legacy Excel 97-2003 (.xls) or other OLE2 file, not .xlsx; open it and save it as Excel Workbook (.xlsx)"
        }
        if bytes.starts(with: Array("%PDF".utf8)) { return "is a PDF, not a spreadsheet; send the .xlsx workbook" }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) || bytes.starts(with: [0xFF, 0xD8, 0xFF])
            || bytes.starts(with: Array("GIF8".utf8))
        {
            return "is an image, not a spreadsheet; send the .xlsx workbook"
        }
        if bytes.isEmpty { return "is empty" }
        if looksLikeText(bytes.prefix(4096)) {
            return "is a CSV or other text file, not an .xlsx workbook; open it in a spreadsheet program and save it as .xlsx"
        }
        return "is not an .xlsx workbook (its content is not a ZIP archive)"
    }

    /// A ZIP archive that is an OpenDocument file rather than OOXML.
    static func isOpenDocument(_ archive: ZipArchive) -> Bool {
        guard let mimetype = archive.entry("mimetype"), mimetype.uncompressedSize < 200,
            let bytes = try? archive.contents(of: mimetype)
        else { return false }
        return String(decoding: bytes, as: UTF8.self).hasPrefix("application/vnd.oasis.opendocument")
    }

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        var i = 0
        while i <= haystack.count - needle.count {
            if haystack[i] == needle[0] && haystack[i..<(i + needle.count)].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }

    private static func looksLikeText(_ bytes: ArraySlice<UInt8>) -> Bool {
        let controls = bytes.filter { $0 < 0x09 || ($0 > 0x0D && $0 < 0x20) }.count
        return controls == 0 && String(validating: bytes, as: UTF8.self) != nil
    }
}
