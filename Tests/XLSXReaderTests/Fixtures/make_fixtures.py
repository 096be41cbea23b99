#!/usr/bin/env python3
"""Makes the reader's fixtures with the programs named in each file's name.

Run from this folder:  python3 make_fixtures.py
Needs: pip install openpyxl xlsxwriter msoffcrypto-tool; Debian libreoffice-calc (soffice).
Each fixture is small and exercises one thing; the tests name the cell on any mismatch.
"""
import datetime
import io
import os
import shutil
import subprocess
import tempfile
import zipfile

import msoffcrypto
import msoffcrypto.format.ooxml
import openpyxl
import xlsxwriter
from openpyxl.workbook.properties import CalcProperties  # noqa: F401  (openpyxl >= 3.1)

HERE = os.path.dirname(os.path.abspath(__file__))


def path(name):
    return os.path.join(HERE, name)


# --- XlsxWriter (PyPI): every cell type, rich text, dates, escapes -------------------------------
def xlsxwriter_types():
    wb = xlsxwriter.Workbook(path("xlsxwriter-types.xlsx"))
    ws = wb.add_worksheet("Types")
    bold = wb.add_format({"bold": True})
    date = wb.add_format({"num_format": "dd/mm/yyyy"})
    datetime_fmt = wb.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"})
    pct = wb.add_format({"num_format": "0%"})
    ws.write_string("A1", "text")
    ws.write_number("B1", 1583)
    ws.write_number("C1", 2.71)
    ws.write_boolean("D1", True)
    ws.write_boolean("E1", False)
    ws.write_formula("A2", "=NA()", None, "#N/A")
    ws.write_formula("B2", "=1/0", None, "#DIV/0!")
    ws.write_formula("C2", "=B1*2", None, 3166)
    ws.write_formula("D2", '="a"&"b"', None, "ab")
    ws.write_rich_string("A3", "plain ", bold, "bold", " end")
    ws.write_datetime("A4", datetime.datetime(2013, 7, 17), date)
    ws.write_datetime("B4", datetime.datetime(2013, 7, 17, 14, 30), datetime_fmt)
    ws.write_number("C4", 0.81, pct)
    ws.write_string("A5", "line one\nline two")
    ws.write_string("B5", "_x0041_ is not A")      # XlsxWriter escapes this as _x005F_x0041_
    ws.write_string("C5", "tab\there")
    ws.write_string("D5", "  spaces kept  ")
    ws.write_string("E5", "=SUM(A1:A9)")          # text, not a formula
    ws.write_string("F5", "Ünïcödé – “quotes” & <tags>")
    ws.merge_range("A7:C7", "merged", bold)
    hidden = wb.add_worksheet("Hidden")
    hidden.write("A1", "hidden sheet")
    hidden.hide()
    wb.define_name("Goals", "=Types!$A$1:$D$2")
    wb.set_custom_property("Report", "kent-medway-2012-13-end-of-year")
    wb.set_custom_property("Template version", 3)
    wb.close()


# --- XlsxWriter: times of day, elapsed times, milliseconds and the numbers no date can be ----------
def xlsxwriter_times():
    wb = xlsxwriter.Workbook(path("xlsxwriter-times.xlsx"))
    ws = wb.add_worksheet("Times")
    f = lambda code: wb.add_format({"num_format": code})
    day = 86400
    ws.write_number("A1", (13 * 3600 + 30 * 60 + 55.2) / day, f("hh:mm:ss.000"))  # a time with milliseconds
    ws.write_number("A2", 0.5, f("h:mm"))
    ws.write_number("A3", 0, f("h:mm"))  # midnight, not the number 0
    ws.write_number("A4", (255 * 3600 + 10 * 60 + 10) / day, f("[h]:mm:ss"))  # 255:10:10 elapsed
    ws.write_number("A5", 1.5, f("[h]:mm"))
    ws.write_datetime("A6", datetime.datetime(2012, 3, 14, 13, 30, 55, 200000), f("yyyy-mm-dd hh:mm:ss.000"))
    ws.write_number("A7", -1.2, f("h:mm"))  # Excel shows #####: it stays a number
    ws.write_number("A8", 0, f("dd/mm/yyyy"))  # day 0 of 1900 is no date: a time of day
    ws.write_number("A9", 1.5, f("h:mm"))  # a time format over a day old: the date and time
    ws.write_number("A10", 0.5 / day, f("mm:ss.0"))
    ws.write_number("A11", -0.25, f("[h]:mm"))  # a negative elapsed time
    ws.write_number("A12", 0.75, f('[$-409]h:mm AM/PM;@'))
    ws.write_string("A13", "Foo\r\nBar")  # XlsxWriter writes the CR as _x000D_
    wb.close()


