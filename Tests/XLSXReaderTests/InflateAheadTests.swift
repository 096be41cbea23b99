import Foundation
import Testing
@testable import XLSXReader

/// A part of 1 MiB or more inflates on a thread of its own (InflateAhead): it must read exactly
/// as the same part read in line, report damage in order, and end its thread when the reader stops.
@Suite struct InflateAheadTests {
    /// A sheet of `rows` rows, each a number, a shared string and an inline string: about 3 MiB.
    func bigSheet(rows: Int = 30_000) -> HandBuiltWorkbook {
        var body = ""
        for r in 1...rows {
            body += #"<row r="\#(r)"><c r="A\#(r)"><v>\#(r)</v></c><c r="B\#(r)" t="s"><v>\#(r % 3)</v></c><c r="C\#(r)" t="inlineStr"><is><t>row \#(r) of many</t></is></c></row>"#
        }
        var workbook = HandBuiltWorkbook(rows: body)
        workbook.sharedStrings = ["<t>Red</t>", "<t>Amber</t>", "<t>Green</t>"]
        return workbook
    }

    @Test func aLargeSheetReadsEveryRowInOrder() throws {
        let workbook = bigSheet()
        let bytes = workbook.bytes()
        let book = try XLSXFile(bytes: bytes, name: "big.xlsx")
        let entry = try #require(ZipArchive(bytes: bytes).entries.first { $0.name == "xl/worksheets/sheet1.xml" })
        #expect(entry.uncompressedSize >= Package.inflateAheadFrom, "the sheet is large enough to inflate ahead")
        var reader = try book.rows(ofSheet: "Sheet1")
        var count = 0
        while let row = try reader.next() {
            count += 1
            let r = row.index + 1
            #expect(row.values == [.number(Double(r)), .string(["Red", "Amber", "Green"][r % 3]), .string("row \(r) of many")], "row \(r)")
            if row.index != count - 1 { break }
        }
        #expect(count == 30_000)
    }

    @Test func damageAtTheEndIsReportedAfterTheRowsBeforeIt() throws {
        var zip = bigSheet().builder()
        let i = try #require(zip.entries.firstIndex { $0.name == "xl/worksheets/sheet1.xml" })
        zip.entries[i].crcOverride = ZipBuilder.crc(zip.entries[i].content) ^ 1
        let book = try XLSXFile(bytes: zip.build(), name: "damaged.xlsx")
        var reader = try book.rows(ofSheet: "Sheet1")
        var count = 0
        #expect {
            while try reader.next() != nil { count += 1 }
        } throws: { error in
            "\(error)" == "damaged.xlsx: is damaged: xl/worksheets/sheet1.xml fails its CRC-32 check"
        }
        #expect(count > 29_000, "the rows inflated before the check were read: \(count)")
    }

    @Test func aReaderThatStopsEarlyEndsItsThread() throws {
        let archive = try ZipArchive(bytes: bigSheet().bytes())
        let entry = try #require(archive.entries.first { $0.name == "xl/worksheets/sheet1.xml" })
        let ended = Flag()
        var ahead: InflateAhead? = InflateAhead(try archive.stream(entry, chunkSize: 1 << 16), depth: 2, ended: ended.set)
        #expect(try ahead?.next()?.isEmpty == false)
        ahead = nil  // the reader has gone: the thread, waiting for room, must end
        let deadline = Date().addingTimeInterval(10)
        while !ended.isSet && Date() < deadline { usleep(1_000) }
        #expect(ended.isSet, "the inflating thread ended")
    }

    final class Flag: @unchecked Sendable {
        private let lock = NSLock()
        private var value = false
        var isSet: Bool { lock.withLock { value } }
        @Sendable func set() { lock.withLock { value = true } }
    }
}
