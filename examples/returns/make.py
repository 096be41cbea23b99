#!/usr/bin/env python3
"""Makes the example returns: blank returns for the Kent 2012-13 end-of-year report, filled in
LibreOffice Calc (through UNO, as a person typing) the way each agency sent them back.

Usage (from the repository root):  python3 examples/returns/make.py [path/to/boardpack]
Needs Debian's libreoffice-calc and python3-uno, and openpyxl (only to find rows by id).
The answers follow the 2013 stock take: statuses as in the example report, proposals as in the
plan-refresh paper. Some are typed untidily on purpose ("green ", "R", 0.83 for 83%), one agency
(Skills Funding Agency) sends nothing, and Public Health leaves a Red goal without an update.
"""
import json
import os
import subprocess
import sys
import tempfile

import openpyxl

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HERE = os.path.join(ROOT, "examples", "returns")
REPORT = os.path.join(ROOT, "examples", "kent-medway-2012-13-end-of-year.json")
OFFICE = os.path.join(ROOT, "Tests", "TestSupport", "Scripts", "office.py")
boardpack = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build", "debug", "boardpack")

D, C, A = "Discharge", "Carry forward", "Amend"
ANSWERS = {
    "jppb.xlsx": {
        "goals": {
            "ACC-1a": ("Green", "Refreshed Offender Resettlement Protocol signed off by all partners in June 2013.", D, ""),
            "ACC-1b": ("red", "Minimum standard for private rented sector landlords still in draft; tenancy training not yet promoted.", D, ""),
            "ACC-1c": ("Green", "Supporting People needs analysis completed with JPPB input; revised services start in October.", D, ""),
            "ACC-2": ("Green ", "Priority groups are a standing item at KHOG and JPPB.", D, ""),
            "EE-6": ("Green", "Applications from ex-offenders are assessed case by case.", D, ""),
        },
    },
    "integrated-youth-services-kcc.xlsx": {
        "goals": {
            "ACC-3": ("Red", "Shortage of suitable accommodation for 16 / 17 year olds: Bed & Breakfast remains an option.", D, ""),
            "EE-1": ("Red", "ETE performance fell for both statutory and post statutory school age groups.", D, ""),
            "EE-3": ("Green", "Rapid English, ASDAN and iCompass programmes running; ten apprentice places added.", D, ""),
            "EE-6": ("Green", "", D, ""),
        },
        "measures": {"ACC-M3": "81.8%", "EE-M2": "72.4%", "EE-M3": "60.8%", "EE-M4": "65.8%", "SM-M3": "tbc", "MH-M3": "tbc"},
    },
    "medway-youth-offending-team.xlsx": {
        "goals": {"EE-6": ("G", "", D, "")},
        "measures": {"ACC-M2": "Approx. 98%", "SM-M2": "tbc", "MH-M2": "tbc"},
    },
    "jobcentre-plus.xlsx": {
        "goals": {
            "EE-2": ("Green", "177 offenders took part in four Flexible Support Fund projects; 115 moved into employment.", C, ""),
            "EE-5": ("Green", "9,900 Kent employers now advertise through Universal Jobmatch.", A,
                     "Continue to build and strengthen current links and processes to increase the numbers of potential employers, to therefore increase the number of offenders in employment (in support of headline measure)"),
            "EE-6": ("Green", "", D, ""),
        },
    },
    "kent-probation.xlsx": {
        "goals": {
            "EE-3": ("Green", "Literacy and numeracy assessment now part of induction.", D, ""),
            "EE-4": ("R", "Scale of need not yet explored; no review possible this year.", D, ""),
            "EE-6": ("Green", "", D, ""),
        },
        "measures": {"ACC-M1": 0.83, "EE-M1": "46%", "MH-M1": "14.0%"},
    },
    "commissioned-services-kcc.xlsx": {
        "goals": {
            "SM-1": ("Green", "Dual diagnosis protocol ratified; workshops held in June and July 2013.", D, ""),
            "SM-2": ("Green", "Services recommissioned in line with the JSNA and performance monitored.", D, ""),
            "SM-3": ("Red", "Roll-out blocked by the licensed equipment contract; awaiting the full year evaluation.", D, ""),
            "SM-4": ("Red", "Awaiting the independent evaluation of the national PbR pilot.", D, ""),
            "EE-6": ("Green", "", D, ""),
        },
        "measures": {"SM-M1": "574"},
    },
    "public-health-nhs-kent.xlsx": {
        "goals": {
            "MH-1": ("Red", "Briefs prepared for CCGs; data sharing with Probation still to agree.", A,
                     "Continue focus to increase number of offenders in community registered with a GP. Ensure that these registrations are there recorded accurately in the ICMS system for tracking"),
            "MH-2": ("Red", "", D, ""),
            "MH-3": ("Red", "No update received from the commissioner.", D, ""),
            "MH-4": ("Red", "Work underway with CCGs and NHS England.", D, ""),
            "EE-6": ("Green", "", D, ""),
        },
    },
}


def layout(path):
    """Goal and measure rows by id, and each header's column letter, read from the blank return."""
    wb = openpyxl.load_workbook(path)
    out = {}
    for sheet, id_header in (("Goals", "Goal ID"), ("Measures", "Measure ID")):
        ws = wb[sheet]
        header = next(r for r in ws.iter_rows() if any(c.value == id_header for c in r))
        columns = {c.value: c.column_letter for c in header if c.value}
        rows = {ws.cell(row=r, column=1).value: r for r in range(header[0].row + 1, ws.max_row + 1)}
        out[sheet] = (columns, rows)
    return out


def edit(sheet, cell, value):
    """Strings are put in as text and numbers as numbers, as a person pasting them would."""
    return {"sheet": sheet, "cell": cell, ("number" if isinstance(value, (int, float)) else "text"): value}


with tempfile.TemporaryDirectory() as work:
    blank = os.path.join(work, "blank")
    subprocess.run([boardpack, "returns", REPORT, "-o", blank, "--deadline", "Friday 12 July 2013"],
                   check=True, stdout=subprocess.DEVNULL)
    # One LibreOffice for every return, in a process group of its own; closing its input ends it.
    office = subprocess.Popen(["/usr/bin/python3", OFFICE, os.path.join(work, "office")], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True, start_new_session=True)
    try:
        assert json.loads(office.stdout.readline()).get("ready"), "LibreOffice did not start"
        for name, answers in sorted(ANSWERS.items()):
            source = os.path.join(blank, name)
            sheets = layout(source)
            edits = []
            columns, rows = sheets["Goals"]
            for goal_id, (status, update, proposal, wording) in answers.get("goals", {}).items():
                r = rows[goal_id]
                for header, value in (("Status", status), ("Update", update), ("Proposal", proposal), ("Proposed Wording", wording)):
                    if value:
                        edits.append(edit("Goals", f"{columns[header]}{r}", value))
            columns, rows = sheets["Measures"]
            for measure_id, value in answers.get("measures", {}).items():
                edits.append(edit("Measures", f"{columns['Value']}{rows[measure_id]}", value))
            request = {"op": "fill", "in": source, "out": os.path.join(HERE, name), "edits": edits}
            office.stdin.write(json.dumps(request) + "\n")
            office.stdin.flush()
            reply = json.loads(office.stdout.readline())
            if not reply.get("ok"):
                raise SystemExit(f"{name}: {reply.get('error')}")
            print("wrote", name)
    finally:
        office.stdin.close()
        office.wait(timeout=60)
