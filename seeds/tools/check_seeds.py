#!/usr/bin/env python3
"""Check a seed folder (seeds/<id>/) before `clearance init --seed` loads it.

Usage: python3 seeds/tools/check_seeds.py [--fix] [SEED_DIR ...]

With no SEED_DIR every folder beside tools/ that holds a seed.json is checked.
--fix rewrites each file in the canonical layout (UTF-8, 2-space indent,
Chinese as itself, trailing newline) keeping key order; it changes no value.
Prints counts, then one line per problem; exits 0 if there is none, 1 if
there is any, 2 on bad usage. Standard library only.
"""
import datetime
import json
import os
import re
import sys
from collections import Counter, OrderedDict

ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
ROW_ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*(/[a-z0-9]+(-[a-z0-9]+)*)?$")
EXPECTED_FILES = ["calendar.json", "rule-sets.json", "scheme.json", "exemptions.json",
                  "request-outcomes.json", "units.json", "stages.json"]
KIND_TIERS = {"city-government": {1}, "general-office": {1}, "department": {1, 2},
              "district-government": {2}, "township": {3}, "sub-district": {3}}
DISTRICT_KINDS = {"district": 9, "county-level-city": 4, "county": 6}
SECTORS = {"education", "health", "family-planning", "water", "power", "gas",
           "environmental-protection", "public-transport"}
KEY_ITEMS = ([f"10-{n:02d}" for n in range(1, 12)] + [f"11-{n:02d}" for n in range(1, 5)]
             + [f"12-{n:02d}" for n in range(1, 9)])
OUTCOME_GROUPS = {"disclosed": 1, "partly-disclosed": 1, "not-disclosed": 8,
                  "cannot-provide": 3, "not-handled": 5, "other": 1}
COMPLETIONS = {"milestone", "norm-adopted", "records-cleared", "records-published"}
TEN_DAY = {"上旬": 10, "中旬": 20}
TOWNSHIP_RANGE = (300, 330)


class Checker:
    def __init__(self, folder):
        self.folder = folder
        self.problems = []
        self.counts = []

    def fail(self, where, message):
        self.problems.append(f"{os.path.join(self.folder, where)}: {message}")

    def expect(self, condition, where, message):
        if not condition:
            self.fail(where, message)
        return condition

    def date(self, text, where):
        try:
            return datetime.date.fromisoformat(text)
        except (TypeError, ValueError):
            self.fail(where, f"{text!r} is not an ISO date (YYYY-MM-DD)")
            return None

    def unique(self, entries, where, pattern=ID_RE):
        ids = [e.get("id") for e in entries]
        for i, n in Counter(ids).items():
            if n > 1:
                self.fail(where, f"id {i!r} appears {n} times")
        for i in ids:
            if not isinstance(i, str) or not pattern.match(i):
                self.fail(where, f"id {i!r} is not a lower-case ASCII kebab-case id")
        return {e.get("id"): e for e in entries}


def load(checker, name, fix):
    path = os.path.join(checker.folder, name)
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except FileNotFoundError:
        checker.fail(name, "file is missing")
        return None
    except UnicodeDecodeError as e:
        checker.fail(name, f"not UTF-8 at byte {e.start}")
        return None
    try:
        data = json.loads(text, object_pairs_hook=OrderedDict)
    except json.JSONDecodeError as e:
        checker.fail(name, f"invalid JSON at line {e.lineno} column {e.colno}: {e.msg}")
        return None
    canonical = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if text != canonical:
        if fix:
            with open(path, "w", encoding="utf-8") as f:
                f.write(canonical)
        else:
            line = next((n for n, (a, b) in enumerate(zip(text.splitlines(), canonical.splitlines()), 1)
                         if a != b), min(len(text.splitlines()), len(canonical.splitlines())) + 1)
            checker.fail(name, f"not in canonical layout from line {line} "
                               "(2-space indent, Chinese as itself, final newline); run with --fix")
    return data


class Calendar:
    def __init__(self, data):
        self.off = set()
        self.on = set()
        for year in data["years"]:
            for h in year["holidays"]:
                d, end = datetime.date.fromisoformat(h["from"]), datetime.date.fromisoformat(h["to"])
                while d <= end:
                    self.off.add(d)
                    d += datetime.timedelta(days=1)
            self.on.update(datetime.date.fromisoformat(w) for w in year["workingWeekends"])

    def working(self, d):
        if d in self.on:
            return True
        return d.weekday() < 5 and d not in self.off

    def days_in(self, year):
        d, n = datetime.date(year, 1, 1), 0
        while d.year == year:
            n += self.working(d)
            d += datetime.timedelta(days=1)
        return n

    def add(self, received, working_days):
        d = received
        while working_days > 0:
            d += datetime.timedelta(days=1)
            working_days -= self.working(d)
        return d


