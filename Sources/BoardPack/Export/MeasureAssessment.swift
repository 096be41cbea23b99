import ReportModel

/// Which way a measure moved against the previous figure, judged by the way that is better, and
/// why no judgement is given when none is: the report says the figures are not to be judged, or
/// the two periods are of different lengths (a quarter's count against a year's).
enum Trend: Equatable {
    case improving, worsening, unchanged
    /// The report says why its figures are not to be judged (`Measure.notJudged`).
    case notJudged
    /// The latest two figures are of periods of different lengths.
    case notComparable

    /// nil when there is nothing to say: no better way, or fewer than two figures.
    /// - Parameter periods: the theme's period labels, one per value.
    init?(_ measure: Measure, periods: [String]) {
        guard measure.better != nil || measure.notJudged != nil else { return nil }
        let known = measure.numbers
        guard known.count >= 2, let better = measure.better else {
            if measure.notJudged != nil && !known.isEmpty { self = .notJudged; return }
            return nil
        }
        let (previous, latest) = (known[known.count - 2], known[known.count - 1])
        if measure.notJudged != nil {
            self = .notJudged
        } else if periods.indices.contains(latest.period), periods.indices.contains(previous.period),
            !PeriodLength.comparable(periods[previous.period], periods[latest.period])
        {
            self = .notComparable
        } else if latest.number == previous.number {
            self = .unchanged
        } else {
            self = ((latest.number > previous.number) == (better == .higher)) ? .improving : .worsening
        }
    }

    /// An arrow for the direction of movement, and words for whether that is good, so the cell
    /// reads without colour: "▲ improving"; or why it is not judged.
    func label(_ measure: Measure, _ labels: Style.Labels) -> String {
        switch self {
        case .notJudged: return labels.notJudged
        case .notComparable: return labels.notComparable
        default: break
        }
        guard let (previous, latest) = measure.lastTwoNumbers else { return "" }
        let arrow = latest > previous ? "▲" : (latest < previous ? "▼" : "►")
        switch self {
        case .improving: return "\(arrow) \(labels.improving)"
        case .worsening: return "\(arrow) \(labels.worsening)"
        default: return "\(arrow) \(labels.noChange)"
        }
    }
}

/// Whether a measure's latest figure meets its target.
enum TargetResult: Equatable {
    case met, withinTolerance, notMet, noData
    /// The report says why the figure is not to be judged (`Measure.notJudged`).
    case notJudged

    init(_ measure: Measure) {
        if measure.notJudged != nil && measure.target != nil {
            self = .notJudged
            return
        }
        guard let target = measure.target, let goal = target.value.number, let better = measure.better,
            let latest = measure.numbers.last?.number
        else {
            self = .noData
            return
        }
        let shortfall = better == .higher ? goal - latest : latest - goal
        if shortfall <= 0 {
            self = .met
        } else if let tolerance = target.tolerance?.number, shortfall <= tolerance {
            self = .withinTolerance
        } else {
            self = .notMet
        }
    }

    func label(_ labels: Style.Labels) -> String {
        switch self {
        case .met: labels.met
        case .withinTolerance: labels.withinTolerance
        case .notMet: labels.notMet
        case .noData: labels.noData
        case .notJudged: labels.notJudged
        }
    }

    /// "17%: Not met", or "17%: Not judged – cohort too small".
    static func cell(_ measure: Measure, _ labels: Style.Labels) -> String {
        guard let target = measure.target else { return "" }
        let result = TargetResult(measure)
        let why = result == .notJudged ? measure.notJudged.map { " – \($0)" } ?? "" : ""
        return "\(target.value.text): \(result.label(labels))\(why)"
    }
}
