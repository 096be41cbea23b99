/// The shape of a JSON document: its objects' keys and its arrays' lengths, nesting and all,
/// without the values (text, numbers), which the unknown-field check never looks at. Reading
/// only the shape keeps a large report's check to a fraction of a full parse's time and memory
/// (a Foundation tree holds every update's text again, twice).
indirect enum JSONShape: Equatable, Sendable {
    case object([String: JSONShape])
    case array([JSONShape])
    case null
    case value

    /// The shape of `bytes`, or nil when they are not one well-formed JSON value.
    init?(_ bytes: [UInt8]) {
        var reader = Reader(bytes: bytes)
        guard let shape = reader.value(depth: 0) else { return nil }
        reader.skipSpace()
        guard reader.at == bytes.count else { return nil }
        self = shape
    }

    private struct Reader {
        let bytes: [UInt8]
        var at = 0

        mutating func skipSpace() {
            while at < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[at]) { at += 1 }
        }

        mutating func value(depth: Int) -> JSONShape? {
            guard depth < 512 else { return nil }
            skipSpace()
            guard at < bytes.count else { return nil }
            switch bytes[at] {
            case UInt8(ascii: "{"):
                at += 1
                var members: [String: JSONShape] = [:]
                skipSpace()
                if at < bytes.count, bytes[at] == UInt8(ascii: "}") { at += 1; return .object(members) }
                while true {
                    skipSpace()
                    guard let key = string() else { return nil }
                    skipSpace()
                    guard at < bytes.count, bytes[at] == UInt8(ascii: ":") else { return nil }
                    at += 1
                    guard let member = value(depth: depth + 1) else { return nil }
                    members[key] = member
                    guard let more = another(before: UInt8(ascii: "}")) else { return nil }
                    if !more { return .object(members) }
                }
            case UInt8(ascii: "["):
                at += 1
                var items: [JSONShape] = []
                skipSpace()
                if at < bytes.count, bytes[at] == UInt8(ascii: "]") { at += 1; return .array(items) }
                while true {
                    guard let item = value(depth: depth + 1) else { return nil }
                    items.append(item)
                    guard let more = another(before: UInt8(ascii: "]")) else { return nil }
                    if !more { return .array(items) }
                }
            case UInt8(ascii: "\""):
                return skipString() ? .value : nil
            case UInt8(ascii: "n"):
                return literal("null") ? .null : nil
            case UInt8(ascii: "t"):
                return literal("true") ? .value : nil
            case UInt8(ascii: "f"):
                return literal("false") ? .value : nil
            default:
                // A number: what JSONDecoder accepted; its characters are skipped.
                let start = at
                while at < bytes.count, "+-0123456789.eE".utf8.contains(bytes[at]) { at += 1 }
                return at > start ? .value : nil
            }
        }

        /// After a member or an item: true past a comma (another follows), false past `close`
        /// (the object or array ends), nil at anything else.
        mutating func another(before close: UInt8) -> Bool? {
            skipSpace()
            guard at < bytes.count else { return nil }
            let byte = bytes[at]
            at += 1
            if byte == UInt8(ascii: ",") { return true }
            return byte == close ? false : nil
        }

        mutating func literal(_ word: StaticString) -> Bool {
            let count = word.utf8CodeUnitCount
            guard at + count <= bytes.count else { return false }
            let matches = word.withUTF8Buffer { w in (0..<count).allSatisfy { bytes[at + $0] == w[$0] } }
            if matches { at += count }
            return matches
        }

        /// Moves past a string; false if it does not end.
        mutating func skipString() -> Bool {
            at += 1
            while at < bytes.count {
                switch bytes[at] {
                case UInt8(ascii: "\\"): at += 2
                case UInt8(ascii: "\""): at += 1; return true
                default: at += 1
                }
            }
            return false
        }

        /// A key, its escapes decoded.
        mutating func string() -> String? {
            guard at < bytes.count, bytes[at] == UInt8(ascii: "\"") else { return nil }
            let start = at + 1
            guard skipString() else { return nil }
            let raw = bytes[start..<(at - 1)]
            guard raw.contains(UInt8(ascii: "\\")) else { return String(decoding: raw, as: UTF8.self) }
            var out: [UInt8] = []
            var i = raw.startIndex
            while i < raw.endIndex {
                guard raw[i] == UInt8(ascii: "\\"), i + 1 < raw.endIndex else { out.append(raw[i]); i += 1; continue }
                let e = raw[i + 1]
                i += 2
                switch e {
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "u"):
                    guard i + 4 <= raw.endIndex, let code = UInt32(String(decoding: raw[i..<(i + 4)], as: UTF8.self), radix: 16) else { return nil }
                    i += 4
                    // A surrogate pair is two escapes; a lone half becomes U+FFFD, as in a message.
                    var scalar = Unicode.Scalar(code)
                    if (0xD800..<0xDC00).contains(code), i + 6 <= raw.endIndex, raw[i] == UInt8(ascii: "\\"), raw[i + 1] == UInt8(ascii: "u"),
                        let low = UInt32(String(decoding: raw[(i + 2)..<(i + 6)], as: UTF8.self), radix: 16), (0xDC00..<0xE000).contains(low)
                    {
                        scalar = Unicode.Scalar(0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00))
                        i += 6
                    }
                    out.append(contentsOf: Array(String(Character(scalar ?? "\u{FFFD}")).utf8))
                default: out.append(e)
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}
