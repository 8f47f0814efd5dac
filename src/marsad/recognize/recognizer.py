"""Gazetteer + title composition + NER → linked mentions (see package docstring)."""

from __future__ import annotations

import logging
import re
from bisect import bisect_left, bisect_right, insort_right
from collections.abc import Iterable, Iterator
from datetime import date
from functools import lru_cache
from importlib import resources
from itertools import compress
from operator import attrgetter
from typing import Any

import yaml

from marsad.arabic import in_lexicon, normalize
from marsad.arabic.trie import AnchoredPattern, trie_regex
from marsad.link import Linker
from marsad.link.coref import Coreference
from marsad.link.translit import name_part_words
from marsad.model import Document, Mention
from marsad.recognize.gazetteer import Entry, Gazetteer, Hit, normalize_key
from marsad.recognize.ner import DOC_WINDOW

log = logging.getLogger("marsad.recognize")

_LABEL_BY_KIND = {"person": "PERS", "state": "GPE"}
# One-word names of places smaller than this need a place cue («في», «مدينة») to count: small
# towns are often named like common words (البيان، الحي).
_STRONG_PLACE_POPULATION = 100_000
_START = attrgetter("start")  # sort/bisect key of mentions (C-level, unlike a Python function)
_SPAN = attrgetter("start", "end")  # (start, end): the mentions' order
_TEXT = attrgetter("text")  # a token's text, read by C-level map for the NER model


@lru_cache(maxsize=1)
def _raw_cues() -> dict[str, Any]:
    """The cues file as written, parsed once (read by ``_cues`` and ``_descriptor_re``; not mutated)."""
    return yaml.safe_load(resources.files("marsad.recognize").joinpath("data/cues.yaml").read_text("utf-8"))


@lru_cache(maxsize=1)
def _cues() -> dict[str, Any]:
    raw = _raw_cues()
    out: dict[str, Any] = {}
    for k, v in raw.items():
        if isinstance(v, str):  # a single setting (an actor id)
            out[k] = v
        elif isinstance(v, dict) and all(isinstance(x, int) for x in v.values()):  # word → number
            out[k] = {normalize_key(w): n for w, n in v.items()}
        elif isinstance(v, dict):  # office → forms: kept as written, normalised by the gazetteer
            out[k] = {office: list(forms) for office, forms in v.items()}
        elif k.endswith("_templates"):  # name templates: ordered, filled then looked up
            out[k] = tuple(v)
        else:
            out[k] = {normalize_key(w) for w in v}
    return out


