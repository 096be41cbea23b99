import Foundation

/// A value encoded into a tree of its members, items and leaf values: the keys, lists and
/// values `JSONEncoder` would write, without its text. Two things are read off it:
/// - its `shape`, for the unknown-field check (which once encoded the report to JSON and read
///   that back, three times as long);
/// - its pretty JSON (`PrettyJSON`), the bytes `JSONEncoder` writes, in two thirds of its time.
///
/// It makes the calls `JSONEncoder` makes: optional fields left out are absent, `nil` written
/// is null, and the values `JSONEncoder` writes by rules of its own (dates, data, URLs,
/// decimals) are opaque leaves. Tests compare it with `JSONEncoder`'s output for every example.
final class EncodedTree {
    enum Leaf {
        case null, bool(Bool), integer(Int64), double(Double), string(String)
        /// A value whose text `JSONEncoder` makes by rules not copied here: a date, data, a URL,
        /// a decimal, a Float or an integer beyond Int64.
        case opaque
        /// A part of the JSON written already by `PrettyJSON` (on another core) at the depth
        /// it stands at: `CanonicalJSON` sets the themes so. Its shape is not known.
        case written([UInt8])

        static func unsigned<T: BinaryInteger>(_ value: T) -> Leaf { Int64(exactly: value).map { .integer($0) } ?? .opaque }
    }

    var leaf: Leaf?
    /// In the order written: a list costs less to build than a dictionary, and every reader
    /// of the tree wants the members another way anyway (by key, or sorted).
    var members: [(key: String, value: EncodedTree)]?
    var items: [EncodedTree]?

    init(leaf: Leaf? = nil) { self.leaf = leaf }

    static func of<T: Encodable>(_ value: T) throws -> EncodedTree {
        let root = EncodedTree()
        try root.encode(value)
        return root
    }

    var shape: JSONShape {
        if let leaf {
            if case .null = leaf { return .null }
            return .value
        }
        if let members { return .object(Dictionary(members.map { ($0.key, $0.value.shape) }, uniquingKeysWith: { $1 })) }
        if let items { return .array(items.map(\.shape)) }
        return .object([:])  // a value that wrote nothing: JSONEncoder writes {}
    }

    /// The members in `JSONEncoder`'s order, keys sorted; a key written twice is there once,
    /// with the value written last, as `JSONEncoder` keeps it.
    var sortedMembers: [(key: String, value: EncodedTree)] {
        guard let members else { return [] }
        let order = members.indices.sorted { a, b in
            let (first, second) = (members[a].key, members[b].key)
            return first < second || (first == second && a < b)
        }
        var sorted: [(key: String, value: EncodedTree)] = []
        sorted.reserveCapacity(order.count)
        for i in order {
            if let last = sorted.last, last.key == members[i].key { sorted[sorted.count - 1] = members[i] } else { sorted.append(members[i]) }
        }
        return sorted
    }

    fileprivate func encode<T: Encodable>(_ value: T) throws {
        // Types compared, not values cast: a cast for each value took a tenth of the time.
        if T.self == Date.self || T.self == Data.self || T.self == URL.self || T.self == Decimal.self {
            leaf = .opaque
        } else {
            try value.encode(to: NodeEncoder(node: self))
        }
    }

    fileprivate func member(_ key: String) -> EncodedTree {
        let child = EncodedTree()
        if members == nil { members = [] }
        members!.append((key, child))
        return child
    }

    fileprivate func item() -> EncodedTree {
        let child = EncodedTree()
        if items == nil { items = [] }
        items!.append(child)
        return child
    }

    private struct NodeEncoder: Encoder {
        let node: EncodedTree
        var codingPath: [CodingKey] = []
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            if node.members == nil { node.members = [] }
            return KeyedEncodingContainer(Keyed<Key>(node: node))
        }

        func unkeyedContainer() -> UnkeyedEncodingContainer {
            if node.items == nil { node.items = [] }
            return Unkeyed(node: node)
        }

