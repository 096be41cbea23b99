#!/usr/bin/env python3
"""Reads every cell of the first sheet with a named peer: calamine or openpyxl (read-only)."""
import sys

peer, path = sys.argv[1], sys.argv[2]
count = 0
if peer == "calamine":
    from python_calamine import CalamineWorkbook
    for row in CalamineWorkbook.from_path(path).get_sheet_by_index(0).to_python():
        count += len(row)
elif peer == "openpyxl":
    import openpyxl
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    for row in wb.worksheets[0].iter_rows(values_only=True):
        count += len(row)
print(count)
