"""The array evaluation of the clustering rule (marsad.corpus.linking) against the rule itself.

:func:`marsad.corpus.cluster.compatible` and :func:`~marsad.corpus.cluster.link_strength` decide one pair
at a time and stay the reference; the clustering evaluates them over arrays. Both must give the same
candidate pairs and the same links, with the same strengths, in the same order.
"""

from __future__ import annotations

import random

from marsad.corpus import cluster as K
from marsad.corpus import linking
from marsad.corpus.ontology import load_ontology

SHOIGU = {"id": "sergei_shoigu", "text": "وزير الدفاع الروسي سيرغي شويغو"}
ASSAD = {"id": "bashar_al_assad", "text": "الرئيس السوري بشار الأسد"}
RUSSIA = {"id": "russia", "text": "روسيا"}
IRAN = {"id": "iran", "text": "إيران"}
RAF = {"id": "russian_air_force", "text": "الطائرات الروسية"}
DAMASCUS = {"name_en": "Damascus", "name_ar": "دمشق", "geonames_id": 170654, "country": "SYR"}
KHAN_SHAYKHUN = {"name_en": "Khan Shaykhun", "name_ar": "خان شيخون", "geonames_id": None, "country": "SYR"}
MOSCOW = {"name_en": "Moscow", "name_ar": "موسكو", "geonames_id": 524901, "country": "RUS"}
SYRIA_LOC = {"name_en": "Syria", "name_ar": "سوريا", "geonames_id": None, "country": "SYR"}

SENTENCES = (
    "قتل 14 مدنيا في غارات جوية على مدينة خان شيخون في ريف إدلب الجنوبي",
    "عاجل: قتل 14 مدنيا في غارات جوية على مدينة خان شيخون في ريف إدلب الجنوبي",
    "بحث وزير الدفاع الروسي سيرغي شويغو مع الرئيس السوري بشار الأسد في دمشق الوضع الميداني",
    "نفت وزارة الدفاع الروسية مشاركة طائراتها في الغارات",
    "وقعت إيران وسوريا اتفاقية للتعاون العسكري",
    "",
)
TYPES = ("ASSAULT", "COERCE", "CONSULT", "AGREE", "RETREAT", "PROTEST", None)
DATES = (("2019-07-23", "day"), ("2019-07-24", "day"), ("2019-07-30", "day"), ("2019-07", "month"),
         ("2019", "year"), ("2019-W30", "week"), (None, None))
PLACES = (None, DAMASCUS, KHAN_SHAYKHUN, MOSCOW, SYRIA_LOC)
PEOPLE = (SHOIGU, ASSAD, RUSSIA, IRAN, RAF, {"id": "unresolved:مسلحون", "text": "مسلحون"})
STATUSES = ("asserted", "reported", "claimed", "planned", "negated")


def _world(n: int, seed: int) -> list[dict]:
    rng = random.Random(seed)
    events = []
    for k in range(n):
        date, precision = rng.choice(DATES)
        events.append({
            "event_id": f"d{k % 40:02d}:e{k}", "doc_id": f"d{k % 40:02d}", "type": rng.choice(TYPES),
            "date": date, "date_precision": precision, "status": rng.choice(STATUSES),
            "location": rng.choice(PLACES), "actor": rng.sample(PEOPLE, rng.randint(0, 2)),
            "recipient": rng.sample(PEOPLE, rng.randint(0, 1)), "confidence": rng.random(),
            "evidence": {"text": rng.choice(SENTENCES)}})
    return events


def _reference(evs: list, onto) -> tuple[set[tuple[int, int]], list[tuple[float, int, int]]]:
    pairs = K._candidate_pairs(evs)
    links = []
    for i, j in pairs:
        if K.compatible(evs[i], evs[j], onto):
            s = K.link_strength(evs[i], evs[j], onto, compatible_known=True)
            if s is not None:
                links.append((-s, i, j))
    return pairs, sorted(links)


def test_arrays_give_the_reference_pairs_and_links():
    onto = load_ontology()
    docs = {f"d{k:02d}": {"published": f"2019-07-{1 + k % 28:02d}", "outlet": f"منفذ {k % 7}",
                          "duplicate_of": "d00" if k % 9 == 4 else None} for k in range(40)}
    for seed in range(3):
        evs = K._prepare(map(K.core, _world(400, seed)), docs, onto)
        pairs, links = _reference(evs, onto)
        assert len(links) > 50  # the world is dense enough to exercise every branch of the rule
        i, j = linking.candidate_pairs(evs, K._blocks(evs), K.MAX_BLOCK, K.MAX_SENTENCE_BLOCK)
        assert set(zip(i.tolist(), j.tolist(), strict=True)) == pairs
        s, li, lj = linking.links(evs, i, j, onto, K._jaccard, K.EVIDENCE_SAME)
        assert list(zip((-s).tolist(), li.tolist(), lj.tolist(), strict=True)) == links


def test_no_candidates_gives_no_links():
    onto = load_ontology()
    evs = K._prepare(map(K.core, _world(1, 0)), {}, onto)
    i, j = linking.candidate_pairs(evs, K._blocks(evs), K.MAX_BLOCK, K.MAX_SENTENCE_BLOCK)
    assert len(i) == len(j) == 0
    s, li, lj = linking.links(evs, i, j, onto, K._jaccard, K.EVIDENCE_SAME)
    assert len(s) == len(li) == len(lj) == 0
