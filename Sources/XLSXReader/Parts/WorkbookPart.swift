/// A sheet as the workbook lists it.
public struct SheetInfo: Equatable, Sendable {
    public enum Visibility: String, Sendable { case visible, hidden, veryHidden }
    public var name: String
    public var visibility: Visibility
    /// The worksheet part, or nil for a chartsheet or a sheet whose part is missing (no cells to read).
    public internal(set) var part: String?
}

/// A defined name: `_xlnm.Print_Titles`, or a user's named range.
public struct DefinedName: Equatable, Sendable {
    public var name: String
    /// The formula text, e.g. `'Goals'!$1:$3`.
    public var value: String
    /// Index of the sheet it belongs to, or nil for a workbook-wide name.
    public var sheet: Int?
}

/// `xl/workbook.xml`: sheet order, names and visibility, the date system, defined names.
struct WorkbookPart {
    var sheets: [SheetInfo] = []
    var date1904 = false
    var definedNames: [DefinedName] = []

    static let betaNamespace = "http://schemas.microsoft.com/office/excel/2006/"

    static func read(_ name: String, relationships: Relationships, in package: Package) throws -> WorkbookPart {
        guard let entry = package.archive.entry(name) else { throw package.error(name, "the workbook part is missing") }
        var scanner = try package.scanner(entry)
        var part = WorkbookPart()
        try package.xml(name) {
            loop: while true {
                switch try scanner.next() {
                case .eof: break loop
                case .start where scanner.nameIs(Names.extLst):
                    // Excel 2013's `<x15:workbookPr chartTrackingRefBase="1"/>` is no date system.
                    try scanner.skipElement()
                case .start where scanner.nameIs(Names.workbookElement):
                    // Excel 2007's betas wrote their own namespace and element names (`sstItem`
                    // for `si`): nothing in such a file can be read as it was meant.
                    if let namespace = try scanner.attribute(Names.xmlns), namespace.hasPrefix(WorkbookPart.betaNamespace) {
                        throw package.error(name, "was saved by a beta of Excel 2007 (namespace \(namespace), from before the format was standardised); open it in Excel or LibreOffice and save it again as .xlsx")
                    }
                case .start, .empty:
                    if scanner.nameIs(Names.sheet) {
                        let sheetName = try scanner.attribute(Names.name) ?? "Sheet\(part.sheets.count + 1)"
                        let state = try scanner.attribute(Names.state) ?? "visible"
                        let target = try scanner.attribute(Names.id).flatMap { relationships.target(id: $0) }
                        let worksheet = relationships.all.first { $0.target == target }?.kind == "worksheet" ? target : nil
                        part.sheets.append(
                            SheetInfo(name: sheetName, visibility: SheetInfo.Visibility(rawValue: state) ?? .visible, part: worksheet))
                    } else if scanner.nameIs(Names.workbookPr) {
                        let value = try scanner.attribute(Names.date1904)
                        part.date1904 = value == "1" || value == "true"
                    } else if scanner.nameIs(Names.definedName) {
                        let definedName = try scanner.attribute(Names.name) ?? ""
                        let sheet = try scanner.attribute(Names.localSheetId).flatMap { Int($0) }
                        var value = ""
                        if try scanner.next() == .text { value = try scanner.textValue() }
                        part.definedNames.append(DefinedName(name: definedName, value: value, sheet: sheet))
                    }
                case .end, .text: break
                }
            }
        }
        return part
    }
}

/// `docProps/custom.xml`: custom document properties as text.
enum CustomProperties {
    static func read(_ entry: ZipEntry, name: String, in package: Package) throws -> [String: String] {
        var scanner = try package.scanner(entry)
        var properties: [String: String] = [:]
        var current: String?
        var depth = 0
        try package.xml(name) {
            loop: while true {
                switch try scanner.next() {
                case .eof: break loop
                case .start:
                    if scanner.nameIs(Names.property) {
                        current = try scanner.attribute(Names.name)
                        depth = 0
                    } else if current != nil {
                        depth += 1
                    }
                case .text:
                    // The value is the text of the one typed child (vt:lpwstr, vt:i4, vt:bool...).
                    if let key = current, depth == 1 { properties[key, default: ""] += try scanner.textValue() }
                case .end:
                    if scanner.nameIs(Names.property) {
                        if let key = current, properties[key] == nil { properties[key] = "" }
                        current = nil
                    } else if current != nil {
                        depth -= 1
                    }
                case .empty: break
                }
            }
        }
        return properties
    }
}
