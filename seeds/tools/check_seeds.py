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
ARTICLE_RE = re.compile(r"^[1-9][0-9]*(\([1-9][0-9]*\))?$")
EXPECTED_FILES = ["calendar.json", "rule-sets.json", "scheme.json", "exemptions.json",
                  "request-outcomes.json", "remedies.json", "units.json", "stages.json", "annual-reports.json", "rubric.json"]
KIND_TIERS = {"city-government": {1}, "general-office": {1}, "department": {1, 2},
              "district-government": {2}, "township": {3}, "sub-district": {3}}
DISTRICT_KINDS = {"district": 9, "county-level-city": 4, "county": 6}
SECTORS = {"education", "health", "family-planning", "water", "power", "gas",
           "environmental-protection", "public-transport"}
KEY_ITEMS = ([f"10-{n:02d}" for n in range(1, 12)] + [f"11-{n:02d}" for n in range(1, 5)]
             + [f"12-{n:02d}" for n in range(1, 9)])
OUTCOME_GROUPS = {
    "2007": {"disclosed": 1, "partly-disclosed": 1, "not-disclosed": 3, "not-this-body": 1, "not-exist": 1,
             "unclear": 1},
    "2019": {"disclosed": 1, "partly-disclosed": 1, "not-disclosed": 8, "cannot-provide": 3, "not-handled": 5,
             "other": 1},
}
# The numbers each rule set must carry (docs/seeds.md, rule-sets.json): working days, the correction
# step (article, days to ask, restarts the clock, lapses), and the articles of the other procedures.
RULE_SET_NUMBERS = {
    "2007": {"request": 15, "extension": 15, "proactive": 20, "correction": ("21(4)", None, True, False),
             "reassessment": None, "guide": ("19", "16", "27"), "review": "14", "remedies": "33"},
    "2019": {"request": 20, "extension": 20, "proactive": 20, "correction": ("30", 7, True, True),
             "reassessment": "18", "guide": ("12", "25", "42"), "review": "17", "remedies": "51"},
}
REMEDY_KINDS = ("reconsideration", "litigation")
RECONSIDERATION_FIRST = {"refusal-to-disclose"}
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
    """The working-day calendar of calendar.json. Every notice, taken in the order of the file
    (years ascending, each year's notices in order of issue), sets the days it names: those in its
    holiday ranges off, its working weekends on. So the latest notice naming a day decides it; a
    day no notice names is a working day Monday to Friday and off on Saturday and Sunday."""

    def __init__(self, data):
        self.decided = {}
        self.years = {y["year"] for y in data["years"]}
        for year in data["years"]:
            for notice in year["notices"]:
                for h in notice["holidays"]:
                    d, end = datetime.date.fromisoformat(h["from"]), datetime.date.fromisoformat(h["to"])
                    while d <= end:
                        self.decided[d] = False
                        d += datetime.timedelta(days=1)
                for w in notice["workingWeekends"]:
                    self.decided[datetime.date.fromisoformat(w)] = True

    def working(self, d):
        if d.year not in self.years:
            raise ValueError(f"{d} is outside the declared years")
        return self.decided.get(d, d.weekday() < 5)

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


# Facts the check recomputes from the data (docs/seeds.md, calendar.json).
CALENDAR_DAYS_IN_YEAR = {2007: 249, 2008: 251, 2009: 250}
CALENDAR_DEADLINES = [("2008-01-28", 15, "2008-02-21")]
CALENDAR_DAYS = {"2020-02-01": False}  # worked under the first 2020 notice, off under the extension


