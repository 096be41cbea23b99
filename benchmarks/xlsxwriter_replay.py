#!/usr/bin/env python3
"""A peer for benchmarks/export: Python XlsxWriter writing the very cells and formats a
`boardpack export` wrote, read from its BOARDPACK_WRITE_TRACE record (the format is described
in Sources/XLSXWriter/WriteTrace.swift). benchmarks/floor.c does the same in C.

Usage: xlsxwriter_replay.py TRACE OUT.xlsx
"""
import sys

import xlsxwriter


def unescape(text):
    if "\\" not in text:
        return text
    out, i = [], 0
    while i < len(text):
        c = text[i]
        if c == "\\" and i + 1 < len(text):
            n = text[i + 1]
            out.append({"n": "\n", "t": "\t", "r": "\r"}.get(n, n))
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


book = xlsxwriter.Workbook(sys.argv[2])
formats = {}
sheet = None
with open(sys.argv[1], encoding="utf-8") as trace:
    for line in trace:
        f = line.rstrip("\n").split("\t")
        kind = f[0]
        if kind == "D":
            book.formats[0].set_font_name(f[1])
            book.formats[0].set_font_size(float(f[2]))
        elif kind == "S":
            sheet = book.add_worksheet(f[1])
        elif kind == "F":
            p = {}
            if f[2]: p["font_name"] = f[2]
            if f[3]: p["font_size"] = float(f[3])
            if f[4]: p["font_color"] = "#%06X" % int(f[4])
            if f[5] == "1": p["bold"] = True
            if f[6] == "1": p["italic"] = True
            if f[7] == "1": p["underline"] = 1
            if f[8]: p.update(pattern=1, bg_color="#%06X" % int(f[8]))
            if f[9]: p["num_format"] = unescape(f[9])
            if f[10] == "1": p["text_wrap"] = True
            if f[11] != "general": p["align"] = f[11]
            if f[12] == "center": p["valign"] = "vcenter"
            elif f[12] == "top": p["valign"] = "top"
            if int(f[13]) > 0: p["indent"] = int(f[13])
            if f[14]: p.update(border=1, border_color="#%06X" % int(f[14]))
            if f[15] == "1": p["locked"] = False
            formats[f[1]] = book.add_format(p)
        elif kind == "T":
            sheet.write_string(int(f[1]), int(f[2]), unescape(f[4]), formats.get(f[3]))
        elif kind == "N":
            sheet.write_number(int(f[1]), int(f[2]), float(f[4]), formats.get(f[3]))
        elif kind == "B":
            sheet.write_blank(int(f[1]), int(f[2]), None, formats.get(f[3]))
        elif kind == "M":
            sheet.merge_range(int(f[1]), int(f[2]), int(f[3]), int(f[4]), unescape(f[6]), formats.get(f[5]))
        elif kind == "C":
            sheet.set_column(int(f[1]), int(f[2]), float(f[3]), formats.get(f[4]))
        elif kind == "H":
            sheet.set_row(int(f[1]), float(f[2]))
book.close()
