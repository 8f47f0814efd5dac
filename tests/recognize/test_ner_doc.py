"""Document-level NER features (feature set 9): ``FeatureExtractor.doc_features`` and the
document-window tagging path of ``NerTagger``."""

from __future__ import annotations

import pytest

from marsad.recognize import ner_features
from marsad.recognize.ner import DOC_WINDOW, load_ner
from marsad.recognize.ner_features import FeatureExtractor, Gazetteer

# A small story: the surname «فرويد» comes once after a known first name and a verb of
# saying, then alone.
STORY = [
    "قال الطبيب سيغموند فرويد إن الأحلام لها معنى .".split(),
    "وكتب فرويد كتابا عن تفسير الأحلام .".split(),
    "ورأى فرويد أن العقل الباطن يتكلم بالأحلام .".split(),
    "وعاش في فيينا سنوات طويلة .".split(),
]


def _extractor() -> FeatureExtractor:
    lexicon = {"قال": "O", "في": "O", "ان": "O", "سنوات": "O"}
    gazetteer = Gazetteer([("سيغموند فرويد", "PERS")])
    return FeatureExtractor(lexicon, gazetteer, {"قال": "PV"})


def _feats_of(doc: list[list[tuple[str, ...]]], word: str) -> list[tuple[str, ...]]:
    return [f for toks, row in zip(STORY, doc, strict=True) for t, f in zip(toks, row, strict=True) if t == word]


def test_repeated_unknown_word_gets_the_cues_of_its_other_mentions() -> None:
    doc = _extractor().doc_features(STORY)
    first, *later = _feats_of(doc, "فرويد")
    # the shipped set has no count feature (it cost precision on unseen blocks)
    assert not any(x.startswith("dn=") for f in (first, *later) for x in f)
    # the later mentions inherit the cue of the first (right after a known first name) …
    assert all("d:l=kbfirst" in f for f in later)
    # … but a mention does not count its own context as evidence from elsewhere
    assert "d:l=kbfirst" not in first
    # «وكتب»/«ورأى» are no cue, so the first mention gets no «d:l=…» from them
    assert not any(x.startswith("d:l=") for x in first)


def test_count_feature_when_switched_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ner_features, "DOC_COUNT", True)
    doc = _extractor().doc_features(STORY)
    # three mentions of an unknown word: the count bucket with the lexicon class
    assert all("dn=3|gz=unk" in f for f in _feats_of(doc, "فرويد"))
    # proclitics are stripped before counting: «بالأحلام» counts as a third «الأحلام»
    assert _feats_of(doc, "الأحلام")[0][0].startswith("dn=3|")
    assert _feats_of(doc, "بالأحلام")[0][0].startswith("dn=3|")
    assert _feats_of(doc, "فيينا") == [()]  # once in the window
    monkeypatch.setattr(ner_features, "DOC_FEATURES", False)
    assert all(f == () for row in _extractor().doc_features(STORY) for f in row)


def test_words_seen_once_or_common_get_no_document_features() -> None:
    doc = _extractor().doc_features(STORY)
    assert _feats_of(doc, "فيينا") == [()]  # once in the window
    assert _feats_of(doc, ".") == [(), (), (), ()]  # punctuation
    assert all(f == () for f in _feats_of(doc, "قال"))  # the lexicon calls it common


def test_document_features_are_sorted_and_reach_the_sentence_features() -> None:
    fx = _extractor()
    doc = fx.doc_features(STORY)
    for row in doc:
        for f in row:
            assert list(f) == sorted(f)
    feats = fx(STORY[1], doc[1])
    assert "d:l=kbfirst" in feats[1]
    # without a window the sentence is its own document: «فرويد» once, no document features
    alone = fx(STORY[1])
    assert not any(x.startswith(("d:", "dn=")) for x in alone[1])


def test_one_sentence_window_equals_plain_sentence_features() -> None:
    fx = _extractor()
    for toks in STORY:
        assert fx(toks, fx.doc_features([toks])[0]) == fx(toks)


def test_document_window_tagging_equals_crfsuite() -> None:
    """The numpy decoder with document features gives CRFsuite's tags, window by window."""
    tagger = load_ner()
    story = STORY * 3 + [["يلتسين", "في", "موسكو"], ["والتقى", "يلتسين", "بالرئيس", "كلينتون", "."]]
    fast = tagger.tag_batch(story, doc_window=DOC_WINDOW)
    doc = tagger._features.doc_features(story)
    assert fast == [tagger.reference_tag(s, d) for s, d in zip(story, doc, strict=True)]
    # and sentence by sentence (no window) it is CRFsuite on each sentence alone
    assert tagger.tag_batch(story) == [tagger.reference_tag(s) for s in story]


def test_windows_are_independent() -> None:
    """A window's document features do not leak into the next window."""
    tagger = load_ner()
    filler = [["وقال", "المتحدث", "إن", "الاجتماع", "انتهى", "."]] * (DOC_WINDOW - 1)
    story = [*filler, ["التقى", "شاركوه", "بالوزير", "."], ["وصل", "شاركوه", "."]]
    windowed = tagger.tag_batch(story, doc_window=DOC_WINDOW)
    # the last sentence is alone in the second window: tagged as a one-sentence document
    assert windowed[-1] == tagger.tag_batch([story[-1]], doc_window=DOC_WINDOW)[0]


def test_tag_documents_keeps_documents_apart() -> None:
    """Several documents in one batch: the tags of tagging each document on its own."""
    tagger = load_ner()
    other = [["وصل", "فرويد", "إلى", "لندن", "."], []]
    docs = [STORY, other, [], STORY[1:2]]
    together = tagger.tag_documents(docs)
    assert together == [tagger.tag_batch(d, doc_window=DOC_WINDOW) for d in docs]
    assert together[1][1] == [] and together[2] == []
    # without windows: every sentence alone, as tag_batch's default
    assert tagger.tag_documents(docs, None) == [tagger.tag_batch(d) for d in docs]


def test_knowledge_base_cue_when_switched_on(monkeypatch: pytest.MonkeyPatch) -> None:
    # experiment toggle (off in the shipped set): a mention inside a known name lends its label
    monkeypatch.setattr(ner_features, "DOC_KB", True)
    doc = _extractor().doc_features(STORY)
    first, *later = _feats_of(doc, "فرويد")
    assert all("d:kb=PERS" in f for f in later)
    assert "d:kb=PERS" not in first  # its own match is not evidence from elsewhere


def test_stem_cluster_feature_when_switched_on(monkeypatch: pytest.MonkeyPatch) -> None:
    clusters = {"والحكومه": ("1", "11", "111"), "الحكومه": ("2", "22", "222")}
    monkeypatch.setattr(ner_features, "CLUSTER_STEM", (0, 1))
    own = FeatureExtractor(clusters=clusters).word("والحكومة").own
    assert {"c0=1", "cs0=2", "cs1=22"} <= set(own)
    # a form clustered only through its stem gets no second copy
    assert not any(x.startswith("cs") for x in FeatureExtractor(clusters=clusters).word("بالحكومة").own)
