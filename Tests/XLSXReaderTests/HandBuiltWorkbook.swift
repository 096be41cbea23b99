/// A workbook package assembled from its XML parts in memory, for what no spreadsheet program
/// writes but real files still hold: each test says exactly which bytes it reads.
struct HandBuiltWorkbook {
    /// The `<sheetData>` contents of each sheet, by name, in order.
    var sheets: [(name: String, rows: String)]
    /// `<si>` items, or nil for no shared-string part.
    var sharedStrings: [String]? = nil
    /// The whole `<styleSheet>` body (numFmts, cellXfs...), or nil for no styles part.
    var styles: String? = nil
    /// Extra XML inside `<workbook>` before `<sheets>` (a `workbookPr`, an extension list).
    var workbookExtra = ""
    /// The SpreadsheetML namespace of every part (an Excel 2007 beta wrote its own).
    var namespace = HandBuiltWorkbook.main

    init(sheets: [(name: String, rows: String)]) { self.sheets = sheets }

    init(rows: String) { self.init(sheets: [("Sheet1", rows)]) }

    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    private static let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    func bytes() -> [UInt8] { builder().build() }

    /// The archive before it is built, for a test that damages a part.
    func builder() -> ZipBuilder {
        var zip = ZipBuilder()
        zip.add("[Content_Types].xml", #"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>"#)
        zip.add("_rels/.rels", #"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#)
        var rels = ""
        var list = ""
        for (i, sheet) in sheets.enumerated() {
            rels += #"<Relationship Id="rId\#(i + 1)" Type="\#(Self.rel)/worksheet" Target="worksheets/sheet\#(i + 1).xml"/>"#
            list += #"<sheet name="\#(sheet.name)" sheetId="\#(i + 1)" r:id="rId\#(i + 1)"/>"#
            zip.add("xl/worksheets/sheet\(i + 1).xml", #"<?xml version="1.0"?><worksheet xmlns="\#(namespace)"><sheetData>\#(sheet.rows)</sheetData></worksheet>"#)
        }
        if let sharedStrings {
            rels += #"<Relationship Id="rIdS" Type="\#(Self.rel)/sharedStrings" Target="sharedStrings.xml"/>"#
            zip.add("xl/sharedStrings.xml", #"<?xml version="1.0"?><sst xmlns="\#(namespace)">\#(sharedStrings.map { "<si>\($0)</si>" }.joined())</sst>"#)
        }
        if let styles {
            rels += #"<Relationship Id="rIdT" Type="\#(Self.rel)/styles" Target="styles.xml"/>"#
            zip.add("xl/styles.xml", #"<?xml version="1.0"?><styleSheet xmlns="\#(namespace)">\#(styles)</styleSheet>"#)
        }
        zip.add("xl/_rels/workbook.xml.rels", #"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\#(rels)</Relationships>"#)
        zip.add("xl/workbook.xml", #"<?xml version="1.0"?><workbook xmlns="\#(namespace)" xmlns:r="\#(Self.rel)">\#(workbookExtra)<sheets>\#(list)</sheets></workbook>"#)
        return zip
    }
}
