#!/usr/bin/env python3
"""Compares each example report with the board paper it was transcribed from: every figure must
appear in the paper, and every text (goal wording, updates, measure names, introductions,
comments, decisions, risks, statistics) must be the paper's own words, sentence by sentence.
What the transcriber wrote (the description, caveats, ids, and the names given to figures the
paper gives in running text) is listed below as EDITORIAL, each with why; anything else not
found in the paper is reported, and the script exits 1.

Usage (from the repository root):  python3 examples/check-against-papers.py [SEEDS_FOLDER]
SEEDS_FOLDER defaults to ../shared/seeds (the papers are not part of the repository).
"""
import glob
import html
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEEDS = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "seeds")

PAPERS = {
    # The progress report is Appendix A of the stock take (001), whose cover names the plan, the
    # board and the audience; the principles and priority groups are the plan's own (002).
    "kent-medway-2012-13-end-of-year.json": ["000_", "001_", "002_"],
    "kent-medway-2013-14-plan-refresh.json": ["001_"],
    "kmrob-2019-20.json": ["003_"],
    "leicestershire-2013-reoffending.json": ["004_"],
}

# Texts of the examples that are the transcriber's, not the paper's, and why.
EDITORIAL = {
    "kmrob-2019-20.json": {
        "IOM cohort": "names the figure of 'On the 26th July 2019 the IOM cohort was at 245'",
        "Female members of the cohort": "names the figure of '2 of the cohort are female'",
        "Managed by youth teams": "names the figure of '14 (5.7%) are managed by youth teams'",
        "% managed by youth teams": "names the figure of '14 (5.7%) are managed by youth teams'",
        "% of the cohort in the serious acquisitive crime group": "names the same line's 38.0%",
        "Individuals in custody": "names the figure of '111 individuals (45.3%) are in custody'",
        "% of the cohort in custody": "names the same line's 45.3%",
        "Adults currently living in the community": "names the figure of '126 adults and 8 youths are currently living in the community'",
        "Youths currently living in the community": "names the same line's 8",
        "Reduction in offending, adult cohort (collectively)": "names the figure of 'The adult cohort has collectively reduced their offending by 40.0%'",
        "Reduction in offending, youth cohort": "names the figure of 'The youth cohort has measured a 63.0% reduction in offending'",
        "Offences committed in the last 3 months": "names the figure of 'In the last 3 months, 69 offences have been committed by 23 adults and 4 youths'",
        "Adults who committed them": "names the same line's 23",
        "Youths who committed them": "names the same line's 4",
        "Members of the cohort who committed knife offences": "names the figure of '19 members of the cohort have committed 25 knife offences over the past 3 years'",
        "Knife offences committed by them": "names the same line's 25",
        "Recommendations": "the paper's heading of section 3, kept as the decision's subject",
        "Key statistics that KCSP may be interested regarding the IOM cohort in Kent and Medway are below": "the paper's sentence, which ends 'are:' before its list; the list is the theme's headline measures below it",
        "Kent Community Safety Partnership, 8th October 2019": "the paper's heading and its date, as one line",
    },
    "leicestershire-2013-reoffending.json": {
        "Criminal Justice Liaison and Diversion Service (CJLDS)": "names item 5a by its service",
        "Improved Access to Psychological Therapies (IAPT) pilot for city offenders": "names item 5b by its pilot",
        "Community-based Personality Disorder Service for offenders": "names item 5c by its service",
        "'Triage Car' pilot": "names item 5d by its pilot",
        "Health Trainers Team for Offenders": "names item 5e",
        "Offender health needs survey to inform the Joint Needs Assessment": "names item 5f",
        "Comprehensive review of local IOM arrangements, to be completed by March 2014": "paragraph 7's review, as a goal",
        "Increase in red tier nominals in the first 6 months": "names paragraph 23's '10% increase in red tier nominals'",
        "Referrals accepted (police and probation, each)": "names paragraph 24's 'over 90% success in having referrals accepted'",
        "Recommendation": "the paper's heading, kept as the decision's subject",
        "Caseload": "paragraph 22's heading, before its comment",
        "Spread of risk": "paragraph 23's heading, before its comment",
        "Referrals": "paragraph 24's heading, before its comment",
        "Engagement": "paragraph 25's heading, before its comment",
        "Criminogenic Needs Assessment": "paragraph 26's heading, before its comment",
        "Reoffending rate": "paragraph 17's heading, before its text",
        "Commissioning update": "paragraph 27's heading, before its text",
        "Appendices": "the paper's heading, before the list of appendices",
        "Background papers": "the paper's heading",
        "None": "what the paper lists under Background papers",
        "Implications": "the paper's heading, before its table",
        "Leicestershire Police & Crime Panel, Friday 13 December 2013 – 2.00 p.m": "the paper's heading and date, as one line",
        "Leicestershire Police and Crime Plan 2013-2017": "the plan the paper names ('the Police and Crime Plan 2013-2017'), with its force's name",    },
    "kent-medway-2013-14-plan-refresh.json": {
        "Finance, Benefits and Debt has been highlighted from Board discussion as a possible addition to the current Interventions included within the plan": "the paper's sentence, without its closing 'as follows:'",
        "Annual stock take and proposed plan refresh": "the paper's 'Annual stock take: End of year progress review; Proposed plan refresh', as a title",
        "Kent Community Safety Partnership, 17 July 2013": "the paper's heading and its date, as one line",
        "Support delivery of IOM Business Plan 2013 - 2014": "the paper's text has '2013 2014', a dash lost in it",        "propose that this headline measure remains for plan refresh": "the paper's note on each headline measure, as printed beside them",
    },
    "kent-medway-2012-13-end-of-year.json": {},
}

