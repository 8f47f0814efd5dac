"""The PLOVER ontology and the Arabic trigger/cue lexicons, loaded once and compiled for matching.

``plover.yaml`` (types, modes, CAMEO codes, quad classes), ``triggers.yaml`` (verbs, passive stems,
nouns, phrases, light verbs) and ``cues.yaml`` (modality, attribution, roles, quantities) are read
from the package and turned into plain dictionaries keyed by normalised word forms, so matching a
sentence costs one dict lookup per word plus a few for its clitic readings (cached per word type).
"""

from __future__ import annotations

from dataclasses import MISSING, dataclass, field, fields
from functools import cache
from importlib import resources
from itertools import compress, repeat
from operator import is_not
from typing import Any

from marsad.events.morphology import PAST, VerbSpec, guess_class, noun_forms, verb_forms
from marsad.events.text import Word, clitic_candidates, match_keys, norm_of, norm_word, phrase_key
from marsad.knowledge.cache import load_yaml

CLASSES = ("sound", "hollow", "defective", "doubled")
# «قام بها», «قامت به»: a preposition carrying the pronoun that refers back to a noun trigger
_PRONOUN_PREPS = frozenset({"به", "بها", "بهما", "بهم"})
_QUOTES = frozenset('«»"')
# round 33: the last word of a joint-activity phrase («دوريات مشتركة»); the partners' state adjectives
# may stand before it («دوريات روسية تركية مشتركة», «مناورات مصرية سعودية مشتركة»)
_JOINT = frozenset({"مشتركه", "مشترك"})
# The reading of a word that can start nothing (see Lexicon._reading), shared by all such words.
_NO_READING: tuple[bool, None, bool] = (False, None, False)


@dataclass(frozen=True, slots=True)
class Trigger:
    """One lexicon entry: what a matched word or phrase means."""

    type: str  # PLOVER type, or "NONE" for a blocking phrase
    mode: str | None
    kind: str  # verb | passive | noun | phrase
    lemma: str
    flags: frozenset[str] = frozenset()


def _prep_of(proclitics: str) -> str:
    """The preposition among a word's proclitics («وبالـ» → «ب», «لل» → «ل»), or ""."""
    return proclitics.lstrip("وف").removesuffix("ال")[:1]


def _same_prep(word: str, key: str, phrase_word: str) -> bool:
    """Whether ``word`` reads as ``key`` carrying the same glued preposition as the phrase's own
    word (none for «رفع الجاهزية»; «ب» for «قام بزيارة»): «بعشرات» is not the object «عشرات»."""
    want = _prep_of(clitic_candidates(phrase_word)[-1][1])
    for stem, pre in clitic_candidates(word):
        if (stem == key or stem[:-1] == key and stem.endswith("ا")) and _prep_of(pre) == want:
            return True
    return False


def _definite_form(stem: str, lemma: str) -> bool:
    """Whether a noun form may follow the article: the bare noun or its dual, never a possessive,
    construct or tanween form («التفاوضي» is the adjective «negotiating», not «my negotiation»)."""
    if stem == lemma:
        return True
    base = lemma[:-1] + "ت" if lemma.endswith("ه") else lemma
    return stem in (base + "ان", base + "ين")


@dataclass(slots=True)
class Match:
    """A trigger found in a sentence: words ``[first, last]`` (inclusive)."""

    trigger: Trigger
    first: int
    last: int
    tense: str | None = None  # past | present | future for verbs
    verbal: bool = False  # the head is a verb (or a light verb governs the noun)
    anchor: int = -1  # word index whose clause gives the arguments (the light verb if any)
    light: int | None = None