# --- openpyxl (PyPI): the 1904 date system, sparse cells, custom properties ------------------------
def openpyxl_1904():
    wb = openpyxl.Workbook()
    wb.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
    ws = wb.active
    ws.title = "Dates"
    ws["A1"] = datetime.date(2013, 7, 17)
    ws["A1"].number_format = "d mmm yyyy"
    ws["B1"] = datetime.datetime(2013, 7, 17, 14, 30)
    ws["B1"].number_format = "dd/mm/yyyy hh:mm"
    ws["A3"] = "after a gap"
    ws["E3"] = 5
    wb.save(path("openpyxl-date1904.xlsx"))


def openpyxl_basic():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Goals"
    ws.append(["Goal ID", "Status", "Value"])
    ws.append(["ACC-1", "amber ", "81%"])
    ws.append(["ACC-2", "G", 0.81])
    ws["C3"].number_format = "0%"
    ws["D2"] = "=C3*2"  # openpyxl stores the formula without a cached value
    ws.merge_cells("A5:B5")
    ws["A5"] = "merged note"
    try:
        from openpyxl.packaging.custom import StringProperty
        wb.custom_doc_props.append(StringProperty(name="Agency", value="JPPB"))
    except ImportError:
        pass
    wb.save(path("openpyxl-basic.xlsx"))


# --- LibreOffice (Debian): re-saved by Calc, and the formats it can be asked to produce -----------
def libreoffice(source, filter_name, target):
    out = tempfile.mkdtemp()
    profile = tempfile.mkdtemp()
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", filter_name,
                    "--outdir", out, path(source)], check=True, capture_output=True)
    produced = [f for f in os.listdir(out)]
    shutil.move(os.path.join(out, produced[0]), path(target))
    shutil.rmtree(out)
    shutil.rmtree(profile, ignore_errors=True)


# --- Hand-built packages: what other writers (Excel Strict, scripts, Numbers) produce -------------
CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
</Types>"""


def package(name, parts):
    with zipfile.ZipFile(path(name), "w", zipfile.ZIP_DEFLATED) as z:
        for part_name, text in parts.items():
            z.writestr(part_name, text)


def handmade():
    t = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    root_rels = f"""<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="{t}/officeDocument" Target="/xl/workbook.xml"/></Relationships>"""
    wb_rels = f"""<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="{t}/worksheet" Target="/xl/worksheets/sheet1.xml"/></Relationships>"""
    workbook = f"""<?xml version="1.0"?><x:workbook xmlns:x="{main}" xmlns:rel="{t}">
<x:sheets><x:sheet name="Returns" sheetId="1" rel:id="rId1"/></x:sheets></x:workbook>"""
    # Inline strings, no r attributes, ISO dates, a prefix other than the usual, no shared strings part,
    # an absolute relationship target, xml:space, and escapes.
    sheet = f"""<?xml version="1.0"?><x:worksheet xmlns:x="{main}"><x:sheetData>
