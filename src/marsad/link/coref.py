"""Within-document coreference of people: repeated surnames and descriptions.

Arabic news introduces a person once in full («المحلل السياسي حسن هاني زاده») and then repeats a
part of the name, often with a clitic («وأوضح هاني زاده», «والكلام لهاني زاده»), or a description
(«الباحث الإيراني», «القيادي السابق في الحرس الثوري»). This pass, run after the gazetteer and the NER
model, gives those repeats the actor (or unresolved reference) of the introduction:

1. a person mention the knowledge base does not know, whose words (a proclitic stripped from the
   first) are the full name or a final part of the name of a person introduced before it, takes that
   person's reference (same id, same transliterated ``name_en``); an NER span that swallowed the verb
   before the name («ووصف كنعاني») is trimmed to the name; so does a first name alone or after an
   honorific («الشيخ صباح» after «الشيخ صباح الأحمد الجابر الصباح») when exactly one person named
   before it in the document has that first name and the knowledge base knows that person;
2. occurrences of such a final part that no mention covers yet become mentions of that person — when
   the part names one person in the document and, if it is one word, is not a common word;
3. a description right before a name joins that mention, and a later definite description alone refers
   back to the person introduced with it (see ``data/coref.yaml``).

Work per document is linear in the number of mentions plus one regular-expression scan of the text.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import accumulate
from operator import attrgetter
from typing import Any

import yaml

from marsad.arabic import normalize_word
from marsad.arabic.trie import AnchoredPattern, trie_regex
from marsad.link.translit import slug, transliterate
from marsad.model import Mention

_WORD = re.compile(r"[^\W\d_]+")
_LETTER_CLASS = r"[^\W\d_]"
_SPAN = attrgetter("start", "end")  # sort key of mentions: (start, end), C-level


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    raw = yaml.safe_load(resources.files("marsad.link").joinpath("data/coref.yaml").read_text("utf-8"))
    heads = {normalize_key(h): cls for cls, forms in raw["description_heads"].items() for h in forms}
    offices = {normalize_word(h) for h in raw.get("office_heads") or ("-",)}
    return {
        "proclitics": tuple(sorted(raw["name_proclitics"], key=len, reverse=True)),
        "proclitic_set": frozenset(raw["name_proclitics"]),
        "not_surnames": frozenset(normalize_word(w) for w in raw["not_surnames"]),
        "binding": frozenset(normalize_word(w) for w in raw["binding_particles"]),
        "honorifics": frozenset(normalize_word(w) for w in raw.get("name_honorifics", ())),
        "heads": heads,
        # longest first, so that «المحلل السياسي» wins over «المحلل» (and «السياسي» inside it). The
        # word lists are tries, and each pattern is tried only where its words occur (AnchoredPattern,
        # marsad.arabic.trie): the same matches, without an attempt at every position of a document.
        "heads_re": AnchoredPattern(re.compile(rf"(?<!{_LETTER_CLASS})[وف]?(" + trie_regex(heads, space=" ")
                                               + rf")(?!{_LETTER_CLASS})"), heads, lead=1),
        "links": frozenset(normalize_word(w) for w in raw["description_links"]),
        "office_re": AnchoredPattern(re.compile(rf"(?<!{_LETTER_CLASS})[وف]?((?:ال)?(?:" + trie_regex(
            offices, space=" ") + rf"))(?!{_LETTER_CLASS})"), offices, lead=3),  # «وال» before the noun
        "ranks": frozenset(normalize_word(w) for w in raw.get("name_ranks") or ()),
        "office_links": frozenset(normalize_word(w) for w in raw.get("office_links") or ()),
        "office_stop": frozenset(normalize_word(w) for w in raw.get("office_stop") or ()),
        "office_max": int(raw.get("max_office_words", 14)),
        "continuations": frozenset(normalize_word(w) for w in raw.get("surname_continuations") or ()),
        "max_words": int(raw.get("max_description_words", 7)),
        "backrefs_re": _backrefs_re(raw.get("body_backrefs") or (), raw.get("title_backrefs") or ()),
        "government_re": _backrefs_re(raw.get("government_nouns") or (), ()),
        "government_min": int(raw.get("government_min_mentions", 2)),
        "government_not_after": frozenset(normalize_word(w) for w in raw.get("government_not_after") or ()),
        "government_plain_adjectives": frozenset(normalize_word(w)
                                                 for w in raw.get("government_plain_adjectives") or ()),
    }


def _backrefs_re(bodies: Iterable[str], titles: Iterable[str]) -> AnchoredPattern | None:
    """One pattern for every back-reference word with its clitics («الجامعة», «وللجامعة», «بالمجلس»):
    group ``body`` or ``title`` holds the head without its article («جامعه», «رئيس الوزراء»)."""
    def forms(phrase: str) -> str:
        words = normalize_key(phrase).split()
        head = words[0][2:] if words[0].startswith("ال") else words[0]
        return " ".join([head, *words[1:]])
    alts, words = [], set()
    for name, items in (("body", bodies), ("title", titles)):
        heads = {forms(p) for p in items}
        if heads:  # longest first (a trie: see marsad.arabic.trie)
            alts.append(rf"(?P<{name}>{trie_regex(heads, space=' ')})")
            words |= heads
    if not alts:
        return None
    # a conjunction, a preposition, then the article («وبال…», «لل…»): never a bare noun without «ال»;
    # tried only where a head occurs, at most 4 letters («وبال») after the match's start
    return AnchoredPattern(re.compile(rf"(?<!{_LETTER_CLASS})(?:[وف]?[بك]?ال|[وف]?لل)(?:{'|'.join(alts)})"
                                      rf"(?!{_LETTER_CLASS})"), words, lead=4)


def _is_letter(ch: str) -> bool:
    return ch.isalpha()


def _word_start(norm: str, at: int) -> int | None:
    """Where the word holding a key found at ``at`` starts, if only a name proclitic precedes the key."""
    begin = at
    while begin > 0 and _is_letter(norm[begin - 1]) and at - begin < 2:
        begin -= 1
    if begin > 0 and _is_letter(norm[begin - 1]):
        return None
    return begin if begin == at or norm[begin:at] in _data()["proclitic_set"] else None


def normalize_key(phrase: str) -> str:
    return " ".join(normalize_word(w) for w in phrase.split())


def name_words(text: str) -> tuple[str, ...]:
    """Normalised letter words of a name («"هاني زاده"-» → ('هاني', 'زاده'))."""
    return tuple(normalize_word(w) for w in _WORD.findall(text))


def first_name(words: tuple[str, ...]) -> tuple[str, ...] | None:
    """The first name of a name of two words or more, honorifics left out («الشيخ صباح الأحمد» → صباح;
    «عبد الفتاح السيسي» → عبد الفتاح, the particle bound to the word after it)."""
    d = _data()
    i = 0
    while i < len(words) and words[i] in d["honorifics"]:
        i += 1
    rest = words[i:]
    if len(rest) >= 2 and rest[0] in d["binding"]:
        return rest[:2] if len(rest) >= 3 else None
    return rest[:1] if len(rest) >= 2 and len(rest[0]) >= 3 else None


def strip_proclitic(words: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The name with each possible proclitic removed from its first word («لهاني زاده» → هاني زاده)."""
    out = []
    first = words[0] if words else ""
    for p in _data()["proclitics"]:
        if first.startswith(p) and len(first) - len(p) >= 2:
            out.append((first[len(p):], *words[1:]))
    return out