@dataclass
class Lexicon:
    """Compiled lexicons; build with :func:`load_lexicon`."""

    ontology: dict[str, Any]
    verbs: dict[str, tuple[Trigger, str]] = field(default_factory=dict)
    nouns: dict[str, Trigger] = field(default_factory=dict)
    phrases: dict[str, list[tuple[tuple[str, ...], Trigger]]] = field(default_factory=dict)
    lemmas: dict[str, frozenset[str]] = field(default_factory=dict)  # verb form -> lemmas (for phrases)
    light: dict[str, str] = field(default_factory=dict)  # light-verb form -> tense
    participles: dict[str, Trigger] = field(default_factory=dict)  # «متهماً» → ACCUSE
    attribution_verbs: dict[str, str] = field(default_factory=dict)
    denial_verbs: dict[str, str] = field(default_factory=dict)
    cues: dict[str, Any] = field(default_factory=dict)
    n_forms: int = 0
    # per word-type caches (a news vocabulary is small next to the number of tokens)
    _keys_cache: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)
    _noun_cache: dict[str, Trigger | None] = field(default_factory=dict, repr=False)
    # word → phrases that may start with it, as (length, rest keys, trigger), in lookup order
    _phrase_cache: dict[str, tuple[tuple[int, tuple[str, ...], Trigger], ...]] = field(
        default_factory=dict, repr=False)
    # word → (False or its phrases' record, single-word reading, split start): see Lexicon._reading
    _reading_cache: dict[str, tuple[Any, tuple[Trigger | None, str | None, bool] | None, bool]] = field(
        default_factory=dict, repr=False)
    # free per-word-type caches of the other event modules (quantities, modality), by name
    word_caches: dict[str, dict[str, Any]] = field(default_factory=dict, repr=False)

    # --- lookups ----------------------------------------------------------------------------------

    def cameo(self, type_: str, mode: str | None) -> str:
        t = self.ontology["types"][type_]
        return str(t["modes"].get(mode, t["cameo"])) if mode else str(t["cameo"])

    def quad(self, type_: str) -> str:
        return str(self.ontology["types"][type_]["quad"])

    def word_keys(self, word: str) -> frozenset[str]:
        """Phrase keys of a word: clitic-stripped stems plus the lemma if it is a known verb form."""
        keys = self._keys_cache.get(word)
        if keys is None:
            lem = self.lemmas.get(word)
            keys = match_keys(word) | lem if lem else match_keys(word)
            if len(self._keys_cache) < 500_000:
                self._keys_cache[word] = keys
        return keys

    def noun(self, word: str) -> Trigger | None:
        if word in self._noun_cache:
            return self._noun_cache[word]
        found = None
        for stem, pre in clitic_candidates(word):
            t = self.nouns.get(stem)
            if t is not None and not (pre.endswith(("ال", "لل")) and not _definite_form(stem, t.lemma)):
                found = t
                break
        if len(self._noun_cache) < 500_000:
            self._noun_cache[word] = found
        return found

    def _reading(self, w: str) -> tuple[Any, tuple[Trigger | None, str | None, bool] | None, bool]:
        """What one word can start, cached per word type: ``(may start a phrase, single-word reading,
        may start a phrase split by its subject)``. The first item is False, or the phrases' record
        of :meth:`_phrase_firsts`.

        The single-word reading is ``(trigger, tense, verbal)`` for a participle, a verb form or an
        event noun (in that order of precedence), ``(None, tense, False)`` for a light verb, else None.
        The third item (:meth:`_split_by_subject`: the word's verb lemma begins a split phrase) is
        kept here so that :meth:`match` reads one record per word for both passes.
        """
        p = self.participles.get(w)
        v = self.verbs.get(w)
        single: tuple[Trigger | None, str | None, bool] | None = None
        if p is not None:
            single = (p, PAST, True)
        elif v is not None:
            single = (v[0], v[1], True)
        else:
            t = self.noun(w)
            if t is not None:
                single = (t, None, False)
            elif w in self.light:
                single = (None, self.light[w], False)
        lemmas = self.lemmas.get(w)
        split_start = bool(lemmas) and not lemmas.isdisjoint(self._split_firsts())
        cands = self.phrase_candidates(w)
        reading = (self._phrase_firsts(cands) if cands else False, single, split_start)
        if reading == _NO_READING:
            reading = _NO_READING  # one shared object: match() skips such words by identity
        if len(self._reading_cache) < 500_000:
            self._reading_cache[w] = reading
        return reading

    def may_match(self, norms: list[str]) -> bool:
        """Whether :meth:`match` may find anything in a sentence of these normalised words: some word
        starts a phrase, is a trigger or light verb or begins a split phrase, or has a raw spelling
        (cues ``raw_spellings``) that may be one. A word not read yet (no record cached) may; so the
        answer is no only for a sentence of known words that start nothing, and the scan stops at the
        first word that may."""
        return any(map(is_not, map(self._reading_cache.get, norms), repeat(_NO_READING))) or not (
            self.cues.get("raw_spellings") or {}).keys().isdisjoint(norms)

    def match(self, words: list[Word]) -> list[Match]:
        """Triggers in a sentence, left to right; longer phrases win and consume their words."""
        out: list[Match] = []
        light_at: list[tuple[int, str]] = []
        n = len(words)
        readings = self._reading_cache
        word_keys = self.word_keys
        # one record per word (cached per word type); most words of a sentence can do nothing (the
        # shared _NO_READING), and only the others are visited below, in order
        norms = list(map(norm_of, words))
        recs = list(map(readings.get, norms))
        if None in recs:
            recs = [r if r is not None else self._reading(w) for r, w in zip(recs, norms, strict=True)]
        starts: list[int] = []  # words whose verb lemma begins a split phrase (_split_by_subject)
        free = 0  # the first word no phrase has consumed
        for i in compress(range(n), map(is_not, recs, repeat(_NO_READING))):
            reading = recs[i]
            if reading[2]:
                starts.append(i)
            if i < free:
                continue  # a word a phrase consumed is never read above (it may still start a split phrase)
            w = norms[i]
            found = None
            if reading[0]:
                # most phrases a word may start need a next word it is not: then only a one-word
                # phrase can match, and the first one listed wins (as _phrase_at would find)
                firsts, found = reading[0]
                # (over quotation marks only blame phrases go on: _phrase_at)
                if i + 1 < n and (not words[i + 1].breaks_before or _QUOTES.issuperset(words[i + 1].punct)) \
                        and (not firsts.isdisjoint(word_keys(norms[i + 1]))
                             or (norms[i + 1].endswith("يه") and not firsts.isdisjoint(_JOINT))):
                    found = self._phrase_at(words, i)
            if found is not None:
                length, trig = found
                if trig.type != "NONE":
                    tense = None
                    first_verb = self.verbs.get(w) or (None, None)
                    if w in self.lemmas and "nominal" not in trig.flags:
                        tense = first_verb[1] or self.light.get(w) or PAST
                    out.append(Match(trig, i, i + length - 1, tense, tense is not None, i))
                free = i + length
                continue
            single = reading[1]
            if single is not None:
                trig, tense, verbal = single
                if trig is None:
                    light_at.append((i, tense))
                else:
                    out.append(Match(trig, i, i, tense, verbal, i))
                    if verbal and w in self.light:
                        # «أرسلت تركيا … مساعدات», «تعهدت بريطانيا بتقديم مساعدات»: a verb trigger that
                        # is also a light verb governs a later noun as well
                        light_at.append((i, self.light[w]))
        if starts and starts[0] < n - 2:
            out, light_at = self._split_by_subject(words, out, light_at, [j for j in starts if j < n - 2])
        # A noun trigger governed by a light verb up to 9 words before it, in the same clause,
        # takes the light verb as its clause anchor (tense, negation, subject). Nine words leave
        # room for a long subject and a time phrase («أجرى الرئيس الأمريكي دونالد ترامب مساء
        # السبت اتصالاً»).
        # «هجوم شنته قوات …», «عملية عسكرية تخوضها …»: a light verb carrying an object pronoun
        # right after a noun trigger is a relative clause about that noun; its subject (after
        # it) is the noun's actor, and it governs no later noun.
        relative: set[int] = set()
        claims, claim_types = self._match_sets()[:2]
        for j, tense in light_at:
            # «زيارة قام بها وزير الدفاع»: the pronoun may sit on the verb's preposition instead
            pron_prep = j + 1 < n and words[j + 1].norm in _PRONOUN_PREPS and not words[j + 1].breaks_before
            claim = words[j].norm in claims and not words[j].hard_before  # «…، وتبنته جماعة …»
            if not (words[j].norm.endswith(("ه", "ها")) or pron_prep) or (words[j].breaks_before and not claim):
                continue
            prev = next((m for m in out if not m.verbal and 1 <= j - m.last <= 2), None)
            if prev is None and claim:
                # «هجوم … استهدف …، وأسفر عن مقتل …، وتبنته جماعة …»: a claim refers back to the
                # sentence's attack noun that its pronoun agrees with («تبنته» a masculine singular
                # one, «تبنتها» a feminine or plural one), the first indefinite one if any
                fem = words[j].norm.endswith(("ها", "هم"))
                cands = [m for m in out if not m.verbal and m.last < j and m.trigger.type in claim_types
                         and words[m.first].norm.endswith(("ه", "ات")) == fem
                         and not any(words[k].hard_before for k in range(m.last + 1, j + 1))]
                prev = next((m for m in cands if not any(p.endswith("ال") for _, p in
                                                         clitic_candidates(words[m.first].norm))),
                            cands[0] if cands else None)
            if prev is not None:
                prev.anchor, prev.light, prev.tense, prev.verbal = j, j, tense, True
                relative.add(j)
        light_at = [(j, t) for j, t in light_at if j not in relative]
        comps = self.cues.get("complementizers") or frozenset()
        # A parenthesis set off by commas may sit between them («وقّع الوزيران، أمس الأحد في
        # دمشق، اتفاقية»): up to 20 words and two commas (a long double name as the subject), with no
        # other verb trigger in between.
        # «أعربت الوزارة عن قلقها إزاء توقيف …»: a light verb flagged !single governs one noun only
        single = self.cues.get("single_light") or frozenset()
        # «ردّ الجيش بقصف مدفعي»: a light verb flagged !with governs only a noun carrying «بـ» (its
        # masdar «رداً على …», «في أول ردّ» governs nothing)
        with_b = self.cues.get("with_light") or frozenset()
        taken: set[int] = set()
        # round 33: «ووقّع الرئيسان في ختام المباحثات إعلاناً مشتركاً»: a noun after a time head
        # («ختام», «خلال», «هامش») dates the act, it is not the light verb's object
        time_heads = self.cues.get("light_time_heads") or frozenset()
        openers = self.cues.get("light_clause_openers") or frozenset()
        sequence_heads = self.cues.get("light_sequence_heads") or frozenset()
        for m in out:
            if m.verbal and not self._masdar_reading(m, words):
                continue
            if (m.first > 0 and words[m.first - 1].norm in time_heads and not words[m.first].breaks_before
                    and words[m.first].norm.startswith("ال")
                    and any(not o.verbal and 0 < o.first - m.last <= 6 and not any(
                        words[k].hard_before for k in range(m.last + 1, o.first + 1)) for o in out)):
                # («خلال لقائه به»: the possessor's own meeting stays the light verb's; so does a
                # time noun with no other noun after it to be the object)
                continue
            for j, tense in reversed(light_at):
                if j in taken:
                    continue
                gap = range(j + 1, m.first + 1)
                d = m.first - j
                if not 0 < d <= 20 or any(words[k].hard_before for k in gap):
                    continue
                if any(words[k].norm in comps for k in range(j + 1, m.first)):
                    continue  # «أعلن أن اتفاقاً جرى التوصل إليه»: the noun is in the reported clause
                if (m.first > j + 1 and words[m.first - 1].norm in sequence_heads
                        and words[m.first].norm.startswith("ال") and m.trigger.kind == "noun"):
                    # round 37: «تلقت إشعاراً … قبيل القصف»: a definite act after «قبيل/بعد» dates the
                    # light verb's act by one told before; it is not that verb's object
                    continue
                if any(words[k].breaks_before and words[k].norm in openers for k in gap):
                    # round 37: «لم تعلن تونس إلغاء المذكرة، كما لم يحدد موعد لاجتماع الطرفين»: a
                    # comma and a clause opener («كما», «فيما») start a clause of its own
                    continue
                # (round 37: a phrase's first word counts like a noun: «ردّ الجيش بتحريك تعزيزات»)
                head = m.trigger.lemma.split()[0] if m.trigger.kind == "phrase" else None
                if words[j].norm in with_b and not any(
                        p.lstrip("وف").startswith("ب") for stem, p in clitic_candidates(words[m.first].norm)
                        if (stem == head if head is not None else self.nouns.get(stem) is not None)):
                    continue
                # quotation marks around a name («أعلن تنظيم «داعش» مسؤوليته عن التفجير») break nothing
                brk = [k for k in gap if words[k].breaks_before and not _QUOTES.issuperset(words[k].punct)]
                soft = len(brk)
                if soft == 0 and d <= 9 or soft <= 2 and all(
                        "،" in words[k].punct or "," in words[k].punct for k in brk
                ) and not any(o.verbal and j < o.first < m.first for o in out):
                    m.anchor, m.light, m.tense, m.verbal = j, j, tense, True
                    if words[j].norm in single:
                        taken.add(j)
                    break
        # «رفعت القوات الإسرائيلية حالة التأهب»: a verb whose phrase («رفع حالة التأهب») is split by
        # its subject still governs the rest of the phrase, found as a noun phrase on its own.
        for m in out:
            if m.verbal or m.trigger.kind != "phrase":
                continue
            for j in range(m.first - 1, max(-1, m.first - 7), -1):
                if words[j + 1].hard_before:
                    break
                lemmas = self.lemmas.get(words[j].norm)
                if lemmas and any(f"{lem} {m.trigger.lemma}" in self._split_phrases() for lem in lemmas):
                    tense = (self.verbs.get(words[j].norm) or (None, None))[1] or self.light.get(words[j].norm)
                    m.anchor, m.light, m.tense, m.verbal = j, j, tense or PAST, True
                    break
        # Nouns flagged !light (النار, صواريخ) are events only as the object of a light verb.
        return [m for m in out if m.light is not None or "light" not in m.trigger.flags]

    def _masdar_reading(self, m: Match, words: list[Word]) -> bool:
        """Whether a past verb with an object pronoun is rather a masdar with a possessive («أبدت
        الحكومة رفضها», «أكدت الصين دعمها»: "its refusal", not "refused it"), to be governed by a
        light verb before it: a single word without «و/ف» whose noun reading has the same type."""
        if m.first != m.last or m.light is not None or m.trigger.kind != "verb" or m.tense != PAST:
            return False
        w = words[m.first].norm
        if w[:1] in "وف" or not w.endswith(("ه", "ها", "هم")):
            return False
        noun = self.noun(w)
        return noun is not None and noun.type == m.trigger.type

    def _split_firsts(self) -> frozenset[str]:
        """Verb lemmas that begin a multi-word phrase («رفع» of «رفع الجاهزية»), built once."""
        got = self.word_caches.get("_split_firsts")
        if got is None:
            got = {"": frozenset(lem.split()[0] for lem in self._split_phrases())}
            self.word_caches["_split_firsts"] = got
        return got[""]

    def _split_by_subject(self, words: list[Word], out: list[Match], light_at: list[tuple[int, str]],
                          starts: list[int] | None = None) -> tuple[list[Match], list[tuple[int, str]]]:
        """Phrases whose verb is split from the rest by its subject (VSO order).

        «نقل المبعوث رسالة», «استأنفت القاهرة والدوحة العلاقات», «أطلقت السلطات سراح»: a verb form
        whose lemma begins a phrase of the lexicon, followed within seven words of the same clause
        (no comma, no other verb, no complementizer) by the rest of that phrase, is that phrase,
        anchored to the verb so that the words in between are its subject. The phrase replaces a
        single-word reading of the verb and any match lying inside the rest («علّقت الحكومة
        المفاوضات» is a halt, not a negotiation); a longer match there is left alone. ``starts``:
        the indices of those verb forms when the caller has them (:meth:`match` does).
        """
        phrases = self._split_phrases()
        comps = self.cues.get("complementizers") or frozenset()
        # the rest stands in object position (not inside a prepositional phrase: «وخرجت تظاهرات
        # في عشرات المدن» is not «خرج عشرات»), and is not the subject itself (see below)
        _, _, preps, subjects = self._match_sets()
        n = len(words)
        # the verbs whose lemma begins a split phrase, looked up once per word type
        if starts is None:
            starts = self._split_starts(words, n - 2)
        if not starts:
            return out, light_at
        covered = {k for m in out if m.last > m.first for k in range(m.first, m.last + 1)}
        drop: set[int] = set()  # ids of replaced matches
        added: list[Match] = []
        used_verbs: set[int] = set()
        word_keys = self.word_keys
        split_cands = self.word_caches.get("_split_cands")
        if split_cands is None:
            split_cands = self.word_caches.setdefault("_split_cands", {})
        for j in starts:
            if j in covered:
                continue
            cands = split_cands.get(words[j].norm)
            if cands is None:
                cands = self._split_candidates(words[j].norm, phrases, subjects)
            if not cands:
                continue
            # the keys of the words a rest may start at: a rest can only be found where its first key
            # is one of the word's keys, so most candidates are ruled out without walking the words
            window = frozenset().union(*[word_keys(words[k].norm) for k in range(j + 2, min(n, j + 8))])
            best: tuple[int, int, Trigger] | None = None  # (start of the rest, length of the rest, trigger)
            for rest, trig, pwords in cands:
                if rest[0] not in window:
                    continue  # (the walk below finds nothing: it only breaks early or ends)
                for k in range(j + 1, min(n, j + 8)):
                    wk = words[k]
                    if wk.breaks_before and not _QUOTES.issuperset(wk.punct):
                        break
                    if k + len(rest) > n:
                        break
                    if k > j + 1 and words[k - 1].norm not in preps and _same_prep(wk.norm, rest[0], pwords[1]) \
                            and all(key in self.word_keys(words[k + off].norm)
                                    and (off == 0 or not words[k + off].breaks_before)
                                    for off, key in enumerate(rest)):
                        if best is None or len(rest) > best[1]:
                            best = (k, len(rest), trig)
                        break
                    # the subject holds no verb and no complementizer of its own
                    if wk.norm in comps or wk.norm in self.lemmas or wk.norm in self.verbs:
                        break
            if best is None:
                continue
            k, length, trig = best
            end = k + length - 1
            inside = [m for m in out if m.first <= end and m.last >= k and id(m) not in drop]
            longer = [m for m in inside if m.first < k or m.last > end]
            if longer:
                # a longer phrase there («وقّع الطرفان اتفاق وقف إطلاق النار») is more specific: it
                # keeps its meaning and takes the verb as its anchor
                for m in longer:
                    if not m.verbal and m.first == k:
                        tense = (self.verbs.get(words[j].norm) or (None, None))[1] or self.light.get(words[j].norm)
                        m.anchor, m.light, m.tense, m.verbal = j, j, tense or PAST, True
                continue
            for m in inside:
                drop.add(id(m))
            for m in out:
                if m.first == j == m.last:
                    drop.add(id(m))
            used_verbs.add(j)
            covered.update(range(k, end + 1))
            if trig.type != "NONE":
                tense = (self.verbs.get(words[j].norm) or (None, None))[1] or self.light.get(words[j].norm) or PAST
                added.append(Match(trig, k, end, tense, True, j, j))
        if not added and not drop:
            return out, light_at
        merged = sorted([m for m in out if id(m) not in drop] + added, key=lambda m: m.first)
        return merged, [(j, t) for j, t in light_at if j not in used_verbs]

    def _split_candidates(self, word: str, phrases: frozenset[str], subjects: frozenset[str]
                          ) -> tuple[tuple[tuple[str, ...], Trigger, list[str]], ...]:
        """``(rest keys, trigger, phrase words)`` of the split phrases a verb form may begin, in
        :meth:`phrase_candidates` order (cached per word type): the phrase begins with one of the
        word's lemmas, and its second word is no subject («خرج آلاف», «نزل المتظاهرون»: the rest
        would be the subject itself)."""
        lemmas = self.lemmas[word]
        out = []
        for _len, rest, trig in self.phrase_candidates(word):
            if not rest or trig.lemma not in phrases or trig.lemma.split()[0] not in lemmas:
                continue
            pwords = trig.lemma.split()
            if pwords[1] in subjects:
                continue
            out.append((rest, trig, pwords))
        cache = self.word_caches.setdefault("_split_cands", {})
        if len(cache) < 500_000:
            cache[word] = tuple(out)
        return tuple(out)

    def _match_sets(self) -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
        """Cue sets :meth:`match` reads for every sentence, built once: the claim verb forms, the
        types a claim may govern, the prepositions that block a split phrase's rest and the words
        that are a subject rather than a rest («خرج آلاف»)."""
        got = self.word_caches.get("_match_sets")
        if got is None:
            c = self.cues
            claims = c.get("claim_forms") or frozenset()
            claim_types = frozenset(c["raw"]["status"].get("claim_types") or ()) if claims else frozenset()
            preps = c["recipient_preps"] | c["location_preps"] | c["blocking_preps"]
            subjects = c["q_vague"] | c["q_people"] | frozenset(c["generic"])
            got = {"": (claims, claim_types, preps, subjects)}
            self.word_caches["_match_sets"] = got
        return got[""]

    def _split_starts(self, words: list[Word], end: int) -> list[int]:
        """Indices ``< end`` of the words whose verb lemma begins a split phrase (cached per word type)."""
        cache = self.word_caches.get("_split_start")
        if cache is None:
            cache = self.word_caches["_split_start"] = {}
        out = []
        for j in range(end):
            w = words[j].norm
            hit = cache.get(w)
            if hit is None:
                lemmas = self.lemmas.get(w)
                hit = bool(lemmas) and not lemmas.isdisjoint(self._split_firsts())
                if len(cache) < 500_000:
                    cache[w] = hit
            if hit:
                out.append(j)
        return out

    def _split_phrases(self) -> frozenset[str]:
        """Lemmas of the phrases that begin with a verb («رفع حاله التاهب»), built once. NONE phrases
        are among them (round 26): split by their subject they still block the verb's own reading
        («تستضيف الرياض بطولة العالم …» hosts no meeting)."""
        got = self.word_caches.get("_split_phrases")
        if got is None:
            got = {"": frozenset(t.lemma for entries in self.phrases.values() for _, t in entries
                                 if t.kind == "phrase" and " " in t.lemma
                                 and t.lemma.split()[0] in self.lemmas.get(t.lemma.split()[0], ()))}
            self.word_caches["_split_phrases"] = got
        return got[""]

    def phrase_candidates(self, word: str) -> tuple[tuple[int, tuple[str, ...], Trigger], ...]:
        """Phrases whose first word ``word`` can be, as ``(length, rest keys, trigger)`` (cached per word type).

        The order is fixed: the word's stem keys, then its verb lemmas (each sorted), and each key's
        phrase list in file order, so ties between equally long phrases resolve the same way in
        every process.
        """
        cands = self._phrase_cache.get(word)
        if cands is None:
            phrases = self.phrases
            # the keys in a fixed order (a set's order changes with PYTHONHASHSEED, and ties between
            # equally long phrases go to the first candidate): the word's own stems, then its lemmas
            lem = self.lemmas.get(word) or frozenset()
            keys = sorted(self.word_keys(word), key=lambda k: (k in lem, k))
            cands = tuple((len(rest) + 1, rest, trig) for k in keys for rest, trig in phrases.get(k, ()))
            if len(self._phrase_cache) < 500_000:
                self._phrase_cache[word] = cands
        return cands

    @staticmethod
    def _phrase_firsts(cands: tuple[tuple[int, tuple[str, ...], Trigger], ...]
                       ) -> tuple[frozenset[str], tuple[int, Trigger] | None]:
        """The second-word keys of the phrases ``cands`` (one word's :meth:`phrase_candidates`) and
        the first one-word phrase among them, if any."""
        single = next(((1, trig) for L, _, trig in cands if L == 1), None)
        return frozenset(rest[0] for _, rest, _ in cands if rest), single

    def _phrase_at(self, words: list[Word], i: int) -> tuple[int, Trigger] | None:
        cands = self.phrase_candidates(words[i].norm)
        if not cands:
            return None
        best: tuple[int, Trigger] | None = None
        n = len(words)
        word_keys = self.word_keys
        for L, rest, trig in cands:
            if best is not None and L <= best[0]:
                continue
            if i + L > n:
                continue
            ok = True
            # round 33: a blame phrase runs over quotation marks («تمثل «خرقاً سافراً»», «بأنه «بمثابة …»»)
            quoted = "blamed" in trig.flags
            skip = 0  # state adjectives skipped before a final «مشتركة» (see _JOINT)
            for off, key in enumerate(rest, 1):
                if i + off + skip >= n:
                    ok = False
                    break
                wd = words[i + off + skip]
                if key in _JOINT and off == len(rest):
                    # «دوريات روسية تركية مشتركة»: the partners' adjectives stand before «مشتركة»
                    while (skip < 3 and key not in word_keys(wd.norm) and wd.norm.endswith("يه")
                           and not wd.breaks_before and i + off + skip + 1 < n):
                        skip += 1
                        wd = words[i + off + skip]
                if (wd.breaks_before and not (quoted and wd.punct and _QUOTES.issuperset(wd.punct))) \
                        or key not in word_keys(wd.norm):
                    ok = False
                    break
            if ok:
                best = (L + skip, trig)
        return best


