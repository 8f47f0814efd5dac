"""Speed-ups must not change output (issue 9).

The hot paths keep per-word-type caches, per-sentence caches and fast paths beside the plain
code they replace. These tests check that (1) each fast path agrees with a straightforward
reference on real Arabic text, including diacritics, tatweel and ligatures, and (2) the whole
pipeline gives the same records whether its caches are cold or warm and whatever order the
documents come in — a cache keyed on the wrong thing (a previous sentence, another lexicon)
shows up as a difference there.
"""

from __future__ import annotations

import json
import random

import pytest

from marsad.arabic import normalize, tokenize
from marsad.arabic.normalization import _TRAILING_MARKS_RE
from marsad.events.lexicon import load_lexicon
from marsad.events.modality import _phrase_ends_at, status_of
from marsad.events.quantities import find_quantities
from marsad.events.text import Word, split_words
from marsad.model import Document
from marsad.recognize.gazetteer import _PREFIX, _PREFIX_MAX, _word_start

SENTENCES = [
    "قُتِلَ 14 شخصاً وأصيب عشرون آخرون في غارات روسيّة على خان شيخون.",
    "التقى الرئيس بشار الأسد وزيرَ الخارجية الإيراني في دمشق، أمس الأحد.",
    "ومن المقرر أن يزور لافروف طهران الأسبوع المقبل لبحث الاتفاق النووي.",
    "نفت وزارة الدفاع الروسيـــة أن تكون طائراتها قد قصفت مستشفى في إدلب.",
    "لم تعلن أي جهة مسؤوليتها عن الهجوم الذي استهدف قاعدة حميميم.",
    "وتظاهر الآلاف في ساحة التحرير ببغداد ﻻ سيما بعد مقتل 3 آلاف محتج.",
    "قال مصدر عسكري إن الجيش السوري سيطر على 5 قرى، وفق وكالة سانا.",
    "\u200fأكد\u200c المتحدث ﺑﺎﺳﻢ الخارجية أن الحكومة قد ترفض العرض.",
]


def _plain_to_original(nt, start: int, end: int) -> tuple[int, int]:
    """The offset mapping written out the slow way: index map, then trailing marks."""
    if nt.index is None:
        s, e = start, end
    else:
        s, e = nt.index[start], nt.index[end - 1] + 1
    m = _TRAILING_MARKS_RE.match(nt.original, e) if e < len(nt.original) else None
    return s, (m.end() if m else e)


@pytest.mark.parametrize("text", SENTENCES)
def test_offset_fast_paths_match_the_plain_mapping(text: str) -> None:
    for ta_marbuta in (True, False):
        nt = normalize(text, ta_marbuta=ta_marbuta)
        mapper = nt.span_mapper()
        n = len(nt.text)
        for a in range(n):
            for b in range(a + 1, min(n, a + 12) + 1):
                want = _plain_to_original(nt, a, b)
                assert nt.to_original(a, b) == want
                if mapper is not None:
                    assert mapper(a, b) == want


def _plain_split_words(text: str, offset: int = 0) -> list[Word]:
    """The event stage's word split with a per-word regex scan (the original formulation)."""
    import re

    word_re = re.compile(r"[0-9]+(?:[.,][0-9]+)*|[^\W\d_]+")
    clause, hard = frozenset("،,;؛:.!?؟()[]{}\"«»—–-\n|"), frozenset(";؛:.!?؟\n")
    nt = normalize(text)
    words: list[Word] = []
    prev = 0
    for m in word_re.finditer(nt.text):
        a, b = m.span()
        gap = nt.text[prev:a]
        s, e = _plain_to_original(nt, a, b)
        brk = bool(words) and gap != " " and not clause.isdisjoint(gap)
        words.append(Word(m.group(), s + offset, e + offset, len(words), brk,
                          brk and not hard.isdisjoint(gap), gap.replace(" ", "") if brk else ""))
        prev = b
    return words


@pytest.mark.parametrize("text", SENTENCES)
def test_split_words_matches_the_plain_scan(text: str) -> None:
    assert split_words(text, 7) == _plain_split_words(text, 7)
    for w in split_words(text):
        assert normalize(text[w.start:w.end]).text == w.norm  # every word slices its own source


@pytest.mark.parametrize("text", SENTENCES)
def test_tokens_slice_their_source_and_are_stable(text: str) -> None:
    first = tokenize(text, 3)
    again = tokenize(text, 3)  # the per-word-type analysis is cached now
    assert first == again
    for t in first:
        assert text[t.start - 3:t.end - 3] == t.text
        assert t.start <= t.stem_start <= t.stem_end <= t.end


def _plain_phrase_ends_at(words: list[Word], phrases, lo: int, hi: int) -> bool:
    norms = [w.norm for w in words[max(lo, 0):hi]]
    for p in phrases:
        for i in range(len(norms) - len(p) + 1):
            if tuple(norms[i + 1:i + len(p)]) == p[1:] and (
                    norms[i] == p[0] or (norms[i][:1] in "وف" and norms[i][1:] == p[0])):
                return True
    return False


def test_cue_phrase_index_matches_the_plain_scan() -> None:
    lex = load_lexicon()
    for text in SENTENCES:
        words = split_words(text)
        for key in ("neg_phrases", "planned_phrases", "claimed_phrases", "attr_phrases"):
            phrases = lex.cues[key]
            for lo in range(-1, len(words)):
                for hi in range(lo, len(words) + 2):
                    assert _phrase_ends_at(words, phrases, lo, hi) == _plain_phrase_ends_at(words, phrases, lo, hi)


