import CXlsxWriter

/// A chart drawn from cells of the workbook.
public final class Chart {
    public enum Kind: Sendable {
        case barStacked, columnStacked, bar, column, line

        var lxw: lxw_chart_type {
            switch self {
            case .barStacked: LXW_CHART_BAR_STACKED
            case .columnStacked: LXW_CHART_COLUMN_STACKED
            case .bar: LXW_CHART_BAR
            case .column: LXW_CHART_COLUMN
            case .line: LXW_CHART_LINE
            }
        }
    }

    let handle: UnsafeMutablePointer<lxw_chart>
    let kind: Kind
    /// Alternative text for screen readers.
    public var altText = ""

    /// - Throws: `XLSXWriterError` when libxlsxwriter cannot allocate the chart.
    public init(_ kind: Kind, in workbook: Workbook) throws {
        guard let handle = workbook.addChart(kind.lxw) else {
            throw XLSXWriterError("adding a chart", LXW_ERROR_MEMORY_MALLOC_FAILED)
        }
        self.handle = handle
        self.kind = kind
    }

    public func setTitle(_ title: String) { chart_title_set_name(handle, title) }

    /// The chart's text in the sheet's font: without it LibreOffice prints a chart's title in
    /// its own default (DejaVu Sans at 13 pt, larger than the sheet's own headings).
    public func setFont(name: String, size: Double, titleSize: Double) {
        name.withCString { cName in
            func font(_ size: Double, bold: Bool) -> lxw_chart_font {
                var font = lxw_chart_font()
                font.name = UnsafeMutablePointer(mutating: cName)  // libxlsxwriter copies it
                font.size = size
                font.bold = bold ? 1 : 0
                return font
            }
            var title = font(titleSize, bold: true)
            var text = font(size, bold: false)
            chart_title_set_name_font(handle, &title)
            chart_legend_set_font(handle, &text)
            for axis in [handle.pointee.x_axis, handle.pointee.y_axis].compactMap({ $0 }) {
                chart_axis_set_name_font(axis, &text)
                chart_axis_set_num_font(axis, &text)
            }
        }
    }

    public func setLegendAtBottom() { chart_legend_set_position(handle, UInt8(LXW_CHART_LEGEND_BOTTOM.rawValue)) }

    /// Lists the categories top down in a bar chart (Excel draws the first at the bottom), with
    /// the value axis kept below the bars.
    public func reverseCategories() {
        let horizontal = kind == .bar || kind == .barStacked
        guard let axis = horizontal ? handle.pointee.y_axis : handle.pointee.x_axis else { return }
        chart_axis_set_reverse(axis)
        chart_axis_set_crossing_max(axis)
    }

    public func setValueAxis(title: String, minimum: Double? = nil, majorUnit: Double? = nil) {
        // In a bar chart the values run along the horizontal (x) axis.
        let horizontal = kind == .bar || kind == .barStacked
        guard let axis = horizontal ? handle.pointee.x_axis : handle.pointee.y_axis else { return }
        chart_axis_set_name(axis, title)
        if let minimum { chart_axis_set_min(axis, minimum) }
        if let majorUnit { chart_axis_set_major_unit(axis, majorUnit) }
    }