        func singleValueContainer() -> SingleValueEncodingContainer { Single(node: node) }
    }

    private struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let node: EncodedTree
        var codingPath: [CodingKey] { [] }

        mutating func encodeNil(forKey key: Key) throws { node.member(key.stringValue).leaf = .null }
        mutating func encode(_ value: Bool, forKey key: Key) throws { node.member(key.stringValue).leaf = .bool(value) }
        mutating func encode(_ value: String, forKey key: Key) throws { node.member(key.stringValue).leaf = .string(value) }
        mutating func encode(_ value: Double, forKey key: Key) throws { node.member(key.stringValue).leaf = .double(value) }
        mutating func encode(_ value: Float, forKey key: Key) throws { node.member(key.stringValue).leaf = .opaque }
        mutating func encode(_ value: Int, forKey key: Key) throws { node.member(key.stringValue).leaf = .integer(Int64(value)) }
        mutating func encode(_ value: Int8, forKey key: Key) throws { node.member(key.stringValue).leaf = .integer(Int64(value)) }
        mutating func encode(_ value: Int16, forKey key: Key) throws { node.member(key.stringValue).leaf = .integer(Int64(value)) }
        mutating func encode(_ value: Int32, forKey key: Key) throws { node.member(key.stringValue).leaf = .integer(Int64(value)) }
        mutating func encode(_ value: Int64, forKey key: Key) throws { node.member(key.stringValue).leaf = .integer(value) }
        mutating func encode(_ value: UInt, forKey key: Key) throws { node.member(key.stringValue).leaf = .unsigned(value) }
        mutating func encode(_ value: UInt8, forKey key: Key) throws { node.member(key.stringValue).leaf = .integer(Int64(value)) }
        mutating func encode(_ value: UInt16, forKey key: Key) throws { node.member(key.stringValue).leaf = .integer(Int64(value)) }
        mutating func encode(_ value: UInt32, forKey key: Key) throws { node.member(key.stringValue).leaf = .integer(Int64(value)) }
        mutating func encode(_ value: UInt64, forKey key: Key) throws { node.member(key.stringValue).leaf = .unsigned(value) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try node.member(key.stringValue).encode(value) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            NodeEncoder(node: node.member(key.stringValue)).container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
            NodeEncoder(node: node.member(key.stringValue)).unkeyedContainer()
        }

        mutating func superEncoder() -> Encoder { NodeEncoder(node: node.member("super")) }
        mutating func superEncoder(forKey key: Key) -> Encoder { NodeEncoder(node: node.member(key.stringValue)) }
    }

    private struct Unkeyed: UnkeyedEncodingContainer {
        let node: EncodedTree
        var codingPath: [CodingKey] { [] }
        var count: Int { node.items?.count ?? 0 }

        mutating func encodeNil() throws { node.item().leaf = .null }
        mutating func encode(_ value: Bool) throws { node.item().leaf = .bool(value) }
        mutating func encode(_ value: String) throws { node.item().leaf = .string(value) }
        mutating func encode(_ value: Double) throws { node.item().leaf = .double(value) }
        mutating func encode(_ value: Float) throws { node.item().leaf = .opaque }
        mutating func encode(_ value: Int) throws { node.item().leaf = .integer(Int64(value)) }
        mutating func encode(_ value: Int8) throws { node.item().leaf = .integer(Int64(value)) }
        mutating func encode(_ value: Int16) throws { node.item().leaf = .integer(Int64(value)) }
        mutating func encode(_ value: Int32) throws { node.item().leaf = .integer(Int64(value)) }
        mutating func encode(_ value: Int64) throws { node.item().leaf = .integer(value) }
        mutating func encode(_ value: UInt) throws { node.item().leaf = .unsigned(value) }
        mutating func encode(_ value: UInt8) throws { node.item().leaf = .integer(Int64(value)) }
        mutating func encode(_ value: UInt16) throws { node.item().leaf = .integer(Int64(value)) }
        mutating func encode(_ value: UInt32) throws { node.item().leaf = .integer(Int64(value)) }
        mutating func encode(_ value: UInt64) throws { node.item().leaf = .unsigned(value) }
        mutating func encode<T: Encodable>(_ value: T) throws { try node.item().encode(value) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            NodeEncoder(node: node.item()).container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer { NodeEncoder(node: node.item()).unkeyedContainer() }
        mutating func superEncoder() -> Encoder { NodeEncoder(node: node.item()) }
    }

    private struct Single: SingleValueEncodingContainer {
        let node: EncodedTree
        var codingPath: [CodingKey] { [] }

        mutating func encodeNil() throws { node.leaf = .null }
        mutating func encode(_ value: Bool) throws { node.leaf = .bool(value) }
        mutating func encode(_ value: String) throws { node.leaf = .string(value) }
        mutating func encode(_ value: Double) throws { node.leaf = .double(value) }
        mutating func encode(_ value: Float) throws { node.leaf = .opaque }
        mutating func encode(_ value: Int) throws { node.leaf = .integer(Int64(value)) }
        mutating func encode(_ value: Int8) throws { node.leaf = .integer(Int64(value)) }
        mutating func encode(_ value: Int16) throws { node.leaf = .integer(Int64(value)) }
        mutating func encode(_ value: Int32) throws { node.leaf = .integer(Int64(value)) }
        mutating func encode(_ value: Int64) throws { node.leaf = .integer(value) }
        mutating func encode(_ value: UInt) throws { node.leaf = .unsigned(value) }
        mutating func encode(_ value: UInt8) throws { node.leaf = .integer(Int64(value)) }
        mutating func encode(_ value: UInt16) throws { node.leaf = .integer(Int64(value)) }
        mutating func encode(_ value: UInt32) throws { node.leaf = .integer(Int64(value)) }
        mutating func encode(_ value: UInt64) throws { node.leaf = .unsigned(value) }
        mutating func encode<T: Encodable>(_ value: T) throws { try node.encode(value) }
    }
}
