#!/usr/bin/env python3
"""Makes the example returns of the worked chain: the Kent 2012-13 end of year rolled into
2013-14 Q1 with the plan refresh (boardpack next), its blank returns (boardpack returns), each
filled in LibreOffice Calc as an officer types (through UNO, UK locale) the way each agency sent
it back.

Usage (from the repository root):  python3 examples/returns/make.py [path/to/boardpack]
Needs Debian's libreoffice-calc and python3-uno (Tests/TestSupport/Scripts/office.py drives it).

The 2013-14 Q1 answers are illustrative: the seed papers stop at the 2013 stock take. Some are
typed untidily on purpose ("amber ", "G", "r"), the Skills Funding Agency sends nothing, Public
Health leaves a Red goal without an update, the IOM Team forgets the date, and Kent Probation
and Public Health disagree about their shared goal MH-1.
"""
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HERE = os.path.join(ROOT, "examples", "returns")
OFFICE = os.path.join(ROOT, "Tests", "TestSupport", "Scripts", "office.py")
boardpack = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build", "debug", "boardpack")

# agency file: (completed by, date, {goal: (status, update)}, {measure: figure})
ANSWERS = {
    "jppb.xlsx": ("Chair, Joint Policy and Planning Board (Housing)", "08/07/2013", {
        "ACC-5": ("Green", "The protocol was rolled out across Kent Probation, Kent prisons and the housing authorities in June."),
        "ACC-6": ("amber ", "Kent Homechoice reporting is agreed; the first quarter's figures are due in August."),
        "ACC-7": ("Green", ""),
        "ACC-8": ("Red", "The Maidstone model has not been costed for the other districts; the JPPB will look at it again in October."),
    }, {}),
    "integrated-youth-services-kcc.xlsx": ("Head of Youth Offending, KCC", "10/07/2013", {
        "YP-1": ("Green", "Work plan actions are on track; the quarterly report went to the Youth Justice Board in July."),
        "YP-2a": ("Amber", "The gap analysis started in June; a draft is due in September."),
        "YP-2b": ("amber", "Waits on the gap analysis (YP-2a)."),
    }, {"ACC-M3": "82.1%", "EE-M2": "73%", "EE-M3": "61.5%", "EE-M4": "66.2%", "SM-M3": "tbc", "MH-M3": "tbc"}),
    "medway-youth-offending-team.xlsx": ("Medway YOT manager", "09/07/2013", {},
        {"ACC-M2": "Approx. 98%", "SM-M2": "tbc", "MH-M2": "n/a"}),
    "jobcentre-plus.xlsx": ("Partnership Manager, Jobcentre Plus", "11/07/2013", {
        "EE-2": ("G", "Flexible Support Fund projects continue; 41 offenders started training this quarter."),
        "EE-5": ("Green", "Universal Jobmatch now lists 10,300 Kent employers; two employer events were held with Probation."),
        "EE-7": ("Amber", "Intensive support is running in two of the four IOM areas; the rest start in October."),
        "FBD-2a": ("Amber", "62% of the IOM cohort have an account; a bank has agreed to open basic accounts at the Jobcentre."),
        "FBD-2b": ("r", "Only 31% can claim online; library access for IOM offenders is being negotiated."),
    }, {}),
    "kent-probation.xlsx": ("Performance Manager, Kent Probation", "12/07/2013", {
        "MH-1": ("Green", "GP registration is now recorded in the case management system for every new case."),
        "FBD-1a": ("Green", "The Welfare Reform Offender Risk Register is compiled and shared with partners."),
        "FBD-1b": ("Amber", "Action plans are drafted for the three highest risks; sign-off in August."),
        "RD-1": ("Green", "Analysis of the 24 to 36 age range is under way with Kent Police."),
    }, {"ACC-M1": "84%", "EE-M1": "47%", "MH-M1": "15.2%"}),
    "commissioned-services-kcc.xlsx": ("Commissioning Officer, KCC", "12/07/2013", {
        "ACC-4": ("Green", "Supporting People funding for offender services is held at its 2012-13 level."),
        "SM-5": ("Green", "In cell coverage now runs until 2am at Medway and Maidstone custody suites."),
        "SM-6": ("Amber", "Prison link workers start in HMP Elmley in August; Swaleside follows."),
        "SM-7": ("Green", "The scheme's first 60 referrals have been reviewed; a report goes to the board in October."),
        "SM-8": ("Amber", "The national evaluation of the pilot is delayed to the autumn."),
        "SM-9": ("Green", "Requirement take-up is reviewed monthly with the courts."),
    }, {"SM-M1": "601"}),
    "public-health-nhs-kent.xlsx": ("Public Health Specialist, NHS Kent", "12/07/2013", {
        "MH-1": ("Red", "Registration data is still not shared with Probation, so the increase cannot be measured."),
        "MH-5": ("Amber", "The COHN assessment questionnaire is agreed; fieldwork starts in August."),
        "MH-6": ("Red", ""),
        "MH-7": ("Green", "Health now attends the IOM panels in West Kent."),
    }, {}),
    "iom-team.xlsx": ("IOM Coordinator", "", {
        "MH-7": ("Green", "Health representatives attend panels in West Kent; East Kent from September."),
        "IOM-1": ("Green", "Business plan milestones for the quarter were met."),
        "IOM-2a": ("Amber", "The audit's good practice notes are written; roll-out starts in September."),
        "IOM-2b": ("Green", "Kent and Medway rates are compared in the new quarterly dashboard."),
    }, {}),
    "kent-police.xlsx": ("Analyst, Kent Police", "12/07/2013", {
        "RD-1": ("Green", "Reoffending data for the 24 to 36 age range has been shared with Probation."),
    }, {}),
}


