@testable import BoardPack
import Testing

/// The at-a-glance page's cuts: an update's first sentence, a goal's first two lines.
@Suite struct WordingTests {
    @Test func theFirstSentenceEndsAtAStopBeforeACapital() {
        #expect(Wording.firstSentence(["", "Work at early stage. Briefs are prepared."]) == "Work at early stage.")
        #expect(Wording.firstSentence(["Approx. 97% were housed. Then more."]) == "Approx. 97% were housed.", "a stop before a figure is not an end")
        #expect(Wording.firstSentence(["Is it done? Yes."]) == "Is it done?")
        #expect(Wording.firstSentence(["No end here"]) == "No end here")
        #expect(Wording.firstSentence(["Café opened. Next."]) == "Café opened.")
        #expect(Wording.firstSentence([]) == nil && Wording.firstSentence([" "]) == nil)
    }

    @Test func twoLinesAreCutAtAWord() {
        let text = "Expand number of work opportunities for rehabilitation purposes, based on model at Maidstone Borough Council to other local housing authorities"
        let cut = TextHeight.firstLines(text, count: 2, widthInCharacters: 40, fontSize: 10)
        #expect(cut.hasSuffix("…") && TextHeight.lines(in: cut, widthInCharacters: 40, fontSize: 10) == 2)
        #expect(text.hasPrefix(String(cut.dropLast())))
        #expect(TextHeight.firstLines("Short\ntext", count: 2, widthInCharacters: 40, fontSize: 10) == "Short text")
    }
}