def check_calendar(c, data):
    where = "calendar.json"
    if data is None:
        return None
    before = len(c.problems)
    c.expect(data.get("weekend") == ["saturday", "sunday"], where, "weekend must be [saturday, sunday]")
    entries = data.get("years")
    if not c.expect(isinstance(entries, list) and entries, where, "years must be a non-empty list"):
        return None
    years = [y.get("year") for y in entries]
    if not c.expect(all(isinstance(y, int) for y in years), where, f"years {years} must be integers"):
        return None
    c.expect(years == sorted(set(years)), where, f"years {years} must be unique and ascending")
    missing = sorted(set(range(min(years), max(years) + 1)) - set(years))
    c.expect(not missing, where, f"years {missing} are missing between {min(years)} and {max(years)}")
    last_issued = None
    for y in entries:
        year, notices = y["year"], y.get("notices")
        if not c.expect(isinstance(notices, list) and notices, where, f"{year}: notices must be a non-empty list"):
            continue
        for i, n in enumerate(notices):
            at = f"{year} notice {i + 1}"
            c.expect(isinstance(n.get("zh"), str) and n["zh"], where, f"{at}: zh (title) is required")
            c.expect(n.get("number") is None or (isinstance(n["number"], str) and n["number"]), where,
                     f"{at}: number must be a string, or null when not found")
            issued = None if n.get("date") is None else c.date(n["date"], where)
            if issued:
                c.expect(issued.year <= year, where, f"{at}: issued {issued} after the year it arranges")
                c.expect(last_issued is None or last_issued <= issued, where,
                         f"{at}: issued {issued} before {last_issued}; notices must be in order of issue")
                last_issued = issued
            else:
                c.expect(len(notices) == 1, where, f"{at}: date is required when a year has several notices")
            ranges, working = [], []
            for h in n.get("holidays", []):
                a, b = c.date(h.get("from"), where), c.date(h.get("to"), where)
                c.expect(h.get("zh") and h.get("en"), where, f"{at}: holiday {h} needs zh and en")
                if a and b:
                    c.expect(a <= b, where, f"{at}: holiday {h['zh']} ends before it starts")
                    c.expect(b.year == year and a.year >= year - 1, where,
                             f"{at}: holiday {h['zh']} must end in {year} and start in it or the year before")
                    ranges.append((a, b, h["zh"]))
            for w in n.get("workingWeekends", []):
                d = c.date(w, where)
                if d:
                    c.expect(d.weekday() >= 5, where, f"{at}: working weekend {w} is not a Saturday or Sunday")
                    c.expect(d.year in (year, year - 1), where, f"{at}: working weekend {w} is outside {year - 1}-{year}")
                    working.append(d)
            for d, k in Counter(working).items():
                c.expect(k == 1, where, f"{at}: working weekend {d} listed {k} times")
            for d in working:
                for a, b, name in ranges:
                    c.expect(not a <= d <= b, where, f"{at}: working weekend {d} falls inside holiday {name}")
            ranges.sort()
            for (a1, b1, n1), (a2, b2, n2) in zip(ranges, ranges[1:]):
                c.expect(b1 < a2, where, f"{at}: holidays {n1} and {n2} overlap")
    if len(c.problems) > before:
        return None
    cal = Calendar(data)
    per_year = {y: cal.days_in(y) for y in years}
    c.counts.append(f"calendar: {len(years)} years ({min(years)}-{max(years)}), "
                    f"{sum(len(y['notices']) for y in entries)} notices")
    c.counts.append("working days: " + ", ".join(f"{y}={n}" for y, n in per_year.items()))
    for year, n in CALENDAR_DAYS_IN_YEAR.items():
        c.expect(per_year.get(year) == n, where, f"{year} must have {n} working days, has {per_year.get(year)}")
    for start, n, expected in CALENDAR_DEADLINES:
        due = cal.add(datetime.date.fromisoformat(start), n)
        c.counts.append(f"{start} + {n} working days = {due.isoformat()}")
        c.expect(due.isoformat() == expected, where,
                 f"{n} working days after {start} must be {expected}, is {due.isoformat()}")
    for day, work in CALENDAR_DAYS.items():
        c.expect(cal.working(datetime.date.fromisoformat(day)) == work, where,
                 f"{day} must be {'a working day' if work else 'a day off'}")
    return cal


def check_article(c, where, value, what):
    """An article reference of the new fields: "N" or "N(k)" (docs/seeds.md, Conventions)."""
    return c.expect(isinstance(value, str) and ARTICLE_RE.match(value), where,
                    f"{what}: article {value!r} must be a string like \"21\" or \"21(4)\"")


