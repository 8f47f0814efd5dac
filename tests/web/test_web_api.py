"""HTTP API of the explorer: every endpoint and filter, the limit cap, 404s, 422s and the CSP."""

from __future__ import annotations

import json
import re
import warnings
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from marsad.web.app import STATIC_DIR, create_asgi
from marsad.web.queries import ReadStore, StoreError, fold
from marsad.web.spans import event_spans

with warnings.catch_warnings():
    # Starlette warns that its test client will move from httpx to httpx2; not our concern here.
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


@pytest.fixture(scope="module")
def client(web_db: Path):
    with TestClient(create_asgi(web_db)) as c:
        yield c


def ids(resp) -> set[str]:
    assert resp.status_code == 200, resp.text
    return {e["event_id"] for e in resp.json()["items"]}


ALL = {"shoigu:e1", "shoigu:e2", "ankara:e1", "ankara:e2", "hostile:e1", "denial:e1"}


# -- /api/events ---------------------------------------------------------------------------------

def test_events_envelope_and_contract_fields(client):
    r = client.get("/api/events")
    body = r.json()
    assert body["total"] == 6 and len(body["items"]) == 6
    assert ids(r) == ALL
    ev = next(e for e in body["items"] if e["event_id"] == "shoigu:e1")
    assert ev["schema"] == "marsad.event/1"
    assert ev["actor"][0]["name_ar"] == "سيرغي شويغو"
    assert ev["location"]["geonames_id"] == 170654
    assert ev["quad"] == "verbal_cooperation"
    assert ev["doc_title"] == "شويغو يلتقي الأسد في دمشق"
    # newest first, undated last
    dates = [e["date"] for e in body["items"]]
    assert dates[-1] is None and dates[0] == "2019-10-01"


def test_filter_by_actor_matches_either_side(client):
    assert ids(client.get("/api/events", params={"actor": "sergei_shoigu"})) == {"shoigu:e1"}
    assert ids(client.get("/api/events", params={"actor": "iran"})) == {"ankara:e1", "hostile:e1", "denial:e1"}
    assert ids(client.get("/api/events", params={"actor": "nobody"})) == set()


def test_filter_by_type_single_comma_and_repeated(client):
    assert ids(client.get("/api/events", params={"type": "ASSAULT"})) == {"shoigu:e2"}
    assert ids(client.get("/api/events?type=assault,agree")) == {"shoigu:e2", "ankara:e1"}
    assert ids(client.get("/api/events?type=ASSAULT&type=THREATEN")) == {"shoigu:e2", "ankara:e2"}


def test_filter_by_dates_uses_the_period_of_month_and_year_dates(client):
    # 2017-09 (month) overlaps 20–30 Sep; the day event of 12 Sep does not.
    assert ids(client.get("/api/events", params={"from": "2017-09-20", "to": "2017-09-30"})) == {"shoigu:e2"}
    assert ids(client.get("/api/events", params={"from": "2017-09-01", "to": "2017-09-12"})) == {"shoigu:e1",
                                                                                            "shoigu:e2"}
    # the year-only 2019 event overlaps any 2019 range; undated events never match a date filter
    assert ids(client.get("/api/events", params={"from": "2019-11", "to": "2019-12"})) == {"ankara:e2"}
    assert ids(client.get("/api/events", params={"from": "2019"})) == {"ankara:e1", "ankara:e2", "hostile:e1"}


def test_filter_by_place_arabic_english_folded_and_geonames(client):
    assert ids(client.get("/api/events", params={"place": "دمشق"})) == {"shoigu:e1"}
    assert ids(client.get("/api/events", params={"place": "damascus"})) == {"shoigu:e1"}
    assert ids(client.get("/api/events", params={"place": "انقرة"})) == {"ankara:e1"}  # without hamza
    assert ids(client.get("/api/events", params={"place": "170794"})) == {"shoigu:e2"}


def test_filter_by_country_status_and_document(client):
    assert ids(client.get("/api/events", params={"country": "syr"})) == {"shoigu:e1", "shoigu:e2"}
    assert ids(client.get("/api/events", params={"status": "negated"})) == {"denial:e1"}
    assert ids(client.get("/api/events", params={"status": "planned"})) == {"ankara:e1"}
    assert ids(client.get("/api/events", params={"doc": "ankara"})) == {"ankara:e1", "ankara:e2"}


