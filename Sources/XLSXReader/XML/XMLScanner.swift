import Foundation

/// Why XML inside a workbook was refused.
public struct XMLError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
    init(_ message: String) { self.message = message }
}

/// A pull tokenizer for the XML inside .xlsx parts, reading from a chunked byte source so that
/// memory is bounded by the largest single token, not by the part.
///
/// It knows only what SpreadsheetML needs: elements, attributes, text, CDATA, comments and
/// processing instructions. A DOCTYPE is refused outright, so there is no entity expansion (no
/// "billion laughs") and no external entity is ever fetched. Names are compared by local name,
/// so any namespace prefix works, as do Strict OOXML's namespaces.
struct XMLScanner {
    enum Event: Equatable { case start, empty, end, text, eof }

    private var buffer: [UInt8] = []
    private var pos = 0
    private var sourceDone = false
    private let source: () throws -> [UInt8]?
    /// The largest token (tag or text run) accepted: far above any legitimate cell or string.
    let maxToken: Int

    /// The current tag's name and attribute bytes, or the current text, as ranges of `buffer`.
    private(set) var name: Range<Int> = 0..<0
    private(set) var attributes: Range<Int> = 0..<0
    private(set) var text: Range<Int> = 0..<0
    private(set) var textIsRaw = false

    init(maxToken: Int = 32 << 20, source: @escaping () throws -> [UInt8]?) {
        self.source = source
        self.maxToken = maxToken
    }

    init(bytes: [UInt8]) {
        var given: [UInt8]? = bytes
        self.init { defer { given = nil }; return given }
    }

    /// Appends the next chunk, dropping what has been consumed. Returns false at the end.
    private mutating func refill() throws -> Bool {
        if sourceDone { return false }
        guard let chunk = try source() else {
            sourceDone = true
            return false
        }
        if pos > 0 {
            buffer.removeSubrange(0..<pos)
            // Ranges refer to the old positions; the caller rescans from `pos`.
            pos = 0
        }
        if buffer.isEmpty && chunk.starts(with: [0xEF, 0xBB, 0xBF]) {
            buffer.append(contentsOf: chunk.dropFirst(3))
        } else {
            buffer.append(contentsOf: chunk)
        }
        if buffer.count > maxToken + (1 << 17) { throw XMLError("an XML token is larger than \(maxToken >> 20) MiB") }
        if buffer.starts(with: [0xFE, 0xFF]) || buffer.starts(with: [0xFF, 0xFE]) {
            throw XMLError("UTF-16 XML is not supported; save the workbook again as .xlsx")
        }
        return true
    }

    /// Index of `byte` at or after `from`, refilling as needed; nil at the end of input.
    /// `from` is kept valid across refills, which move the buffer's contents.
    private mutating func find(_ byte: UInt8, from: inout Int) throws -> Int? {
        while true {
            let start = from
            let hit: Int? = buffer.withUnsafeBufferPointer { b in
                guard start < b.count else { return nil }
                guard let p = memchr(b.baseAddress! + start, Int32(byte), b.count - start) else { return nil }
                return b.baseAddress!.distance(to: p.assumingMemoryBound(to: UInt8.self))
            }
            if let hit { return hit }
            let scanned = buffer.count
            let oldPos = pos
            guard try refill() else { return nil }
            from = scanned - (oldPos - pos)
        }
    }

    /// Index just past the sequence `terminator` at or after `from`.
    private mutating func find(_ terminator: [UInt8], from start: Int) throws -> Int? {
        var from = start
        while true {
            guard var i = try find(terminator[0], from: &from) else { return nil }
            while i + terminator.count > buffer.count {
                let oldPos = pos
                guard try refill() else { return nil }
                i -= oldPos - pos
            }
            if buffer[i..<(i + terminator.count)].elementsEqual(terminator) { return i + terminator.count }
            from = i + 1
        }
    }

    private mutating func ensure(_ count: Int) throws -> Bool {
        while buffer.count - pos < count {
            guard try refill() else { return false }
        }
        return true
    }

