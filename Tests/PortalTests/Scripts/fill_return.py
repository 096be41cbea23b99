#!/usr/bin/env python3
"""Fills in a boardpack return with openpyxl, as an agency's script would: every cell is found by
its key in the hidden column A (GOAL|status, GOAL|update, MEASURE|figure) or by its label on the
Instructions sheet, never by its position.

Usage: fill_return.py IN.xlsx OUT.xlsx 'JSON answers'
  {"goals": {"ACC-4": ["Red", "update text"]}, "figures": {"ACC-M1": "81%"},
   "completedBy": "Rob Jacques", "date": "12/07/2013",
   "padSheet": 50000000}     optional: pad the first sheet's XML with that many spaces (a zip bomb)
Also importable: fill(source, target, answers).
"""
import json
import os
import shutil
import sys
import tempfile
import zipfile

import openpyxl


def _keyed(ws):
    return {str(row[0].value): row[0].row for row in ws.iter_rows(min_col=1, max_col=1) if row[0].value}


def fill(source, target, answers):
    wb = openpyxl.load_workbook(source)
    goals = _keyed(wb["Goals"])
    for goal, (status, update) in answers.get("goals", {}).items():
        if status is not None:
            wb["Goals"].cell(row=goals[f"{goal}|status"], column=2, value=status)
        if update is not None:
            wb["Goals"].cell(row=goals[f"{goal}|update"], column=2, value=update)
    if answers.get("figures"):
        ws = wb["Measures"]
        keyed = _keyed(ws)
        header = next(r for r in ws.iter_rows() if any(str(c.value or "").startswith("Value") for c in r))
        column = next(c.column for c in header if str(c.value or "").startswith("Value"))
        for measure, value in answers["figures"].items():
            ws.cell(row=keyed[f"{measure}|figure"], column=column, value=value)
    labels = {str(r[0].value): r[0].row for r in wb["Instructions"].iter_rows(min_col=1, max_col=1) if r[0].value}
    if answers.get("completedBy") is not None:
        wb["Instructions"].cell(row=labels["Completed by"], column=2, value=answers["completedBy"])
    if answers.get("date") is not None:
        wb["Instructions"].cell(row=labels["Date completed"], column=2, value=answers["date"])
    wb.save(target)
    pad = answers.get("padSheet")
    if pad:
        with tempfile.TemporaryDirectory() as work:
            saved = os.path.join(work, "saved.xlsx")
            shutil.copyfile(target, saved)
            with zipfile.ZipFile(saved) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
                for item in src.infolist():
                    data = src.read(item.filename)
                    if item.filename == "xl/worksheets/sheet1.xml":
                        with out.open(item.filename, "w", force_zip64=True) as part:
                            part.write(data)
                            for _ in range(pad // 1_000_000):
                                part.write(b" " * 1_000_000)
                    else:
                        out.writestr(item, data)


if __name__ == "__main__":
    fill(sys.argv[1], sys.argv[2], json.loads(sys.argv[3]))