def test_free_text_search_folds_arabic_spelling(client):
    # "الاسد" (bare alef) finds "الأسد" in the evidence sentence; "بالرد" is only in the threat
    assert ids(client.get("/api/events", params={"q": "بشار الاسد"})) == {"shoigu:e1"}
    assert ids(client.get("/api/events", params={"q": "بالرد"})) == {"ankara:e2"}
    # a vowelled query finds the unvowelled text; regex metacharacters are literal
    assert ids(client.get("/api/events", params={"q": "بَشّار"})) == {"shoigu:e1"}
    assert ids(client.get("/api/events", params={"q": "onerror=\"window"})) == {"hostile:e1"}
    assert ids(client.get("/api/events", params={"q": "a(b[*"})) == set()
    # the title is searched as well
    assert ids(client.get("/api/events", params={"q": "مريب"})) == {"hostile:e1"}


def test_filters_combine(client):
    r = client.get("/api/events", params={"actor": "turkey", "type": "AGREE,THREATEN", "from": "2019-09-01",
                                          "to": "2019-09-30"})
    assert ids(r) == {"ankara:e1", "ankara:e2"}


def test_limit_offset_and_cap(client):
    first = client.get("/api/events", params={"limit": 2}).json()
    second = client.get("/api/events", params={"limit": 2, "offset": 2}).json()
    assert first["total"] == second["total"] == 6
    assert len(first["items"]) == 2 and len(second["items"]) == 2
    assert not {e["event_id"] for e in first["items"]} & {e["event_id"] for e in second["items"]}
    assert client.get("/api/events", params={"limit": 500}).status_code == 200
    r = client.get("/api/events", params={"limit": 501})
    assert r.status_code == 422
    assert "limit" in r.json()["message"] and "500" in r.json()["message"]
    assert client.get("/api/events", params={"limit": 0}).status_code == 422
    assert client.get("/api/events", params={"offset": -1}).status_code == 422
    assert client.get("/api/events", params={"offset": 100}).json() == {"items": [], "total": 6, "limit": 50,
                                                                        "offset": 100}


@pytest.mark.parametrize(("params", "needle"), [
    ({"type": "BOMBING"}, "unknown event type 'BOMBING'"),
    ({"status": "rumoured"}, "unknown status 'rumoured'"),
    ({"from": "12/09/2017"}, "'from' must be a date"),
    ({"to": "2017-02-30"}, "not a real date"),
    ({"from": "2018-01-01", "to": "2017-01-01"}, "is after 'to'"),
    ({"country": "SY"}, "country"),
    ({"limit": "many"}, "limit"),
])
def test_bad_parameters_are_422_with_a_clear_message(client, params, needle):
    r = client.get("/api/events", params=params)
    assert r.status_code == 422
    body = r.json()
    assert needle in body["message"], body
    assert body["detail"][0]["loc"][0] == "query"


# -- /api/events/{id} ----------------------------------------------------------------------------

def test_event_detail_has_document_text_and_marked_spans(client):
    r = client.get("/api/events/shoigu:e1")
    assert r.status_code == 200
    d = r.json()
    text = d["document"]["text"]
    assert d["evidence"]["check"] == "exact"
    assert text[d["evidence"]["start"]:d["evidence"]["end"]] == d["event"]["evidence"]["text"]
    by_role = {s["role"]: s for s in d["spans"]}
    assert set(by_role) == {"evidence", "actor", "recipient", "date", "place"}
    for s in d["spans"]:
        assert text[s["start"]:s["end"]] == s["text"]
    # actor and recipient come from the linked mentions, date and place from their surface text
    assert by_role["actor"]["text"] == "سيرغي شويغو" and by_role["actor"]["name_en"] == "Sergei Shoigu"
    assert by_role["recipient"]["text"] == "بشار الأسد"
    assert by_role["date"]["text"] == "أمس الثلاثاء"
    assert by_role["place"]["text"] == "دمشق"
    assert d["evidence"]["unplaced"] == []
    assert d["document"]["title"] == "شويغو يلتقي الأسد في دمشق"


def test_event_detail_unknown_id_is_404(client):
    r = client.get("/api/events/no-such-event")
    assert r.status_code == 404
    assert "no-such-event" in r.json()["detail"]