def test_status_and_quantities_do_not_leak_between_sentences() -> None:
    """The per-sentence caches are keyed on the sentence: interleaving sentences changes nothing."""
    lex = load_lexicon()
    parsed = [split_words(t) for t in SENTENCES]
    alone = []
    for words in parsed:
        alone.append(([status_of(m, words, lex) for m in lex.match(words)], find_quantities(words, lex)))
    statuses = {i: [] for i in range(len(parsed))}
    matches = {i: lex.match(w) for i, w in enumerate(parsed)}
    for k in range(max(len(m) for m in matches.values())):
        for i, words in enumerate(parsed):  # one trigger of each sentence in turn
            if k < len(matches[i]):
                statuses[i].append(status_of(matches[i][k], words, lex))
    for i, words in enumerate(parsed):
        assert statuses[i] == alone[i][0]
        assert find_quantities(words, lex) == alone[i][1]
    # the cues themselves: a negation, a plan, a hedge and the numbers are all read
    assert "negated" in alone[4][0] and "planned" in alone[2][0] and "claimed" in alone[7][0]
    assert {q.key: q.value for q in alone[0][1]}.get("killed") == 14


def _plain_word_start(norm: str, key_start: int) -> int | None:
    if key_start == 0 or not norm[key_start - 1].isalnum():
        return key_start
    for s in range(max(0, key_start - _PREFIX_MAX), key_start):
        if (s == 0 or not norm[s - 1].isalnum()) and _PREFIX.fullmatch(norm, s, key_start):
            return s
    return None


def test_gazetteer_clitic_start_matches_the_plain_scan() -> None:
    rng = random.Random(9)
    letters = "وفبكلالدمشق 1،."
    texts = [normalize(t).text for t in SENTENCES]
    texts += ["".join(rng.choice(letters) for _ in range(rng.randint(1, 14))) for _ in range(3000)]
    for norm in texts:
        for k in range(len(norm) + 1):
            assert _word_start(norm, k) == _plain_word_start(norm, k), (norm, k)


def _run(kb, texts: list[tuple[str, str]]) -> dict[str, str]:
    from marsad.pipeline import process_document

    out = {}
    for doc_id, text in texts:
        doc = process_document(Document(doc_id, "test", text=text, published="2019-08-20"), kb)
        out[doc_id] = json.dumps({"events": doc.events, "mentions": [m.to_dict(doc_id) for m in doc.mentions],
                                  "tokens": [(t.start, t.end, t.norm, t.stem) for t in doc.tokens]},
                                 ensure_ascii=False, sort_keys=True, default=str)
    return out


def test_pipeline_output_is_the_same_with_cold_and_warm_caches_in_any_order() -> None:
    from marsad.demo import corpus_path
    from marsad.ingest import iter_inputs, load_document
    from marsad.pipeline import Knowledge

    texts = []
    for i, raw in enumerate(iter_inputs([str(corpus_path())])):
        doc = load_document(raw, f"d{i}")
        if doc.status == "ok":
            texts.append((doc.doc_id, doc.text))
    texts.append(("s", "\n".join(SENTENCES)))
    assert len(texts) > 5
    kb = Knowledge()
    first = _run(kb, texts)
    again = _run(kb, list(reversed(texts)))  # caches warm, documents in the other order
    assert again == first
    assert any(json.loads(v)["events"] for v in first.values())


def test_ner_items_are_the_encoded_features_in_the_same_order() -> None:
    """The tagger feeds CRFsuite from per-form / per-pair caches of UTF-8 bytes; same features as features()."""
    from marsad.recognize.ner import load_ner

    tagger = load_ner()
    fx = tagger._features
    sents = [tokenize(s) for s in SENTENCES]
    sents = [[t.text for t in toks] for toks in sents]
    sents += [["بوتين"], ["الرئيس", "فلاديمير", "بوتين", "في", "موسكو"]]
    for _ in range(2):  # cold, then warm caches (pair caches filled by other sentences)
        for toks in sents + sents[::-1]:
            assert fx.items(toks) == [[x.encode() for x in f] for f in tagger.features(toks)]


def test_cluster_summary_does_not_depend_on_the_rest_of_the_record() -> None:
    """Clustering keeps a slim copy of each record: the clusters are those of the full records."""
    from marsad.corpus import cluster_events

    base = {"type": "ASSAULT", "date": "2024-03-01", "date_precision": "day", "status": "reported",
            "location": {"name_en": "Idlib", "country": "SY", "name_ar": "إدلب", "geonames_id": 1},
            "actor": [{"id": "RUS", "name_en": "Russia"}], "recipient": [],
            "evidence": {"text": "قصفت طائرات روسية مستشفى في إدلب"}, "confidence": 0.8}
    evs = [dict(base, event_id="e1", doc_id="x"), dict(base, event_id="e2", doc_id="y")]
    res = cluster_events(evs, {"x": {"outlet": "أ"}, "y": {"outlet": "ب"}})
    (cluster,) = res.clusters.values()
    assert cluster.event_ids == ["e1", "e2"]
    assert (cluster.type, cluster.date, cluster.location_name_en, cluster.location_country) == (
        "ASSAULT", "2024-03-01", "Idlib", "SY")
