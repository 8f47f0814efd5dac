"""Status (asserted / reported / planned / claimed / negated) and attribution of an event.

Cues come from ``data/cues.yaml``. Precedence when several apply: negated > planned > claimed >
reported > asserted. The source is whoever the sentence attributes the content to («وفق وكالة
تسنيم», «قال مصدر عسكري إن …»); when that speaker is the event's own actor (a speech act such as an
accusation), the status stays asserted and the speaker is still named as the source.
"""

from __future__ import annotations

from typing import Any

from marsad.events.arguments import Group
from marsad.events.lexicon import Lexicon, Match
from marsad.events.morphology import FUTURE
from marsad.events.text import Word, clitic_candidates, norm_word


def _phrase_ends_at(words: list[Word], phrases: tuple[tuple[str, ...], ...], lo: int, hi: int) -> bool:
    """Whether one of ``phrases`` lies wholly inside words ``[lo, hi)``."""
    norms = [w.norm for w in words[max(lo, 0):hi]]
    for p in phrases:
        L = len(p)
        for i in range(0, len(norms) - L + 1):
            if tuple(norms[i + 1:i + L]) == p[1:] and (norms[i] == p[0] or (
                    norms[i][:1] in "وف" and norms[i][1:] == p[0])):  # «ومن المقرر»
                return True
    return False


def _bare(word: Word) -> str:
    """The word without a leading conjunction (وسوف → سوف, ولم → لم)."""
    w = word.norm
    return w[1:] if len(w) > 2 and w[0] in "وف" else w


def _in(word: Word, cues: frozenset[str]) -> bool:
    return word.norm in cues or _bare(word) in cues


def _clause_start(words: list[Word], idx: int) -> int:
    for k in range(idx, 0, -1):
        if words[k].hard_before:
            return k
    return 0


def status_of(m: Match, words: list[Word], lex: Lexicon) -> str | None:
    """The modality status implied by cue words around the trigger, or None for plain assertion."""
    c = lex.cues
    a = min(m.anchor, m.first)
    start = _clause_start(words, a)
    # negation: a particle right before the trigger (or its light verb), or a denial earlier on
    for k in (a - 1, a - 2, m.first - 1):
        if start <= k < len(words) and k >= 0 and _in(words[k], c["neg_particles"]):
            return "negated"
    if _phrase_ends_at(words, c["neg_phrases"], max(start, a - 4), a):
        return "negated"
    if any(words[k].norm in lex.denial_verbs for k in range(start, a)):
        return "negated"
    # planned: future tense, intention/schedule words before, "next/upcoming" after
    if m.tense == FUTURE:
        return "planned"
    before = range(max(start, a - 6), a)
    if any(_in(words[k], c["planned_before"]) for k in before):
        return "planned"
    if _phrase_ends_at(words, c["planned_phrases"], max(start, a - 7), a):
        return "planned"
    after = range(m.last + 1, min(len(words), m.last + 7))
    if any(words[k].norm in c["planned_after"] and not words[k].hard_before for k in after):
        return "planned"
    # claimed: hedges and opinion verbs before, "possible" right after
    if any(_in(words[k], c["claimed_before"]) for k in range(max(start, a - 8), a)):
        return "claimed"
    if a >= 1 and words[a - 1].norm == "قد" and m.tense != "past":
        return "claimed"
    if a >= 2 and words[a - 2].norm == "قد" and words[a - 1].norm[:1] in "يت":
        return "claimed"
    if _phrase_ends_at(words, c["claimed_phrases"], max(start, a - 8), a):
        return "claimed"
    if any(words[k].norm in c["claimed_after"] for k in range(m.last + 1, min(len(words), m.last + 3))):
        return "claimed"
    return None


def source_name(group: Group | None) -> tuple[str | None, set[str]]:
    """Display name of a source group (linked English name, else its text) and its identity keys."""
    if group is None:
        return None, set()
    a = group.members[0]
    name = (a.actor or {}).get("name_en") or a.mention.text
    return name, {x.key for x in group.members}


def _fallback_source(words: list[Word], k: int, hi: int, lex: Lexicon, text: str) -> str | None:
    """Unnamed source right after a cue: «مصدر عسكري», «وكالات الأنباء الروسية»."""
    while k < hi and words[k].norm in ("عن", "ل", "ما", "لما"):
        k += 1
    if k >= hi:
        return None
    if not any(stem in lex.cues["source_nouns"] for stem, _ in clitic_candidates(words[k].norm)):
        return None
    end = k
    while end + 1 < hi and end - k < 2 and not words[end + 1].breaks_before \
            and words[end + 1].norm not in lex.cues["complementizers"]:
        end += 1
    return text[words[k].start:words[end].end]


def attribution_cues(words: list[Word], lex: Lexicon) -> list[int]:
    """Word indices of prepositional attribution cues («وفق», «بحسب», «نقلا عن») in a sentence."""
    preps = lex.cues["attr_preps"]
    return [k for k, w in enumerate(words)
            if w.norm in preps or any(s in preps for s, _ in clitic_candidates(w.norm)[:2])]


def attribution(m: Match, words: list[Word], groups: list[Group], lex: Lexicon,
                text: str, prep_cues: list[int] | None = None) -> tuple[str | None, set[str], set[int]]:
    """``(source name, source identity keys, ids of groups used as source)`` for a trigger.

    ``prep_cues`` (from :func:`attribution_cues`) saves recomputing the sentence's cue positions
    for every trigger.
    """
    n = len(words)
    if prep_cues is None:
        prep_cues = attribution_cues(words, lex)
    # 1) prepositional cues anywhere in the sentence: «وفق …», «بحسب …», «نقلا عن …»
    for k in prep_cues:
        if m.first <= k <= m.last:
            continue
        g = next((g for g in groups if k < g.first <= k + 4), None)
        if g is not None:
            name, keys = source_name(g)
            return name, keys, {id(g)}
        fb = _fallback_source(words, k + 1, min(n, k + 6), lex, text)
        if fb:
            return fb, set(), set()
    # 2) a reporting verb before the trigger: «قال X إن …», «X أعلنت أن …», «أفادت وكالة …»
    a = min(m.anchor, m.first)
    for k in range(a - 1, -1, -1):
        # A reporting verb that also governs the trigger («أكدت مواقع … مقتل قائد») still names the
        # source; when that source is the actor itself the event stays asserted (speech act).
        if words[k].norm not in lex.attribution_verbs:
            continue
        g = next((g for g in groups if g.prep is None and k < g.first <= k + 3 and g.first < a), None)
        if g is None:
            g = next((g for g in reversed(groups) if g.prep is None and k - 4 <= g.last < k), None)
        if g is not None:
            name, keys = source_name(g)
            return name, keys, {id(g)}
        fb = _fallback_source(words, k + 1, min(a, k + 5), lex, text)
        if fb:
            return fb, set(), set()
    return None, set(), set()


def actor_keys(refs: list[dict[str, Any]]) -> set[str]:
    """Identity keys of actor refs: their ids, else their normalised text."""
    return {str(r.get("id") or norm_word(str(r.get("text") or ""))) for r in refs}
