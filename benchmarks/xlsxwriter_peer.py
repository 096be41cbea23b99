#!/usr/bin/env python3
"""The peer for benchmarks/export: Python XlsxWriter writing the same theme sheets (measures and
goals tables with status fills, wrapped text, print set-up) from the same report JSON.
It is a floor to compare against, not a full board pack: no cover, summary or chart."""
import json
import sys

import xlsxwriter

report = json.load(open(sys.argv[1]))
book = xlsxwriter.Workbook(sys.argv[2])
text = book.add_format({"text_wrap": True, "valign": "top", "border": 1})
header = book.add_format({"bold": True, "bg_color": "#1F3864", "font_color": "#FFFFFF", "border": 1})
status = {name: book.add_format({"bold": True, "bg_color": fill, "font_color": font, "border": 1, "align": "center"})
          for name, fill, font in [("Red", "#C00000", "#FFFFFF"), ("Amber", "#FFC000", "#000000"), ("Green", "#00B050", "#000000")]}
for theme in report["themes"]:
    sheet = book.add_worksheet(theme["number"] + " " + theme["id"])
    sheet.set_landscape(); sheet.set_paper(9); sheet.fit_to_pages(1, 0)
    sheet.set_column(0, 0, 46); sheet.set_column(1, 1, 20); sheet.set_column(3, 3, 72)
    row = 0
    sheet.write_row(row, 0, ["Headline Measure"] + theme["periods"], header); row += 1
    for m in theme["measures"]:
        sheet.write_string(row, 0, m["name"], text)
        for i, v in enumerate(m["values"]):
            sheet.write_string(row, 1 + i, v, text)
        row += 1
    row += 1
    sheet.write_row(row, 0, ["Goal", "Lead Agency", "Status", "Update"], header); row += 1
    for g in theme["goals"]:
        sheet.write_string(row, 0, g["text"], text)
        sheet.write_string(row, 1, " / ".join(g["leads"]), text)
        sheet.write_string(row, 2, g["status"], status[g["status"]])
        sheet.write_string(row, 3, "\n\n".join(g["update"]), text)
        row += 1
book.close()
