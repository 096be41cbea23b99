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
    /// written on both, each at the depth it stands at in the report, and set as written
    /// leaves into the tree of the rest, which is written around them. The two take themes in
    /// turn from one counter, so neither waits for the other however the report's weight lies
    /// (this core makes the tree of the rest first: in a merged report, a fifth of the whole).
    static func encode(_ report: Report) throws -> Data {
        let themes = report.themes
        guard themes.count >= 2 else { return try encode(report, tree: try EncodedTree.of(report)) }
        let next = Counter()
        let other = InParallel { try written(themes, taking: next) }
        var rest = report
        rest.themes = [Theme(id: "", name: "")]  // an empty list is left out of the JSON
        let outline = try EncodedTree.of(rest)
        let mine = try written(themes, taking: next)
        guard let mine, let theirs = try other.value(), let list = outline.members?.last(where: { $0.key == "themes" })?.value
        else { return try ReportCoding.canonicalEncoder().encode(report) }
        let parts = (mine + theirs).sorted { $0.index < $1.index }.map(\.json)
        list.items = parts.map { EncodedTree(leaf: .written($0)) }
        // Room for the themes and, generously, the rest: pages never written are never held.
        let themesSize = parts.reduce(0) { $0 + $1.count }
        guard let bytes = PrettyJSON.bytes(of: outline, reserving: themesSize + themesSize / 2 + (1 << 20)) else {
            return try ReportCoding.canonicalEncoder().encode(report)
        }
        list.items = []  // the themes' parts are let go before the bytes are copied into Data
        return Data(bytes)
    }

    /// The JSON of each theme taken from `next`, as it stands in the report's list of themes
    /// (depth 2), or nil when one holds a value `PrettyJSON` leaves to `JSONEncoder`.
    private static func written(_ themes: [Theme], taking next: Counter) throws -> [(index: Int, json: [UInt8])]? {
        var out: [(index: Int, json: [UInt8])] = []
        while let i = next.take(below: themes.count) {
            guard let json = PrettyJSON.bytes(of: try EncodedTree.of(themes[i]), depth: 2) else { return nil }
            out.append((i, json))
        }
        return out
    }

    /// Hands out 0, 1, 2... to whichever thread asks first.
    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0

        func take(below end: Int) -> Int? {
            lock.lock()
            defer { lock.unlock() }
            guard value < end else { return nil }
            value += 1
            return value - 1
        }
    }
}