def test_spans_relocate_stale_offsets_and_report_unplaced_parts():
    text = "مقدمة. اتهمت تركيا إيران بدعم المسلحين."
    ev = {"evidence": {"text": "اتهمت تركيا إيران بدعم المسلحين.", "start": 0, "end": 10},
          "actor": [{"id": "turkey", "text": "تركيا"}], "recipient": [{"id": "iraq", "text": "العراق",
                                                                      "name_ar": "العراق"}],
          "date": "2019", "date_text": None}
    spans, evidence = event_spans(ev, text, [])
    assert evidence["check"] == "relocated" and text[evidence["start"]:evidence["end"]] == ev["evidence"]["text"]
    assert [s["role"] for s in spans] == ["evidence", "actor"]
    assert {u["role"] for u in evidence["unplaced"]} == {"recipient", "date"}
    spans, evidence = event_spans({"evidence": {"text": "جملة غير موجودة", "start": 0, "end": 3}}, text, [])
    assert spans == [] and evidence["check"] == "not_in_text"


# -- /api/documents, /api/actors, /api/graph, /api/timeline, /api/map, /api/meta -----------------

def test_document_endpoint_and_404(client):
    d = client.get("/api/documents/shoigu").json()
    assert d["text"].startswith("التقى وزير الدفاع")
    assert d["published"] == "2017-09-13" and d["outlet"] == "سانا"
    assert [e["event_id"] for e in d["events"]] == ["shoigu:e1", "shoigu:e2"]
    assert {m["actor_id"] for m in d["mentions"]} >= {"sergei_shoigu", "bashar_al_assad"}
    assert client.get("/api/documents/missing").status_code == 404


def test_actors_search_in_arabic_and_english_with_counts(client):
    body = client.get("/api/actors").json()
    counts = {a["id"]: (a["n_events"], a["as_actor"], a["as_recipient"]) for a in body["items"]}
    assert counts["iran"] == (3, 1, 2)
    assert counts["turkey"] == (3, 3, 0)
    assert body["total"] == 6
    assert [a["id"] for a in client.get("/api/actors", params={"search": "شويغو"}).json()["items"]] == [
        "sergei_shoigu"]
    assert [a["id"] for a in client.get("/api/actors", params={"search": "Shoigu"}).json()["items"]] == [
        "sergei_shoigu"]
    assert [a["id"] for a in client.get("/api/actors", params={"search": "ايران"}).json()["items"]] == ["iran"]
    assert client.get("/api/actors", params={"limit": 501}).status_code == 422


def test_graph_edges_are_coloured_by_quad_and_filtered_by_dates(client):
    g = client.get("/api/graph").json()
    edges = {(e["source"], e["target"]): e for e in g["edges"]}
    assert edges[("sergei_shoigu", "bashar_al_assad")]["cooperation"] == 1
    assert edges[("syrian_army", "isis")]["conflict"] == 1
    turkey_iran = edges[("turkey", "iran")]
    assert (turkey_iran["n_events"], turkey_iran["cooperation"], turkey_iran["conflict"]) == (2, 1, 1)
    assert {n["id"] for n in g["nodes"]} == {"sergei_shoigu", "bashar_al_assad", "syrian_army", "isis", "turkey",
                                             "iran"}
    g2017 = client.get("/api/graph", params={"from": "2017-01-01", "to": "2017-12-31"}).json()
    assert {(e["source"], e["target"]) for e in g2017["edges"]} == {("sergei_shoigu", "bashar_al_assad"),
                                                                    ("syrian_army", "isis")}
    assert client.get("/api/graph", params={"from": "yesterday"}).status_code == 422


def test_timeline_by_month_week_and_year(client):
    t = client.get("/api/timeline").json()
    assert t["periods"] == ["2017-09", "2019-09", "2019-10"]
    assert t["series"]["CONSULT"] == [1, 0, 0] and t["series"]["ASSAULT"] == [1, 0, 0]
    # the year-only threat is not put in an invented month; the denial has no date
    assert t["imprecise"] == 1 and t["undated"] == 1
    t = client.get("/api/timeline", params={"actor": "turkey"}).json()
    assert t["periods"] == ["2019-09", "2019-10"] and t["imprecise"] == 1
    w = client.get("/api/timeline", params={"granularity": "week"}).json()
    assert w["periods"] == ["2017-09-11", "2019-09-16", "2019-09-30"]  # ISO week starts (Mondays)
    assert w["imprecise"] == 2  # the month-dated siege and the year-dated threat
    y = client.get("/api/timeline", params={"granularity": "year"}).json()
    assert y["periods"] == ["2017", "2019"] and y["imprecise"] == 0
    r = client.get("/api/timeline", params={"granularity": "day"})
    assert r.status_code == 422 and "granularity" in r.json()["message"]


