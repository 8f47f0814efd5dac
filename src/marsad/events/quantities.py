"""Numbers stated in a sentence and what they count: «قُتل 14 شخصاً» → ``{"killed": 14}``.

A number is a run of digits (Arabic-Indic digits are already folded by normalisation, «3,000» and
«2.5» are read) optionally followed by a multiplier («3 آلاف», «2.5 مليون»), or a number word
(«ثلاثة», «عشرين», «ثلاثة آلاف»). Vague amounts (عشرات, مئات, بضعة) are never numbers.

Its key comes from, in order: a casualty noun after it (قتيلاً, جريحاً); a casualty word before it,
skipping fillers (مقتل أكثر من 14 …); another counted noun after it (مقاتل, جندي, نقطة). A bare
count of people with no casualty word («5 أشخاص») is not a quantity of anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from marsad.events.cuewords import NUMBER, positions, sentence_records
from marsad.events.lexicon import Lexicon
from marsad.events.text import Word, clitic_candidates

_CASUALTY = ("killed", "wounded", "arrested")


@dataclass(slots=True)
class Quantity:
    key: str
    value: int
    index: int  # word index of the number


@lru_cache(maxsize=200_000)
def _stems(word: str) -> tuple[str, ...]:
    return tuple(s for s, _ in clitic_candidates(word))


def _digits(word: str) -> float | None:
    w = word.replace(",", "")
    try:
        return float(w)
    except ValueError:
        return None


_NOT_A_NUMBER = object()


def _word_value(w: str, lex: Lexicon) -> float | int | None:
    """The number a single word stands for («14», «3,000», «ثلاثة»), or None; cached per word type."""
    cache = lex.word_caches.setdefault("number", {})
    value = cache.get(w, _NOT_A_NUMBER)
    if value is not _NOT_A_NUMBER:
        return value  # type: ignore[return-value]
    c = lex.cues
    if w in c["q_vague"]:
        value = None
    else:
        value = _digits(w) if w[:1].isdigit() else None
        if value is None:
            value = next((c["num_units"][s] for s in _stems(w)[:2] if s in c["num_units"]), None)
    if len(cache) < 200_000:
        cache[w] = value
    return value


def read_number(words: list[Word], i: int, lex: Lexicon) -> tuple[int, int] | None:
    """``(value, last word index)`` of a number starting at word ``i``, or None."""
    value = _word_value(words[i].norm, lex)
    if value is None:
        return None
    last = i
    if i + 1 < len(words) and not words[i + 1].breaks_before:
        mult = lex.cues["num_mult"].get(words[i + 1].norm)
        if mult and (value < 1000 or mult >= 1000000):
            value, last = value * mult, i + 1
    return int(value), last


def find_quantities(words: list[Word], lex: Lexicon) -> list[Quantity]:
    """Every labelled number of a sentence."""
    _, kinds, total = sentence_records(words, lex)
    if not total & NUMBER:
        return []
    out: list[Quantity] = []
    i = 0
    for k in positions(kinds, NUMBER):  # the words that stand for a number, left to right
        if k < i:
            continue  # the multiplier of the number before («3 آلاف»)
        got = read_number(words, k, lex)
        if got is None:
            continue
        value, last = got
        key = _label(words, k, last, lex)
        if key is not None and 0 < value < 10_000_000:
            out.append(Quantity(key, value, k))
        i = last + 1
    return out


def _label(words: list[Word], first: int, last: int, lex: Lexicon) -> str | None:
    c = lex.cues
    n = len(words)
    after_key = None
    j = last + 1
    if j < n and words[j].norm == "من":  # «13 من قوات …»
        j += 1
    if j < n and not words[j].hard_before:
        stems = _stems(words[j].norm)
        after_key = next((c["q_after"][s] for s in stems if s in c["q_after"]), None)
    if after_key in _CASUALTY:
        return after_key
    # a casualty word before: over fillers (مقتل أكثر من 14) and at most two other words, which
    # covers a VSO subject (اعتقلت الشرطة 25 …)
    k = first - 1
    others = 0
    while k >= 0 and not words[k + 1].hard_before and first - k <= 6:
        stems = _stems(words[k].norm)
        before = next((c["q_before"][s] for s in stems if s in c["q_before"]), None)
        if before:
            return before
        if not any(s in c["q_fillers"] for s in stems):
            others += 1
            if others > 2:
                break
        k -= 1
    # otherwise a counted noun after it; a bare count of people says nothing without a casualty word
    return after_key
