#!/usr/bin/env python3
"""Fills in a return the way a script or a person editing with openpyxl would.

Usage: fill_openpyxl.py IN.xlsx OUT.xlsx 'JSON list of operations'
       fill_openpyxl.py --serve     one {"in": ..., "out": ..., "ops": [...]} a line on standard
                                    input, one {"ok": true} (or {"ok": false, "error": ...}) a
                                    line on standard output, until standard input closes: the
                                    tests' way, as importing openpyxl costs ten times a fill
  ["set", sheet, cell, value]                 value: string, number, true/false or null; a string
                                              starting with "=" is written as a formula with no
                                              stored result, as openpyxl does
  ["set", sheet, cell, value, number_format]
  ["set_date", sheet, cell, "2013-06-30"]     a real date cell
  ["set_long", sheet, cell, length]           text longer than openpyxl (and Excel) allow, as
                                              Google Sheets writes it: put in after saving
  ["copy_row", sheet, from_row, to_row]       every value of a row (its hidden key too), as a
                                              copy and paste of the whole row would
  ["insert_rows", sheet, row, count]          blank rows before `row` (1-based)
  ["insert_cols", sheet, column, count]       blank columns before `column` (1-based); openpyxl
                                              moves the cells, not merged ranges or validations
  ["reverse_rows", sheet, first, last]        move rows around, as a sort would
  ["rename_sheet", old, new]
  ["set_property", name, value]               custom document property (string)
  ["delete_sheet", name]
"""
import datetime
import json
import os
import shutil
import sys
import tempfile
import zipfile

import openpyxl
from openpyxl.packaging.custom import StringProperty


def fill(source, target, operations):
    """Applies `operations` to the workbook at `source` and saves it as `target`."""
    wb = openpyxl.load_workbook(source)
    long_texts = {}
    for op in operations:
        kind = op[0]
        if kind == "set":
            cell = wb[op[1]][op[2]]
            cell.value = op[3]
            if len(op) > 4:
                cell.number_format = op[4]
        elif kind == "set_date":
            wb[op[1]][op[2]].value = datetime.date.fromisoformat(op[3])
            wb[op[1]][op[2]].number_format = "yyyy-mm-dd"
        elif kind == "set_long":
            marker = f"LONGTEXT{len(long_texts)}MARKER"
            long_texts[marker] = ("word " * op[3])[: op[3] - 1] + "x"
            wb[op[1]][op[2]].value = marker
        elif kind == "copy_row":
            ws = wb[op[1]]
            for col in range(1, ws.max_column + 1):
                ws.cell(row=op[3], column=col, value=ws.cell(row=op[2], column=col).value)
        elif kind == "insert_rows":
            wb[op[1]].insert_rows(op[2], op[3])
        elif kind == "insert_cols":
            wb[op[1]].insert_cols(op[2], op[3])
        elif kind == "reverse_rows":
            ws = wb[op[1]]
            rows = [[c.value for c in ws[r]] for r in range(op[2], op[3] + 1)]
            for offset, values in enumerate(reversed(rows)):
                for col, value in enumerate(values, start=1):
                    # Not ws.cell(..., value=value), which leaves the old value when value is None.
                    ws.cell(row=op[2] + offset, column=col).value = value
        elif kind == "rename_sheet":
            wb[op[1]].title = op[2]
        elif kind == "set_property":
            wb.custom_doc_props.props = [p for p in wb.custom_doc_props.props if p.name != op[1]]
            wb.custom_doc_props.append(StringProperty(name=op[1], value=op[2]))
        elif kind == "delete_sheet":
            del wb[op[1]]
        else:
            raise ValueError(f"unknown operation {kind}")
    wb.save(target)
    if long_texts:
        with tempfile.TemporaryDirectory() as work:
            saved = os.path.join(work, "saved.xlsx")
            shutil.copyfile(target, saved)
            with zipfile.ZipFile(saved) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
                for item in src.infolist():
                    data = src.read(item.filename)
                    for marker, text in long_texts.items():
                        data = data.replace(marker.encode(), text.encode())
                    out.writestr(item, data)


def serve():
    for line in sys.stdin:
        request = json.loads(line)
        try:
            fill(request["in"], request["out"], request["ops"])
            reply = {"ok": True}
        except Exception as error:  # reported to the test, which fails with it
            reply = {"ok": False, "error": f"{type(error).__name__}: {error}"}
        print(json.dumps(reply), flush=True)


if __name__ == "__main__":
    if sys.argv[1:] == ["--serve"]:
        serve()
    else:
        fill(sys.argv[1], sys.argv[2], json.loads(sys.argv[3]))
