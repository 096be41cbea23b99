@testable import BoardPack
import Testing

@Suite struct TextHeightTests {
    // A column 10 units wide holds 10 × 5.25 + 1.5 = 54 pt of text (Excel's text area): at 10 pt, 5.4 em.

    @Test func measuresWithArialsWidths() {
        #expect(TextHeight.lines(in: "", widthInCharacters: 10, fontSize: 10) == 1)
        #expect(TextHeight.lines(in: "WWWWW", widthInCharacters: 10, fontSize: 10) == 1, "5 × 0.944 em = 4.72 em")
        #expect(TextHeight.lines(in: "WWWWWW", widthInCharacters: 10, fontSize: 10) == 2, "a word longer than the line wraps")
        #expect(TextHeight.lines(in: String(repeating: "i", count: 22), widthInCharacters: 10, fontSize: 10) == 1, "22 × 0.222 em")
        #expect(TextHeight.lines(in: "WWW WWW", widthInCharacters: 10, fontSize: 10) == 2)
        #expect(TextHeight.lines(in: "WWW WWW", widthInCharacters: 10, fontSize: 5) == 1, "half the size, twice the room")
        #expect(TextHeight.lines(in: "a\n\nb", widthInCharacters: 10, fontSize: 10) == 3)
        #expect(TextHeight.lines(in: "ééééééé", widthInCharacters: 10, fontSize: 10) == 1, "an accented letter is one character")
        #expect(TextHeight.lines(in: "mmmmm", widthInCharacters: 10, fontSize: 10) == 1)
        #expect(TextHeight.lines(in: "mmmmm", widthInCharacters: 10, fontSize: 10, bold: true) == 1)
        #expect(TextHeight.lines(in: "mmmmm", widthInCharacters: 10, fontSize: 10, indent: 2) == 2, "indentation takes room")
    }

    @Test func theTallestCellSetsTheRow() {
        let one = TextHeight.points([("x", 10)], fontSize: 10)
        let three = TextHeight.points([("x", 10), ("a\nb\nc", 10)], fontSize: 10)
        #expect(three == TextHeight.height(lines: 3, fontSize: 10) && one == TextHeight.height(lines: 1, fontSize: 10))
    }

    @Test func oneLineKeepsWhatFitsAndMakesLineBreaksSpaces() {
        #expect(TextHeight.oneLine("Reduce reoffending", widthInCharacters: 40, fontSize: 10) == "Reduce reoffending")
        #expect(TextHeight.oneLine("Reduce\r\nreoffending\u{2028}by 5%", widthInCharacters: 40, fontSize: 10) == "Reduce reoffending by 5%")
        #expect(TextHeight.oneLine("Reduce  reoffending", widthInCharacters: 40, fontSize: 10) == "Reduce  reoffending", "spaces as typed")
        #expect(TextHeight.oneLine("", widthInCharacters: 40, fontSize: 10) == "")
    }

    @Test func oneLineCutsAtAWordWithAnEllipsis() {
        let cut = TextHeight.oneLine("Agencies will work together on housing, employment and debt advice", widthInCharacters: 25, fontSize: 10)
        #expect(cut == "Agencies will work together…")
        #expect(TextHeight.oneLine("Work on housing, employment", widthInCharacters: 17, fontSize: 10) == "Work on housing…", "no comma before the ellipsis")
        #expect(TextHeight.oneLine(String(repeating: "W", count: 80) + " x", widthInCharacters: 10, fontSize: 10) == String(repeating: "W", count: 80) + "…")
    }

    /// Against the plain rule (the longest run of whole words that fits with "…"), tried on
    /// made-up texts with long words, accents, dashes and every kind of line break.
    @Test func oneLineIsTheLongestRunOfWordsThatFits() {
        func plain(_ text: String, _ width: Double, _ size: Double) -> String {
            let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
            if TextHeight.lines(in: flat, widthInCharacters: width, fontSize: size) == 1 { return flat }
            let words = flat.split(separator: " ").map(String.init)
            for k in stride(from: words.count - 1, through: 1, by: -1) {
                var cut = words[0..<k].joined(separator: " ")
                while let last = cut.last, ",;:-–".contains(last) { cut.removeLast() }
                if TextHeight.lines(in: cut + "…", widthInCharacters: width, fontSize: size) == 1 { return cut + "…" }
            }
            return (words.first ?? "") + "…"
        }
        let vocabulary = ["Reduce", "re-offending", "by", "5%", "–", "IOM", "cohort,", "é", "Wwwwwwwwwwwwwwwwwwwwwwwwwww", "i", "(approx.)", "naïve", "▲"]
        let separators = [" ", " ", " ", "  ", "\n", "\r\n", "\u{2028}", "\u{85}", " \n "]
        var seed: UInt64 = 2026
        func next(_ n: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(n))
        }
        for _ in 0..<400 {
            var text = ""
            for i in 0..<next(30) {
                if i > 0 { text += separators[next(separators.count)] }
                text += vocabulary[next(vocabulary.count)]
            }
            let width = Double(5 + next(50)), size = Double(8 + next(6))
            #expect(TextHeight.oneLine(text, widthInCharacters: width, fontSize: size) == plain(text, width, size), "\(text.debugDescription) at \(width), \(size) pt")
        }
    }
}
