@testable import BoardPack
import Testing

@Suite struct TextHeightTests {
    // A column 10 units wide holds 10 × 5.25 − 3 = 49.5 pt of text: at 10 pt, 4.95 em.

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
}
