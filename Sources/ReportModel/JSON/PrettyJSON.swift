/// The bytes `JSONEncoder` writes with `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`,
/// written from an `EncodedTree`: two spaces an indent, `"key" : value`, keys in `String` order,
/// an empty object or list as its brackets around a blank line, numbers as Swift describes
/// them with a trailing ".0" left out, and in strings only `"`, `\` and control characters
/// escaped. Foundation's encoder took a sixth of merge's time, building a tree of its own and
/// then the text through several layers of generic code.
///
/// Tests compare the bytes with `JSONEncoder`'s for every example report, every control and
/// ASCII character, awkward keys and many numbers. A tree holding a value this writer does not
/// copy `JSONEncoder`'s rules for (`EncodedTree.Leaf.opaque`, or a number that is not finite,
/// which `JSONEncoder` refuses) gives nil, and the caller asks `JSONEncoder`.
struct PrettyJSON {
    private(set) var bytes: [UInt8] = []

    /// - Parameters:
    ///   - depth: the depth at which the tree stands in the whole, for its indents.
    ///   - capacity: bytes to reserve, when the caller can tell: a buffer grown by doubling
    ///     holds both its old and new storage at the last step.
    static func bytes(of tree: EncodedTree, depth: Int = 0, reserving capacity: Int = 0) -> [UInt8]? {
        var writer = PrettyJSON()
        writer.bytes.reserveCapacity(capacity)
        guard writer.write(tree, depth: depth) else { return nil }
        return writer.bytes
    }

    private mutating func write(_ tree: EncodedTree, depth: Int) -> Bool {
        if let leaf = tree.leaf { return write(leaf) }
        if let items = tree.items {
            bytes.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                bytes.append(contentsOf: i == 0 ? [0x0A] : [0x2C, 0x0A])  // "\n", ",\n"
                indent(depth + 1)
                guard write(item, depth: depth + 1) else { return false }
            }
            close(UInt8(ascii: "]"), empty: items.isEmpty, depth: depth)
            return true
        }
        let members = tree.sortedMembers
        bytes.append(UInt8(ascii: "{"))
        for (i, (key, value)) in members.enumerated() {
            bytes.append(contentsOf: i == 0 ? [0x0A] : [0x2C, 0x0A])
            indent(depth + 1)
            string(key)
            bytes.append(contentsOf: [0x20, 0x3A, 0x20])  // " : "
            guard write(value, depth: depth + 1) else { return false }
        }
        close(UInt8(ascii: "}"), empty: members.isEmpty, depth: depth)
        return true
    }

    private mutating func close(_ bracket: UInt8, empty: Bool, depth: Int) {
        bytes.append(contentsOf: empty ? [0x0A, 0x0A] : [0x0A])
        indent(depth)
        bytes.append(bracket)
    }

    private mutating func indent(_ depth: Int) {
        if depth < 16 {
            bytes.append(contentsOf: Self.spaces[..<(2 * depth)])
        } else {
            bytes.append(contentsOf: repeatElement(0x20, count: 2 * depth))
        }
    }

    private static let spaces = [UInt8](repeating: 0x20, count: 32)

    private mutating func write(_ leaf: EncodedTree.Leaf) -> Bool {
        switch leaf {
        case .null: bytes.append(contentsOf: "null".utf8)
        case .bool(let value): bytes.append(contentsOf: (value ? "true" : "false").utf8)
        case .integer(let value): bytes.append(contentsOf: value.description.utf8)
        case .double(let value):
            guard value.isFinite else { return false }
            var text = value.description
            if text.hasSuffix(".0") { text.removeLast(2) }
            bytes.append(contentsOf: text.utf8)
        case .string(let value): string(value)
        case .written(let json): bytes.append(contentsOf: json)
        case .opaque: return false
        }
        return true
    }

    /// Runs of bytes that need no escape are copied whole: nearly all of a report's text.
    private mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { text in
            var start = 0
            for (i, byte) in text.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[start..<i]))
                escape(byte)
                start = i + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[start...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func escape(_ byte: UInt8) {
        switch byte {
        case 0x22: bytes.append(contentsOf: [0x5C, 0x22])  // \"
        case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])  // \\
        case 0x08: bytes.append(contentsOf: [0x5C, UInt8(ascii: "b")])
        case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
        case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
        case 0x0C: bytes.append(contentsOf: [0x5C, UInt8(ascii: "f")])
        case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
        default:
            let hex = Array("0123456789abcdef".utf8)
            bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
        }
    }
}
