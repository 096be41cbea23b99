/// The shared string table: every `<si>` as plain text. Rich-text runs are joined; phonetic
/// runs (`<rPh>`, furigana) are skipped; `_xHHHH_` escapes are decoded.
enum SharedStrings {
    static func read(_ entry: ZipEntry, name: String, in package: Package) throws -> [String] {
        var scanner = try package.scanner(entry)
        var strings: [String] = []
        var current = ""
        var inItem = false
        var inText = false
        let (si, open, close) = (Names.si, Array("<t>".utf8), Array("</t></si>".utf8))
        try package.xml(name) {
            loop: while true {
                switch try scanner.next() {
                case .eof: break loop
                case .start:
                    if scanner.nameIs(si) {
                        // `<si><t>text</t></si>`, nearly every item, in one step.
                        if let text = scanner.simpleContent(open, close) {
                            strings.append(Escapes.decode(String(decoding: scanner.bytes(text), as: UTF8.self)))
                            continue
                        }
                        inItem = true
                        current = ""
                    } else if scanner.nameIs(Names.rPh) {
                        try scanner.skipElement()
                    } else if inItem && scanner.nameIs(Names.t) {
                        inText = true
                    }
                case .empty:
                    if scanner.nameIs(Names.si) { strings.append("") }
                case .end:
                    if scanner.nameIs(Names.t) {
                        inText = false
                    } else if scanner.nameIs(Names.si) {
                        strings.append(Escapes.decode(current))
                        inItem = false
                    }
                case .text:
                    if inText { try scanner.appendText(to: &current) }
                }
            }
        }
        return strings
    }
}

/// OOXML's `_xHHHH_` escapes for characters XML cannot carry (`_x000D_` is a carriage return;
/// `_x005F_` escapes a literal underscore).
enum Escapes {
    static func decode(_ s: String) -> String {
        // A byte scan: String.contains(String) goes through Foundation and is slow per cell.
        guard s.utf8.contains(UInt8(ascii: "_")) else { return s }
        guard s.contains("_x") else { return s }
        var out = ""
        var rest = Substring(s)
        while let range = rest.range(of: "_x") {
            out += rest[..<range.lowerBound]
            let after = rest[range.upperBound...]
            let hex = after.prefix(4)
            if hex.count == 4, after.dropFirst(4).first == "_", let code = UInt32(hex, radix: 16),
                let scalar = Unicode.Scalar(code)
            {
                out.unicodeScalars.append(scalar)
                rest = after.dropFirst(5)
            } else {
                out += "_x"
                rest = after
            }
        }
        return out + rest
    }
}
