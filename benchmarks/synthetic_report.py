#!/usr/bin/env python3
"""Writes a synthetic report JSON: THEMES themes, GOALS goals in all, each theme with
headline measures over four periods, goal updates of a few paragraphs, Red/Amber/Green statuses.

Usage: synthetic_report.py GOALS THEMES [AGENCIES [MEASURES_PER_THEME]] > report.json
Goals are led by the agencies in turn, so every agency leads some.
"""
import json
import random
import sys

goals_total = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
theme_count = int(sys.argv[2]) if len(sys.argv) > 2 else 20
agency_count = int(sys.argv[3]) if len(sys.argv) > 3 else 30
measures_per_theme = int(sys.argv[4]) if len(sys.argv) > 4 else 6
rng = random.Random(2013)
words = ("offenders accommodation probation partnership housing employment treatment protocol "
         "review services agency board quarterly progress delivery referrals pathway cohort").split()


def sentence(n):
    return " ".join(rng.choice(words) for _ in range(n)).capitalize() + "."


agencies = [{"id": f"agency-{i}", "name": f"Agency {i}", "aliases": [f"Agency no. {i}"]} for i in range(agency_count)]
periods = ["2010-11", "2011-12", "2012-13", "2013-14 Q2"]
themes = []
per_theme = goals_total // theme_count
for t in range(theme_count):
    measures = []
    for m in range(measures_per_theme):
        kind = m % 3
        values = []
        for _ in periods:
            if kind == 0:
                values.append(f"{rng.uniform(5, 95):.1f}%")
            elif kind == 1:
                values.append(f"{rng.randint(100, 20000):,}")
            else:
                values.append(rng.choice(["tbc", "Approx. 97%", "2.71"]))
        measures.append({"id": f"T{t}-M{m}", "name": sentence(8), "supplier": f"agency-{(t * measures_per_theme + m) % agency_count}",
                         "better": "higher-is-better", "values": values})
    goals = []
    count = per_theme + (goals_total % theme_count if t == theme_count - 1 else 0)
    for g in range(count):
        goals.append({
            "id": f"T{t}-G{g}",
            "text": sentence(rng.randint(8, 25)),
            "leads": [f"agency-{(t * per_theme + g) % agency_count}"],
            "status": rng.choice(["Red", "Amber", "Green"]),
            "update": [" ".join(sentence(rng.randint(8, 20)) for _ in range(rng.randint(1, 4)))
                       for _ in range(rng.randint(1, 3))],
        })
    themes.append({"id": f"theme-{t}", "number": f"2.{t + 1}", "name": f"Synthetic theme {t + 1} (benchmark)",
                   "periods": periods, "measures": measures, "goals": goals,
                   "representatives": [{"agency": "agency-1", "name": "A. Person"}],
                   "comments": [sentence(30)]})

json.dump({"format": 1, "id": "synthetic", "title": "Synthetic benchmark report", "board": "Benchmark Board",
           "period": {"label": "2013-14 Q2", "kind": "quarter", "quarter": 2}, "agencies": agencies,
           "produced": [{"label": "Goals", "date": "July 2013"}],
           "themes": themes}, sys.stdout, indent=1, ensure_ascii=False)