def check_labels(c, where, obj, what, keys=("zh", "en")):
    ok = isinstance(obj, dict)
    for k in keys:
        ok = c.expect(ok and isinstance(obj.get(k), str) and obj[k], where, f"{what}: {k} is required") and ok
    return ok


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
        check_rule_set_procedure(c, where, rid, r)
    for rid, expected in RULE_SET_NUMBERS.items():
        r = sets.get(rid)
        if not r:
            continue
        corr = r.get("request", {}).get("correction") or {}
        guide = r.get("guide") or {}
        got = {
            "request": r["request"].get("workingDays"),
            "extension": r["request"].get("extension", {}).get("workingDays"),
            "proactive": r.get("proactive", {}).get("workingDays"),
            "correction": (corr.get("article"), corr.get("askWithinWorkingDays"),
                           corr.get("restartsClock"), corr.get("lapsesWhenUncorrected")),
            "reassessment": (r.get("reassessment") or {}).get("article"),
            "guide": (guide.get("article"), (guide.get("readingPlaces") or {}).get("article"),
                      (guide.get("fees") or {}).get("article")),
            "review": (r.get("review") or {}).get("article"),
            "remedies": r.get("remediesArticle"),
        }
        for key, want in expected.items():
            c.expect(got[key] == want, where, f"rule set {rid}: {key} is {got[key]!r}, expected {want!r}")
    if "2007" in sets:
        c.expect(sets["2007"].get("effective") == "2008-05-01", where, "rule set 2007 takes effect 2008-05-01")
    if "2019" in sets:
        c.expect(sets["2019"].get("effective") == "2019-05-15", where, "rule set 2019 takes effect 2019-05-15")
    return sets


def check_rule_set_procedure(c, where, rid, r):
    """The shapes of request.correction, reassessment, guide, review and remediesArticle."""
    at = f"rule set {rid}"
    c.expect("correction" not in r, where, f"{at}: the top-level correction moved to request.correction")
    req = r.get("request", {})
    c.expect("correction" in req, where, f"{at}: request.correction is required (null when there is no correction step)")
    corr = req.get("correction")
    if corr is not None and c.expect(isinstance(corr, dict), where, f"{at}: request.correction must be an object or null"):
        check_article(c, where, corr.get("article"), f"{at} request.correction")
        ask = corr.get("askWithinWorkingDays")
        c.expect(ask is None or (isinstance(ask, int) and not isinstance(ask, bool) and ask > 0), where,
                 f"{at}: request.correction.askWithinWorkingDays must be a positive integer or null")
        for k in ("restartsClock", "lapsesWhenUncorrected"):
            c.expect(isinstance(corr.get(k), bool), where, f"{at}: request.correction.{k} must be true or false")
        check_labels(c, where, corr.get("basis"), f"{at} request.correction.basis", ("zh", "en", "instrument"))
    c.expect("reassessment" in r, where, f"{at}: reassessment is required (null when the rules have none)")
    ra = r.get("reassessment")
    if ra is not None and c.expect(isinstance(ra, dict), where, f"{at}: reassessment must be an object or null"):
        check_article(c, where, ra.get("article"), f"{at} reassessment")
        months = ra.get("intervalMonths")
        c.expect(isinstance(months, int) and not isinstance(months, bool) and months > 0, where,
                 f"{at}: reassessment.intervalMonths must be a positive integer")
        c.expect(isinstance(ra.get("intervalSource"), str) and ra["intervalSource"], where,
                 f"{at}: reassessment.intervalSource is required")
    guide = r.get("guide")
    if c.expect(isinstance(guide, dict), where, f"{at}: guide is required"):
        check_article(c, where, guide.get("article"), f"{at} guide")
        places = guide.get("readingPlaces")
        if check_labels(c, where, places, f"{at} guide.readingPlaces"):
            check_article(c, where, places.get("article"), f"{at} guide.readingPlaces")
        fees = guide.get("fees")
        if check_labels(c, where, fees, f"{at} guide.fees"):
            check_article(c, where, fees.get("article"), f"{at} guide.fees")
            c.expect("instrument" in fees and (fees["instrument"] is None
                     or (isinstance(fees["instrument"], str) and fees["instrument"])), where,
                     f"{at}: guide.fees.instrument must be a string or null")
    review = r.get("review")
    if check_labels(c, where, review, f"{at} review"):
        check_article(c, where, review.get("article"), f"{at} review")
    check_article(c, where, r.get("remediesArticle"), f"{at} remediesArticle")


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


