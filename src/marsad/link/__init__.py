"""Linking: mentions → actors and places, office titles → the person who held them on the date.

Public surface: :class:`Linker`. Date-bounded roles follow PETRARCH's idea
(``[IRQGOV 20101221-20140908]``) but live in the actor YAML files (``roles:``).
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from marsad.arabic import in_lexicon, normalize_word
from marsad.arabic.trie import AnchoredPattern, trie_regex
from marsad.model import Mention

_STRIP_PREFIXES = ("وال", "فال", "بال", "كال", "لل", "ال", "و", "ف", "ب", "ل")


@lru_cache(maxsize=1)
def _titles_file() -> dict[str, Any]:
    path = resources.files("marsad.knowledge").joinpath("titles.yaml")
    raw = yaml.safe_load(path.read_text("utf-8")) if path.is_file() else {}
    return raw if isinstance(raw, dict) else {}


@lru_cache(maxsize=1)
def _titles() -> dict[str, dict[str, Any]]:
    # built once: every linked mention asks for its office's English name (read only)
    offices = _titles_file().get("offices", {})
    return {k: v for k, v in offices.items() if isinstance(v, dict) and v.get("ar")}


def _office_set(key: str) -> frozenset[str]:
    return frozenset(_titles_file().get(key) or ())


@lru_cache(maxsize=1)
def _agent_before_from() -> frozenset[str]:
    path = resources.files("marsad.link").joinpath("data/metonymy.yaml")
    raw = yaml.safe_load(path.read_text("utf-8")) if path.is_file() else {}
    return frozenset(normalize_word(w) for w in (raw or {}).get("agent_before_from") or ())


_GOVERNOR_CLITICS = ("وب", "فب", "ول", "فل", "و", "ف", "ب", "ل")


def _key(phrase: str) -> str:
    return " ".join(normalize_word(w) for w in str(phrase).split())


@lru_cache(maxsize=1)
def _body_classes() -> tuple[tuple[str, dict[str, tuple[str, ...]], frozenset[str]], ...]:
    """titles.yaml ``body_offices`` as (normalised head, title office → offices, title forms it does not
    apply after), longest head first."""
    out: list[tuple[str, dict[str, tuple[str, ...]], frozenset[str]]] = []
    for spec in (_titles_file().get("body_offices") or {}).values():
        offices = {k: tuple(v) if isinstance(v, list) else (v,) for k, v in (spec.get("offices") or {}).items()}
        skip = frozenset(_key(f) for f in spec.get("not_after") or ())
        out.extend((_key(h), offices, skip) for h in spec.get("heads") or ())
    out.sort(key=lambda x: -len(x[0]))
    return tuple(out)


@lru_cache(maxsize=1)
def _form_owners() -> dict[tuple[str, str], tuple[tuple[str, ...], tuple[str, ...]]]:
    """(office, normalised title form) → (countries, organisations) the form is restricted to
    (titles.yaml ``countries_by_form`` / ``orgs_by_form``)."""
    out: dict[tuple[str, str], tuple[tuple[str, ...], tuple[str, ...]]] = {}
    for office, spec in _titles().items():
        by_country = spec.get("countries_by_form") or {}
        by_org = spec.get("orgs_by_form") or {}
        for form in {*by_country, *by_org}:
            out[(office, _key(form))] = (tuple(by_country.get(form) or ()), tuple(by_org.get(form) or ()))
    return out


_WORDS = re.compile(r"[^\W\d_]+")


def _one_edit(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by exactly one letter substituted, added or dropped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = next((k for k, (x, y) in enumerate(zip(short, long_, strict=False)) if x != y), len(short))
    return short[i:] == long_[i + 1:]


class Linker:
    def __init__(self, actors: Any, places: Any) -> None:
        self.actors = actors
        self.places = places
        self._typo_index: tuple[AnchoredPattern | None, dict[str, list[tuple[tuple[str, ...], str]]]] | None = None
        self._context: dict[frozenset[str], dict[str, list[re.Pattern[str]]]] | None = None
        self._context_doc: str | None = None
        self._context_counts: dict[frozenset[str], dict[str, int]] = {}
        self._role_on: dict[tuple[str, date], str | None] = {}  # (person, day) → office name (actor_ref)
        # id(entries) → (entries, country → best_place answer); the entries are kept to tell a reused id
        self._best_place: dict[int, tuple[tuple[Any, ...], dict[str | None, str | None]]] = {}

    # -- titles --------------------------------------------------------------------------
    def title_forms(self) -> dict[str, list[str]]:
        return {office: list(v["ar"]) for office, v in _titles().items()}

    def office_name(self, office: str) -> str:
        return _titles().get(office, {}).get("en") or office.replace("_", " ").title()

    def office_holder(self, office: str, of: str | None, on: date | None) -> str | None:
        """Who held ``office`` of ``of`` (ISO3 or organisation id) on that day; None when unknown or
        ambiguous — the mention then stays an unresolved office with its country."""
        if of is None or on is None or (office in _office_set("collective_offices") and len(of) == 3 and of.isupper()):
            return None  # a state has many deputy PMs, envoys, spokespeople: the title alone names none
        holders = self.actors.holders(office, of, on)
        if len(holders) > 1:
            # A role whose start is unknown is weaker evidence than one with a dated start.
            dated = [a for a in holders if any(r.office == office and r.of == of and r.start_date is not None
                                               and r.held_on(on) for r in a.roles)]
            holders = dated or holders
        return holders[0].id if len(holders) == 1 else None

    def form_owners(self, office: str, form: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The states (ISO3) and organisations (ids) a title form names ``office`` of, when titles.yaml
        restricts it («رئيس الكنيست» → ISR; «رئيس المجلس السياسي الأعلى» → houthis); else empty."""
        return _form_owners().get((office, _key(form)), ((), ()))

    def body_office(self, office: str, body: str, on: date | None, written: str | None = None,
                    title: str | None = None) -> tuple[str | None, str, str] | None:
        """«رئيس مجلس النواب الليبي» when nobody is *president* of the House: (holder, office, of) read
        through the body's class (titles.yaml ``body_offices``) — the mapped office of the body itself,
        then of its state for a state institution. ``written`` is the body's name as in the text,
        ``title`` the title form as written («القائد العام»: the class may not apply after it).

        None when the body has no class or the title has no mapping for it; a None holder with a
        state means the state's office is meant but its holder on the date is unknown."""
        targets = self._body_targets(office, body, written, _key(title) if title else "")
        if not targets:
            return None
        for target in targets:
            holder = self.office_holder(target, body, on)
            if holder:
                return holder, target, body
        state = self.institution_state(body)
        if state is None:
            return None
        for target in targets:
            holder = self.office_holder(target, state, on)
            if holder:
                return holder, target, state
        return None, targets[0], state

    def _body_targets(self, office: str, body: str, written: str | None, title: str) -> tuple[str, ...]:
        actor = self.actors.by_id.get(body)
        if actor is None or actor.kind in ("state", "person"):
            return ()
        names = [_key(written)] if written else []
        names.extend(_key(n) for n in actor.arabic_names())
        for name in names:
            for head, offices, skip in _body_classes():
                if name == head or name.startswith(head + " "):
                    return () if title in skip else offices.get(office, ())
        return ()

    def institution_state(self, actor_id: str) -> str | None:
        """ISO3 of the state an institution belongs to: its ``country``, when its ``parent`` chain
        reaches that state (rival authorities and armed groups have no such chain)."""
        actor = self.actors.by_id.get(actor_id)
        state = self.actors.state(actor.country) if actor is not None and actor.country else None
        if state is None:
            return None
        for _ in range(6):  # iraqi_army → iraqi_security_forces → iraq
            parent = actor.parent if actor is not None else None
            if parent is None:
                return None
            if parent == state.id:
                return state.iso3
            actor = self.actors.by_id.get(parent)
        return None

    # -- actors ----------------------------------------------------------------------------
    def actor_country(self, actor_id: str | None) -> str | None:
        actor = self.actors.by_id.get(actor_id) if actor_id else None
        return getattr(actor, "iso3", None) or getattr(actor, "country", None) if actor else None

    def choose_actor(self, entries: list[Any], on: date | None, doc_norm: str | None = None) -> Any:
        """Among actors sharing an alias, prefer the one the document's context words point to
        (``ambiguity.yaml`` ``context``, counted in ``doc_norm``, the normalised document), then
        one holding a role on the date, then a strong alias."""
        if len(entries) == 1:
            return entries[0]
        if doc_norm:
            picked = self._by_context(entries, doc_norm)
            if picked is not None:
                return picked
        if on is not None:
            for e in entries:
                actor = self.actors.by_id.get(e.ref)
                if actor is not None and any(_active(r, on) for r in getattr(actor, "roles", ()) or ()):
                    return e
        strong = [e for e in entries if not e.weak]
        return (strong or entries)[0]

    def _by_context(self, entries: list[Any], doc_norm: str) -> Any:
        """The entry whose actor's context words (ambiguity.yaml) the document uses most, if one does."""
        ids = frozenset(e.ref for e in entries)
        cues = self._context_cues().get(ids)
        if not cues:
            return None
        if self._context_doc is not doc_norm:
            self._context_doc, self._context_counts = doc_norm, {}
        counts = self._context_counts.get(ids)
        if counts is None:
            counts = self._context_counts[ids] = {
                actor_id: sum(len(pattern.findall(doc_norm)) for pattern in patterns)
                for actor_id, patterns in cues.items()}
        best = max(counts.values())
        winners = [a for a, n in counts.items() if n == best]
        if best == 0 or len(winners) != 1:
            return None
        return next((e for e in entries if e.ref == winners[0]), None)

    def _context_cues(self) -> dict[frozenset[str], dict[str, list[re.Pattern[str]]]]:
        """ids of an ambiguity rule with context → actor id → its cue words as whole-word patterns."""
        if self._context is None:
            out: dict[frozenset[str], dict[str, list[re.Pattern[str]]]] = {}
            for rule in self.actors.ambiguity.values():
                if rule.context:
                    out[frozenset(rule.ids)] = {
                        actor_id: [re.compile(r"(?<!\w)(?:[وفبل]|وب|ول|لل|ال)?" + re.escape(
                            " ".join(normalize_word(x) for x in w.split())) + r"(?!\w)") for w in words]
                        for actor_id, words in rule.context}
            self._context = out
        return self._context

    def actor_ref(self, actor_id: str, on: date | None, text: str, office: str | None = None) -> dict[str, Any]:
        actor = self.actors.by_id[actor_id]
        role = self.office_name(office) if office else None
        if role is None and on is not None:
            # the office held on the date: knowledge only, remembered per person and day
            key = (actor_id, on)
            role = self._role_on.get(key, "")
            if role == "":
                role = None
                for r in getattr(actor, "roles", ()) or ():
                    if _active(r, on):
                        role = self.office_name(r.office)
                        break
                if len(self._role_on) >= 50_000:
                    self._role_on.clear()
                self._role_on[key] = role
        ref = self.actors.to_ref(actor, role=role, text=text)
        return ref

    def office_ref(self, office: str, of: str | None, text: str) -> dict[str, Any]:
        """An office whose holder is unknown on the date: kept as the office of its country/organisation."""
        owner = self.actors.state(of) if of and len(of) == 3 and of.isupper() else self.actors.by_id.get(of or "")
        owner_name = owner.name_en if owner is not None else of
        return {"id": f"office:{office}:{of}" if of else f"office:{office}",
                "name_en": f"{self.office_name(office)} of {owner_name}" if owner_name else self.office_name(office),
                "name_ar": None, "wikidata": None,
                "country": (owner.country if owner is not None else None) or (of if of and len(of) == 3 else None),
                "sector": "GOV", "role": self.office_name(office), "text": text}

    def unresolved_ref(self, text: str, label: str) -> dict[str, Any]:
        """A name the knowledge base does not know: kept with its Arabic form and a transliteration."""
        from marsad.link.translit import slug, transliterate
        return {"id": f"unresolved:{slug(text)}", "name_en": transliterate(text), "name_ar": text,
                "wikidata": None, "country": None, "sector": None, "role": None, "text": text,
                "unresolved": True, "label": label}

    def sector(self, actor_id: str) -> str | None:
        actor = self.actors.by_id.get(actor_id)
        return actor.sector if actor else None

    def nisba_forms(self, state_id: str) -> tuple[str, ...]:
        actor = self.actors.by_id.get(state_id)
        return tuple(actor.nisba_ar or ()) if actor else ()

    def led_state(self, person_id: str) -> str | None:
        """The state a person led (president, king, emir, supreme leader, prime minister): «نظام الأسد»."""
        actor = self.actors.by_id.get(person_id)
        for r in getattr(actor, "roles", ()) or ():
            if r.office in _office_set("head_of_state_offices") and r.of and len(r.of) == 3:
                state = self.actors.state(r.of)
                if state is not None:
                    return state.id
        return None

    def leads_on(self, person_id: str, on: date | None) -> bool:
        """Whether the person held a head-of-state or head-of-government office on the date."""
        actor = self.actors.by_id.get(person_id)
        return on is not None and any(r.office in _office_set("head_of_state_offices") and _active(r, on)
                                      for r in getattr(actor, "roles", ()) or ())

    def capital_place(self, state_id: str) -> str | None:
        actor = self.actors.by_id.get(state_id)
        for cap in getattr(actor, "capital_ar", ()) or ():
            place = self.places.resolve(cap, getattr(actor, "iso3", None))
            if place:
                return place.place_id
        return None

    # -- one-letter typos of state names --------------------------------------------------------
    def _typo_names(self) -> tuple[AnchoredPattern | None, dict[str, list[tuple[tuple[str, ...], str]]]]:
        """First word → (other words, state id) of every name of two words or more of a state or its
        capital («تل أبيب», «الولايات المتحدة», «إسلام آباد»), and one pattern that finds those first
        words (with a conjunction or preposition clitic) and looks ahead at up to three words (a
        lookahead, so that the next name's first word among them is still found)."""
        if self._typo_index is None:
            index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
            for actor in self.actors.all():
                if actor.kind != "state":
                    continue
                for name in {actor.name_ar, *(actor.aliases_ar or ()), *(actor.capital_ar or ())}:
                    words = tuple(normalize_word(w) for w in str(name or "").split())
                    if len(words) >= 2 and sum(map(len, words)) >= 6:
                        index.setdefault(words[0], []).append((words[1:], actor.id))
            # A trie, not an alternation, tried only where a first word occurs (after up to 2 clitics).
            firsts = trie_regex(index)
            pattern = AnchoredPattern(re.compile(
                rf"(?<![^\W\d_])(?:[وف]?[بل]?)({firsts})(?=((?:\s+[^\W\d_]+){{1,3}}))"), index, lead=2) \
                if index else None
            self._typo_index = (pattern, index)
        return self._typo_index

    def typo_states(self, text: str, norm: str, to_original: Any, mentions: list[Mention]) -> list[Mention]:
        """«وتل أبيت» for «وتل أبيب»: a state's (or capital's) name of two words or more written with
        one letter wrong, added or dropped in one of its later words — never when that word is
        itself a known word (then it is another phrase), nor inside a mention already read. An
        unlinked name the NER model found there is the misspelt state (``mentions`` loses it)."""
        pattern, index = self._typo_names()
        if pattern is None:
            return []
        out: list[Mention] = []
        replaced: list[Mention] = []
        for hit in pattern.finditer(norm):
            after = list(_WORDS.finditer(norm, hit.start(2), hit.end(2)))
            for rest, state_id in index[hit.group(1)]:
                written = [w.group() for w in after[:len(rest)]]
                if len(written) != len(rest) or written == list(rest):
                    continue
                wrong = [(w, r) for w, r in zip(written, rest, strict=True) if w != r]
                if len(wrong) != 1 or len(wrong[0][1]) < 4 or not _one_edit(*wrong[0]) or in_lexicon(wrong[0][0]):
                    continue
                s, e = to_original(hit.start(), after[len(rest) - 1].end())
                overlapping = [m for m in mentions if m.start < e and s < m.end]
                if any(m.origin != "ner" or m.actor_id or m.place_id for m in overlapping):
                    continue
                replaced += overlapping
                out.append(Mention(s, e, text[s:e], label="GPE", actor_id=state_id, origin="typo", score=0.5,
                                   extra={"ref": self.actor_ref(state_id, None, text[s:e])}))
                break
        for m in {id(m): m for m in replaced}.values():
            mentions.remove(m)
        return out

    # -- places ----------------------------------------------------------------------------
    @staticmethod
    def agent_before_from(word: str) -> bool:
        """Whether ``word`` (normalised), right before «من» + a capital, makes the capital who acts
        rather than where («طلب من طهران», «في محاولة من طهران», «بدعم من موسكو»); metonymy.yaml
        ``agent_before_from``, after one conjunction/preposition clitic and the article."""
        words = _agent_before_from()
        if word in words:
            return True
        for clitic in _GOVERNOR_CLITICS:
            if word.startswith(clitic) and len(word) - len(clitic) >= 2:
                rest = word[len(clitic):]
                if rest in words or (rest.startswith("ال") and rest[2:] in words):
                    return True
        return word.startswith("ال") and word[2:] in words

    def location(self, place_id: str, text: str) -> dict[str, Any] | None:
        if place_id.startswith("country:"):
            state = self.actors.state(place_id[8:])
            if state is None:
                return None
            # A country as a location: named, but no point coordinates are invented for it.
            return {"name_en": state.name_en, "name_ar": state.name_ar, "geonames_id": None,
                    "country": state.iso3, "lat": None, "lon": None, "text": text}
        place = self.places.get(place_id)
        return place.to_location(text) if place else None

    def best_place(self, hit: Any, country: str | None) -> str | None:
        """The most likely place among a gazetteer hit's place entries (in ``country`` if any is).

        Knowledge only, so remembered per entries tuple (the gazetteer shares one per key) and country.
        """
        entries = hit.entries
        cached = self._best_place.get(id(entries))
        if cached is None or cached[0] is not entries:
            if len(self._best_place) >= 50_000:
                self._best_place.clear()
            cached = self._best_place[id(entries)] = (entries, {})
        by_country = cached[1]
        if country in by_country:
            return by_country[country]
        found = by_country[country] = self._best_place_of(hit, country)
        return found

    def _best_place_of(self, hit: Any, country: str | None) -> str | None:
        ids = [e.ref for e in hit.entries if e.kind == "place"]
        if not ids:
            return self.country_place_for_iso(country)
        cands = [p for p in (self.places.get(i) for i in ids) if p is not None]
        if country:
            same = [p for p in cands if p.country == country]
            cands = same or cands
        if not cands:
            return None
        cands.sort(key=self.places._prior)
        return cands[0].place_id

    def country_place(self, state_id: str) -> str | None:
        return self.country_place_for_iso(self.actor_country(state_id))

    def country_place_for_iso(self, iso3: str | None) -> str | None:
        return f"country:{iso3}" if iso3 and self.actors.state(iso3) is not None else None

    def place_by_name(self, text: str) -> str | None:
        word = normalize_word(text.split()[0]) if text.split() else ""
        candidates = [text]
        for p in _STRIP_PREFIXES:
            if word.startswith(p) and len(word) - len(p) >= 3:
                candidates.append(text[len(p):] if text.startswith(p) else text)
        for c in candidates:
            place = self.places.resolve(c)
            if place:
                return place.place_id
        return None


def _active(role: Any, on: date) -> bool:
    return role.held_on(on)
