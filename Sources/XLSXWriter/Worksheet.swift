import CXlsxWriter
import Foundation

/// One sheet of a `Workbook`. Rows and columns are zero-based, as in libxlsxwriter.
public final class Worksheet {
    let handle: UnsafeMutablePointer<lxw_worksheet>
    unowned let workbook: Workbook
    public let name: String


    init(_ handle: UnsafeMutablePointer<lxw_worksheet>, name: String, workbook: Workbook) {
        self.handle = handle
        self.name = name
        self.workbook = workbook
    }

    private func at(_ row: Int, _ col: Int) -> String { "writing \(name)!\(CellReference.cell(row: row, col: col))" }

    // MARK: - Cells

    /// Writes text as text: a leading "=" or "+" never makes it a formula.
    public func write(_ text: String, row: Int, col: Int, format: CellFormat? = nil) throws {
        if let trace = workbook.trace { trace.line("T", String(row), String(col), trace.id(format), WriteTrace.escape(text)) }
        try check(
            worksheet_write_string(handle, lxw_row_t(row), lxw_col_t(col), text, workbook.format(format)), at(row, col))
    }

    public func write(_ number: Double, row: Int, col: Int, format: CellFormat? = nil) throws {
        if let trace = workbook.trace { trace.line("N", String(row), String(col), trace.id(format), "\(number)") }
        try check(
            worksheet_write_number(handle, lxw_row_t(row), lxw_col_t(col), number, workbook.format(format)), at(row, col))
    }

    /// A formatted empty cell (for fills and borders).
    public func writeBlank(row: Int, col: Int, format: CellFormat?) throws {
        if let trace = workbook.trace { trace.line("B", String(row), String(col), trace.id(format)) }
        try check(worksheet_write_blank(handle, lxw_row_t(row), lxw_col_t(col), workbook.format(format)), at(row, col))
    }

    /// A link to a cell of another sheet of this workbook, showing `text`.
    public func writeLink(toSheet sheet: String, text: String, row: Int, col: Int, format: CellFormat? = nil) throws {
        let target = "internal:'\(sheet.replacingOccurrences(of: "'", with: "''"))'!A1"
        if let trace = workbook.trace { trace.line("T", String(row), String(col), trace.id(format), WriteTrace.escape(text)) }
        try check(
            worksheet_write_url_opt(
                handle, lxw_row_t(row), lxw_col_t(col), target, workbook.format(format), text, nil),
            at(row, col))
    }

    /// Merges a range and writes a number into it (libxlsxwriter merges only text: the range is
    /// merged empty, then the number written into its first cell, as its documentation advises).
    public func merge(rows: ClosedRange<Int>, cols: ClosedRange<Int>, number: Double, format: CellFormat? = nil) throws {
        try merge(rows: rows, cols: cols, text: "", format: format)
        try write(number, row: rows.lowerBound, col: cols.lowerBound, format: format)
    }

    /// Merges a range and writes text into it.
    public func merge(rows: ClosedRange<Int>, cols: ClosedRange<Int>, text: String, format: CellFormat? = nil) throws {
        if let trace = workbook.trace {
            trace.line("M", String(rows.lowerBound), String(cols.lowerBound), String(rows.upperBound), String(cols.upperBound), trace.id(format), WriteTrace.escape(text))
        }
        try check(
            worksheet_merge_range(
                handle, lxw_row_t(rows.lowerBound), lxw_col_t(cols.lowerBound), lxw_row_t(rows.upperBound),
                lxw_col_t(cols.upperBound), text, workbook.format(format)),
            at(rows.lowerBound, cols.lowerBound))
    }

    // MARK: - Layout

    /// Width in characters of the default font.
    public func setColumns(_ cols: ClosedRange<Int>, width: Double, format: CellFormat? = nil) throws {
        if let trace = workbook.trace { trace.line("C", String(cols.lowerBound), String(cols.upperBound), "\(width)", trace.id(format)) }
        try check(
            worksheet_set_column(
                handle, lxw_col_t(cols.lowerBound), lxw_col_t(cols.upperBound), width, workbook.format(format)),
            "setting columns of \(name)")
    }

    /// Hides columns (they are neither shown nor printed) and sets their width.
    public func hideColumns(_ cols: ClosedRange<Int>, width: Double) throws {
        var options = lxw_row_col_options(hidden: 1, level: 0, collapsed: 0)
        try check(
            worksheet_set_column_opt(handle, lxw_col_t(cols.lowerBound), lxw_col_t(cols.upperBound), width, nil, &options),
            "hiding columns of \(name)")
    }

    /// Height in points.
    public func setRow(_ row: Int, height: Double) throws {
        if let trace = workbook.trace { trace.line("H", String(row), "\(height)") }
        try check(worksheet_set_row(handle, lxw_row_t(row), height, nil), "setting row \(row + 1) of \(name)")
    }

    /// Keeps the rows above `row` and the columns left of `col` in view while scrolling.
    public func freezePanes(row: Int, col: Int = 0) {
        worksheet_freeze_panes(handle, lxw_row_t(row), lxw_col_t(col))
    }

    public func hideGridlines() {
        worksheet_gridlines(handle, UInt8(LXW_HIDE_ALL_GRIDLINES.rawValue))
    }

    public func setTabColor(_ rgb: UInt32) { worksheet_set_tab_color(handle, rgb) }

    /// Shows this sheet first when the file is opened.
    public func activate() { worksheet_activate(handle) }

    public func hide() { worksheet_hide(handle) }

    // MARK: - Input cells

