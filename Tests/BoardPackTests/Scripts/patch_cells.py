#!/usr/bin/env python3
"""Rewrites cells of a workbook's XML by hand, for what spreadsheet programs write but openpyxl
and LibreOffice will not (Excel's shared and array formulas).

Usage: patch_cells.py IN.xlsx OUT.xlsx '[{"sheet": "Measures", "cell": "E5", "xml": "<c r=\\"E5\\">...</c>"}]'
Each named cell's <c> element (it must exist, as a return's input cells do) is replaced whole.
"""
import json
import re
import sys
import zipfile

source, target, edits = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
with zipfile.ZipFile(source) as z:
    parts = {name: z.read(name) for name in z.namelist()}
workbook = parts["xl/workbook.xml"].decode()
rels = parts["xl/_rels/workbook.xml.rels"].decode()
targets = dict(re.findall(r'<Relationship [^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"', rels))
targets.update({i: t for t, i in re.findall(r'<Relationship [^>]*?Target="([^"]+)"[^>]*?Id="([^"]+)"', rels)})
sheets = {name: rid for name, rid in re.findall(r'<sheet [^>]*?name="([^"]+)"[^>]*?r:id="([^"]+)"', workbook)}
for edit in edits:
    part = "xl/" + targets[sheets[edit["sheet"]]].lstrip("/").removeprefix("xl/")
    xml = parts[part].decode()
    pattern = re.compile(r'<c r="%s"(?:[^>]*?/>|[^>]*?>.*?</c>)' % re.escape(edit["cell"]), re.S)
    xml, count = pattern.subn(lambda _: edit["xml"], xml, count=1)
    if count != 1:
        sys.exit(f"no cell {edit['cell']} on {edit['sheet']}")
    parts[part] = xml.encode()
with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
    for name, data in parts.items():
        z.writestr(name, data)
