"""Every export format read back with a real reader."""

import csv
import json
import xml.etree.ElementTree as ET

import duckdb
import pytest

from marsad.corpus.export import ACLED_COLUMNS, GRAPHML_NS, acled_type, export


@pytest.fixture
def con(world_db):
    c = duckdb.connect(str(world_db), read_only=True)
    yield c
    c.close()


def test_plover_jsonl_round_trips_with_actors_dates_and_source_text(con, tmp_path):
    out = tmp_path / "e.jsonl"
    assert export(con, "plover-jsonl", out) == 9
    recs = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    a = next(r for r in recs if r["event_id"] == "a:e1")
    assert a["event_type"] == "CONSULT" and a["event_mode"] == "visit" and a["quad_class"] == "verbal_cooperation"
    assert a["actors"][0]["id"] == "sergei_shoigu" and a["recipients"][0]["name_ar"] == "بشار الأسد"
    assert a["event_date"] == "2017-09-12" and a["story_date"] == "2017-09-13"
    assert a["location"]["geonameid"] == 170654 and a["source_text"].startswith("التقى وزير الدفاع")
    assert a["cluster_documents"] == 2 and a["cluster_outlets"] == 2


def test_acled_csv_has_acled_columns_and_only_types_acled_codes(con, tmp_path):
    out = tmp_path / "e.csv"
    n = export(con, "acled-csv", out)
    with open(out, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert tuple(rows[0].keys())[:len(ACLED_COLUMNS)] == ACLED_COLUMNS
    # the strike only: its denial is negated (ACLED codes happenings), talks/accusations have no ACLED type
    assert n == len(rows) == 1
    assert export(con, "acled-csv", tmp_path / "all.csv", status=["asserted", "reported", "negated"]) == 2
    strike = next(r for r in rows if r["marsad_event_id"] == "d:e1")
    assert (strike["event_type"], strike["sub_event_type"]) == ("Explosions/Remote violence", "Air/drone strike")
    assert strike["event_date"] == "2019-07-23" and strike["time_precision"] == "1" and strike["year"] == "2019"
    assert strike["fatalities"] == "14" and strike["actor1"] == "Russian Air Force"
    assert strike["location"] == "Khan Shaykhun" and float(strike["latitude"]) == pytest.approx(35.44)
    assert strike["event_id_cnty"].startswith("SYR") and strike["geo_precision"] == "1"


def test_acled_type_mapping_follows_the_data_file():
    assert acled_type("PROTEST", "riot") == ("Riots", "Violent demonstration")
    assert acled_type("PROTEST", None) == ("Protests", "Peaceful protest")
    assert acled_type("COERCE", "arrest") == ("Strategic developments", "Arrests")
    assert acled_type("CONSULT", "visit") is None


def test_parquet_is_readable_by_duckdb_with_participant_lists(con, tmp_path):
    out = tmp_path / "e.parquet"
    assert export(con, "parquet", out) == 9
    rows = duckdb.sql(f"SELECT event_id, actor_ids, recipient_names, killed, quad_class FROM read_parquet('{out}') "
                      "ORDER BY event_id").fetchall()
    by_id = {r[0]: r for r in rows}
    assert by_id["a:e1"][1:3] == (["sergei_shoigu"], ["Bashar al-Assad"])
    assert by_id["d:e1"][3] == 14 and by_id["h:e1"][4] == "verbal_conflict"


def test_parquet_export_honours_filters(con, tmp_path):
    out = tmp_path / "f.parquet"
    assert export(con, "parquet", out, type="CONSULT", start="2017", end="2017") == 3


def test_geojson_features_have_lon_lat_points(con, tmp_path):
    out = tmp_path / "e.geojson"
    n = export(con, "geojson", out)
    fc = json.loads(out.read_text("utf-8"))
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == n == 6  # g and i are located at "Syria"
    f = next(f for f in fc["features"] if f["id"] == "f:e1")
    assert f["geometry"] == {"type": "Point", "coordinates": [37.62, 55.75]}
    assert f["properties"]["actors"] == ["Russia"] and f["properties"]["type"] == "CONSULT"


def test_graphml_parses_and_carries_signed_weights(con, tmp_path):
    out = tmp_path / "g.graphml"
    n = export(con, "graphml", out)
    root = ET.parse(out).getroot()
    ns = {"g": GRAPHML_NS}
    keys = {k.get("id"): k.get("attr.name") for k in root.findall("g:key", ns)}
    edges = root.findall("g:graph/g:edge", ns)
    assert len(edges) == n
    nodes = {nd.get("id") for nd in root.findall("g:graph/g:node", ns)}
    assert {"russia", "iran", "sergei_shoigu", "bashar_al_assad"} <= nodes

    def attrs(el):
        return {keys[d.get("key")]: d.text for d in el.findall("g:data", ns)}
    ir = next(attrs(e) for e in edges if (e.get("source"), e.get("target")) == ("iran", "russia"))
    # Iran → Russia: one accusation (-1) and one intelligence deal (+2, the Russia → Iran report of it is a
    # different direction)
    assert ir["n_events"] == "2" and ir["weight"] == "1" and ir["verbal_conflict"] == "1"


def test_canonical_export_keeps_one_event_per_cluster(con, tmp_path):
    out = tmp_path / "c.jsonl"
    assert export(con, "plover-jsonl", out, canonical=True) == 7


def test_unknown_format_is_refused(con, tmp_path):
    with pytest.raises(ValueError, match="unknown export format"):
        export(con, "xlsx", tmp_path / "x")