def check_outcomes(c, data, rule_sets):
    """The row templates, one per rule set; returns {rule set id: {row id: row}}."""
    where = "request-outcomes.json"
    if data is None:
        return {}
    c.expect(list(data) == ["templates"], where, "the file holds exactly one key, templates")
    templates = data.get("templates")
    if not c.expect(isinstance(templates, list) and templates, where, "templates must be a non-empty list"):
        return {}
    by_set = {}
    for t in templates:
        rs = t.get("ruleSet")
        at = f"template {rs}"
        if not c.expect(rs in rule_sets, where, f"{at}: ruleSet {rs!r} is not in rule-sets.json"):
            continue
        c.expect(rs not in by_set, where, f"{at}: a rule set has one template")
        for k in ("zh", "en", "instrument", "source"):
            c.expect(isinstance(t.get(k), str) and t[k], where, f"{at}: {k} is required")
        groups = c.unique(t.get("groups", []), where)
        rows = c.unique(t.get("rows", []), where, ROW_ID_RE)
        expected = OUTCOME_GROUPS.get(rs)
        if expected is not None:
            c.expect(list(groups) == list(expected), where, f"{at}: groups must be {list(expected)} in order")
        for g in groups.values():
            c.expect(isinstance(g.get("ref"), str) and g.get("zh") and g.get("en"), where,
                     f"{at}: group {g.get('id')}: ref, zh and en")
        per_group = Counter()
        order = []
        for rid, r in rows.items():
            g = r.get("group")
            c.expect(g in groups, where, f"{at}: row {rid}: group {g!r} unknown")
            c.expect(rid == g or rid.startswith(f"{g}/"), where, f"{at}: row {rid}: id must be the group id or start with '{g}/'")
            c.expect(isinstance(r.get("ref"), str) and r.get("zh") and r.get("en"), where, f"{at}: row {rid}: ref, zh and en")
            c.expect("article" in r, where, f"{at}: row {rid}: article is required (null where no article applies)")
            if r.get("article") is not None:
                check_article(c, where, r["article"], f"{at} row {rid}")
            per_group[g] += 1
            order.append(list(groups).index(g) if g in groups else -1)
        c.expect(order == sorted(order), where, f"{at}: rows must follow the order of their groups")
        if expected is not None:
            for g, n in expected.items():
                c.expect(per_group[g] == n, where, f"{at}: group {g} must have {n} rows, has {per_group[g]}")
        columns = c.unique(t.get("columns", []), where)
        for cid, col in columns.items():
            c.expect(isinstance(col.get("zh"), str) and col.get("zh") and col.get("en"), where, f"{at}: column {cid}: zh and en")
        if columns:
            c.expect(isinstance(t.get("columnsSource"), str) and t["columnsSource"], where, f"{at}: columnsSource is required with columns")
        balance = [b.get("id") for b in t.get("balance", {}).get("rows", [])]
        c.expect(balance == ["received", "carried-over", "total", "carried-forward"], where,
                 f"{at}: balance rows must be received, carried-over, total, carried-forward")
        by_set[rs] = rows
        c.counts.append(f"request outcomes {rs}: " + ", ".join(f"{g}={per_group[g]}" for g in groups))
    for rs in rule_sets:
        c.expect(rs in by_set, where, f"rule set {rs} has no template")
    return by_set


