#!/usr/bin/env python3
"""Prints the bordered cells of a PDF printed by LibreOffice, with where their text sits, as JSON,
for tests of row heights: a cell whose text runs past its bottom border is cut; one with more
than a line of room under its text was sized too tall.

Usage: pdf_rows.py FILE.pdf
Output: {"cells": [{"page": P, "top": T, "bottom": B, "left": L, "right": R, "lines": N,
                    "textTop": TT, "textBottom": TB, "text": "..."}]}
Coordinates are PDF points from the page's foot (y grows upwards). A cell is the space between
the borders around a line of text: the nearest horizontal borders above and below it that span
it, and the nearest vertical ones to its left and right. "lines" counts the cell's lines of text.
"""
import json
import sys

from pdfminer.high_level import extract_pages
from pdfminer.layout import LTLine, LTRect, LTTextLine

cells = {}
for number, page in enumerate(extract_pages(sys.argv[1]), start=1):
    horizontal, vertical, lines = [], [], []

    def walk(item):
        if isinstance(item, LTTextLine):
            if item.get_text().strip():
                lines.append(item)
            return
        if isinstance(item, (LTLine, LTRect)):
            x0, y0, x1, y1 = item.bbox
            if y1 - y0 < 1.5 and x1 - x0 > 3:
                horizontal.append(((y0 + y1) / 2, x0, x1))
            elif x1 - x0 < 1.5 and y1 - y0 > 3:
                vertical.append(((x0 + x1) / 2, y0, y1))
            if isinstance(item, LTRect) and item.stroke and y1 - y0 >= 1.5 and x1 - x0 >= 1.5:
                horizontal.extend([(y0, x0, x1), (y1, x0, x1)])
                vertical.extend([(x0, y0, y1), (x1, y0, y1)])
            return
        if hasattr(item, "__iter__"):
            for child in item:
                walk(child)

    walk(page)
    for line in lines:
        middle_x, middle_y = (line.x0 + line.x1) / 2, (line.y0 + line.y1) / 2
        above = [y for y, x0, x1 in horizontal if y > middle_y and x0 - 1 <= middle_x <= x1 + 1]
        below = [y for y, x0, x1 in horizontal if y < middle_y and x0 - 1 <= middle_x <= x1 + 1]
        if not above or not below:
            continue  # not in a bordered table
        top, bottom = min(above), max(below)
        left = [x for x, y0, y1 in vertical if x <= line.x0 + 1 and y0 - 1 <= middle_y <= y1 + 1]
        right = [x for x, y0, y1 in vertical if x >= line.x1 - 1 and y0 - 1 <= middle_y <= y1 + 1]
        if not left or not right:
            continue
        key = (number, round(top, 1), round(bottom, 1), round(max(left), 1), round(min(right), 1))
        cell = cells.setdefault(key, {"page": number, "top": top, "bottom": bottom, "left": max(left), "right": min(right),
                                      "lines": 0, "textTop": line.y1, "textBottom": line.y0, "text": ""})
        cell["lines"] += 1
        cell["textTop"] = max(cell["textTop"], line.y1)
        cell["textBottom"] = min(cell["textBottom"], line.y0)
        cell["text"] += line.get_text()
json.dump({"cells": list(cells.values())}, sys.stdout)
