@testable import BoardPack
import Testing

@Suite struct TextHeightTests {
    @Test func countsWrappedAndExplicitLines() {
        // Width 10 holds 13 characters a line at 1.45 characters per unit, less one for safety.
        #expect(TextHeight.lines(in: "", widthInCharacters: 10) == 1)
        #expect(TextHeight.lines(in: "short words", widthInCharacters: 10) == 1)
        #expect(TextHeight.lines(in: "one two three four", widthInCharacters: 10) == 2)
        #expect(TextHeight.lines(in: "a\n\nb", widthInCharacters: 10) == 3)
        #expect(TextHeight.lines(in: String(repeating: "x", count: 30), widthInCharacters: 10) == 3)
        #expect(TextHeight.lines(in: "é é é é é é é", widthInCharacters: 10) == 1, "accented letters count once")
    }

    @Test func theTallestCellSetsTheRow() {
        let one = TextHeight.points([("x", 10)], fontSize: 10)
        let three = TextHeight.points([("x", 10), ("a\nb\nc", 10)], fontSize: 10)
        #expect(three > 2.5 * one - 10 && three > one)
    }
}
