import CXlsxWriter

/// A failure reported by libxlsxwriter, with the cell or part it concerns.
public struct XLSXWriterError: Error, CustomStringConvertible, Sendable {
    /// What was being done: "writing Accommodation!D7", "saving /tmp/board.xlsx".
    public var operation: String
    /// libxlsxwriter's own explanation (`lxw_strerror`).
    public var reason: String
    public var code: Int

    init(_ operation: String, _ error: lxw_error) {
        self.operation = operation
        self.code = Int(error.rawValue)
        self.reason = String(cString: lxw_strerror(error))
    }

    public var description: String { "\(operation): \(reason)" }
}

/// Turns a libxlsxwriter return code into a thrown error.
@inline(__always)
func check(_ error: lxw_error, _ operation: @autoclosure () -> String) throws {
    if error != LXW_NO_ERROR { throw XLSXWriterError(operation(), error) }
}