<x:row><x:c t="inlineStr"><x:is><x:t>no r attributes</x:t></x:is></x:c><x:c><x:v>42</x:v></x:c><x:c t="d"><x:v>2013-07-17T14:30:00</x:v></x:c><x:c t="d"><x:v>2013-07-17</x:v></x:c></x:row>
<x:row><x:c t="inlineStr"><x:is><x:r><x:t>rich </x:t></x:r><x:r><x:t xml:space="preserve"> runs </x:t></x:r></x:is></x:c><x:c t="inlineStr"><x:is><x:t>carriage_x000D_return</x:t></x:is></x:c><x:c t="b"><x:v>1</x:v></x:c><x:c t="e"><x:v>#REF!</x:v></x:c><x:c t="inlineStr"><x:is><x:t><![CDATA[<cdata & kept>]]></x:t></x:is></x:c></x:row>
<x:row r="5"><x:c r="B5" t="inlineStr"><x:is><x:t>&lt;escaped&gt; &amp; &#8211; &#x2014;</x:t></x:is></x:c></x:row>
</x:sheetData></x:worksheet>"""
    package("handmade-inline-prefixed-no-sst.xlsx", {
        "[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": root_rels, "xl/workbook.xml": workbook,
        "xl/_rels/workbook.xml.rels": wb_rels, "xl/worksheets/sheet1.xml": sheet})

    # Strict OOXML: other namespaces and relationship types, the same structure.
    s = "http://purl.oclc.org/ooxml/officeDocument/relationships"
    smain = "http://purl.oclc.org/ooxml/spreadsheetml/main"
    package("handmade-strict.xlsx", {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": f"""<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{s}/officeDocument" Target="xl/workbook.xml"/></Relationships>""",
        "xl/workbook.xml": f"""<?xml version="1.0"?><workbook xmlns="{smain}" xmlns:r="{s}" conformance="strict"><workbookPr date1904="false"/><sheets><sheet name="Strict" sheetId="1" r:id="rId1"/></sheets></workbook>""",
        "xl/_rels/workbook.xml.rels": f"""<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{s}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{s}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="{s}/styles" Target="styles.xml"/></Relationships>""",
        "xl/sharedStrings.xml": f"""<?xml version="1.0"?><sst xmlns="{smain}" count="4" uniqueCount="4"><si><t>strict</t></si><si/><si><r><t>ph</t></r><rPh sb="0" eb="1"><t>PHONETIC</t></rPh><phoneticPr fontId="1"/></si><si><t xml:space="preserve">  padded  </t></si></sst>""",
        "xl/styles.xml": f"""<?xml version="1.0"?><styleSheet xmlns="{smain}"><numFmts count="1"><numFmt numFmtId="164" formatCode="[$-809]dd\\ mmmm\\ yyyy"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="10"/></cellXfs></styleSheet>""",
        "xl/worksheets/sheet1.xml": f"""<?xml version="1.0"?><worksheet xmlns="{smain}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row><row r="2"><c r="A2" s="1"><v>41472</v></c><c r="B2" s="2"><v>0.0905</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="A3:D3"/></mergeCells></worksheet>""",
    })

    # One cell at the very last address: must cost nothing.
    package("handmade-last-cell.xlsx", {
        "[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": root_rels,
        "xl/workbook.xml": workbook, "xl/_rels/workbook.xml.rels": wb_rels,
        "xl/worksheets/sheet1.xml": f"""<?xml version="1.0"?><x:worksheet xmlns:x="{main}"><x:sheetData><x:row r="1048576"><x:c r="XFD1048576"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>"""})

    # Billion laughs: a DTD defining entities that expand exponentially.
    laughs = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i > 1 else "")) * 10}">' for i in range(1, 10)) + f']><x:worksheet xmlns:x="{main}"><x:sheetData><x:row><x:c t="inlineStr"><x:is><x:t>&lol9;</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>'
    package("hostile-billion-laughs.xlsx", {
        "[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": root_rels, "xl/workbook.xml": workbook,
        "xl/_rels/workbook.xml.rels": wb_rels, "xl/worksheets/sheet1.xml": laughs})

    # A cell reference past the grid.
    package("hostile-past-xfd.xlsx", {
        "[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": root_rels, "xl/workbook.xml": workbook,
        "xl/_rels/workbook.xml.rels": wb_rels,
        "xl/worksheets/sheet1.xml": f"""<?xml version="1.0"?><x:worksheet xmlns:x="{main}"><x:sheetData><x:row r="1"><x:c r="XFE1"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>"""})


def encrypted():
    src = path("xlsxwriter-types.xlsx")
    with open(src, "rb") as f:
        office = msoffcrypto.format.ooxml.OOXMLFile(f)
        out = io.BytesIO()
        office.encrypt("secret", out)
    with open(path("refuse-encrypted.xlsx"), "wb") as f:
        f.write(out.getvalue())


if __name__ == "__main__":
    xlsxwriter_types()
    xlsxwriter_times()
    openpyxl_basic()
    openpyxl_1904()
    handmade()
    encrypted()
    libreoffice("xlsxwriter-types.xlsx", "xlsx:Calc MS Excel 2007 XML", "libreoffice-resaved.xlsx")
    libreoffice("xlsxwriter-times.xlsx", "xlsx:Calc MS Excel 2007 XML", "libreoffice-times.xlsx")
    libreoffice("openpyxl-basic.xlsx", "xls:MS Excel 97", "refuse-legacy.xls")
    libreoffice("openpyxl-basic.xlsx", "ods", "refuse-opendocument.ods")
    with open(path("refuse-csv.xlsx"), "w") as f:
        f.write("Goal ID,Status\nACC-1,Amber\n")
    libreoffice("openpyxl-basic.xlsx", "pdf", "refuse-pdf.xlsx")
    print("fixtures written")