@dataclass(slots=True)
class _Person:
    key: str                      # actor id, or the unresolved reference's id
    ref: dict[str, Any]
    actor_id: str | None
    label: str
    end: int                      # end of the introducing mention (original offsets)
    description: str | None = None
    commentator: bool = False


class Coreference:
    """Callable: ``coref(text, norm, to_original, mentions) -> mentions`` (same list, edited and extended).

    ``actor_names(actor_id)`` gives a known person's Arabic names (None for non-persons);
    ``is_common_word(word)`` tells whether a one-word surname is also an ordinary word, in which case
    its bare occurrences are not read as the person unless the NER model tagged them.
    """

    def __init__(self, actor_names: Callable[[str], Iterable[str] | None],
                 is_common_word: Callable[[str], bool] | None = None) -> None:
        self.actor_names = actor_names
        self.is_common_word = is_common_word or (lambda _w: False)
        self._parts_cache: dict[str, Any] = {}  # see _actor_parts

    # -- keys ----------------------------------------------------------------------------
    def _actor_parts(self, actor_id: str) -> tuple[tuple[tuple[str, ...] | None,
                                                         list[tuple[tuple[str, ...], bool]]], ...] | None:
        """Per Arabic name of a known person: its first name and its :meth:`_keys` (None: not a
        person). Knowledge only, so computed once per person, not once per document naming them."""
        cache = self._parts_cache
        if actor_id in cache:
            return cache[actor_id]
        names = self.actor_names(actor_id)
        parts = None
        if names is not None:
            out = []
            for name in names:
                words = name_words(name)
                out.append((first_name(words), self._keys(words, full=False) if len(words) >= 2 else []))
            parts = tuple(out)
        if len(cache) >= 50_000:  # bounded, though the knowledge base has far fewer people
            cache.clear()
        cache[actor_id] = parts
        return parts

    def _keys(self, words: tuple[str, ...], full: bool) -> list[tuple[tuple[str, ...], bool]]:
        """The full name (if ``full``) and its final parts a writer may repeat alone, each with whether
        its bare occurrences may be read as the person (only final parts of a longer name)."""
        d = _data()
        keys = [(words, len(words) > 1)] if full and words else []
        if full and words:
            keys.extend((v, len(v) > 1) for v in strip_proclitic(words))
        for i in range(1, len(words)):
            part = words[i:]
            if words[i - 1] in d["binding"]:
                continue  # «عبد الوحيد», «أبو حمزة», «آل خليفة»: the particle belongs to the next word
            if part[0] in d["not_surnames"] and part[0] not in d["binding"]:
                continue  # «الله» / «الدين …» do not start a surname
            if len(part) == 1 and len(part[0]) < 3:
                continue
            keys.append((part, len(part) > 1 or not self._common(part[0])))
        return keys

    def _common(self, word: str) -> bool:
        """A one-word surname that is also an ordinary word («النصر», «الشاعر») or the nisba of one
        («المصري», «الحسني»; but «السيسي» is read as a name)."""
        if self.is_common_word(word):
            return True
        if word.startswith("ال"):
            stem = word[2:]
            return self.is_common_word(stem) or (stem.endswith("ي") and self.is_common_word(stem[:-1]))
        return False

    # -- the pass ------------------------------------------------------------------------
    def __call__(self, text: str, norm: str, to_original: Callable[[int, int], tuple[int, int]],
                 mentions: list[Mention]) -> list[Mention]:
        mentions.sort(key=_SPAN)
        persons: dict[str, _Person] = {}
        index: dict[tuple[str, ...], set[str]] = {}
        firsts: dict[tuple[str, ...], set[str]] = {}  # first name → people (known or not) bearing it
        scannable: set[tuple[str, ...]] = set()
        # Known people first, over the whole document, so that a surname two of them share is
        # ambiguous wherever it occurs.
        for m in mentions:
            if m.label == "PERS" and m.actor_id and m.actor_id not in persons:
                parts = self._actor_parts(m.actor_id)
                if parts is None:
                    continue
                persons[m.actor_id] = _Person(m.actor_id, m.extra.get("ref") or {}, m.actor_id, "PERS", m.end)
                for first, keys in parts:
                    if first:
                        firsts.setdefault(first, set()).add(m.actor_id)
                    for k, scan in keys:
                        index.setdefault(k, set()).add(m.actor_id)
                        if scan:
                            scannable.add(k)
        self._continue_surnames(text, mentions)
        for m in mentions:
            ref = m.extra.get("ref") or {}
            if m.label != "PERS" or m.actor_id or not ref.get("unresolved"):
                continue
            words = name_words(ref.get("name_ar") or m.text)
            if not words:
                continue
            found = self._match(words, m, index, persons, text)
            if found is None:
                found = self._first_name_match(words, m, firsts, persons)
            if found is not None:
                self._relink(m, persons[found])
                continue
            key = ref.get("id") or m.text
            if key not in persons:
                persons[key] = _Person(key, ref, None, m.label, m.end)
                first = first_name(words)
                if first:
                    firsts.setdefault(first, set()).add(key)
                for k, scan in self._keys(words, full=True):
                    index.setdefault(k, set()).add(key)
                    if scan:
                        scannable.add(k)
        if persons:
            mentions.extend(self._scan(text, norm, to_original, mentions,
                                       {k: v for k, v in index.items() if k in scannable}, persons))
            mentions.sort(key=_SPAN)
            mentions.extend(self._descriptions(text, norm, to_original, mentions, persons))
            mentions.sort(key=_SPAN)
            self._office_appositions(text, norm, to_original, mentions)
        backrefs = self._backrefs(text, norm, to_original, mentions)
        backrefs += self._governments(text, norm, to_original, mentions)
        if backrefs:
            mentions.extend(backrefs)
            mentions.sort(key=_SPAN)
        return mentions

    @staticmethod
    def _continue_surnames(text: str, mentions: list[Mention]) -> None:
        """«حسين كنعاني مقدم», «وقال كنعاني مقدم»: the second half of a Persian compound surname
        (coref.yaml ``surname_continuations``) right after an unknown person's name belongs to the name,
        though the NER model often stops before it («مقدم» is also a common word). Not when a definite
        word follows it: «… مقدم البرنامج» is "the programme's presenter"."""
        conts = _data()["continuations"]
        if not conts:
            return
        starts: list[int] | None = None  # sorted at first use (no mention's start changes here)
        for m in mentions:
            ref = m.extra.get("ref") or {}
            if m.label != "PERS" or m.actor_id or not ref.get("unresolved"):
                continue
            nxt = _NEXT_WORD.match(text, m.end)
            if nxt is None or normalize_word(nxt.group(1)) not in conts:
                continue
            after = _NEXT_WORD.match(text, nxt.end())
            if after is not None and normalize_word(after.group(1)).startswith("ال"):
                continue
            if starts is None:
                starts = sorted(x.start for x in mentions)
            i = bisect_left(starts, m.end)
            if i < len(starts) and starts[i] < nxt.end():
                continue  # another mention starts there
            name = f"{ref.get('name_ar') or m.text} {nxt.group(1)}"
            m.end = nxt.end()
            m.text = text[m.start:m.end]
            m.extra["ref"] = {**ref, "id": f"unresolved:{slug(name)}", "name_en": transliterate(name),
                              "name_ar": name, "text": m.text}

    def _match(self, words: tuple[str, ...], m: Mention, index: dict[tuple[str, ...], set[str]],
               persons: dict[str, _Person], text: str) -> str | None:
        own = (m.extra.get("ref") or {}).get("id")
        variants: list[tuple[tuple[str, ...], int]] = [(words, 0)]
        variants += [(v, 0) for v in strip_proclitic(words)]
        if m.origin == "ner" and len(words) >= 2 and words[0][:1] in ("و", "ف"):
            # «ووصف كنعاني»: the model took the verb before the surname into the name.
            variants.append((words[1:], 1))
        for variant, dropped in variants:
            ids = index.get(variant)
            if not ids:
                continue
            ids = {i for i in ids if persons[i].end <= m.start}
            if len(ids) != 1:
                return None  # two people share it (or it is only introduced later): leave it
            (pid,) = ids
            if pid == own:
                return None
            if dropped:
                gap = re.match(r"\S+\s+", m.text)
                if gap is None:
                    return None
                m.start += gap.end()
                m.text = text[m.start:m.end]
            return pid
        return None

    @staticmethod
    def _first_name_match(words: tuple[str, ...], m: Mention, firsts: dict[tuple[str, ...], set[str]],
                          persons: dict[str, _Person]) -> str | None:
        """«الشيخ صباح», «وقال صباح»: a first name, alone or after honorifics, repeating the first name of
        the one person named before it that has it — a person the knowledge base knows (an unknown
        one is matched only by a surname, which is safer than a common first name)."""
        d = _data()
        i = 0
        while i < len(words) - 1 and words[i] in d["honorifics"]:
            i += 1
        for variant in (words[i:], *(() if i else strip_proclitic(words))):
            ids = {p for p in firsts.get(variant, ()) if persons[p].end <= m.start}
            if ids:
                if len(ids) != 1:
                    return None  # two people of the document share the first name: leave it
                (pid,) = ids
                return pid if persons[pid].actor_id else None
        return None

    @staticmethod
    def _relink(m: Mention, p: _Person) -> None:
        m.actor_id = p.actor_id
        m.label = p.label
        m.extra["ref"] = {**p.ref, "text": m.text}
        m.extra["coref"] = p.key

    def _scan(self, text: str, norm: str, to_original: Callable[[int, int], tuple[int, int]],
              mentions: list[Mention], index: dict[tuple[str, ...], set[str]],
              persons: dict[str, _Person]) -> list[Mention]:
        """Repeats of a final part of a name that no mention covers («وقرأ شكيبائي»)."""
        keys = {" ".join(k): next(iter(ids)) for k, ids in index.items() if len(ids) == 1}
        if not keys:
            return []
        spans: list[tuple[int, int]] | None = None  # the mentions' spans, sorted at the first occurrence
        out = []
        for key, pid in keys.items():
            # str.find per key (a few per document) instead of compiling a pattern per document
            at = norm.find(key)
            while at >= 0:
                end = at + len(key)
                begin = _word_start(norm, at)
                at = norm.find(key, at + 1)
                if begin is None or (end < len(norm) and _is_letter(norm[end])):
                    continue
                if spans is None:
                    spans = sorted((m.start, m.end) for m in mentions)
                    starts = [s for s, _ in spans]
                    max_end = list(accumulate((e for _, e in spans), max))
                s, e = to_original(begin, end)
                i = bisect_left(starts, e)
                if (i and max_end[i - 1] > s) or persons[pid].end > s:
                    continue  # covered by a mention, or before the person is introduced
                m = Mention(s, e, text[s:e], label="PERS", origin="coref", score=0.6)
                self._relink(m, persons[pid])
                out.append(m)
                spans.insert(i, (s, e))  # a longer key found first covers a shorter one inside it
                starts.insert(i, s)
                max_end = list(accumulate((e for _, e in spans), max))
        return out

    # -- descriptions ----------------------------------------------------------------------
    def _descriptions(self, text: str, norm: str, to_original: Callable[[int, int], tuple[int, int]],
                      mentions: list[Mention], persons: dict[str, _Person]) -> list[Mention]:
        d = _data()
        by_start: dict[int, Mention] | None = None  # built at the first description head (most texts have none)
        out: list[Mention] = []
        introduced: list[_Person] = []  # people introduced with a description, in text order
        for hit in d["heads_re"].finditer(norm):
            if by_start is None:
                by_start = {m.start: m for m in mentions
                            if m.label == "PERS" and m.origin in ("ner", "coref", "gazetteer")}
            cls = d["heads"][hit.group(1)]
            words, comma, person = self._description_words(norm, hit.end(), to_original, by_start)
            s, _ = to_original(hit.start(), hit.end())
            if person is not None:
                p = persons.get(person.actor_id or (person.extra.get("ref") or {}).get("id") or "")
                end = words[-1][1] if words else hit.end()
                desc = " ".join([hit.group(1), *(w for w, _ in words)])
                person.extra["description"] = text[s:to_original(hit.start(), end)[1]]
                person.start = s
                person.text = text[s:person.end]
                if person.extra.get("ref"):
                    person.extra["ref"] = {**person.extra["ref"], "text": person.text}
                if p is not None and p.description is None:
                    p.description, p.commentator = desc, cls == "commentator"
                    introduced.append(p)
                continue
            if comma or not introduced:
                continue
            target, end = self._described(hit, words, cls, norm, introduced, s)
            if target is None:
                continue
            s, e = to_original(hit.start(), end)
            if self._crosses(s, e, mentions):
                continue
            m = Mention(s, e, text[s:e], label="PERS", origin="coref", score=0.5)
            self._relink(m, target)
            out.append(m)
        return out

    def _office_appositions(self, text: str, norm: str, to_original: Callable[[int, int], tuple[int, int]],
                            mentions: list[Mention]) -> None:
        """«مستشار خامنئي في الشؤون الدولية، علي أكبر ولايتي», «رئيس مركز الدراسات الاستراتيجية في مجلس
        تشخيص مصلحة النظام ولايتي», «قائد لواء 21 … في الحرس الثوري، العقيد محسن قاجاريان»: an office
        noun (coref.yaml ``office_heads``) and its complement, right before a person's name, describe
        that person: the person's mention starts at the office noun.

        The complement is a construct chain: definite words, numbers, prepositions (``office_links``),
        mentions of other actors and places, and indefinite words only where a construct continues
        («مركز», «مجلس تشخيص»). A person's name right after an indefinite word is its genitive
        («مستشار خامنئي»), not the person described. After a comma only a rank («العقيد») may stand
        before the name. Anything else (a verb, «إن») ends the chain without a mention; so does an
        office noun inside a mention already read (a title the recogniser resolved)."""
        d = _data()
        if not mentions:
            return
        spans = sorted(((m.start, m.end, m) for m in mentions if m.label != "DATE"), key=lambda x: x[0])
        starts = [sp[0] for sp in spans]
        person_at = {m.start: m for m in mentions if m.label == "PERS" and m.origin in ("ner", "coref", "gazetteer")
                     and (m.actor_id or (m.extra.get("ref") or {}).get("unresolved"))}

        def covering(pos: int) -> Mention | None:
            i = bisect_left(starts, pos + 1) - 1
            while i >= 0 and i >= bisect_left(starts, pos - 200):
                if spans[i][0] <= pos < spans[i][1]:
                    return spans[i][2]
                i -= 1
            return None

        for hit in d["office_re"].finditer(norm):
            s, _ = to_original(hit.start(1), hit.end(1))
            if covering(s) is not None:
                continue  # a title the recogniser read, or inside a name
            kind = "def" if hit.group(1).startswith("ال") else "indef"
            comma, n_words, skip_to = False, 0, -1
            for w in re.finditer(r"\S+", norm[hit.end():hit.end() + 400]):
                ws, we = hit.end() + w.start(), hit.end() + w.end()
                os_, oe = to_original(ws, we)
                if os_ < skip_to:
                    if w.group().endswith(("،", ",")):
                        comma = True
                    continue  # still inside a mention read as one unit
                person = person_at.get(os_)
                if person is not None and self._coordinated(person):
                    break  # «روسيا وبوتين»: a second name joined by «و», not the person described
                if person is not None and (comma or kind in ("def", "mention", "rank", "number")):
                    person.start = s
                    person.text = text[s:person.end]
                    person.extra["description"] = text[s:os_].rstrip(" ،,")
                    if person.extra.get("ref"):
                        person.extra["ref"] = {**person.extra["ref"], "text": person.text}
                    break
                n_words += 1
                if n_words > d["office_max"]:
                    break
                token = w.group().rstrip("،,")
                if comma:
                    if normalize_word(token) not in d["ranks"]:
                        break
                    kind = "rank"
                    continue
                other = covering(os_)
                if other is not None:
                    # another actor or place inside the complement («في مجلس تشخيص مصلحة النظام»); a
                    # person right after an indefinite word is its genitive («مستشار خامنئي»)
                    if other.label == "PERS" and kind not in ("indef",):
                        break
                    skip_to, kind = other.end, "mention"
                    comma = w.group().endswith(("،", ",")) and oe >= other.end
                    continue
                comma = token != w.group()
                if token.isdigit():
                    kind = "number"
                elif token in d["office_links"]:
                    kind = "link"
                elif _WORD.fullmatch(token) and (token.startswith("ال") or token.startswith("لل")):
                    kind = "def"
                elif _WORD.fullmatch(token) and kind in ("indef", "link") and len(token) >= 3 \
                        and token not in d["office_stop"]:
                    kind = "indef"  # a construct continues («رئيس مركز …», «في مجلس …»)
                else:
                    break

    def _coordinated(self, person: Mention) -> bool:
        """Whether a known person's mention starts with the conjunction «و»/«ف» rather than with the
        name: «وبوتين» (Putin's names end in «بوتين»), not «ولايتي» (Velayati's names do not hold
        «لايتي»)."""
        words = name_words(person.text)
        if not person.actor_id or not words or words[0][:1] not in ("و", "ف"):
            return False
        rest = (words[0][1:], *words[1:])
        for name in self.actor_names(person.actor_id) or ():
            nw = name_words(name)
            if len(nw) >= len(rest) and nw[len(nw) - len(rest):] == rest:
                return True
        return False

    @staticmethod
    def _description_words(norm: str, pos: int, to_original: Callable[[int, int], tuple[int, int]],
                           by_start: dict[int, Mention]) -> tuple[list[tuple[str, int]], bool, Mention | None]:
        """Words continuing a description from ``pos``; whether a comma ended it; the person after it."""
        d = _data()
        words: list[tuple[str, int]] = []
        comma = False
        prev = pos
        for w in re.finditer(r"\S+", norm[pos:pos + 200]):
            ws, we = pos + w.start(), pos + w.end()
            if norm[prev:ws].strip(" ،,"):
                break
            prev = we
            person = by_start.get(to_original(ws, we)[0])
            if person is not None:
                return words, comma, person
            if comma or len(words) >= d["max_words"]:
                break
            token = w.group().rstrip("،,")
            comma = token != w.group()
            if not (token.startswith("ال") or token in d["links"]) or not _WORD.fullmatch(token):
                break
            words.append((token, ws + len(token)))
        return words, comma, None

    @staticmethod
    def _described(hit: re.Match, words: list[tuple[str, int]], cls: str, norm: str,
                   introduced: list[_Person], at: int) -> tuple[_Person | None, int]:
        """The person a bare description (at ``at`` in the original text) refers back to, and where the
        description ends (in the normalised text)."""
        for p in reversed(introduced):
            if p.end > at:
                continue
            desc = p.description or ""
            if norm.startswith(desc, hit.start(1)) and not _WORD.match(norm, hit.start(1) + len(desc)):
                return p, hit.start(1) + len(desc)  # the very description it was introduced with
        if cls != "commentator":
            return None, 0
        target = next((p for p in reversed(introduced) if p.commentator and p.end <= at), None)
        end = hit.end()
        for w, we in words:  # «الباحث الإيراني»: the head and its nisba adjectives
            if not (w.endswith("ي") or w.endswith("يه")):
                break
            end = we
        return target, end

    # -- back-references to bodies and office-holders ----------------------------------------
    @staticmethod
    def _backrefs(text: str, norm: str, to_original: Callable[[int, int], tuple[int, int]],
                  mentions: list[Mention]) -> list[Mention]:
        """«الجامعة» after «جامعة الدول العربية», «المجلس» after «مجلس الأمن», «الأمير» alone after
        «أمير الكويت الشيخ صباح الأحمد» (coref.yaml ``body_backrefs`` / ``title_backrefs``).

        A bare head followed by a definite word («المجلس العسكري», «الأمير السعودي») or by another
        mention (a name: «الأمير فيصل») is not a back-reference; nor is one inside a mention already
        read. The body is the nearest one named before with that head; the person, the one named
        before with that title at the head of his mention whom the document names most often.
        """
        pattern = _data()["backrefs_re"]
        if pattern is None or not mentions:
            return []
        index = None  # the mentions' span index, built at the first hit (most documents have none)
        out: list[Mention] = []
        for hit in pattern.finditer(norm):
            nxt = _NEXT_WORD.match(norm, hit.end())
            if nxt is not None and nxt.group(1).startswith("ال"):
                continue  # «المجلس العسكري», «الأمير السعودي»: another body, or a title with its nisba
            s, e = to_original(hit.start(), hit.end())
            starts, max_end = index = index or _span_index(mentions)
            i = bisect_left(starts, e)
            if i and max_end[i - 1] > s:
                continue  # inside a mention already read («مجلس الجامعة العربية»)
            if hit.group("title") and nxt is not None and (
                    nxt.group(1) == "ل" or nxt.group(1).startswith("لل")
                    or (i < len(starts) and starts[i] <= to_original(nxt.start(1), nxt.end(1))[0])):
                continue  # «الأمين العام للجامعة», «الأمير فيصل»: a title of someone named here
            before = [m for m in mentions if m.end <= s and m.actor_id and m.label != "DATE"]
            if hit.group("body"):
                target = _body_antecedent(hit.group("body"), before)
            else:
                target = _title_antecedent(hit.group("title"), before)
            if target is None:
                continue
            m = Mention(s, e, text[s:e], label=target.label, actor_id=target.actor_id, origin="coref", score=0.5,
                        extra={"ref": {**(target.extra.get("ref") or {}), "text": text[s:e]},
                               "coref": target.actor_id, "backref": True})
            out.append(m)
        return out

    @staticmethod
    def _governments(text: str, norm: str, to_original: Callable[[int, int], tuple[int, int]],
                     mentions: list[Mention]) -> list[Mention]:
        """«الحكومة», «السلطات», «للحكومة الانتقالية» with no state after them: the government of a
        state the document is about (coref.yaml ``government_nouns``).

        The main states are those its state mentions (names, capitals, nisbas) name at least half as
        often as the most named one, which must be named ``government_min_mentions`` times. With one
        main state, that state; with several, the one whose actor or place is nearest in the same
        sentence («طالب الخزعلي الحكومة» → Iraq, «مقر الحكومة في يريفان» → Armenia), else the most
        named one if no other ties it. A definite word after the noun («السلطات الانفصالية»,
        «الحكومة اليمنية») names another body; a noun inside a mention («رئيس الحكومة») is not read."""
        d = _data()
        pattern = d["government_re"]
        if pattern is None or not mentions:
            return []
        counts: dict[str, int] = {}
        first: dict[str, Mention] = {}
        for m in mentions:
            # GPE mentions are states (by name, capital, nisba or people); weak aliases do not count
            if m.label == "GPE" and m.actor_id and not m.extra.get("alias_weak"):
                counts[m.actor_id] = counts.get(m.actor_id, 0) + 1
                first.setdefault(m.actor_id, m)
        top = max(counts.values(), default=0)
        if top < d["government_min"]:
            return []
        main = {str((first[a].extra.get("ref") or {}).get("country") or ""): a
                for a, n in counts.items() if 2 * n >= top}
        ranked = sorted(counts.values(), reverse=True)
        default = max(counts, key=counts.__getitem__) if len(ranked) < 2 or ranked[1] < top else None
        index = None  # the mentions' span index, built at the first hit
        out: list[Mention] = []
        for hit in pattern.finditer(norm):
            nxt = _NEXT_WORD.match(norm, hit.end())
            if nxt is not None and _names_another_body(nxt.group(1), d["government_plain_adjectives"]):
                continue  # «السلطات الانفصالية», «الحكومة اليمنية»: another body, or one named already
            if _previous_word(norm, hit.start()) in d["government_not_after"]:
                continue  # «أمام مقر الحكومة»: a building or an office, not the government acting
            s, e = to_original(hit.start(), hit.end())
            starts, max_end = index = index or _span_index(mentions)
            i = bisect_left(starts, e)
            if i and max_end[i - 1] > s:
                continue  # inside a mention already read («رئيس الحكومة»)
            state = default if len(main) == 1 else _nearest_state(text, s, e, mentions, main) or default
            if state is None:
                continue
            ref = first[state].extra.get("ref") or {}
            out.append(Mention(s, e, text[s:e], label="GPE", actor_id=state, origin="coref", score=0.5,
                               extra={"ref": {**ref, "text": text[s:e]}, "coref": state, "government": True}))
        return out

    @staticmethod
    def _crosses(s: int, e: int, mentions: list[Mention]) -> bool:
        """Would [s, e) cut through, or sit inside, a mention already there?"""
        return any(m.start < e and s < m.end and not (s <= m.start and m.end <= e) for m in mentions)


