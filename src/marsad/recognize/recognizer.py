"""Gazetteer + title composition + NER → linked mentions (see package docstring)."""

from __future__ import annotations

import logging
from bisect import bisect_left, bisect_right
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from marsad.arabic import normalize
from marsad.link import Linker
from marsad.model import Document, Mention
from marsad.recognize.gazetteer import Entry, Gazetteer, Hit, normalize_key

log = logging.getLogger("marsad.recognize")

_LABEL_BY_KIND = {"person": "PERS", "state": "GPE"}
# One-word names of places smaller than this need a place cue («في», «مدينة») to count: small
# towns are often named like common words (البيان، الحي).
_STRONG_PLACE_POPULATION = 100_000


@lru_cache(maxsize=1)
def _cues() -> dict[str, Any]:
    raw = yaml.safe_load(resources.files("marsad.recognize").joinpath("data/cues.yaml").read_text("utf-8"))
    out: dict[str, Any] = {}
    for k, v in raw.items():
        if isinstance(v, dict):  # office → forms: kept as written, normalised by the gazetteer
            out[k] = {office: list(forms) for office, forms in v.items()}
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
        self._ner = None

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
            for alias in actor.extra.get("aliases_ar_weak") or ():
                yield alias, Entry("actor", actor.id, label, weak=True)
            if actor.kind == "state":
                for nisba in actor.nisba_ar or ():
                    for form in _nisba_forms(nisba):
                        yield form, Entry("nisba", actor.id, "GPE")
                for cap in actor.capital_ar or ():
                    yield cap, Entry("actor", actor.id, "GPE")
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
        for office, forms in (cues.get("plural_titles") or {}).items():
            for form in forms:
                yield form, Entry("ptitle", office, "PERS")
        for group, kind in (("nisba_heads", "agent"), ("force_heads", "force"), ("regime_heads", "regime"),
                            ("land_heads", "land"), ("capital_heads", "capital"), ("media_heads", "media"),
                            ("air_heads", "air")):
            for head in cues.get(group, ()):
                yield head, Entry("head", kind)

    # -- running ---------------------------------------------------------------------------
    def __call__(self, doc: Document) -> list[Mention]:
        nt = normalize(doc.text)
        norm = nt.text
        hits = self.gazetteer.find(norm)
        sent_starts = [s.start for s in doc.sentences]
        mentions: list[Mention] = []
        strong_actors: set[str] = set()
        self._doc_country = None  # first state named: the country prior for ambiguous place names
        i = 0
        self._nested: list[Mention] = []
        while i < len(hits) or self._nested:
            if self._nested:
                mention = self._nested.pop()
            else:
                consumed, mention = self._compose(hits, i, norm, doc, sent_starts)
                i += consumed
            if mention is None:
                continue
            s, e = nt.to_original(mention.start, mention.end)
            mention.start, mention.end, mention.text = s, e, doc.text[s:e]
            if mention.actor_id and not mention.extra.get("weak"):
                strong_actors.add(mention.actor_id)
            mentions.append(mention)
        # A weak alias («الأسد» alone) counts only when the document names that actor unambiguously.
        mentions = [m for m in mentions if not m.extra.get("weak") or m.actor_id in strong_actors]
        for m in mentions:
            if m.extra.pop("weak", None):
                m.extra["alias_weak"] = True  # a longer unknown name found by NER may still replace it
            if m.actor_id:
                m.extra["ref"] = self.linker.actor_ref(m.actor_id, m.extra.get("role_date"), m.text,
                                                       m.extra.get("role"))
            elif m.origin == "title":
                m.extra["ref"] = self.linker.office_ref(m.extra["role"], m.extra.get("country"), m.text)
            if m.place_id:
                m.extra["location"] = self.linker.location(m.place_id, m.text)
        mentions = self._add_ner(doc, mentions)
        mentions.extend(Mention(d.start, d.end, d.text, label="DATE", origin="time") for d in doc.dates)
        mentions.sort(key=lambda m: (m.start, m.end))
        return mentions

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
        return date.fromisoformat(doc.published) if doc.published else None

    def _compose(self, hits: list[Hit], i: int, norm: str, doc: Document,
                 sent_starts: list[int]) -> tuple[int, Mention | None]:
        """Read hits[i] (and the hits right after it that it governs) into one mention."""
        h = hits[i]
        kinds = {e.kind: e for e in h.entries}
        nxt = hits[i + 1] if i + 1 < len(hits) and _adjacent(norm, h, hits[i + 1]) else None
        if "ptitle" in kinds:
            return self._compose_plural_title(hits, i, norm, doc, sent_starts)
        if "title" in kinds:
            office = next(e.ref for e in h.entries if e.kind == "title")
            country = None  # ISO3 of a state, or the id of an organisation («قائد فيلق القدس»)
            j = i + 1
            if nxt is not None:
                country = self._office_of(nxt)
                if country:
                    j = i + 2
            person_hit = hits[j] if j < len(hits) and _adjacent(norm, hits[j - 1], hits[j]) else None
            person = _entry(person_hit, "actor", "PERS") if person_hit else None
            ref_date = self._reference_date(doc, h.start, sent_starts)
            end = (person_hit.end if person else hits[j - 1].end)
            owner = next((e for e in nxt.entries if e.kind == "actor"), None) if country and nxt is not None else None
            if owner is not None:
                # «وزير خارجية مصر», «قائد فيلق القدس»: the state or organisation named inside the title is
                # a mention of its own (a nisba inside a title is not, by the annotation conventions).
                self._nested.append(Mention(nxt.start, nxt.end, "", label=owner.label, actor_id=owner.ref,
                                            origin="gazetteer"))
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
                return j - i, Mention(h.start, end, "", label="PERS", actor_id=holder, origin="title",
                                      extra={"role": office, "role_date": ref_date, "country": country,
                                             "unresolved": holder is None})
            return 1, None
        if "head" in kinds and nxt is not None:
            composed = self._compose_head(h, nxt)
            if composed is not None:
                return self._more_nisbas(hits, i + 2, norm, nxt, composed), composed
        actor = kinds.get("actor")
        place_entries = [e for e in h.entries if e.kind == "place"]
        if actor is None and not place_entries:
            return 1, None
        as_place = self._place_context(norm, h)
        hint = self._doc_country
        if actor is None:
            if not as_place and all(e.weak for e in place_entries):
                return 1, None
            return 1, Mention(h.start, h.end, "", label="LOC", place_id=self.linker.best_place(h, hint),
                              origin="gazetteer")
        ref_date = self._reference_date(doc, h.start, sent_starts)
        actor_entry = self.linker.choose_actor([e for e in h.entries if e.kind == "actor"], ref_date)
        m = Mention(h.start, h.end, "", label=actor_entry.label, actor_id=actor_entry.ref, origin="gazetteer",
                    extra={"weak": actor_entry.weak})
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
            if country and not as_place:
                self._doc_country = self._doc_country or country
        return 1, m

    def _compose_plural_title(self, hits: list[Hit], i: int, norm: str, doc: Document,
                              sent_starts: list[int]) -> tuple[int, Mention | None]:
        """«وزراء دفاع (كل من) روسيا وإيران وسوريا»: one mention per state's office-holder, same span."""
        h = hits[i]
        office = next(e.ref for e in h.entries if e.kind == "ptitle")
        states: list[str] = []
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
            named = next((e for e in hits[j].entries if e.kind == "actor" and e.label == "GPE"), None)
            if named is not None:  # «روسيا» in the list is also a mention of the state itself
                self._nested.append(Mention(hits[j].start, hits[j].end, "", label="GPE", actor_id=named.ref,
                                            origin="gazetteer"))
            prev = hits[j]
            j += 1
        if not states:
            return 1, None
        ref_date = self._reference_date(doc, h.start, sent_starts)
        mentions = []
        for iso in states:
            holder = self.linker.office_holder(office, iso, ref_date)
            mentions.append(Mention(h.start, prev.end, "", label="PERS", actor_id=holder, origin="title",
                                    extra={"role": office, "role_date": ref_date, "country": iso}))
        self._nested.extend(mentions[1:])
        return j - i, mentions[0]

    def _more_nisbas(self, hits: list[Hit], k: int, norm: str, prev: Hit, composed: Mention) -> int:
        """«التنسيق الروسي الإيراني», «الاتفاق الروسي والإيراني»: each further nisba adds its state, same span.

        Returns how many hits the mention used (from the head on)."""
        start = k - 2
        if composed.label != "GPE" or not composed.actor_id:
            return k - start
        states = []
        while k < len(hits) and _adjacent(norm, prev, hits[k]) and hits[k].prefix in ("", "و", "ال", "وال"):
            nisba = next((e for e in hits[k].entries if e.kind == "nisba"), None)
            if nisba is None:
                break
            states.append(nisba.ref)
            prev = hits[k]
            k += 1
        if states:
            composed.end = prev.end
            for state in states:
                self._nested.append(Mention(composed.start, prev.end, "", label="GPE", actor_id=state,
                                            origin="gazetteer"))
        return k - start

    def _compose_head(self, h: Hit, nxt: Hit) -> Mention | None:
        """A noun + a state's nisba (or + a leader's name) read as one mention, by the noun's class."""
        heads = {e.ref for e in h.entries if e.kind == "head"}
        nisba = next((e for e in nxt.entries if e.kind == "nisba"), None)
        if nisba is not None:
            state = nisba.ref
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
            if "agent" in heads:
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

    def _place_context(self, norm: str, h: Hit) -> bool:
        """«بدمشق», «في دمشق», «العاصمة دمشق»: the name is used as a place."""
        if "ب" in h.prefix:
            return True
        prev = norm[:h.start].rstrip().rsplit(None, 2)
        if len(prev) >= 2 and prev[-2:] == ["كل", "من"]:
            return False  # «كل من موسكو ودمشق»: "both Moscow and Damascus", not "from Moscow"
        return bool(prev) and prev[-1] in self.place_cues

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
        mentions = sorted(known, key=lambda m: m.start)
        sentences = _tokens_by_sentence(doc)
        # one batched call: the tagger decodes all sentences of the document together
        for toks, tags in zip(sentences, tagger.tag_batch([[t.text for t in toks] for toks in sentences]), strict=True):
            for start, end, label in _bio_spans(toks, tags):
                self._merge_ner(doc, mentions, start, end, label)
        return mentions

    def _merge_ner(self, doc: Document, mentions: list[Mention], start: int, end: int, label: str) -> None:
        text = doc.text[start:end]
        overlapping = [m for m in mentions if m.start < end and start < m.end]
        if label == "PERS":
            if overlapping and all(m.extra.get("alias_weak") and start <= m.start and m.end <= end
                                   for m in overlapping) and (end - start) > max(m.end - m.start for m in overlapping):
                for m in overlapping:
                    mentions.remove(m)
                overlapping = []
            title = next((m for m in mentions if m.origin == "title" and m.end <= start
                          and not doc.text[m.end:start].strip()), None)
            if title is not None and not overlapping:
                role = title.extra.get("role")
                title.end, title.text, title.actor_id = end, doc.text[title.start:end], None
                ref = self.linker.unresolved_ref(text, "PERS")
                ref["role"] = self.linker.office_name(role) if role else None
                ref["country"] = ref["country"] or (title.extra["ref"] or {}).get("country")
                ref["text"] = title.text
                title.extra["ref"] = ref
                return
        if overlapping:
            return
        m = Mention(start, end, text, label=label, origin="ner", score=0.6)
        if label == "LOC":
            m.place_id = self.linker.place_by_name(text)
            if m.place_id:
                m.extra["location"] = self.linker.location(m.place_id, text)
        elif label in ("PERS", "ORG"):
            m.extra["ref"] = self.linker.unresolved_ref(text, label)
        mentions.append(m)
        mentions.sort(key=lambda x: x.start)

    def _tagger(self):  # noqa: ANN202
        if self._ner is None:
            try:
                from marsad.recognize.ner import load_ner
                self._ner = load_ner()
            except Exception as exc:  # the model is optional for the gazetteer to work
                log.warning("NER model unavailable (%s); only known names will be found", exc)
                self._ner = False
        return self._ner or None


