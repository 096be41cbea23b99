@testable import XLSXReader
import Testing

/// The scanner reads a part in chunks: a tag cut anywhere, even inside a quoted attribute value
/// holding `>` or the other quote, must give the same tokens as the part read in one piece.
@Suite struct XMLScannerTests {
    static let xml = Array(
        #"""
        <?xml version="1.0"?><x:root a='1>2' b="say 'hi' > bye"><c r="A1" t='s'><v>3</v></c><!-- a > comment --><e q="&quot;>&apos;"/><![CDATA[<not a tag>]]>tail</x:root>
        """#.utf8)

    /// Every token as text: its kind, the tag's local name and its attributes, or the text.
    static func tokens(chunk: Int) throws -> [String] {
        var at = 0
        var scanner = XMLScanner {
            guard at < xml.count else { return nil }
            defer { at += chunk }
            return Array(xml[at..<min(at + chunk, xml.count)])
        }
        var out: [String] = []
        while true {
            let event = try scanner.next()
            switch event {
            case .eof: return out
            case .start, .empty:
                out.append("\(event) \(scanner.localName) a=\(try scanner.attribute(Array("a".utf8)) ?? "-") b=\(try scanner.attribute(Array("b".utf8)) ?? "-") q=\(try scanner.attribute(Array("q".utf8)) ?? "-")")
            case .end: out.append("end \(scanner.localName)")
            case .text: out.append("text \(try scanner.textValue())")
            }
        }
    }

    @Test func theTokensAreTheSameHoweverThePartIsCut() throws {
        let whole = try Self.tokens(chunk: Self.xml.count)
        #expect(whole.first == "start root a=1>2 b=say 'hi' > bye q=-")
        #expect(whole.contains("empty e a=- b=- q=\">'"))
        #expect(whole.contains("text <not a tag>"))
        #expect(whole.last == "end root")
        for chunk in [1, 2, 3, 5, 7, 13, 64] {
            #expect(try Self.tokens(chunk: chunk) == whole, "chunks of \(chunk)")
        }
    }

    @Test func aTagThatNeverEndsIsRefused() throws {
        for xml in ["<root a=\"1>", "<root a='x\">", "<root"] {
            var given: [UInt8]? = Array(xml.utf8)
            var scanner = XMLScanner { defer { given = nil }; return given }
            #expect(throws: XMLError.self, "\(xml)") { _ = try scanner.next() }
        }
    }
}
