#!/usr/bin/python3
"""One LibreOffice Calc that tests (and examples/returns/make.py) drive for many files.

Run with Debian's /usr/bin/python3, which has the `uno` module:
    office.py FOLDER
It starts soffice in its own process group (the caller's, when the caller made one for it) with a
private profile under FOLDER, talks to it through a named pipe (no TCP port to collide with), and
answers one JSON request per line on standard input with one JSON reply per line on standard output:

    {"op": "convert", "in": PATH, "out": PATH, "filter": "calc_pdf_Export", "options": "..."}
    {"op": "fill", "in": PATH, "out": PATH, "edits": [EDIT, ...]}
    {"op": "quit"}

An EDIT is {"sheet": "Goals", "cell": "G5", KIND: VALUE} with KIND one of
    "type"    typed at the keyboard and confirmed with Enter: "=..." becomes a formula, "81%" a
              percentage, "30/06/2013" a date (the profile's locale is en-GB), a text cell keeps text
    "text"    put in as text whatever it looks like (a paste of unformatted text)
    "number"  a number
    "formula" a formula, written in English function names
    "merge"   the range given (e.g. "G5:G6") merged into one cell, as Format > Merge Cells does
    "unprotect"  the sheet unprotected (Tools > Protect Sheet, which has no password); "cell" unused
    "insertRows" that many empty rows inserted above the cell's row (Sheet > Insert Rows > Above)
    "deleteRows" that many rows deleted from the cell's row down (Sheet > Delete Rows)
    "moveRowAbove" the cell's row cut and inserted above the row of the cell named (as Cut,
              Insert Rows Above and Paste do): e.g. {"cell": "A14", "moveRowAbove": "A12"}; a
              range's rows move together: {"cell": "A20:A26", "moveRowAbove": "A12"}
    "insertColumns" that many empty columns inserted left of the cell's column (Sheet > Insert
              Columns > Before)
Replies are {"ok": true} or {"ok": false, "error": "..."}.

When standard input closes (the test process ended or was killed), the office is ended too.
"""
import json
import os
import signal
import subprocess
import sys
import time
import uuid

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


