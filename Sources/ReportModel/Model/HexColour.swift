/// A colour written "#RRGGBB", as in status schemes and board pack styles.
public struct HexColour: Equatable, Sendable {
    /// 0xRRGGBB.
    public var rgb: UInt32

    public init?(_ text: String) {
        guard text.count == 7, text.first == "#", let rgb = UInt32(text.dropFirst(), radix: 16) else { return nil }
        self.rgb = rgb
    }
}
