/// Row heights for wrapped text. Neither libxlsxwriter nor LibreOffice sizes rows to their
/// text when a file is opened, so boardpack sets each height from a word wrap at the column's
/// width, measured with Arial's own character widths (the workbooks' font; LibreOffice prints it
/// with Liberation Sans, whose widths are the same).
///
/// Measured from LibreOffice's PDFs (`TextHeightPrintTests`): a column of w units prints
/// 5.545 (w + 5/7) points wide, its text wrapping at 5.54 w + 1.5 points; Excel's column is
/// narrower, 7 w + 5 pixels (5.25 w + 3.75 points), so lines are counted at Excel's width and
/// LibreOffice never wraps more. Lines are 1.12 of the font's size apart (Liberation Sans's
/// ascent and descent), with 1.6 points above and below.
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
    /// Points a column's text area has beyond its units: Excel's 5 pixels of a column's own,
    /// less about 3 for the cell's margins.
    static let textAreaExtra = 1.5
    /// The room a number needs beside its text to show on one line, in points (`width(of:)`).
    static let padding = 3.0
    /// Excel indents by about three characters a level.
    static let pointsPerIndent = 9.0

    /// How many lines `text` takes in a column `width` units wide.
    static func lines(in text: String, widthInCharacters width: Double, fontSize: Double, bold: Bool = false, indent: Int = 0) -> Int {
        let table = bold ? Self.bold : Self.regular
        // Widths in thousandths of an em: the loop over bytes adds integers.
        let capacity = capacity(width, indent: indent, fontSize: fontSize)
        let space = Double(table[0])
        var total = 0, lines = 1
        var used = 0.0, word = 0
        func endWord() {
            guard word > 0 else { return }
            let width = Double(word)
            word = 0
            if used == 0 {
                used = width
            } else if used + space + width <= capacity {
                used += space + width
            } else {
                lines += 1
                used = width
            }
            // A word longer than the line wraps by itself.
            while used > capacity {
                lines += 1
                used -= capacity
            }
        }
        // Works on UTF-8 bytes for speed (a board pack has thousands of cells).
        func scan(_ bytes: UnsafeBufferPointer<UInt8>) {
            table.withUnsafeBufferPointer { table in
                for byte in bytes {
                    switch byte {
                    case 0x20: endWord()
                    case 0x0A:
                        endWord()
                        total += lines
                        lines = 1
                        used = 0
                    default: word += advance(byte, table)
                    }
                }
            }
        }
        if text.utf8.withContiguousStorageIfAvailable(scan) == nil { Array(text.utf8).withUnsafeBufferPointer(scan) }
        endWord()
        return total + lines
    }

    /// Thousandths of an em of text a line of a column `width` units wide holds.
    private static func capacity(_ width: Double, indent: Int, fontSize: Double) -> Double {
        max(1.0, (width * pointsPerWidthUnit + textAreaExtra - Double(indent) * pointsPerIndent) * 1000 / fontSize)
    }

    /// The column width (in units) that shows `text` on one line: a number does not wrap, and
    /// one too wide for its column shows as "###".
    static func width(of text: String, fontSize: Double, bold: Bool = false, indent: Int = 0) -> Double {
        let em = (bold ? Self.bold : Self.regular).withUnsafeBufferPointer { table in text.utf8.reduce(0) { $0 + advance($1, table) } }
        return (Double(em) * fontSize / 1000 + padding + Double(indent) * pointsPerIndent) / pointsPerWidthUnit + 1
    }

    /// How far a byte of UTF-8 text moves the pen, in thousandths of an em: its width in `table`
    /// for ASCII, `otherWidth` for the first byte of any other character, nothing for the bytes
    /// that continue one.
    @inline(__always)
    private static func advance(_ byte: UInt8, _ table: UnsafeBufferPointer<UInt16>) -> Int {
        switch byte {
        case 0x20...0x7E: Int(table[Int(byte) - 32])
        default: byte & 0xC0 != 0x80 ? Int(otherWidth) : 0
        }
    }

    /// `text` cut at a word (with "…") so that it takes one line of a column `width` units wide.
    /// Line breaks count as spaces.
    static func oneLine(_ text: String, widthInCharacters width: Double, fontSize: Double) -> String {
        let capacity = capacity(width, indent: 0, fontSize: fontSize)
        let space = Double(regular[0]), ellipsis = Double(otherWidth)
        // The words up to the first that overflows the line, and one more: a long update is
        // hundreds of words, and those past the line are never shown (a glance page has a line
        // for every Red and Amber goal, so this is read from the bytes in one pass).
        let (words, widths, overflowed, breaks) = firstWords(of: text, capacity: capacity, space: space)
        guard overflowed else {
            // It fits: on one line as it is, or with its line breaks made spaces.
            return breaks ? text.split(whereSeparator: \.isNewline).joined(separator: " ") : text
        }
        // The longest run of whole words that fits with "…" after it. Cutting k words cannot fit
        // once the k-1 before the last already fill the line: start below that, not at the end.
        var start = 1
        var before = 0.0  // the width of words[0..<start-1] on one line
        while start < words.count - 1 {
            let next = before + (start > 1 ? space : 0) + widths[start - 1]
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

    /// `text` cut at a word (with "…") so that it takes at most `count` lines of a column `width`
    /// units wide; line breaks count as spaces.
    static func firstLines(_ text: String, count: Int, widthInCharacters width: Double, fontSize: Double) -> String {
        if count <= 1 { return oneLine(text, widthInCharacters: width, fontSize: fontSize) }
        let words = text.split(whereSeparator: { $0 == " " || $0.isNewline })
        let flat = words.joined(separator: " ")
        if lines(in: flat, widthInCharacters: width, fontSize: fontSize) <= count { return flat }
        // The most words that fit with "…" after them: the count of lines only grows with words.
        func cut(_ k: Int) -> String {
            var cut = words[0..<k].joined(separator: " ")
            while let last = cut.last, ",;:-–".contains(last) { cut.removeLast() }
            return cut + "…"
        }
        var (low, high) = (1, words.count - 1)
        while low < high {
            let middle = (low + high + 1) / 2
            if lines(in: cut(middle), widthInCharacters: width, fontSize: fontSize) <= count { low = middle } else { high = middle - 1 }
        }
        return cut(low)
    }

    /// The words of `text` (split at spaces and line breaks) with their widths, up to the first
    /// that takes the line past `capacity` and one more; whether any was past it (they would be
    /// on one line, counted as `lines` counts, otherwise), and whether a line break was seen.
    private static func firstWords(of text: String, capacity: Double, space: Double)
        -> (words: [String], widths: [Double], overflowed: Bool, breaks: Bool)
    {
        var words: [String] = [], widths: [Double] = []
        var overflowed = false, breaks = false, run = 0.0
        func scan(_ bytes: UnsafeBufferPointer<UInt8>) {
            var i = 0, wordStart = -1
            // Ends the word before `end`; false once the one past the overflow is taken.
            func endWord(_ end: Int) -> Bool {
                defer { wordStart = -1 }
                guard wordStart >= 0 else { return true }
                let word = UnsafeBufferPointer(rebasing: bytes[wordStart..<end])
                words.append(String(decoding: word, as: UTF8.self))
                if overflowed { return false }
                let em = Double(regular.withUnsafeBufferPointer { table in word.reduce(0) { $0 + advance($1, table) } })
                widths.append(em)
                run += (words.count > 1 ? space : 0) + em
                overflowed = run > capacity
                return true
            }
            while i < bytes.count {
                // Separators: a space; a line break as Character.isNewline has them (LF, VT, FF,
                // CR; U+0085 NEL, U+2028 and U+2029 in UTF-8).
                let separator: Int
                switch bytes[i] {
                case 0x20, 0x0A...0x0D: separator = 1
                case 0xC2 where i + 1 < bytes.count && bytes[i + 1] == 0x85: separator = 2
                case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9): separator = 3
                default: separator = 0
                }
                if separator == 0 {
                    if wordStart < 0 { wordStart = i }
                    i += 1
                    continue
                }
                if bytes[i] != 0x20 { breaks = true }
                guard endWord(i) else { return }
                i += separator
            }
            _ = endWord(bytes.count)
        }
        if text.utf8.withContiguousStorageIfAvailable(scan) == nil {
            Array(text.utf8).withUnsafeBufferPointer(scan)
        }
        return (words, widths, overflowed, breaks)
    }

    /// The height in points a row needs to show every cell's text in full.
    static func points(_ cells: [(text: String, width: Double)], fontSize: Double, bold: Bool = false) -> Double {
        let tallest = cells.map { lines(in: $0.text, widthInCharacters: $0.width, fontSize: fontSize, bold: bold) }.max() ?? 1
        return height(lines: tallest, fontSize: fontSize)
    }

    static func points(for text: String, widthInCharacters width: Double, fontSize: Double, bold: Bool = false, indent: Int = 0) -> Double {
        height(lines: lines(in: text, widthInCharacters: width, fontSize: fontSize, bold: bold, indent: indent), fontSize: fontSize)
    }

    /// Liberation Sans's lines are 1.117 of its size apart; a cell keeps 1.6 points above and
    /// below its text, and a little more keeps the last line clear of the border.
    static func height(lines: Int, fontSize: Double) -> Double {
        Double(max(1, lines)) * fontSize * lineSpacing + 4
    }

    static let lineSpacing = 1.12

}
