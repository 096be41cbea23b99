import Foundation

/// A report's canonical JSON (pretty-printed, keys sorted, as `ReportCoding.encode` writes it)
/// made on both cores: the themes, which hold nearly all of a report, are encoded in two halves
/// at once and set into the rest.
///
/// The bytes are the same as one `JSONEncoder` pass gives (a test compares them for every
/// example and a synthetic report): a theme encoded alone is the same text as inside the
/// report, indented by the four spaces of its depth (JSON strings hold no raw line breaks, and
/// the encoder leaves the blank line of an empty list unindented). The rest of the report is
/// encoded with one stand-in theme whose text is then replaced by the themes'.
enum CanonicalJSON {
    static func encode(_ report: Report, with encoder: @escaping @Sendable () -> JSONEncoder) throws -> Data {
        let themes = report.themes
        guard themes.count >= 2 else { return try encoder().encode(report) }
        let half = themes.count / 2
        let second = InParallel { try indented(themes[half...], encoder()) }
        let stand = Theme(id: "boardpack-stand-in-\(UUID().uuidString)", name: "")
        var rest = report
        rest.themes = [stand]
        let json = encoder()
        let outline = [UInt8](try json.encode(rest))
        let marker = try indented([stand], json)
        let first = try indented(themes[..<half], json)
        guard let range = range(of: marker, in: outline) else { return try encoder().encode(report) }
        var out = Data(outline[..<range.lowerBound])
        out.reserveCapacity(outline.count + first.count + 2 + (try second.value()).count)
        out.append(contentsOf: first)
        out.append(contentsOf: Array(",\n".utf8))
        out.append(contentsOf: try second.value())
        out.append(contentsOf: outline[range.upperBound...])
        return out
    }

    /// The themes as they stand in the report's list: each indented by four spaces, a comma
    /// and line break between them.
    private static func indented(_ themes: ArraySlice<Theme>, _ encoder: JSONEncoder) throws -> [UInt8] {
        var out: [UInt8] = []
        for (i, theme) in themes.enumerated() {
            if i > 0 { out.append(contentsOf: [0x2C, 0x0A]) }  // ",\n"
            let text = try encoder.encode(theme)
            out.reserveCapacity(out.count + text.count + text.count / 4)
            // Line by line, copied whole: Data's byte iterator would cost more than the encoding.
            text.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
                var start = 0
                while start < bytes.count {
                    var end = start
                    while end < bytes.count && bytes[end] != 0x0A { end += 1 }
                    if end > start { out.append(contentsOf: [0x20, 0x20, 0x20, 0x20]) }
                    out.append(contentsOf: bytes[start..<min(end + 1, bytes.count)])
                    start = end + 1
                }
            }
        }
        return out
    }

    private static func range(of needle: [UInt8], in haystack: [UInt8]) -> Range<Int>? {
        guard !needle.isEmpty, needle.count <= haystack.count else { return nil }
        var found: Range<Int>?
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if haystack[start..<start + needle.count].elementsEqual(needle) {
                guard found == nil else { return nil }  // more than once: not the stand-in alone
                found = start..<start + needle.count
            }
        }
        return found
    }
}