    /// A sparkline: a line chart of one row of figures with nothing else (no axes, gridlines,
    /// title, legend or border), to draw inside one cell. libxlsxwriter 1.1.4 has no sparklines,
    /// and a chart prints the same in Excel and LibreOffice (LibreOffice 7.4 prints sparklines
    /// as scattered dots).
    /// - Parameter range: the value axis's extent, so that lines drawn on the same range can be
    ///   compared by their slopes; automatic when nil.
    public static func sparkline(
        in workbook: Workbook, sheet: String, row: Int, columns: ClosedRange<Int>, colour: UInt32, range: ClosedRange<Double>? = nil
    ) throws -> Chart {
        let chart = try Chart(.line, in: workbook)
        let handle = chart.handle
        guard let series = chart_add_series(handle, nil, nil) else { return chart }
        chart_series_set_values(series, sheet, lxw_row_t(row), lxw_col_t(columns.lowerBound), lxw_row_t(row), lxw_col_t(columns.upperBound))
        var line = lxw_chart_line()
        line.color = colour
        line.width = 1.25
        chart_series_set_line(series, &line)
        chart_series_set_marker_type(series, UInt8(LXW_CHART_MARKER_CIRCLE.rawValue))
        chart_series_set_marker_size(series, 3)
        var markerFill = lxw_chart_fill(color: colour, none: 0, transparency: 0)
        chart_series_set_marker_fill(series, &markerFill)
        chart_series_set_marker_line(series, &line)
        if let range {
            chart_axis_set_min(handle.pointee.y_axis, range.lowerBound)
            chart_axis_set_max(handle.pointee.y_axis, range.upperBound)
        }
        chart_axis_off(handle.pointee.x_axis)
        chart_axis_off(handle.pointee.y_axis)
        chart_axis_major_gridlines_set_visible(handle.pointee.y_axis, 0)
        chart_title_off(handle)
        chart_legend_set_position(handle, UInt8(LXW_CHART_LEGEND_NONE.rawValue))
        var none = lxw_chart_line()
        none.none = 1
        var noFill = lxw_chart_fill(color: 0, none: 1, transparency: 0)
        chart_chartarea_set_line(handle, &none)
        chart_chartarea_set_fill(handle, &noFill)
        chart_plotarea_set_line(handle, &none)
        chart_plotarea_set_fill(handle, &noFill)
        chart_show_blanks_as(handle, UInt8(LXW_CHART_BLANKS_AS_GAP.rawValue))
        return chart
    }

    /// A fill drawn in lines or dots over a plain one: tells two series apart in greyscale print
    /// when their colours turn the same grey.
    public enum Hatch: Sendable {
        case diagonal, dots, horizontal

        var lxw: lxw_chart_pattern_type {
            switch self {
            case .diagonal: LXW_CHART_PATTERN_WIDE_UPWARD_DIAGONAL
            case .dots: LXW_CHART_PATTERN_PERCENT_20
            case .horizontal: LXW_CHART_PATTERN_LIGHT_HORIZONTAL
            }
        }
    }

    /// A series whose categories and values are cell ranges of `sheet` (zero-based, inclusive).
    /// - Parameter hatch: lines or dots of `hatchColour` over `fill`, instead of `fill` alone.
    public func addSeries(
        name: String, sheet: String, categories: (rows: ClosedRange<Int>, col: Int),
        values: (rows: ClosedRange<Int>, col: Int), fill: UInt32, border: UInt32? = nil,
        hatch: Hatch? = nil, hatchColour: UInt32 = 0x404040
    ) {
        guard let series = chart_add_series(handle, nil, nil) else { return }
        chart_series_set_categories(
            series, sheet, lxw_row_t(categories.rows.lowerBound), lxw_col_t(categories.col),
            lxw_row_t(categories.rows.upperBound), lxw_col_t(categories.col))
        chart_series_set_values(
            series, sheet, lxw_row_t(values.rows.lowerBound), lxw_col_t(values.col),
            lxw_row_t(values.rows.upperBound), lxw_col_t(values.col))
        chart_series_set_name(series, name)
        if let hatch {
            var pattern = lxw_chart_pattern(fg_color: hatchColour, bg_color: fill, type: UInt8(hatch.lxw.rawValue))
            chart_series_set_pattern(series, &pattern)
        } else {
            var chartFill = lxw_chart_fill(color: fill, none: 0, transparency: 0)
            chart_series_set_fill(series, &chartFill)
        }
        if let border {
            var line = lxw_chart_line()
            line.color = border
            line.width = 0.75
            chart_series_set_line(series, &line)
        }
    }
}