_NEXT_WORD = re.compile(r"\s+([^\W\d_]+)")  # the next word, when only spaces separate it
_CLITIC_ARTICLE = re.compile(r"^(?:[وف]?[بلك]?ال|[وف]?لل|[وف])")


def _previous_word(norm: str, at: int) -> str:
    """The normalised word right before ``at`` (empty at the start)."""
    words = norm[max(0, at - 40):at].split()
    return words[-1] if words else ""


_SENTENCE_END = re.compile(r"[.!?؟\n]")


def _nearest_state(text: str, s: int, e: int, mentions: list[Mention], main: dict[str, str]) -> str | None:
    """The main state (ISO3 → state id) of the mention nearest to [s, e) in its sentence: a state,
    an actor of that state or a place in it."""
    left = max((m.end() for m in _SENTENCE_END.finditer(text, max(0, s - 400), s)), default=0)
    right = _SENTENCE_END.search(text, e)
    right_end = right.start() if right else len(text)
    best: tuple[int, str] | None = None
    for m in mentions:
        if m.start < left or m.end > right_end or (m.start < e and s < m.end):
            continue
        iso = (m.extra.get("ref") or {}).get("country") or (m.extra.get("location") or {}).get("country")
        if iso in main:
            gap = s - m.end if m.end <= s else m.start - e
            if best is None or gap < best[0]:
                best = (gap, main[iso])
    return best[1] if best else None


