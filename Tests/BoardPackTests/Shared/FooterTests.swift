@testable import BoardPack
import Testing

/// The footer's fields filled in without turning into header/footer codes.
@Suite struct FooterTests {
    @Test func aValueStartingWithADigitIsSetOffFromAFontSizeCode() {
        // "&9" then "8th October 2019" would read as an 98-point font.
        #expect(PageSettings.fill("&R&9{produced}", "{produced}", with: "8th October 2019") == "&R&9 8th October 2019")
        #expect(PageSettings.fill("&R&9{produced}", "{produced}", with: "October 2019") == "&R&9October 2019")
        #expect(PageSettings.fill("&R{produced}", "{produced}", with: "2019") == "&R2019", "no size code, no space")
        #expect(PageSettings.fill("{a} and {a}", "{a}", with: "x") == "x and x")
    }
}