def check_exemptions(c, data, rule_sets, rows_by_set):
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
        c.expect("reportRow" not in e, where, f"exemption {eid}: reportRow is now reportRows, one row per rule set")
        report = e.get("reportRows")
        if not c.expect(isinstance(report, dict), where, f"exemption {eid}: reportRows must be an object"):
            continue
        c.expect(sorted(report) == sorted(e.get("ruleSets", [])), where,
                 f"exemption {eid}: reportRows must have exactly the keys of ruleSets")
        for rs, row in report.items():
            if rs in rows_by_set:
                c.expect(row in rows_by_set[rs], where,
                         f"exemption {eid}: reportRows {rs} {row!r} is not a row of the {rs} template")
                c.expect(str(row).startswith("not-disclosed"), where,
                         f"exemption {eid}: reportRows {rs} {row!r} must be a not-disclosed row")
    by_set = Counter(r for e in ex.values() for r in e.get("ruleSets", []))
    c.counts.append("exemptions: " + ", ".join(f"{r}={n}" for r, n in sorted(by_set.items())))


def check_remedies(c, data, rule_sets):
    """remedies.json: the reconsideration and litigation laws, each kind in order of effect."""
    where = "remedies.json"
    if data is None:
        return
    laws = c.unique(data.get("laws", []), where)
    by_kind = {}
    for lid, law in laws.items():
        at = f"law {lid}"
        kind = law.get("kind")
        if not c.expect(kind in REMEDY_KINDS, where, f"{at}: kind {kind!r} must be one of {REMEDY_KINDS}"):
            continue
        for k in ("zh", "en", "instrument", "source"):
            c.expect(isinstance(law.get(k), str) and law[k], where, f"{at}: {k} is required")
        eff = c.date(law.get("effective"), where)
        limit = law.get("limit")
        c.expect(isinstance(limit, dict) and len(limit) == 1 and next(iter(limit)) in ("days", "months")
                 and isinstance(next(iter(limit.values())), int) and next(iter(limit.values())) > 0, where,
                 f"{at}: limit must be {{\"days\": N}} or {{\"months\": N}}")
        check_article(c, where, law.get("article"), at)
        after = law.get("afterReconsideration", "missing")
        if kind == "litigation":
            c.expect(after is None or (isinstance(after, dict) and isinstance(after.get("days"), int)
                     and after["days"] > 0 and ARTICLE_RE.match(str(after.get("article")))), where,
                     f"{at}: afterReconsideration must be {{days, article}} or null")
        else:
            c.expect(after is None, where, f"{at}: afterReconsideration is for litigation laws; null here")
        bodies = law.get("bodies")
        if bodies is not None:
            c.expect(kind == "reconsideration", where, f"{at}: bodies are for reconsideration laws")
            for who in ("department", "government"):
                b = bodies.get(who) if isinstance(bodies, dict) else None
                if c.expect(isinstance(b, dict) and isinstance(b.get("zh"), str) and b["zh"], where, f"{at}: bodies.{who} needs zh and article"):
                    check_article(c, where, b.get("article"), f"{at} bodies.{who}")
            c.expect(isinstance(bodies.get("source"), str) and bodies["source"], where, f"{at}: bodies.source is required")
        first = law.get("reconsiderationFirst", "missing")
        if first is not None:
            if c.expect(isinstance(first, dict) and isinstance(first.get("for"), list) and first["for"], where,
                        f"{at}: reconsiderationFirst must be {{for, article}} or null"):
                for f in first["for"]:
                    c.expect(f in RECONSIDERATION_FIRST, where, f"{at}: reconsiderationFirst.for {f!r} unknown")
                check_article(c, where, first.get("article"), f"{at} reconsiderationFirst")
        if eff:
            by_kind.setdefault(kind, []).append((eff, lid))
    for kind in REMEDY_KINDS:
        dates = by_kind.get(kind, [])
        c.expect(dates, where, f"no {kind} law")
        for (a, la), (b, lb) in zip(dates, dates[1:]):
            c.expect(a < b, where, f"{kind} laws must be in ascending order of effective: {la} {a} then {lb} {b}")
        for rid, r in rule_sets.items():
            d = r.get("effective")
            if isinstance(d, str) and dates:
                c.expect(any(e.isoformat() <= d for e, _ in dates), where,
                         f"no {kind} law is in force on {d}, when rule set {rid} takes effect")
    c.counts.append("remedies: " + ", ".join(f"{k}={len(by_kind.get(k, []))}" for k in REMEDY_KINDS))


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
    rows = check_outcomes(c, data.get("request-outcomes.json"), rule_sets)
    check_exemptions(c, data.get("exemptions.json"), rule_sets, rows)
    check_remedies(c, data.get("remedies.json"), rule_sets)
    check_report_forms(c, data.get("annual-reports.json"))
    check_rubric(c, data.get("rubric.json"))
    units = check_units(c, data.get("units.json"))
    check_stages(c, data.get("stages.json"), units)
    city = units.get(seed.get("city", {}).get("unit"))
    c.expect(city is not None and city.get("kind") == "city-government"
             and city.get("adminCode") == seed["city"].get("adminCode"), "seed.json",
             "city.unit must name the city government, with the same adminCode")
    c.expect(seed.get("source", {}).get("issuer") in units, "seed.json", "source.issuer must name a unit")
    return c