# --- loading ----------------------------------------------------------------------------------------


def _read(name: str) -> Any:
    return load_yaml(resources.files("marsad.events").joinpath("data", name))  # C parser, cached


@cache
def off_topic_domains() -> tuple[tuple[frozenset[str], frozenset[str], frozenset[str] | None, frozenset[str], bool],
                                   ...]:
    """``triggers.yaml`` ``off_topic`` (round 29): per domain its normalised cue words, the event types
    that stay in a sentence of it whatever they name (``free_types``), those that stay when they
    name a known political participant (``known_types``; None: every type) and those that stay when
    they state casualties (``casualty_types``), and whether a participant named with the domain's own
    words counts as known (``own_words_known``, default true)."""
    out = []
    for spec in (_read("triggers.yaml").get("off_topic") or {}).values():
        cues = frozenset(norm_word(w) for w in spec.get("cues") or ())
        known = spec.get("known_types")
        out.append((cues, frozenset(spec.get("free_types") or ()), None if known is None else frozenset(known),
                    frozenset(spec.get("casualty_types") or ()), bool(spec.get("own_words_known", True))))
    return tuple(out)


def parse_verb_spec(line: str) -> tuple[VerbSpec, frozenset[str]]:
    """``"PERFECT IMPERFECT [class] [!flag]"`` → a :class:`VerbSpec` and its flags."""
    parts = line.split()
    if len(parts) < 2:
        raise ValueError(f"verb spec needs a perfect and an imperfect (or '-'): {line!r}")
    perf = None if parts[0] == "-" else norm_word(parts[0])
    impf = None if parts[1] == "-" else norm_word(parts[1])
    declared = None
    flags = set()
    for p in parts[2:]:
        if p.startswith("!"):
            flags.add(p[1:])
        elif p in CLASSES:
            declared = p
        else:
            raise ValueError(f"unknown word {p!r} in verb spec {line!r}")
    return VerbSpec(perf, impf, guess_class(perf, impf, declared, parts[0])), frozenset(flags)