def dump(path, sheet):
    """The sheet's rows, or none when the return has no such sheet (no Measures sheet when no
    figure is asked)."""
    run = subprocess.run([boardpack, "dump", path, "--sheet", sheet], capture_output=True, text=True)
    if run.returncode != 0:
        if "no sheet" in run.stderr.lower():
            return []
        raise SystemExit(run.stderr)
    return json.loads(run.stdout)["sheets"][0]["rows"]


def cells(path):
    """Each key's cell on a blank return, and the Instructions' signature cells."""
    found = {}
    for sheet in ("Goals", "Measures"):
        rows = dump(path, sheet)
        header = next((r for r in rows if r and r[0] == "Key"), None)
        if header is None:  # nothing asked on this sheet
            continue
        value = next((i for i, h in enumerate(header) if isinstance(h, str) and h.startswith("Value")), 1)
        for number, row in enumerate(rows, start=1):
            if row and isinstance(row[0], str) and "|" in row[0]:
                column = "B" if sheet == "Goals" else chr(ord("A") + value)
                found[row[0]] = (sheet, f"{column}{number}")
    for number, row in enumerate(dump(path, "Instructions"), start=1):
        if row and row[0] in ("Completed by", "Date completed"):
            found[row[0]] = ("Instructions", f"B{number}")
    return found


with tempfile.TemporaryDirectory() as work:
    report = os.path.join(work, "q1.json")
    subprocess.run([boardpack, "next", os.path.join(ROOT, "examples", "kent-medway-2012-13-end-of-year.json"),
                    "--period", "2013-14 Q1", "--plan-refresh", os.path.join(ROOT, "examples", "kent-medway-2013-14-plan-refresh.json"),
                    "-o", report], check=True, stdout=subprocess.DEVNULL)
    blank = os.path.join(work, "blank")
    subprocess.run([boardpack, "returns", report, "-o", blank, "--deadline", "Friday 12 July 2013"],
                   check=True, stdout=subprocess.DEVNULL)
    # One LibreOffice for every return, in a process group of its own; closing its input ends it.
    office = subprocess.Popen(["/usr/bin/python3", OFFICE, os.path.join(work, "office")], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True, start_new_session=True)
    try:
        assert json.loads(office.stdout.readline()).get("ready"), "LibreOffice did not start"
        for name, (who, date, goals, figures) in sorted(ANSWERS.items()):
            source = os.path.join(blank, name)
            at = cells(source)
            edits = []

            def typed(key, text):
                if text:
                    sheet, cell = at[key]
                    edits.append({"sheet": sheet, "cell": cell, "type": text})

            for goal, (status, update) in goals.items():
                typed(f"{goal}|status", status)
                typed(f"{goal}|update", update)
            for measure, figure in figures.items():
                typed(f"{measure}|figure", figure)
            typed("Completed by", who)
            typed("Date completed", date)
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
