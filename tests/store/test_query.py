"""The read-side query surface and the CLI commands built on it."""

import json

import duckdb
import pytest
from typer.testing import CliRunner

from marsad.cli import app
from marsad.corpus import finalize
from marsad.model import Document
from marsad.store import Store
from marsad.store.query import actor_ids, count_events, graph, parse_day, query_events, timeline, top_actors

SHOIGU = {"id": "sergei_shoigu", "name_en": "Sergei Shoigu", "name_ar": "سيرغي شويغو", "country": "RUS",
          "text": "وزير الدفاع الروسي سيرغي شويغو"}
ASSAD = {"id": "bashar_al_assad", "name_en": "Bashar al-Assad", "name_ar": "بشار الأسد", "country": "SYR",
         "text": "الرئيس السوري بشار الأسد"}
RUSSIA = {"id": "russia", "name_en": "Russia", "name_ar": "روسيا", "country": "RUS", "text": "موسكو"}
IRAN = {"id": "iran", "name_en": "Iran", "name_ar": "إيران", "country": "IRN", "text": "طهران"}
DAMASCUS = {"name_en": "Damascus", "name_ar": "دمشق", "geonames_id": 170654, "country": "SYR", "lat": 33.51,
            "lon": 36.29, "text": "في دمشق"}

TEXTS = {
    "a": "التقى وزير الدفاع الروسي سيرغي شويغو أمس بالرئيس السوري بشار الأسد في دمشق.",
    "b": "اتهمت طهران موسكو بالتقاعس عن تسليم منظومة الصواريخ.",
    "c": "وقعت موسكو وطهران اتفاقا للتعاون العسكري.",
    "d": "قال مصدر إن القوات الروسية انسحبت من قاعدة قرب المدينة.",
}
SPECS = {  # type, actor, recipient, date, precision, location, status
    "a": ("CONSULT", [SHOIGU], [ASSAD], "2017-09-12", "day", DAMASCUS, "asserted"),
    "b": ("ACCUSE", [IRAN], [RUSSIA], "2016-03", "month", None, "asserted"),
    "c": ("COOPERATE", [RUSSIA], [IRAN], "2015-10-02", "day", None, "asserted"),
    "d": ("RETREAT", [{"id": None, "name_en": None, "name_ar": None, "text": "القوات الروسية"}], [], None, None, None,
          "reported"),
}
PUBLISHED = {"a": "2017-09-13", "b": "2016-03-05", "c": "2015-10-02", "d": "2018-01-10"}


def _doc(k):
    text = TEXTS[k]
    t, actor, recipient, date, precision, loc, status = SPECS[k]
    d = Document(doc_id=k, source=f"{k}.txt", text=text, published=PUBLISHED[k], outlet=f"outlet {k}",
                 content_sha256=f"sha-{k}")
    d.events = [{"event_id": f"{k}:e1", "doc_id": k, "type": t, "mode": None, "actor": actor, "recipient": recipient,
                 "date": date, "date_precision": precision, "location": loc, "status": status, "quantities": {},
                 "evidence": {"text": text, "start": 0, "end": len(text)}, "confidence": 0.9}]
    return d


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "q.duckdb"
    with Store.open(path) as s:
        s.write([_doc(k) for k in TEXTS])
        finalize(s)
    return path


@pytest.fixture
def con(db):
    c = duckdb.connect(str(db), read_only=True)
    yield c
    c.close()


def _ids(rows):
    return [r["event_id"] for r in rows]


def test_arabic_and_english_actor_names_return_the_same_rows(con):
    ar, en, by_id = (query_events(con, actor=q) for q in ("شويغو", "Shoigu", "sergei_shoigu"))
    assert _ids(ar) == _ids(en) == _ids(by_id) == ["a:e1"]


def test_actor_search_ignores_arabic_spelling_variants(con):
    assert _ids(query_events(con, actor="بشار الاسد")) == ["a:e1"]  # no hamza on the alef
    assert "bashar_al_assad" in actor_ids(con, "الأسد")[0]


def test_unlinked_participants_are_found_by_their_text(con):
    assert _ids(query_events(con, actor="القوات الروسية")) == ["d:e1"]


def test_type_date_place_status_and_text_filters(con):
    assert _ids(query_events(con, type="accuse,cooperate")) == ["c:e1", "b:e1"]
    assert _ids(query_events(con, start="2016-03-15", end="2016-12")) == ["b:e1"]  # a month overlaps the range
    assert _ids(query_events(con, start="2018")) == ["d:e1"]  # undated: placed at publication
    assert _ids(query_events(con, place="دمشق")) == _ids(query_events(con, place="Damascus")) == ["a:e1"]
    assert _ids(query_events(con, country="syr")) == ["a:e1"]
    assert _ids(query_events(con, status="reported")) == ["d:e1"]
    assert _ids(query_events(con, q="منظومة الصواريخ")) == ["b:e1"]
    assert _ids(query_events(con, q="اتفاقا للتعاون")) == ["c:e1"]


def test_paging_and_count(con):
    assert count_events(con) == 4
    assert _ids(query_events(con, limit=2, offset=1)) == ["b:e1", "a:e1"]
    assert count_events(con, type="CONSULT") == 1