def _split_key(key: str) -> tuple[str, str | None]:
    t, _, mode = key.partition("/")
    return t, (mode or None)


def _noun_items(value: list[str]) -> list[tuple[list[str], frozenset[str]]]:
    items = []
    for entry in value:
        words = [w for w in str(entry).split() if not w.startswith("!")]
        flags = frozenset(w[1:] for w in str(entry).split() if w.startswith("!"))
        items.append((words, flags))
    return items


def conjugate(line: str) -> dict[str, str]:
    """All written forms (with proclitics) of a verb spec line, mapped to their tense."""
    spec, _ = parse_verb_spec(line)
    return verb_forms(spec)


# Files whose content decides the compiled lexicon: the data, and the code that expands it.
_SOURCES = (("marsad.events", "data/plover.yaml"), ("marsad.events", "data/triggers.yaml"),
            ("marsad.events", "data/cues.yaml"), ("marsad.events", "lexicon.py"),
            ("marsad.events", "morphology.py"), ("marsad.events", "text.py"),
            ("marsad.arabic", "normalization.py"))
_CACHE_VERSION = b"marsad-events-lexicon-1"


def _cache_key() -> str:
    """Hash of every file the compiled lexicon depends on (an edit to any of them rebuilds it)."""
    import hashlib

    h = hashlib.sha256(_CACHE_VERSION)
    for package, name in _SOURCES:
        try:
            h.update(resources.files(package).joinpath(name).read_bytes())
        except (FileNotFoundError, OSError, ModuleNotFoundError):
            h.update(name.encode())
    return h.hexdigest()[:32]


