import ChildProcess
import Foundation

/// What a PDF shows, read with pdfminer.six (`Scripts/pdf_text.py`): each page's text and the
/// size its characters print at, the page's own scaling included.
public struct PrintedPages {
    public struct Page: Decodable {
        public var width: Double
        public var height: Double
        /// The smallest character on the page, in points; nil for a page without text.
        public var minSize: Double?
        /// The largest character on the page, in points (a stray font-size code prints huge text).
        public var maxSize: Double?
        public var text: String
        /// Runs of text under 9 pt: [size, text].
        public var small: [[Small]]
    }

    /// A size or a text, as pdf_text.py lists small runs.
    public enum Small: Decodable, CustomStringConvertible {
        case size(Double)
        case text(String)
        public init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let d = try? c.decode(Double.self) { self = .size(d) } else { self = .text(try c.decode(String.self)) }
        }
        public var description: String {
            switch self {
            case .size(let d): "\(d) pt"
            case .text(let t): t
            }
        }
    }

    public var pages: [Page]

    public init(_ pdf: URL) throws {
        let script = repositoryRoot.appendingPathComponent("Tests/TestSupport/Scripts/pdf_text.py")
        let json = try run("/usr/bin/env", ["python3", script.path, pdf.path])
        struct Output: Decodable { var pages: [Page] }
        pages = try JSONDecoder().decode(Output.self, from: json).pages
    }

    /// All the text, whitespace collapsed to single spaces, for finding what should be there.
    public var text: String { Self.collapse(pages.map(\.text).joined(separator: " ")) }

    /// Whitespace made single spaces, and none after a hyphen inside a word: LibreOffice breaks
    /// lines after the hyphen of "co-location", which the PDF gives as "co- location".
    public static func collapse(_ text: String) -> String {
        let words = text.split(whereSeparator: { $0.isWhitespace })
        var out = ""
        for word in words {
            if !out.isEmpty && !(out.hasSuffix("-") && (out.dropLast().last.map { $0.isLetter || $0.isNumber } ?? false)) { out += " " }
            out += word
        }
        return out
    }

    /// The smallest print size of any page.
    public var minSize: Double? { pages.compactMap(\.minSize).min() }

    /// Whether every word of `text` appears, in order, in the printed text. Words are compared
    /// whole; a cell's line breaks may fall anywhere, and up to three words of a neighbouring
    /// cell may come between two of its words: pdfminer reads a goal's Ref ("SM-1"), printed
    /// beside the first line of its wording, between that line and the next.
    public func contains(wordsOf text: String) -> Bool {
        let printed = Self.collapse(self.text).split(separator: " "), wanted = Self.collapse(text).split(separator: " ")
        guard let first = wanted.first else { return true }
        return printed.indices.contains { start in
            guard printed[start] == first else { return false }
            var at = start
            for word in wanted.dropFirst() {
                guard let next = printed[(at + 1)..<min(printed.count, at + 5)].firstIndex(of: word) else { return false }
                at = next
            }
            return true
        }
    }
}
