import ReportModel

/// How a period is named on the cover and on returns.
enum PeriodWording {
    /// "2012-13 – end of year", "2013-14 Q1", "2013 – quarter 1": the label, and its kind where
    /// the label does not already say it.
    static func line(_ period: Period) -> String {
        let label = period.label
        switch period.kind {
        case .endOfYear:
            return Forgiving.key(label).contains("end of year") ? label : "\(label) – end of year"
        case .quarter:
            guard let quarter = period.quarter, !Forgiving.key(label).contains("q\(quarter)") else { return label }
            return "\(label) – quarter \(quarter)"
        case .other:
            return label
        }
    }
}