def test_rows_carry_participant_names_and_ids(con):
    row = query_events(con, actor="Shoigu")[0]
    assert row["actors"] == ["Sergei Shoigu"] and row["recipient_ids"] == ["bashar_al_assad"]
    assert row["cluster_id"] and row["outlet"] == "outlet a"


def test_top_actors_counts_events_per_actor(con):
    rows = {r["actor_id"]: r for r in top_actors(con, 10)}
    assert rows["russia"]["n_events"] == 2 and rows["russia"]["n_as_actor"] == 1
    assert None not in rows


def test_graph_edges_are_signed_by_quad_class(con):
    g = graph(con)
    edges = {(e["source"], e["target"]): e for e in g["edges"]}
    assert edges[("iran", "russia")]["weight"] == -1 and edges[("iran", "russia")]["conflict"] == 1
    assert edges[("russia", "iran")]["weight"] == 2 and edges[("russia", "iran")]["material_cooperation"] == 1
    assert {n["id"] for n in g["nodes"]} == {"iran", "russia", "sergei_shoigu", "bashar_al_assad"}
    assert graph(con, "2016", "2016")["edges"] == [edges[("iran", "russia")]]


def test_country_level_graph_and_monthly_pair_series(con):
    g = graph(con, level="country")
    assert {(e["source"], e["target"]) for e in g["edges"]} == {("RUS", "SYR"), ("IRN", "RUS"), ("RUS", "IRN")}
    series = timeline(con, "Russia", "Iran")
    assert [(r["period"], r["cooperation"], r["conflict"]) for r in series] == [
        ("2015-10-01", 1, 0), ("2016-03-01", 0, 1)]
    assert timeline(con, "RUS", "IRN", granularity="year", level="country")[0]["period"] == "2015-01-01"


def test_parse_day_accepts_partial_dates_and_rejects_others():
    assert parse_day("2016-02", end=True).isoformat() == "2016-02-29"
    with pytest.raises(ValueError, match="YYYY"):
        parse_day("12/09/2017")


# --- CLI ---------------------------------------------------------------------------------------------------------
runner = CliRunner()


def test_cli_events_same_rows_for_arabic_and_english_actor(db):
    outs = [runner.invoke(app, ["events", "--db", str(db), "--actor", q, "--format", "json"]) for q in
            ("شويغو", "Shoigu")]
    assert all(r.exit_code == 0 for r in outs), outs[0].output
    assert json.loads(outs[0].stdout) == json.loads(outs[1].stdout)
    assert [r["event_id"] for r in json.loads(outs[0].stdout)] == ["a:e1"]


def test_cli_events_table_and_csv(db):
    table = runner.invoke(app, ["events", "--db", str(db), "--type", "CONSULT"])
    assert table.exit_code == 0 and "Sergei Shoigu" in table.stdout and "a:e1" in table.stdout
    csv_out = runner.invoke(app, ["events", "--db", str(db), "--format", "csv"])
    lines = csv_out.stdout.strip().splitlines()
    assert lines[0].startswith("event_id,doc_id,date") and len(lines) == 5


@pytest.mark.parametrize("args", [["--from", "2017-13-01"], ["--to", "yesterday"], ["--type", "INVADE"],
                                  ["--from", "2018", "--to", "2017"]])
def test_cli_bad_dates_and_types_exit_2(db, args):
    r = runner.invoke(app, ["events", "--db", str(db), *args])
    assert r.exit_code == 2 and "marsad:" in r.output


def test_cli_missing_store_exits_2(tmp_path):
    r = runner.invoke(app, ["events", "--db", str(tmp_path / "nope.duckdb")])
    assert r.exit_code == 2 and "no store" in r.output


def test_cli_actors_graph_timeline_and_export(db, tmp_path):
    r = runner.invoke(app, ["actors", "--db", str(db), "--top", "2", "--format", "json"])
    assert r.exit_code == 0 and {x["actor_id"] for x in json.loads(r.stdout)} == {"iran", "russia"}
    out = tmp_path / "g.json"
    r = runner.invoke(app, ["graph", "--db", str(db), "--from", "2015", "--to", "2016", "--out", str(out)])
    assert r.exit_code == 0 and len(json.loads(out.read_text("utf-8"))["edges"]) == 2
    r = runner.invoke(app, ["graph", "--db", str(db), "--out", str(tmp_path / "g.png")])
    assert r.exit_code == 2
    r = runner.invoke(app, ["timeline", "--db", str(db), "--actor", "RUS", "--with", "IRN", "--level", "country",
                            "--format", "json"])
    assert r.exit_code == 0 and len(json.loads(r.stdout)) == 2
    csv_path = tmp_path / "x.csv"
    r = runner.invoke(app, ["export", "--db", str(db), "--format", "acled-csv", "--out", str(csv_path)])
    assert r.exit_code == 0 and csv_path.read_text("utf-8").startswith("event_id_cnty,")
    r = runner.invoke(app, ["export", "--db", str(db), "--format", "xlsx", "--out", str(csv_path)])
    assert r.exit_code == 2
