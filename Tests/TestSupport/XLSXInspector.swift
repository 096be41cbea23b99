import ChildProcess
import Foundation

/// Reads the XML parts of an .xlsx with the system's `unzip`, to assert on what we wrote
/// independently of our own code.
public struct XLSXInspector {
    public let path: String
    public let sharedStrings: [String]
    public let sheetNames: [String]
    private let sheetParts: [String: String]
    private let styles: XMLTree

    public init(_ path: String) throws {
        self.path = path
        let workbook = try Self.part(path, "xl/workbook.xml")
        let rels = try Self.part(path, "xl/_rels/workbook.xml.rels")
        var targets: [String: String] = [:]
        for rel in rels.all("Relationship") { targets[rel["Id"] ?? ""] = rel["Target"] }
        var names: [String] = []
        var parts: [String: String] = [:]
        for sheet in workbook.all("sheet") {
            let name = sheet["name"] ?? ""
            names.append(name)
            let target = targets[sheet["id"] ?? ""] ?? ""
            parts[name] = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        }
        sheetNames = names
        sheetParts = parts
        let strings = (try? Self.part(path, "xl/sharedStrings.xml"))?.all("si") ?? []
        sharedStrings = strings.map { si in si.all("t").map(\.text).joined() }
        styles = try Self.part(path, "xl/styles.xml")
    }

    public static func part(_ path: String, _ name: String) throws -> XMLTree {
        try XMLTree.parse(run("/usr/bin/unzip", ["-p", path, name]))
    }

    public func part(_ name: String) throws -> XMLTree { try Self.part(path, name) }

    public func partNames() throws -> [String] {
        String(decoding: try run("/usr/bin/unzip", ["-Z1", path]), as: UTF8.self).split(separator: "\n").map(String.init)
    }

    public func sheet(_ name: String) throws -> Sheet {
        guard let part = sheetParts[name] else { throw InspectorError("no sheet named \(name) in \(path)") }
        return Sheet(name: name, xml: try self.part(part), inspector: self)
    }

    /// The look of a cell style (`s` attribute) as written in styles.xml.
    public func style(_ index: Int) -> CellStyle {
        let xfs = styles.first("cellXfs")?.all("xf") ?? []
        guard index < xfs.count else { return CellStyle() }
        let xf = xfs[index]
        var style = CellStyle()
        let numFmtId = Int(xf["numFmtId"] ?? "0") ?? 0
        if let custom = styles.all("numFmt").first(where: { $0["numFmtId"] == String(numFmtId) }) {
            style.numberFormat = custom["formatCode"] ?? ""
        } else {
            style.numberFormat = numFmtId == 0 ? "General" : "builtin:\(numFmtId)"
        }
        let fills = styles.first("fills")?.children ?? []
        if let fillId = Int(xf["fillId"] ?? ""), fillId < fills.count, let pattern = fills[fillId].first("patternFill") {
            if pattern["patternType"] == "solid" { style.fill = pattern.first("fgColor")?["rgb"] }
        }
        let fonts = styles.first("fonts")?.children ?? []
        if let fontId = Int(xf["fontId"] ?? ""), fontId < fonts.count {
            let font = fonts[fontId]
            style.bold = font.first("b") != nil
            style.fontColor = font.first("color")?["rgb"]
        }
        style.locked = xf.first("protection")?["locked"] != "0"
        style.wrap = xf.first("alignment")?["wrapText"] == "1"
        style.indent = Int(xf.first("alignment")?["indent"] ?? "0") ?? 0
        return style
    }

    public struct CellStyle: Equatable {
        public var numberFormat = "General"
        /// "FFC00000" style ARGB, or nil for no solid fill.
        public var fill: String?
        public var fontColor: String?
        public var bold = false
        public var wrap = false
        public var indent = 0
        /// Cells are locked unless the style says otherwise (it matters on a protected sheet).
        public var locked = true
    }

    public struct Sheet {
        public let name: String
        public let xml: XMLTree
        let inspector: XLSXInspector

        public struct Cell {
            public var reference: String
            /// "s" shared string, "n" number, "str" formula string, "inlineStr"...
            public var type: String
            public var text: String
            public var style: Int
            public var hasFormula: Bool
        }

        public var cells: [Cell] {
            xml.all("c").map { c in
                let type = c["t"] ?? "n"
                let raw = c.first("v")?.text ?? ""
                let text: String
                switch type {
                case "s": text = Int(raw).map { inspector.sharedStrings[$0] } ?? ""
                case "inlineStr": text = c.first("is")?.all("t").map(\.text).joined() ?? ""
                default: text = raw
                }
                return Cell(reference: c["r"] ?? "", type: type, text: text, style: Int(c["s"] ?? "0") ?? 0, hasFormula: c.first("f") != nil)
            }
        }

        public func cell(_ reference: String) -> Cell? { cells.first { $0.reference == reference } }

        /// Rows of cell texts keyed by row number, for finding tables.
        public var rows: [Int: [String: Cell]] {
            var out: [Int: [String: Cell]] = [:]
            for cell in cells {
                let letters = String(cell.reference.prefix { $0.isLetter })
                let row = Int(cell.reference.dropFirst(letters.count)) ?? 0
                out[row, default: [:]][letters] = cell
            }
            return out
        }

        public var pageSetup: XMLTree? { xml.first("pageSetup") }
        public var footer: String? { xml.first("oddFooter")?.text }
    }
}

public struct InspectorError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
