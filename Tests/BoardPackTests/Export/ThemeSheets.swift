import ReportModel
import TestSupport

extension XLSXInspector {
    /// Each theme's sheet in an exported pack, by theme heading. A sheet's title in A1 names its
    /// first theme; themes that fit on a page together share a sheet, so a theme whose heading
    /// titles no sheet is on the sheet of the theme before it.
    func themeSheets(of report: Report) throws -> [String: Sheet] {
        var titled: [String: Sheet] = [:]
        for name in sheetNames {
            let sheet = try sheet(name)
            if let title = sheet.cell("A1")?.text { titled[title] = sheet }
        }
        var found: [String: Sheet] = [:]
        var current: Sheet?
        for theme in report.themes {
            current = titled[theme.heading] ?? current
            if let current { found[theme.heading] = current }
        }
        return found
    }
}
