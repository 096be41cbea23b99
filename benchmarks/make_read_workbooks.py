#!/usr/bin/env python3
"""Writes the read benchmark's workbooks: ROWS rows x 10 columns, once with shared strings
(XlsxWriter's default) and once with inline strings (XlsxWriter's constant_memory mode).
Columns: goal id, theme, lead agency, status, update text, three numbers, a percentage, a date.

Usage: make_read_workbooks.py OUT_DIR [ROWS] [shared|inline]   (both unless one is named)
"""
import datetime
import os
import random
import sys

import xlsxwriter

out = sys.argv[1]
rows = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
only = sys.argv[3] if len(sys.argv) > 3 else None
themes = ["Accommodation", "Education and Employment", "Substance Misuse", "Mental and Physical Health", "Finance"]
agencies = ["JPPB", "Kent Probation", "Jobcentre Plus", "Public Health", "Commissioned Services KCC"]
words = "offenders accommodation probation housing employment treatment protocol review services".split()

for name, options in [("shared-strings.xlsx", {}), ("inline-strings.xlsx", {"constant_memory": True})]:
    if only and not name.startswith(only):
        continue
    rng = random.Random(7)
    wb = xlsxwriter.Workbook(os.path.join(out, name), options)
    ws = wb.add_worksheet("Goals")
    pct = wb.add_format({"num_format": "0.0%"})
    date = wb.add_format({"num_format": "yyyy-mm-dd"})
    ws.write_row(0, 0, ["Goal ID", "Theme", "Lead Agency", "Status", "Update", "Count", "Value", "Score", "Rate", "Date"])
    start = datetime.date(2012, 4, 1)
    for r in range(1, rows):
        ws.write_string(r, 0, f"G-{r}")
        ws.write_string(r, 1, rng.choice(themes))
        ws.write_string(r, 2, rng.choice(agencies))
        ws.write_string(r, 3, rng.choice(["Red", "Amber", "Green"]))
        ws.write_string(r, 4, " ".join(rng.choice(words) for _ in range(rng.randint(3, 12))))
        ws.write_number(r, 5, rng.randint(0, 20000))
        ws.write_number(r, 6, round(rng.uniform(0, 1000), 2))
        ws.write_number(r, 7, rng.random())
        ws.write_number(r, 8, rng.random(), pct)
        ws.write_datetime(r, 9, start + datetime.timedelta(days=r % 3000), date)
    wb.close()
