@testable import BoardPack
import ReportModel
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

/// The report's caveats go in every page's footer, on a line of their own, whatever the style.
extension FooterTests {
    @Test func everyFooterCarriesTheCaveatsEvenWhenTheStyleDoesNotPlaceThem() throws {
        var report = Report(id: "r", title: "T", board: "B", period: Period(label: "Q1", kind: .quarter, quarter: 1), produced: [ProducedDate(date: "July 2013")])
        report.caveats = [Caveat(about: "statuses", kind: .illustrative, reason: "made up", period: "2012-13")]
        let standard = PageSettings(title: "T", report: report, style: .standard)
        #expect(standard.footer == "&L&9T – Q1\n\u{00A0}&C&9Page &P of &N\n&I2012-13 statuses illustrative: see the cover&I&R&9July 2013\n\u{00A0}",
                "every section on two lines, so the caveats' wide line runs under none of them")
        var style = Style.standard
        style.footer = "&L{title}"
        #expect(PageSettings(title: "T", report: report, style: style).footer == "&LT\n&I2012-13 statuses illustrative: see the cover&I")
        #expect(PageSettings.twoLines("&Lа&&b&C&9x\ny&R&P") == "&Lа&&b\n\u{00A0}&C&9x\ny&R&P\n\u{00A0}", "codes and escaped ampersands kept")
        report.caveats = (1...12).map { Caveat(about: "part \($0) of a long report", kind: .reconstructed, reason: "x") }
        let long = PageSettings(title: String(repeating: "Title ", count: 40), report: report, style: .standard).footer
        #expect(long.count <= 255 && long.contains("…&I&R&9July 2013\n\u{00A0}"), "cut to fit Excel's 255 characters")
    }
}
