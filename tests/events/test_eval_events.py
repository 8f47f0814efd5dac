"""`marsad eval events` and marsad.eval.events on tiny hand-made gold and prediction folders."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from marsad.cli import app
from marsad.eval.events import actor_matches, load_gold, load_predictions, match_events, reliability, score

MEET = "التقى وزير الدفاع الروسي سيرغي شويغو الثلاثاء بالرئيس السوري بشار الأسد في دمشق."
STRIKE = "شنت الطائرات الروسية غارات على ريف إدلب."
SIEGE = "كسر الجيش السوري الحصار عن دير الزور."

GOLD = {
    "doc": "a1.txt", "published": "2017-09-12",
    "actors": [
        {"id": "sergei_shoigu", "name_en": "Sergei Shoigu", "wikidata": None,
         "mentions": ["وزير الدفاع الروسي سيرغي شويغو", "وشويغو"]},
        {"id": "bashar_al_assad", "name_en": "Bashar al-Assad", "wikidata": "Q44329",
         "mentions": ["بالرئيس السوري بشار الأسد"]},
        {"id": "russian_air_force", "name_en": "Russian Aerospace Forces", "wikidata": None,
         "mentions": ["الطائرات الروسية"]},
        {"id": "syrian_army", "name_en": "Syrian Arab Army", "wikidata": None, "mentions": ["الجيش السوري"]},
    ],
    "events": [
        {"id": "e1", "type": "CONSULT", "actor1": ["sergei_shoigu"], "actor2": ["bashar_al_assad"],
         "date": "2017-09-12", "date_evidence": "الثلاثاء", "status": "asserted", "location": "damascus",
         "core": True, "evidence": MEET},
        {"id": "e2", "type": "ASSAULT", "actor1": ["russian_air_force"], "actor2": [], "date": None,
         "date_evidence": None, "status": "asserted", "location": "idlib", "core": True, "evidence": STRIKE},
        {"id": "e3", "type": "ASSAULT", "actor1": ["syrian_army"], "actor2": ["isis"], "date": "2017-09",
         "date_evidence": "الأسبوع الماضي", "status": "reported", "location": None, "core": False,
         "evidence": SIEGE},
    ],
}


def ref(id_: str | None, text: str, **kw: object) -> dict:
    return {"id": id_, "name_en": kw.get("name_en"), "name_ar": text, "wikidata": kw.get("wikidata"),
            "country": None, "sector": None, "role": None, "text": text}


def event(type_: str, actor: list, recipient: list, evidence: str, **kw: object) -> dict:
    return {"schema": "marsad.event/1", "event_id": "x", "doc_id": "a1", "type": type_, "mode": None,
            "cameo": "", "actor": actor, "recipient": recipient, "date": kw.get("date"),
            "date_precision": None, "date_text": None, "location": kw.get("location"),
            "status": kw.get("status", "asserted"), "source": None, "quantities": {},
            "evidence": {"text": evidence, "start": 0, "end": len(evidence)},
            "confidence": kw.get("confidence", 0.5)}


PREDS = [
    # roles swapped: lenient yes, strict no; the Arabic mention string identifies Shoigu
    event("CONSULT", [ref("bashar_al_assad", "الأسد")], [ref(None, "وزير الدفاع الروسي سيرغي شويغو")], MEET,
          date="2017-09-12", location={"name_en": "Damascus"}, confidence=0.9),
    # matched through the English name, strict as well (gold has no recipient)
    event("ASSAULT", [ref("ru_af", "الطائرات الروسية", name_en="Russian Aerospace Forces")], [], STRIKE,
          confidence=0.8),
    # wrong actor: a false positive, and e3 is missed
    event("ASSAULT", [ref("isis", "داعش")], [], SIEGE, status="reported", confidence=0.2),
]


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path]:
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    (gold_dir / "a1.gold.json").write_text(json.dumps(GOLD, ensure_ascii=False), "utf-8")
    pred_dir = tmp_path / "run"
    pred_dir.mkdir()
    (pred_dir / "documents.jsonl").write_text(json.dumps(
        {"doc_id": "a1", "source": "/data/in/a1.txt", "status": "ok"}) + "\n", "utf-8")
    (pred_dir / "events.jsonl").write_text(
        "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in PREDS), "utf-8")
    return gold_dir, pred_dir


def test_actor_matching_by_id_qid_name_and_mention():
    actors = {a["id"]: a for a in GOLD["actors"]}
    assert actor_matches("bashar_al_assad", actors, ref("bashar_al_assad", "الأسد"))
    assert actor_matches("bashar_al_assad", actors, ref("x", "الأسد", wikidata="Q44329"))
    assert actor_matches("sergei_shoigu", actors, ref("x", "?", name_en="sergei shoigu"))
    # clitics: «شويغو» with a glued و is a listed string; a predicted «الجيش السوري» is not Shoigu
    assert actor_matches("sergei_shoigu", actors, ref(None, "وشويغو"))
    assert not actor_matches("sergei_shoigu", actors, ref(None, "الجيش السوري"))


def test_lenient_and_strict_figures(folders):
    gold_dir, pred_dir = folders
    gold = load_gold(gold_dir)
    preds = load_predictions(pred_dir, gold)
    s = score(gold, preds).summary()
    assert (s["gold"], s["pred"]) == (3, 3)
    assert s["lenient"]["tp"] == 2
    assert s["strict"]["tp"] == 1
    assert s["core_recall"] == 1.0
    # e1 names its date words and the prediction has the same date; e2 names none
    assert (s["date_accuracy"], s["date_n"]) == (1.0, 1)
    assert s["status_accuracy"] == 1.0


def test_matching_is_one_to_one():
    g = load_gold_from(GOLD)
    twice = [PREDS[0], PREDS[0]]
    assert len(match_events(g.events, twice, g.actors)) == 1


def load_gold_from(data: dict):
    from marsad.eval.events import GoldDoc, _gold_event
    return GoldDoc("a1", [_gold_event(e) for e in data["events"]], {a["id"]: a for a in data["actors"]})


def test_reliability_bins_count_every_prediction():
    rows = reliability([(0.82, True), (0.85, False), (0.1, False)])
    assert sum(n for _, _, n, _, _ in rows) == 3
    top = [r for r in rows if r[0] == 0.8][0]
    assert top[2] == 2 and top[4] == 0.5


def test_manifest_gold_and_id_map(tmp_path: Path):
    manifest = {"schema": "marsad.demo-manifest/1", "files": [{"file": "a1.txt", "format": "txt", "documents": [
        {"id": None, "reference_date": "2017-09-12", "events": [
            {"type": "CONSULT", "actor": ["sergei_shoigu"], "recipient": ["assad"], "date": "2017-09-12",
             "date_text": "الثلاثاء", "status": "asserted", "location": "damascus", "evidence": MEET}]}]}]}
    path = tmp_path / "MANIFEST.yaml"
    path.write_text(yaml.safe_dump(manifest, allow_unicode=True), "utf-8")
    pred = [event("CONSULT", [ref("sergei_shoigu", "شويغو")], [ref("bashar_al_assad", "الأسد")], MEET)]
    plain = score(load_gold(path), {"a1": pred}).summary()
    assert plain["lenient"]["tp"] == 1 and plain["strict"]["tp"] == 0
    mapped = score(load_gold(tmp_path, {"assad": "bashar_al_assad"}), {"a1": pred}).summary()
    assert mapped["strict"]["tp"] == 1


def test_cli_command(folders):
    gold_dir, pred_dir = folders
    res = CliRunner().invoke(app, ["eval", "events", "--gold", str(gold_dir), "--pred", str(pred_dir), "--json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    assert out["lenient"]["tp"] == 2 and out["strict"]["tp"] == 1
    assert sum(r["n"] for r in out["reliability"]) == 3
    res = CliRunner().invoke(app, ["eval", "events", "--gold", str(gold_dir), "--pred", str(pred_dir), "--errors"])
    assert res.exit_code == 0
    assert "lenient" in res.output and "MISS" in res.output and "e3" in res.output


def test_cli_bad_folder(tmp_path: Path):
    res = CliRunner().invoke(app, ["eval", "events", "--gold", str(tmp_path), "--pred", str(tmp_path)])
    assert res.exit_code == 2