def check_calendar(c, data):
    where = "calendar.json"
    if data is None:
        return None
    before = len(c.problems)
    c.expect(data.get("weekend") == ["saturday", "sunday"], where, "weekend must be [saturday, sunday]")
    years = [y.get("year") for y in data.get("years", [])]
    c.expect(years == sorted(set(years)), where, f"years {years} must be unique and ascending")
    off_ranges, working = [], []
    for y in data["years"]:
        for h in y.get("holidays", []):
            a, b = c.date(h.get("from"), where), c.date(h.get("to"), where)
            c.expect(h.get("zh") and h.get("en"), where, f"holiday {h} needs zh and en")
            if a and b:
                c.expect(a <= b, where, f"holiday {h['zh']} {y['year']} ends before it starts")
                c.expect(b.year == y["year"], where, f"holiday {h['zh']} ends outside its year {y['year']}")
                off_ranges.append((a, b, f"{y['year']} {h['zh']}"))
        for w in y.get("workingWeekends", []):
            d = c.date(w, where)
            if d:
                c.expect(d.weekday() >= 5, where, f"working weekend {w} is not a Saturday or Sunday")
                working.append(d)
    for d, n in Counter(working).items():
        c.expect(n == 1, where, f"working weekend {d} listed {n} times")
    for d in working:
        for a, b, name in off_ranges:
            c.expect(not a <= d <= b, where, f"working weekend {d} falls inside holiday {name}")
    off_ranges.sort()
    for (a1, b1, n1), (a2, b2, n2) in zip(off_ranges, off_ranges[1:]):
        c.expect(b1 < a2, where, f"holidays {n1} and {n2} overlap")
    if len(c.problems) > before:
        return None
    cal = Calendar(data)
    per_year = {y: cal.days_in(y) for y in years}
    due = cal.add(datetime.date(2008, 1, 28), 15)
    c.counts.append("working days: " + ", ".join(f"{y}={n}" for y, n in per_year.items()))
    c.counts.append(f"2008-01-28 + 15 working days = {due.isoformat()}")
    c.expect(per_year.get(2008) == 251, where, f"2008 must have 251 working days, has {per_year.get(2008)}")
    c.expect(due == datetime.date(2008, 2, 21), where,
             f"15 working days after 2008-01-28 must be 2008-02-21, is {due.isoformat()}")
    return cal


def check_rule_sets(c, data):
    where = "rule-sets.json"
    if data is None:
        return {}
    sets = c.unique(data.get("ruleSets", []), where)
    c.expect(set(sets) == {"2007", "2019"}, where, f"rule sets must be 2007 and 2019, are {sorted(sets)}")
    previous = None
    for rid, r in sets.items():
        eff = c.date(r.get("effective"), where)
        if eff and previous:
            c.expect(previous < eff, where, f"rule set {rid} must be listed in order of effective date")
        previous = eff or previous
        plan_from = r.get("appliesToPlanFrom")
        if plan_from is not None:
            p = c.date(plan_from, where)
            c.expect(p is None or eff is None or p < eff, where,
                     f"rule set {rid}: appliesToPlanFrom must precede effective")
            c.expect(r.get("preRegulation") is not None, where,
                     f"rule set {rid}: appliesToPlanFrom needs a preRegulation note")
        c.expect(r.get("countFrom") == "day-after-receipt", where, f"rule set {rid}: countFrom")
        req = r.get("request", {})
        ext = req.get("extension", {})
        c.expect(isinstance(req.get("workingDays"), int) and isinstance(ext.get("workingDays"), int)
                 and ext.get("times") == 1, where, f"rule set {rid}: request limits malformed")
        c.expect(isinstance(r.get("proactive", {}).get("workingDays"), int), where,
                 f"rule set {rid}: proactive.workingDays missing")
        for ar in r.get("annualReport", []):
            c.expect(re.match(r"^\d\d-\d\d$", ar.get("due", "")), where, f"rule set {rid}: annualReport due {ar.get('due')!r} is not MM-DD")
            for k in ar.get("kinds", []):
                c.expect(k in KIND_TIERS, where, f"rule set {rid}: annualReport kind {k!r} unknown")
    expected = {"2007": (15, 15, None, 20), "2019": (20, 20, 7, 20)}
    for rid, (req_days, ext_days, corr, pro) in expected.items():
        r = sets.get(rid)
        if not r:
            continue
        got = (r["request"]["workingDays"], r["request"]["extension"]["workingDays"],
               (r.get("correction") or {}).get("workingDays"), r["proactive"]["workingDays"])
        c.expect(got == (req_days, ext_days, corr, pro), where,
                 f"rule set {rid}: request/extension/correction/proactive are {got}, "
                 f"expected {(req_days, ext_days, corr, pro)}")
    if "2007" in sets:
        c.expect(sets["2007"].get("effective") == "2008-05-01", where, "rule set 2007 takes effect 2008-05-01")
    if "2019" in sets:
        c.expect(sets["2019"].get("effective") == "2019-05-15", where, "rule set 2019 takes effect 2019-05-15")
        c.expect((sets["2019"].get("correction") or {}).get("restartsClock") is True, where,
                 "rule set 2019: the correction restarts the clock")
    return sets


