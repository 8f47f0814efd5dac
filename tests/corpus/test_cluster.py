import json

import pytest

from marsad.corpus import cluster_events, finalize
from marsad.corpus.cluster import parse_date
from marsad.store import Store


def _clusters(db):
    with Store.open(db, read_only=True) as s:
        return dict(s.con.execute("SELECT event_id, cluster_id FROM events").fetchall())


def test_one_meeting_told_by_two_outlets_is_one_cluster_with_sides_swapped(world_db):
    c = _clusters(world_db)
    assert c["a:e1"] == c["b:e1"]


def test_a_meeting_two_weeks_later_is_another_happening(world_db):
    c = _clusters(world_db)
    assert c["c:e1"] != c["a:e1"]


def test_a_denial_is_not_merged_with_the_report_it_denies(world_db):
    c = _clusters(world_db)
    assert c["d:e1"] != c["e:e1"]


def test_month_precise_reports_with_both_parties_cluster_and_other_types_do_not(world_db):
    c = _clusters(world_db)
    assert c["g:e1"] == c["i:e1"]
    assert len({c["f:e1"], c["g:e1"], c["h:e1"]}) == 3


def test_clusters_table_counts_documents_and_outlets(world_db):
    c = _clusters(world_db)
    with Store.open(world_db, read_only=True) as s:
        row = s.con.execute("SELECT n_events, n_documents, n_outlets, n_independent, canonical_event_id, type, date "
                            "FROM clusters WHERE cluster_id = ?", [c["a:e1"]]).fetchone()
        assert row[:4] == (2, 2, 2, 2)
        assert row[4] in ("a:e1", "b:e1") and row[5:] == ("CONSULT", "2017-09-12")
        n_single = s.con.execute("SELECT count(*) FROM clusters WHERE n_events = 1").fetchone()[0]
        record = json.loads(s.con.execute("SELECT record FROM events WHERE event_id = 'a:e1'").fetchone()[0])
    assert n_single == 5  # c, d, e, f, h stand alone
    assert record["cluster_id"] == c["a:e1"]  # the stored contract record carries it too


def test_every_event_gets_a_cluster_and_finalize_reports_them(tmp_path, world_docs):
    with Store.open(tmp_path / "w.duckdb") as store:
        store.write(world_docs)
        cross = finalize(store)
        assert set(cross.clusters) == {r[0] for r in store.con.execute("SELECT event_id FROM events").fetchall()}
        again = finalize(store)  # idempotent: same ids on a re-run
        assert again.clusters == cross.clusters
        assert store.con.execute("SELECT count(*) FROM clusters").fetchone()[0] == len(set(cross.clusters.values()))


def test_syndicated_sentence_links_even_without_linked_actors():
    sentence = "قتل 14 مدنيا في غارات جوية على مدينة خان شيخون في ريف إدلب الجنوبي فجر اليوم الثلاثاء"
    evs = [{"event_id": f"{d}:e1", "doc_id": d, "type": "ASSAULT", "actor": [], "recipient": [],
            "date": "2019-07-23", "date_precision": "day", "location": None, "status": "asserted",
            "evidence": {"text": s}} for d, s in (("x", sentence), ("y", "عاجل: " + sentence))]
    res = cluster_events(evs, {"x": {"outlet": "أ"}, "y": {"outlet": "ب"}})
    assert res.assignment["x:e1"] == res.assignment["y:e1"]
    only = cluster_events(evs[:1] + [dict(evs[1], type="PROTEST")], {})
    assert only.assignment["x:e1"] != only.assignment["y:e1"]


def test_events_of_one_document_are_not_merged_with_each_other():
    evs = [{"event_id": f"x:e{i}", "doc_id": "x", "type": "CONSULT", "actor": [{"id": "russia"}],
            "recipient": [{"id": "iran"}], "date": "2021-01-26", "date_precision": "day", "location": None,
            "status": "asserted", "evidence": {"text": "بحث الجانبان الاتفاق النووي"}} for i in (1, 2)]
    res = cluster_events(evs, {})
    assert res.assignment["x:e1"] != res.assignment["x:e2"]


@pytest.mark.parametrize(("value", "span"), [
    ("2017-09-12", ("2017-09-12", "2017-09-12")), ("2016-02", ("2016-02-01", "2016-02-29")),
    ("2015", ("2015-01-01", "2015-12-31")), ("2019-03-01/2019-03-10", ("2019-03-01", "2019-03-10")),
])
def test_parse_date_gives_the_interval_a_precision_denotes(value, span):
    lo, hi = parse_date(value)
    assert (lo.isoformat(), hi.isoformat()) == span


def test_unparseable_dates_are_unknown():
    assert parse_date("2019-13") is None and parse_date(None) is None