def _head(words: list[str], n: int = 1) -> str:
    """The first ``n`` normalised words of a name, clitics and article stripped from the first."""
    if not words:
        return ""
    first = _CLITIC_ARTICLE.sub("", normalize_word(words[0]), count=1)
    return " ".join([first, *(normalize_word(w) for w in words[1:n])])


def _body_antecedent(head: str, before: list[Mention]) -> Mention | None:
    """The nearest body named before whose mention (or Arabic name) starts with ``head``."""
    for m in reversed(before):
        if m.label == "PERS" or m.origin in ("title", "title_anaphor"):
            continue
        names = [m.text, str((m.extra.get("ref") or {}).get("name_ar") or "")]
        if any(_head(n.split()) == head for n in names if n):
            return m
    return None


def _title_antecedent(title: str, before: list[Mention]) -> Mention | None:
    """The person named before with ``title`` heading his mention; among several, the one named
    most often so far (all his mentions counted), none on a tie."""
    n = title.count(" ") + 1
    titled = {m.actor_id: m for m in before if m.label == "PERS" and _head(m.text.split(), n) == title}
    if not titled:
        return None
    if len(titled) == 1:
        return next(iter(titled.values()))
    counts = sorted(((sum(1 for x in before if x.actor_id == pid), pid) for pid in titled), reverse=True)
    if counts[0][0] == counts[1][0]:
        return None
    return titled[counts[0][1]]


def _span_index(mentions: list[Mention]) -> tuple[list[int], list[int]]:
    """Sorted mention starts and the running maximum of their ends: a span [s, e) overlaps a mention
    when ``i = bisect_left(starts, e)`` is non-zero and ``max_end[i - 1] > s``."""
    spans = sorted((m.start, m.end) for m in mentions)
    return [s for s, _ in spans], list(accumulate((e for _, e in spans), max))


def _names_another_body(word: str, plain: frozenset[str]) -> bool:
    """Whether the word after a government noun makes it another body: a definite «-ية» adjective
    («السلطات الانفصالية», «الحكومة اليمنية») other than a plain one that leaves it the state's own
    (coref.yaml ``government_plain_adjectives``: «السلطات المحلية», «الأمنية»). A definite word that is
    no such adjective is the verb's object («وفرضت السلطات حظر التجول», «وقيدت السلطات الوصول»)."""
    return word.startswith("ال") and word.endswith(("يه", "ية")) and word not in plain
