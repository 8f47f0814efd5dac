"""PLOVER event extraction from Arabic news sentences.

The pipeline calls :func:`load_extractor` once per process and then the returned callable once per
document; it returns contract event dicts (``marsad.event/1``, see ``/CONTRACT.md``). Lexicons and the
ontology live in ``marsad/events/data`` and are compiled on first use.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from marsad.events.extract import SCHEMA, extract_events
from marsad.events.lexicon import Lexicon, load_lexicon
from marsad.model import Document

# Arabic words of a normalised sentence, punctuation left out («المباراة.» is «المباراة»).
_WORD_RE = re.compile("[\u0621-\u064a]+")

# Quantity keys that make a violent event in an off-topic sentence a happening (see _topic_gate).
_CASUALTIES = frozenset({"killed", "wounded"})

__all__ = ["SCHEMA", "Lexicon", "extract_events", "load_extractor", "load_lexicon"]


def load_extractor(kb: Any = None, *, sentence_gate: bool = True) -> Callable[[Document], list[dict[str, Any]]]:
    """The event stage: compile the lexicons now and return ``doc -> events``.

    ``kb`` (:class:`marsad.pipeline.Knowledge`), when given, supplies the states' nisba adjectives
    («الاتفاق الإيراني الروسي» → Iran and Russia) and the host state of a visit from its place's
    country; everything else comes from the stage's own data
    files and the mentions/dates already on the document. ``sentence_gate`` filters participant-less
    ASSAULT/PROTEST events through the sentence classifier (see :func:`_sentence_gate`).
    """
    from marsad.events.arguments import nisba_index, state_index

    lex = load_lexicon()
    actors = getattr(kb, "actors", None) if kb is not None else None
    nisba = nisba_index(actors)
    states = state_index(actors)

    gate = _sentence_gate() if sentence_gate else None
    topic_gate = _topic_gate()
    # The relative-date vocabulary (marsad.events.dates → marsad.time) is read from YAML on first use:
    # load it now, with the lexicons, rather than inside the first document that needs it.
    from marsad.time.vocabulary import vocabulary
    vocabulary()

    def extract(doc: Document) -> list[dict[str, Any]]:
        events = topic_gate(extract_events(doc, lex, nisba, states=states), doc.text)
        return gate(events, doc.text) if gate else events

    return extract


def _topic_gate() -> Callable[[list[dict[str, Any]], str], list[dict[str, Any]]]:
    """Drop events that everyday (non-political) news makes of its own words (round 29).

    An event in a sentence about sport or business (``triggers.yaml`` ``off_topic``): a match «لقاء»,
    a federation's «إيقاف» of a player, a company's «مفاوضات» or «اتفاقية», floods that «اجتاحت» a
    country. Such an event stays if its type is one of the domain's ``free_types`` (a government's
    accusation against a company), or one of its ``known_types`` and it names a known political
    participant (:func:`_has_known_participant`: a state's agreement with a company; in sport a
    participant named by the domain's own words, «مدرب المنتخب المغربي», does not count), or one of its
    ``casualty_types`` and it states casualties (a bombing at a match).
    """
    from marsad.arabic import normalize
    from marsad.events.lexicon import off_topic_domains
    from marsad.events.text import match_keys, normalized_text

    domains = off_topic_domains()
    keys_cache: dict[str, frozenset[str]] = {}

    def sentence_keys(e: dict[str, Any], document: str) -> frozenset[str]:
        ev = e["evidence"]
        got = keys_cache.get(ev["text"])
        if got is None:
            text = normalized_text(ev["text"], ev["start"], document)
            got = frozenset(k for w in _WORD_RE.findall(text) for k in match_keys(w))
            if len(keys_cache) < 100_000:
                keys_cache[ev["text"]] = got
        return got

    def keep(e: dict[str, Any], document: str) -> bool:
        keys = sentence_keys(e, document)
        for cues, free, known, casualty, own_words in domains:
            if cues.isdisjoint(keys) or e["type"] in free:
                continue
            if e["type"] in casualty and not _CASUALTIES.isdisjoint(e.get("quantities") or ()):
                continue  # «فجّر انتحاري نفسه قرب ملعب خلال مباراة … مقتل 10 أشخاص»
            if known is not None and e["type"] not in known:
                return False
            if not (_has_known_participant(e) if own_words else known_outside(e, cues)):
                return False
        return True

    def known_outside(e: dict[str, Any], cues: frozenset[str]) -> bool:
        """A known participant whose own words are not the domain's («مدرب المنتخب المغربي» is a
        team's coach, not Morocco)."""
        return any(_has_known_participant({"actor": [a]})
                   and cues.isdisjoint(k for w in _WORD_RE.findall(normalize(a.get("text") or "").text)
                                       for k in match_keys(w))
                   for side in ("actor", "recipient") for a in e.get(side) or [])

    def topic_gate(events: list[dict[str, Any]], document: str) -> list[dict[str, Any]]:
        return [e for e in events if keep(e, document)] if events else events

    return topic_gate


def corroborated(event: dict[str, Any]) -> bool:
    """An event the sentence gate keeps whatever the classifier says: it names a known participant.

    (Stated numbers used to count too; on the GSR 45 % of the sentences whose attack event states
    numbers are labelled "no", and dropping that exception cost nothing on the article gold.)
    """
    return _has_known_participant(event) or _has_named_crowd(event)


def _has_known_participant(event: dict[str, Any]) -> bool:
    """A named actor or recipient from the knowledge base (not an unknown name, an office or «civilians»)."""
    return any(a.get("id") and not str(a["id"]).startswith(("unresolved:", "office:")) and a.get("sector") != "CVL"
               for side in ("actor", "recipient") for a in event.get(side) or [])


def _has_named_crowd(event: dict[str, Any]) -> bool:
    """An actor the text names as a generic group of the knowledge base («مستوطنون», «محتجون»).

    Civilians, protesters and settlers are civilian (CVL) groups, so :func:`_has_known_participant`
    leaves them out: a victim noun filling an empty recipient («قُتل 14 شخصاً» → civilians) or the
    default protesters of a PROTEST say nothing about the sentence. A crowd written as the *actor*
    («هاجم مستوطنون إسرائيليون قرية», «قطع محتجون الطرق») is a participant the rules read off the
    text, as good a sign of a concrete happening as a named one. Filled-in generics carry no text.
    """
    return any(a.get("id") and a.get("text") and not str(a["id"]).startswith(("unresolved:", "office:"))
               for a in event.get("actor") or [])


def _sentence_gate() -> Callable[..., list[dict[str, Any]]] | None:
    """Keep a rule-found ASSAULT/PROTEST event only when the sentence classifier agrees it reports one.

    Attack and protest words are common in sentences that report no specific happening (laws,
    commentary, anniversaries); the GSR-trained classifier (models/MODEL_CARD.md) separates those
    better than the trigger rules. An event that names a known participant is already corroborated
    (:func:`corroborated`) and is kept whatever the classifier says (its labels are noisy: it rejects
    some plain attack reports). Its probability is kept on the event as ``sentence_p``.
    """
    try:
        from marsad.events.classifier import load_sentence_classifier
        from marsad.events.text import normalized_text
        clf = load_sentence_classifier()
    except (ImportError, OSError, ValueError):
        return None
    gates = dict(clf.meta.get("gate_thresholds") or clf.thresholds)

    def gate(events: list[dict[str, Any]], document: str | None = None) -> list[dict[str, Any]]:
        gated = [e for e in events if e.get("type") in gates]
        if not gated:
            return events
        # the events of one sentence share its text: score each distinct sentence once
        starts: dict[str, int] = {}
        for e in gated:
            starts.setdefault(e["evidence"]["text"], e["evidence"]["start"])
        texts = list(starts)
        # (with the document, the sentences' normalised texts are slices of the one the stage read)
        normalized = None if document is None else [normalized_text(t, starts[t], document) for t in texts]
        by_text = dict(zip(texts, clf.predict(texts, normalized), strict=True))
        drop = set()
        for e in gated:
            p = by_text[e["evidence"]["text"]]
            e["sentence_p"] = round(p[e["type"]], 3)
            if p[e["type"]] < gates[e["type"]] and not corroborated(e):
                drop.add(id(e))
        return [e for e in events if id(e) not in drop]

    return gate
