import ChildProcess
import Foundation

/// The bordered cells of a PDF printed by LibreOffice, and where their text sits, read with
/// pdfminer.six (`Scripts/pdf_rows.py`): what a row's height really gave its text.
public struct PrintedRows {
    public struct Cell: Decodable, Sendable {
        /// The page, from 1.
        public var page: Int
        /// The cell's borders and its text's extent, in points from the page's foot.
        public var top: Double
        public var bottom: Double
        public var left: Double
        public var right: Double
        public var textTop: Double
        public var textBottom: Double
        /// Lines of text the cell shows.
        public var lines: Int
        public var text: String
    }

    public var cells: [Cell]

    public init(_ pdf: URL) throws {
        let script = repositoryRoot.appendingPathComponent("Tests/TestSupport/Scripts/pdf_rows.py")
        let json = try run("/usr/bin/env", ["python3", script.path, pdf.path])
        struct Output: Decodable { var cells: [Cell] }
        cells = try JSONDecoder().decode(Output.self, from: json).cells
    }

    /// The cells of each printed row (cells sharing a page and both borders).
    public var rows: [[Cell]] {
        Dictionary(grouping: cells) { "\($0.page) \(Int(($0.top * 10).rounded())) \(Int(($0.bottom * 10).rounded()))" }
            .values.map { $0.sorted { $0.left < $1.left } }
    }
}
