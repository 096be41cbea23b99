import ReportModel

/// How many of a theme's goals stand where: one count for the at-a-glance page and the summary.
struct StatusCounts {
    /// By status name, in the scheme's order.
    var byStatus: [String: Int] = [:]
    var noReturn = 0
    var conflict = 0
    var notAccepted = 0
    var notRated = 0
    var total = 0

    /// The goals the plan counts (a goal with sub-goals as its sub-goals).
    init(_ theme: Theme, in report: Report) {
        for goal in theme.countedGoals {
            total += 1
            switch report.standing(of: goal) {
            case .rated(let status): byStatus[status.name, default: 0] += 1
            case .noReturn: noReturn += 1
            case .conflict: conflict += 1
            case .notAccepted: notAccepted += 1
            case .notRated, .throughSubGoals: notRated += 1
            }
        }
    }

    init() {}

    static func + (a: StatusCounts, b: StatusCounts) -> StatusCounts {
        var sum = a
        sum.byStatus.merge(b.byStatus, uniquingKeysWith: +)
        sum.noReturn += b.noReturn
        sum.conflict += b.conflict
        sum.notAccepted += b.notAccepted
        sum.notRated += b.notRated
        sum.total += b.total
        return sum
    }

    /// The columns a table of counts needs: each status, then the no-status words that occur.
    static func columns(_ all: StatusCounts, report: Report, labels: Style.Labels) -> [(header: String, count: (StatusCounts) -> Int)] {
        var columns: [(String, (StatusCounts) -> Int)] = report.scheme.statuses.map { status in (status.name, { $0.byStatus[status.name] ?? 0 }) }
        if all.noReturn > 0 { columns.append((labels.noReturn, { $0.noReturn })) }
        if all.conflict > 0 { columns.append((labels.conflict, { $0.conflict })) }
        if all.notAccepted > 0 { columns.append((labels.notAccepted, { $0.notAccepted })) }
        if all.notRated > 0 { columns.append((labels.notRated, { $0.notRated })) }
        columns.append((labels.total, { $0.total }))
        return columns
    }
}
