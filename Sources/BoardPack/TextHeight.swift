/// Row heights for wrapped text. Neither libxlsxwriter nor LibreOffice sizes rows to their
/// text when the file is opened, so the pack sets each height from a greedy word wrap at the
/// column's width. The estimate errs on the tall side: a little space beats a cut-off update.
enum TextHeight {
    /// Characters of the body font that fit in one unit of column width (widths are measured
    /// in the default font's "0"; Arial 10 runs narrower).
    static let charactersPerWidthUnit = 1.45

    static func lines(in text: String, widthInCharacters width: Double) -> Int {
        let capacity = max(1, Int(width * charactersPerWidthUnit) - 1)
        var total = 0
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var lines = 1
            var used = 0
            for word in paragraph.split(separator: " ") {
                let length = word.count
                if used == 0 {
                    used = length
                } else if used + 1 + length <= capacity {
                    used += 1 + length
                } else {
                    lines += 1
                    used = length
                }
                // A word longer than the line wraps by itself.
                while used > capacity {
                    lines += 1
                    used -= capacity
                }
            }
            total += lines
        }
        return total
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