class Recognizer:
    """Callable stage: ``recognizer(doc) -> list[Mention]`` (sorted by offset, non-overlapping)."""

    def __init__(self, actors: Any, places: Any) -> None:
        self.linker = Linker(actors, places)
        self.gazetteer = Gazetteer(self._entries(actors, places))
        cues = _cues()
        self.place_cues = cues["place_cues"]
        self.process_heads = cues["process_heads"]
        self._ner = None
        # NER tags computed ahead for a batch of documents (see prepare): id(doc) → (its token list,
        # its tokens by sentence, their tags)
        self._prepared: dict[int, tuple[list, list[list[Any]], list[list[str]]]] = {}
        self._heads_cache: dict[str, frozenset[str]] = {}
        self.coref = Coreference(self._person_names, in_lexicon)
        self._ministry_index: dict[str, tuple[str, str]] | None = None
        self._first_name_index: dict[str, frozenset[str]] | None = None
        self._honorific_pattern: AnchoredPattern | None = None
        self._group_pattern: AnchoredPattern | None = None
        self._complement_pattern: AnchoredPattern | bool | None = None
        self._complement_blocked: frozenset[str] | None = None
        self._dual_pattern: AnchoredPattern | bool | None = None
        self._joint_pattern: re.Pattern | bool | None = None
        self._own_body_pattern: AnchoredPattern | bool | None = None
        self._own_body_cues: tuple[str, ...] = ()
        self._modifier_words: dict[str, bool] = {}  # word → whether it is a title modifier (officials)
        self._published: str | None = None
        self._published_memo: tuple[object, date | None] = (object(), None)
        # a ministry head and a portfolio word: a name complement needs both in the text
        self._complement_cues: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())
        self._loyal_pattern: re.Pattern | bool | None = None
        self._joint_members: dict[str, tuple[str, ...]] = {}
        self._dual_kinds: dict[str, str] = {}
        self._plural_duals: frozenset[str] = frozenset()
        self._honorific_pattern_p: AnchoredPattern | bool | None = None
        self._honorific_kinds: dict[str, str] = {}

    # -- building --------------------------------------------------------------------------
    def _entries(self, actors: Any, places: Any):  # noqa: ANN202 - generator of (phrase, Entry)
        for actor in actors.all():
            label = _LABEL_BY_KIND.get(actor.kind, "ORG")
            for alias in {actor.name_ar, *(actor.aliases_ar or ())}:
                if alias:
                    # An actor whose name is also a common word (فتح, مالي, القاعدة) needs support in the
                    # document before a one-word mention of it counts.
                    weak = actor.ambiguous and (" " not in alias.strip() or actor.sector == "MED")
                    yield alias, Entry("actor", actor.id, label, weak=weak)
                    for variant in _compound_variants(alias):
                        yield variant, Entry("actor", actor.id, label, weak=weak)
            for alias in actor.extra.get("aliases_ar_weak") or ():
                yield alias, Entry("actor", actor.id, label, weak=True)
            if actor.kind == "state":
                for nisba in actor.nisba_ar or ():
                    for k, form in enumerate(_nisba_forms(nisba)):
                        # «الإيرانيون», «الروسيين» stand alone for the state's people: marked plural.
                        yield form, Entry("nisba", actor.id, "PL" if k and not nisba.endswith("ة") else "GPE")
                for cap in actor.capital_ar or ():
                    yield cap, Entry("actor", actor.id, "GPE")
                for demonym in actor.extra.get("demonyms_ar") or ():
                    yield demonym, Entry("actor", actor.id, "GPE")  # irregular plurals: «الروس», «الأتراك»
            else:
                # Groups of states with an adjective («الغربية», «الأوروبي»): read only after an agent noun.
                for adj in actor.extra.get("adjectives_ar") or ():
                    for form in _nisba_forms(adj):
                        yield form, Entry("nisba", actor.id, "ORG")
        stop = _cues()["place_stopwords"]
        for key, place_id in places.all_names():
            place = places.get(place_id)
            small = place is not None and place.population < _STRONG_PLACE_POPULATION \
                and not place_id.startswith("x:") and place.feature not in ("capital", "admin1", "region", "base")
            if key in stop:
                continue
            yield key, Entry("place", place_id, "LOC", weak=" " not in key and small)
        for office, forms in self.linker.title_forms().items():
            for form in forms:
                yield form, Entry("title", office, "PERS")
        cues = _cues()
        for office, forms in self.linker.title_forms().items():
            for form in forms:
                # «وزير دفاعها», «وزير خارجيته», «رئيسها»: a construct title + a possessive pronoun.
                for pron, possessed in _possessive_forms(form):
                    yield possessed, Entry("possessive", office, pron)
        for office, forms in (cues.get("plural_titles") or {}).items():
            for form in forms:
                yield form, Entry("ptitle", office, "PERS")
        for office, forms in (cues.get("ministries") or {}).items():
            for form in forms:
                yield form, Entry("ministry", office, "ORG")
        for form in cues.get("government_forces", ()):
            yield form, Entry("gov_forces", "", "ORG")
        for pron, forms in (("ه", cues.get("own_country_his", ())), ("ها", cues.get("own_country_her", ()))):
            for form in forms:
                yield form, Entry("own_country", pron)
        for noun in cues.get("anaphors", ()):
            head = noun.split()[-1]  # «هذه القوات»: the demonstrative points, the noun names the head
            yield noun, Entry("anaphor", normalize_key(head)[2:] if head.startswith("ال") else normalize_key(head))
        for group, kind in (("counterpart_heads", "counterpart"), ("source_heads", "source"),
                            ("nisba_heads", "agent"), ("force_heads", "force"), ("regime_heads", "regime"),
                            ("land_heads", "land"), ("capital_heads", "capital"), ("media_heads", "media"),
                            ("air_heads", "air"), ("police_heads", "police"), ("security_heads", "security"),
                            ("protester_heads", "protest"), ("border_heads", "border"),
                            ("state_body_heads", "state_body")):
            for head in cues.get(group, ()):
                yield head, Entry("head", kind)

    # -- running ---------------------------------------------------------------------------
    def __call__(self, doc: Document) -> list[Mention]:
        nt = normalize(doc.text)
        # «#السيدة_زينب»: a hashtag joins words with underscores; read them as spaces (same length, so
        # offsets are unchanged).
        norm = nt.text.replace("_", " ")
        if "-" in norm:
            # «جينين هينيس-بلاسخارت»: a hyphen inside a name joins its parts like a space (same length).
            norm = _NAME_HYPHEN.sub(" ", norm)
        cuts = self._name_complements(norm)
        hits = self._drop_open_names(self.gazetteer.find(norm, cuts), norm)
        # The composing pass reads a ministry's name across its skipped complement as adjacent words
        # («وزارة الشؤون الخارجية والتعاون الدولي الليبية» → the ministry head + the nisba).
        cnorm = norm
        for a, b in cuts:
            cnorm = cnorm[:a] + " " * (b - a) + cnorm[b:]
        sent_starts = [s.start for s in doc.sentences]
        mentions: list[Mention] = []
        strong_actors: set[str] = set()
        self._doc_country = None  # first state named: the country prior for ambiguous place names
        self._last_place_end = -1  # end of the last name read as a place (for «في العراق وسوريا»)
        self._doc_text = doc.text
        self._sent_starts = sent_starts
        self._published = doc.published or self._dateline(doc)
        i = 0
        self._nested: list[Mention] = []
        while i < len(hits) or self._nested:
            if self._nested:
                mention = self._nested.pop()
            else:
                consumed, mention = self._compose(hits, i, cnorm, doc, sent_starts)
                i += consumed
            if mention is None:
                continue
            s, e = nt.to_original(mention.start, mention.end)
            mention.start, mention.end, mention.text = s, e, doc.text[s:e]
            if mention.actor_id and not mention.extra.get("weak"):
                strong_actors.add(mention.actor_id)
            mentions.append(mention)
        # A weak alias («الأسد» alone) counts only when the document names that actor unambiguously,
        # or, for a body rather than a person («المعارضة», «مجلس الشعب»), when its country is one the
        # document is mainly about.
        dominant = self._dominant_countries(mentions)
        kept = [not m.extra.get("weak") or m.actor_id in strong_actors or self._weak_by_country(m, dominant)
                for m in mentions]
        # An outlet's one-word name («المسيرة») counts once the document has named it in full
        # («قناة المسيرة»): alone it is the common word (see _weak_by_country).
        # (Only an outlet's full names are weak aliases of two words or more.)
        named = {m.actor_id for m, k in zip(mentions, kept, strict=True) if k and " " in m.text.strip()}
        mentions = [m for m, k in zip(mentions, kept, strict=True) if k or m.actor_id in named]
        # Titles whose form names one state's or body's office («رئيس الكنيست», «المرشد»), and «القوات
        # الحكومية»: read against the states the document is about.
        mentions = [m for m in mentions if m.origin not in ("form_title", "gov_forces")
                    or self._read_by_document(m, dominant, strong_actors, mentions)]
        mentions.extend(self._honorific_names(norm, nt.to_original, doc, mentions, dominant))
        mentions = self._resolve_references(mentions)
        mentions = self._state_group_refs(norm, nt.to_original, mentions)
        mentions = self._joint_names(norm, nt.to_original, mentions)
        mentions = self._dual_refs(norm, nt.to_original, mentions)
        mentions = self._joint_nisbas(norm, nt.to_original, mentions)
        mentions = self._add_parenthesised(doc.text, mentions)
        mentions = self._coordinated_forces(doc.text, mentions)
        for m in mentions:
            if m.extra.pop("weak", None):
                m.extra["alias_weak"] = True  # a longer unknown name found by NER may still replace it
            if m.actor_id:
                m.extra["ref"] = self.linker.actor_ref(m.actor_id, m.extra.get("role_date"), m.text,
                                                       m.extra.get("role"))
                if m.extra.get("country") and not m.extra["ref"].get("country") and m.label != "PERS":
                    # «مصدر إيراني», «المتظاهرون العراقيون»: a generic group actor takes the state it was
                    # qualified with.
                    m.extra["ref"]["country"] = m.extra["country"]
                if m.extra["ref"].get("sector") == "BUS":
                    # «منشأتين تابعتين لشركة «أرامكو»»: a state company's assets are the state's; the
                    # event stage reads an attack on them as an attack on the state
                    iso = self.linker.institution_state(m.actor_id)
                    state = self.linker.actors.state(iso) if iso else None
                    if state is not None:
                        m.extra["owner_state_ref"] = self.linker.actor_ref(state.id, None, m.text)
            elif m.origin == "deputy":
                ref = self.linker.unresolved_ref(m.text, "PERS")
                country = m.extra.get("country")
                ref["country"] = country if country and _is_iso3(country) else self.linker.actor_country(country or "")
                m.extra["ref"] = ref
            elif m.origin == "title":
                m.extra["ref"] = self.linker.office_ref(m.extra["role"], m.extra.get("country"), m.text)
            if m.place_id:
                m.extra["location"] = self.linker.location(m.place_id, m.text)
            self._speaks_for(m)
        mentions = self._add_ner(doc, mentions)
        self._names_after_titles(doc, mentions)
        mentions = self._names_after_descriptors(doc, mentions)
        mentions += self.linker.typo_states(doc.text, norm, nt.to_original, mentions)  # «وتل أبيت»
        # Repeated surnames and descriptions take the person introduced earlier in the document.
        mentions = self.coref(doc.text, norm, nt.to_original, mentions)
        mentions = self._honorific_pronouns(norm, nt.to_original, mentions)
        mentions = self._own_bodies(norm, nt.to_original, mentions)
        mentions = self._loyal_forces(mentions)
        self._officials_of_bodies(mentions)
        if doc.dates:
            # «الجمعة 7 أغسطس (آب) 2020»: a month name inside a time expression is no place («آب» is
            # also Ibb in Yemen, «تموز» a village name)
            mentions = [m for m in mentions if m.label not in ("LOC", "GPE") or m.actor_id
                        or not any(d.start <= m.start and m.end <= d.end for d in doc.dates)]
        mentions.extend(Mention(d.start, d.end, d.text, label="DATE", origin="time") for d in doc.dates)
        mentions.sort(key=_SPAN)
        return mentions

    def _drop_open_names(self, hits: list[Hit], norm: str) -> list[Hit]:
        """Leave out an organisation's alias that a longer, unknown name continues (cues
        ``open_name_heads``): «مجلس التعاون الاستراتيجي» is not the GCC."""
        cues = _cues()
        heads, keep = cues.get("open_name_heads", set()), cues.get("open_name_qualifiers", set())
        out = []
        for h in hits:
            if h.actor and not h.title:
                # (most hits are one word or have no open name head: test that before slicing the key,
                # the entries and the next word)
                space = norm.find(" ", h.key_start, h.end)
                if space < 0 or norm[h.key_start:space] not in heads \
                        or not all(e.kind == "actor" and e.label == "ORG" for e in h.entries):
                    out.append(h)
                    continue
                key = norm[h.key_start:h.end]
                head = key.split(" ", 1)[0]
                nxt = _NEXT_WORD.match(norm, h.end)
                last = key.rsplit(" ", 1)[-1]
                if not last.endswith(("ي", "يه")) and nxt is not None and norm[h.end] == " ":
                    # the adjective agrees with the head («مجلس … الاستراتيجي», «منظمة … الإقليمية»);
                    # an alias that ends in an adjective («مجلس النواب الليبي») is complete, and a word
                    # of the other gender is the verb's object («رفض مجلس الأمن العملية»)
                    word = nxt.group(1)
                    ending = "يه" if head.endswith("ه") else "ي"
                    if word.startswith("ال") and len(word) > 5 and word.endswith(ending) \
                            and not (ending == "ي" and word.endswith("يي")) and word not in keep \
                            and not any(e.kind == "nisba" for e in self.gazetteer.lookup(word[2:])) \
                            and not any(e.kind == "nisba" for e in self.gazetteer.lookup(word)):
                        continue
            out.append(h)
        return out

    def _name_complements(self, norm: str) -> list[tuple[int, int]]:
        """Spans of ``norm`` the name scan skips: «الشؤون» and coordinated complements inside a ministry's
        official name (cues ``ministry_name_complements``), so that «وزارة الخارجية والمغتربين السورية»
        is looked up as «وزارة الخارجية السورية»."""
        pattern = self._complement_re()
        heads, ports = self._complement_cues
        if pattern is None or not any(w in norm for w in heads) or not any(w in norm for w in ports):
            return []  # no ministry head or no portfolio anywhere: skip the whole-text scan
        cuts: list[tuple[int, int]] = []
        for m in pattern.finditer(norm):
            if m.group("ins"):
                cuts.append(m.span("ins"))
            words = [(w.group(), w.start()) for w in _WORD_AT.finditer(m.group("rest") or "")]
            if not words or not words[0][0].startswith("و"):
                continue
            end = None  # index of the first word after the complement
            for k in range(1, len(words)):
                if self._state_nisba(words[k][0], feminine=m.group("head").endswith("ه")):
                    end = k
                    break
                if self._names_something(words[k][0]):
                    break
            if end is None:
                end = self._bare_complement(words)
            if end is None or any(self._names_something(w) for w, _ in words[:end]):
                continue
            base = m.start("rest")
            if end < len(words):  # the complement and the space after it
                cuts.append((base + words[0][1], base + words[end][1]))
            else:  # the name ends the phrase («…والمغتربين،»): the space before it
                last, at = words[end - 1]
                cuts.append((base + words[0][1] - 1, base + at + len(last)))
        return cuts

    def _bare_complement(self, words: list[tuple[str, int]]) -> int | None:
        """«وزارة الخارجية والمغتربين», «… والتعاون الدولي» with no nisba after: a definite word after «و»
        (and its definite adjective) closes the name when the word after it is not definite (a name, a
        verb or a preposition, not a longer name going on). The index of the word after, or None."""
        if not words[0][0].startswith("وال"):
            return None
        end = 1
        if len(words) > 1 and words[1][0].startswith("ال") and words[1][0].endswith(("ي", "يه")):
            end = 2  # «والتعاون الدولي»
        if end < len(words) and words[end][0].startswith("ال"):
            return None
        return end

    def _complement_re(self) -> AnchoredPattern | None:
        if self._complement_pattern is None:
            cues = _cues().get("ministry_name_complements") or {}
            heads = sorted({normalize_key(w) for w in cues.get("heads", ())}, key=len, reverse=True)
            ports = sorted({normalize_key(w) for w in cues.get("portfolios", ())}, key=len, reverse=True)
            ins = sorted({normalize_key(w) for w in cues.get("inserted", ())}, key=len, reverse=True)
            self._complement_cues = (tuple(heads), tuple(ports))
            if not heads or not ports:
                self._complement_pattern = False
            else:
                # the head (with و/ف/ب/ل), an optional inserted word, the portfolio, then up to
                # _MAX_COMPLEMENT_WORDS + 1 words on the same line with no punctuation between
                # (tried only where a head word stands, one clitic before it: marsad.arabic.trie)
                self._complement_pattern = AnchoredPattern(re.compile(
                    rf"(?<![^\W\d_])[وفبل]?(?P<head>{'|'.join(heads)})[ \t]+(?P<ins>(?:{'|'.join(ins) or '(?!)'})[ \t]+)?"
                    rf"(?:{'|'.join(ports)})(?![^\W\d_])(?P<rest>(?:[ \t]+[^\W\d_]+){{1,{_MAX_COMPLEMENT_WORDS + 1}}})?"),
                    heads, lead=1)
        return self._complement_pattern or None

    def _state_nisba(self, word: str, feminine: bool) -> bool:
        """«السورية» after «وزارة», «السوري» after «وزير»: the definite adjective of a state, agreeing
        with the head (normalised text)."""
        if not word.startswith("ال") or not word.endswith("يه" if feminine else "ي"):
            return False
        return any(e.kind == "nisba" and e.label == "GPE" for e in self.gazetteer.lookup(word[2:]))

    def _names_something(self, word: str) -> bool:
        """A complement word that is a name, title or head of its own (the embassy in «والسفارة»)."""
        bare = word[1:] if word.startswith(("و", "ف")) else word
        blocked = self._complement_blocked
        if blocked is None:
            cues = _cues().get("ministry_name_complements") or {}
            blocked = self._complement_blocked = frozenset(normalize_key(w) for w in cues.get("not_complements", ()))
        if bare in blocked:
            return True
        # an agent noun («والتعاون») is a common word here; names, titles and other heads are not
        return any(e.kind not in ("nisba", "head") or (e.kind == "head" and e.ref != "agent")
                   for e in (*self.gazetteer.lookup(word), *self.gazetteer.lookup(bare)))

    def _honorific_names(self, norm: str, to_original: Any, doc: Document, mentions: list[Mention],
                         dominant: set[str]) -> list[Mention]:
        """«الشيخ صباح», «الأمير محمد»: an honorific + a bare first name is the one person of the document's
        main states with that first name who held an office on the date, or among several the one who
        led a state or government then (none or still several: no mention).

        A person the document named before with that first name comes first («الشيخ صباح» after «أمير
        الكويت الشيخ صباح الأحمد», whatever the date): when exactly one such person was named.

        A definite word or «بن» right after the name may continue it («الشيخ صباح الخالد» is another
        person), so the rule stays out then."""
        spans: list[tuple[int, int]] | None = None  # built at the first honorific (most documents have none)
        named: list[tuple[int, str]] = []
        out: list[Mention] = []
        for match in self._honorific_re().finditer(norm):
            nxt = _NEXT_WORD.match(norm, match.end())
            if nxt and (nxt.group(1).startswith("ال") or nxt.group(1) in ("بن", "ابن", "بنت")):
                continue
            if spans is None:
                spans = sorted((m.start, m.end) for m in mentions)
                named = sorted((m.end, m.actor_id) for m in mentions if m.label == "PERS" and m.actor_id)
            s, e = to_original(match.start(), match.end())
            if any(a < e and s < b for a, b in spans):
                continue  # already read (a full alias, a title)
            bearers = self._first_names().get(match.group(2), frozenset())
            earlier = {pid for end, pid in named if end <= s and pid in bearers}
            if earlier:
                if len(earlier) == 1:
                    out.append(Mention(s, e, "", label="PERS", actor_id=earlier.pop(), origin="gazetteer",
                                       extra={"role_date": self._reference_date(doc, match.start(),
                                                                                self._sent_starts)}))
                continue  # two people of the document share the first name: leave it
            if not dominant:
                continue
            on = self._reference_date(doc, match.start(), self._sent_starts)
            found = {pid for pid in bearers
                     if self.linker.actor_country(pid) in dominant and self._active_on(pid, on)}
            if len(found) > 1:  # «الشيخ صباح» in 2019: the emir, not the foreign minister of that name
                found = {pid for pid in found if self.linker.leads_on(pid, on)}
            if len(found) == 1:
                out.append(Mention(s, e, "", label="PERS", actor_id=found.pop(), origin="gazetteer",
                                   extra={"role_date": on}))
        for m in out:
            m.text = doc.text[m.start:m.end]
        return out

    def _active_on(self, person_id: str, on: date | None) -> bool:
        actor = self.linker.actors.by_id.get(person_id)
        return on is not None and actor is not None and any(r.held_on(on) for r in actor.roles or ())

    def _first_names(self) -> dict[str, frozenset[str]]:
        """Normalised first word of every person's Arabic names → person ids (built once)."""
        if self._first_name_index is None:
            index: dict[str, set[str]] = {}
            for actor in self.linker.actors.all():
                if actor.kind == "person":
                    for name in actor.arabic_names():
                        words = normalize_key(name).split()
                        if len(words) > 1:
                            index.setdefault(words[0], set()).add(actor.id)
            self._first_name_index = {k: frozenset(v) for k, v in index.items()}
        return self._first_name_index

    def _honorific_re(self) -> AnchoredPattern:
        if self._honorific_pattern is None:
            # the forms as a trie, tried only where one occurs (marsad.arabic.trie), 2 clitics after the start
            forms = {normalize_key(w) for w in _cues().get("honorifics", ())}
            self._honorific_pattern = AnchoredPattern(re.compile(
                r"(?<!\S)[وف]?(?:[بل])?(" + trie_regex(forms, space=" ") + r") ([^\W\d_]{2,})(?![^\W\d_])"),
                forms, lead=2)
        return self._honorific_pattern

    def _state_group_refs(self, norm: str, to_original: Any, mentions: list[Mention]) -> list[Mention]:
        """«الدول الثلاث», «الدول الخليجية الثلاث», «بلدان الخليج الثلاث»: a plural noun for states, up to two
        qualifying words and a number word refer back to the nearest list of exactly that many states
        named before it; the phrase becomes one mention per state, on the phrase's span (as «التنسيق
        الروسي الإيراني» names two states on one span). Without such a list the words are read as usual
        («الدول الخليجية» → the Gulf states)."""
        out = mentions
        for match in self._group_re().finditer(norm):
            n = _cues()["group_number_values"].get(match.group(2))
            s, e = to_original(match.start(), match.end())
            states = self._last_state_list([m for m in out if m.end <= s], n) if n else None
            if not states:
                continue
            kept = [m for m in out if not (m.start < e and s < m.end)]
            added = [Mention(s, e, self._doc_text[s:e], label="GPE", actor_id=sid, origin="gazetteer",
                             extra={"ref": self.linker.actor_ref(sid, None, self._doc_text[s:e]),
                                    "state_group": True})
                     for sid in states]
            out = sorted(kept + added, key=_SPAN)
        return out

    def _joint_names(self, norm: str, to_original: Any, mentions: list[Mention]) -> list[Mention]:
        """«اتهم الثنائي الشيعي حزب القوات اللبنانية»: a settled name of an alliance (cues
        ``joint_names``) is one mention per member on its span, replacing what was read inside it."""
        pattern = self._joint_re()
        if pattern is None or not any(stem in norm for stem in self._joint_members):
            return mentions
        out = mentions
        for match in pattern.finditer(norm):
            members = self._joint_members[match.group(1) or match.group(2)]
            s, e = to_original(match.start(), match.end())
            kept = [m for m in out if not (m.start < e and s < m.end)]
            added = [Mention(s, e, self._doc_text[s:e], label="GPE" if self._is_state(aid) else "ORG",
                             actor_id=aid, origin="gazetteer", extra={"joint_name": True}) for aid in members]
            out = sorted(kept + added, key=_SPAN)
        return out

    def _is_state(self, actor_id: str) -> bool:
        actor = self.linker.actors.by_id.get(actor_id)
        return actor is not None and actor.kind == "state"

    def _joint_re(self) -> re.Pattern | None:
        if self._joint_pattern is None:
            names = _cues().get("joint_names") or {}
            # keyed without the article: «للثنائي الشيعي» is ل + «الثنائي الشيعي»
            self._joint_members = {}
            definite, bare = [], []
            for k, v in names.items():
                if all(a in self.linker.actors.by_id for a in v):
                    key = normalize_key(k)
                    stem = key[2:] if key.startswith("ال") else key
                    self._joint_members[stem] = tuple(v)
                    (definite if key.startswith("ال") else bare).append(stem)
            if not self._joint_members:
                self._joint_pattern = False
            else:
                def alts(keys: list[str]) -> str:
                    return "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True)) or "(?!)"
                # with the article after و/ف and ب/ك, or ل + ال written «لل»; a bare name after و/ف, ب/ك/ل
                self._joint_pattern = re.compile(
                    rf"(?<![^\W\d_])(?:(?:[وف]?[بك]?ال|[وف]?لل)({alts(definite)})|[وف]?[بكل]?({alts(bare)}))"
                    rf"(?![^\W\d_])")
        return self._joint_pattern or None

    def _dual_refs(self, norm: str, to_original: Any, mentions: list[Mention]) -> list[Mention]:
        """«ووقّع الرئيسان», «إن الجانبين طالبا», «بين البلدين»: a dual noun (cues ``dual_anaphors``) refers
        back to the two parties of its kind named last (in its sentence before it, or up to
        ``dual_window`` sentences back); it becomes one mention per party on its span, the party named
        first first (the host before the guest). With fewer than two such parties nothing is added."""
        pattern = self._dual_re()
        if pattern is None:
            return mentions
        if "كل منهما" not in norm and not any(stem in norm for stem in self._dual_kinds):
            return mentions  # no dual noun anywhere: skip the whole-text scans (most documents)
        out = mentions
        window = int(_cues().get("dual_window", 2))
        each = [(m, "each") for m in _EACH_OF_TWO.finditer(norm)] if "كل منهما" in norm else []
        for match, kind in sorted([(m, self._dual_kinds[m.group(1)]) for m in pattern.finditer(norm)] + each,
                                  key=lambda mk: mk[0].start()):
            if kind == "states" and _previous_word(norm, match.start()) in _cues().get("dual_states_not_after", ()):
                continue  # «التعاون العسكري بين البلدين»: qualifies a noun, names no participant
            if kind != "each" and match.group(1) in self._plural_duals:
                nxt = _NEXT_WORD.match(norm, match.end())
                if nxt is None or nxt.group(1).startswith("ال") \
                        or _previous_word(norm, match.start()) in _cues().get("dual_plural_not_after", ()):
                    continue  # «البلدان العربية», «في عدد من البلدان»: the plural "countries"
            s, e = to_original(match.start(), match.end())
            k = bisect_right(self._sent_starts, s) - 1
            lo = self._sent_starts[max(0, k - window)] if self._sent_starts else 0
            before = [m for m in out if lo <= m.start and m.end <= s and m.actor_id]
            if kind == "sides":
                # «أعلن المبعوث غسان سلامة أن الطرفين سمّيا ممثليهما»: a mediator (an envoy by office)
                # reporting what the two sides did is not one of them (the speaker before «أن/إن» in
                # the noun's own sentence); a party speaking for both is («وقال السيسي إن الجانبين طالبا»)
                here = self._sent_starts[k] if self._sent_starts else 0
                before = [m for m in before if m.start < here or not self._mediator(m)
                          or not _REPORTED_CLAUSE.search(self._doc_text, m.end, s)]
            if kind == "each":
                # «واكتفت المستشارة بلقاء كل منهما على حدة»: "each of the two" is the object of its
                # clause; the two are named before it, not in its own clause (its subject)
                here = self._sent_starts[k] if self._sent_starts else 0
                cut = max(self._doc_text.rfind("،", here, s), self._doc_text.rfind(",", here, s))
                before = [m for m in before if cut < 0 or m.start < cut]
                kind = "sides"
            parties = self._dual_parties(before, kind)
            if parties is None or any(m.start < e and s < m.end for m in out):
                continue
            added = [Mention(s, e, self._doc_text[s:e], label=label, actor_id=aid, origin="gazetteer",
                             extra={"dual": True}) for aid, label in parties]
            out = sorted(out + added, key=_SPAN)
        return out

    def _joint_nisbas(self, norm: str, to_original: Any, mentions: list[Mention]) -> list[Mention]:
        """«دوريات روسية تركية مشتركة»: two states' adjectives right before «مشترك» (cues ``joint_words``)
        are each a mention of their state (not only the definite ones after a head noun)."""
        joint = _cues().get("joint_words")
        if not joint or not any(word in norm for word in joint):
            return mentions  # the pair scan below visits every word: only when «مشترك…» is there
        added: list[Mention] = []
        for match in _joint_pairs(norm, joint):
            if match.group(3) not in joint:
                continue
            states = [self._nisba_state(match.group(k)) for k in (1, 2)]
            if None in states or states[0] == states[1]:
                continue
            for k, state in zip((1, 2), states, strict=True):
                s, e = to_original(match.start(k), match.end(k))
                if any(m.start < e and s < m.end for m in mentions):
                    continue
                text = self._doc_text[s:e]
                added.append(Mention(s, e, text, label="GPE", actor_id=state, origin="gazetteer",
                                     extra={"ref": self.linker.actor_ref(state, None, text)}))
        return sorted(mentions + added, key=_SPAN) if added else mentions

    def _nisba_state(self, word: str) -> str | None:
        """The state whose adjective ``word`` is («روسية», «التركية»), or None."""
        bare = word[2:] if word.startswith("ال") else word
        return next((e.ref for e in self.gazetteer.lookup(bare) if e.kind == "nisba" and e.label == "GPE"), None)

    def _mediator(self, m: Mention) -> bool:
        """Whether ``m`` is a person whose office (``mediator_offices``) makes him a third party."""
        offices = set(_cues().get("mediator_offices", ()))
        if m.label != "PERS":
            return False
        if m.extra.get("role") in offices:
            return True
        actor = self.linker.actors.by_id.get(m.actor_id or "")
        return actor is not None and any(r.office in offices for r in actor.roles or ())

    def _dual_parties(self, before: list[Mention], kind: str) -> list[tuple[str, str]] | None:
        """The two parties of ``kind`` named last among ``before`` (ids and labels, in text order)."""
        found: list[tuple[str, str]] = []
        sides: list[str] = []
        first_label = None
        outer = _outermost(before)  # not the state inside a title
        for m in reversed(outer):
            if m.origin in ("possessive", "ministry") or m.extra.get("dual"):
                continue
            if kind == "states":
                prev = self._doc_text[max(0, m.start - 30):m.start].split()
                if prev and normalize_key(prev[-1]) in _cues().get("dual_topic_before", ()):
                    continue  # «تناولت التنسيق في ملفي ليبيا وشرق المتوسط»: a topic, not a party
                iso = self._state_in(m, persons=True)
                state = self.linker.actors.state(iso) if iso else None
                if state is None:
                    continue
                aid, label, side = state.id, "GPE", iso
            else:
                aid, label = m.actor_id, m.label
                if kind == "leaders" and (label != "PERS" or self.linker.led_state(aid) is None):
                    continue
                if kind == "ministers" and (label != "PERS" or not self._minister(aid, m)):
                    continue
                if kind == "sides":
                    if self.linker.sector(aid) == "MED" or label == "LOC":
                        continue
                    first_label = first_label or label
                    if (label == "PERS") != (first_label == "PERS"):
                        continue  # two persons or two bodies/states, not a person and his state
                # two persons may be two sides of one country («السرّاج وحفتر»); a body and its own
                # state may not
                side = aid if kind == "sides" and label == "PERS" else self.linker.actor_country(aid) or aid
            if aid in (f[0] for f in found) or side in sides:
                continue
            found.append((aid, label))
            sides.append(side)
            if len(found) == 2:
                return found[::-1]
        return None

    def _honorific_pronouns(self, norm: str, to_original: Any, mentions: list[Mention]) -> list[Mention]:
        """«وقال سموه», «أكد جلالته», «معاليه» (cues ``honorific_pronouns``): the head of state or crown
        prince (for «معاليه» the minister) named last before the pronoun, as a mention on its span."""
        if self._honorific_pattern_p is None:
            cues = _cues().get("honorific_pronouns") or {}
            self._honorific_kinds = {normalize_key(w): kind for kind, words in cues.items() for w in words}
            stems = "|".join(sorted(self._honorific_kinds, key=len, reverse=True))
            # tried only where a pronoun stands, up to two clitics before it (marsad.arabic.trie)
            self._honorific_pattern_p = AnchoredPattern(
                re.compile(rf"(?<![^\W\d_])[وف]?[بل]?({stems})(?![^\W\d_])"), self._honorific_kinds, lead=2) \
                if stems else False
        if not self._honorific_pattern_p or not any(w in norm for w in self._honorific_kinds):
            return mentions  # every match contains one of the words: skip the whole-text scan
        added: list[Mention] = []
        persons = [m for m in mentions if m.label == "PERS" and m.actor_id]
        starts = [m.start for m in persons]
        for match in self._honorific_pattern_p.finditer(norm):
            kind = self._honorific_kinds[match.group(1)]
            s, e = to_original(match.start(), match.end())
            if any(m.start < e and s < m.end for m in mentions):
                continue
            before = persons[:bisect_left(starts, s)]
            if kind == "ministers":
                found = next((m for m in reversed(before) if self._minister(m.actor_id, m)), None)
            else:
                # the head of state named last; else a head of government or crown prince («سمو الشيخ»
                # is also the Kuwaiti prime minister, but «سموه» in a story about the emir is the emir)
                found = next((m for m in reversed(before) if self._royal(m.actor_id) == 2), None) \
                    or next((m for m in reversed(before) if self._royal(m.actor_id) == 1), None)
            if found is not None:
                text = self._doc_text[s:e]
                added.append(Mention(s, e, text, label="PERS", actor_id=found.actor_id, origin="coref",
                                     extra={"ref": self.linker.actor_ref(found.actor_id, None, text),
                                            "honorific": True}))
        return sorted(mentions + added, key=_SPAN) if added else mentions

    def _own_bodies(self, norm: str, to_original: Any, mentions: list[Mention]) -> list[Mention]:
        """«نفى سمير جعجع أي علاقة لحزبه بعمليات القنص» (cues ``own_body_nouns``): "his party", "her
        movement" is the party or movement the person named last before it (in its sentence or the
        one before) leads, when its name starts with that noun; a mention on the noun's span."""
        if self._own_body_pattern is None:
            nouns = [normalize_key(w) for w in _cues().get("own_body_nouns") or ()]
            # every match has a noun followed by «ه» (the suffix «ه»/«ها»): the substring pre-check
            self._own_body_cues = tuple(n + "ه" for n in nouns)
            # tried only where «حزبه», «حركتها»… stand as words, up to two clitics before (marsad.arabic.trie)
            self._own_body_pattern = AnchoredPattern(re.compile(
                rf"(?<![^\W\d_])[وف]?[بل]?({'|'.join(sorted(nouns, key=len, reverse=True))})(ه|ها)(?![^\W\d_])"),
                [n + suffix for n in nouns for suffix in ("ه", "ها")], lead=2) \
                if nouns else False
        if not self._own_body_pattern or not any(w in norm for w in self._own_body_cues):
            return mentions  # no «حزبه/حركتها…» anywhere: skip the whole-text scan (most documents)
        added: list[Mention] = []
        persons = [m for m in mentions if m.label == "PERS" and m.actor_id]
        starts = [m.start for m in persons]
        for match in self._own_body_pattern.finditer(norm):
            s, e = to_original(match.start(), match.end())
            if any(m.start < e and s < m.end for m in mentions):
                continue
            k = bisect_right(self._sent_starts, s) - 1
            lo = self._sent_starts[max(0, k - 1)] if self._sent_starts else 0
            before = [m for m in persons[:bisect_left(starts, s)] if m.start >= lo]
            if not before:
                continue
            body = self._led_body(before[-1].actor_id, match.group(1))
            if body is not None:
                text = self._doc_text[s:e]
                added.append(Mention(s, e, text, label="ORG", actor_id=body, origin="coref",
                                     extra={"ref": self.linker.actor_ref(body, None, text), "own_body": True}))
        return sorted(mentions + added, key=_SPAN) if added else mentions

    def _led_body(self, person_id: str, noun: str | None) -> str | None:
        """The organisation ``person_id`` ever led (a role ``of`` an actor id) whose name starts with
        ``noun`` («حزب» → «حزب القوات اللبنانية»; any name when ``noun`` is None), if exactly one."""
        actor = self.linker.actors.by_id.get(person_id)
        found = {r.of for r in (actor.roles or ()) if not _is_iso3(r.of or "") and r.of in self.linker.actors.by_id
                 and (noun is None or noun in self._name_heads(r.of))} if actor is not None else set()
        return next(iter(found)) if len(found) == 1 else None

    def _officials_of_bodies(self, mentions: list[Mention]) -> None:
        """«وكيلة وزارة الخارجية الأميركية للشؤون السياسية فيكتوريا نولاند»: a known person named right
        after «وكيل/مساعد/مستشار … + a body (+ its complement)» holds that post; the person's mention
        starts at the modifier, so the body is nested in it (as a body named inside a title is)."""
        mods = _cues()["title_modifiers"]
        for k, p in enumerate(mentions):
            if p.label != "PERS" or not p.actor_id or k == 0:
                continue
            b = mentions[k - 1]
            if b.label not in ("ORG", "GPE") or not b.actor_id or b.end > p.start:
                continue
            # the modifier word first: it is rare, while the gap can be a long stretch of text
            start, end = _word_before(self._doc_text, b.start)
            word = self._doc_text[start:end]
            modifier = self._modifier_words.get(word)
            if modifier is None:  # (cached per word type; cleared if a long stream fills it)
                modifier = normalize_key(word.lstrip("وف")) in mods or normalize_key(word) in mods
                if len(self._modifier_words) > 100_000:
                    self._modifier_words.clear()
                self._modifier_words[word] = modifier
            if not modifier:
                continue
            if not _complement_gap(normalize_key(self._doc_text[b.end:p.start])):
                continue
            p.start = start
            p.text = self._doc_text[p.start:p.end]
            if p.extra.get("ref"):
                p.extra["ref"]["text"] = p.text

    def _loyal_forces(self, mentions: list[Mention]) -> list[Mention]:
        """«مجموعات موالية لحفتر», «القوات التابعة لحميدتي» (cues ``loyal_heads``/``loyal_words``): armed
        men loyal to a person who commands or leads one body are that body; one mention over the
        phrase replaces the person's."""
        if self._loyal_pattern is None:
            cues = _cues()
            heads, words = cues.get("loyal_heads") or (), cues.get("loyal_words") or ()
            self._loyal_pattern = re.compile(
                rf"(?<![^\W\d_])[وف]?(?:ال)?(?:{'|'.join(heads)})\s+(?:ال)?(?:{'|'.join(words)})\s+$") \
                if heads and words else False
        if not self._loyal_pattern:
            return mentions
        out = mentions
        for m in [m for m in mentions if m.label == "PERS" and m.actor_id and m.text.startswith("ل")]:
            # the cue words are normalised: match the normalised words before the mention, then map
            # the match back to the original by its word count
            lo = max(0, m.start - 40)
            words = list(re.finditer(r"\S+", self._doc_text[lo:m.start]))
            found = self._loyal_pattern.search(normalize_key(" ".join(w.group() for w in words[-3:])) + " ") \
                if words else None
            body = self._led_body(m.actor_id, None) if found else None
            if body is None:
                continue
            s, e = lo + words[-len(found.group(0).split())].start(), m.end
            if any(o is not m and o.start < e and s < o.end for o in out):
                continue
            text = self._doc_text[s:e]
            lab = "GPE" if self._is_state(body) else "ORG"
            out = sorted([o for o in out if o is not m] + [Mention(
                s, e, text, label=lab, actor_id=body, origin="gazetteer",
                extra={"ref": self.linker.actor_ref(body, None, text), "loyal_to": m.actor_id})], key=_SPAN)
        return out

    def _royal(self, person_id: str) -> int:
        """2 for a head of state, 1 for a head of government or a crown prince, else 0."""
        actor = self.linker.actors.by_id.get(person_id)
        offices = {r.office for r in getattr(actor, "roles", ()) or ()}
        if offices & {"president", "king", "emir", "sultan"}:
            return 2
        return 1 if offices & {"prime_minister", "crown_prince", "supreme_leader"} else 0

    def _minister(self, person_id: str, m: Mention) -> bool:
        """Whether a person mention is of a minister (by the title it was read with, or the KB's roles)."""
        role = m.extra.get("role") or ""
        if "minister" in role and role != "prime_minister":
            return True
        actor = self.linker.actors.by_id.get(person_id)
        return any("minister" in r.office and r.office != "prime_minister" for r in getattr(actor, "roles", ()) or ())

    def _dual_re(self) -> AnchoredPattern | None:
        if self._dual_pattern is None:
            cues = _cues().get("dual_anaphors") or {}
            self._dual_kinds = {normalize_key(w)[2:]: kind for kind, words in cues.items()
                                if kind != "plural_forms" for w in words}
            self._plural_duals = frozenset(normalize_key(w)[2:] for w in cues.get("plural_forms", ()))
            if not self._dual_kinds:
                self._dual_pattern = False
            else:
                stems = "|".join(sorted(self._dual_kinds, key=len, reverse=True))
                # with the article after و/ف and ب/ك, or ل + ال written «لل»
                # tried only where a dual stands, up to four letters of clitics and article before
                # it (marsad.arabic.trie)
                self._dual_pattern = AnchoredPattern(
                    re.compile(rf"(?<![^\W\d_])(?:[وف]?[بك]?ال|[وف]?لل)({stems})(?![^\W\d_])"),
                    self._dual_kinds, lead=4)
        return self._dual_pattern or None

    def _last_state_list(self, before: list[Mention], n: int) -> list[str] | None:
        """The states of the nearest coordinated list of states («السعودية والإمارات والكويت», «كل من
        مصر والأردن») before a position, when it names exactly ``n`` states."""
        top = _outermost(before)  # not the state inside a title
        run: list[str] = []
        prev: Mention | None = None
        for m in reversed(top):
            iso = self._state_in(m, persons=False)
            state = self.linker.actors.state(iso) if iso else None
            linked = prev is not None and not _LIST_GAP.sub("", self._doc_text[m.end:prev.start])
            if state is None or (prev is not None and not linked):
                if len(set(run)) == n:
                    break
                run = []
                if state is None:
                    prev = None
                    continue
            if prev is not None and (prev.start, prev.end) == (m.start, m.end):
                continue
            run.append(state.id)
            prev = m
        states = list(dict.fromkeys(reversed(run)))
        return states if len(states) == n and len(run) == n else None

    def _group_re(self) -> AnchoredPattern:
        if self._group_pattern is None:
            cues = _cues()
            # word lists as tries (longest first, as sorted alternations would be), the pattern tried
            # only where a noun occurs, up to 3 clitic letters after the start (marsad.arabic.trie)
            nouns = cues.get("state_group_nouns", ())
            numbers = trie_regex(cues.get("group_number_values", {}), space=" ")
            self._group_pattern = AnchoredPattern(re.compile(
                r"(?<!\S)[وف]?(?:لل|[بل])?(" + trie_regex(nouns, space=" ") + r")(?: [^\W\d_]+){0,2}? ("
                + numbers + r")(?![^\W\d_])"), nouns, lead=3)
        return self._group_pattern

    def _coordinated_forces(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """«نصبت قوات وميليشيات إثيوبية كميناً»: a bare force noun (cues ``force_heads``) coordinated
        with a group that a state's nisba qualifies shares the nisba — it is that state's armed forces
        (as «قوات إثيوبية» would be). Only a noun right before the «و» of the qualified mention."""
        heads = _cues()["force_heads"]
        added: list[Mention] = []
        for m in mentions:
            if not m.actor_id or not m.text.startswith("و") or m.label not in ("GPE", "ORG") \
                    or " " not in m.text.strip():  # a head and its nisba («وميليشيات إثيوبية»)
                continue
            a, b = _word_before(text, m.start)
            if b == 0 or not text[b:m.start].isspace() or normalize_key(text[a:b]) not in heads:
                continue
            iso = self.linker.actor_country(m.actor_id)
            state = self.linker.actors.state(iso) if iso and _is_iso3(iso) else None
            forces = self._state_forces(state.id) if state is not None else None
            if forces is None or any(x.start < b and a < x.end for x in mentions):
                continue
            added.append(Mention(a, b, text[a:b], label="ORG", actor_id=forces, origin="gazetteer",
                                 extra={"country": iso}))
        return sorted(mentions + added, key=_START) if added else mentions

    def _add_parenthesised(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """«قوات الأمم المتحدة المؤقتة في لبنان (يونيفيل)», «قوات سوريا الديمقراطية (قسد)»: a short name in
        brackets right after an organisation's name is that organisation (an acronym or short form)."""
        added: list[Mention] = []
        for k, m in enumerate(mentions):
            if m.label != "ORG" or not m.actor_id or m.origin != "gazetteer":
                continue
            b = _BRACKETED.match(text, m.end)
            if b is None or any(w.isdigit() for w in b.group(1).split()):
                continue
            s, e = b.span(1)
            nxt = mentions[k + 1] if k + 1 < len(mentions) else None
            if nxt is not None and nxt.start < b.end():
                continue  # the bracket already holds a mention of its own
            added.append(Mention(s, e, text[s:e], label="ORG", actor_id=m.actor_id, origin="gazetteer",
                                 extra={"short_form_of": m.start}))
        return sorted(mentions + added, key=_SPAN) if added else mentions

    def _person_names(self, actor_id: str) -> tuple[str, ...] | None:
        actor = self.linker.actors.by_id.get(actor_id)
        return actor.arabic_names() if actor is not None and actor.kind == "person" else None

    # -- document-level reading -------------------------------------------------------------
    def _state_counts(self, mentions: list[Mention]) -> dict[str, int]:
        """How often each state (ISO3) is named by a strong (not weak-alias) mention."""
        counts: dict[str, int] = {}
        for m in mentions:
            iso = None
            if m.actor_id and not m.extra.get("weak") and m.label == "GPE":
                iso = self.linker.actor_country(m.actor_id)
            elif m.label == "LOC" and not m.actor_id and m.place_id and not m.place_id.startswith("country:"):
                # «من الأحياء الشرقية لمدينة حلب»: a story told from a country's towns is about that
                # country even when the wire names only the foreign brokers as states.
                place = self.linker.places.get(m.place_id)
                iso = place.country if place is not None else None
            if iso and self.linker.actors.state(iso) is not None:
                counts[iso] = counts.get(iso, 0) + 1
        return counts

    def _dominant_countries(self, mentions: list[Mention]) -> set[str]:
        """ISO3 of the states named at least half as often as the most named one (strong mentions)."""
        counts = self._state_counts(mentions)
        top = max(counts.values(), default=0)
        return {iso for iso, n in counts.items() if 2 * n >= top}

    def _weak_by_country(self, m: Mention, dominant: set[str]) -> bool:
        # Not an outlet's one-word name: it is a common word of any article from its country
        # («المسيرة» is the drone in «الطائرات المسيرة» of a Yemeni story, «النهار» the day in a
        # Lebanese one); it counts only once the document names the outlet in full (the caller).
        one_word = " " not in m.text.strip()
        for actor_id in m.extra.get("alts") or (m.actor_id,):
            actor = self.linker.actors.by_id.get(actor_id)
            if actor is not None and actor.kind == "media" and one_word:
                continue
            if actor is not None and actor.kind not in ("person", "state") and actor.country in dominant:
                m.actor_id = actor_id
                return True
        return False

    def _held_title(self, person_id: str, h: Hit, on: date | None) -> bool:
        actor = self.linker.actors.by_id.get(person_id)
        offices = {e.ref for e in h.entries if e.kind in ("title", "possessive")}
        return actor is not None and any(r.office in offices and (on is None or r.held_on(on))
                                         for r in actor.roles or ())

    def _form_title(self, h: Hit, norm: str, ref_date: date | None) -> Mention | None:
        """A title with no state after it whose form belongs to some states' or bodies' office only
        (titles.yaml ``countries_by_form`` / ``orgs_by_form``): kept for the document-level reading."""
        form = norm[h.key_start:h.end]
        for e in h.entries:
            if e.kind != "title":
                continue
            countries, orgs = self.linker.form_owners(e.ref, form)
            if countries or orgs:
                self._nest_body(h, norm)
                return Mention(h.start, h.end, "", label="PERS", origin="form_title",
                               extra={"role": e.ref, "role_date": ref_date, "owners": (countries, orgs),
                                      "multiword": " " in form.strip()})
        return None

    def _nest_body(self, h: Hit, norm: str) -> None:
        """«رئيس مجلس السيادة الانتقالي»: a body named at the end of a title form is a mention of its own."""
        words = [m for m in re.finditer(r"\S+", norm[h.key_start:h.end])]
        for w in words[1:]:
            body = next((e for e in self.gazetteer.lookup(norm[h.key_start + w.start():h.end])
                         if e.kind == "actor" and e.label == "ORG"), None)
            if body is not None:
                self._nested.append(Mention(h.key_start + w.start(), h.end, "", label="ORG", actor_id=body.ref,
                                            origin="gazetteer"))
                return

    def _read_by_document(self, m: Mention, dominant: set[str], strong: set[str], mentions: list[Mention]) -> bool:
        """Resolve a ``form_title`` or ``gov_forces`` mention from the document's main states; False drops it.

        A form restricted to one state and several words long («رئيس مجلس السيادة الانتقالي», «خادم
        الحرمين الشريفين») is read as that state's office unless the document is mainly about other
        states; a one-word or shared form («المرشد», «المستشار», «أمير البلاد») needs its state among
        the main ones. A body's form («المفوض العام») needs the body named in the document, or (for
        a several-word form naming one body) the body's state among the main ones.
        """
        if m.origin == "gov_forces":
            top = self._top_country(mentions)
            state = self.linker.actors.state(top) if top else None
            if state is None:
                m.origin = "gazetteer"
                return bool(m.extra.get("alts")) and self._weak_by_country(m, dominant)
            forces = self._state_forces(state.id)
            unit = m.extra.pop("unit", None)
            if unit == "security":
                forces = self._state_unit(state.id, _cues().get("security_templates", ())) or forces
            elif unit == "army":
                forces = self._state_unit(state.id, _cues().get("army_templates", ())) or forces
            m.actor_id, m.label, m.origin = forces or state.id, "ORG" if forces else "GPE", "gazetteer"
            return True
        countries, orgs = m.extra.pop("owners")
        multiword = m.extra.pop("multiword")
        sole = multiword and len(countries) + len(orgs) == 1
        fits = [iso for iso in countries if iso in dominant or (sole and iso not in dominant and not dominant)]
        fits += [org for org in orgs if org in strong
                 or (sole and self.linker.actor_country(org) in dominant)]
        if len(fits) != 1:
            return False
        of = fits[0]
        m.actor_id = self.linker.office_holder(m.extra["role"], of, m.extra.get("role_date"))
        m.extra.update(country=of, unresolved=m.actor_id is None)
        m.origin = "title"
        return True

    def _top_country(self, mentions: list[Mention]) -> str | None:
        """ISO3 of the state the document names most (strong mentions), when no other state ties it."""
        counts = self._state_counts(mentions)
        ranked = sorted(counts.values(), reverse=True)
        if not ranked or (len(ranked) > 1 and ranked[1] == ranked[0]):
            return None
        return max(counts, key=counts.__getitem__)

    def _resolve_references(self, mentions: list[Mention]) -> list[Mention]:
        """Anaphors, counterparts and appositive titles, read against the mentions before them."""
        out: list[Mention] = []
        self._all_mentions = mentions
        # references resolved in place against the mentions before them; a falsy answer drops the mention
        resolvers = {"counterpart": self._counterpart, "possessive": self._possessive,
                     "title_anaphor": self._title_of_anaphor, "ministry": self._ministry}
        for m in sorted(mentions, key=_SPAN):
            resolve = resolvers.get(m.origin)
            if resolve is not None:
                if not resolve(m, out):
                    continue
            elif m.origin == "anaphor":
                m.actor_id = self._antecedent(m, out)
                if m.actor_id is None:
                    continue
                m.label = "GPE" if self.linker.actors.by_id[m.actor_id].kind == "state" else "ORG"
            elif m.origin == "plural_ref":
                group = self._plural_group(m, out)
                if not group:
                    continue
                out.extend(group[1:])
                m = group[0]
            elif m.origin == "title" and out:
                self._apposition(m, out[-1])
            out.append(m)
        return out

    def _antecedent(self, m: Mention, before: list[Mention]) -> str | None:
        noun, country = m.extra["anaphor"], m.extra.get("country")
        for a in reversed(before):
            if not a.actor_id or a.origin == "title" or a.label == "PERS":
                continue
            if country and self.linker.actor_country(a.actor_id) != country:
                continue
            if noun in _head_words(a.text) or noun in self._name_heads(a.actor_id):
                return a.actor_id
        return None

    def _name_heads(self, actor_id: str) -> frozenset[str]:
        """First words of an actor's Arabic names, normalised and without the article (cached)."""
        heads = self._heads_cache.get(actor_id)
        if heads is None:
            actor = self.linker.actors.by_id.get(actor_id)
            names = actor.arabic_names() if actor is not None else ()
            heads = frozenset(w for n in names for w in _head_words(n))
            self._heads_cache[actor_id] = heads
        return heads

    def _counterpart(self, m: Mention, before: list[Mention]) -> bool:
        """«نظيره الروسي»: the same office as the nearest office-holder named before, in that state.

        With no state named («التقى نظيره في أنقرة») the state is the one other state the sentence names
        besides the office-holder's (a two-state meeting); none or several: no mention."""
        on, iso = m.extra.get("role_date"), m.extra.get("country")
        if iso is not None and self._body_counterpart(m, before, iso):
            return True
        named = m.extra.pop("named", None)
        for a in reversed(before):
            office = a.extra.get("role") if a.origin in ("title", "counterpart") else None
            of = a.extra.get("country") if office else None
            if office is None and a.actor_id and on is not None and a.label == "PERS":
                actor = self.linker.actors.by_id.get(a.actor_id)
                role = next((r for r in getattr(actor, "roles", ()) or () if r.held_on(on)), None)
                office, of = (role.office, role.of) if role is not None else (None, None)
            if office:
                if iso is None:
                    iso = self.linker.actor_country(named) if named else \
                        self._other_state(m, of or self.linker.actor_country(a.actor_id or ""))
                    if iso is None and not named:
                        return False
                    m.extra["country"] = iso
                m.actor_id = named or self.linker.office_holder(office, iso, on)
                m.extra["role"] = office
                m.extra["unresolved"] = m.actor_id is None
                m.origin = "title"
                return True
        return False

    def _body_counterpart(self, m: Mention, before: list[Mention], iso: str) -> bool:
        """«تتعاون الشرطة الإسبانية مع نظيرتها المغربية»: a feminine counterpart after a body (no person)
        of another state named earlier in its sentence is that state's body of the same kind; the
        knowledge base seldom lists it, so the state stands for it."""
        first = normalize_key(self._doc_text[m.start:m.end].split()[0])  # with its clitics («ونظيرتها»)
        if not any(first.endswith(f) for f in _cues()["counterpart_feminine"]):
            return False
        k = bisect_right(self._sent_starts, m.start) - 1
        lo = self._sent_starts[k] if k >= 0 else 0
        prev = next((a for a in reversed(before) if a.start >= lo and a.actor_id), None)
        state = self.linker.actors.state(iso)
        if prev is None or prev.label == "PERS" or state is None or self._state_in(prev, persons=True) == iso:
            return False
        m.actor_id, m.label, m.origin = state.id, "GPE", "gazetteer"
        m.extra.pop("named", None)
        return True

    def _other_state(self, m: Mention, own: str | None) -> str | None:
        """ISO3 of the only state (or capital) named in ``m``'s sentence other than ``own``."""
        k = bisect_right(self._sent_starts, m.start) - 1
        lo = self._sent_starts[k] if k >= 0 else 0
        hi = self._sent_starts[k + 1] if k + 1 < len(self._sent_starts) else len(self._doc_text)
        states = {self._state_in(a, persons=False) for a in self._all_mentions if lo <= a.start < hi and a is not m}
        states.discard(None)
        states.discard(own)
        return states.pop() if len(states) == 1 else None

    def _state_in(self, a: Mention, persons: bool) -> str | None:
        """ISO3 of the state a mention names (a state, its capital or territory), or with ``persons`` also
        the state of a person, office or unnamed source («المصدر الإيراني»)."""
        if a.actor_id and a.label == "GPE":
            actor = self.linker.actors.by_id.get(a.actor_id)
            if actor is not None and actor.kind == "state":
                return actor.iso3
        if a.place_id and not a.actor_id:
            if a.place_id.startswith("country:"):
                return a.place_id[8:]
            place = self.linker.places.get(a.place_id)
            if place is not None and place.feature == "capital":
                return place.country
        if persons and a.label in ("PERS", "ORG") and a.origin not in ("possessive", "ministry"):
            iso = a.extra.get("country") or self.linker.actor_country(a.actor_id)
            if iso and len(iso) == 3 and self.linker.actors.state(iso) is not None:
                return iso
        return None

    def _possessive(self, m: Mention, before: list[Mention]) -> bool:
        """«وزير دفاعها» / «قوات من بلاده»: the state of the nearest fitting mention before it.

        «ها» (her/its) is a state named before, «ه» (his/its) may also be a person's state, both in the
        same sentence (or the one before, for a title of two words or more) with no definite noun in
        between that the pronoun could stand for («المنظمة ورئيسها»). «بلاده» (his country) is the
        speaker's: a person, office or unnamed source (not a state or place) in this sentence or the
        one before."""
        pron = m.extra.pop("pron")
        k = bisect_right(self._sent_starts, m.start) - 1
        one_word = pron != "own" and " " not in m.text.strip()
        first = self._sent_starts[max(k - (0 if one_word else 1), 0)] if self._sent_starts else 0
        iso = None
        for a in reversed(before):
            if a.start < first:
                break
            if pron == "own":
                iso = self._state_in(a, persons=True) if a.label in ("PERS", "ORG") else None
            else:
                iso = self._state_in(a, persons=pron == "ه")
                if iso and self._pronoun_blocked(self._doc_text[a.end:m.start], pron):
                    return False
            if iso:
                break
        if iso is None:
            return False
        state = self.linker.actors.state(iso)
        if m.label == "ORG":  # the state's forces
            forces = self._state_forces(state.id)
            m.actor_id, m.label = forces or state.id, "ORG" if forces else "GPE"
            m.origin = "gazetteer"
            return True
        m.actor_id = self.linker.office_holder(m.extra["role"], iso, m.extra.get("role_date"))
        m.extra.update(country=iso, unresolved=m.actor_id is None)
        m.origin = "title"
        return True

    @staticmethod
    def _pronoun_blocked(gap: str, pron: str) -> bool:
        """A definite noun between a state and the pronoun may be what the pronoun refers to: a feminine
        one («المنظمة», «للجمعية») for «ها», any for «ه» («الحزب»)."""
        for w in _WORDS.findall(gap):
            w = normalize_key(w)
            if _DEFINITE.match(w) and (pron == "ه" or w.endswith("ه")):
                return True
        return False

    def _ministry(self, m: Mention, before: list[Mention]) -> bool:
        """«وزارة الدفاع» alone: that ministry of the state of the nearest minister of that office (or of the
        nearest such ministry) named before it."""
        office = m.extra.pop("role")
        for a in reversed(before):
            iso = None
            if a.actor_id and self._ministries().get(a.actor_id, (None,))[0] == office:
                iso = self._ministries()[a.actor_id][1]
            elif a.label == "PERS" and a.extra.get("role") == office and a.extra.get("country"):
                iso = a.extra["country"]
            elif a.label == "PERS" and a.actor_id and a.origin != "title":
                actor = self.linker.actors.by_id.get(a.actor_id)
                on = self._published_date()
                iso = next((r.of for r in getattr(actor, "roles", ()) or ()
                            if r.office == office and on is not None and r.held_on(on)), None)
            if iso:
                ministry = self._ministry_of(office, iso)
                if ministry is None:
                    return False
                m.actor_id, m.origin = ministry, "gazetteer"
                return True
        return False

    @staticmethod
    def _dateline(doc: Document) -> str | None:
        """An article with no stated publication date: the date the time stage will infer for it (the
        latest full date written in the text, usually its dateline), so that titles are read on the
        right day («أمير الكويت» in May 2024 is Mishal, not his late brother) — recognition runs
        before the time stage."""
        from marsad.pipeline import infer_publication_date
        from marsad.time import find_dates
        inferred = infer_publication_date(find_dates(doc.text, None)) if doc.text else None
        return inferred.isoformat() if inferred else None

    def _published_date(self) -> date | None:
        # asked once per title hit: parse the document's date once (memo keyed on the string)
        if self._published_memo[0] != self._published:
            try:
                on = date.fromisoformat(self._published[:10]) if self._published else None
            except ValueError:
                on = None
            self._published_memo = (self._published, on)
        return self._published_memo[1]

    def _ministries(self) -> dict[str, tuple[str, str]]:
        """Ministry actor id → (minister's office, ISO3), from the KB names that start with a ministry form."""
        if self._ministry_index is None:
            forms = {normalize_key(f): office for office, fs in (_cues().get("ministries") or {}).items() for f in fs}
            index: dict[str, tuple[str, str]] = {}
            for actor in self.linker.actors.all():
                if actor.kind == "organization" and actor.country:
                    for name in actor.arabic_names():
                        key = normalize_key(name)
                        office = next((o for f, o in forms.items() if key.startswith(f + " ")), None)
                        if office:
                            index[actor.id] = (office, actor.country)
                            break
            self._ministry_index = index
        return self._ministry_index

    def _ministry_of(self, office: str, iso: str) -> str | None:
        return next((a for a, (o, c) in self._ministries().items() if o == office and c == iso), None)

    def _speaks_for(self, m: Mention) -> None:
        """«المتحدث باسم الجيش الإسرائيلي (دانيال هاغاري)»: a spokesman's mention records whom he speaks
        for (``speaks_for``: the body's or state's actor id, ``speaks_for_ref``: its linked ref), so that
        what he says can be read as said by that body."""
        of = m.extra.get("country") if m.label == "PERS" and m.extra.get("role") in _cues()["speaker_offices"] \
            else None
        if not of:
            return
        state = self.linker.actors.state(of) if _is_iso3(of) else None
        body = state.id if state is not None else of if of in self.linker.actors.by_id else None
        if body is not None:
            m.extra["speaks_for"] = body
            m.extra["speaks_for_ref"] = self.linker.actor_ref(body, None, m.text)

    def _anaphor_after(self, hits: list[Hit], k: int, norm: str) -> tuple[int, Mention] | None:
        """An anaphor hit at ``k`` («الجماعة», «الوزارة الإيرانية») read as the body a title names:
        (hits used, the anaphor mention), or None when hits[k] is anything else."""
        a = hits[k]
        anaphor = next((e for e in a.entries if e.kind == "anaphor"), None)
        if anaphor is None or any(e.kind in ("actor", "place", "nisba", "title") for e in a.entries):
            return None
        nxt = hits[k + 1] if k + 1 < len(hits) and _adjacent(norm, a, hits[k + 1]) else None
        state = _state_of(nxt) if nxt is not None else None
        return (2 if state else 1), Mention(
            a.start, nxt.end if state else a.end, "", label="ORG", origin="anaphor",
            extra={"anaphor": anaphor.ref, "country": self.linker.actor_country(state) if state else None})

    def _title_of_anaphor(self, m: Mention, before: list[Mention]) -> bool:
        """«المتحدث باسم الجماعة (يحيى سريع)»: the office of the body the anaphor refers back to. Without
        an antecedent the title stays only when it names its holder."""
        probe = Mention(m.start, m.end, m.text, extra={"anaphor": m.extra.pop("anaphor"),
                                                        "country": m.extra.pop("anaphor_country")})
        offices = m.extra.pop("offices")
        owner = self._antecedent(probe, before)
        m.origin = "title"
        if owner is None:
            return m.actor_id is not None
        actor = self.linker.actors.by_id[owner]
        of = actor.iso3 if actor.kind == "state" and actor.iso3 else owner
        m.extra["country"] = of
        if m.actor_id is None:
            for office in offices:
                m.actor_id = self.linker.office_holder(office, of, m.extra.get("role_date"))
                if m.actor_id:
                    m.extra["role"] = office
                    break
            m.extra["unresolved"] = m.actor_id is None
        return True

    def _plural_group(self, m: Mention, before: list[Mention]) -> list[Mention]:
        """«وزراء الدفاع الثلاثة»: copies of the nearest group of that office named before, on this span."""
        office = m.extra["role"]
        start = next((a.extra["group"] for a in reversed(before)
                      if a.extra.get("group") is not None and a.extra.get("role") == office), None)
        if start is None:
            return []
        return [Mention(m.start, m.end, m.text, label="PERS", actor_id=a.actor_id, origin="title",
                        extra={k: v for k, v in a.extra.items() if k != "ref"})
                for a in before if a.extra.get("group") == start and a.extra.get("role") == office]

    def _apposition(self, t: Mention, p: Mention) -> None:
        """«ألكسندر نوفاك نائب رئيس الوزراء الروسي»: a title right after a name describes that person
        when the person held that office (of that country) on the date."""
        if p.label != "PERS" or not p.actor_id or p.origin == "title" or t.actor_id == p.actor_id \
                or (t.actor_id and not t.extra.get("unresolved")) or p.end > t.start \
                or self._gap_text(p, t).strip(" ،,"):
            return
        on, office, of = t.extra.get("role_date"), t.extra.get("role"), t.extra.get("country")
        actor = self.linker.actors.by_id.get(p.actor_id)
        if on is None or actor is None:
            return
        if any(r.office == office and (of is None or r.of == of) and r.held_on(on) for r in actor.roles or ()):
            t.actor_id = p.actor_id
            t.extra["unresolved"] = False

    def _gap_text(self, a: Mention, b: Mention) -> str:
        return self._doc_text[a.end:b.start]

    def _reference_date(self, doc: Document, pos_norm: int, sent_starts: list[int]) -> date | None:
        """The date an office title refers to: a dated expression in its sentence, else publication."""
        if doc.dates and doc.sentences:
            k = bisect_right(sent_starts, pos_norm) - 1
            if 0 <= k < len(doc.sentences):
                s = doc.sentences[k]
                for d in doc.dates:
                    if s.start <= d.start < s.end and d.value and d.kind in ("absolute", "hijri"):
                        try:
                            v = d.value.split("/")[0]
                            return date.fromisoformat(v if len(v) == 10 else (v + "-01-01")[:10])
                        except ValueError:
                            pass
        return self._published_date()

    def _compose(self, hits: list[Hit], i: int, norm: str, doc: Document,
                 sent_starts: list[int]) -> tuple[int, Mention | None]:
        """Read hits[i] (and the hits right after it that it governs) into one mention."""
        h = hits[i]
        kinds = h.kinds  # read only: shared by the key's hits
        nxt = hits[i + 1] if i + 1 < len(hits) and _adjacent(norm, h, hits[i + 1]) else None
        if "ptitle" in kinds:
            return self._compose_plural_title(hits, i, norm, doc, sent_starts)
        own = next((e for e in nxt.entries if e.kind == "own_country"), None) \
            if nxt is not None and "own_country" in nxt.kinds else None
        if "possessive" in kinds or ("title" in kinds and own is not None):
            # «وزير دفاعها», «وزير خارجية بلاده»: whose office is read from the text before it.
            e = kinds.get("possessive") or kinds["title"]
            before = norm[:h.start].rsplit(None, 1)
            if before and before[-1] in _cues()["title_modifiers"]:
                return (1 if own is None else 2), None  # «نائب وزير خارجيتها» is the deputy
            person = _entry(nxt, "actor", "PERS") if own is None and nxt is not None else None
            if person is not None and person.weak:
                # «ولم تستدعِ طهران سفيرها حتى الآن»: a risky one-word alias («حتي», Nassif Hitti, is
                # also «حتى») names the person only when they held that office on the date.
                on = self._reference_date(doc, h.start, sent_starts)
                person = next((x for x in nxt.entries if x.kind == "actor" and x.label == "PERS"
                               and self._held_title(x.ref, h, on)), None)
            if person is not None:  # «حسب وزير خارجيتها سيرغي لافروف»: the name says who
                return 2, Mention(h.start, nxt.end, "", label="PERS", actor_id=person.ref, origin="title",
                                  extra={"role": e.ref, "role_date": self._reference_date(doc, h.start, sent_starts)})
            return (1 if own is None else 2), Mention(
                h.start, h.end if own is None else nxt.end, "", label="PERS", origin="possessive",
                extra={"role": e.ref, "pron": e.label if own is None else "own",
                       "role_date": self._reference_date(doc, h.start, sent_starts)})
        if "ministry" in kinds and (nxt is None or self._office_of(nxt) is None):
            # «وزارة الدفاع» with no state: the ministry of the state whose minister or ministry came before.
            return 1, Mention(h.start, h.end, "", label="ORG", origin="ministry", extra={"role": kinds["ministry"].ref})
        if "title" in kinds:
            office = next(e.ref for e in h.entries if e.kind == "title")
            country = None  # ISO3 of a state, or the id of an organisation («قائد فيلق القدس»)
            j = i + 1
            owner_ref = None  # «المتحدث باسم الجماعة»: the body is an anaphor, resolved after the pass
            if nxt is not None:
                country = self._office_of(nxt)
                if country:
                    j = i + 2
                else:
                    owner_ref = self._anaphor_after(hits, i + 1, norm)
                    if owner_ref is not None:
                        j = i + 1 + owner_ref[0]
                    elif (body := self._title_body(hits, i + 1, norm)) is not None:
                        # «المتحدثة باسم الخارجية الباكستانية»: a body the KB does not list by name (a
                        # head noun + a state's nisba) still names whose office the title is.
                        actor = self.linker.actors.by_id.get(body.actor_id)
                        country = getattr(actor, "iso3", None) or body.actor_id
                        self._nested.append(body)
                        j = i + 3
            person_hit = hits[j] if j < len(hits) and _adjacent(norm, hits[j - 1], hits[j]) else None
            person = _entry(person_hit, "actor", "PERS") if person_hit else None
            ref_date = self._reference_date(doc, h.start, sent_starts)
            if person is not None and person.weak:
                # «رئيس البرلمان العربي» is not Nabil «العربي»: a risky one-word alias after a title names the
                # person only when they held that office on the date («الرئيس الأسد», «الرئيس عباس» → the
                # president, not the Syrian minister also called Abbas).
                person = next((e for e in person_hit.entries if e.kind == "actor" and e.label == "PERS"
                               and self._held_title(e.ref, h, ref_date)), None)
            end = (person_hit.end if person else hits[j - 1].end)
            if person is None and owner_ref is None and (mod := _modifier_before(norm, h.start)) is not None:
                # «نائب وزير الخارجية الروسي», «مساعد وزيرة الخارجية الأميركية»: the deputy or assistant
                # is not the office's holder; with no name after it, the person is unknown (the
                # state or body stays a mention of its own when it is written as a name, not a nisba)
                if any(_entry(x, "actor", "PERS") is not None and _complement_gap(norm[end:x.start])
                       for x in hits[j:j + 3]):
                    # «مستشار رئيس الوزراء للأمن القومي رضوان حسين»: the name after the complement says who
                    return j - i, None
                # he speaks for the office's body: a minister's ministry (else the state), an
                # organisation's commander's organisation («مستشار لقائد الدعم السريع» → the RSF)
                body = (self._ministry_of(office, country) or self.linker.actors.state(country).id
                        if _is_iso3(country) and self.linker.actors.state(country) is not None else None) \
                    if country else None
                if country and not _is_iso3(country) and country in self.linker.actors.by_id:
                    body = country
                if body is None:
                    return j - i, Mention(mod, end, "", label="PERS", origin="deputy",
                                          extra={"role": office, "country": country})
                return j - i, Mention(mod, end, "", label="GPE" if self._is_state(body) else "ORG", actor_id=body,
                                      origin="gazetteer", extra={"deputy": office})
            if owner_ref is not None:
                # The office of whatever the anaphor stands for; the anaphor is a mention of its own.
                self._nested.append(owner_ref[1])
                return j - i + (1 if person else 0), Mention(
                    h.start, end, "", label="PERS", actor_id=person.ref if person else None, origin="title_anaphor",
                    extra={"role": office, "role_date": ref_date, "anaphor": owner_ref[1].extra["anaphor"],
                           "anaphor_country": owner_ref[1].extra["country"],
                           "offices": [e.ref for e in h.entries if e.kind == "title"]})
            owner = next((e for e in nxt.entries if e.kind == "actor" and e.label != "PERS"), None) \
                if country and nxt is not None else None  # not «السوداني» the person inside «…الخارجية السوداني»
            if owner is not None:
                # «وزير خارجية مصر», «قائد فيلق القدس»: the state or organisation named inside the title is
                # a mention of its own (a nisba inside a title is not, by the annotation conventions).
                self._nested.append(Mention(nxt.start, nxt.end, "", label=owner.label, actor_id=owner.ref,
                                            origin="gazetteer"))
            elif country and nxt is not None and any(e.kind == "title" and e.ref in _cues()["nisba_owner_offices"]
                                                     for e in h.entries):
                # «السفير البريطاني»: an ambassador stands for the sending state, kept as a mention of its own.
                nisba = next((e for e in nxt.entries if e.kind == "nisba" and e.label != "ORG"), None)
                if nisba is not None:
                    self._nested.append(Mention(nxt.start, nxt.end, "", label="GPE", actor_id=nisba.ref,
                                                origin="gazetteer"))
            if person and country and not _is_iso3(country):
                # «رئيس مجلس النواب الليبي عقيلة صالح»: the role is the one the body's class names, when the
                # person held it («speaker of Libya», not «president of the House»).
                for e in h.entries:
                    read = self.linker.body_office(e.ref, country, ref_date, norm[nxt.key_start:nxt.end],
                                                   norm[h.key_start:h.end]) \
                        if e.kind == "title" and self.linker.office_holder(e.ref, country, ref_date) is None else None
                    if read is not None and read[0] == person.ref:
                        office, country = read[1], read[2]
                        break
            if person:
                return j - i + 1, Mention(h.start, end, "", label="PERS", actor_id=person.ref, origin="title",
                                          extra={"role": office, "role_date": ref_date, "country": country})
            if country:
                # One title form can name several offices («قائد»: commander or leader): take the one
                # that somebody held for that country/organisation on the date.
                holder = None
                for e in h.entries:
                    if e.kind == "title":
                        holder = self.linker.office_holder(e.ref, country, ref_date)
                        if holder:
                            office = e.ref
                            break
                if holder is None and not _is_iso3(country):
                    # «رئيس مجلس النواب الليبي», «قائد الجيش اللبناني»: nobody is *president* of the House or
                    # *commander* of the army — the body's class names the office (speaker, army commander).
                    written = norm[nxt.key_start:nxt.end]
                    for e in h.entries:
                        read = self.linker.body_office(e.ref, country, ref_date, written, norm[h.key_start:h.end]) \
                            if e.kind == "title" else None
                        if read is not None:
                            holder, office, country = read
                            break
                return j - i, Mention(h.start, end, "", label="PERS", actor_id=holder, origin="title",
                                      extra={"role": office, "role_date": ref_date, "country": country,
                                             "unresolved": holder is None})
            return 1, self._form_title(h, norm, ref_date)
        if "gov_forces" in kinds and all(e.weak for e in h.entries if e.kind == "actor"):
            # «القوات الحكومية (السورية)»: a state's forces; without a nisba, the document's main state's
            # (a weak alias of one state's army is kept as the reading for a tie between states).
            state = _state_of(nxt) if nxt is not None else None
            if state is None:
                return 1, Mention(h.start, h.end, "", label="ORG", origin="gov_forces",
                                  extra={"alts": [e.ref for e in h.entries if e.kind == "actor"]})
            forces = self._state_forces(state)
            return 2, Mention(h.start, nxt.end, "", label="ORG" if forces else "GPE", actor_id=forces or state,
                              origin="gazetteer")
        if "head" in kinds and any(e.ref == "counterpart" for e in h.entries):
            counterpart = self._compose_counterpart(hits, i, norm, nxt, doc, sent_starts)
            if counterpart is not None:
                return counterpart
        if "head" in kinds and nxt is not None:
            if any(e.kind == "title" for e in nxt.entries) and any(e.ref == "regime" for e in h.entries):
                return self._compose_regime_title(hits, i, norm, doc, sent_starts)
            composed = self._compose_head(h, nxt)
            if composed is not None:
                return self._more_nisbas(hits, i + 2, norm, nxt, composed), composed
        actor = kinds.get("actor")
        place_entries = [e for e in h.entries if e.kind == "place"] if "place" in kinds else []
        if actor is None and not place_entries and (nxt is None or _state_of(nxt) is None):
            # «فتحت قوات الأمن النار», «والجيش يحقق»: security forces or the army with no state named,
            # read as the document's main state's (resolved after the pass, like «القوات الحكومية»)
            unit = self._document_unit(h, norm)
            if unit is not None:
                return 1, Mention(h.start, h.end, "", label="ORG", origin="gov_forces", extra={"alts": [], "unit": unit})
        if actor is None and not place_entries:
            anaphor = kinds.get("anaphor")
            if anaphor is not None:
                state = _state_of(nxt) if nxt is not None else None
                end = nxt.end if state is not None else h.end
                return (2 if state is not None else 1), Mention(
                    h.start, end, "", label="ORG", origin="anaphor",
                    extra={"anaphor": anaphor.ref, "country": self.linker.actor_country(state) if state else None})
            nisba = kinds.get("nisba")
            if nisba is not None and nisba.label == "PL" and (
                    "ال" in h.prefix or _previous_word(norm, h.start) in _cues()["people_after"]):
                # «الإيرانيون», «للروسيين»: the definite plural adjective names the state's people;
                # so does an indefinite one right after a preposition («النار على فلسطينيين») — after a
                # noun it is that noun's adjective («مسؤولين إيرانيين»)
                return 1, Mention(h.start, h.end, "", label="GPE", actor_id=nisba.ref, origin="gazetteer")
            return 1, None
        as_place = self._place_context(norm, h) or self._coordinated_place(norm, h)
        hint = self._doc_country
        if actor is None:
            if not as_place and all(e.weak for e in place_entries):
                return 1, None
            self._last_place_end = h.end
            return 1, Mention(h.start, h.end, "", label="LOC", place_id=self.linker.best_place(h, hint),
                              origin="gazetteer")
        ref_date = self._reference_date(doc, h.start, sent_starts)
        actor_entry = self.linker.choose_actor(
            [actor] if len(h.entries) == 1 else [e for e in h.entries if e.kind == "actor"], ref_date, norm)
        if actor_entry.label == "PERS" and not place_entries and not h.prefix and " " not in norm[h.key_start:h.end] \
                and _previous_word(norm, h.start) in _cues()["not_before_person_alias"]:
            return 1, None  # «في ولايتي هيرشبيلي»: a noun («two states of»), not the person
        m = Mention(h.start, h.end, "", label=actor_entry.label, actor_id=actor_entry.ref, origin="gazetteer",
                    extra={"weak": actor_entry.weak})
        if actor_entry.weak:
            m.extra["alts"] = [e.ref for e in h.entries if e.kind == "actor" and e.weak]
            if actor_entry.label == "GPE" and _names_state(norm, h):
                m.extra["weak"] = False  # «طردت مالي», «في مالي»: the state, not «مالي» (financial)
        if actor_entry.label == "GPE":
            country = self.linker.actor_country(actor_entry.ref)
            if place_entries:
                # A capital: «في دمشق» is the city; «قالت دمشق» / «بين دمشق وطهران» may be the government,
                # so without a place cue the mention carries both readings and the event stage chooses.
                m.place_id = self.linker.best_place(h, country)
                if as_place:
                    m.label, m.actor_id = "LOC", None
            elif as_place:
                m.place_id = self.linker.country_place(actor_entry.ref)
            if as_place:
                self._last_place_end = h.end
            if country and not as_place:
                self._doc_country = self._doc_country or country
        return 1, m

    def _compose_counterpart(self, hits: list[Hit], i: int, norm: str, nxt: Hit | None, doc: Document,
                             sent_starts: list[int]) -> tuple[int, Mention] | None:
        """«(و/ل/ب)نظيره السوري», «بنظيرتها الألمانية»: a counterpart in the state of the nisba (or state
        name) that follows; a singular one with no state after it («التقى نظيره») is the counterpart in
        the other state of the sentence, found after the pass. A known name right after it says who."""
        h = hits[i]
        state = _state_of(nxt) if nxt is not None else None
        if state is None and normalize_key(norm[h.key_start:h.end]) not in _cues()["counterpart_singular"]:
            return None
        last = nxt if state is not None else h
        k = i + (2 if state is not None else 1)
        named = _entry(hits[k], "actor", "PERS") if k < len(hits) and _adjacent(norm, last, hits[k]) else None
        # Resolved after the pass, from the nearest office-holder before it.
        m = Mention(h.start, last.end, "", label="PERS", origin="counterpart",
                    extra={"country": self.linker.actor_country(state) if state else None,
                           "role_date": self._reference_date(doc, h.start, sent_starts)})
        if named is not None and not named.weak:
            m.extra["named"] = named.ref
        return k - i, m

    def _compose_plural_title(self, hits: list[Hit], i: int, norm: str, doc: Document,
                              sent_starts: list[int]) -> tuple[int, Mention | None]:
        """«وزراء دفاع (كل من) روسيا وإيران وسوريا»: one mention per state's office-holder."""
        h = hits[i]
        office = next(e.ref for e in h.entries if e.kind == "ptitle")
        states: list[str] = []
        state_hits: list[Hit] = []
        j = i + 1
        prev = h
        while j < len(hits):
            gap = norm[prev.end:hits[j].start].strip(' "\'،,')
            if gap not in ("", "كل من") or (gap and states):
                break
            iso = self._office_of(hits[j]) if not any(e.kind == "actor" and e.label == "ORG"
                                                      for e in hits[j].entries) else None
            if not iso:
                break
            states.append(iso)
            state_hits.append(hits[j])
            named = next((e for e in hits[j].entries if e.kind == "actor" and e.label == "GPE"), None)
            if named is not None:  # «روسيا» in the list is also a mention of the state itself
                self._nested.append(Mention(hits[j].start, hits[j].end, "", label="GPE", actor_id=named.ref,
                                            origin="gazetteer"))
            prev = hits[j]
            j += 1
        if not states:
            # «وزراء الدفاع الثلاثة» with no states: the group of ministers named before (after the pass).
            # Any other word after it («وزراء الخارجية العرب») makes it a different group.
            after = _NEXT_WORD.match(norm, h.end)
            word = after.group(1) if after else ""
            if word and word not in _cues()["group_numbers"] and (word.startswith("ال") or word in self.place_cues):
                return 1, None
            end = after.end(1) if word in _cues()["group_numbers"] else h.end
            return 1, Mention(h.start, end, "", label="PERS", origin="plural_ref", extra={"role": office})
        ref_date = self._reference_date(doc, h.start, sent_starts)
        mentions = []
        # One mention per holder, each on its own words, so that no two holders share a span (an
        # unknown holder has no actor id, and same-span copies read as duplicates in mentions.jsonl):
        # the first holder is the title + the first state («وزراء خارجية مصر»), each later one the
        # state that elides the title («والأردن» = «ووزير خارجية الأردن»). The coordination joins
        # them into one group downstream. Each state named in the list stays a mention of its own, as
        # inside any title.
        for iso, sh in zip(states, state_hits, strict=True):
            holder = self.linker.office_holder(office, iso, ref_date)
            mentions.append(Mention(h.start if sh is state_hits[0] else sh.start, sh.end, "", label="PERS",
                                    actor_id=holder, origin="title",
                                    extra={"role": office, "role_date": ref_date, "country": iso,
                                           "group": h.start}))
        self._nested.extend(mentions[1:])
        return j - i, mentions[0]

    def _compose_regime_title(self, hits: list[Hit], i: int, norm: str, doc: Document,
                              sent_starts: list[int]) -> tuple[int, Mention | None]:
        """«نظام الرئيس السوري بشار الأسد»: the regime head + a head of state's title is that state."""
        consumed, title = self._compose(hits, i + 1, norm, doc, sent_starts)
        state = self.linker.led_state(title.actor_id) if title is not None and title.actor_id else None
        if title is None or state is None:
            if title is not None:
                self._nested.append(title)
            return 1 + consumed, None
        self._nested.append(title)
        return 1 + consumed, Mention(hits[i].start, title.end, "", label="GPE", actor_id=state, origin="gazetteer")

    def _more_nisbas(self, hits: list[Hit], k: int, norm: str, prev: Hit, composed: Mention) -> int:
        """«التنسيق الروسي الإيراني», «الاتفاق الروسي والإيراني»: each further nisba adds its state, same span.

        Returns how many hits the mention used (from the head on)."""
        start = k - 2
        if composed.label not in ("GPE", "ORG") or not composed.actor_id \
                or not any(e.kind == "nisba" for e in prev.entries) or composed.place_id:
            return k - start
        states = []
        while k < len(hits) and _adjacent(norm, prev, hits[k]) and hits[k].prefix in ("", "و", "ال", "وال"):
            nisba = next((e for e in hits[k].entries if e.kind == "nisba" and e.label != "PL"), None)
            if nisba is None:
                break
            states.append(nisba)
            prev = hits[k]
            k += 1
        if states:
            composed.end = prev.end
            for nisba in states:
                self._nested.append(Mention(composed.start, prev.end, "", label="ORG" if nisba.label == "ORG" else "GPE",
                                            actor_id=nisba.ref, origin="gazetteer"))
        return k - start

    def _compose_head(self, h: Hit, nxt: Hit) -> Mention | None:
        """A noun + a state's nisba (or + a leader's name) read as one mention, by the noun's class."""
        heads = {e.ref for e in h.entries if e.kind == "head"}
        if "force" in heads and any(e.kind == "own_country" for e in nxt.entries):
            # «قوات من بلاده»: the forces of the speaker's state, found after the pass.
            return Mention(h.start, nxt.end, "", label="ORG", origin="possessive", extra={"pron": "own"})
        nisba = next((e for e in nxt.entries if e.kind == "nisba"), None)
        if nisba is not None and nisba.label == "ORG":
            # A bloc's adjective («التدخلات الغربية», «الدعم الأوروبي») only after an agent noun.
            return Mention(h.start, nxt.end, "", label="ORG", actor_id=nisba.ref, origin="gazetteer") \
                if "agent" in heads else None
        if nisba is not None:
            state = nisba.ref
            source = _cues().get("source_actor")
            if "source" in heads and source in self.linker.actors.by_id:
                # «مصدر إيراني»: an unnamed source, with the state as its country.
                m = Mention(h.start, nxt.end, "", label="ORG", actor_id=source, origin="gazetteer")
                m.extra["country"] = self.linker.actor_country(state)
                return m
            if "protest" in heads and _cues().get("protesters_actor") in self.linker.actors.by_id:
                # «المتظاهرون العراقيون», «محتجون إيرانيون»: the generic protesters, of that state.
                m = Mention(h.start, nxt.end, "", label="ORG", actor_id=_cues()["protesters_actor"],
                            origin="gazetteer")
                m.extra["country"] = self.linker.actor_country(state)
                return m
            if "police" in heads or "security" in heads or "border" in heads:
                # «الشرطة التركية», «قوات الأمن العراقية», «حرس الحدود السوري»: the state's police, security
                # or border-guard body as the KB names it; police falls back to the security forces, those
                # (and border guards) to the armed forces, and without any such body the state itself acts.
                cues = _cues()
                unit = (self._state_unit(state, cues.get("border_templates", ())) if "border" in heads else None) \
                    or (self._state_unit(state, cues.get("police_templates", ())) if "police" in heads else None) \
                    or self._state_unit(state, cues.get("security_templates", ())) \
                    or (self._state_forces(state) if "security" in heads or "border" in heads else None)
                return Mention(h.start, nxt.end, "", label="ORG" if unit else "GPE", actor_id=unit or state,
                               origin="gazetteer")
            if "air" in heads:
                # «طائرات روسية», «المقاتلات الإيرانية» = that state's air force, as the KB names it.
                air = self._state_unit(state, ("الطيران ال{m}", "القوات الجوية ال{f}", "سلاح الجو ال{m}"))
                if air:
                    return Mention(h.start, nxt.end, "", label="ORG", actor_id=air, origin="gazetteer")
            if "force" in heads:
                # «الوحدات الروسية» = «القوات الروسية»: whatever the KB calls that state's forces.
                force = self._state_forces(state)
                return Mention(h.start, nxt.end, "", label="ORG" if force else "GPE", actor_id=force or state,
                               origin="gazetteer")
            if "capital" in heads:
                place = self.linker.capital_place(state)
                if place:
                    return Mention(h.start, nxt.end, "", label="LOC", place_id=place, origin="gazetteer")
            if "land" in heads:
                return Mention(h.start, nxt.end, "", label="LOC", place_id=self.linker.country_place(state),
                               origin="gazetteer")
            if "state_body" in heads:
                # «وزارة الخارجية الأذربيجانية», «البرلمان التركي»: a body the knowledge base does not
                # list (those it lists matched as whole names before): it acts for its state
                return Mention(h.start, nxt.end, "", label="ORG", actor_id=state, origin="gazetteer")
            if "agent" in heads and not getattr(self.linker.actors.by_id.get(state), "ambiguous", False):
                # (an ambiguous state's adjective is a common word there: «الدعم المالي» is financial)
                return Mention(h.start, nxt.end, "", label="GPE", actor_id=state, origin="gazetteer")
            return None
        if "media" in heads:
            outlet = next((e for e in nxt.entries if e.kind == "actor" and self.linker.sector(e.ref) == "MED"), None)
            if outlet is not None:  # «وكالة "فارس"»: the head makes an ambiguous outlet name certain
                return Mention(h.start, nxt.end, "", label="ORG", actor_id=outlet.ref, origin="gazetteer")
        if "regime" in heads:
            person = next((e for e in nxt.entries if e.kind == "actor" and e.label == "PERS"), None)
            state = self.linker.led_state(person.ref) if person else None
            if state:
                # «نظام بشار الأسد» is the state; the leader named inside it is a mention of its own.
                self._nested.append(Mention(nxt.start, nxt.end, "", label="PERS", actor_id=person.ref,
                                            origin="gazetteer"))
                return Mention(h.start, nxt.end, "", label="GPE", actor_id=state, origin="gazetteer")
        return None

    def _document_unit(self, h: Hit, norm: str) -> str | None:
        """«قوات الأمن» (a security head of two words or more) → "security"; «الجيش» alone (cues
        ``document_army_words``) with no definite word after it → "army"; anything else None."""
        if " " in norm[h.key_start:h.end].strip() and any(e.kind == "head" and e.ref == "security" for e in h.entries):
            return "security"
        if norm[h.start:h.end] in _cues().get("document_army_words", ()):
            nxt = _NEXT_WORD.match(norm, h.end)
            if nxt is None or not nxt.group(1).startswith("ال"):
                return "army"
        return None

    def _title_body(self, hits: list[Hit], k: int, norm: str) -> Mention | None:
        """hits[k] and hits[k + 1] read as a body named by a head noun and a state's nisba («الخارجية
        الباكستانية»), or None (not such a pair, or a reading with no actor)."""
        if k + 1 >= len(hits) or not any(e.kind == "head" for e in hits[k].entries) \
                or not _adjacent(norm, hits[k], hits[k + 1]):
            return None
        body = self._compose_head(hits[k], hits[k + 1])
        if body is None or not body.actor_id or body.label not in ("ORG", "GPE"):
            return None
        return body

    def _state_unit(self, state_id: str, templates: tuple[str, ...]) -> str | None:
        """The KB actor named by a template filled with the state's nisba («الطيران ال{m}» → «الطيران الروسي»)."""
        forms = self.linker.nisba_forms(state_id)
        masc = [n for n in forms if not n.endswith("ة")]
        fem = [n for n in forms if n.endswith("ة")]
        for tpl in templates:
            for m, f in zip(masc or [""], fem or [""], strict=False):
                for e in self.gazetteer.lookup(tpl.format(m=m, f=f)):
                    if e.kind == "actor" and e.label == "ORG":
                        return e.ref
        return None

    def _state_forces(self, state_id: str) -> str | None:
        for nisba in self.linker.nisba_forms(state_id):
            if nisba.endswith("ة"):
                for e in self.gazetteer.lookup("القوات ال" + nisba):
                    if e.kind == "actor" and e.label == "ORG":
                        return e.ref
        return None

    def _office_of(self, h: Hit) -> str | None:
        """Whose office a title names: a state (nisba or name) → ISO3, an organisation → its id."""
        for e in h.entries:
            if e.kind == "nisba" or (e.kind == "actor" and e.label == "GPE"):
                return self.linker.actor_country(e.ref)
        for e in h.entries:
            if e.kind == "actor" and e.label == "ORG":
                return e.ref
        return None

    def _coordinated_place(self, norm: str, h: Hit) -> bool:
        """«في العراق وسوريا»: a name joined by «و» to a name just read as a place is a place too."""
        return h.prefix.startswith("و") and self._last_place_end >= 0 \
            and not norm[self._last_place_end:h.start].strip(" ،,")

    def _place_context(self, norm: str, h: Hit) -> bool:
        """«بدمشق», «في دمشق», «العاصمة دمشق»: the name is used as a place."""
        if "ب" in h.prefix:
            return True
        prev = _last_words(norm, h.start)
        if not prev:
            return False
        last = prev[-1]
        if last == "من" and len(prev) >= 2:
            if prev[-2] in ("كل", "وكل"):
                return False  # «كل من موسكو ودمشق»: "both Moscow and Damascus", not "from Moscow"
            if self.linker.agent_before_from(prev[-2]):
                return False  # «طلب من طهران», «بدعم من موسكو»: who asks or gives, not a place
        if last.strip('"') in self.process_heads:
            return True  # «مسار أستانا», «مؤتمر برلين»: a process or conference named after the city
        return last in self.place_cues

    # -- names the knowledge base does not know ------------------------------------------------
    def _add_ner(self, doc: Document, known: list[Mention]) -> list[Mention]:
        """Add the NER model's names that the knowledge base did not find.

        Where NER and the gazetteer overlap the gazetteer wins, with two exceptions: an unknown name
        right after an office title is that office-holder («نائب رئيس الوزراء الروسي ألكسندر نوفاك»),
        and an unknown full name that contains a risky one-word alias is the unknown person («عباس
        موسوي» is not Mahmoud Abbas).
        """
        if not doc.tokens:
            return known
        tagger = self._tagger()
        if tagger is None:
            return known
        mentions = sorted(known, key=_START)
        pre = self._prepared.pop(id(doc), None)
        if pre is not None and pre[0] is doc.tokens:  # tagged with other documents by prepare()
            sentences, tagged = pre[1], pre[2]
        else:
            sentences = _tokens_by_sentence(doc)
            # one batched call over the document's sentences, read as one story: a name repeated
            # through it shares the evidence of all its mentions (the model's document features)
            tagged = tagger.tag_batch([list(map(_TEXT, toks)) for toks in sentences], doc_window=DOC_WINDOW)
        # the longest mention (an upper bound, kept up to date by _merge_ner): only mentions starting
        # within that distance before a span can reach it
        reach = max((m.end - m.start for m in mentions), default=0)
        for toks, tags in zip(sentences, tagged, strict=True):
            for start, end, label in _bio_spans(toks, tags):
                reach = self._merge_ner(doc, mentions, start, end, label, reach)
        return mentions

    def prepare(self, docs: list[Document]) -> None:
        """Tag the sentences of all ``docs`` with the NER model in one batch; each document's call
        then uses its tags (the same tags as tagging it alone: each document's evidence is its own)."""
        self._prepared.clear()
        tagger = self._tagger()
        if tagger is None:
            return
        groups = [_tokens_by_sentence(doc) if doc.tokens else [] for doc in docs]
        tags = tagger.tag_documents([[list(map(_TEXT, toks)) for toks in group] for group in groups], DOC_WINDOW)
        for doc, group, doc_tags in zip(docs, groups, tags, strict=True):
            if doc.tokens:
                self._prepared[id(doc)] = (doc.tokens, group, doc_tags)

    def _names_after_titles(self, doc: Document, mentions: list[Mention]) -> None:
        """An unknown holder's name right after an office title that the NER model missed joins the
        title, as an NER name would (recogniser cues ``name_after_title_*``).

        Only a title that names no known holder, followed by one to four words none of which is
        covered by a mention or a date, that end at a punctuation mark or a word of
        ``name_after_title_ends``, and whose last word is not a known word: «ممتاز زهرة بلوش إن».
        """
        cues = _cues()
        taken = sorted([(m.start, m.end) for m in mentions] + [(d.start, d.end) for d in doc.dates])
        starts = [a for a, _ in taken]
        # «اتهم المتحدث باسم الخارجية الإثيوبية دينا مفتي السودان …»: the object after the name is a
        # state or body the document names, so a known non-person mention ends the name as well
        named_starts = {x.start for x in mentions if x.label in ("GPE", "ORG") and x.actor_id}
        for m in list(mentions):
            if m.label != "PERS" or m.origin not in ("title", "title_anaphor") or m.actor_id \
                    or (m.extra.get("ref") or {}).get("id", "").startswith("unresolved:"):
                continue
            found = _NAME_WORDS.match(doc.text, m.end)
            while found is not None and normalize_key(found.group(1).split()[0]) in cues["title_name_gap"]:
                found = _NAME_WORDS.match(doc.text, m.end + found.group(0).index(found.group(1).split()[0])
                                          + len(found.group(1).split()[0]))
            if found is None:
                continue
            spans = [(w.start(), w.end()) for w in _NAME_TOKEN.finditer(doc.text, found.start(1), found.end(1))]
            while spans:  # the longest run of words that a name-ending word or mark follows
                end = spans[-1][1]
                nxt = _NEXT_WORD.match(doc.text, end)
                if doc.text[end:end + 1] in _NAME_END_MARKS or (
                        nxt and doc.text[end:end + 1].isspace()
                        and (normalize_key(nxt.group(1)) in cues["name_after_title_ends"]
                             or nxt.start(1) in named_starts)):
                    break
                spans.pop()
            words = [doc.text[a:b] for a, b in spans]
            if not words or normalize_key(words[0])[:2] in ("ال", "لل") \
                    or any(normalize_key(w) in cues["name_after_title_stop"] for w in words) \
                    or (in_lexicon(words[-1]) and not self._name_like(words)) or len(words[-1]) < 3:
                continue
            start = found.start(1)
            k = bisect_left(starts, end)
            if any(a < end and start < b for a, b in taken[max(0, k - 4):k + 1]):
                continue
            self._extend_title(doc, m, start, end)

    def _name_like(self, words: list[str]) -> bool:
        """«دينا مفتي», «علي حداد»: a run of two or more words whose first is a known first name or no
        known word is a name even when its last word is also a common word («مفتي», «حداد»)."""
        head = words[0]
        return len(words) >= 2 and (normalize_key(head) in self._first_names() or not in_lexicon(head))

    def _names_after_descriptors(self, doc: Document, mentions: list[Mention]) -> list[Mention]:
        """«رجل الأعمال علي حداد», «الناشطة سارة …»: a person descriptor (cues ``person_descriptors``)
        followed by a known person's first name and one to three more name words that end as a name
        after a title does (a mark, a ``name_after_title_ends`` word or a known state/body) is an
        unknown person the NER model missed. The new mention spans the descriptor and the name; spans
        that any mention or date already covers are left alone."""
        found_desc = _find_descriptors(doc.text)
        if not found_desc:
            return mentions
        cues = _cues()
        first = self._first_names()
        taken = sorted([(m.start, m.end) for m in mentions] + [(d.start, d.end) for d in doc.dates])
        starts = [a for a, _ in taken]
        named = {x.start: x for x in mentions if x.label in ("GPE", "ORG") and x.actor_id}
        unknown = {x.start: x for x in mentions if x.label == "PERS" and x.origin == "ner" and not x.actor_id}
        added: list[Mention] = []
        moved = False
        for d in found_desc:
            at = d.end()
            via = _IN_BODY.match(doc.text, at)  # «القيادي في حماس محمود …»
            if via is not None and via.start(1) in named:
                body = named[via.start(1)]
                at = body.end
            word = _NEXT_WORD.match(doc.text, at)
            ner = unknown.get(word.start(1)) if word is not None and doc.text[at:word.start(1)].isspace() else None
            if ner is not None and ner.start == word.start(1):
                # «الصحفية سارة أحمد» tagged by the model as «سارة أحمد»: the unknown person's mention
                # takes its descriptor, as an office holder's takes the title
                ner.start, ner.text = d.start(1), doc.text[d.start(1):ner.end]
                ner.extra["descriptor"] = normalize_key(d.group(1))
                (ner.extra.get("ref") or {})["text"] = ner.text
                moved = True
                continue
            found = _NAME_WORDS.match(doc.text, at)
            if found is None:
                continue
            spans = [(w.start(), w.end()) for w in _NAME_TOKEN.finditer(doc.text, found.start(1), found.end(1))]
            if normalize_key(doc.text[spans[0][0]:spans[0][1]]) not in first:
                continue
            stop = next((i for i, (a, b) in enumerate(spans)
                         if i and normalize_key(doc.text[a:b]) in cues["name_after_title_stop"]), None)
            spans = spans[:stop]  # «علي حداد في العاصمة»: the name ends before «في»
            while len(spans) > 1:  # the longest run of words that a name-ending word, mark or body follows
                end = spans[-1][1]
                nxt = _NEXT_WORD.match(doc.text, end)
                if doc.text[end:end + 1] in _NAME_END_MARKS or end == len(doc.text) or (
                        nxt and doc.text[end:end + 1].isspace()
                        and (normalize_key(nxt.group(1)) in cues["name_after_title_ends"]
                             or nxt.start(1) in named)):
                    break
                spans.pop()
            words = [doc.text[a:b] for a, b in spans]
            # (the first word is a known first name: «علي» normalises as the preposition «على» does)
            if len(words) < 2 or any(normalize_key(w) in cues["name_after_title_stop"] for w in words[1:]):
                continue
            start, end = found.start(1), spans[-1][1]
            k = bisect_left(starts, end)
            if any(a < end and d.start() < b for a, b in taken[max(0, k - 6):k + 1]
                   if not (a >= d.end() and b <= start)):  # a body between descriptor and name is fine
                continue
            m = Mention(d.start(1), end, doc.text[d.start(1):end], label="PERS", origin="ner", score=0.6)
            ref = self.linker.unresolved_ref(doc.text[start:end], "PERS")
            ref["text"] = m.text
            m.extra["ref"] = ref
            m.extra["descriptor"] = normalize_key(d.group(1))
            added.append(m)
        if not added and not moved:
            return mentions
        return sorted(mentions + added, key=_START)

    def _extend_title(self, doc: Document, title: Mention, start: int, end: int) -> None:
        """The title mention now ends with the unknown holder's name ``doc.text[start:end]``."""
        text = doc.text[start:end]
        role = title.extra.get("role")
        title.end, title.text, title.actor_id = end, doc.text[title.start:end], None
        ref = self.linker.unresolved_ref(text, "PERS")
        ref["role"] = self.linker.office_name(role) if role else None
        ref["country"] = ref["country"] or (title.extra.get("ref") or {}).get("country")
        ref["text"] = title.text
        title.extra["ref"] = ref

    def _merge_ner(self, doc: Document, mentions: list[Mention], start: int, end: int, label: str,
                   reach: int) -> int:
        """Merge one NER span into ``mentions`` (kept sorted by start; no mention is longer than
        ``reach``); returns the bound for the mentions as they are now."""
        if label in ("PERS", "ORG"):
            start = _past_event_words(doc.text, start, end)
            if start >= end:
                return reach
        if label == "PERS":
            start = self._past_clitic_noun(doc.text, start, end)
            words = list(_NAME_TOKEN.finditer(doc.text, start, end))
            if len(words) >= 3 and words[-1].group(0)[:1] == "و" and len(words[-1].group(0)) >= 4 \
                    and doc.text[words[-2].end():words[-1].start()].isspace():
                # «برحيل بن صالح وبلعيز»: a name coordinated after a full name is a second person
                reach = self._merge_ner(doc, mentions, start, words[-2].end(), label, reach)
                return self._merge_ner(doc, mentions, words[-1].start() + 1, end, label, reach)
        # only mentions starting in (start - reach, end) can overlap the span
        text = doc.text[start:end]
        overlapping = [m for m in mentions[bisect_right(mentions, start - reach, key=_START):
                                           bisect_left(mentions, end, key=_START)] if start < m.end]
        if label == "PERS":
            if overlapping and all(m.extra.get("alias_weak") and start <= m.start and m.end <= end
                                   for m in overlapping) and (end - start) > max(m.end - m.start for m in overlapping) \
                    and not self._verb_before_surname(doc.text, mentions, overlapping, start):
                for m in overlapping:
                    mentions.remove(m)
                overlapping = []
            # a title separated from the name by white space or ranks and honorifics only («العميد»,
            # at most three short words): a title ending in [start - 60, start] starts in
            # [start - 60 - reach, start]
            title = next((m for m in mentions[bisect_left(mentions, start - 60 - reach, key=_START):
                                              bisect_right(mentions, start, key=_START)]
                          if m.origin == "title" and m.end <= start and _rank_gap(doc.text[m.end:start])), None)
            if title is not None and not overlapping:
                self._extend_title(doc, title, start, end)
                return max(reach, end - title.start)
        if overlapping:
            return reach
        m = Mention(start, end, text, label=label, origin="ner", score=0.6)
        if label == "LOC":
            m.place_id = self.linker.place_by_name(text)
            if m.place_id:
                m.extra["location"] = self.linker.location(m.place_id, text)
        elif label in ("PERS", "ORG"):
            m.extra["ref"] = self.linker.unresolved_ref(text, label)
        insort_right(mentions, m, key=_START)  # after those with the same start, as a stable sort puts it
        return max(reach, end - start)

    def _past_clitic_noun(self, text: str, start: int, end: int) -> int:
        """«للمطالبة برحيل بن صالح»: the tagger glues a verbal noun behind «ب/ل» to the name after it.
        A first word of a span of three words or more that is «ب/ل» + a known word of four letters or
        more, and is itself neither a known word nor a known name word, is left out."""
        words = list(_NAME_TOKEN.finditer(text, start, end))
        if len(words) < 3:
            return start
        first = words[0].group(0)
        if first[:1] not in "بل" or len(first) < 5 or first[1:3] == "ال" or in_lexicon(first) \
                or not in_lexicon(first[1:]):
            return start
        key = normalize_key(first)
        if key in self._first_names() or key in name_part_words():
            return start
        return words[1].start()

    def _verb_before_surname(self, text: str, mentions: list[Mention], inside: list[Mention], start: int) -> bool:
        """«من جهته، طالب السرّاج بنشر قوة …»: the tagger reads the verb before a surname as a first
        name. One word before a person's one-word alias, when that person is named in full earlier in
        the document and the word is no known person's first name, is not part of the name («ماهر
        الأسد» after «بشار الأسد» stays Maher's, as «ماهر» is a first name the knowledge base knows)."""
        if len(inside) != 1 or inside[0].label != "PERS" or not inside[0].actor_id:
            return False
        alias = inside[0]
        prefix = text[start:alias.start].split()
        if len(prefix) != 1 or normalize_key(prefix[0]) in self._first_names():
            return False
        return any(m.actor_id == alias.actor_id and not m.extra.get("alias_weak") and m.end <= start
                   for m in mentions)

    def _tagger(self):  # noqa: ANN202
        if self._ner is None:
            try:
                from marsad.recognize.ner import load_ner
                self._ner = load_ner()
            except Exception as exc:  # the model is optional for the gazetteer to work
                log.warning("NER model unavailable (%s); only known names will be found", exc)
                self._ner = False
        return self._ner or None


# «(يونيفيل)», «(قسد)», «(UNIFIL)»: one to four words of letters in brackets right after a name.
_BRACKETED = re.compile(r"[ \t]*[(\[][ \t]*([^\W\d_]+(?:[ .\-][^\W\d_]+){0,3})\.?[ \t]*[)\]]")
def _outermost(mentions: list[Mention]) -> list[Mention]:
    """The mentions no other span of the list contains (``o.start <= m.start and m.end <= o.end`` with
    another span), in their order: one pass over the longest end per start instead of comparing every
    pair (the mentions before a dual noun can be most of the document)."""
    if len(mentions) < 2:
        return list(mentions)
    longest: dict[int, int] = {}  # start → the longest end of a span starting there
    for m in mentions:
        if m.end > longest.get(m.start, -1):
            longest[m.start] = m.end
    reach: dict[int, int] = {}  # start → the longest end of the spans starting before it
    far = -1
    for start in sorted(longest):
        reach[start] = far
        far = max(far, longest[start])
    return [m for m in mentions if reach[m.start] < m.end and longest[m.start] <= m.end]


def _joint_pairs(norm: str, joint: Iterable[str]) -> Iterator[re.Match]:
    """The matches of ``_JOINT_PAIR.finditer(norm)`` in the stretches of letters, spaces and tabs that
    hold one of the ``joint`` words (in text order): a match is made of those characters only, so
    the scan of the whole text enters each such stretch afresh, and a match whose third word is a
    joint word lies in a stretch holding it. Scanning those stretches only spares trying the pair
    pattern at every word of the document."""
    spans: set[tuple[int, int]] = set()
    for word in joint:
        at = norm.find(word)
        while at >= 0:
            end = _PAIR_BARRIER.search(norm, at)
            spans.add((_stretch_start(norm, at), end.start() if end is not None else len(norm)))
            at = norm.find(word, at + 1)
    for lo, hi in sorted(spans):
        yield from _JOINT_PAIR.finditer(norm, lo, hi)


def _stretch_start(norm: str, pos: int) -> int:
    """Just after the last ``_PAIR_BARRIER`` character before ``pos`` (0 if none), looked for in
    windows of 120 characters going back (not a scan of the text from its start)."""
    hi = pos
    while hi > 0:
        lo = max(0, hi - 120)
        marks = _PAIR_BARRIER.findall(norm, lo, hi)
        if marks:  # (one character each: the last one's position from the window's end)
            return norm.rindex(marks[-1], lo, hi) + 1
        hi = lo
    return 0


def _word_before(text: str, pos: int) -> tuple[int, int]:
    """The span of the whitespace-separated word ending before ``pos`` (skipping whitespace), as
    ``text[:pos].rstrip().rsplit(None, 1)[-1]`` finds it, without copying the text before ``pos``;
    (0, 0) when only whitespace is before it."""
    end = pos
    while end > 0 and text[end - 1].isspace():
        end -= 1
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return (start, end) if end else (0, 0)


_NEXT_WORD = re.compile(r"[ \t]*([^\W\d_]+)")
# «كل منهما», «لكل منهما»: each of the two parties named before (normalised text)
_EACH_OF_TWO = re.compile(r"(?<![^\W\d_])(?:[وف]?[بل]?|على )كل منهما(?![^\W\d_])")
# a complementiser opening a reported clause («أن», «إن», «بأن», «أنه», «إنها», with or without shadda)
_REPORTED_CLAUSE = re.compile(r"(?<![^\W\d_])ب?[أإا]نّ?(?:ه|ها)?(?![^\W\d_])")
# Up to four words (a hyphen may join two) right after a title, and the marks that end a name there.
_NAME_WORDS = re.compile(r"[ \t]+([^\W\d_]+(?:-[^\W\d_]+)?(?:[ \t]+[^\W\d_]+(?:-[^\W\d_]+)?){0,3})")
# «في حماس» between a descriptor and the name: «في» then the body's mention (its start is group 1)
_IN_BODY = re.compile(r"[ \t]+(?:في|فى)[ \t]+((?=[^\W\d_]))")


@lru_cache(maxsize=1)
def _descriptor_re() -> re.Pattern:
    """The person descriptors of the cues as one pattern over the original text: hamza forms of alif
    and final ya/alif maqsura alike, with «و/ف» and «ب/ك» clitics or «لل» for «ل» + «ال»."""
    forms = sorted(_raw_cues().get("person_descriptors") or (), key=len, reverse=True)
    alts = [_loose(f) for f in forms] + ["ل" + _loose(f[1:]) for f in forms if f.startswith("ال")]
    return re.compile(r"(?<![^\W\d_])[وف]?[بك]?(" + "|".join(alts) + r")(?![^\W\d_])")


def _loose(form: str) -> str:
    """``form`` as a pattern that takes any hamza form of alif and ya or alif maqsura alike."""
    out = re.escape(form)
    out = re.sub("[اأإآ]", "[اأإآ]", out)
    return re.sub("[يى]", "[يى]", out)


@lru_cache(maxsize=1)
def _descriptor_starts() -> re.Pattern:
    """Where a person descriptor may start: a word's clitics and the first word of some descriptor
    (or its «لل» form), as a prefix trie. Tried at every word start of a document, the full
    alternation of ``_descriptor_re`` (dozens of forms that mostly begin with «ال») costs far more
    than this trie, whose branches part at their first letter."""
    canon = str.maketrans("أإآى", "اااي")
    firsts = set()
    for form in _raw_cues().get("person_descriptors") or ():
        word = form.split(" ")[0].translate(canon)
        firsts.add(word)
        if word.startswith("ال"):
            firsts.add("ل" + word[1:])
    return re.compile(r"(?<![^\W\d_])[وف]?[بك]?" + _trie_pattern(firsts))


def _trie_pattern(words: set[str]) -> str:
    """A pattern matching a prefix of the text that is one of ``words`` (hamza-/ya-loose). A word that
    another begins with ends the branch: only "some word is here" matters, not which one."""
    trie: dict[str, Any] = {}
    for word in sorted(words, key=len):
        node = trie
        for ch in word:
            if node.get("") is True:
                break  # a shorter word already ends here
            node = node.setdefault(ch, {})
        else:
            node.clear()
            node[""] = True

    def emit(node: dict[str, Any]) -> str:
        branches = [_loose(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return emit(trie)


def _find_descriptors(text: str) -> list[re.Match]:
    """``list(_descriptor_re().finditer(text))``, trying the full pattern only where the trie of
    ``_descriptor_starts`` finds a descriptor's first word. Same matches: the full pattern can only
    match where the trie does, and a match of the trie covers letters only, so no word start that
    the full pattern could match at lies inside one."""
    full = _descriptor_re()
    found: list[re.Match] = []
    end = 0
    for cand in _descriptor_starts().finditer(text):
        at = cand.start()
        if at < end:  # inside the descriptor just found, as finditer would skip it
            continue
        m = full.match(text, at)
        if m is not None:
            found.append(m)
            end = m.end()
    return found


_NAME_TOKEN = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)?")
_NAME_END_MARKS = frozenset("،,:.؛(«\"")
_NAME_HYPHEN = re.compile(r"(?<=[^\W\d_])-(?=[^\W\d_])")
_WORDS = re.compile(r"[^\W\d_]+")
# a character no pair match can hold: neither a letter ([^\W\d_]) nor a space or tab
_PAIR_BARRIER = re.compile(r"[^\w \t]|[\d_]")
_JOINT_PAIR = re.compile(r"(?<![^\W\d_])([^\W\d_]+يه?)[ \t]+([^\W\d_]+يه?)[ \t]+([^\W\d_]+)")
_ABD_SPACED = re.compile(r"(?<![^\W\d_])عبد ال(?=[^\W\d_])")
_ABD_JOINED = re.compile(r"(?<![^\W\d_])عبدال(?=[^\W\d_])")
_WORD_AT = _WORDS  # (the words of a ministry name's complement, with their offsets)
# Words a coordinated complement inside a ministry's name may have («والتعاون الإفريقي والمغاربة»).
_MAX_COMPLEMENT_WORDS = 4
# What may stand between two names of one list: spaces, commas, «و», «كل من».
_LIST_GAP = re.compile(r"[\s،,]+|(?<!\S)(?:و|كل من)(?!\S)")
_DEFINITE = re.compile(r"(?:[وف]?(?:[بك]?ال|لل))[^\W\d_]{2,}")


def _rank_gap(gap: str) -> bool:
    """Whether the text between a title and a name is empty or only ranks and honorifics (cues
    ``title_name_gap``: «العميد», «الدكتور»)."""
    words = gap.split()
    return len(words) <= 3 and all(normalize_key(w) in _cues()["title_name_gap"] for w in words)


def _possessive_forms(form: str) -> list[tuple[str, str]]:
    """«وزير دفاع» → (ه, وزير دفاعه), (ها, وزير دفاعها); «وزير خارجية» → … خارجيتها; «رئيس» → (ها, رئيسها).

    Only construct forms (last word without the article) take the pronoun. A one-word title takes
    only «ها»: «رئيسه» is also how «رئيسة» is written once ة and ه are folded."""
    words = form.split()
    last = words[-1] if words else ""
    if not last or last.startswith("ال"):
        return []
    stem = last[:-1] + "ت" if last.endswith("ة") else last
    prons = ("ه", "ها") if len(words) > 1 else ("ها",)
    return [(p, " ".join([*words[:-1], stem + p])) for p in prons]


def _tokens_by_sentence(doc: Document) -> list[list[Any]]:
    """The document's tokens cut at sentence ends (tokens are in text order; empty groups left out).

    A token belongs to the first sentence that ends after its start (the last sentence takes the
    rest); the cuts are found by bisection instead of walking every token.
    """
    tokens, sentences = doc.tokens, doc.sentences
    starts = list(map(_START, tokens))
    groups, lo = [], 0
    for s in sentences[:-1]:
        hi = bisect_left(starts, s.end, lo)
        if hi > lo:
            groups.append(tokens[lo:hi])
        lo = hi
    if lo < len(tokens):
        groups.append(tokens[lo:])
    return groups


@lru_cache(maxsize=8192)
def _event_noun_with_clitic(word: str) -> bool:
    """Whether ``word`` is an event noun behind a ب/ل/و/ف proclitic («لدعم», «بوساطة»): such a word
    opens a prepositional phrase or a new clause, never a person's name."""
    if len(word) < 4 or word[0] not in "بلوف":
        return False
    from marsad.events.lexicon import load_lexicon  # lazy: the event stage imports the recogniser's model
    from marsad.events.text import norm_word
    trig = load_lexicon().noun(norm_word(word))
    return trig is not None and trig.type != "NONE"


def _past_event_words(text: str, start: int, end: int) -> int:
    """Start of a person or organisation span after its leading event nouns with a proclitic: the
    tagger sometimes glues the word before a name to it («لدعم الأسد» read as one person, «بوساطة»
    alone as an organisation)."""
    while start < end:
        sp = text.find(" ", start, end)
        first = text[start:sp if sp >= 0 else end]
        if not _event_noun_with_clitic(first):
            return start
        start = end if sp < 0 else sp + 1
    return start


def _bio_spans(toks: list, tags: list[str]) -> list[tuple[int, int, str]]:
    spans: list[tuple[int, int, str]] = []
    cur: list[Any] | None = None
    prev = -2
    # Only the tags other than «O» (few: most sentences hold one name or none) are visited; an «O»
    # between two of them (a gap in their positions) closes the open span, as visiting it would.
    for i in compress(range(min(len(toks), len(tags))), map("O".__ne__, tags)):
        tag, t = tags[i], toks[i]
        if i != prev + 1 and cur:
            spans.append(tuple(cur))
            cur = None
        prev = i
        if tag.startswith("B-") or (tag.startswith("I-") and (cur is None or cur[2] != tag[2:])):
            if cur:
                spans.append(tuple(cur))
            cur = [t.start, t.end, tag[2:]]
        elif tag.startswith("I-") and cur is not None:
            cur[1] = t.end
        else:
            if cur:
                spans.append(tuple(cur))
            cur = None
    if cur:
        spans.append(tuple(cur))
    return [(a, b, "PERS" if lab in ("PER", "PERS") else lab) for a, b, lab in spans]


def _compound_variants(alias: str) -> list[str]:
    """«عبد الله بن زايد» is written «عبدالله بن زايد» as often (Gulf and Levantine press): the other
    spelling of every «عبد» + «ال…» compound in a name («عبد العزيز» ↔ «عبدالعزيز»)."""
    if "عبد" not in alias:
        return []
    joined, spaced = _ABD_SPACED.sub("عبدال", alias), _ABD_JOINED.sub("عبد ال", alias)
    return [v for v in {joined, spaced} if v != alias]


def _nisba_forms(nisba: str) -> list[str]:
    """«روسي» → روسي, روسيون, روسيين, روسيان (dual); «روسية» → روسية, روسيات, روسيتان, روسيتين (the
    article is a clitic for the matcher). The dual agrees with a dual head: «جنديان أمريكيان»."""
    n = nisba.strip()
    if n.endswith("ة"):
        return [n, n[:-1] + "ات", n[:-1] + "تان", n[:-1] + "تين"]
    return [n, n + "ون", n + "ين", n + "ان"]


_CLITICS = ("وال", "فال", "بال", "كال", "لل", "ال", "و", "ف", "ب", "ل")


@lru_cache(maxsize=65536)
def _head_words(text: str) -> frozenset[str]:
    """The first word of a name, normalised, as written and without clitics/article
    («للتنظيم» → تنظيم; «وكالة رويترز» → وكاله)."""
    words = text.split()
    if not words:
        return frozenset()
    w = normalize_key(words[0])
    out = {w}
    for p in _CLITICS:
        if w.startswith(p) and len(w) - len(p) >= 3:
            out.add(w[len(p):])
    return frozenset(out)


def _adjacent(norm: str, a: Hit, b: Hit) -> bool:
    """Only spaces (or the quotes of «وكالة "فارس"») between two hits."""
    return b.start >= a.end and not norm[a.end:b.start].strip(' "\'')


def _names_state(norm: str, h: Hit) -> bool:
    """Whether a state's ambiguous one-word name stands where a state is named (cues.yaml
    ``state_name_before``, a glued «ب/ل», or right after a feminine past verb: «طردت مالي»)."""
    if " " in norm[h.key_start:h.end].strip():
        return False
    if "ال" in h.prefix or h.prefix.endswith("لل"):
        return False  # «المالي»: an adjective, never the state's name
    if any(c in h.prefix for c in "بل"):
        return True
    prev = _previous_word(norm, h.start)
    prev = prev[1:] if prev[:1] in "وف" and len(prev) > 3 else prev
    return prev in _cues()["state_name_before"] or (len(prev) >= 4 and prev.endswith("ت")
                                                     and not prev.endswith("ات"))


def _last_words(norm: str, pos: int) -> list[str]:
    """``norm[:pos].rstrip().rsplit(None, 2)`` read from a window before ``pos`` (not a copy of the whole
    text before every name): when the window holds three parts, the last two are whole words."""
    lo = pos - 60
    if lo > 0:
        parts = norm[lo:pos].rstrip().rsplit(None, 2)
        if len(parts) == 3:
            return parts
    return norm[:pos].rstrip().rsplit(None, 2)


def _previous_word(norm: str, pos: int) -> str:
    before = norm[max(0, pos - 40):pos].rsplit(None, 1)
    return before[-1] if before and norm[pos - 1:pos].isspace() else ""


def _complement_gap(gap: str) -> bool:
    """Whether ``gap`` is an office's complement before its holder's name («للأمن القومي», «لشؤون
    الشرق الأدنى», «في الشؤون العربية والأفريقية،»): up to five words, the first with «ل» or «في»,
    the others with «ل», the article or «وال», a comma allowed at its end."""
    words = gap.replace("،", " ").split()
    return (not words or (len(words) <= 5 and (words[0].startswith("ل") or words[0] == "في")
                          and all(w.startswith(("ل", "ال", "وال")) for w in words[1:])))


def _modifier_before(norm: str, start: int) -> int | None:
    """Start of a title modifier («نائب», «مساعد», «وكيل»; cues ``title_modifiers``) written right
    before ``start`` (with «و»/«ف» or a preposition glued to it), else None."""
    if start == 0 or not norm[start - 1].isspace():
        return None  # the title's hit starts inside a word
    at, end = _word_before(norm, start)  # (not norm[:start]: a copy of the text per title)
    word = norm[at:end]
    mods = _cues()["title_modifiers"]
    for cut in range(0, min(3, len(word))):
        if word[cut:] in mods and (cut == 0 or all(c in "وفبل" for c in word[:cut])):
            return at
    return None


def _is_iso3(of: str) -> bool:
    return len(of) == 3 and of.isupper()


def _state_of(h: Hit) -> str | None:
    for e in h.entries:
        if (e.kind == "nisba" and e.label != "ORG") or (e.kind == "actor" and e.label == "GPE"):
            return e.ref
    return None


def _entry(h: Hit | None, kind: str, label: str) -> Entry | None:
    if h is None:
        return None
    for e in h.entries:
        if e.kind == kind and e.label == label:
            return e
    return None