def test_map_points_only_located_events(client):
    m = client.get("/api/map").json()
    assert {p["event_id"] for p in m["items"]} == {"shoigu:e1", "shoigu:e2", "ankara:e1"}
    assert m["total"] == 3 and m["truncated"] is False
    assert {p["event_id"] for p in client.get("/api/map", params={"actor": "turkey"}).json()["items"]} == {
        "ankara:e1"}


def test_meta(client):
    m = client.get("/api/meta").json()
    assert m["documents"] == 4 and m["events"] == 6
    assert len(m["types"]) == 16
    assert {t["type"]: t["n"] for t in m["types"]}["ASSAULT"] == 1


# -- headers, docs, static assets, no writes -----------------------------------------------------

@pytest.mark.parametrize("path", ["/", "/api/events", "/api/events/nope", "/api/events?limit=999",
                                  "/openapi.json", "/docs", "/static/app.js", "/static/missing.js"])
def test_every_response_carries_the_csp(client, path):
    r = client.get(path)
    csp = r.headers["content-security-policy"]
    assert csp.startswith("default-src 'self'")
    assert "http" not in csp  # no outside origin is ever allowed
    assert r.headers["x-content-type-options"] == "nosniff"


def test_internal_errors_also_carry_the_csp(web_db, monkeypatch):
    asgi = create_asgi(web_db)
    store = asgi.app.state.store

    def boom() -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(store, "meta", boom)
    with TestClient(asgi, raise_server_exceptions=False) as c:
        r = c.get("/api/meta")
    assert r.status_code == 500
    assert r.headers["content-security-policy"].startswith("default-src 'self'")


def test_openapi_and_local_docs(client):
    spec = client.get("/openapi.json").json()
    for path in ("/api/events", "/api/events/{event_id}", "/api/actors", "/api/graph", "/api/timeline",
                 "/api/documents/{doc_id}"):
        assert path in spec["paths"]
    params = {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert params >= {"actor", "type", "from", "to", "place", "country", "status", "q", "limit", "offset"}
    html = client.get("/docs").text
    assert "swagger-ui-bundle.js" in html
    assert not re.search(r"(src|href)=\"(https?:)?//", html)  # nothing from a CDN
    for asset in re.findall(r"(?:src|href)=\"(/static/[^\"]+)\"", html):
        assert client.get(asset).status_code == 200, asset
    assert client.get("/redoc").status_code == 404


def test_page_assets_are_all_local_and_licensed(client):
    html = client.get("/").text
    assert 'dir="rtl"' in html and 'lang="ar"' in html
    assets = re.findall(r"(?:src|href)=\"([^\"]+)\"", html)
    assert assets and all(a.startswith("/") and not a.startswith("//") for a in assets), assets
    for asset in assets:
        assert client.get(asset).status_code == 200, asset
    vendor = STATIC_DIR / "vendor"
    versions = json.loads((vendor / "VERSIONS.json").read_text())
    for pkg in versions:
        assert any((vendor / pkg).glob("LICENSE*")), f"{pkg} has no licence file"
    assert client.get("/static/vendor/world-atlas/countries-50m.json").json()["type"] == "Topology"


def test_page_script_never_uses_inner_html():
    # untrusted text must go through textContent; a regression here is an XSS hole
    source = (STATIC_DIR / "app.js").read_text(encoding="utf-8")
    assert not re.search(r"\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write", source)


def test_no_write_endpoints(client):
    for method in ("post", "put", "patch", "delete"):
        assert getattr(client, method)("/api/events").status_code == 405
    spec = client.get("/openapi.json").json()
    assert all(set(ops) == {"get"} for ops in spec["paths"].values())


# -- store opening and the CLI -------------------------------------------------------------------

def test_store_errors_are_clear(tmp_path):
    with pytest.raises(StoreError, match="no store"):
        ReadStore(tmp_path / "missing.duckdb")
    other = tmp_path / "other.duckdb"
    duckdb.connect(str(other)).close()
    with pytest.raises(StoreError, match="not a Marsad store"):
        ReadStore(other)


def test_serve_command_rejects_a_missing_store(tmp_path):
    from marsad.cli import app

    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "nope.duckdb")])
    assert result.exit_code == 2
    assert "no store" in result.output


def test_fold_unifies_arabic_variants():
    assert fold("الأَسَد") == fold("الاسد") == "الاسد"
    assert fold("إيران") == "ايران" and fold("مدينة") == "مدينه" and fold("Damascus ") == "damascus"