# Fields that are the transcriber's throughout: what the file is, and why parts are caveated.
SKIPPED_FIELDS = {"description", "reason", "id", "about", "shortName", "label", "date", "name_of_agency"}


def normalise(text):
    text = re.sub(r"</?sup>", "", text)  # "25<sup>th</sup>"
    text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    text = re.sub(r"\(\s+", "(", re.sub(r"\s+\)", ")", text))  # "( <b>statutory school age</b> )"
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"').replace("–", "-").replace("—", "-")
    text = re.sub(r"[•·]", " ", text)
    text = re.sub(r"\s+", " ", text).lower()
    # Words the PDF extraction ran together or split ("ex-offenders" / "exoffenders").
    return text.replace("- ", "-")


def paper(example):
    texts = []
    for prefix in PAPERS[example]:
        for path in glob.glob(os.path.join(SEEDS, prefix + "*.txt")):
            text = open(path, encoding="utf-8").read()
            # The page headings the papers' text carries inside sentences a page break cut.
            texts.append(re.sub(r"(?m)^#* *Appendix A *$", " ", text))
    if not texts:
        raise SystemExit(f"no paper for {example} in {SEEDS}")
    return normalise("\n".join(texts))


def fragments(text):
    """A text's sentences and list items, each long enough to be the paper's own words."""
    parts = re.split(r"(?<=[.;:!?])\s+|\n+|\s+\d\)\s+|•|\s+–\s+(?=[A-Z])", text)
    return [p.strip(" .;:") for p in parts if len(p.strip(" .;:").split()) >= 1]


def walk(value, path, texts, figures):
    if isinstance(value, dict):
        if set(value) >= {"text"} and ("number" in value or "significant" in value):
            figures.append((path, value["text"]))
            return
        for key, child in value.items():
            if key in SKIPPED_FIELDS or key in ("status", "code", "fill", "font", "caveats", "sources", "returns", "history", "statusScheme", "agencies", "authors", "produced", "period", "periods", "columns", "leads", "supplier", "agency", "format", "kind", "better", "action", "group"):
                continue
            if key in ("values",):
                for i, v in enumerate(child):
                    if v is not None:
                        figures.append((f"{path}.values[{i}]", v["text"] if isinstance(v, dict) else v))
                continue
            if key == "target":
                figures.append((f"{path}.target.value", child["value"] if isinstance(child["value"], str) else child["value"]["text"]))
                if "description" in child:
                    texts.append((f"{path}.target.description", child["description"]))
                continue
            walk(child, f"{path}.{key}" if path else key, texts, figures)
    elif isinstance(value, list):
        for i, child in enumerate(value):
            walk(child, f"{path}[{i}]", texts, figures)
    elif isinstance(value, str):
        texts.append((path, value))


def check(example):
    report = json.load(open(os.path.join(ROOT, "examples", example), encoding="utf-8"))
    source = paper(example)
    texts, figures = [], []
    walk(report, "", texts, figures)
    editorial = EDITORIAL.get(example, {})
    used = set()
    missing = []
    for path, text in texts:
        for part in fragments(text):
            if part in editorial:
                used.add(part)
                continue
            if normalise(part) not in source:
                missing.append(f"{path}: \"{part[:90]}\" is not in the paper")
    for path, figure in figures:
        if normalise(figure) not in source:
            missing.append(f"{path}: figure {figure} is not in the paper")
    unused = [e for e in editorial if e not in used]
    return len(texts), len(figures), missing, unused


def main():
    failed = False
    for example in PAPERS:
        n_texts, n_figures, missing, unused = check(example)
        print(f"{example}: {n_figures} figures and {n_texts} texts compared with {', '.join(PAPERS[example])}; "
              f"{len(EDITORIAL.get(example, {})) - len(unused)} texts are the transcriber's (listed in EDITORIAL)")
        for line in missing:
            print("  " + line)
        for text in unused:
            print(f"  EDITORIAL lists \"{text}\", which the example no longer has")
        failed = failed or bool(missing) or bool(unused)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
