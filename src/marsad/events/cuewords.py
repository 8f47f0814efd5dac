"""One record per word type for the sentence passes that look every word up.

The quantity pass (is it a number?), the modality pass (its status cue bits), the attribution pass (a
prepositional source cue such as «وفق», «بحسب»), the generic-participant pass («المتظاهرين»), the
conditional pass («إذا») and the reported-speech pass (a reporting verb, then «أن») each used to walk
the whole sentence with a set or dictionary of its own (and the source pass walked back from every
trigger to a reporting verb). :func:`sentence_records` walks it once,
reading one record per word type (built on first sight from those passes' own per-word tests and
cached on the lexicon), and ORs the words' kinds: a pass whose kind of cue no word of the sentence
has is skipped whole, and the others visit only the words that have it.

Nothing here decides anything: the per-word tests stay in :mod:`quantities` and :mod:`modality`, and
the cues in the lexicon's data files.
"""

from __future__ import annotations

from functools import reduce
from itertools import compress
from operator import itemgetter, or_
from typing import Any

from marsad.events.lexicon import Lexicon
from marsad.events.text import Word, norm_of

# Kinds of cue a word can be, as bits of the record's first item: a number, a prepositional source
# cue, a generic participant, a status cue, the first word of a conditional particle, a bare
# complementizer («أن», «إن»; not «أنه/أنها»), a reporting or denial verb form, a word that opens a
# new main clause («فيما»; cues scope_breaks) and an attribution verb form.
NUMBER, ATTRIBUTION, GENERIC, STATUS, CONDITIONAL, COMPLEMENTIZER, REPORTING, SCOPE_BREAK, SOURCE_VERB = (
    1 << k for k in range(9))

# (kinds, status cue bits (modality._word_mask), generic_actors entry or None)
Record = tuple[int, int, Any]

_KINDS = itemgetter(0)
_STATUS = itemgetter(1)

# The words of the sentence last seen, their records, kinds and the OR of the kinds: the passes run
# one after another over the same words. One tuple, swapped whole (thread-safe).
_last: list[tuple[Any, Any, list[Record], list[int], int]] = [(None, None, [], [], 0)]


def sentence_records(words: list[Word], lex: Lexicon) -> tuple[list[Record], list[int], int]:
    """``(records, kinds, OR of the kinds)`` of the words of a sentence."""
    last = _last[0]
    if last[0] is words and last[1] is lex:
        return last[2], last[3], last[4]
    cache = lex.word_caches.get("_records")
    if cache is None:
        cache = lex.word_caches.setdefault("_records", {})
    records = list(map(cache.get, map(norm_of, words)))
    if None in records:  # a word type not seen before
        records = [r if r is not None else _record(w.norm, lex, cache) for r, w in zip(records, words, strict=True)]
    kinds = list(map(_KINDS, records))
    total = reduce(or_, kinds, 0)
    _last[0] = (words, lex, records, kinds, total)
    return records, kinds, total


def positions(kinds: list[int], kind: int) -> list[int]:
    """Indices of the words that have ``kind``."""
    return list(compress(range(len(kinds)), map(kind.__and__, kinds)))


# The positions of each kind asked for in the sentence last seen (the source pass asks once per
# trigger for the same sentence). One tuple, swapped whole (thread-safe).
_last_positions: list[tuple[Any, Any, dict[int, list[int]]]] = [(None, None, {})]


def kind_positions(words: list[Word], lex: Lexicon, kind: int) -> list[int]:
    """:func:`positions` of ``kind`` over the words of a sentence, kept for the last sentence (read
    only: callers cut it with ``bisect``, never change it)."""
    last = _last_positions[0]
    if last[0] is words and last[1] is lex:
        cache = last[2]
        got = cache.get(kind)
        if got is not None:
            return got
    else:
        cache = {}
        _last_positions[0] = (words, lex, cache)
    got = cache[kind] = positions(sentence_records(words, lex)[1], kind)
    return got


def status_masks(records: list[Record], total: int) -> list[int]:
    """The status cue bits of every word (all zero when no word has any)."""
    return list(map(_STATUS, records)) if total & STATUS else [0] * len(records)


def last_records(words: list[Word], cues: dict[str, Any]) -> tuple[list[Record], list[int], int] | None:
    """The records of ``words`` when they were the last sentence read with a lexicon whose cues are
    ``cues`` (for a pass that is handed the cues only), else None."""
    last = _last[0]
    if last[0] is words and last[1].cues is cues:
        return last[2], last[3], last[4]
    return None


def _record(w: str, lex: Lexicon, cache: dict[str, Record]) -> Record:
    # imported here: modality and quantities import the modules that read the records
    from marsad.events.modality import _conditional_cues, _word_mask, attribution_prep
    from marsad.events.quantities import _word_value

    status = _word_mask(w, lex)
    generic = lex.cues["generic"]
    entry = generic.get(w)
    if entry is None and w[:1] in "وبل":  # (as _generic_hits reads it: «والمتظاهرين», «بالمدنيين»)
        entry = generic.get(w[1:])
    kinds = ((NUMBER if _word_value(w, lex) is not None else 0)
             | (ATTRIBUTION if attribution_prep(w, lex) else 0)
             | (GENERIC if entry is not None else 0)
             | (STATUS if status else 0)
             | (CONDITIONAL if any(p[:1] == (w,) for p in _conditional_cues(lex)[0]) else 0)
             | (COMPLEMENTIZER if w in lex.cues["complementizers"] and not w.endswith(("ه", "ها")) else 0)
             | (REPORTING if w in lex.attribution_verbs or w in lex.denial_verbs else 0)
             | (SCOPE_BREAK if w in lex.cues["scope_breaks"] else 0)
             | (SOURCE_VERB if w in lex.attribution_verbs else 0))
    record = (kinds, status, entry)
    if len(cache) < 200_000:
        cache[w] = record
    return record