def check_scheme(c, data, rule_sets):
    where = "scheme.json"
    if data is None:
        return
    c.expect(data.get("ruleSet") in rule_sets, where, f"ruleSet {data.get('ruleSet')!r} is not in rule-sets.json")
    crit = data.get("criteria", [])
    c.expect([x.get("id") for x in crit] == ["C1", "C2", "C3", "C4"], where, "criteria must be C1..C4")
    for x in crit:
        c.expect(x.get("article") == 9 and x.get("zh") and x.get("en"), where, f"criterion {x.get('id')}: article 9, zh, en")
    items = data.get("keyItems", [])
    ids = [x.get("id") for x in items]
    c.expect(ids == KEY_ITEMS, where, f"key items must be {KEY_ITEMS[0]}..{KEY_ITEMS[-1]} in order (23), got {len(ids)}")
    for x in items:
        i = x.get("id", "")
        c.expect(x.get("article") == int(i[:2] or 0), where, f"key item {i}: article must match its id")
        tiers = [3] if i.startswith("12") else [1, 2]
        c.expect(x.get("tiers") == tiers, where, f"key item {i}: tiers must be {tiers}")
        c.expect(x.get("zh") and x.get("en"), where, f"key item {i}: zh and en labels")
    c.counts.append(f"scheme: {len(crit)} criteria, {len(items)} key items")


def check_outcomes(c, data):
    where = "request-outcomes.json"
    if data is None:
        return {}
    groups = c.unique(data.get("groups", []), where)
    rows = c.unique(data.get("rows", []), where, ROW_ID_RE)
    c.expect(list(groups) == list(OUTCOME_GROUPS), where, f"groups must be {list(OUTCOME_GROUPS)} in order")
    per_group = Counter()
    for rid, r in rows.items():
        g = r.get("group")
        c.expect(g in groups, where, f"row {rid}: group {g!r} unknown")
        c.expect(rid == g or rid.startswith(f"{g}/"), where, f"row {rid}: id must be the group id or start with '{g}/'")
        c.expect(r.get("zh") and r.get("en"), where, f"row {rid}: zh and en labels")
        per_group[g] += 1
    for g, n in OUTCOME_GROUPS.items():
        c.expect(per_group[g] == n, where, f"group {g} must have {n} rows, has {per_group[g]}")
    balance = [b.get("id") for b in data.get("balance", {}).get("rows", [])]
    c.expect(balance == ["received", "carried-over", "total", "carried-forward"], where,
             "balance rows must be received, carried-over, total, carried-forward")
    c.counts.append("request outcomes: " + ", ".join(f"{g}={per_group[g]}" for g in groups))
    return rows


def check_exemptions(c, data, rule_sets, rows):
    where = "exemptions.json"
    if data is None:
        return
    ex = c.unique(data.get("exemptions", []), where)
    for eid, e in ex.items():
        c.expect(e.get("ruleSets") and all(r in rule_sets for r in e["ruleSets"]), where,
                 f"exemption {eid}: ruleSets {e.get('ruleSets')} must name rule sets of rule-sets.json")
        c.expect(sorted(e.get("articles", {})) == sorted(e.get("ruleSets", [])), where,
                 f"exemption {eid}: articles must give one article per rule set")
        c.expect(e.get("withholding") in ("must", "may"), where, f"exemption {eid}: withholding must be must or may")
        c.expect(e.get("absolute") == (not e.get("overriddenBy")), where,
                 f"exemption {eid}: absolute must be true exactly when overriddenBy is empty")
        for o in e.get("overriddenBy", []):
            c.expect(o in ("right-holder-consent", "public-interest", "law-requires-disclosure"), where,
                     f"exemption {eid}: overriddenBy value {o!r} unknown")
        c.expect(e.get("reportRow") in rows, where, f"exemption {eid}: reportRow {e.get('reportRow')!r} is not a row of request-outcomes.json")
    by_set = Counter(r for e in ex.values() for r in e.get("ruleSets", []))
    c.counts.append("exemptions: " + ", ".join(f"{r}={n}" for r, n in sorted(by_set.items())))


