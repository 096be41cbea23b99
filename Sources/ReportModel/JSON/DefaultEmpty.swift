/// A list that may be left out of the JSON: it decodes as empty when absent and is not
/// written when empty, so hand-written reports and git diffs stay free of `"notes": []` noise.
@propertyWrapper
public struct DefaultEmpty<Element: Codable & Equatable & Sendable>: Codable, Equatable, Sendable {
    public var wrappedValue: [Element]

    public init(wrappedValue: [Element]) { self.wrappedValue = wrappedValue }

    public init(from decoder: Decoder) throws {
        wrappedValue = try decoder.singleValueContainer().decode([Element].self)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(wrappedValue)
    }
}

extension KeyedDecodingContainer {
    // Synthesised `init(from:)` calls this overload for wrapped properties, which lets a
    // missing key (or an explicit null) mean "empty" instead of an error.
    public func decode<E>(_ type: DefaultEmpty<E>.Type, forKey key: Key) throws -> DefaultEmpty<E> {
        DefaultEmpty(wrappedValue: try decodeIfPresent([E].self, forKey: key) ?? [])
    }
}

extension KeyedEncodingContainer {
    public mutating func encode<E>(_ value: DefaultEmpty<E>, forKey key: Key) throws {
        if !value.wrappedValue.isEmpty { try encode(value.wrappedValue, forKey: key) }
    }
}
