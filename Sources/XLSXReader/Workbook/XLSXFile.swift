import Foundation

/// An .xlsx workbook opened for reading. Opening reads, in order, the package relationships, the
/// workbook, the shared strings and the styles; worksheets are read only when asked, streaming.
public final class XLSXFile {
    public let file: String
    public let sheets: [SheetInfo]
    public let date1904: Bool
    public let definedNames: [DefinedName]
    /// Custom document properties (File > Properties > Custom), by name.
    public let customProperties: [String: String]
    let package: Package
    let strings: [String]
    let styles: Styles

    /// Opens the workbook at `url`; `name` is used in messages (the file name by default).
    /// - Throws: `XLSXError` with a sentence the sender can act on.
    /// The file is read piece by piece: memory holds what is being inflated, not the file.
    public convenience init(contentsOf url: URL, name: String? = nil, limits: ZipLimits = .standard) throws {
        let label = name ?? url.lastPathComponent
        let source: FileSource
        do {
            source = try FileSource(path: url.path)
        } catch let error as POSIXError {
            throw XLSXError(file: label, message: "cannot be read (\(String(cString: strerror(error.code.rawValue))))")
        }
        try self.init(source: source, name: label, limits: limits)
    }

    public convenience init(bytes: [UInt8], name: String, limits: ZipLimits = .standard) throws {
        try self.init(source: MemorySource(bytes), name: name, limits: limits)
    }

    public init(source: ZipSource, name: String, limits: ZipLimits = .standard) throws {
        file = name
        let refusal: String?
        do { refusal = try FileKind.refusal(source) } catch { throw XLSXError(file: name, message: "\(error)") }
        if let refusal { throw XLSXError(file: name, message: refusal) }
        let archive: ZipArchive
        do { archive = try ZipArchive(source: source, limits: limits) } catch let error as ZipError {
            throw XLSXError(file: name, message: error.description)
        }
        if FileKind.isOpenDocument(archive) {
            throw XLSXError(file: name, message: "is an OpenDocument spreadsheet (.ods), not .xlsx; save it as Excel 2007-365 (.xlsx)")
        }
        let package = Package(archive: archive, file: name)
        self.package = package

        let root = try Relationships.read(for: "", in: package)
        let workbookName = root.first(kind: "officeDocument")?.target
            ?? (archive.entry("xl/workbook.xml") != nil ? "xl/workbook.xml" : nil)
        guard let workbookName, archive.entry(workbookName) != nil else {
            throw XLSXError(file: name, message: "is a ZIP archive but not an Excel workbook (it has no workbook part)")
        }
        let rels = try Relationships.read(for: workbookName, in: package)
        let workbook = try WorkbookPart.read(workbookName, relationships: rels, in: package)
        sheets = workbook.sheets
        date1904 = workbook.date1904
        definedNames = workbook.definedNames

        if let part = rels.first(kind: "sharedStrings")?.target, let entry = archive.entry(part) {
            strings = try SharedStrings.read(entry, name: part, in: package)
        } else {
            strings = []
        }
        if let part = rels.first(kind: "styles")?.target, let entry = archive.entry(part) {
            styles = try Styles.read(entry, name: part, in: package)
        } else {
            styles = Styles()
        }
        let customPart = root.first(kind: "custom-properties")?.target ?? "docProps/custom.xml"
        if let entry = archive.entry(customPart) {
            customProperties = try CustomProperties.read(entry, name: customPart, in: package)
        } else {
            customProperties = [:]
        }
    }

    /// A streaming reader of the sheet's rows.
    /// - Throws: `XLSXError` when there is no such worksheet.
    public func rows(ofSheet name: String) throws -> WorksheetReader {
        guard let sheet = sheets.first(where: { $0.name == name }) ?? sheets.first(where: { $0.name.lowercased() == name.lowercased() }) else {
            throw XLSXError(file: file, message: "has no sheet named \"\(name)\" (it has \(sheets.map { "\"\($0.name)\"" }.joined(separator: ", ")))")
        }
        guard let part = sheet.part, let entry = package.archive.entry(part) else {
            throw XLSXError(file: file, sheet: sheet.name, message: "is not a worksheet with cells (a chart sheet, or its part is missing)")
        }
        return WorksheetReader(
            scanner: try package.scanner(entry), sheet: sheet.name, file: file, strings: strings, styles: styles, date1904: date1904)
    }
}
