/// Why a workbook could not be read, with where: the file, and the part or the sheet and cell.
///
/// Printed as `FILE: Sheet!CELL: message`, `FILE: part: message` or `FILE: message`.
public struct XLSXError: Error, Equatable, Sendable, CustomStringConvertible {
    public var place: Place
    public var message: String

    public init(place: Place, message: String) {
        self.place = place
        self.message = message
    }

    public init(file: String, part: String? = nil, sheet: String? = nil, cell: String? = nil, message: String) {
        self.init(place: Place(file: file, part: part, sheet: sheet, cell: cell), message: message)
    }

    public var file: String { place.file }

    public var description: String { "\(place): \(message)" }
}