def _tokens_by_sentence(doc: Document) -> list[list[Any]]:
    """The document's tokens cut at sentence ends (tokens are in text order; empty groups left out).

    A token belongs to the first sentence that ends after its start (the last sentence takes the
    rest); the cuts are found by bisection instead of walking every token.
    """
    tokens, sentences = doc.tokens, doc.sentences
    starts = [t.start for t in tokens]
    groups, lo = [], 0
    for s in sentences[:-1]:
        hi = bisect_left(starts, s.end, lo)
        if hi > lo:
            groups.append(tokens[lo:hi])
        lo = hi
    if lo < len(tokens):
        groups.append(tokens[lo:])
    return groups


def _bio_spans(toks: list, tags: list[str]) -> list[tuple[int, int, str]]:
    spans: list[tuple[int, int, str]] = []
    cur: list[Any] | None = None
    for t, tag in zip(toks, tags, strict=False):
        if tag == "O":  # most tags: close the open span, if any
            if cur:
                spans.append(tuple(cur))
            cur = None
        elif tag.startswith("B-") or (tag.startswith("I-") and (cur is None or cur[2] != tag[2:])):
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


def _nisba_forms(nisba: str) -> list[str]:
    """«روسي» → روسي, روسيون, روسيين; «روسية» → روسية, روسيات (the article is a clitic for the matcher)."""
    n = nisba.strip()
    if n.endswith("ة"):
        return [n, n[:-1] + "ات"]
    return [n, n + "ون", n + "ين"]


def _adjacent(norm: str, a: Hit, b: Hit) -> bool:
    """Only spaces (or the quotes of «وكالة "فارس"») between two hits."""
    return b.start >= a.end and not norm[a.end:b.start].strip(' "\'')


def _state_of(h: Hit) -> str | None:
    for e in h.entries:
        if e.kind == "nisba" or (e.kind == "actor" and e.label == "GPE"):
            return e.ref
    return None


def _entry(h: Hit | None, kind: str, label: str) -> Entry | None:
    if h is None:
        return None
    for e in h.entries:
        if e.kind == kind and e.label == label:
            return e
    return None
