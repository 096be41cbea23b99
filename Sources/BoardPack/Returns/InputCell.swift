import ReportModel
import XLSXReader

/// What an officer typed into one input cell of a return, or why it cannot be taken as typed.
///
/// Input cells are formatted as text, so whatever is typed stays text. A formula or an error
/// value in one means the cell lost its format (a paste, or another program) and the text was
/// read as a formula: its result (`#NAME?`) is not what was meant, so it is refused with a
/// sentence on how to type it, and a formula with no stored result is never read as empty.
enum InputCell {
    enum Reading: Equatable {
        case empty
        case text(String)
        /// Why the cell cannot be taken, as the end of a sentence about it.
        case refused(String)
    }

    static func read(_ cell: Cell?) -> Reading {
        guard let cell else { return .empty }
        if let formula = cell.formula {
            let shown: String
            switch cell.value {
            case .empty: shown = "no value"
            case .error(let error): shown = error
            default: shown = CellReading.text(cell.value) ?? ""
            }
            let what = formula.isEmpty ? "a formula filled down or copied from another cell" : "the formula =\(formula)"
            return .refused("holds \(what) (showing \(shown)), not text; retype it: the cell keeps what you type as text, = or - at the start included")
        }
        if case .error(let error) = cell.value {
            return .refused("shows the error \(error), not text; retype what you meant")
        }
        guard let text = CellReading.trimmed(cell.value) else { return .empty }
        if let why = TextRules.tooLong(text) { return .refused(why) }
        return .text(text)
    }
}
