"""A small hand-made store for the web tests: four Arabic articles, their events and mentions.

The events follow the contract (marsad.event/1) and their offsets are computed from the text, so
``text[start:end]`` is the evidence. One article is hostile: its title and text carry ``<script>``
and ``<img onerror>`` that must show as plain text in the explorer.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from marsad.model import Document, Mention
from marsad.store import Store

SHOIGU = {"id": "sergei_shoigu", "name_en": "Sergei Shoigu", "name_ar": "سيرغي شويغو", "wikidata": "Q313200",
          "country": "RUS", "sector": "GOV", "role": "Minister of Defence"}
ASSAD = {"id": "bashar_al_assad", "name_en": "Bashar al-Assad", "name_ar": "بشار الأسد", "wikidata": "Q44329",
         "country": "SYR", "sector": "GOV", "role": "President"}
SYRIAN_ARMY = {"id": "syrian_army", "name_en": "Syrian Arab Army", "name_ar": "الجيش السوري", "wikidata": None,
               "country": "SYR", "sector": "MIL", "role": None}
ISIS = {"id": "isis", "name_en": "Islamic State", "name_ar": "تنظيم داعش", "wikidata": "Q2429253",
        "country": None, "sector": "REB", "role": None}
TURKEY = {"id": "turkey", "name_en": "Turkey", "name_ar": "تركيا", "wikidata": "Q43", "country": "TUR",
          "sector": "GOV", "role": None}
IRAN = {"id": "iran", "name_en": "Iran", "name_ar": "إيران", "wikidata": "Q794", "country": "IRN",
        "sector": "GOV", "role": None}
DAMASCUS = {"name_en": "Damascus", "name_ar": "دمشق", "geonames_id": 170654, "country": "SYR",
            "lat": 33.51, "lon": 36.29}
DEIR = {"name_en": "Deir ez-Zor", "name_ar": "دير الزور", "geonames_id": 170794, "country": "SYR",
        "lat": 35.336, "lon": 40.141}
ANKARA = {"name_en": "Ankara", "name_ar": "أنقرة", "geonames_id": 323786, "country": "TUR",
          "lat": 39.92, "lon": 32.85}

DOC1 = ("التقى وزير الدفاع الروسي سيرغي شويغو أمس الثلاثاء بالرئيس السوري بشار الأسد في دمشق.\n"
        "ونقلت وكالة سانا أن الجيش السوري كسر الأسبوع الماضي الحصار الذي فرضه تنظيم داعش على دير الزور.\n"
        "وأكد الأسد أن التنسيق مع موسكو سيستمر.")
DOC2 = ("أعلنت تركيا وإيران أنهما ستوقعان اتفاقاً للتعاون الأمني في أنقرة يوم 16 أيلول/سبتمبر 2019.\n"
        "وهددت تركيا بالرد على أي هجوم يستهدف قواتها.")
HOSTILE_TITLE = "<script>window.__pwned = 'title'</script> خبر مريب"
HOSTILE = ("قال مصدر إن تركيا اتهمت إيران <img src=x onerror=\"window.__pwned='img'\"> بدعم المسلحين.\n"
           "<script>window.__pwned = 'text'</script> ونفت إيران ذلك.")
DOC4 = "ونفت إيران أن تكون قد أرسلت قوات إلى سوريا."


def _ev(doc_id: str, n: int, text: str, evidence: str, type_: str, actor: list[dict], recipient: list[dict],
        *, surfaces: dict[str, str], date: str | None = None, precision: str | None = None,
        date_text: str | None = None, location: dict | None = None, loc_text: str | None = None,
        status: str = "asserted", source: str | None = None, mode: str | None = None) -> dict[str, Any]:
    start = text.index(evidence)
    loc = {**location, "text": loc_text} if location else None
    return {
        "schema": "marsad.event/1", "event_id": f"{doc_id}:e{n}", "doc_id": doc_id, "type": type_, "mode": mode,
        "cameo": None,
        "actor": [{**a, "text": surfaces.get(a["id"])} for a in actor],
        "recipient": [{**a, "text": surfaces.get(a["id"])} for a in recipient],
        "date": date, "date_precision": precision, "date_text": date_text, "location": loc, "status": status,
        "source": source, "quantities": {}, "evidence": {"text": evidence, "start": start, "end": start + len(evidence)},
        "confidence": 0.8,
    }


def _mention(text: str, surface: str, label: str, actor_id: str | None = None, place_id: str | None = None,
             nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return Mention(start=start, end=start + len(surface), text=surface, label=label, actor_id=actor_id,
                   place_id=place_id)


def build_documents() -> list[Document]:
    s1, s2 = DOC1.split("\n")[:2]
    d1 = Document(doc_id="shoigu", source="shoigu.txt", text=DOC1, title="شويغو يلتقي الأسد في دمشق",
                  outlet="سانا", published="2017-09-13", published_basis="given", content_sha256="a1")
    d1.events = [
        _ev("shoigu", 1, DOC1, s1, "CONSULT", [SHOIGU], [ASSAD], mode="visit",
            surfaces={"sergei_shoigu": "وزير الدفاع الروسي سيرغي شويغو", "bashar_al_assad": "بشار الأسد"},
            date="2017-09-12", precision="day", date_text="أمس الثلاثاء", location=DAMASCUS, loc_text="في دمشق"),
        _ev("shoigu", 2, DOC1, s2, "ASSAULT", [SYRIAN_ARMY], [ISIS], mode="siege",
            surfaces={"syrian_army": "الجيش السوري", "isis": "تنظيم داعش"}, date="2017-09", precision="month",
            date_text="الأسبوع الماضي", location=DEIR, loc_text="دير الزور", status="reported", source="سانا"),
    ]
    d1.mentions = [
        _mention(DOC1, "سيرغي شويغو", "PERS", actor_id="sergei_shoigu"),
        _mention(DOC1, "بشار الأسد", "PERS", actor_id="bashar_al_assad"),
        _mention(DOC1, "دمشق", "LOC", place_id="gn:170654"),
        _mention(DOC1, "دير الزور", "LOC", place_id="gn:170794"),
    ]
    s21, s22 = DOC2.split("\n")
    d2 = Document(doc_id="ankara", source="ankara.txt", text=DOC2, title="اتفاق أمني تركي إيراني",
                  published="2019-09-10", content_sha256="a2")
    d2.events = [
        _ev("ankara", 1, DOC2, s21, "AGREE", [TURKEY], [IRAN], surfaces={"turkey": "تركيا", "iran": "وإيران"},
            date="2019-09-16", precision="day", date_text="16 أيلول/سبتمبر 2019", location=ANKARA,
            loc_text="في أنقرة", status="planned", mode="sign"),
        _ev("ankara", 2, DOC2, s22, "THREATEN", [TURKEY], [], surfaces={"turkey": "تركيا"}, date="2019",
            precision="year"),
    ]
    h1 = HOSTILE.split("\n")[0]
    d3 = Document(doc_id="hostile", source="hostile.html", text=HOSTILE, title=HOSTILE_TITLE, content_sha256="a3",
                  published="2019-10-01")
    d3.events = [_ev("hostile", 1, HOSTILE, h1, "ACCUSE", [TURKEY], [IRAN], surfaces={"turkey": "تركيا",
                                                                                       "iran": "إيران"},
                     status="reported", source="مصدر", date="2019-10-01", precision="day")]
    d4 = Document(doc_id="denial", source="denial.txt", text=DOC4, title="إيران تنفي", content_sha256="a4")
    d4.events = [_ev("denial", 1, DOC4, DOC4, "MOBILIZE", [IRAN], [], surfaces={"iran": "إيران"},
                     status="negated")]
    return [d1, d2, d3, d4]


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("webstore") / "marsad.duckdb"
    store = Store.open(path)
    try:
        store.write(build_documents())
    finally:
        store.close()
    return path
