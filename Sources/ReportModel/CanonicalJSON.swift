import Foundation

/// A value's canonical JSON: the bytes `ReportCoding.canonicalEncoder()` gives (pretty-printed,
/// keys sorted, slashes as they are), written by `PrettyJSON` from the value's `EncodedTree`,
/// or by `JSONEncoder` itself when the tree holds a value `PrettyJSON` leaves to it.
enum CanonicalJSON {
    static func encode<T: Encodable>(_ value: T) throws -> Data {
        try encode(value, tree: try EncodedTree.of(value))
    }

    /// - Parameter tree: `EncodedTree.of(value)`, when the caller has it already.
    static func encode<T: Encodable>(_ value: T, tree: EncodedTree) throws -> Data {
        if let bytes = PrettyJSON.bytes(of: tree) { return Data(bytes) }
        return try ReportCoding.canonicalEncoder().encode(value)
    }

    /// A report's, made on both cores: the themes, which hold nearly all of a report, are
    /// written in two halves at once, at the depth they stand at in the report, and set as
    /// written leaves into the tree of the rest, which is written around them.
    static func encode(_ report: Report) throws -> Data {
        let themes = report.themes
        guard themes.count >= 2 else { return try encode(report, tree: try EncodedTree.of(report)) }
        let half = themes.count / 2
        let second = InParallel { try written(themes[half...]) }
        var rest = report
        rest.themes = [Theme(id: "", name: "")]  // an empty list is left out of the JSON
        let outline = try EncodedTree.of(rest)
        let first = try written(themes[..<half])
        guard let first, let second = try second.value(), let list = outline.members?.last(where: { $0.key == "themes" })?.value
        else { return try ReportCoding.canonicalEncoder().encode(report) }
        list.items = (first + second).map { EncodedTree(leaf: .written($0)) }
        return try encode(report, tree: outline)
    }

    /// Each theme's JSON as it stands in the report's list of themes (depth 2), or nil when one
    /// holds a value `PrettyJSON` leaves to `JSONEncoder`.
    private static func written(_ themes: ArraySlice<Theme>) throws -> [[UInt8]]? {
        var out: [[UInt8]] = []
        for theme in themes {
            guard let json = PrettyJSON.bytes(of: try EncodedTree.of(theme), depth: 2) else { return nil }
            out.append(json)
        }
        return out
    }
}
