/// Row heights for wrapped text. Neither libxlsxwriter nor LibreOffice sizes rows to their
/// text when the file is opened, so the pack sets each height from a greedy word wrap at the
/// column's width. The estimate errs on the tall side: a little space beats a cut-off update.
enum TextHeight {
    /// Characters of the body font that fit in one unit of column width (widths are measured
    /// in the default font's "0"; Arial 10 runs narrower).
    static let charactersPerWidthUnit = 1.45

    static func lines(in text: String, widthInCharacters width: Double) -> Int {
        let capacity = max(1, Int(width * charactersPerWidthUnit) - 1)
        // Works on UTF-8 bytes for speed (a board pack has thousands of cells): a character is
        // any byte that is not a continuation byte, close enough for an estimate.
        var total = 0, lines = 1, used = 0, word = 0
        func endWord() {
            guard word > 0 else { return }
            if used == 0 {
                used = word
            } else if used + 1 + word <= capacity {
                used += 1 + word
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
        for byte in text.utf8 {
            switch byte {
            case 0x20: endWord()
            case 0x0A:
                endWord()
                total += lines
                lines = 1
                used = 0
            default: if byte & 0xC0 != 0x80 { word += 1 }
            }
        }
        endWord()
        return total + lines
    }

    /// The height in points a row needs to show every cell's text in full.
    static func points(_ cells: [(text: String, width: Double)], fontSize: Double) -> Double {
        let tallest = cells.map { Self.lines(in: $0.text, widthInCharacters: $0.width) }.max() ?? 1
        return Double(max(1, tallest)) * fontSize * 1.25 + 4
    }

    static func points(for text: String, widthInCharacters width: Double, fontSize: Double) -> Double {
        points([(text, width)], fontSize: fontSize)
    }
}
