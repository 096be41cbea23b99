#!/usr/bin/env python3
"""Fills in a return the way a script or a person editing with openpyxl would.

Usage: fill_openpyxl.py IN.xlsx OUT.xlsx 'JSON list of operations'
  ["set", sheet, cell, value]                 value: string, number, true/false or null
  ["set", sheet, cell, value, number_format]
  ["insert_rows", sheet, row, count]          blank rows before `row` (1-based)
  ["reverse_rows", sheet, first, last]        move rows around, as a sort would
  ["set_property", name, value]               custom document property (string)
  ["delete_sheet", name]
"""
import json
import sys

import openpyxl
from openpyxl.packaging.custom import StringProperty

source, target, operations = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
wb = openpyxl.load_workbook(source)
for op in operations:
    kind = op[0]
    if kind == "set":
        cell = wb[op[1]][op[2]]
        cell.value = op[3]
        if len(op) > 4:
            cell.number_format = op[4]
    elif kind == "insert_rows":
        wb[op[1]].insert_rows(op[2], op[3])
    elif kind == "reverse_rows":
        ws = wb[op[1]]
        rows = [[c.value for c in ws[r]] for r in range(op[2], op[3] + 1)]
        for offset, values in enumerate(reversed(rows)):
            for col, value in enumerate(values, start=1):
                ws.cell(row=op[2] + offset, column=col, value=value)
    elif kind == "set_property":
        wb.custom_doc_props.props = [p for p in wb.custom_doc_props.props if p.name != op[1]]
        wb.custom_doc_props.append(StringProperty(name=op[1], value=op[2]))
    elif kind == "delete_sheet":
        del wb[op[1]]
    else:
        raise SystemExit(f"unknown operation {kind}")
wb.save(target)
