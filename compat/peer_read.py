#!/usr/bin/env python3
"""Reads every cell of a workbook with a peer reader and prints it in `boardpack dump`'s form.

Usage: peer_read.py calamine|openpyxl FILE

Prints one JSON object: {"seconds": S, "sheets": [{"name": N, "rows": [[value, ...], ...]}]}
or {"error": "..."} when the peer cannot read the file.

Each value is turned into what boardpack's dump contract says the cell should print as, so the
two can be compared with ==: None for an empty cell, numbers, booleans, text, and
  a date                   "2013-07-17"
  a date and time          "2013-07-17T14:30:05" (".25" when it has milliseconds; a date at
                           midnight prints as the date)
  a time of day            "14:30:05" (".25" likewise)
  an elapsed duration      ISO 8601: "PT255H10M10S", "-PT1H30M", "PT0.5S"
The peers' own types say which is which: python-calamine and openpyxl both return
datetime.date / datetime / time / timedelta from the cell's number format.
"""
import datetime
import json
import resource
import sys
import time


def millis(ms):
    """The ".25" part of a time: milliseconds as a decimal fraction, trailing zeros dropped."""
    return "" if ms == 0 else "." + ("%03d" % ms).rstrip("0")


def canonical(value):
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return value
    if isinstance(value, datetime.datetime):
        # Round microseconds to milliseconds, as the dump does (Excel keeps no more).
        value = value + datetime.timedelta(microseconds=500) - datetime.timedelta(microseconds=(value.microsecond + 500) % 1000)
        ms = value.microsecond // 1000
        if (value.hour, value.minute, value.second, ms) == (0, 0, 0, 0):
            return value.date().isoformat()
        return value.strftime("%Y-%m-%dT%H:%M:%S") + millis(ms)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, datetime.time):
        ms = round(value.microsecond / 1000)
        if ms == 1000:  # 23:59:59.9996 rounds into the next second
            seconds = value.hour * 3600 + value.minute * 60 + value.second + 1
            return "%02d:%02d:%02d" % (seconds // 3600 % 24, seconds // 60 % 60, seconds % 60)
        return value.strftime("%H:%M:%S") + millis(ms)
    if isinstance(value, datetime.timedelta):
        total_ms = round(value.total_seconds() * 1000)
        sign = "-" if total_ms < 0 else ""
        total_ms = abs(total_ms)
        hours, rest = divmod(total_ms, 3_600_000)
        minutes, rest = divmod(rest, 60_000)
        seconds, ms = divmod(rest, 1000)
        text = ""
        if hours:
            text += "%dH" % hours
        if minutes:
            text += "%dM" % minutes
        if seconds or ms or not text:
            text += ("%d" % seconds) + millis(ms) + "S"
        return sign + "PT" + text
    return str(value)


def trimmed(rows):
    """Rows without trailing empty cells, and no trailing empty rows: as the dump prints them."""
    out = []
    for row in rows:
        row = [canonical(v) for v in row]
        while row and row[-1] is None:
            row.pop()
        out.append(row)
    while out and not out[-1]:
        out.pop()
    return out


def calamine(path):
    from python_calamine import CalamineWorkbook
    book = CalamineWorkbook.from_path(path)
    sheets = []
    for name in book.sheet_names:
        sheet = book.get_sheet_by_name(name)
        # From A1, as the dump gives rows and columns (calamine otherwise starts at the first cell used).
        sheets.append({"name": name, "rows": trimmed(sheet.to_python(skip_empty_area=False))})
    return sheets


def openpyxl_sheets(path):
    import openpyxl
    try:
        book = openpyxl.load_workbook(path, read_only=False, data_only=True)
    except Exception:
        # Some files openpyxl reads only in its streaming mode (it fails binding their styles).
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    sheets = []
    for ws in book.worksheets:
        if hasattr(ws, "_cells"):
            # The cells it holds, not its declared dimension: a sheet that claims A1:XFD1048576
            # would otherwise be walked cell by cell.
            grid = {}
            for (r, c), cell in ws._cells.items():
                grid.setdefault(r, {})[c] = cell.value
            rows = [[grid.get(r, {}).get(c) for c in range(1, max(grid.get(r, {0: None})) + 1)] for r in range(1, max(grid, default=0) + 1)]
        else:
            rows = []
            for row in ws.iter_rows(values_only=False):
                cells = [c for c in row if getattr(c, "value", None) is not None]
                if not cells:
                    continue
                r = cells[0].row
                while len(rows) < r:
                    rows.append([])
                line = rows[r - 1]
                for c in cells:
                    while len(line) < c.column:
                        line.append(None)
                    line[c.column - 1] = c.value
        sheets.append({"name": ws.title, "rows": trimmed(rows)})
    return sheets


def main():
    peer, path = sys.argv[1], sys.argv[2]
    # A peer that runs away with memory fails this file, not the machine.
    resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))
    start = time.perf_counter()
    try:
        sheets = calamine(path) if peer == "calamine" else openpyxl_sheets(path)
    except Exception as error:  # the peer's own refusal, reported as data
        print(json.dumps({"error": "%s: %s" % (type(error).__name__, str(error).splitlines()[0] if str(error) else "")}))
        return
    print(json.dumps({"seconds": time.perf_counter() - start, "sheets": sheets}, default=str))


if __name__ == "__main__":
    main()
