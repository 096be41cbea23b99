#!/usr/bin/python3
"""Fills in a return in LibreOffice Calc through its UNO bridge, as a person typing would, and
saves it as .xlsx the way Calc does. Run with Debian's /usr/bin/python3 (it has `uno`).

Usage: fill_libreoffice.py IN.xlsx OUT.xlsx 'JSON {"Goals": {"G5": "amber ", ...}, ...}' PROFILE_DIR PORT
Numbers are typed as numbers, strings as text (setString), "=..." never as formulas.
"""
import json
import os
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue

source, target, edits, profile, port = sys.argv[1], sys.argv[2], json.loads(sys.argv[3]), sys.argv[4], sys.argv[5]
office = subprocess.Popen([
    "soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore", "--nologo",
    f"--accept=socket,host=127.0.0.1,port={port};urp;"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for attempt in range(120):
        try:
            context = resolver.resolve(f"uno:socket,host=127.0.0.1,port={port};urp;StarOffice.ComponentContext")
            break
        except Exception:
            time.sleep(0.5)
    else:
        raise SystemExit("LibreOffice did not start")
    desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)

    def prop(name, value):
        p = PropertyValue()
        p.Name, p.Value = name, value
        return p

    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(source)), "_blank", 0, (prop("Hidden", True),))
    for sheet_name, cells in edits.items():
        sheet = doc.getSheets().getByName(sheet_name)
        for ref, value in cells.items():
            cell = sheet.getCellRangeByName(ref)
            if isinstance(value, (int, float)):
                cell.setValue(value)
            else:
                cell.setString(value)
    doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(target)), (prop("FilterName", "Calc MS Excel 2007 XML"),))
    doc.close(True)
finally:
    office.terminate()
    try:
        office.wait(timeout=20)
    except subprocess.TimeoutExpired:
        office.kill()
