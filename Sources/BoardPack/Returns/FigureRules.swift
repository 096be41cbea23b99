import ReportModel

/// The rules a headline figure must meet, whichever way it arrives (a return's cell, a web
/// form's field): one home for each, so every way of answering is judged alike.
///
/// Text goes through the same reading as the report's own values ("81%", "1,493",
/// "Approx. 97%", "tbc"). Words alone say there is no figure yet; words with digits that are not
/// a number, and dates, are not figures. A figure must be of the measure's kind (its `kind`,
/// else what its figures or its name say) and of a size it can have (a count is never negative,
/// a share of people lies within 0% and 100%).
public enum FigureRules {
    public enum Outcome: Equatable, Sendable {
        /// The figure, or nil when nothing was given.
        case figure(Value?)
        /// Why it is not a figure of the measure, as the end of a sentence about it.
        case refused(String)
    }

    public static let howToType = "type the figure as you would write it (81%, 1,493, tbc)"

    /// A figure typed as text, for `measure`.
    public static func read(_ text: String, for measure: Measure) -> Outcome {
        read(text, kind: MeasureKind.of(measure), strict: measure.kind != nil, measure: measure)
    }

    /// A figure typed as text, of `kind` when one is known. With `strict` false, a whole number
    /// and a decimal pass for each other (a measure's kind may only be inferred).
    static func read(_ text: String, kind: Value.Kind?, strict: Bool, measure: Measure? = nil) -> Outcome {
        let trimmed = Whitespace.trimmed(text)
        guard !trimmed.isEmpty else { return .figure(nil) }
        let value = Value(parsing: trimmed)
        if value.kind == .text && trimmed.contains(where: \.isNumber) {
            if Day(reading: trimmed) != nil { return .refused("\(trimmed) is a date, not a figure; \(howToType)") }
            return .refused("\"\(trimmed)\" is not a figure; type the figure as you would write it (81%, 1,493), or a word such as tbc or n/a")
        }
        return judge(value, kind: kind, strict: strict, measure: measure)
    }

    /// Whether a figure read (from text, or a number in a cell) fits: its kind, then its size.
    static func judge(_ value: Value, kind: Value.Kind?, strict: Bool, measure: Measure?) -> Outcome {
        if let kind, let misfit = MeasureKind.misfit(value, kind) {
            let lenient = !strict && [Value.Kind.count, .decimal].contains(kind) && [Value.Kind.count, .decimal].contains(value.kind)
            if !lenient { return .refused(misfit) }
        }
        if let measure, let why = MeasureKind.outOfRange(value, of: measure) { return .refused(why) }
        return .figure(value)
    }
}
