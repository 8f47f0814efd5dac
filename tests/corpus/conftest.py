"""A small hand-made world of reports for the cross-document tests (contract-shaped events)."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.corpus import finalize
from marsad.model import Document
from marsad.store import Store

SHOIGU = {"id": "sergei_shoigu", "name_en": "Sergei Shoigu", "name_ar": "سيرغي شويغو", "country": "RUS",
          "sector": "GOV", "role": "Minister of Defence", "text": "وزير الدفاع الروسي سيرغي شويغو"}
ASSAD = {"id": "bashar_al_assad", "name_en": "Bashar al-Assad", "name_ar": "بشار الأسد", "country": "SYR",
         "sector": "GOV", "role": "President", "text": "الرئيس السوري بشار الأسد"}
RUSSIA = {"id": "russia", "name_en": "Russia", "name_ar": "روسيا", "country": "RUS", "sector": "GOV", "text": "روسيا"}
IRAN = {"id": "iran", "name_en": "Iran", "name_ar": "إيران", "country": "IRN", "sector": "GOV", "text": "إيران"}
RAF = {"id": "russian_air_force", "name_en": "Russian Air Force", "name_ar": "القوات الجوية الروسية",
       "country": "RUS", "sector": "MIL", "text": "الطائرات الروسية"}
DAMASCUS = {"name_en": "Damascus", "name_ar": "دمشق", "geonames_id": 170654, "country": "SYR", "lat": 33.51,
            "lon": 36.29, "text": "في دمشق"}
KHAN_SHAYKHUN = {"name_en": "Khan Shaykhun", "name_ar": "خان شيخون", "geonames_id": None, "country": "SYR",
                 "lat": 35.44, "lon": 36.65, "text": "في خان شيخون"}
MOSCOW = {"name_en": "Moscow", "name_ar": "موسكو", "geonames_id": 524901, "country": "RUS", "lat": 55.75,
          "lon": 37.62, "text": "في موسكو"}
SYRIA_LOC = {"name_en": "Syria", "name_ar": "سوريا", "geonames_id": None, "country": "SYR", "lat": None,
             "lon": None, "text": "في سوريا"}


def event(doc_id: str, n: int, text: str, sentence: str, type_: str, actor: list, recipient: list, date: str | None,
          precision: str | None, location: dict | None, status: str = "asserted", mode: str | None = None,
          quantities: dict | None = None) -> dict:
    start = text.index(sentence)
    return {"schema": "marsad.event/1", "event_id": f"{doc_id}:e{n}", "doc_id": doc_id, "type": type_, "mode": mode,
            "cameo": None, "actor": actor, "recipient": recipient, "date": date, "date_precision": precision,
            "date_text": None, "location": location, "status": status, "source": None,
            "quantities": quantities or {}, "evidence": {"text": sentence, "start": start, "end": start + len(sentence)},
            "confidence": 0.8}


def document(doc_id: str, text: str, published: str, outlet: str | None, events: list[tuple]) -> Document:
    d = Document(doc_id=doc_id, source=f"{doc_id}.txt", text=text, published=published, published_basis="stated",
                 outlet=outlet, content_sha256=f"sha-{doc_id}")
    d.events = [event(doc_id, i + 1, text, *spec) for i, spec in enumerate(events)]
    return d


A = ("التقى وزير الدفاع الروسي سيرغي شويغو أمس الثلاثاء بالرئيس السوري بشار الأسد في دمشق. "
     "وبحث الجانبان التعاون العسكري بين البلدين.")
B = ("استقبل الرئيس السوري بشار الأسد اليوم في دمشق وزير الدفاع الروسي سيرغي شويغو، في زيارة لم يعلن عنها. "
     "وقالت الرئاسة إن اللقاء تناول الوضع في دير الزور.")
C = "عاد وزير الدفاع الروسي سيرغي شويغو إلى دمشق أمس حيث التقى الرئيس السوري بشار الأسد للمرة الثانية هذا الشهر."
D = "قتل 14 مدنيا في غارات شنتها الطائرات الروسية أمس الثلاثاء على مدينة خان شيخون في ريف إدلب الجنوبي."
E = "نفت وزارة الدفاع الروسية أن تكون طائراتها قد شنت أمس أي غارات على خان شيخون في ريف إدلب."
F = "أجرى وزير الخارجية الروسي محادثات في موسكو مع نظيره الإيراني تناولت الاتفاق النووي."
G = "وقعت روسيا وإيران اتفاقا لتبادل المعلومات الاستخبارية حول تنظيم داعش في سوريا."
H = "اتهمت إيران روسيا بالتقاعس عن تسليم منظومة الصواريخ المتفق عليها."
I_ = ("وقعت روسيا وإيران اتفاقا لتبادل المعلومات الاستخبارية حول تنظيم داعش في سوريا، "
     "بحسب ما أعلن مسؤولون في بغداد.")


def world() -> list[Document]:
    """Nine reports: one Damascus meeting told by two outlets, a later meeting, a strike and its denial,
    Russia–Iran events in 2015, 2016 and 2021 (one of them syndicated by a third outlet)."""
    return [
        document("a", A, "2017-09-13", "شبكة الأفق الإخبارية", [
            (A.split(".")[0] + ".", "CONSULT", [SHOIGU], [ASSAD], "2017-09-12", "day", DAMASCUS, "asserted", "visit")]),
        document("b", B, "2017-09-12", "منصة مدار", [
            (B.split("،")[0], "CONSULT", [ASSAD], [SHOIGU], "2017-09-12", "day", DAMASCUS, "asserted", "host")]),
        document("c", C, "2017-09-26", "مرصد الشرق", [
            (C, "CONSULT", [SHOIGU], [ASSAD], "2017-09-25", "day", DAMASCUS, "asserted", "visit")]),
        document("d", D, "2019-07-24", "شبكة الأفق الإخبارية", [
            (D, "ASSAULT", [RAF], [], "2019-07-23", "day", KHAN_SHAYKHUN, "asserted", "aerial", {"killed": 14})]),
        document("e", E, "2019-07-24", "منصة مدار", [
            (E, "ASSAULT", [RAF], [], "2019-07-23", "day", KHAN_SHAYKHUN, "negated", "aerial")]),
        document("f", F, "2021-01-26", "صحيفة الضفتين", [
            (F, "CONSULT", [RUSSIA], [IRAN], "2021-01-26", "day", MOSCOW, "asserted", "negotiate")]),
        document("g", G, "2015-10-02", "مرصد الشرق", [
            (G, "COOPERATE", [RUSSIA], [IRAN], "2015-10", "month", SYRIA_LOC, "asserted", "intelligence")]),
        document("h", H, "2016-03-05", "منصة مدار", [
            (H, "ACCUSE", [IRAN], [RUSSIA], "2016-03-04", "day", None, "asserted", "accuse")]),
        document("i", I_, "2015-10-03", "جريدة بغداد اليوم", [
            (I_, "COOPERATE", [IRAN], [RUSSIA], "2015-10", "month", SYRIA_LOC, "asserted", "intelligence")]),
    ]


@pytest.fixture
def world_docs() -> list[Document]:
    return world()


@pytest.fixture
def world_db(tmp_path: Path) -> Path:
    """A finalized store of :func:`world`."""
    db = tmp_path / "world.duckdb"
    with Store.open(db) as store:
        store.write(world())
        finalize(store)
    return db