    /// A drop-down list on a column range. Keep the list short and plain: libxlsxwriter 1.1.4
    /// misbehaves on 256+ items and counts its 255-character limit in characters, not bytes.
    public func addDropDown(
        rows: ClosedRange<Int>, col: Int, values: [String], title: String, message: String
    ) throws {
        let list = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: values.count + 1)
        for (i, value) in values.enumerated() { list[i] = workbook.retainedCString(value) }
        list[values.count] = nil
        var validation = lxw_data_validation()
        validation.validate = UInt8(LXW_VALIDATION_TYPE_LIST.rawValue)
        validation.value_list = list
        validation.error_type = UInt8(LXW_VALIDATION_ERROR_TYPE_STOP.rawValue)
        validation.error_title = workbook.retainedCString(String(title.prefix(32)))
        validation.error_message = workbook.retainedCString(String(message.prefix(255)))
        validation.input_title = workbook.retainedCString(String(title.prefix(32)))
        validation.input_message = workbook.retainedCString(String(message.prefix(255)))
        defer { list.deallocate() }
        try check(
            worksheet_data_validation_range(
                handle, lxw_row_t(rows.lowerBound), lxw_col_t(col), lxw_row_t(rows.upperBound), lxw_col_t(col), &validation),
            "adding a drop-down to \(name)")
    }

    /// Formats cells whose text equals `text` (ignoring case, as spreadsheets compare text).
    public func highlight(rows: ClosedRange<Int>, col: Int, whenEqualTo text: String, format: CellFormat) throws {
        var rule = lxw_conditional_format()
        rule.type = UInt8(LXW_CONDITIONAL_TYPE_CELL.rawValue)
        rule.criteria = UInt8(LXW_CONDITIONAL_CRITERIA_EQUAL_TO.rawValue)
        rule.value_string = workbook.retainedCString("\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"")
        rule.format = workbook.format(format)
        try check(
            worksheet_conditional_format_range(
                handle, lxw_row_t(rows.lowerBound), lxw_col_t(col), lxw_row_t(rows.upperBound), lxw_col_t(col), &rule),
            "adding conditional formatting to \(name)")
    }

    /// Protects the sheet without a password, so only unlocked cells can be edited; people may
    /// still resize rows and columns, sort and filter.
    public func protectWithoutPassword() {
        var options = lxw_protection()
        options.format_columns = 1
        options.format_rows = 1
        options.sort = 1
        options.autofilter = 1
        worksheet_protect(handle, nil, &options)
    }

    // MARK: - Printing

    /// Page set-up for a printed board paper.
    public func setUpPrinting(_ setup: PageSetup) throws {
        if setup.landscape { worksheet_set_landscape(handle) } else { worksheet_set_portrait(handle) }
        worksheet_set_paper(handle, setup.paper)
        worksheet_set_margins(handle, setup.margins.left, setup.margins.right, setup.margins.top, setup.margins.bottom)
        if setup.fitWidth > 0 || setup.fitHeight > 0 {
            worksheet_fit_to_pages(handle, UInt16(setup.fitWidth), UInt16(setup.fitHeight))
        }
        if let rows = setup.repeatRows {
            try check(
                worksheet_repeat_rows(handle, lxw_row_t(rows.lowerBound), lxw_row_t(rows.upperBound)),
                "setting print titles of \(name)")
        }
        if let header = setup.header { try check(worksheet_set_header(handle, header), "setting header of \(name)") }
        if let footer = setup.footer { try check(worksheet_set_footer(handle, footer), "setting footer of \(name)") }
        if setup.centerHorizontally { worksheet_center_horizontally(handle) }
    }

    /// Manual page breaks: a new printed page starts at each of these rows.
    public func setPageBreaks(beforeRows rows: [Int]) throws {
        guard !rows.isEmpty else { return }
        // libxlsxwriter takes a zero-terminated list (row 0 never breaks) of at most 1,023 breaks.
        var list = rows.filter { $0 > 0 }.prefix(1_023).map { lxw_row_t($0) } + [0]
        try check(worksheet_set_h_pagebreaks(handle, &list), "setting page breaks of \(name)")
    }

    // MARK: - Charts

    /// Places a chart with its top-left corner at the cell (moved in from it by `offset` pixels).
    public func insert(_ chart: Chart, row: Int, col: Int, scale: (x: Double, y: Double) = (1, 1), offset: (x: Int, y: Int) = (0, 0)) throws {
        var options = lxw_chart_options()
        options.x_scale = scale.x
        options.y_scale = scale.y
        options.x_offset = Int32(offset.x)
        options.y_offset = Int32(offset.y)
        let description = strdup(chart.altText)
        defer { free(description) }
        options.description = description
        try check(
            worksheet_insert_chart_opt(handle, lxw_row_t(row), lxw_col_t(col), chart.handle, &options),
            "inserting chart in \(name)")
    }
}

/// Print settings of a sheet.
public struct PageSetup: Sendable {
    /// libxlsxwriter's paper codes: 9 is A4.
    public static let a4: UInt8 = 9

    public var landscape = true
    public var paper: UInt8 = PageSetup.a4
    /// Inches: left, right, top, bottom.
    public var margins: (left: Double, right: Double, top: Double, bottom: Double) = (0.5, 0.5, 0.75, 0.75)
    /// Pages across and down; 0 down means "as many as needed"; 0 for both prints at 100%.
    public var fitWidth = 1
    public var fitHeight = 0
    /// Rows printed at the top of every page.
    public var repeatRows: ClosedRange<Int>?
    /// Excel header/footer codes: "&CPage &P of &N".
    public var header: String?
    public var footer: String?
    public var centerHorizontally = false

    public init() {}
}
