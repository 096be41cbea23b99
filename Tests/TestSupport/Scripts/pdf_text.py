#!/usr/bin/env python3
"""Prints what a PDF shows, page by page, as JSON, for tests of printed pages.

Usage: pdf_text.py FILE.pdf
Output: {"pages": [{"width": W, "height": H, "minSize": S, "maxSize": L, "text": "...", "small": [[size, "text"], ...],
                    "lines": [[bottom, "text"], ...]}]}
Sizes come from pdfminer.six: each character's size in points with the page's scaling included
(a sheet fitted to the page at 64% prints 10 pt text at 6.4 pt). "text" is every character in
reading order; "small" lists runs of text under 9 pt, so a failing test can say what it was; "lines" gives each
line of text with the height of its foot above the page's, for what is printed where.
"""
import json
import sys

from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar, LTTextLine

pages = []
for page in extract_pages(sys.argv[1]):
    sizes, small, lines, placed = [], [], [], []

    def walk(item):
        if isinstance(item, LTTextLine):
            chars = [c for c in item if isinstance(c, LTChar)]
            lines.append(item.get_text())
            placed.append([round(item.y0, 1), item.get_text().strip()])
            for c in chars:
                sizes.append(c.size)
            low = [c for c in chars if c.size < 9 and c.get_text().strip()]
            if low:
                small.append([round(min(c.size for c in low), 2), "".join(c.get_text() for c in low)[:80]])
            return
        if hasattr(item, "__iter__"):
            for child in item:
                walk(child)

    walk(page)
    pages.append({"width": page.width, "height": page.height, "minSize": round(min(sizes), 2) if sizes else None,
                  "maxSize": round(max(sizes), 2) if sizes else None,
                  "text": "".join(lines), "small": small, "lines": placed})
json.dump({"pages": pages}, sys.stdout)
