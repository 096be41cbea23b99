import Foundation

/// Encodes a value straight into its `JSONShape`: the keys and lists `JSONEncoder` would write,
/// without writing the text or reading it back. The unknown-field check needs only that, and
/// merge pays for the check on the cores that check the returns: encoding a 5,000-goal report
/// to JSON and reading its shape took about three times as long.
///
/// It makes the calls `JSONEncoder` makes: optional fields left out are absent, `nil` written
/// is null, and the values `JSONEncoder` writes as one string or number (dates, data, URLs,
/// decimals) are single values. A test compares it with `JSONShape` of `JSONEncoder`'s output
/// for every example report.
enum ShapeEncoder {
    static func shape<T: Encodable>(of value: T) throws -> JSONShape {
        let root = Node()
        try root.encode(value)
        return root.shape
    }

    /// A value being encoded: a leaf, an object's members or a list's items.
    fileprivate final class Node {
        var leaf: JSONShape?
        var members: [String: Node]?
        var items: [Node]?

        init(leaf: JSONShape? = nil) { self.leaf = leaf }

        var shape: JSONShape {
            if let leaf { return leaf }
            if let members { return .object(members.mapValues(\.shape)) }
            if let items { return .array(items.map(\.shape)) }
            return .object([:])  // a value that wrote nothing: JSONEncoder writes {}
        }

        func encode<T: Encodable>(_ value: T) throws {
            switch value {
            case is Date, is Data, is URL, is Decimal: leaf = .value
            default: try value.encode(to: NodeEncoder(node: self))
            }
        }

        func member(_ key: String) -> Node {
            let child = Node()
            if members == nil { members = [:] }
            members![key] = child
            return child
        }

        func item() -> Node {
            let child = Node()
            if items == nil { items = [] }
            items!.append(child)
            return child
        }
    }

    private struct NodeEncoder: Encoder {
        let node: Node
        var codingPath: [CodingKey] = []
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            if node.members == nil { node.members = [:] }
            return KeyedEncodingContainer(Keyed<Key>(node: node))
        }

        func unkeyedContainer() -> UnkeyedEncodingContainer {
            if node.items == nil { node.items = [] }
            return Unkeyed(node: node)
        }

        func singleValueContainer() -> SingleValueEncodingContainer { Single(node: node) }
    }

    private struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let node: Node
        var codingPath: [CodingKey] { [] }

        mutating func encodeNil(forKey key: Key) throws { node.member(key.stringValue).leaf = .null }
        mutating func encode(_ value: Bool, forKey key: Key) throws { node.member(key.stringValue).leaf = .value }
        mutating func encode(_ value: String, forKey key: Key) throws { node.member(key.stringValue).leaf = .value }
        mutating func encode(_ value: Double, forKey key: Key) throws { node.member(key.stringValue).leaf = .value }
        mutating func encode(_ value: Float, forKey key: Key) throws { node.member(key.stringValue).leaf = .value }
        mutating func encode(_ value: Int, forKey key: Key) throws { node.member(key.stringValue).leaf = .value }
        mutating func encode(_ value: Int8, forKey key: Key) throws { node.member(key.stringValue).leaf = .value }
        mutating func encode(_ value: Int16, forKey key: Key) throws { node.member(key.stringValue).leaf = .value }
        mutating func encode(_ value: Int32, forKey key: Key) throws { node.member(key.stringValue).leaf = .value }
        mutating func encode(_ value: Int64, forKey key: Key) throws { node.member(key.stringValue).leaf = .value }
        mutating func encode(_ value: UInt, forKey key: Key) throws { node.member(key.stringValue).leaf = .value }
        mutating func encode(_ value: UInt8, forKey key: Key) throws { node.member(key.stringValue).leaf = .value }
        mutating func encode(_ value: UInt16, forKey key: Key) throws { node.member(key.stringValue).leaf = .value }
        mutating func encode(_ value: UInt32, forKey key: Key) throws { node.member(key.stringValue).leaf = .value }
        mutating func encode(_ value: UInt64, forKey key: Key) throws { node.member(key.stringValue).leaf = .value }
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
        let node: Node
        var codingPath: [CodingKey] { [] }
        var count: Int { node.items?.count ?? 0 }

        mutating func encodeNil() throws { node.item().leaf = .null }
        mutating func encode(_ value: Bool) throws { node.item().leaf = .value }
        mutating func encode(_ value: String) throws { node.item().leaf = .value }
        mutating func encode(_ value: Double) throws { node.item().leaf = .value }
        mutating func encode(_ value: Float) throws { node.item().leaf = .value }
        mutating func encode(_ value: Int) throws { node.item().leaf = .value }
        mutating func encode(_ value: Int8) throws { node.item().leaf = .value }
        mutating func encode(_ value: Int16) throws { node.item().leaf = .value }
        mutating func encode(_ value: Int32) throws { node.item().leaf = .value }
        mutating func encode(_ value: Int64) throws { node.item().leaf = .value }
        mutating func encode(_ value: UInt) throws { node.item().leaf = .value }
        mutating func encode(_ value: UInt8) throws { node.item().leaf = .value }
        mutating func encode(_ value: UInt16) throws { node.item().leaf = .value }
        mutating func encode(_ value: UInt32) throws { node.item().leaf = .value }
        mutating func encode(_ value: UInt64) throws { node.item().leaf = .value }
        mutating func encode<T: Encodable>(_ value: T) throws { try node.item().encode(value) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            NodeEncoder(node: node.item()).container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer { NodeEncoder(node: node.item()).unkeyedContainer() }
        mutating func superEncoder() -> Encoder { NodeEncoder(node: node.item()) }
    }

    private struct Single: SingleValueEncodingContainer {
        let node: Node
        var codingPath: [CodingKey] { [] }

        mutating func encodeNil() throws { node.leaf = .null }
        mutating func encode(_ value: Bool) throws { node.leaf = .value }
        mutating func encode(_ value: String) throws { node.leaf = .value }
        mutating func encode(_ value: Double) throws { node.leaf = .value }
        mutating func encode(_ value: Float) throws { node.leaf = .value }
        mutating func encode(_ value: Int) throws { node.leaf = .value }
        mutating func encode(_ value: Int8) throws { node.leaf = .value }
        mutating func encode(_ value: Int16) throws { node.leaf = .value }
        mutating func encode(_ value: Int32) throws { node.leaf = .value }
        mutating func encode(_ value: Int64) throws { node.leaf = .value }
        mutating func encode(_ value: UInt) throws { node.leaf = .value }
        mutating func encode(_ value: UInt8) throws { node.leaf = .value }
        mutating func encode(_ value: UInt16) throws { node.leaf = .value }
        mutating func encode(_ value: UInt32) throws { node.leaf = .value }
        mutating func encode(_ value: UInt64) throws { node.leaf = .value }
        mutating func encode<T: Encodable>(_ value: T) throws { try node.encode(value) }
    }
}
