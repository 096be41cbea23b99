import ReportModel

/// Which way a measure moved against the previous period, judged by the way that is better.
enum Trend: Equatable {
    case improving, worsening, unchanged

    init?(_ measure: Measure) {
        guard let better = measure.better, let (previous, latest) = measure.lastTwoNumbers else { return nil }
        if latest == previous {
            self = .unchanged
        } else {
            let rose = latest > previous
            self = (rose == (better == .higher)) ? .improving : .worsening
        }
    }

    /// An arrow for the direction of movement, and words for whether that is good, so the cell
    /// reads without colour: "▲ improving".
    func label(_ measure: Measure, _ labels: Style.Labels) -> String {
        guard let (previous, latest) = measure.lastTwoNumbers else { return "" }
        let arrow = latest > previous ? "▲" : (latest < previous ? "▼" : "►")
        switch self {
        case .improving: return "\(arrow) \(labels.improving)"
        case .worsening: return "\(arrow) \(labels.worsening)"
        case .unchanged: return "\(arrow) \(labels.noChange)"
        }
    }
}

/// Whether a measure's latest figure meets its target.
enum TargetResult: Equatable {
    case met, withinTolerance, notMet, noData

    init(_ measure: Measure) {
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
        }
    }
}
