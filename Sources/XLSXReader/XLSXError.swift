/// Why a workbook could not be read, with where: the file, and the part or the sheet and cell.
///
/// Printed as `FILE: Sheet!CELL: message`, `FILE: part: message` or `FILE: message`.
public struct XLSXError: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    public var part: String?
    public var sheet: String?
    public var cell: String?
    public var message: String

    public init(file: String, part: String? = nil, sheet: String? = nil, cell: String? = nil, message: String) {
        self.file = file
        self.part = part
        self.sheet = sheet
        self.cell = cell
        self.message = message
    }

    public var description: String {
        var place = ""
        if let sheet {
            place = cell.map { "\(sheet)!\($0)" } ?? sheet
        } else if let part {
            place = part
        }
        return place.isEmpty ? "\(file): \(message)" : "\(file): \(place): \(message)"
    }
}
