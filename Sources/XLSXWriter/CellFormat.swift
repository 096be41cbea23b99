/// How a cell looks: a value type the workbook turns into one shared libxlsxwriter format per
/// distinct combination, so callers can describe formats freely without leaking them.
public struct CellFormat: Hashable, Sendable {
    public enum HorizontalAlignment: Hashable, Sendable { case general, left, center, right }
    public enum VerticalAlignment: Hashable, Sendable { case bottom, center, top }

    public var fontName: String?
    public var fontSize: Double?
    /// 0xRRGGBB.
    public var fontColor: UInt32?
    public var bold = false
    public var italic = false
    public var underline = false
    /// Solid background, 0xRRGGBB.
    public var fill: UInt32?
    public var numberFormat: String?
    public var wrap = false
    public var horizontal: HorizontalAlignment = .general
    public var vertical: VerticalAlignment = .bottom
    public var indent = 0
    /// Thin border on all four sides, 0xRRGGBB.
    public var border: UInt32?
    /// Cells are locked by default (which matters only on a protected sheet).
    public var unlocked = false

    public init() {}

    /// A copy with some properties changed: `base.with { $0.bold = true }`.
    public func with(_ change: (inout CellFormat) -> Void) -> CellFormat {
        var copy = self
        change(&copy)
        return copy
    }
}
