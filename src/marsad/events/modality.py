"""Status (asserted / reported / planned / claimed / negated) and attribution of an event.

Cues come from ``data/cues.yaml``. Precedence when several apply: negated > planned > claimed >
reported > asserted. The source is whoever the sentence attributes the content to («وفق وكالة
تسنيم», «قال مصدر عسكري إن …»); when that speaker is the event's own actor (a speech act such as an
accusation), the status stays asserted and the speaker is still named as the source.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import reduce
from importlib import resources
from operator import or_
from typing import Any

from marsad.events.arguments import Group, word_types
from marsad.events.cuewords import (
    ATTRIBUTION,
    CONDITIONAL,
    SCOPE_BREAK,
    SOURCE_VERB,
    STATUS,
    kind_positions,
    positions,
    sentence_records,
    status_masks,
)
from marsad.events.lexicon import Lexicon, Match
from marsad.events.morphology import FUTURE
from marsad.events.text import Word, clitic_candidates, norm_word
from marsad.knowledge.cache import load_yaml

# id(phrases) → (phrases, first word → rests): the cue phrase lists are compiled once per lexicon,
# so indexing them by first word turns the scan into one dict lookup per word of the window.
_PHRASE_INDEX: dict[int, tuple[tuple[tuple[str, ...], ...], dict[str, tuple[tuple[str, ...], ...]]]] = {}


def _phrase_index(phrases: tuple[tuple[str, ...], ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    got = _PHRASE_INDEX.get(id(phrases))
    if got is not None and got[0] is phrases:
        return got[1]
    index: dict[str, list[tuple[str, ...]]] = {}
    for p in phrases:
        if p:
            index.setdefault(p[0], []).append(p[1:])
    frozen = {k: tuple(v) for k, v in index.items()}
    _PHRASE_INDEX[id(phrases)] = (phrases, frozen)
    return frozen


def _phrase_ends_at(words: list[Word], phrases: tuple[tuple[str, ...], ...], lo: int, hi: int) -> bool:
    """Whether one of ``phrases`` lies wholly inside words ``[lo, hi)``."""
    index = _phrase_index(phrases)
    lo, hi, _ = slice(max(lo, 0), hi).indices(len(words))  # the window as words[lo:hi] reads it
    for i in range(lo, hi):
        w = words[i].norm
        rests = index.get(w, ())
        if w[:1] in "وف":  # «ومن المقرر»
            more = index.get(w[1:])
            if more:
                rests = rests + more
        for rest in rests:
            if i + len(rest) >= hi:
                continue
            for off, key in enumerate(rest, 1):
                if words[i + off].norm != key:
                    break
            else:
                return True
    return False


def _bare(word: Word) -> str:
    """The word without a leading conjunction (وسوف → سوف, ولم → لم)."""
    w = word.norm
    return w[1:] if len(w) > 2 and w[0] in "وف" else w


def _in(word: Word, cues: frozenset[str]) -> bool:
    """Whether the word, or the word without a leading conjunction (:func:`_bare`), is a cue."""
    w = word.norm
    return w in cues or (len(w) > 2 and w[0] in "وف" and w[1:] in cues)


def _clause_start(words: list[Word], idx: int) -> int:
    for k in range(idx, 0, -1):
        if words[k].hard_before:
            return k
    return 0


# Cue classes of one word, as bits (see :func:`_cue_masks`).
_NEG, _DENIAL, _PLANNED_B, _PLANNED_A, _CLAIMED_B, _CLAIMED_A, _PH_NEG, _PH_PLANNED, _PH_CLAIMED = (
    1 << k for k in range(9))
# The words of the sentence last seen and their cue bits: status_of runs once per trigger and
# every trigger of a sentence looks at the same words. One tuple, swapped whole, so that threads
# sharing the module never pair one sentence's words with another's bits. The last item is the OR of
# all the bits: most sentences hold no cue at all, and a class absent from it needs no window scan.
_last_masks: list[tuple[Any, Any, list[int], int]] = [(None, None, [], 0)]


def _word_mask(w: str, lex: Lexicon) -> int:
    c = lex.cues
    cache = lex.word_caches.setdefault("status", {})
    mask = cache.get(w)
    if mask is not None:
        return mask
    bare = w[1:] if len(w) > 2 and w[0] in "وف" else w
    mask = 0
    for bit, cues in ((_NEG, c["neg_particles"]), (_PLANNED_B, c["planned_before"]),
                      (_CLAIMED_B, c["claimed_before"])):
        if w in cues or bare in cues:
            mask |= bit
    for bit, cues in ((_DENIAL, lex.denial_verbs), (_PLANNED_A, c["planned_after"]),
                      (_CLAIMED_A, c["claimed_after"])):
        if w in cues:
            mask |= bit
    # may start one of the cue phrases (itself or after a conjunction, as _phrase_ends_at reads it)
    stripped = w[1:] if w[:1] in "وف" else None
    for bit, phrases in ((_PH_NEG, c["neg_phrases"]), (_PH_PLANNED, c["planned_phrases"]),
                         (_PH_CLAIMED, c["claimed_phrases"])):
        index = _phrase_index(phrases)
        if w in index or (stripped is not None and stripped in index):
            mask |= bit
    if len(cache) < 200_000:
        cache[w] = mask
    return mask


def _cue_masks(words: list[Word], lex: Lexicon) -> tuple[list[int], int]:
    """Cue bits of every word of the sentence and their union (read off the sentence's word records,
    :func:`marsad.events.cuewords.sentence_records`, and kept for the last sentence)."""
    last = _last_masks[0]
    if last[0] is words and last[1] is lex:
        return last[2], last[3]
    records, _, kinds = sentence_records(words, lex)  # (kinds: the OR of the words' kinds)
    masks = status_masks(records, kinds)
    total = reduce(or_, masks, 0) if kinds & STATUS else 0
    _last_masks[0] = (words, lex, masks, total)
    return masks, total


def _any_bit(masks: list[int], bit: int, lo: int, hi: int) -> bool:
    return any(map(bit.__and__, masks[lo:hi])) if lo < hi else False


def _counter_expectation(words: list[Word], masks: list[int], start: int, a: int, c: dict[str, Any]) -> bool:
    """Whether an expectation verb after a negation particle governs the trigger (cues.yaml
    ``counter_expectation``): what nobody expected is told as having happened."""
    verbs = c["counter_expectation"]
    for k in range(max(start, a - 10), a):
        if _in(words[k], verbs) and _any_bit(masks, _NEG, max(start, k - 8), k):
            return True
    return False


_FROM_TO = frozenset({"من", "الي", "إلى", "الى"})


# cues.yaml ``status`` word lists read by this module only, normalised once per lexicon
_EXTRA: dict[int, dict[str, frozenset[str]]] = {}


def _extra(lex: Lexicon) -> dict[str, frozenset[str]]:
    raw = lex.cues["raw"]
    got = _EXTRA.get(id(raw))
    if got is None:
        st = raw["status"]
        got = {key: frozenset(norm_word(w) for w in st.get(key) or ())
               for key in ("continuation_verbs", "adoption_verbs", "adopted_things", "copulas")}
        got["contrast_openers"] = frozenset(norm_word(w) for w in raw["attribution"].get("contrast_openers") or ())
        got["announced"] = frozenset(raw.get("announced_attack_types") or ())
        _EXTRA[id(raw)] = got
    return got


def _announced_types(lex: Lexicon) -> frozenset[str]:
    return _extra(lex)["announced"]


def _adopts(words: list[Word], k: int, lex: Lexicon) -> bool:
    """Whether a claim verb at ``k`` adopts a decision («تبنّي مجلس الأمن قراراً»), no claim."""
    extra = _extra(lex)
    if not any(s in extra["adoption_verbs"] for s, _ in clitic_candidates(words[k].norm)):
        return False
    return any(any(s in extra["adopted_things"] for s, _ in clitic_candidates(words[j].norm))
               for j in range(k + 1, min(len(words), k + 5)))


def _before_planned(words: list[Word], masks: list[int], a: int, c: dict[str, Any]) -> bool:
    """«ومن المقرر أن يلتقي بوتين السيسي في القاهرة، قبل أن يتوجه إلى أنقرة للقاء أردوغان»: what
    follows «قبل أن» is the next step of a schedule when the sentence before it is planned."""
    for k in range(max(1, a - 4), a):
        if words[k].norm in ("قبل", "وقبل") and k + 1 < len(words) and words[k + 1].norm in ("ان", "أن"):
            if _any_bit(masks, _NEG, 0, k):
                return False  # «لم يكن أحد يتوقع أن يرى … يسيطرون …، قبل أن يتقدم رتل منهم»: it happened
            return _any_bit(masks, _PLANNED_B, 0, k) or (
                _any_bit(masks, _PH_PLANNED, 0, k) and _phrase_ends_at(words, c["planned_phrases"], 0, k))
    return False


# «…، وهو ما نفته الوزارة», «…، الأمر الذي نفاه الجيش»: a relative that takes up the whole clause before
_RESUMPTIVE = frozenset({"وهو", "وهي", "وهذا", "الأمر", "ما", "وما"})


def _denied_after(m: Match, words: list[Word], masks: list[int]) -> bool:
    """Whether the clause holding the trigger is taken up after a comma by a denial («اتهم بريغوجين
    الوزارة بقصف معسكرات لمقاتليه، وهو ما نفته الوزارة»): the act told is the one denied. The
    accusation itself happened (its type is left out by the caller)."""
    n = len(words)
    for j in range(m.last + 1, n):
        if words[j].hard_before:
            return False
        if "،" in words[j].punct or "," in words[j].punct:
            # only the clause right before the comma is taken up: «تخوض حرباً …، وتتهم الرياض طهران
            # بتزويدها …، وهو ما تنفيه إيران» denies the supplying, not the war
            return words[j].norm in _RESUMPTIVE and any(masks[k] & _DENIAL for k in range(j, min(n, j + 4)))
    return False


def status_of(m: Match, words: list[Word], lex: Lexicon) -> str | None:
    """The modality status implied by cue words around the trigger, or None for plain assertion."""
    c = lex.cues
    masks, total = _cue_masks(words, lex)
    n = len(words)
    a = min(m.anchor, m.first)
    start = _clause_start(words, a)
    # negation: a particle right before the trigger (or its light verb), or a denial earlier on.
    # A trigger that holds the particle itself («لن تقبل», a refusal) is asserted, and a second
    # particle before it only stresses it («لم ولن تطبّع»).
    own_neg = bool(masks[m.first] & _NEG) and m.trigger.kind == "phrase"
    # «لم يكن الهجوم المسلح … حادثاً عابراً»: a definite noun right after a negated copula is its
    # subject; what is denied is the predicate, not the happening (an indefinite one, «لم تكن هناك أي
    # عملية», «لم يكن هجوماً», stays negated)
    # (read only with a particle in the sentence: with none, neither test below can hold)
    if total & _NEG and not own_neg and not (
            m.trigger.kind == "noun" and a == m.first and a >= 1
            and words[a - 1].norm in _extra(lex)["copulas"] and "ال" in words[a].norm[:4]):
        for k in (a - 1, a - 2, m.first - 1):
            if start <= k < n and k >= 0 and masks[k] & _NEG:
                return "negated"
        # «لم يحدث أي اتصال», «لم يتم التوصل إلى اتفاق»: the particle reaches over a few light words
        transparent = c["neg_transparent"]
        k = a - 1
        while k >= start and k > a - 5 and words[k].norm in transparent and not words[k + 1].breaks_before:
            k -= 1
        if k >= max(start, 0) and k < a - 2 and masks[k] & _NEG and not words[k + 1].breaks_before:
            return "negated"
    lo = max(start, a - 4)
    if total & _PH_NEG and _any_bit(masks, _PH_NEG, lo, a) and _phrase_ends_at(words, c["neg_phrases"], lo, a):
        return "negated"
    if m.light is not None and masks[m.light] & _DENIAL:
        return "negated"  # «نفى الجيش استهداف مستشفى»: the denial verb governs the act it denies
    if total & _DENIAL and _any_bit(masks, _DENIAL, start, a):
        # «نفى باشينيان أن …، ومتهماً باكو بـ…»: a circumstantial participle after a comma is the
        # denier's own assertion, outside what he denies
        d = max(k for k in range(start, a) if masks[k] & _DENIAL)
        if not (m.trigger.kind == "participle" and any(words[j].breaks_before for j in range(d + 1, a + 1))):
            return "negated"
    if total & _DENIAL and m.trigger.type != "ACCUSE" and _denied_after(m, words, masks):
        return "negated"
    if m.tense != FUTURE and total & _NEG and _counter_expectation(words, masks, start, a, c):
        return None  # «لم يكن أحد يتوقع أن يرى المقاتلين يسيطرون …»: the unexpected happened
    # planned: future tense, intention/schedule words before, "next/upcoming" after
    if m.tense == FUTURE:
        if (m.light is not None and m.light < m.first and m.trigger.type not in _announced_types(lex)
                and words[m.light].norm[1:] in _extra(lex)["continuation_verbs"]):
            return None  # «ستواصل دعم دمشق»: the support goes on, it is not a plan (an attack is a threat)
        return "planned"
    if total & _PLANNED_B and _any_bit(masks, _PLANNED_B, max(start, a - 6), a):
        return "planned"
    lo = max(start, a - 7)
    if total & _PH_PLANNED and _any_bit(masks, _PH_PLANNED, lo, a) and _phrase_ends_at(
            words, c["planned_phrases"], lo, a):
        return "planned"
    if total & (_PLANNED_B | _PH_PLANNED) and _before_planned(words, masks, a, c):
        return "planned"
    if _planned_by_governor(m, words):
        return "planned"
    if total & _PLANNED_A and any(masks[k] & _PLANNED_A and not words[k].hard_before
                                  and not (k + 1 < n and words[k + 1].norm in _FROM_TO)
                                  for k in range(m.last + 1, min(n, m.last + 7))):
        return "planned"  # (not «النفط القادم من الإقليم»: coming from, not next)
    # claimed: a responsibility claim governing the noun («هجوم تبنته الجماعة»), hedges and
    # opinion verbs before, "possible" right after
    if m.light is not None and words[m.light].norm in c.get("claim_forms", ()):
        return "claimed"
    if total & _CLAIMED_B and any(masks[k] & _CLAIMED_B and not _adopts(words, k, lex) for k in range(max(start, a - 8), a)):
        return "claimed"
    if a >= 1 and words[a - 1].norm == "قد" and m.tense != "past":
        return "claimed"
    if a >= 2 and words[a - 2].norm == "قد" and words[a - 1].norm[:1] in "يت":
        return "claimed"
    lo = max(start, a - 8)
    if total & _PH_CLAIMED and _any_bit(masks, _PH_CLAIMED, lo, a) and _phrase_ends_at(
            words, c["claimed_phrases"], lo, a):
        return "claimed"
    if total & _PH_CLAIMED and a < m.first and _any_bit(masks, _PH_CLAIMED, a, m.first) and _phrase_ends_at(
            words, c["claimed_phrases"], a, m.first):
        # «وأعلن تنظيم «داعش» مسؤوليته عن التفجير»: the cue stands between the light verb (the
        # anchor) and the noun it governs
        return "claimed"
    if total & _CLAIMED_A and _any_bit(masks, _CLAIMED_A, m.last + 1, min(n, m.last + 3)):
        return "claimed"
    if _report_noun_before(m, words, lex):
        return "reported"
    if _speaker_participle(m, words, lex) is not None and _one_speaker(words, lex, m.first):
        # «وقال ترامب إن …، معلناً فرض عقوبات»: the speaker's own act, outside his quote (the
        # speaker is still named as its source); relayed by a second voice («في بيان نقلته وكالة
        # تسنيم») it stays reported
        return "asserted"
    return None


def _one_speaker(words: list[Word], lex: Lexicon, hi: int) -> bool:
    """Whether the sentence before ``hi`` has exactly one reporting verb and no «وفق/بحسب» cue."""
    _, kinds, total = sentence_records(words, lex)
    if total & ATTRIBUTION and positions(kinds[:hi], ATTRIBUTION):
        return False
    return len(positions(kinds[:hi], SOURCE_VERB)) == 1


# cues.yaml ``attribution`` report nouns, normalised once per lexicon: (with «عن», direct,
# announcement nouns, the types they are read with directly, background heads)
_REPORT_NOUNS: dict[int, tuple[frozenset[str], ...]] = {}


def _report_nouns(lex: Lexicon) -> tuple[frozenset[str], ...]:
    raw = lex.cues["raw"]
    got = _REPORT_NOUNS.get(id(raw))
    if got is None:
        at = raw["attribution"]
        got = (frozenset(norm_word(w) for w in at.get("report_nouns_about") or ()),
               frozenset(norm_word(w) for w in at.get("report_nouns") or ()),
               frozenset(norm_word(w) for w in at.get("announcement_nouns") or ()),
               frozenset(at.get("announcement_types") or ()),
               frozenset(norm_word(w) for w in at.get("background_heads") or ()))
        _REPORT_NOUNS[id(raw)] = got
    return got


def _report_noun_before(m: Match, words: list[Word], lex: Lexicon) -> bool:
    """Whether a noun event is what a report noun tells of: «الإعلان عن مقتل 13 من قوات الحرس»,
    «أنباء عن خلاف», «وسط تقارير عن انسحاب …», «إعلان مقتل المئات» — attributed, though no one is
    named (cues.yaml ``attribution.report_nouns``). A verb trigger has its own clause."""
    if m.verbal or m.trigger.kind not in ("noun", "phrase") or m.first < 1:
        return False
    about, direct, announce, types, _ = _report_nouns(lex)
    k = m.first - 1
    if words[k].norm in ("عن", "حول", "بشان") and k >= 1 and not words[k].breaks_before:
        return any(s in about for s, _ in clitic_candidates(words[k - 1].norm))
    if words[m.first].breaks_before:
        return False
    stems = {s for s, _ in clitic_candidates(words[k].norm)}
    return bool(stems & direct) or bool(stems & announce and m.trigger.type in types)


def source_name(group: Group | None) -> tuple[str | None, set[str]]:
    """Display name of a source group (linked English name, else its text) and its identity keys."""
    if group is None:
        return None, set()
    a = group.members[0]
    name = (a.actor or {}).get("name_en") or a.mention.text
    return name, {x.key for x in group.members}


def _fallback_source(words: list[Word], k: int, hi: int, lex: Lexicon, text: str) -> str | None:
    """Unnamed source right after a cue: «مصدر عسكري», «وكالات الأنباء الروسية»."""
    told = False  # «ما» + a reporting verb: whoever follows is the one who told it
    while k < hi and (words[k].norm in ("عن", "ل", "ما", "لما", "به", "بها") or (
            k > 0 and words[k - 1].norm in ("ما", "لما") and _reporting_verb(words[k].norm, lex))):
        told = told or words[k].norm not in ("عن", "ل", "ما", "لما", "به", "بها")
        k += 1  # «وفق ما نقل موقع …»: the verb after «ما» is part of the cue
    if k >= hi or words[k].breaks_before or words[k].norm in lex.cues["complementizers"]:
        return None
    if not told and not any(stem in lex.cues["source_nouns"] for stem, _ in clitic_candidates(words[k].norm)):
        # («بحسب ما أعلنه قائد الشرطة في المحافظة»: after «ما أعلنه» the subject is the source,
        # whatever noun it is)
        return None
    end = k
    while end + 1 < hi and end - k < 2 and not words[end + 1].breaks_before \
            and words[end + 1].norm not in lex.cues["complementizers"]:
        end += 1
    while end > k and words[end].norm in lex.cues["location_preps"]:
        end -= 1  # «قائد الشرطة في المحافظة»: not a dangling «في»
    return text[words[k].start:words[end].end]


def _reporting_verb(w: str, lex: Lexicon) -> bool:
    """A reporting verb, also with an object pronoun («أعلنه», «أوردته», «ذكرها»: «بحسب ما أعلنه …»)."""
    if w in lex.attribution_verbs:
        return True
    for suffix in ("ه", "ها", "هم"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            stem = w[: -len(suffix)]
            # «أوردته»: the feminine «ت» before a pronoun is written as «ت» (not «ة»)
            if stem in lex.attribution_verbs:
                return True
    return False


def attribution_prep(w: str, lex: Lexicon) -> bool:
    """Whether a normalised word is a prepositional attribution cue («وفق», «بحسب», «لمصادر»)."""
    cache = lex.word_caches.setdefault("attr_prep", {})
    hit = cache.get(w)
    if hit is None:
        preps = lex.cues["attr_preps"]
        hit = w in preps or any(s in preps for s, _ in clitic_candidates(w)[:2])
        if len(cache) < 200_000:
            cache[w] = hit
    return hit


def attribution_cues(words: list[Word], lex: Lexicon) -> list[int]:
    """Word indices of prepositional attribution cues («وفق», «بحسب», «نقلا عن») in a sentence."""
    _, kinds, total = sentence_records(words, lex)
    return positions(kinds, ATTRIBUTION) if total & ATTRIBUTION else []


def _background_head(w: str, lex: Lexicon) -> bool:
    """Whether a normalised word is a background head (with its clitics), cached per word type: every
    noun trigger asks about the word before it."""
    cache = lex.word_caches.get("_background_heads")
    if cache is None:
        cache = lex.word_caches.setdefault("_background_heads", {})
    got = cache.get(w)
    if got is None:
        heads = _report_nouns(lex)[4]
        got = cache[w] = any(s in heads for s, _ in clitic_candidates(w))
    return got


def background_noun(m: Match, words: list[Word], lex: Lexicon) -> bool:
    """Whether a noun event is background the article takes as known, not what a speaker reports:
    the time anchor of a «منذ» phrase («منذ بداية الشهر الثاني من حربها على أوكرانيا») or the
    genitive of an outcome noun («لمتابعة نتائج زيارة الرئيس الروسي إلى طهران»; cues.yaml
    ``attribution.background_heads``)."""
    if m.verbal or m.trigger.kind not in ("noun", "phrase") or m.first < 1:
        return False
    k = m.first - 1
    if not words[m.first].breaks_before and _background_head(words[k].norm, lex):
        return True
    for j in range(m.first - 1, max(-1, m.first - 7), -1):
        if words[j].norm in ("منذ", "ومنذ"):
            return True
        if words[j].breaks_before or words[j].norm in lex.cues["complementizers"]:
            return False
    return False


def attribution(m: Match, words: list[Word], groups: list[Group], lex: Lexicon,
                text: str, prep_cues: list[int] | None = None) -> tuple[str | None, set[str], set[int]]:
    """``(source name, source identity keys, ids of groups used as source)`` for a trigger.

    ``prep_cues`` (from :func:`attribution_cues`) saves recomputing the sentence's cue positions
    for every trigger.
    """
    n = len(words)
    if background_noun(m, words, lex):
        return None, set(), set()
    if prep_cues is None:
        prep_cues = attribution_cues(words, lex)
    # 1) prepositional cues anywhere in the sentence: «وفق …», «بحسب …», «نقلا عن …»
    contrast = _extra(lex)["contrast_openers"]
    for k in prep_cues:
        if m.first <= k <= m.last:
            continue
        if k > m.last and any(words[j].breaks_before and words[j].norm in contrast for j in range(m.last + 1, k)):
            continue  # «اتفقت عليها روسيا وتركيا …، إلا أن المنطقة تشهد … بحسب الأمم المتحدة»
        # «وفق ما نقل الموقع الرسمي للمرشد»: «ما» and a reporting verb push the source further
        reach = 4 + 2 * (k + 2 < n and words[k + 1].norm in ("ما", "لما")
                         and _reporting_verb(words[k + 2].norm, lex))
        g = next((g for g in groups if k < g.first <= k + reach), None)
        if g is not None:
            name, keys = source_name(g)
            return name, keys, {id(g)}
        fb = _fallback_source(words, k + 1, min(n, k + 6), lex, text)
        if fb:
            return fb, set(), set()
    # 2) a reporting verb before the trigger: «قال X إن …», «X أعلنت أن …», «أفادت وكالة …»
    a = min(m.anchor, m.first)
    comps = lex.cues["complementizers"]
    _, kinds, _ = sentence_records(words, lex)
    # (back from the trigger over the words that are either: no other word stops or names anything)
    openers = lex.cues["raw"]["attribution"].get("comma_clause_openers") or ()
    reach = int(lex.cues["raw"]["attribution"].get("object_reach", 10))
    verbs = kind_positions(words, lex, SCOPE_BREAK | SOURCE_VERB)  # (the sentence's, kept for every trigger)
    for k in reversed(verbs[:bisect_left(verbs, a)]):
        if kinds[k] & SCOPE_BREAK:
            break  # «…، فيما جدد أردوغان رفض …»: a new main clause, outside the reported speech
        if openers and any(words[j].breaks_before and words[j].norm in openers for j in range(k + 1, a + 1)):
            break  # «وتقول الحكومة إن …، وقد شنت الطائرات …»: the writer's own clause after a comma
        if a - k > reach and not any(words[j].norm in comps for j in range(k + 1, a)):
            # «ويؤكد قادة الحرس مواصلة القتال … وترفض طهران …»: without «أن» the verb reports only
            # its object; a trigger far beyond it stands in a clause of its own
            continue
        # A reporting verb that also governs the trigger («أكدت مواقع … مقتل قائد») still names the
        # source; when that source is the actor itself the event stays asserted (speech act).
        # the speaker stands before the complementizer («أكدت «الجهاد» أن القاهرة تعهدت»: Cairo is
        # the reported clause's subject, not the source)
        g = next((g for g in groups if g.prep is None and k < g.first <= k + 3 and g.first < a
                  and not any(words[j].norm in comps for j in range(k + 1, g.first))), None)
        if g is None:
            g = next((g for g in reversed(groups) if g.prep is None and k - 4 <= g.last < k), None)
            if g is not None and not any(words[j].norm in comps for j in range(k + 1, a)):
                # «ذكرت الرئاسة أن الوزير نقل رسالة تهنئة»: a verb that takes the trigger as its
                # object, with its subject before it, is the happening itself; that subject is the
                # actor and the source is the outer reporting verb's
                continue
        if g is not None:
            name, keys = source_name(g)
            return name, keys, {id(g)}
        fb = _fallback_source(words, k + 1, min(a, k + 5), lex, text)
        if fb:
            return fb, set(), set()
        if k + 1 < a and words[k + 1].norm in comps and words[k].norm[:1] in "وف":
            # «رفضت وزارة الخارجية السودانية البيان …، وقالت إن البرهان يشترط …»: a coordinated
            # reporting verb with its subject left out speaks with the subject of the sentence's
            # first clause, its first group without a preposition (verb-subject-object order)
            g = next((g for g in groups if g.prep is None and g.last < k), None)
            if g is not None and not any(words[j].hard_before for j in range(g.first + 1, k + 1)):
                name, keys = source_name(g)
                return name, keys, {id(g)}
    return None, set(), set()


def _speaker_participle(m: Match, words: list[Word], lex: Lexicon) -> int | None:
    """The index of a circumstantial participle opening the trigger's clause after a comma, for a
    statement («قال المتحدث إن الهجوم يعرّض حياة المدنيين للخطر، داعياً إلى وقفه», «…، معلناً فرض
    عقوبات»): its subject is the speaker of the sentence, so the act is his own, not part of what he
    is quoted as saying. Only for the statement types (cues.yaml ``statement_types``): after «قال إن
    الجيش قصف مواقع، مستهدفاً …» the participle continues the reported clause."""
    if m.trigger.type not in (lex.cues["raw"].get("statement_types") or ()):
        return None
    for j in (m.first, m.first - 1):
        if j < 1 or not ("،" in words[j].punct or "," in words[j].punct):
            continue
        w = words[j].norm
        w = w[1:] if w[:1] == "و" and len(w) > 4 else w
        # an indefinite accusative (written alif): «داعياً», «معلناً», «مطالباً»
        if len(w) >= 4 and w.endswith("ا") and not w.startswith("ال"):
            return j
    return None


def actor_keys(refs: list[dict[str, Any]]) -> set[str]:
    """Identity keys of actor refs: their ids, else their normalised text."""
    if not refs:
        return set()  # (most calls: an event without actor or recipient; a fresh set, callers may add)
    return {str(r.get("id") or norm_word(str(r.get("text") or ""))) for r in refs}


_MODALITY: dict[str, Any] | None = None


def _modality_cues() -> dict[str, Any]:
    """``data/modality.yaml``, normalised once."""
    global _MODALITY
    if _MODALITY is None:
        raw = load_yaml(resources.files("marsad.events").joinpath("data", "modality.yaml")) or {}
        keys = {"former": "former_words", "readiness": "readiness_words", "order_verbs": "order_verbs",
                "start": "start_words"}
        _MODALITY = {k: frozenset(norm_word(w) for w in raw.get(key) or ()) for k, key in keys.items()}
    return _MODALITY


def _planned_by_governor(m: Match, words: list[Word]) -> bool:
    """Whether an order or a readiness governs the trigger (data/modality.yaml): «أمر بوتين، اليوم
    الاثنين، خلال زيارة …، ببدء سحب …», «استعداد بلاده لاحتضان حوار». Noun triggers only: a verb
    has its own tense."""
    if m.trigger.kind not in ("noun", "phrase") or m.first < 1:
        return False
    cues = _modality_cues()
    present = word_types(words)
    if cues["readiness"].isdisjoint(present) and cues["order_verbs"].isdisjoint(present):
        return False  # (only a readiness or order word says so: none in the sentence, no scan)
    first = m.first
    if first >= 1 and words[first - 1].norm in cues["start"] and not words[first].breaks_before:
        first -= 1  # «ببدء سحب»: the order's object is the start of the happening
    for k in range(first - 1, max(-1, first - 5), -1):
        if words[k].norm in cues["readiness"]:
            return True
        if words[k + 1].breaks_before:
            break
    if not words[first].norm.startswith("ب"):
        return False
    for k in range(first - 1, max(-1, first - 26), -1):
        if words[k + 1].hard_before or words[k].norm.startswith("بال"):
            # (the order's object is its first «بـ» phrase: «أمرت المحكمة بالإفراج عن المتهمين
            # بالهجوم» orders no attack)
            return False
        if words[k].norm in cues["order_verbs"]:
            return True
    return False


def _former_speaker(words: list[Word], a: int, comps: frozenset[str]) -> bool:
    """Whether the speaker part (before the complementizer that opens the trigger's clause) names a
    former office-holder («قال مسؤولون أمنيون سابقون لوسائل إعلام عبرية إن …»)."""
    former = _modality_cues()["former"]
    for k in range(a - 1, -1, -1):
        if words[k + 1].hard_before:
            return False
        if words[k].norm in comps:
            # the speaker stands within eight words before «إن/أن» (not «الرئيس السابق» inside
            # the reported clause)
            if any(words[j].norm in former for j in range(max(0, k - 8), k)) and not any(
                    words[j].hard_before for j in range(max(1, k - 7), k + 1)):
                return True
            p = words[k - 1] if k >= 1 else None
            if p is None or not p.breaks_before or not p.norm.endswith("ا") or len(p.norm) < 5:
                return False
            # «أوضح القيادي السابق …، أن …، مؤكدا أن روسيا سترفد …»: a circumstantial participle
            # after a comma goes on with the same speaker; his description is further back
    return False


def opinion_source(m: Match, words: list[Word], lex: Lexicon) -> bool:
    """Whether the speaker before the trigger is an analyst or observer («قال فلان، المحلل السياسي،
    إن …», «ويقول محللون إن …») or a former office-holder: what they relate is a reading, so the
    event is claimed."""
    ops = lex.cues["opinion_sources"]
    cache = lex.word_caches.setdefault("opinion", {})
    a = min(m.anchor, m.first)
    if _former_speaker(words, a, lex.cues["complementizers"]):
        return True
    for k in range(a - 1, -1, -1):
        if words[k + 1].hard_before:
            return False
        w = words[k].norm
        hit = cache.get(w)
        if hit is None:
            hit = cache[w] = any(stem in ops for stem, _ in clitic_candidates(w))
        if hit:
            return True
    return False


# cues.yaml ``status`` conditional lists, normalised once per lexicon: (particle phrases, not-after
# words, apodosis openers, reach)
_CONDITIONAL: dict[int, tuple[tuple[tuple[str, ...], ...], frozenset[str], frozenset[str], int]] = {}


def _conditional_cues(lex: Lexicon) -> tuple[tuple[tuple[str, ...], ...], frozenset[str], frozenset[str], int]:
    raw = lex.cues["raw"]
    got = _CONDITIONAL.get(id(raw))
    if got is None:
        st = raw["status"]
        got = (tuple(tuple(norm_word(w) for w in p.split()) for p in st.get("conditional_particles") or ()),
               frozenset(norm_word(w) for w in st.get("conditional_not_after") or ()),
               frozenset(norm_word(w) for w in st.get("apodosis_openers") or ()),
               int(st.get("conditional_reach", 12)))
        _CONDITIONAL[id(raw)] = got
    return got


def _particles_by_first(lex: Lexicon) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The conditional particles by their first word, each list in the cues' order."""
    particles = _conditional_cues(lex)[0]
    got = _PARTICLES_BY_FIRST.get(id(particles))
    if got is None or got[0] is not particles:
        index: dict[str, list[tuple[str, ...]]] = {}
        for p in particles:
            index.setdefault(p[0], []).append(p)
        got = (particles, {w: tuple(ps) for w, ps in index.items()})
        _PARTICLES_BY_FIRST[id(particles)] = got
    return got[1]


_PARTICLES_BY_FIRST: dict[int, tuple[Any, dict[str, tuple[tuple[str, ...], ...]]]] = {}


def conditional_clauses(words: list[Word], lex: Lexicon) -> list[tuple[int, int, int, int]]:
    """``(protasis start, protasis end, apodosis start, apodosis end)`` word spans of the sentence's
    conditionals: «إذا هاجمت إسرائيل المنشآت النووية | فإن إيران سترد بقوة», «سترد بقوة | إذا …»."""
    _, not_after, openers, reach = _conditional_cues(lex)
    _, kinds, total = sentence_records(words, lex)
    if not total & CONDITIONAL:
        return []
    by_first = _particles_by_first(lex)
    out = []
    n = len(words)
    for i in positions(kinds, CONDITIONAL):  # the words a particle begins with
        w = words[i]
        size = next((len(p) for p in by_first[w.norm] if tuple(x.norm for x in words[i:i + len(p)]) == p), 0)
        if not size or (i and words[i - 1].norm in not_after and not w.breaks_before):
            continue  # «ما إذا»: whether, not if
        start = i + size
        end = start
        while end < n and end - start < reach:
            x = words[end]
            if end > start and (x.breaks_before or x.norm in openers or x.norm.startswith("فس")):
                break
            end += 1
        if end < n and not words[end].hard_before and (words[end].norm in openers or words[end].norm.startswith("فس")):
            # the main clause follows, opened by «ف», up to the next clause break
            a_end = end + 1
            while a_end < n and not words[a_end].breaks_before:
                a_end += 1
            out.append((start, end, end, a_end))
        else:
            # the main clause stands before the particle, in its clause («سترد بقوة إذا …»)
            a_start = i
            while a_start > 0 and not words[a_start].breaks_before:
                a_start -= 1
            out.append((start, end, a_start, i))
    return out


def conditional_events(events: list[tuple[Match, dict[str, Any]]], words: list[Word],
                       lex: Lexicon) -> list[tuple[Match, dict[str, Any]]]:
    """Drop the hypothetical acts of a conditional's protasis; make a future attack of its main
    clause a threat against the protasis's actor («إذا هاجمت إسرائيل … فإن إيران سترد بقوة» →
    THREATEN Iran → Israel), and give a threat there with no target that actor.

    Dropped rather than kept as ``claimed``: the contract's statuses tell what was said of a
    happening (done, reported, planned, supposed, denied); an act set as a condition is none of
    these, and the gold codes only the threat it conditions.
    """
    if not events:
        return events
    clauses = conditional_clauses(words, lex)
    if not clauses:
        return events
    for p_start, p_end, a_start, a_end in clauses:
        protasis = [ev for m, ev in events if p_start <= m.first < p_end]
        target = next((ev["actor"] for ev in protasis if ev["actor"]), [])
        for m, ev in events:
            if not a_start <= m.first < a_end:
                continue
            if ev["type"] == "ASSAULT" and ev["status"] == "planned":
                ev["type"], ev["mode"] = "THREATEN", "violence"
                ev["cameo"] = lex.cameo("THREATEN", "violence")
                ev["status"] = "asserted"  # the threat is made now (as for an announced attack)
                ev["recipient"] = []
            if ev["type"] == "THREATEN" and not ev["recipient"] and target:
                own = actor_keys(ev["actor"])
                ev["recipient"] = [dict(r) for r in target if not actor_keys([r]) & own]
    drop = {id(ev) for p_start, p_end, _, _ in clauses for m, ev in events if p_start <= m.first < p_end}
    return [(m, ev) for m, ev in events if id(ev) not in drop]
