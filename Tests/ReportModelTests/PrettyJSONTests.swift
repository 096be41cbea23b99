import Foundation
@testable import ReportModel
import Testing

/// `PrettyJSON` must write the bytes `JSONEncoder` writes with the canonical settings, or every
/// report boardpack saves would change under git. These compare the two on the values a report
/// holds and on the awkward ones it might (`CanonicalJSONTests` compares whole reports).
@Suite struct PrettyJSONTests {
    /// The writer's bytes, and `JSONEncoder`'s, of one value.
    static func both<T: Encodable>(_ value: T) throws -> (ours: String?, foundation: String) {
        let ours = PrettyJSON.bytes(of: try EncodedTree.of(value)).map { String(decoding: $0, as: UTF8.self) }
        let foundation = String(decoding: try ReportCoding.canonicalEncoder().encode(value), as: UTF8.self)
        return (ours, foundation)
    }

    @Test func everyASCIIAndControlCharacterIsEscapedAsJSONEncoderDoes() throws {
        var all = ""
        for code in 0..<0x80 { all.unicodeScalars.append(Unicode.Scalar(code)!) }
        let texts = [all, "", "\u{2028}\u{2029}\u{FEFF}\u{7F}é – 👍🏽 e\u{301}", "\"quoted\" \\ back / slash", "\u{0}", "tail\n"]
        for text in texts {
            let (ours, foundation) = try Self.both([text])
            #expect(ours == foundation, "\(text.debugDescription)")
        }
        // Escaped control characters (\u001f) and named ones (\n) are in the reference text.
        #expect(try Self.both([all]).foundation.contains(#"\u001f"#))
    }

    @Test func numbersAreWrittenAsJSONEncoderWritesThem() throws {
        var doubles: [Double] = [
            0, -0.0, 1, -1, 1.5, 100, 0.1, 1.0 / 3, 2.5e-5, 1e-7, .leastNonzeroMagnitude, 1e15, 1e16, 123456789012345680,
            -2.5e300, .greatestFiniteMagnitude, .leastNormalMagnitude, 81, 81.25, 0.000_1, 9_007_199_254_740_992, 1e21, 1e-5,
        ]
        var random = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            doubles.append(Double(bitPattern: random.next()))  // any double; NaNs and infinities are left out below
            doubles.append(Double(Int.random(in: -1_000_000...1_000_000, using: &random)) / 100)
        }
        doubles = doubles.filter(\.isFinite)
        let (ours, foundation) = try Self.both(doubles)
        #expect(ours == foundation)
        let integers: [Int64] = [0, 1, -1, .max, .min, 42]
        let (oursInt, foundationInt) = try Self.both(integers)
        #expect(oursInt == foundationInt)
        #expect(try Self.both([UInt8.max]).ours == Self.both([UInt8.max]).foundation)
    }

    @Test func keysAreSortedAsJSONEncoderSortsThem() throws {
        let keys = ["b10", "b9", "B", "a", "_x", "A1", "a1", "Z", "é", "e", "", " ", "a b", "a\"b", "Ä", "ß", "日本", "👍", "0", "10", "9", "id", "ID", "iD"]
        let dictionary = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) })
        let (ours, foundation) = try Self.both(dictionary)
        #expect(ours == foundation)
        let shuffled = Dictionary(uniqueKeysWithValues: keys.shuffled().map { ($0, [$0]) })
        let again = try Self.both(shuffled)
        #expect(again.ours == again.foundation)
    }

    @Test func nestingEmptinessNullsAndKeysWrittenTwiceAreAsJSONEncoderWritesThem() throws {
        struct Odd: Encodable {
            enum CodingKeys: String, CodingKey { case list, empty, emptyObject, nested, null, absent, flag, twice, inner, single }
            func encode(to encoder: Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode([[1], [], [2, 3]], forKey: .list)
                try container.encode([String](), forKey: .empty)
                try container.encode([String: Int](), forKey: .emptyObject)
                try container.encode([["a": [[String: Bool]()]]], forKey: .nested)
                try container.encodeNil(forKey: .null)
                try container.encodeIfPresent(String?.none, forKey: .absent)
                try container.encode(false, forKey: .flag)
                try container.encode("first", forKey: .twice)
                try container.encode("second", forKey: .twice)
                var inner = container.nestedUnkeyedContainer(forKey: .inner)
                try inner.encodeNil()
                try inner.encode(true)
                try container.encode(Single(), forKey: .single)
            }
        }
        struct Single: Encodable {
            func encode(to encoder: Encoder) throws {
                var container = encoder.singleValueContainer()
                try container.encode("one value")
            }
        }
        let (ours, foundation) = try Self.both(Odd())
        #expect(ours == foundation)
        #expect(foundation.contains("\"twice\" : \"second\""))
    }

    /// Dates, data, URLs and decimals: `JSONEncoder` has rules of its own for them, and the
    /// canonical JSON of a value holding one is its own.
    @Test func valuesWithRulesOfTheirOwnAreLeftToJSONEncoder() throws {
        struct Odd: Encodable {
            var when = Date(timeIntervalSince1970: 1_700_000_000)
            var bytes = Data([1, 2, 255])
            var link = URL(string: "https://example.org/a/b")!
            var amount = Decimal(string: "1.50")!
            var big = UInt64.max
            var name = "x"
        }
        #expect(PrettyJSON.bytes(of: try EncodedTree.of(Odd())) == nil)
        #expect(try CanonicalJSON.encode(Odd()) == ReportCoding.canonicalEncoder().encode(Odd()))
    }

    @Test func aNumberThatIsNotFiniteIsRefusedAsJSONEncoderRefusesIt() throws {
        #expect(PrettyJSON.bytes(of: try EncodedTree.of([1.0, .nan])) == nil)
        #expect(throws: EncodingError.self) { try CanonicalJSON.encode([Double.infinity]) }
    }

    @Test func aTreeWrittenAtADepthIsIndentedAsInsideItsParent() throws {
        let inner = ["b": [1, 2], "a": []]
        let whole = String(decoding: try ReportCoding.canonicalEncoder().encode(["x": [inner]]), as: UTF8.self)
        let part = String(decoding: PrettyJSON.bytes(of: try EncodedTree.of(inner), depth: 2)!, as: UTF8.self)
        #expect(whole.contains("\n    " + part + "\n"))
    }
}
