import Foundation
import ReportModel
import Testing

/// `Whitespace` replaces Foundation's trimming and splitting for speed: it must agree with them.
@Suite struct WhitespaceTests {
    static let samples = [
        "", " ", "Amber", " amber ", "\tRed\r\n", "\u{A0}Green\u{3000}", "\u{2028}x\u{2029}", "\u{85}y\u{202F}",
        "\u{200B}zero width\u{200B}", " \u{301}accent", "é ", "a\n\nb", "\n\n\nText\n\n\n", "a\n\n\n\nb  \n\n  c",
        "Para one.\n\nPara two – with a dash.\n\n", "\r\n\r\n", "👍🏽 \n\n 👍🏽", "x\u{2003}\u{2003}", "\u{180E}mongolian\u{FEFF}",
    ] + (0..<0x3100).compactMap { Unicode.Scalar($0) }.map { "\($0)x\($0)" }  // every scalar up to U+3000 at both ends

    @Test func trimsWhatFoundationTrims() {
        for text in Self.samples {
            #expect(Whitespace.trimmed(text) == text.trimmingCharacters(in: .whitespacesAndNewlines), "\(text.debugDescription)")
        }
    }

    @Test func splitsParagraphsAsFoundationDoes() {
        for text in Self.samples {
            let foundation = text.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
            #expect(Whitespace.paragraphs(of: text, separator: "\n\n") == foundation, "\(text.debugDescription)")
        }
    }
}
