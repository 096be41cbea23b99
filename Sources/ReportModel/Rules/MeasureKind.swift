/// What kind of figure a headline measure takes, and whether a figure is of that kind: one rule
/// for the validator and for figures read from returns.
public enum MeasureKind {
    /// The kind a measure takes: as it says, else as its figures show, else as its name says
    /// ("% of Kent Young Offenders registered with a GP" is a percentage however many "tbc"
    /// it has had). Nil when nothing tells.
    public static func of(_ measure: Measure) -> Value.Kind? {
        if let kind = measure.kind { return kind.valueKind }
        let kinds = Set(measure.values.compactMap { $0?.kind }.filter { $0 != .text })
        if kinds.count == 1 { return kinds.first }
        if kinds.contains(.percent) { return .percent }
        if !kinds.isEmpty { return .decimal }
        let name = Forgiving.key(measure.name)
        if name.contains("%") || name.contains("percentage") || name.contains("proportion") { return .percent }
        return nil
    }

    /// Why `value` cannot be a figure of `measure` for its size, or nil when it can: a count is
    /// never negative, and a percentage of people lies between 0% and 100% (a measure of change
    /// says so in its kind, `change`).
    public static func outOfRange(_ value: Value, of measure: Measure) -> String? {
        guard let number = value.number, measure.kind != .change else { return nil }
        switch (of(measure), value.kind) {
        case (.percent, .percent) where number < 0 || number > 1:
            return "\(value.text) is not a share between 0% and 100%; type the percentage of people it is (a measure of change says \"kind\": \"change\" in the report)"
        case (.count, _) where number < 0:
            return "\(value.text) is negative, but this measure counts; type the number, such as 1,493"
        default: return nil
        }
    }

    /// Why `value` is not a figure of `kind`, or nil when it is. Words alone ("tbc", "n/a")
    /// fit any kind: they say there is no figure yet.
    public static func misfit(_ value: Value, _ kind: Value.Kind) -> String? {
        guard value.kind != .text, value.kind != kind else { return nil }
        switch kind {
        case .percent: return "\(value.text) is not a percentage; type it as a percentage, such as 81% or 81.5%"
        case .count:
            return value.kind == .percent
                ? "\(value.text) is a percentage, but this measure counts; type a whole number, such as 1,493"
                : "\(value.text) is not a whole number, but this measure counts; type a whole number, such as 1,493"
        case .decimal:
            return value.kind == .percent ? "\(value.text) is a percentage, but this measure is a number; type it without %" : nil
        case .text: return nil
        }
    }
}