@cache
def load_lexicon() -> Lexicon:
    """The compiled lexicon, once per process, through an on-disk cache.

    Expanding ~150 verbs into ~170k forms costs about a second; the result is pickled under
    :func:`marsad.knowledge.cache.cache_dir` keyed by a hash of the data files and the code that
    expands them, so an edit to either rebuilds it. Without a writable cache folder the lexicon is
    simply built every time.
    """
    from marsad.knowledge.cache import cached_pickle

    lex = cached_pickle("events-lexicon", _cache_key(), build_lexicon,
                        accept=lambda v: isinstance(v, Lexicon), prune=True)
    return _with_runtime_fields(lex)


def _with_runtime_fields(lex: Lexicon) -> Lexicon:
    """Give a cached lexicon any field its pickle lacks (the per-word caches, which start empty).

    The cache key hashes the source files on disk, so a process still running older code can
    write a pickle under the new key; the compiled tables are the same, only newer fields are missing.
    """
    for f in fields(Lexicon):
        if not hasattr(lex, f.name) and f.default_factory is not MISSING:
            setattr(lex, f.name, f.default_factory())
    return lex


def build_lexicon() -> Lexicon:
    """Read and compile the data files (no cache)."""
    ontology = _read("plover.yaml")
    trig = _read("triggers.yaml")
    cues = _read("cues.yaml")
    lex = Lexicon(ontology=ontology, cues=cues)

    lemma_sets: dict[str, set[str]] = {}

    def add_lemma(form: str, lemma: str) -> None:
        lemma_sets.setdefault(form, set()).add(lemma)

    for key, lines in trig.get("verbs", {}).items():
        t, mode = _split_key(key)
        for line in lines:
            spec, flags = parse_verb_spec(line)
            lemma = spec.perf or spec.impf or ""
            trigger = Trigger(t, mode, "verb", lemma, flags)
            for form, tense in verb_forms(spec).items():
                lex.verbs.setdefault(form, (trigger, tense))
                add_lemma(form, lemma)
    for key, stems in trig.get("passive", {}).items():
        t, mode = _split_key(key)
        for stem in stems:
            s = norm_word(stem)
            trigger = Trigger(t, mode, "passive", s)
            for form, tense in verb_forms(VerbSpec(s, None, "sound")).items():
                lex.verbs[form] = (trigger, tense)  # passive reading wins for these spellings
    for key, entries in trig.get("nouns", {}).items():
        t, mode = _split_key(key)
        for words, flags in _noun_items(entries):
            for w in words:
                base = norm_word(w)
                trigger = Trigger(t, mode, "noun", base, flags)
                for form in noun_forms(base):
                    lex.nouns.setdefault(form, trigger)
    for key, phrases in trig.get("phrases", {}).items():
        t, mode = _split_key(key)
        for phrase in phrases:
            flags = frozenset(w[1:] for w in phrase.split() if w.startswith("!"))
            ws = [w for w in phrase.split() if not w.startswith("!")]
            if ws[0].endswith("ة"):
                # written as a masdar («إعادة إعمار», «إعادة فتح السفارة»): the phrase is nominal even
                # where its first word also spells a verb form («أعاده»), so a light verb may govern it
                flags |= {"nominal"}
            keys = tuple(phrase_key(w) for w in ws)
            trigger = Trigger(t, mode, "phrase", " ".join(norm_word(w) for w in ws), flags)
            if len(keys) == 1:
                lex.phrases.setdefault(keys[0], []).append(((), trigger))
            else:
                lex.phrases.setdefault(keys[0], []).append((keys[1:], trigger))
            # A phrase may begin with a verb given in its 3ms perfect: match it by lemma too.
            first = norm_word(ws[0])
            if first != keys[0]:
                lex.phrases.setdefault(first, []).append((keys[1:], trigger))
    for key, forms in trig.get("participles", {}).items():
        t, mode = _split_key(key)
        for words, flags in _noun_items(forms):
            for f in words:
                base = norm_word(f)
                trigger = Trigger(t, mode, "participle", base, flags)
                for conj in ("", "و", "ف"):
                    lex.participles[conj + base] = trigger
    single_light: set[str] = set()
    with_light: set[str] = set()
    for line in trig.get("light_verbs", []):
        spec, flags = parse_verb_spec(line)
        for form, tense in verb_forms(spec).items():
            lex.light.setdefault(form, tense)
            add_lemma(form, spec.perf or "")
            if "single" in flags:
                single_light.add(form)
            if "with" in flags:
                with_light.add(form)
    for line in trig.get("aux_verbs", []):
        spec, _ = parse_verb_spec(line)
        for form in verb_forms(spec):
            add_lemma(form, spec.perf or "")
    for line in cues["attribution"]["verbs"]:
        spec, _ = parse_verb_spec(line)
        lex.attribution_verbs.update(verb_forms(spec))
    for form in ("يقل", "تقل"):  # jussive of قال = "less" in «لا يقل عن»
        lex.attribution_verbs.pop(form, None)
    for line in cues["status"]["denial_verbs"]:
        spec, _ = parse_verb_spec(line)
        lex.denial_verbs.update(verb_forms(spec))
    claim_forms: set[str] = set()
    for line in cues["status"].get("claim_verbs", []):
        spec, _ = parse_verb_spec(line)
        claim_forms.update(verb_forms(spec))
    lex.lemmas = {f: frozenset(v) for f, v in lemma_sets.items()}
    # Verb forms whose normalised spelling is a function word («هنأ» → «هنا», here) are kept under
    # their own spelling; extract.py gives a word that spelling back when the text writes it so.
    raw_spellings: dict[str, str] = {}
    for w in trig.get("raw_spellings", []):
        for conj in ("", "و", "ف"):
            form, raw = conj + norm_word(w), conj + w
            if form in lex.verbs:
                lex.verbs[raw] = lex.verbs[form]
                lex.lemmas[raw] = lex.lemmas.get(form, frozenset())
                raw_spellings[form] = raw
    # Generated forms that are really common function words (هنأ + ك = «هناك»).
    for w in trig.get("never_triggers", []):
        for conj in ("", "و", "ف"):
            form = conj + norm_word(w)
            for table in (lex.verbs, lex.nouns, lex.light):
                table.pop(form, None)
    lex.n_forms = len(lex.verbs) + len(lex.nouns)
    lex.cues = _compile_cues(cues)
    lex.cues["claim_forms"] = frozenset(claim_forms)
    lex.cues["raw_spellings"] = raw_spellings
    # light participles govern a noun like their verb (past: what the main clause tells)
    light_participles = frozenset(norm_word(w) for w in trig.get("light_participles", []))
    for form in light_participles:
        lex.light.setdefault(form, PAST)
    lex.cues["light_participles"] = light_participles
    lex.cues["protest_supporters"] = _norm_set(trig.get("protest_supporters") or [])
    lex.cues["light_time_heads"] = _norm_set(trig.get("light_time_heads") or [])
    lex.cues["light_clause_openers"] = _norm_set(trig.get("light_clause_openers") or [])
    lex.cues["light_sequence_heads"] = _norm_set(trig.get("light_sequence_heads") or [])
    lex.cues["in_force"] = _norm_set(trig.get("in_force") or [])
    lex.cues["in_force_heads"] = tuple(_norm_set(trig.get("in_force_heads") or []))
    approved = trig.get("approved_acts") or {}
    lex.cues["approve_lemmas"] = _norm_set(approved.get("verbs") or [])
    lex.cues["approved_acts"] = frozenset(approved.get("types") or [])
    # round 33: «كلمة ألقاها الرئيس …، أثنى فيها على …»: the speech's giver says what is said in it
    lex.cues["speech_givers"] = _norm_set(trig.get("speech_givers") or [])
    condemns = trig.get("condemns") or {}
    lex.cues["condemns"] = {
        "complements": _norm_set(condemns.get("complements", [])),
        "window": int(condemns.get("complement_window", 0)),
        "reach": int(condemns.get("complement_reach", 0)),
    }
    ellipsis = trig.get("ellipsis") or {}
    lex.cues["ellipsis"] = {
        "ordinals": frozenset("و" + norm_word(w) for w in ellipsis.get("ordinals", [])),
        "others": _norm_set(ellipsis.get("others", [])),
        "reach": int(ellipsis.get("reach", 4)),
    }
    lex.cues["single_light"] = frozenset(single_light)
    lex.cues["with_light"] = frozenset(with_light)
    _intern(lex)
    return lex