    /// Moves to the next element boundary or text run.
    mutating func next() throws -> Event {
        while true {
            if pos >= buffer.count {
                guard try refill(), pos < buffer.count else { return .eof }
            }
            if buffer[pos] != UInt8(ascii: "<") {
                var from = pos
                let end = try find(UInt8(ascii: "<"), from: &from) ?? buffer.count
                text = pos..<end
                textIsRaw = false
                pos = end
                return .text
            }
            guard try ensure(2) else { throw XMLError("the XML ends inside a tag") }
            switch buffer[pos + 1] {
            case UInt8(ascii: "/"):
                var from = pos
                guard let gt = try find(UInt8(ascii: ">"), from: &from) else { throw XMLError("the XML ends inside a closing tag") }
                var nameEnd = gt
                while nameEnd > pos + 2 && isSpace(buffer[nameEnd - 1]) { nameEnd -= 1 }
                name = (pos + 2)..<nameEnd
                pos = gt + 1
                return .end
            case UInt8(ascii: "?"):
                guard let end = try find(Array("?>".utf8), from: pos + 2) else { throw XMLError("the XML ends inside a processing instruction") }
                pos = end
            case UInt8(ascii: "!"):
                if try ensure(4), buffer[pos..<(pos + 4)].elementsEqual("<!--".utf8) {
                    guard let end = try find(Array("-->".utf8), from: pos + 4) else { throw XMLError("the XML ends inside a comment") }
                    pos = end
                } else if try ensure(9), buffer[pos..<(pos + 9)].elementsEqual("<![CDATA[".utf8) {
                    guard let end = try find(Array("]]>".utf8), from: pos + 9) else { throw XMLError("the XML ends inside CDATA") }
                    text = (pos + 9)..<(end - 3)
                    textIsRaw = true
                    pos = end
                    return .text
                } else {
                    throw XMLError("XML with a document type declaration (DOCTYPE) is refused")
                }
            default:
                return try startTag()
            }
        }
    }