REPORT_SECTION_SOURCES = ("log", "unit")
RUBRIC_RULES = ("stage-done", "roles-held", "guide-complete", "share-on-time", "findings-remedied", "report-filed", "report-published")


def check_report_forms(c, data):
    """annual-reports.json: the report forms, each for a run of report years, none overlapping."""
    where = "annual-reports.json"
    if data is None:
        return
    forms = c.unique(data.get("forms", []), where)
    spans = []
    for fid, form in forms.items():
        at = f"form {fid}"
        for k in ("zh", "instrument", "source"):
            c.expect(isinstance(form.get(k), str) and form[k], where, f"{at}: {k} is required")
        years = form.get("years", {})
        first, last = years.get("from"), years.get("to")
        c.expect(isinstance(first, int) and (last is None or (isinstance(last, int) and last >= first)), where, f"{at}: years.from (and to, or null) must be years in order")
        spans.append((first or 0, last or 9999, fid))
        sections = c.unique(form.get("sections", []), where)
        c.expect(sections, where, f"{at}: sections are required")
        for sid, s in sections.items():
            c.expect(s.get("zh") and s.get("en") and s.get("from") in REPORT_SECTION_SOURCES, where, f"{at}: section {sid}: zh, en and from ({REPORT_SECTION_SOURCES})")
        filing = form.get("filing")
        if filing is not None:
            who = filing.get("who")
            c.expect(isinstance(who, list) and who and all(isinstance(w, dict) and w.get("kind") for w in who), where, f"{at}: filing.who lists {{kind, tier?}}")
            c.date(filing.get("due"), where)
        if form.get("publishBy") is not None:
            c.date(form.get("publishBy"), where)
    spans.sort()
    for (a0, a1, a), (b0, b1, b) in zip(spans, spans[1:]):
        c.expect(a1 < b0, where, f"forms {a} and {b} cover the same years")


def check_rubric(c, data):
    """rubric.json: the assessment rubric, its points adding up to its maximum."""
    where = "rubric.json"
    if data is None:
        return
    rubric = data.get("rubric", {})
    for k in ("id", "zh", "en", "source"):
        c.expect(isinstance(rubric.get(k), str) and rubric[k], where, f"rubric: {k} is required")
    c.expect(isinstance(rubric.get("year"), int), where, "rubric: year (the first year it assesses) is required")
    families = c.unique(rubric.get("families", []), where)
    total = 0
    seen = set()
    for fid, family in families.items():
        c.expect(family.get("zh") and family.get("en"), where, f"family {fid}: zh and en")
        for ind in family.get("indicators", []):
            iid = ind.get("id")
            c.expect(iid not in seen, where, f"indicator {iid} is repeated")
            seen.add(iid)
            c.expect(ind.get("zh") and ind.get("en"), where, f"indicator {iid}: zh and en")
            c.expect(ind.get("rule") in RUBRIC_RULES, where, f"indicator {iid}: rule must be one of {RUBRIC_RULES}")
            c.expect(isinstance(ind.get("points"), (int, float)) and ind["points"] > 0, where, f"indicator {iid}: points > 0")
            total += ind.get("points", 0) or 0
    c.expect(total == rubric.get("max"), where, f"the indicators' points add up to {total}, not the rubric's max {rubric.get('max')}")
    c.counts.append(f"rubric: {len(seen)} indicators, {total} points")


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
