/// A part's relationships (`_rels/*.rels`): id → target part, with the type's last segment
/// ("officeDocument", "worksheet", "sharedStrings"), which is the same in Transitional and
/// Strict OOXML although their namespaces differ.
struct Relationships {
    struct Relationship {
        var id: String
        var kind: String
        var target: String
        var external: Bool
    }

    var all: [Relationship] = []

    /// Reads the relationships of `partName`; a missing .rels part means none.
    static func read(for partName: String, in package: Package) throws -> Relationships {
        let dir = PackagePath.directory(of: partName)
        let file = PackagePath.last(of: partName)
        let relsName = (dir.isEmpty ? "" : dir + "/") + "_rels/" + file + ".rels"
        guard let entry = package.archive.entry(relsName) else { return Relationships() }
        var scanner = XMLScanner(bytes: try package.read(entry))
        var result = Relationships()
        while true {
            let event = try package.xml(relsName) { try scanner.next() }
            if event == .eof { break }
            guard event == .start || event == .empty, scanner.nameIs(Names.relationship) else { continue }
            let id = try scanner.attribute(Names.relationshipId) ?? ""
            let type = try scanner.attribute(Names.type) ?? ""
            let target = try scanner.attribute(Names.target) ?? ""
            let external = try scanner.attribute(Names.targetMode) == "External"
            let kind = String(PackagePath.segments(type).last ?? "")
            let resolved = external ? target : PackagePath.resolve(target, from: dir)
            result.all.append(Relationship(id: id, kind: kind, target: resolved, external: external))
        }
        return result
    }

    func first(kind: String) -> Relationship? { all.first { $0.kind == kind && !$0.external } }
    func target(id: String) -> String? { all.first { $0.id == id && !$0.external }?.target }
}

/// Part names inside the package.
enum PackagePath {
    static func directory(of part: String) -> String {
        guard let slash = part.lastIndex(of: "/") else { return "" }
        return String(part[..<slash])
    }

    static func last(of part: String) -> String {
        guard let slash = part.lastIndex(of: "/") else { return part }
        return String(part[part.index(after: slash)...])
    }

    /// The parts of a path between slashes, empty ones left out. Split on the bytes: splitting
    /// by characters took a tenth of the time of opening a small workbook.
    static func segments(_ path: String) -> [Substring] {
        path.utf8.split(separator: 0x2F).map { Substring($0) }
    }

    /// Resolves a relationship target: absolute ("/xl/workbook.xml") from the package root,
    /// relative from the source part's folder, with "." and ".." segments applied.
    static func resolve(_ target: String, from directory: String) -> String {
        let normalised = ZipName.slashed(target)
        var segments: [Substring] = normalised.hasPrefix("/") ? [] : PackagePath.segments(directory)
        for segment in PackagePath.segments(normalised) {
            switch segment {
            case ".": continue
            case "..": if !segments.isEmpty { segments.removeLast() }
            default: segments.append(segment)
            }
        }
        return segments.joined(separator: "/")
    }
}

/// Local names compared as bytes, so tags are matched without building strings.
enum Names {
    static let relationship = Array("Relationship".utf8)
    static let id = Array("id".utf8)
    static let relationshipId = Array("Id".utf8)
    static let type = Array("Type".utf8)
    static let target = Array("Target".utf8)
    static let targetMode = Array("TargetMode".utf8)
    static let sheet = Array("sheet".utf8)
    static let name = Array("name".utf8)
    static let state = Array("state".utf8)
    static let workbookPr = Array("workbookPr".utf8)
    static let workbookElement = Array("workbook".utf8)
    static let xmlns = Array("xmlns".utf8)
    /// Future-feature extensions: their elements may share a local name with the part's own
    /// (`x15:workbookPr`, `x14:dxfs`), so a reader skips them whole.
    static let extLst = Array("extLst".utf8)
    static let dxfs = Array("dxfs".utf8)
    static let date1904 = Array("date1904".utf8)
    static let definedName = Array("definedName".utf8)
    static let localSheetId = Array("localSheetId".utf8)
    static let si = Array("si".utf8)
    static let t = Array("t".utf8)
    static let rPh = Array("rPh".utf8)
    static let numFmt = Array("numFmt".utf8)
    static let numFmtId = Array("numFmtId".utf8)
    static let formatCode = Array("formatCode".utf8)
    static let cellXfs = Array("cellXfs".utf8)
    static let xf = Array("xf".utf8)
    static let row = Array("row".utf8)
    static let r = Array("r".utf8)
    static let c = Array("c".utf8)
    static let s = Array("s".utf8)
    static let v = Array("v".utf8)
    static let f = Array("f".utf8)
    static let is_ = Array("is".utf8)
    static let sheetData = Array("sheetData".utf8)
    static let mergeCell = Array("mergeCell".utf8)
    static let ref = Array("ref".utf8)
    static let property = Array("property".utf8)
}