def _intern(lex: Lexicon) -> None:
    """Share equal values between forms: one ``(trigger, tense)`` tuple and one lemma set each.

    ~170k forms point to a few hundred distinct values; sharing them makes the pickled cache
    small and quick to load (pickle stores a shared object once).
    """
    pairs: dict[tuple[Trigger, str], tuple[Trigger, str]] = {}
    lex.verbs = {f: pairs.setdefault(v, v) for f, v in lex.verbs.items()}
    sets: dict[frozenset[str], frozenset[str]] = {}
    lex.lemmas = {f: sets.setdefault(frozenset(v), frozenset(v)) for f, v in lex.lemmas.items()}  # type: ignore[misc]
    tenses: dict[str, str] = {}
    for table in (lex.light, lex.attribution_verbs, lex.denial_verbs):
        for f, t in table.items():
            table[f] = tenses.setdefault(t, t)


def _norm_set(words: list[str]) -> frozenset[str]:
    return frozenset(norm_word(w) for w in words)


def _norm_phrases(items: list[str]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(norm_word(w) for w in p.split()) for p in items)


def _compile_cues(c: dict[str, Any]) -> dict[str, Any]:
    st, at, ro, q = c["status"], c["attribution"], c["roles"], c["quantities"]
    return {
        "neg_particles": _norm_set(st["negation_particles"]),
        "neg_phrases": _norm_phrases(st["negation_phrases"]),
        "neg_transparent": _norm_set(st.get("negation_transparent", [])),
        "opinion_sources": _norm_set(at.get("opinion_sources", [])),
        "scope_breaks": _norm_set(at.get("scope_breaks", [])),
        "planned_before": _norm_set(st["planned_before"]),
        "planned_phrases": _norm_phrases(st["planned_phrases"]),
        "planned_after": _norm_set(st["planned_after"]),
        "claimed_before": _norm_set(st["claimed_before"]),
        "claimed_phrases": _norm_phrases(st["claimed_phrases"]),
        "claimed_after": _norm_set(st["claimed_after"]),
        "ongoing": _norm_set(st.get("ongoing", [])),
        "attr_preps": _norm_set(at["prepositions"]),
        "attr_phrases": _norm_phrases(at["phrases"]),
        "source_nouns": _norm_set([*at["source_nouns"], *at.get("command_nouns", [])]),
        "counter_expectation": _norm_set(st.get("counter_expectation", [])),
        "complementizers": _norm_set(at["complementizers"]),
        "implicit_subject": _norm_set(at.get("implicit_subject", [])),
        "recipient_preps": _norm_set(ro["recipient_preps"]),
        "location_preps": _norm_set(ro["location_preps"]),
        "place_heads": _norm_set(ro.get("place_heads", [])),
        "member_nouns": _norm_set(ro.get("member_nouns", [])),
        "blocking_preps": _norm_set(ro["blocking_preps"]),
        "agent_markers": _norm_phrases(ro["agent_markers"]),
        "between": _norm_set(ro["between"]),
        "symmetric": frozenset(ro.get("symmetric_types", [])),
        "title_words": _norm_set(ro.get("title_words", [])),
        "relational_titles": _norm_set(ro.get("relational_titles", [])),
        "person_genitive_titles": _norm_set(ro.get("person_genitive_titles", [])),
        "title_gap": _norm_set(ro.get("coordinated_title_words", [])),
        "relatives": _norm_set(ro.get("relatives", [])),
        "subordinators": _norm_set(ro.get("subordinators", [])),
        "circumstantial": _norm_set(ro.get("circumstantial", [])),
        "demonstratives": _norm_set(ro.get("demonstratives", [])),
        "naming": _norm_set(ro.get("naming", [])),
        "own_country": _norm_set(ro.get("own_country", [])),
        "support_by": _norm_set(ro.get("support_by", [])),
        "support_with": _norm_set(ro.get("support_with", [])),
        "detached_object": _norm_set(ro.get("detached_object", [])),
        "attribute_heads": _norm_set(ro.get("attribute_heads", [])),
        "threat_that": _norm_set(ro.get("threat_that", [])),
        "possessive_forces": {norm_word(h): tuple(norm_word(x) for x in alias_heads)
                              for h, alias_heads in (ro.get("possessive_forces") or {}).items()},
        "military_support": _norm_set(ro.get("military_support", [])),
        "military_acts": _norm_set(ro.get("military_acts", [])),
        "passive_subjects": _norm_set(ro.get("passive_subjects", [])),
        "owner_links": _norm_set(ro.get("owner_links", [])),
        "purpose_cues": _norm_set(ro.get("purpose_cues", [])),
        "inclusion_verbs": _norm_set(ro.get("inclusion_verbs", [])),
        "generic": {norm_word(w): (gid, g) for gid, g in (c.get("generic_actors") or {}).items()
                    for w in g["words"]},
        "military": _norm_set(c["military_context"]),
        "envoy": _norm_set(c.get("envoy_words", [])),
        "condemnation": _norm_set(c.get("condemnation_words", [])),
        "threat_content": _norm_set(c.get("threat_content", [])),
        "q_after": {norm_word(w): k for k, ws in q["after_noun"].items() for w in ws},
        "q_people": _norm_set(q["people"]),
        "q_before": {norm_word(w): k for k, ws in q["before"].items() for w in ws},
        "q_fillers": _norm_set([x for f in q["fillers"] for x in f.split()]),
        "q_vague": _norm_set(q["vague"]),
        "q_types": {k: frozenset(v) for k, v in q["types"].items()},
        "num_units": {norm_word(k): int(v) for k, v in c["numbers"]["units"].items()},
        "num_mult": {norm_word(k): int(v) for k, v in c["numbers"]["multipliers"].items()},
        "raw": c,
    }