class Office:
    def __init__(self, folder):
        self.profile = os.path.join(folder, "profile")
        self.pipe = "boardpack-" + uuid.uuid4().hex
        self.process = None
        self.desktop = None

    def _soffice(self, *extra):
        return ["soffice", f"-env:UserInstallation=file://{self.profile}", "--headless", "--invisible",
                "--norestore", "--nologo", "--nodefault", "--nolockcheck", *extra]

    def warm(self):
        """A new profile makes LibreOffice restart itself once; do that before serving."""
        if not os.path.isdir(os.path.join(self.profile, "user")):
            subprocess.run(self._soffice("--terminate_after_init"), stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, timeout=120, check=False)

    def start(self):
        self.warm()
        self.process = subprocess.Popen(
            self._soffice(f"--accept=pipe,name={self.pipe};urp;StarOffice.ComponentContext"),
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        deadline = time.monotonic() + 90
        while True:
            try:
                context = resolver.resolve(f"uno:pipe,name={self.pipe};urp;StarOffice.ComponentContext")
                break
            except Exception:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("LibreOffice did not start")
                time.sleep(0.1)
        self.context = context
        self.desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        self._set_locale("en-GB")

    def _set_locale(self, locale):
        provider = self.context.ServiceManager.createInstanceWithContext(
            "com.sun.star.configuration.ConfigurationProvider", self.context)
        access = provider.createInstanceWithArguments(
            "com.sun.star.configuration.ConfigurationUpdateAccess", (prop("nodepath", "/org.openoffice.Setup/L10N"),))
        access.setPropertyValue("ooSetupSystemLocale", locale)
        access.commitChanges()

    def stop(self):
        if self.process is None:
            return
        try:
            if self.desktop is not None:
                self.desktop.terminate()
        except Exception:
            pass  # the bridge closes as the office ends
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process = None
        self.desktop = None

    def load(self, path):
        doc = self.desktop.loadComponentFromURL(
            uno.systemPathToFileUrl(os.path.abspath(path)), "_blank", 0, (prop("Hidden", True),))
        if doc is None:
            raise RuntimeError(f"LibreOffice could not open {path}")
        return doc

    def store(self, doc, path, filter_name, options=None):
        args = [prop("FilterName", filter_name), prop("Overwrite", True)]
        if options:
            args.append(prop("FilterOptions", options))
        doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(path)), tuple(args))

    def convert(self, request):
        doc = self.load(request["in"])
        try:
            self.store(doc, request["out"], request["filter"], request.get("options"))
        finally:
            doc.close(True)

    @staticmethod
    def move_rows(sheet, source, target):
        """Rows source.StartRow...EndRow (0-based) moved to sit above row `target` (0-based)."""
        first, last = source.StartRow, source.EndRow
        count = last - first + 1
        sheet.getRows().insertByIndex(target, count)
        if target <= first:
            first, last = first + count, last + count
        whole = sheet.getCellRangeByPosition(0, first, sheet.getColumns().getCount() - 1, last).getRangeAddress()
        destination = sheet.getCellByPosition(0, target).getCellAddress()
        sheet.moveRange(destination, whole)
        sheet.getRows().removeByIndex(first, count)

    def fill(self, request):
        doc = self.load(request["in"])
        try:
            frame = doc.getCurrentController().getFrame()
            dispatcher = self.context.ServiceManager.createInstanceWithContext(
                "com.sun.star.frame.DispatchHelper", self.context)
            for edit in request["edits"]:
                sheet = doc.getSheets().getByName(edit["sheet"])
                cell = sheet.getCellRangeByName(edit["cell"])
                if "type" in edit:
                    doc.getCurrentController().setActiveSheet(sheet)
                    dispatcher.executeDispatch(frame, ".uno:GoToCell", "", 0, (prop("ToPoint", edit["cell"]),))
                    dispatcher.executeDispatch(frame, ".uno:EnterString", "", 0, (prop("StringName", edit["type"]),))
                elif "text" in edit:
                    cell.setString(edit["text"])
                elif "number" in edit:
                    cell.setValue(edit["number"])
                elif "formula" in edit:
                    cell.setFormula(edit["formula"])
                elif "merge" in edit:
                    cell.merge(True)
                elif "unprotect" in edit:
                    sheet.unprotect("")
                elif "insertRows" in edit:
                    sheet.getRows().insertByIndex(cell.getCellAddress().Row, edit["insertRows"])
                elif "deleteRows" in edit:
                    sheet.getRows().removeByIndex(cell.getCellAddress().Row, edit["deleteRows"])
                elif "insertColumns" in edit:
                    sheet.getColumns().insertByIndex(cell.getRangeAddress().StartColumn, edit["insertColumns"])
                elif "moveRowAbove" in edit:
                    target = sheet.getCellRangeByName(edit["moveRowAbove"]).getCellAddress().Row
                    self.move_rows(sheet, cell.getRangeAddress(), target)
                else:
                    raise RuntimeError(f"unknown edit {edit}")
            self.store(doc, request["out"], "Calc MS Excel 2007 XML")
        finally:
            doc.close(True)


def main():
    # Signals blocked or ignored by whoever started us must not reach the office.
    signal.pthread_sigmask(signal.SIG_SETMASK, set())
    office = Office(sys.argv[1])
    try:
        office.start()
        print(json.dumps({"ok": True, "ready": True}), flush=True)
        for line in sys.stdin:
            request = json.loads(line)
            if request.get("op") == "quit":
                break
            try:
                getattr(office, request["op"])(request)
                reply = {"ok": True}
            except Exception as error:  # reported to the test, which fails with it
                reply = {"ok": False, "error": f"{type(error).__name__}: {error}"}
            print(json.dumps(reply), flush=True)
    finally:
        office.stop()
    # Leave without running pyuno's finalisers: they can crash once the bridge is gone.
    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    main()