def check_units(c, data):
    where = "units.json"
    if data is None:
        return {}
    sectors = c.unique(data.get("sectors", []), where)
    c.expect(set(sectors) == SECTORS, where, f"sectors must be {sorted(SECTORS)}")
    units = c.unique(data.get("units", []), where)
    for uid, u in units.items():
        kind, tier, parent, district = u.get("kind"), u.get("tier"), u.get("parent"), u.get("district")
        at = f"unit {uid}"
        if not c.expect(kind in KIND_TIERS, where, f"{at}: kind {kind!r} unknown"):
            continue
        c.expect(tier in KIND_TIERS[kind], where, f"{at}: tier {tier} does not fit kind {kind}")
        c.expect(isinstance(u.get("name"), str) and u["name"] and isinstance(u.get("nameEn"), str) and u["nameEn"],
                 where, f"{at}: name and nameEn are required")
        c.expect(isinstance(u.get("generated"), bool), where, f"{at}: generated must be true or false")
        c.expect(("districtKind" in u) == (kind == "district-government"), where,
                 f"{at}: districtKind is required on district governments and only there")
        if kind == "district-government":
            c.expect(u["districtKind"] in DISTRICT_KINDS, where, f"{at}: districtKind {u['districtKind']!r} unknown")
        for s in u.get("sectors", []):
            c.expect(s in sectors, where, f"{at}: sector {s!r} unknown")
        c.expect("sectors" not in u or (kind == "department" and u["sectors"]), where,
                 f"{at}: sectors belong on departments and must not be empty")
        if kind == "city-government":
            c.expect(parent is None and district is None, where, f"{at}: the city government has no parent or district")
            continue
        p = units.get(parent)
        if not c.expect(p is not None, where, f"{at}: parent {parent!r} does not resolve"):
            continue
        if tier == 1:
            c.expect(p.get("kind") == "city-government" and district is None, where,
                     f"{at}: tier 1 units hang under the city government with district null")
        elif kind == "district-government":
            c.expect(p.get("kind") == "city-government" and district == uid, where,
                     f"{at}: a district government hangs under the city government and is its own district")
        else:
            d = units.get(district)
            c.expect(d is not None and d.get("kind") == "district-government", where,
                     f"{at}: district {district!r} does not resolve to a district government")
            c.expect(parent == district, where, f"{at}: tier {tier} units hang under their district government")
    kinds = Counter((u.get("kind"), u.get("tier")) for u in units.values())
    districts = [u for u in units.values() if u.get("kind") == "district-government"]
    dk = Counter(u.get("districtKind") for u in districts)
    c.expect(len(districts) == 19, where, f"19 district governments expected, found {len(districts)}")
    c.expect(dict(dk) == DISTRICT_KINDS, where, f"district kinds must be {DISTRICT_KINDS}, are {dict(dk)}")
    c.expect(kinds[("city-government", 1)] == 1, where, "exactly one city government")
    c.expect(kinds[("general-office", 1)] == 1, where, "exactly one general office")
    towns = [u for u in units.values() if u.get("tier") == 3]
    lo, hi = TOWNSHIP_RANGE
    c.expect(lo <= len(towns) <= hi, where, f"{len(towns)} townships and sub-districts, expected {lo}..{hi}")
    for s in sectors:
        c.expect(any(s in u.get("sectors", []) and u.get("tier") == 1 for u in units.values()), where,
                 f"sector {s} has no competent city department")
    for d in districts:
        depts = sum(1 for u in units.values() if u.get("parent") == d["id"] and u.get("kind") == "department")
        c.expect(depts >= 1, where, f"district {d['id']} has no department")
    gen = Counter(u.get("tier") for u in units.values() if u.get("generated"))
    c.counts.append(f"units: {len(units)} in all")
    for (k, t), n in sorted(kinds.items(), key=lambda x: (x[0][1], x[0][0])):
        c.counts.append(f"  tier {t} {k}: {n}")
    c.counts.append(f"  district kinds: " + ", ".join(f"{k}={n}" for k, n in dk.items()))
    c.counts.append(f"  townships and sub-districts: {len(towns)} ({gen[3]} generated)")
    c.counts.append(f"  generated: " + ", ".join(f"tier {t}={n}" for t, n in sorted(gen.items())))
    return units


