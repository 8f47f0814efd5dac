"""Check a development set's MANIFEST.yaml (``eval/topics``, ``eval/topics2``) against its articles
and the Marsad knowledge base.

Run from the repository root: ``.venv/bin/python eval/check_manifest.py eval/topics`` (one or more set
folders; default: every folder of ``eval/`` with a MANIFEST.yaml). Exits 1 and lists every problem if a
check fails; otherwise prints the event counts per type and status. Scoring Marsad on the sets is
``scripts/eval_events.py`` (which keeps the even-numbered articles held out).

Checks: the manifest parses and has the demo manifest's keys (plus ``core``); titles, outlets,
boilerplate, evidence sentences and date expressions occur verbatim in the decoded files; dates are
well-formed, agree with their precision, fall on the weekday the date expression names, and planned
events are not before the reference date; types, statuses and quantity keys are known; actor and
place ids exist in the knowledge base or in IDS.yaml.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import yaml

EVAL = Path(__file__).resolve().parent
REPO = EVAL.parent
KNOWLEDGE = REPO / "src" / "marsad" / "knowledge"

DOC_KEYS = {"id", "title", "outlet", "published", "published_basis", "reference_date", "boilerplate", "events"}
EVENT_KEYS = {"type", "mode", "actor", "recipient", "date", "date_precision", "date_text", "location",
              "status", "source", "quantities", "core", "evidence"}
STATUSES = {"asserted", "reported", "planned", "claimed", "negated"}
QUANTITY_KEYS = {"killed", "wounded", "arrested", "usd"}
PRECISION = {10: "day", 7: "month", 4: "year"}
WEEKDAYS_AR = {"الاثنين": 0, "الإثنين": 0, "الثلاثاء": 1, "الأربعاء": 2, "الخميس": 3, "الجمعة": 4,
               "السبت": 5, "الأحد": 6}


def _fold(name: str) -> str:
    """ASCII snake_case of an English place name («Port Sudan» -> port_sudan)."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "_", ascii_name).strip("_")


def _knowledge_ids() -> tuple[set[str], set[str]]:
    """Actor ids and place ids the knowledge base knows (place ids as the demo manifest writes them)."""
    actors: dict[str, dict] = {}
    for path in sorted((KNOWLEDGE / "actors").glob("*.yaml")):
        for item in yaml.safe_load(path.read_text("utf-8")) or []:
            if isinstance(item, dict) and "id" in item:
                actors[item["id"]] = item
    places = {a for a, item in actors.items() if item.get("kind") == "state"}
    places |= {p["id"] for p in yaml.safe_load((KNOWLEDGE / "places" / "extra.yaml").read_text("utf-8"))}
    with (KNOWLEDGE / "places" / "places.tsv").open(encoding="utf-8") as handle:
        rows = csv.reader((line for line in handle if not line.startswith("#")), delimiter="\t")
        places |= {_fold(row[1]) for row in rows if row and row[0] != "place_id"}
    return set(actors), places


def _date(value: str) -> dt.date:
    parts = [int(p) for p in value.split("-")] + [1, 1]
    return dt.date(*parts[:3])