    private mutating func startTag() throws -> Event {
        var quote: UInt8 = 0
        var i = pos + 1
        while true {
            // Through the buffer's memory, not its checked subscript: this loop took 8% of
            // merge's CPU that way, 4% this way.
            let (end, open) = buffer.withUnsafeBufferPointer { b -> (Int?, UInt8) in
                var quote = quote, at = i
                while at < b.count {
                    let c = b[at]
                    if quote != 0 {
                        if c == quote { quote = 0 }
                    } else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                        quote = c
                    } else if c == UInt8(ascii: ">") {
                        return (at, 0)
                    }
                    at += 1
                }
                return (nil, quote)
            }
            if let end {
                i = end
                break
            }
            quote = open
            i = buffer.count
            let oldPos = pos
            guard try refill() else { throw XMLError("the XML ends inside a tag") }
            i = i - oldPos + pos
        }
        let selfClosing = i > pos + 1 && buffer[i - 1] == UInt8(ascii: "/")
        var nameEnd = pos + 1
        while nameEnd < i && !isSpace(buffer[nameEnd]) && buffer[nameEnd] != UInt8(ascii: "/") { nameEnd += 1 }
        guard nameEnd > pos + 1 else { throw XMLError("an XML tag has no name") }
        name = (pos + 1)..<nameEnd
        attributes = nameEnd..<(selfClosing ? i - 1 : i)
        pos = i + 1
        return selfClosing ? .empty : .start
    }

    /// A cell's start tag in its common shape, taken in one step: `<c` with no prefix, then
    /// attributes in double quotes, `>` or `/>`, all in the buffer already. Returns the ranges of
    /// its `r`, `t` and `s` values and whether it was self-closing, and moves past the tag (as
    /// `next()` would, returning `.start` or `.empty`); nil, having moved nowhere, for anything
    /// else, which `next()` then reads.
    mutating func simpleCellTag() -> (r: Range<Int>?, t: Range<Int>?, s: Range<Int>?, empty: Bool)? {
        let from = pos
        typealias Found = (r: Range<Int>?, t: Range<Int>?, s: Range<Int>?, empty: Bool, end: Int)
        let found = buffer.withUnsafeBufferPointer { b -> Found? in
            let n = b.count
            guard from + 3 < n, b[from] == UInt8(ascii: "<"), b[from + 1] == UInt8(ascii: "c") else { return nil }
            var result: Found = (nil, nil, nil, false, 0)
            var i = from + 2
            while i < n {
                let c = b[i]
                if c == UInt8(ascii: ">") { result.end = i + 1; return result }
                if c == UInt8(ascii: "/") {
                    guard i + 1 < n, b[i + 1] == UInt8(ascii: ">") else { return nil }
                    result.empty = true
                    result.end = i + 2
                    return result
                }
                guard c == 0x20 else { return nil }
                // One attribute: name="value".
                let nameStart = i + 1
                var j = nameStart
                while j < n && b[j] != UInt8(ascii: "=") && b[j] != 0x20 && b[j] != UInt8(ascii: ">") { j += 1 }
                guard j + 1 < n, b[j] == UInt8(ascii: "="), b[j + 1] == UInt8(ascii: "\"") else { return nil }
                let valueStart = j + 2
                var k = valueStart
                while k < n && b[k] != UInt8(ascii: "\"") { k += 1 }
                guard k < n else { return nil }
                if j - nameStart == 1 {
                    switch b[nameStart] {
                    case UInt8(ascii: "r"): result.r = valueStart..<k
                    case UInt8(ascii: "t"): result.t = valueStart..<k
                    case UInt8(ascii: "s"): result.s = valueStart..<k
                    default: break
                    }
                } else if j == nameStart || b[nameStart..<j].contains(UInt8(ascii: ":")) {
                    return nil  // a prefixed attribute (x14ac:…) may be `r` in another namespace
                }
                i = k + 1
            }
            return nil
        }
        guard let found else { return nil }
        name = (from + 1)..<(from + 2)
        attributes = (from + 2)..<(found.empty ? found.end - 2 : found.end - 1)
        pos = found.end
        return (found.r, found.t, found.s, found.empty)
    }

    /// The common shapes of a cell, taken in one step: when the bytes after the current start
    /// tag are exactly `open`, text, `close` (such as `<v>`, `1583`, `</v></c>`), all in the
    /// buffer already and with no entity or carriage return in the text, returns the text's
    /// range and moves past `close`. Anything else returns nil and leaves the scanner where it
    /// was, for the general path: this only saves time, it never reads differently.
    mutating func simpleContent(_ open: [UInt8], _ close: [UInt8]) -> Range<Int>? {
        let from = pos
        let found = buffer.withUnsafeBufferPointer { b -> Range<Int>? in
            let start = from + open.count
            guard start <= b.count, open.indices.allSatisfy({ b[from + $0] == open[$0] }) else { return nil }
            var i = start
            while i < b.count {
                let c = b[i]
                if c == UInt8(ascii: "<") { break }
                if c == UInt8(ascii: "&") || c == 0x0D { return nil }
                i += 1
            }
            guard i + close.count <= b.count, close.indices.allSatisfy({ b[i + $0] == close[$0] }) else { return nil }
            return start..<i
        }
        guard let found else { return nil }
        text = found
        textIsRaw = false
        pos = found.upperBound + close.count
        return found
    }

    @inline(__always) private func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 }

    // MARK: - Reading the current token

    /// Whether the current tag's local name (after any prefix) is `local`.
    func nameIs(_ local: [UInt8]) -> Bool {
        Self.localPart(buffer, name).elementsEqual(local)
    }

    var localName: String { String(decoding: Self.localPart(buffer, name), as: UTF8.self) }

    private static func localPart(_ b: [UInt8], _ r: Range<Int>) -> ArraySlice<UInt8> {
        var start = r.lowerBound
        for i in r where b[i] == UInt8(ascii: ":") { start = i + 1 }
        return b[start..<r.upperBound]
    }

    /// The decoded value of the attribute whose local name is `local`.
    func attribute(_ local: [UInt8]) throws -> String? {
        guard let r = attributeRange(local) else { return nil }
        return try Self.decode(buffer[r])
    }

    /// The raw bytes of an attribute value (no entities expected: numbers, references, ids).
    func attributeRange(_ local: [UInt8]) -> Range<Int>? {
        var found: Range<Int>?
        forEachAttribute { name, value in
            if Self.localPart(buffer, name).elementsEqual(local) { found = value; return false }
            return true
        }
        return found
    }

    /// Three attributes in one pass over the tag (a cell's `r`, `t` and `s`).
    func attributeRanges(_ a: [UInt8], _ b: [UInt8], _ c: [UInt8]) -> (Range<Int>?, Range<Int>?, Range<Int>?) {
        var result: (Range<Int>?, Range<Int>?, Range<Int>?) = (nil, nil, nil)
        forEachAttribute { name, value in
            let local = Self.localPart(buffer, name)
            if local.elementsEqual(a) { result.0 = value } else if local.elementsEqual(b) { result.1 = value } else if local.elementsEqual(c) { result.2 = value }
            return true
        }
        return result
    }

    /// Calls `body` with each attribute's name and value ranges until it returns false.
    private func forEachAttribute(_ body: (Range<Int>, Range<Int>) -> Bool) {
        var i = attributes.lowerBound
        let end = attributes.upperBound
        while i < end {
            while i < end && isSpace(buffer[i]) { i += 1 }
            let nameStart = i
            while i < end && buffer[i] != UInt8(ascii: "=") && !isSpace(buffer[i]) { i += 1 }
            let nameRange = nameStart..<i
            while i < end && buffer[i] != UInt8(ascii: "\"") && buffer[i] != UInt8(ascii: "'") { i += 1 }
            guard i < end else { return }
            let quote = buffer[i]
            let valueStart = i + 1
            i = valueStart
            while i < end && buffer[i] != quote { i += 1 }
            if !body(nameRange, valueStart..<min(i, end)) { return }
            i += 1
        }
    }

    func bytes(_ r: Range<Int>) -> ArraySlice<UInt8> { buffer[r] }

    /// The current text, with entities decoded (CDATA is taken as it is).
    func textValue() throws -> String {
        let slice = lineEndsNormalised
        return textIsRaw ? String(decoding: slice, as: UTF8.self) : try Self.decode(slice)
    }

    /// The current text with its line ends as XML reads them: a CR LF pair or a lone CR is an LF
    /// (XML 1.0, 2.11). Only a character reference (`&#13;`) or Excel's `_x000D_` is a CR, so
    /// "Foo\r\nBar" typed in Excel reads "Foo\nBar", as every XML parser gives it.
    private var lineEndsNormalised: ArraySlice<UInt8> {
        let slice = buffer[text]
        guard slice.contains(0x0D) else { return slice }
        var out: [UInt8] = []
        out.reserveCapacity(slice.count)
        var previousCR = false
        for byte in slice {
            if byte == 0x0A && previousCR { previousCR = false; continue }
            previousCR = byte == 0x0D
            out.append(previousCR ? 0x0A : byte)
        }
        return out[...]
    }

    /// Appends the current text to `out`, decoding entities.
    func appendText(to out: inout String) throws { out += try textValue() }

    /// Appends the current text's bytes to `out`, decoding entities only when there are any.
    func appendTextBytes(to out: inout [UInt8]) throws {
        let slice = lineEndsNormalised
        if textIsRaw || !slice.contains(UInt8(ascii: "&")) {
            out.append(contentsOf: slice)
        } else {
            out.append(contentsOf: try Self.decode(slice).utf8)
        }
    }

    /// Decodes the five predefined entities and character references; anything else is an
    /// undefined entity, since no DTD may define one.
    static func decode(_ s: ArraySlice<UInt8>) throws -> String {
        guard s.contains(UInt8(ascii: "&")) else { return String(decoding: s, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(s.count)
        var i = s.startIndex
        while i < s.endIndex {
            let c = s[i]
            guard c == UInt8(ascii: "&") else { out.append(c); i += 1; continue }
            guard let semi = s[i...].firstIndex(of: UInt8(ascii: ";")), semi - i <= 12 else {
                throw XMLError("a stray & in XML text")
            }
            let entity = s[(i + 1)..<semi]
            switch String(decoding: entity, as: UTF8.self) {
            case "lt": out.append(UInt8(ascii: "<"))
            case "gt": out.append(UInt8(ascii: ">"))
            case "amp": out.append(UInt8(ascii: "&"))
            case "quot": out.append(UInt8(ascii: "\""))
            case "apos": out.append(UInt8(ascii: "'"))
            case let e where e.hasPrefix("#"):
                let hex = e.hasPrefix("#x") || e.hasPrefix("#X")
                guard let code = UInt32(e.dropFirst(hex ? 2 : 1), radix: hex ? 16 : 10), let scalar = Unicode.Scalar(code) else {
                    throw XMLError("a bad character reference &\(e);")
                }
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
            case let e:
                throw XMLError("an undefined entity &\(e); (entities need a DTD, which is refused)")
            }
            i = semi + 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Skips to the end of the element just started (for subtrees of no interest).
    mutating func skipElement() throws {
        var depth = 1
        while depth > 0 {
            switch try next() {
            case .start: depth += 1
            case .end: depth -= 1
            case .eof: throw XMLError("the XML ends before an element closes")
            case .empty, .text: break
            }
        }
    }
}
