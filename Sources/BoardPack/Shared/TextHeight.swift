/// Row heights for wrapped text. Neither libxlsxwriter nor LibreOffice sizes rows to their
/// text when a file is opened, so boardpack sets each height from a word wrap at the column's
/// width, measured with Arial's own character widths (the workbooks' font; LibreOffice prints it
/// with Liberation Sans, whose widths are the same). The estimate errs on the tall side: a
/// little space beats a cut-off update.
enum TextHeight {
    /// Advance widths of ASCII 32...126 in thousandths of an em: Liberation Sans (metric twin
    /// of Arial), read from LiberationSans-Regular.ttf and -Bold.ttf with fontTools.
    static let regular: [UInt16] = [
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556,
        556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556,
        556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
    ]
    static let bold: [UInt16] = [
        278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556,
        556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, 333, 556, 611, 556, 611, 556, 333, 611,
        611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
    ]
    /// Any other character: wider than most letters (é is 556, – 556, ▲ 990 but rare).
    static let otherWidth: UInt16 = 600

    /// Points of text one unit of column width holds. A unit is the width of a "0" in the
    /// default font: 7 pixels in Excel (5.25 pt), a little more in LibreOffice, so Excel's is
    /// the one to plan for.
    static let pointsPerWidthUnit = 5.25
    /// A cell's own padding, in points.
    static let padding = 3.0
    /// Excel indents by about three characters a level.
    static let pointsPerIndent = 9.0

    /// How many lines `text` takes in a column `width` units wide.
    static func lines(in text: String, widthInCharacters width: Double, fontSize: Double, bold: Bool = false, indent: Int = 0) -> Int {
        let table = bold ? Self.bold : Self.regular
        // Widths in thousandths of an em, so the loop adds integers.
        let capacity = max(1.0, (width * pointsPerWidthUnit - padding - Double(indent) * pointsPerIndent) * 1000 / fontSize)
        let space = Double(table[0])
        var total = 0, lines = 1
        var used = 0.0, word = 0.0
        func endWord() {
            guard word > 0 else { return }
            if used == 0 {
                used = word
            } else if used + space + word <= capacity {
                used += space + word
            } else {
                lines += 1
                used = word
            }
            // A word longer than the line wraps by itself.
            while used > capacity {
                lines += 1
                used -= capacity
            }
            word = 0
        }
        // Works on UTF-8 bytes for speed (a board pack has thousands of cells): a character is
        // any byte that is not a continuation byte.
        for byte in text.utf8 {
            switch byte {
            case 0x20: endWord()
            case 0x0A:
                endWord()
                total += lines
                lines = 1
                used = 0
            case 0x21...0x7E: word += Double(table[Int(byte) - 32])
            default: if byte & 0xC0 != 0x80 { word += Double(otherWidth) }
            }
        }
        endWord()
        return total + lines
    }

    /// The column width (in units) that shows `text` on one line: a number does not wrap, and
    /// one too wide for its column shows as "###".
    static func width(of text: String, fontSize: Double, bold: Bool = false, indent: Int = 0) -> Double {
        let table = bold ? Self.bold : Self.regular
        var em = 0.0
        for byte in text.utf8 {
            switch byte {
            case 0x20...0x7E: em += Double(table[Int(byte) - 32])
            default: if byte & 0xC0 != 0x80 { em += Double(otherWidth) }
            }
        }
        return (em * fontSize / 1000 + padding + Double(indent) * pointsPerIndent) / pointsPerWidthUnit + 1
    }

    /// `text` cut at a word (with "…") so that it takes one line of a column `width` units wide.
    static func oneLine(_ text: String, widthInCharacters width: Double, fontSize: Double) -> String {
        // Line breaks become spaces (a byte check first: most text has none; U+0085, U+2028 and
        // U+2029 start with C2 or E2).
        let mayBreak = text.utf8.contains { (0x0A...0x0D).contains($0) || $0 == 0xC2 || $0 == 0xE2 }
        let flat = mayBreak ? text.split(whereSeparator: \.isNewline).joined(separator: " ") : text
        guard lines(in: flat, widthInCharacters: width, fontSize: fontSize) > 1 else { return flat }
        let capacity = max(1.0, (width * pointsPerWidthUnit - padding) * 1000 / fontSize)
        let space = Double(regular[0]), ellipsis = Double(otherWidth)
        // The words up to the first that overflows the line, and one more: a long update is
        // hundreds of words, and those past the line are never shown.
        var words: [String] = []
        var overflowed = false, run = 0.0
        for word in flat.utf8.split(separator: 0x20) {
            words.append(String(Substring(word)))
            if overflowed { break }
            run += (words.count > 1 ? space : 0) + emWidth(words[words.count - 1])
            overflowed = run > capacity
        }
        // The longest run of whole words that fits with "…" after it. Cutting k words cannot fit
        // once the k-1 before the last already fill the line: start below that, not at the end.
        var start = 1
        var before = 0.0  // the width of words[0..<start-1] on one line
        while start < words.count - 1 {
            let next = before + (start > 1 ? space : 0) + emWidth(words[start - 1])
            if next + space + ellipsis > capacity { break }
            before = next
            start += 1
        }
        for k in stride(from: min(start, words.count - 1), through: 1, by: -1) {
            var cut = words[0..<k].joined(separator: " ")
            while let last = cut.last, ",;:-–".contains(last) { cut.removeLast() }
            if lines(in: cut + "…", widthInCharacters: width, fontSize: fontSize) == 1 { return cut + "…" }
        }
        return (words.first ?? "") + "…"
    }

    /// A word's width in thousandths of an em, counted as `lines` counts it.
    private static func emWidth(_ word: String) -> Double {
        var em = 0.0
        for byte in word.utf8 {
            switch byte {
            case 0x21...0x7E: em += Double(regular[Int(byte) - 32])
            default: if byte & 0xC0 != 0x80 { em += Double(otherWidth) }
            }
        }
        return em
    }

    /// The height in points a row needs to show every cell's text in full.
    static func points(_ cells: [(text: String, width: Double)], fontSize: Double, bold: Bool = false) -> Double {
        let tallest = cells.map { lines(in: $0.text, widthInCharacters: $0.width, fontSize: fontSize, bold: bold) }.max() ?? 1
        return height(lines: tallest, fontSize: fontSize)
    }

    static func points(for text: String, widthInCharacters width: Double, fontSize: Double, bold: Bool = false, indent: Int = 0) -> Double {
        height(lines: lines(in: text, widthInCharacters: width, fontSize: fontSize, bold: bold, indent: indent), fontSize: fontSize)
    }

    /// Arial's line spacing is about 1.15 of its size; rows add a little more, and a few points
    /// of padding keep the last line clear of the border.
    static func height(lines: Int, fontSize: Double) -> Double {
        Double(max(1, lines)) * fontSize * 1.28 + 4
    }
}