def resolve_deadline(text, where, c):
    m = re.match(r"^(?:(\d{4})年)?(\d{1,2})月(上旬|中旬|下旬|底)$", text or "")
    if not c.expect(m, where, f"deadlineText {text!r} is not like 2007年12月底 or 11月上旬"):
        return None
    year, month, part = m.group(1), int(m.group(2)), m.group(3)
    return (int(year) if year else None, month, part)


def check_stages(c, data, units):
    where = "stages.json"
    if data is None:
        return
    stages = data.get("stages", [])
    c.expect([s.get("number") for s in stages] == list(range(1, 8)), where, "stages must be numbered 1..7")
    last = None
    for s in stages:
        at = f"stage {s.get('number')}"
        for r in s.get("responsible", []):
            c.expect(r in units, where, f"{at}: responsible unit {r!r} does not resolve")
        c.expect(s.get("appliesTo") in ("responsible", "every-unit"), where, f"{at}: appliesTo")
        c.expect((s.get("appliesTo") == "every-unit") == (not s.get("responsible")), where,
                 f"{at}: responsible is empty exactly when appliesTo is every-unit")
        c.expect(s.get("completion") in COMPLETIONS, where, f"{at}: completion {s.get('completion')!r} unknown")
        c.expect((s.get("completion") == "milestone") == (s.get("appliesTo") == "responsible"), where,
                 f"{at}: milestones are done by the responsible units; the other completions by every unit")
        deadline = c.date(s.get("deadline"), where)
        parsed = resolve_deadline(s.get("deadlineText"), where, c)
        if deadline and parsed:
            year, month, part = parsed
            year = year or deadline.year
            if part in TEN_DAY:
                day = TEN_DAY[part]
            else:
                nxt = datetime.date(year + (month == 12), month % 12 + 1, 1)
                day = (nxt - datetime.timedelta(days=1)).day
            c.expect(deadline == datetime.date(year, month, day), where,
                     f"{at}: deadline {deadline} does not match {s.get('deadlineText')}")
            c.expect(last is None or last <= deadline, where, f"{at}: deadlines must not go backwards")
            last = deadline
    c.counts.append(f"stages: {len(stages)}")


def check_folder(folder, fix):
    c = Checker(folder)
    seed = load(c, "seed.json", fix)
    if seed is None:
        return c
    c.expect(seed.get("id") == os.path.basename(os.path.normpath(folder)), "seed.json",
             f"id {seed.get('id')!r} must equal the folder name")
    c.expect(seed.get("files") == EXPECTED_FILES, "seed.json", f"files must be {EXPECTED_FILES}")
    listed = set(seed.get("files", [])) | {"seed.json"}
    for name in sorted(os.listdir(folder)):
        if name.endswith(".json"):
            c.expect(name in listed, name, "file is not listed in seed.json")
    data = {name: load(c, name, fix) for name in seed.get("files", [])}
    check_calendar(c, data.get("calendar.json"))
    rule_sets = check_rule_sets(c, data.get("rule-sets.json"))
    check_scheme(c, data.get("scheme.json"), rule_sets)
    rows = check_outcomes(c, data.get("request-outcomes.json"))
    check_exemptions(c, data.get("exemptions.json"), rule_sets, rows)
    units = check_units(c, data.get("units.json"))
    check_stages(c, data.get("stages.json"), units)
    city = units.get(seed.get("city", {}).get("unit"))
    c.expect(city is not None and city.get("kind") == "city-government"
             and city.get("adminCode") == seed["city"].get("adminCode"), "seed.json",
             "city.unit must name the city government, with the same adminCode")
    c.expect(seed.get("source", {}).get("issuer") in units, "seed.json", "source.issuer must name a unit")
    return c


def main(argv):
    fix = "--fix" in argv
    args = [a for a in argv if a != "--fix"]
    if any(a.startswith("-") for a in args):
        print("usage: check_seeds.py [--fix] [SEED_DIR ...]", file=sys.stderr)
        return 2
    if not args:
        root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        args = sorted(os.path.join(root, d) for d in os.listdir(root)
                      if os.path.isfile(os.path.join(root, d, "seed.json")))
    failed = 0
    for folder in args:
        if not os.path.isdir(folder):
            print(f"error: {folder} is not a folder", file=sys.stderr)
            return 2
        c = check_folder(folder, fix)
        print(f"{folder}:")
        for line in c.counts:
            print(f"  {line}")
        for p in c.problems:
            print(f"error: {p}")
        print(f"  {'ok' if not c.problems else f'{len(c.problems)} problem(s)'}")
        failed += bool(c.problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
