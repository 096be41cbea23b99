import CXlsxWriter
import Foundation

/// An .xlsx file being written. Only this target calls libxlsxwriter.
///
/// The file appears on disk only when `close()` succeeds; callers that must never leave a
/// partial file write to a temporary path and rename it (see `AtomicFile` in BoardPack).
public final class Workbook {
    let handle: UnsafeMutablePointer<lxw_workbook>
    private var formats: [CellFormat: UnsafeMutablePointer<lxw_format>] = [:]
    private var sheets: [Worksheet] = []
    private var closed = false
    public let path: String
    /// C strings libxlsxwriter keeps pointers to until the file is written (validation lists).
    private var retained: [UnsafeMutablePointer<CChar>] = []
    /// The benchmark's record of what is written (BOARDPACK_WRITE_TRACE), or nil.
    let trace = WriteTrace.fromEnvironment()

    /// Starts a workbook that will be saved at `path`.
    /// - Throws: `XLSXWriterError` when libxlsxwriter cannot start one.
    public init(path: String) throws {
        guard let handle = workbook_new(path) else {
            throw XLSXWriterError("creating \(path)", LXW_ERROR_MEMORY_MALLOC_FAILED)
        }
        self.handle = handle
        self.path = path
    }

    deinit {
        // A workbook abandoned after an error is freed without writing anything.
        if !closed { lxw_workbook_free(handle) }
        retained.forEach { free($0) }
    }

    /// A C copy of `text` that lives as long as the workbook.
    func retainedCString(_ text: String) -> UnsafeMutablePointer<CChar> {
        let p = strdup(text)!
        retained.append(p)
        return p
    }

    /// Sets the workbook's default font: the "Normal" style, and the font column widths are
    /// measured in. Call it before anything else is written.
    ///
    /// libxlsxwriter's default is Calibri 11. Where Calibri is missing (LibreOffice on Linux
    /// without Carlito) it is replaced by a much wider font, and every column comes out a third
    /// wider than Excel makes it, so the page is shrunk to fit. Arial has a metric twin
    /// (Liberation Sans) wherever LibreOffice runs, so widths agree everywhere. libxlsxwriter
    /// 1.1.4 has no call for this: its default format is the first of the workbook's formats.
    public func setDefaultFont(name: String, size: Double) {
        trace?.line("D", name, "\(size)")
        guard let first = handle.pointee.formats.pointee.stqh_first else { return }
        format_set_font_name(first, name)
        format_set_font_size(first, size)
    }

    /// Adds a sheet; the name must already obey Excel's rules (see `SheetName`).
    public func addWorksheet(named name: String) throws -> Worksheet {
        try check(workbook_validate_sheet_name(handle, name), "adding sheet \"\(name)\"")
        guard let ws = workbook_add_worksheet(handle, name) else {
            throw XLSXWriterError("adding sheet \"\(name)\"", LXW_ERROR_MEMORY_MALLOC_FAILED)
        }
        trace?.line("S", name)
        let sheet = Worksheet(ws, name: name, workbook: self)
        sheets.append(sheet)
        return sheet
    }

    /// Title, author and the like, as shown in File > Properties.
    public func setProperties(title: String?, subject: String?, author: String?, company: String?, comments: String?) throws {
        var retained: [UnsafeMutablePointer<CChar>] = []
        defer { retained.forEach { free($0) } }
        func c(_ s: String?) -> UnsafeMutablePointer<CChar>? {
            guard let s, let p = strdup(s) else { return nil }
            retained.append(p)
            return p
        }
        var props = lxw_doc_properties()
        props.title = c(title)
        props.subject = c(subject)
        props.author = c(author)
        props.company = c(company)
        props.comments = c(comments)
        // libxlsxwriter copies every string, so the temporary C strings can go afterwards.
        try check(workbook_set_properties(handle, &props), "setting document properties")
    }

    /// A custom document property (File > Properties > Custom).
    public func setCustomProperty(_ name: String, _ value: String) throws {
        try check(workbook_set_custom_property_string(handle, name, value), "setting custom property \(name)")
    }

    /// Saves the file. The workbook cannot be used afterwards.
    public func close() throws {
        guard !closed else { return }
        closed = true
        errno = 0
        let result = workbook_close(handle)
        // libxlsxwriter says only "Usually a permissions error"; the system knows which.
        let system = errno
        if result != LXW_NO_ERROR {
            var error = XLSXWriterError("saving the workbook", result)
            if system != 0 { error.reason += " (\(String(cString: strerror(system))))" }
            throw error
        }

    }

    /// The shared libxlsxwriter format for `spec`, created on first use.
    func format(_ spec: CellFormat?) -> UnsafeMutablePointer<lxw_format>? {
        guard let spec else { return nil }
        if let existing = formats[spec] { return existing }
        guard let f = workbook_add_format(handle) else { return nil }
        apply(spec, to: f)
        formats[spec] = f
        return f
    }

    func addChart(_ type: lxw_chart_type) -> UnsafeMutablePointer<lxw_chart>? {
        workbook_add_chart(handle, UInt8(type.rawValue))
    }

    private func apply(_ spec: CellFormat, to f: UnsafeMutablePointer<lxw_format>) {
        if let name = spec.fontName { format_set_font_name(f, name) }
        if let size = spec.fontSize { format_set_font_size(f, size) }
        if let color = spec.fontColor { format_set_font_color(f, color) }
        if spec.bold { format_set_bold(f) }
        if spec.italic { format_set_italic(f) }
        if spec.underline { format_set_underline(f, UInt8(LXW_UNDERLINE_SINGLE.rawValue)) }
        if let fill = spec.fill {
            format_set_pattern(f, UInt8(LXW_PATTERN_SOLID.rawValue))
            format_set_bg_color(f, fill)
        }
        if let numberFormat = spec.numberFormat { format_set_num_format(f, numberFormat) }
        if spec.wrap { format_set_text_wrap(f) }
        switch spec.horizontal {
        case .general: break
        case .left: format_set_align(f, UInt8(LXW_ALIGN_LEFT.rawValue))
        case .center: format_set_align(f, UInt8(LXW_ALIGN_CENTER.rawValue))
        case .right: format_set_align(f, UInt8(LXW_ALIGN_RIGHT.rawValue))
        }
        switch spec.vertical {
        case .bottom: break
        case .center: format_set_align(f, UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue))
        case .top: format_set_align(f, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
        }
        if spec.indent > 0 { format_set_indent(f, UInt8(min(spec.indent, 15))) }
        if let border = spec.border {
            format_set_border(f, UInt8(LXW_BORDER_THIN.rawValue))
            format_set_border_color(f, border)
        }
        if spec.unlocked { format_set_unlocked(f) }
    }
}