def check(folder: Path) -> tuple[list[str], Counter, Counter]:
    """All problems found in one set folder, and the event counts per type and per status."""
    problems: list[str] = []
    m = yaml.safe_load((folder / "MANIFEST.yaml").read_text("utf-8"))
    extra = yaml.safe_load((folder / "IDS.yaml").read_text("utf-8"))
    kb_actors, kb_places = _knowledge_ids()
    actor_ids = kb_actors | {a["id"] for a in extra["actors"]}
    place_ids = kb_places | {p["id"] for p in extra["places"]}
    source_ids = actor_ids | {s["id"] for s in extra["sources"]}
    plover = yaml.safe_load((REPO / "src/marsad/events/data/plover.yaml").read_text("utf-8"))["types"]
    types, statuses = Counter(), Counter()
    if m.get("schema") != "marsad.demo-manifest/1":
        problems.append("schema marker missing")
    listed = {entry["file"] for entry in m["files"]}
    on_disk = {p.name for p in folder.glob("*.txt")}
    if listed != on_disk:
        problems.append(f"files listed {sorted(listed ^ on_disk)} differ from the .txt files on disk")
    for entry in m["files"]:
        text = (folder / entry["file"]).read_bytes().decode(entry["encoding"])
        for doc in entry["documents"]:
            where = entry["file"]
            if set(doc) != DOC_KEYS:
                problems.append(f"{where}: document keys {sorted(set(doc) ^ DOC_KEYS)}")
            if doc["title"] != text.split("\n", 1)[0]:
                problems.append(f"{where}: title is not the first line")
            if doc["outlet"] and doc["outlet"] not in text:
                problems.append(f"{where}: outlet not in text")
            for s in doc["boilerplate"]:
                if s not in text:
                    problems.append(f"{where}: boilerplate not in text: {s}")
            ref = _date(doc["reference_date"])
            if doc["published"] and doc["published"] != doc["reference_date"]:
                problems.append(f"{where}: published differs from reference_date")
            for n, e in enumerate(doc["events"], 1):
                at = f"{where} #{n} {e.get('type')}"
                if set(e) != EVENT_KEYS:
                    problems.append(f"{at}: keys {sorted(set(e) ^ EVENT_KEYS)}")
                    continue
                types[e["type"]] += 1
                statuses[e["status"]] += 1
                if e["type"] not in plover:
                    problems.append(f"{at}: unknown PLOVER type")
                if e["status"] not in STATUSES:
                    problems.append(f"{at}: unknown status {e['status']}")
                if e["evidence"] not in text:
                    problems.append(f"{at}: evidence not verbatim in the file")
                if e["date_text"] and e["date_text"] not in e["evidence"]:
                    problems.append(f"{at}: date_text not in the evidence sentence")
                date = e["date"]
                if date is None:
                    if e["date_precision"] is not None or e["date_text"] is not None:
                        problems.append(f"{at}: null date with precision or date_text")
                else:
                    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", str(date)):
                        problems.append(f"{at}: malformed date {date!r}")
                        continue
                    if PRECISION[len(str(date))] != e["date_precision"]:
                        problems.append(f"{at}: precision {e['date_precision']} for {date}")
                    day = _date(str(date))
                    for name, wd in WEEKDAYS_AR.items():
                        if e["date_text"] and name in e["date_text"] and e["date_precision"] == "day" \
                                and day.weekday() != wd:
                            problems.append(f"{at}: {date} is not a {name}")
                    if e["status"] == "planned" and str(date) < doc["reference_date"][: len(str(date))]:
                        problems.append(f"{at}: planned event before the reference date")
                    if e["status"] != "planned" and day > ref:
                        problems.append(f"{at}: past event after the reference date")
                for a in e["actor"] + e["recipient"]:
                    if a not in actor_ids:
                        problems.append(f"{at}: unknown actor id {a}")
                if e["source"] and e["source"] not in source_ids:
                    problems.append(f"{at}: unknown source id {e['source']}")
                if e["location"] and e["location"] not in place_ids:
                    problems.append(f"{at}: unknown place id {e['location']}")
                for k, v in e["quantities"].items():
                    if k not in QUANTITY_KEYS or not isinstance(v, int):
                        problems.append(f"{at}: bad quantity {k}={v!r}")
                if not isinstance(e["core"], bool):
                    problems.append(f"{at}: core must be true or false")
    return problems, types, statuses


def main(argv: list[str] | None = None) -> int:
    """Print the problems (exit 1) or the counts (exit 0) of each set folder."""
    args = sys.argv[1:] if argv is None else argv
    folders = [Path(a) for a in args] or sorted(p.parent for p in EVAL.glob("*/MANIFEST.yaml"))
    failed = False
    for folder in folders:
        problems, types, statuses = check(folder)
        print(f"{folder.name}:")
        for p in problems:
            print("  PROBLEM", p)
        print(f"  {sum(types.values())} events:", ", ".join(f"{t} {n}" for t, n in types.most_common()))
        print("  status:", ", ".join(f"{s} {n}" for s, n in statuses.most_common()))
        failed |= bool(problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
