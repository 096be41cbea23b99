@testable import BoardPack
import Foundation
import ReportModel
import TestSupport
import Testing

/// Charts that do not mislead (issue 19.7): every count in the status chart its own colour,
/// in greyscale too; trend lines of one table on one scale; no direction judged, nor line
/// drawn, across periods of different lengths; no Summary that only repeats the glance page.
@Suite struct ChartTests {
    let scratch = TemporaryFolder()

    func export(_ report: Report, _ name: String) throws -> XLSXInspector {
        let file = scratch.file("\(name).xlsx")
        try BoardPackExporter(report: report).write(to: file)
        return try XLSXInspector(file.path)
    }

    func charts(_ book: XLSXInspector) throws -> [XMLTree] {
        try book.partNames().filter { $0.hasPrefix("xl/charts/chart") }
            .sorted { Int($0.dropFirst(15).dropLast(4))! < Int($1.dropFirst(15).dropLast(4))! }
            .map { try book.part($0) }
    }

    @Test func everyCountOfTheStatusChartHasAFillOfItsOwnThatGreyscaleKeeps() throws {
        let book = try export(try PrintedPack.mergedQ1(), "q1")
        let bar = try #require(try charts(book).first { $0.first("barChart") != nil })
        var fills: [(name: String, grey: Double, pattern: String?)] = []
        for series in bar.all("ser") {
            let name = series.first("tx")?.allText ?? ""
            let pattern = series.first("pattFill")
            let colour = pattern?.first("bgClr")?.first("srgbClr")?["val"] ?? series.first("spPr")?.first("solidFill")?.first("srgbClr")?["val"]
            let rgb = try #require(colour.flatMap { UInt32($0, radix: 16) }, "\(name) has a fill")
            let grey = 0.299 * Double(rgb >> 16) + 0.587 * Double((rgb >> 8) & 0xFF) + 0.114 * Double(rgb & 0xFF)
            fills.append((name, grey, pattern?["prst"]))
        }
        #expect(fills.map(\.name) == ["Red", "Amber", "Green", "No return", "Conflict", "Not accepted"])
        for (i, a) in fills.enumerated() {
            for b in fills[(i + 1)...] {
                // Two plain fills need greys 20 apart; a hatch tells a bar from any plain one.
                let apart = a.pattern != b.pattern || abs(a.grey - b.grey) >= 20
                #expect(apart, "\(a.name) and \(b.name) print alike in greyscale")
            }
        }
    }

    @Test func theLinesOfATableShareAScaleForEachKindOfFigure() throws {
        let kent = try Examples.report(Examples.kent)
        let book = try export(kent, "kent")
        // The statistics sheet draws first: table 1.1's four rows are the first four lines.
        let scales = try charts(book).filter { $0.first("lineChart") != nil }.prefix(4).map { chart -> [String] in
            let scaling = chart.first("valAx")?.first("scaling")
            return [scaling?.first("min")?["val"] ?? "auto", scaling?.first("max")?["val"] ?? "auto"]
        }
        #expect(scales[0] == scales[1], "total offenders and re-offenders, both counts, on one scale")
        #expect(scales[0] != scales[2] && scales[2] != scales[3], "a percentage and an average each on their own")
        #expect(!scales.joined().contains("auto"))

        let rows: [[Value?]] = [["100", "200", "300"], ["1,000", "1,100", "900"], ["10%", "20%", "30%"], ["5", "6"]].map { $0.map { Value(parsing: $0) } }
        let fitted = TrendFigures.scales(rows)
        #expect(fitted[0] == fitted[1] && fitted[0]!.contains(100) && fitted[0]!.contains(1_100))
        #expect(fitted[2]!.contains(0.1) && fitted[2]!.upperBound < 1, "percentages on their own scale")
        #expect(fitted[3] == nil, "two figures draw no line")
    }

    @Test func aQuartersFigureIsNeitherJudgedNorDrawnAgainstYears() throws {
        let book = try export(try PrintedPack.mergedQ1(), "q1")
        let sheet = try book.sheet("2.1 Accommodation").cells.map(\.text)
        #expect(sheet.contains("periods differ: not compared") && !sheet.contains { $0.contains("improving") })
        #expect(!sheet.contains("Trend"), "81% and 83% a year, 84% a quarter: no line")
        let drawn = TrendFigures.drawn(["81%", "83%", "84%"].map { Value(parsing: $0) }, periods: ["2011-12", "2012-13", "2013-14 Q1"])
        #expect(drawn.map { $0?.text } == [nil, nil, "84%"])
        let years = TrendFigures.drawn(["81%", "83%", nil].map { $0.map { Value(parsing: $0) } }, periods: ["2011-12", "2012-13", "2013-14 Q1"])
        #expect(years.map { $0?.text } == ["81%", "83%", nil], "the quarter with no figure yet leaves the years' line")
        let mental = try book.sheet("2.4 Mental and Physical Health").cells.map(\.text)
        #expect(mental.contains("periods differ: not compared"), "a year to date is not a year either")
    }

    @Test func aSummaryOnlyWhereItAddsToTheGlancePage() throws {
        for (name, has) in [(Examples.kent, true), (Examples.planRefresh, true), (Examples.kmrob, false), (Examples.leicestershire, false)] {
            let book = try export(try Examples.report(name), name)
            #expect(book.sheetNames.contains("Summary") == has, "\(name)")
        }
    }
}
