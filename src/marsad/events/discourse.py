"""Participants across sentences: a dropped subject, the parties of the last meeting, «معه».

Arabic news is pro-drop and chains its sentences: «وقال وزير الخارجية إن …. وأضاف أن …», «وكانت
(الوزارة) قد أعلنت …», «وشنّت (هي) غارات …». A reader carries the subject over when the verb that
opens a sentence has no subject of its own and agrees with the subject of the sentence before it.
:class:`Discourse` follows a document sentence by sentence (``extract_events`` calls
:meth:`Discourse.link` after each sentence's events are found) and fills what the sentence leaves
empty, conservatively:

* **dropped subject**: the verb opening the sentence (after «و», «كما», «ثم», «وكانت قد» …) is
  followed by no subject (a preposition, a complementizer, an object noun: «وأضاف أن», «وشنّت
  غارات»), is active, and agrees in gender and number with the subject of the sentence right
  before — the subject of that sentence's first verb, or one carried into it. The event of that
  verb with no actor of its own takes that subject. A sentence whose opening verb has an overt
  subject (a new speaker), or that opens with anything else, starts a new chain;
* **the parties**: «وعقد الجانبان جلسة», «واتفق المجتمعون على …»: an event with no participants whose
  subject is such a noun (cues.yaml ``discourse.party_nouns``) takes the two sides of the latest
  two-sided event a few sentences back;
* **«معه»**: an event with an actor and no recipient, with a pronoun-suffixed preposition right after
  its trigger («وبحث معه», «ونقل إليه رسالة»), takes as recipient the latest participant named before
  it that is not its actor;
* **a claim of an attack told before**: «استهدفت طائرة مسيرة قاعدة عين الأسد فجر اليوم. وتبنت كتائب
  حزب الله الهجوم»: a claimed attack named by a definite noun (the claim verb governs «الهجوم») whose
  actor is the claimant is the attack of the sentences just before that had no attacker. When that
  record names no participant, it takes the claimant as its actor (claimed), keeping its own place
  and date, and the claim is not a second event; when it has victims or a toll of its own, the
  claim stays apart but takes the attack's place and date.

* **round 18, recipients from the sentences before**: a definite attack noun with an attacker and
  no target («… شاركت في الغارة») takes the targets of the attack just told; a threat with no
  addressee by one side of the attack just told is addressed to its other side; a condemnation
  whose object is a pronoun for the happening («معتبرة إياها انتهاكاً») to the attack's maker.

Work per sentence is a regex over its first words and a look at its mentions; the sentence is cut
into words only when one of its events lacks a participant and opens the sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from types import SimpleNamespace
from typing import Any

from marsad.events.lexicon import Lexicon
from marsad.events.modality import actor_keys
from marsad.events.morphology import POSSESSIVE_SUFFIXES  # also the object pronouns on a verb
from marsad.events.text import norm_word
from marsad.knowledge.cache import load_yaml
from marsad.model import Document, Mention, Sentence

# the first words of a sentence with the gap before each (for a comma before the verb)
# letters with their diacritics and tatweel («وشنّت» is one word; a number is a word that is never a verb)
_WORD = re.compile(r"[\w\u0640\u064B-\u065F\u0670]+")
_NEXT_WORD = re.compile(r"(\s*)((?:[^\W\d_]|[\u064B-\u065F\u0670\u0640])+)")
_HEAD_CHARS = 110
_DEFINITE = re.compile(r"^[وف]?(?:[بلك]?ال|لل)")  # a definite noun, with its clitics («بالهجوم»)
_VERB_REACH = 5  # a sentence's opening verb stands among its first words


@dataclass(slots=True)
class _Subject:
    refs: list[dict[str, Any]]
    gender: str  # "m", "f", or "mf" (a state is written with either)
    number: str  # "sg", "du", "pl"
    sentence: int


@dataclass(frozen=True, slots=True)
class _Config:
    openers: frozenset[str]
    auxiliaries: frozenset[str]
    no_subject_after: frozenset[str]
    party_nouns: frozenset[str]
    party_re: re.Pattern[str]
    party_window: int
    party_types: frozenset[str]
    pronoun_recipients: frozenset[str]
    pronoun_re: re.Pattern[str]
    carry_window: int
    counterparts: frozenset[str]


_CONFIGS: dict[int, _Config] = {}

_CLAUSE_END = re.compile(r"[،,.؛]")


def _clause_after(text: str, end: int, ev: dict[str, Any], reach: int) -> str:
    """The text after offset ``end`` up to the first comma or stop, within ``reach`` characters and
    ``ev``'s evidence sentence."""
    return _CLAUSE_END.split(text[end:min(ev["evidence"]["end"], end + reach)], maxsplit=1)[0]


def _config(lex: Lexicon) -> _Config:
    """cues.yaml ``discourse``, normalised once per lexicon."""
    raw = lex.cues["raw"]
    cfg = _CONFIGS.get(id(raw))
    if cfg is None:
        d = raw.get("discourse") or {}

        def norm(key: str) -> frozenset[str]:
            return frozenset(norm_word(w) for w in d.get(key) or ())

        cfg = _Config(norm("openers"), norm("auxiliaries"), norm("no_subject_after"), norm("party_nouns"),
                      re.compile("|".join(sorted({re.escape(w.lstrip("و")) for w in d.get("party_nouns") or ()}))
                                 or "(?!)"),
                      int(d.get("party_window", 3)), frozenset(d.get("party_types") or ()),
                      norm("pronoun_recipients"),
                      re.compile("|".join(sorted({re.escape(w) for w in d.get("pronoun_recipients") or ()}))
                                 or "(?!)"),
                      int(d.get("carry_window", 1)), norm("counterpart_objects"))
        _CONFIGS[id(raw)] = cfg
    return cfg


@lru_cache(maxsize=50_000)
def _norm(word: str) -> str:
    return norm_word(word)


def _ref(m: Mention) -> dict[str, Any] | None:
    ref = (m.extra or {}).get("ref")
    return ref if ref and ref.get("id") else None


# Quantity keys of a toll (casualties) on an attack record.
_TOLL_KEYS = frozenset({"killed", "wounded"})


def _open_events(events: list[dict[str, Any]]) -> bool:
    """Whether an event has an actor and no recipient: the only ones most discourse passes fill."""
    return any(ev["actor"] and not ev["recipient"] for ev in events)


def _settings(lex: Lexicon) -> dict[str, Any]:
    """The discourse settings of the lexicon's cues (word sets, types, windows) as :class:`Discourse`
    attributes, built on first use and kept on the lexicon: they are the same for every document."""
    raw = lex.cues["raw"]
    got = lex.word_caches.get("_discourse_settings")
    if got is not None and got[0] is raw:
        return got[1]
    st = SimpleNamespace()  # each setting becomes the Discourse attribute of its name
    raw_status = lex.cues["raw"].get("status") or {}
    st._claim_types = frozenset(raw_status.get("claim_types") or ())
    draw = lex.cues["raw"].get("discourse") or {}
    st._claim_window = int(draw.get("claim_window", 2))
    st._claim_words = frozenset(_norm(w) for w in draw.get("claim_words") or ())
    # round 18: recipients from the sentences around the event
    st._backref_types = frozenset(draw.get("backref_types") or ())
    st._backref_window = int(draw.get("backref_window", 3))
    st._backref_stops = frozenset(_norm(w) for w in draw.get("backref_target_words") or ())
    st._threat_types = frozenset(draw.get("threat_types") or ())
    st._threat_context = frozenset(draw.get("threat_context_types") or ())
    st._threat_window = int(draw.get("threat_window", 3))
    st._pronoun_object_types = frozenset(draw.get("pronoun_object_types") or ())
    st._pronoun_objects = frozenset(_norm(w) for w in draw.get("pronoun_object_verbs") or ())
    st._pronoun_after = frozenset(_norm(w) for w in draw.get("pronoun_objects") or ())
    st._pronoun_window = int(draw.get("pronoun_object_window", 2))
    st._keep = max(st._backref_window, st._threat_window, st._pronoun_window)
    # round 25: «واعتقلت تسعة منهم» (cues.yaml roles.count_words, count_pronouns, numbers.units)
    rroles = lex.cues["raw"].get("roles") or {}
    st._count_words = frozenset(_norm(w) for w in rroles.get("count_words") or ()) | frozenset(
        lex.cues["num_units"])
    st._count_pronouns = frozenset(_norm(w) for w in rroles.get("count_pronouns") or ())
    st._condemn_types = frozenset(draw.get("condemned_retold_types") or ())
    st._place_types = frozenset(draw.get("place_target_types") or ())
    st._met_types = frozenset(draw.get("met_pronoun_types") or ())
    st._met_after = frozenset(_norm(w) for w in draw.get("met_pronoun_after") or ())
    st._place_preps = frozenset(_norm(w) for w in draw.get("place_target_preps") or ())
    st._place_reach = int(draw.get("place_target_reach", 8))
    # the generic victims (cues.yaml generic_actors with role recipient): never an attack's maker
    st._victim_ids = frozenset(k for k, v in (lex.cues["raw"].get("generic_actors") or {}).items()
                                 if (v or {}).get("role") == "recipient")
    st._generic_attack_nouns = frozenset(_norm(w) for w in draw.get("generic_attack_nouns") or ())
    st._accused_types = frozenset(draw.get("shared_accused_types") or ())
    st._mediation_words = frozenset(_norm(w) for w in draw.get("mediation_words") or ())
    st._mediated_types = frozenset(draw.get("mediated_types") or ())
    st._shared_target_types = frozenset(draw.get("shared_target_types") or ())
    st._visit_purpose = frozenset(_norm(w) for w in draw.get("visit_purpose_words") or ())
    st._visit_reach = int(draw.get("visit_purpose_reach", 10))
    st._purpose_types = frozenset(draw.get("purpose_recipient_types") or ())
    st._purpose_reach = int(draw.get("purpose_reach", 6))
    # round 30: a protest's state (cues.yaml discourse.protest_state_types)
    st._protest_types = frozenset(draw.get("protest_state_types") or ())
    out = vars(st)
    lex.word_caches["_discourse_settings"] = (raw, out)
    return out


class Discourse:
    """The running state of one document: the subject in force and the recent two-sided events."""

    def __init__(self, doc: Document, lex: Lexicon) -> None:
        self.doc, self.lex, self.cfg = doc, lex, _config(lex)
        self._tenses: dict[str, tuple[str | None, Any]] = lex.word_caches.setdefault("_discourse_tense", {})
        self.subject: _Subject | None = None
        self.n = -1
        self.two_sided: list[tuple[int, dict[str, Any]]] = []  # (sentence, event) with actor and recipient
        self.told: list[dict[str, Any]] = []  # the events of the sentences before (for «معه»)
        self.unclaimed: list[tuple[int, dict[str, Any]]] = []  # (sentence, attack with no attacker)
        self._dates = sorted((d.start, d.end) for d in doc.dates)
        self.recent: list[tuple[int, dict[str, Any]]] = []  # (sentence, event) of the last few sentences
        self._victims: set[str] = set()  # the sides attacked in the document so far
        self._apart: set[int] = set()  # claims kept apart from the concrete attack they claim
        self._states: dict[Any, dict[str, Any] | None] = {}
        # the document-independent settings (cues.yaml), built once per lexicon
        self.__dict__.update(_settings(lex))

    # -- the sentence's first words ----------------------------------------------------------
    def _head(self, sent: Sentence) -> list[tuple[str, int, int, bool]]:
        """(normalised word, start, end, comma before) of the sentence's first words."""
        out: list[tuple[str, int, int, bool]] = []
        text, prev, base = sent.text[:_HEAD_CHARS], 0, sent.start
        fronted = "،" in text or "," in text  # a fronted phrase may stand before the verb
        openers, stop, seen = self.cfg.openers, _VERB_REACH, False
        for hit in _WORD.finditer(text):
            a, b = hit.span()
            w = _norm(hit.group())
            out.append((w, base + a, base + b, prev > 0 and b - prev > 1 and (
                "،" in text[prev:a] or "," in text[prev:a])))
            prev = b
            if not seen and w not in openers:
                if self._verb_tense(w)[0] is not None:
                    seen, stop = True, len(out) + 4  # the verb: its subject stands within the next words
                elif not fronted:
                    break  # the sentence opens with no verb: nothing to read further
            if len(out) >= stop:
                break
        return out

    def _verb_tense(self, w: str) -> tuple[str | None, Any]:
        """(tense, trigger or None) of a verb form of any lexicon, or (None, None) (cached per word type
        on the lexicon: the sentence heads of every document ask about the same few words)."""
        got = self._tenses.get(w)
        if got is None:
            lex = self.lex
            hit = lex.verbs.get(w)
            if hit is not None:
                got = (hit[1], hit[0])
            else:
                got = (lex.attribution_verbs.get(w) or lex.denial_verbs.get(w) or lex.light.get(w), None)
            if len(self._tenses) < 100_000:
                self._tenses[w] = got
        return got

    def _in_date(self, start: int) -> bool:
        return any(a <= start < b for a, b in self._dates)

    # -- the pass ----------------------------------------------------------------------------
    def link(self, sent: Sentence, events: list[dict[str, Any]], mentions: list[Mention]) -> None:
        """Fill the participants ``events`` (this sentence's) leave empty, then remember the
        sentence's subject and two-sided events for the next ones."""
        self.n += 1
        cfg = self.cfg
        head = self._head(sent)
        actors = [m for m in mentions if m.label not in ("LOC", "DATE") and _ref(m) is not None]
        verb = self._opening_verb(head, actors)
        # «والتقى نظيره الروسي سيرغي لافروف»: the counterpart right after the verb is its object, so
        # the subject is the one carried over (the recogniser's mention starts at «نظيره»)
        counterpart = verb is not None and self._counterpart_after(head, verb)
        own = self._own_subject(head, verb, actors, events) if verb is not None and not counterpart else None
        prev = self.subject if self.subject is not None and self.n - self.subject.sentence <= cfg.carry_window else None
        carried = None
        if verb is not None and own is None and prev is not None and (
                counterpart or self._no_subject_after(head, verb, actors, events)):
            if _agrees(self._features(head, verb), prev):
                carried = prev
                self._carry(head, verb, events, prev, counterpart)
        if events:
            self._named_guests(sent, events)
            self._parties(sent, events)
            self._party_mentions(events, mentions)
            self._continued_happenings(sent, events)
            self._pronoun_recipients(events, mentions)
            self._claims(events)
            # The passes below only fill an empty recipient, and all but two of them only that of an
            # event with an actor: from here on no pass gives an event an actor or takes a recipient
            # away, so with no such event now none can arise, and those passes have nothing to do.
            if _open_events(events):
                self._attack_backrefs(events)
                self._toll_targets(events)
                self._threat_addressees(events, mentions)
                self._pronoun_objects_of(events)
                self._counted_pronouns(events)
                self._mediated_parties(events)
                self._shared_targets(events)
                self._visit_counterparts(events, mentions)
                self._purpose_recipients(events)
                self._named_attack_makers(events)
                self._praised_aid(events)
                self._condemned_retold(events, mentions)
                self._shared_accused(events)
                self._place_targets(events, mentions)
                self._met_pronouns(events)
                self._protest_states(events)
            else:
                self._toll_targets(events)  # (an event with no participant at all)
                self._visit_counterparts(events, mentions)  # (a host read off the place may be replaced)
        # the subject in force for the next sentence
        if own is not None:
            self.subject = own
        elif carried is not None:
            self.subject = _Subject(carried.refs, carried.gender, carried.number, self.n)
        else:
            self.subject = None
        for ev in events:
            if ev["actor"] and ev["recipient"]:
                self.two_sided.append((self.n, ev))
        self.told = [*self.told[-20:], *events]
        self.recent = [(n, ev) for n, ev in self.recent if self.n - n < self._keep]
        self.recent.extend((self.n, ev) for ev in events)
        for ev in events:
            if ev["type"] in self._backref_types:
                self._victims |= _sides(ev["recipient"])
        self.unclaimed = [(n, ev) for n, ev in self.unclaimed if self.n - n < self._claim_window and not ev["actor"]]
        self.unclaimed.extend((self.n, ev) for ev in events
                              if ev["type"] in self._claim_types and not ev["actor"]
                              and ev["status"] in ("asserted", "reported") and not ev.get("_definite"))

    def _opening_verb(self, head: list[tuple[str, int, int, bool]], actors: list[Mention]) -> int | None:
        """Index (in ``head``) of the verb that opens the sentence: after openers only, or after a
        fronted phrase closed by a comma («وفي وقت لاحق، التقى»), with no participant before it."""
        first_actor = actors[0].start if actors else 1 << 60
        for i, (w, start, _, comma) in enumerate(head[:_VERB_REACH]):
            if start >= first_actor:
                return None
            tense, _ = self._verb_tense(w)
            if tense is not None and w not in self.cfg.auxiliaries:
                if all(h[0] in self.cfg.openers for h in head[:i]) or comma:
                    return i
                return None
        return None

    def _own_subject(self, head: list[tuple[str, int, int, bool]], verb: int, actors: list[Mention],
                     events: list[dict[str, Any]]) -> _Subject | None:
        """The overt subject of the opening verb: a participant within three words after it (dates
        aside), not after a preposition, with the participants coordinated to it by «و»."""
        vend = head[verb][2]
        limit = head[min(verb + 4, len(head) - 1)][2] if len(head) > verb + 1 else vend + 40
        cands = [m for m in actors if vend <= m.start <= limit]
        if not cands:
            return None
        m = cands[0]
        between = [h for h in head[verb + 1:] if h[2] <= m.start and not self._in_date(h[1])]
        if any(h[0] not in self.cfg.openers for h in between) or _after_preposition(m):
            return None
        group = [m]
        for nxt in actors:
            if nxt.start > group[-1].end and nxt.start - group[-1].end <= 2 and nxt.text[:1] == "و":
                group.append(nxt)
        refs = []
        for g in group:
            r = _ref(g)
            if r is not None and all(r.get("id") != x.get("id") for x in refs):
                refs.append(r)
        gender = _gender(group[0]) if len(refs) == 1 else "mf"
        number = "sg" if len(refs) == 1 else ("du" if len(refs) == 2 else "pl")
        if len(refs) == 1 and group[0].label == "PL":
            number = "pl"
        return _Subject(refs, gender, number, self.n)

    def _no_subject_after(self, head: list[tuple[str, int, int, bool]], verb: int, actors: list[Mention],
                          events: list[dict[str, Any]]) -> bool:
        """Whether the word after the opening verb (dates skipped) shows that no subject follows it."""
        first = next((h for h in head[verb + 1:] if not self._in_date(h[1])), None)
        if first is None:
            return False
        w, start, _, comma = first
        if comma:
            return False
        if any(m.start == start for m in actors):
            # a participant right after the verb is its subject (VSO), unless the clause took it
            # as the object of a verb that names its subject elsewhere
            return False
        if w in self.cfg.no_subject_after or w in self.cfg.pronoun_recipients:
            return True  # «وأضاف أن», «ودعا إلى», «وبحث معه»
        if self.lex.noun(w) is not None:
            # «ودان الهجوم», «وشنت غارات»: a happening is the object, never the subject; but after a
            # light verb a definite one is the subject of its passive («وسيُعقد الاجتماع»)
            return not (head[verb][0] in self.lex.light and w.startswith("ال"))
        # an indefinite noun is the object («وقصفت مواقع», «وأطلقت صواريخ»), unless it shows the
        # nominative of a plural or dual («وقصف مسلحون», «ودعا ناشطون»): an unnamed subject; a
        # definite noun that is no happening may be the subject («واعتقلت الشرطة»)
        return not w.startswith("ال") and not w.endswith(("ون", "ان"))

    def _counterpart_after(self, head: list[tuple[str, int, int, bool]], verb: int) -> bool:
        """Whether the word after the opening verb (dates skipped) is a counterpart or guest noun
        with its pronoun («نظيره», «ضيفه»): the verb's object, whose owner is the dropped subject."""
        first = next((h for h in head[verb + 1:] if not self._in_date(h[1])), None)
        return first is not None and not first[3] and first[0] in self.cfg.counterparts

    def _features(self, head: list[tuple[str, int, int, bool]], verb: int) -> tuple[str, str] | None:
        """(gender, number) the opening verb (or its auxiliary «وكانت») shows, None when unclear."""
        aux = next((h[0] for h in head[:verb] if h[0] in self.cfg.auxiliaries), None)
        w = aux or head[verb][0]
        tense, trig = self._verb_tense(w)
        if trig is not None and trig.kind != "verb":
            return None  # a passive: its agent is not the subject carried over
        lemma = trig.lemma if trig is not None else ""
        return _agreement(w, tense or "past", lemma)

    def _carry(self, head: list[tuple[str, int, int, bool]], verb: int, events: list[dict[str, Any]],
               subject: _Subject, counterpart: bool = False) -> None:
        """Give the opening verb's event (or the noun its light verb governs) the carried actor;
        with ``counterpart``, the participant the sentence took as actor is the object met."""
        starts = {head[verb][1]}
        if head[verb][0] in self.lex.light:
            # the noun the light verb governs, after at most a pronoun or a date («ووقّع معه اتفاقية»)
            starts.update(h[1] for h in head[verb + 1:verb + 4])
        keys = actor_keys(subject.refs)
        for ev in events:
            if ev["trigger"]["start"] not in starts or ev["_kind"] != "verbal":
                continue
            if ev["actor"] and counterpart and not actor_keys(ev["actor"]) & keys:
                # the counterpart read as the subject (VSO) is the one met
                seen = actor_keys(ev["recipient"])
                ev["recipient"] = [*ev["recipient"], *(dict(r) for r in ev["actor"] if not actor_keys([r]) & seen)]
                ev["actor"] = []
            if ev["actor"] or actor_keys(ev["recipient"]) & keys:
                continue  # the carried subject is already this event's other side
            ev["actor"] = [dict(r) for r in subject.refs]

    def _parties(self, sent: Sentence, events: list[dict[str, Any]]) -> None:
        """«وعقد الجانبان جلسة»: the two sides of the latest two-sided event for an event with none."""
        cfg = self.cfg
        if cfg.party_re.search(sent.text) is None:
            return
        recent = [ev for n, ev in self.two_sided if self.n - n <= cfg.party_window and ev["type"] in cfg.party_types]
        for ev in events:
            if ev["actor"] or ev["recipient"]:
                continue
            # round 38: a two-sided happening told earlier in the same sentence comes first
            # («واستقبل تميم ضيفه الكويتي …، وعقد الجانبان جلسة مباحثات»)
            here = [e for e in events if e is not ev and e["actor"] and e["recipient"]
                    and e["type"] in cfg.party_types and e["trigger"]["start"] < ev["trigger"]["start"]]
            if not here and not recent:
                continue
            last = (here or recent)[-1]
            t0, t1 = ev["trigger"]["start"] - sent.start, ev["trigger"]["end"] - sent.start
            # the subject: one of the two words before the trigger («وعقد الجانبان جلسة»), or the
            # word right after a verb («واتفق المجتمعون»); never one followed by a definite word,
            # which names the parties there («الرئيسان الروسي … والتركي …»)
            before = sent.text[max(0, t0 - 40):t0].split()[-2:]
            after = sent.text[t1:t1 + 40].split()[:2]
            spots = [(w, nxt) for w, nxt in zip(before, [*before[1:], ev["trigger"]["text"]], strict=False)]
            if ev["_kind"] == "verbal" and after:
                spots.append((after[0], after[1] if len(after) > 1 else ""))
            if any(_norm(w.strip("،,.«»")) in cfg.party_nouns and not _norm(nxt).startswith("ال")
                   for w, nxt in spots):
                ev["actor"] = [dict(r) for r in last["actor"]]
                ev["recipient"] = [dict(r) for r in last["recipient"]]

    def _named_guests(self, sent: Sentence, events: list[dict[str, Any]]) -> None:
        """Round 38: «واستقبل أمير قطر ضيفه الكويتي»: a guest or counterpart noun with a state adjective
        right after a meeting trigger is the person of that state named latest before the sentence
        (the visitor the article has been following), when the meeting has a host and no one met."""
        cues = _round38()
        text, base = sent.text, sent.start
        for ev in events:
            if ev["recipient"] or not ev["actor"] or ev["type"] not in cues["meeting_types"]:
                continue
            t1 = ev["trigger"]["end"] - base
            # the guest stands after the host's name («واستقبل أمير قطر الشيخ تميم … ضيفه الكويتي»)
            after = [_norm(w) for w in _WORD.findall(text[t1:t1 + 120])[:10]]
            i = next((k for k, w in enumerate(after[:-1]) if w in self.cfg.counterparts), None)
            if i is None:
                continue
            code = self._nisba_state(after[i + 1])
            if code is None:
                continue
            own = _sides(ev["actor"])
            guest = next((r for m in reversed(self.doc.mentions) if m.end <= sent.start and m.label == "PERS"
                          for r in [_ref(m)] if r is not None and r.get("country") == code), None)
            if guest is not None and guest["id"] not in own:
                ev["recipient"] = [dict(guest)]

    def _party_mentions(self, events: list[dict[str, Any]], mentions: list[Mention]) -> None:
        """Round 38: «واستقبل تميم ضيفه الكويتي …، وعقد الجانبان جلسة مباحثات»: the linker reads
        «الجانبان» as the last two persons named, but a reader takes the two sides of the meeting told
        just before it in the same sentence. Only for an event whose every participant comes from the
        party noun's mentions, and not when those two are already the sides of such a meeting."""
        cfg = self.cfg
        party = [m for m in mentions if _norm(m.text) in cfg.party_nouns]
        if not party:
            return
        for ev in events:
            if not (ev["actor"] and ev["recipient"]):
                continue
            start = ev["trigger"]["start"]
            near = [m for m in party if abs(m.start - start) < 40]
            keys = {str((_ref(m) or {}).get("id")) for m in near}
            if not near or not actor_keys(ev["actor"]) | actor_keys(ev["recipient"]) <= keys:
                continue
            here = [e for e in events if e is not ev and e["actor"] and e["recipient"]
                    and e["type"] in cfg.party_types and e["trigger"]["start"] < min(m.start for m in near)]
            if any(actor_keys(e["actor"]) | actor_keys(e["recipient"]) == keys for e in here):
                continue  # the linker's two are the sides of a meeting just told («استقبل السيسي أردوغان»)
            if here:
                ev["actor"] = [dict(r) for r in here[-1]["actor"]]
                ev["recipient"] = [dict(r) for r in here[-1]["recipient"]]

    def _nisba_state(self, word: str) -> str | None:
        """The country code of a state adjective («الكويتي», «الروسية») by a state the document names
        whose name it starts with («الكويت», «روسيا»), None when none fits."""
        w = word[2:] if word.startswith("ال") else word
        w = w[:-2] if w.endswith("يه") else w[:-1] if w.endswith("ي") else ""
        if len(w) < 3:
            return None
        for m in self.doc.mentions:
            r = _ref(m) if m.label == "GPE" else None
            name = _norm(str(r.get("name_ar") or "")) if r else ""
            name = name[2:] if name.startswith("ال") else name
            if name.startswith(w) and r and r.get("country"):
                return str(r["country"])
        return None

    def _continued_happenings(self, sent: Sentence, events: list[dict[str, Any]]) -> None:
        """Round 38: a sentence that continues a joint happening told before («وبحثا …», «وأكد الوزير
        خلال اللقاء …») takes its sides: a dual verb opening the sentence with no participant gives
        both; a meeting noun after «خلال/في» gives an event whose actor is one side the other side as
        recipient. Only from the nearest such happening a few sentences back, and nothing when another
        pair's happening was told in that window (the reader could not tell which one is meant)."""
        cues = _round38()
        recent = [ev for n, ev in self.two_sided if self.n - n < cues["window"]]
        if not recent:
            return
        text, base = sent.text, sent.start
        for ev in events:
            if ev["recipient"] or ev["status"] == "negated":
                continue
            t0, t1 = ev["trigger"]["start"] - base, ev["trigger"]["end"] - base
            if not ev["actor"]:
                # «وبحثا …»: a dual verb opening the sentence, its trigger or the light verb before it
                first = _WORD.search(text)
                if first is None or _norm(first.group()) not in cues["dual_openers"] or first.start() > 2:
                    continue
                if not (first.start() == t0 or (ev["_kind"] != "verbal" and t0 - first.end() < 30)):
                    continue
                last = _unambiguous(recent, cues["joint_types"])
                if last is not None:
                    ev["actor"] = [dict(r) for r in last["actor"]]
                    ev["recipient"] = [dict(r) for r in last["recipient"]]
                continue
            if ev["type"] not in cues["addressed_types"]:
                continue
            # «وأكد الوزير خلال اللقاء …»: a meeting noun with a preposition in the event's clause
            words = [_norm(w) for w in _WORD.findall(text[max(0, t0 - 60):t1 + 40])]
            if not any(a in cues["meeting_preps"] and b in cues["meeting_nouns"]
                       for a, b in zip(words, words[1:], strict=False)):
                continue
            last = _unambiguous(recent, cues["meeting_types"])
            if last is None:
                continue
            own = _sides(ev["actor"])
            if _sides(last["actor"]) & own and not _sides(last["recipient"]) & own:
                ev["recipient"] = [dict(r) for r in last["recipient"]]
            elif _sides(last["recipient"]) & own and not _sides(last["actor"]) & own:
                ev["recipient"] = [dict(r) for r in last["actor"]]

    def _claims(self, events: list[dict[str, Any]]) -> None:
        """«وتبنت كتائب حزب الله الهجوم»: the claimant is the attacker of the latest attack told in the
        sentences just before without one; the claim itself is folded into that record (removed from
        ``events``). Only a definite noun claimed by its actor, with no place or date of its own that
        could make it another happening."""
        text = self.doc.text
        for ev in list(events):
            if not (ev["type"] in self._claim_types and ev["actor"] and not ev["location"]
                    and ev["status"] != "negated" and _DEFINITE.match(_norm(ev["trigger"]["text"].split()[0]))):
                continue
            start = ev["trigger"]["start"]
            before = [_norm(w) for w in _WORD.findall(text[max(ev["evidence"]["start"], start - 80):start])[-5:]]
            if not any(w in self._claim_words or (w[:1] in "وف" and w[1:] in self._claim_words) for w in before):
                continue
            # the attack told earlier in this sentence («…، وتبنت الحركة الهجوم»: the date it shares
            # is the sentence's), else in the sentences just before (then the claim has no date)
            here = [t for t in events if t is not ev and t["trigger"]["start"] < start]
            cands = here if ev["date"] else [*(t for _, t in self.unclaimed), *here]
            target = next((t for t in reversed(cands)
                           if t["type"] == ev["type"] and not t["actor"] and t["status"] in ("asserted", "reported")
                           and (not ev["date"] or ev["date"] == t["date"])
                           and not actor_keys(t["recipient"]) & actor_keys(ev["actor"])), None)
            if target is None:
                continue
            if target["recipient"] or target["quantities"]:
                # a concrete record already (its victims, its toll): the claim stays a record of its
                # own, as the demo gold codes it («قُتل ١٤ شخصاً … وأعلن «داعش» مسؤوليته عن
                # التفجير»), placed and dated by the attack it claims
                if not ev["date"] and target["date"]:
                    ev["date"], ev["date_precision"] = target["date"], target["date_precision"]
                    ev["date_text"] = target["date_text"]
                ev["location"] = target["location"]
                if not ev["recipient"] and target["recipient"]:
                    # round 30: the claim of an attack on someone is a claim against them («وتبنت
                    # الميليشيا الهجوم» after «تعرّضت معامل أرامكو لهجوم»)
                    ev["recipient"] = [dict(r) for r in target["recipient"]]
                    ev["_claim_apart"] = True
                self._apart.add(id(ev))
                continue
            target["actor"] = [dict(r) for r in ev["actor"]]
            target["status"] = "claimed"
            for key, val in ev["quantities"].items():
                target["quantities"].setdefault(key, val)
            if not target["recipient"] and ev["recipient"]:
                target["recipient"] = [dict(r) for r in ev["recipient"]]
            events.remove(ev)

    def _attack_backrefs(self, events: list[dict[str, Any]]) -> None:
        """«ونفت موسكو أن تكون طائراتها قد شاركت في الغارة»: a definite attack noun with an attacker and
        no target names the attack told in the sentences just before; it takes that attack's targets
        (never its own attacker's side). Only with an actor: a bare «الغارة» is a restatement that
        the document pass folds away, and a target would keep it alive as a second record."""
        text = self.doc.text
        for ev in events:
            if not (ev["type"] in self._backref_types and ev["actor"] and not ev["recipient"]) or id(ev) in self._apart:
                continue  # a claim kept apart stays a record of the claim (see _claims)
            words = ev["trigger"]["text"].split()
            if not words or not _DEFINITE.match(_norm(words[0])):
                continue
            # «الغارات الإسرائيلية على الأراضي السورية»: a target phrase of its own, no back-reference
            end = ev["trigger"]["end"]
            after = [_norm(w) for w in _WORD.findall(text[end:end + 30])[:2]]
            if any(w in self._backref_stops for w in after):
                continue
            own = _sides(ev["actor"])
            start = ev["trigger"]["start"]
            cands = [e for n, e in self.recent if self.n - n <= self._backref_window]
            cands += [e for e in events if e["trigger"]["start"] < start]
            target = next((e for e in reversed(cands) if e is not ev and e["type"] == ev["type"]
                           and e["recipient"] and e["status"] != "negated"), None)
            if target is None or _sides(target["recipient"]) & own:
                continue
            if own & self._victims:
                continue  # «وطلبت الإمارات عقد جلسة … لبحث الهجوم»: a side attacked before, not the attacker
            # the attack told by another attacker is another attack, unless this one is a denial
            # («ونفى أن تكون إيران قد شاركت في الهجوم» after the Houthis' claim)
            if target["actor"] and not _sides(target["actor"]) & own and ev["status"] != "negated":
                continue
            ev["recipient"] = [dict(r) for r in target["recipient"]]

    def _toll_targets(self, events: list[dict[str, Any]]) -> None:
        """«نجا الكاظمي … من محاولة اغتيال. … وأفاد مصدر أمني بأن ستة من أفراد الحماية أصيبوا بجروح»:
        a toll told on its own (an attack record of killing/wounding words or casualty counts and no
        participant at all), in the
        sentence right after an attack with a target, is that attack's toll: it takes its target, as
        the gold codes tolls split from the attack (round 32). A toll whose sentence tells an attack
        of its own is left alone."""
        if not self.recent or any(e["type"] in self._backref_types and (e["actor"] or e["recipient"])
                                  for e in events):
            return
        for ev in events:
            if not (ev["type"] in self._backref_types and not ev["actor"] and not ev["recipient"]
                    and (ev.get("mode") == "kill" or not _TOLL_KEYS.isdisjoint(ev.get("quantities") or ()))):
                continue
            told = next((e for n, e in reversed(self.recent) if self.n - n == 1 and e["type"] == ev["type"]
                         and e["recipient"] and e["status"] != "negated"), None)
            if told is not None:
                ev["recipient"] = [dict(r) for r in told["recipient"]]

    def _threat_addressees(self, events: list[dict[str, Any]], mentions: list[Mention]) -> None:
        """«قُتل سليماني … في غارة شنتها طائرة أمريكية. … وتوعد خامنئي بانتقام قاسٍ»: a threat with no
        addressee, in a sentence that names no other party, by one side of the latest attack told in
        the sentences just before, is addressed to the attack's other side. Sides are the actors'
        ids and states; a threatener on both sides (a war within one state) gets nothing."""
        for ev in events:
            if not (ev["type"] in self._threat_types and ev["actor"] and not ev["recipient"]):
                continue
            own = _sides(ev["actor"])
            others = [m for m in mentions if m.label not in ("LOC", "DATE") and _ref(m) is not None
                      and not _sides([_ref(m)]) & own]
            if others:
                continue  # the sentence names someone the threat may address
            told = self._retold_attack(ev, events, mentions)
            if told is not None:
                # round 30: «وهدّد أردوغان باستئناف العملية»: the attack the threat names again
                a, r = _sides(told["actor"]), _sides(told["recipient"])
                if own & a and not own & r:
                    ev["recipient"] = [dict(x) for x in told["recipient"]]
                    continue
                if own & r and not own & a:
                    ev["recipient"] = [dict(x) for x in told["actor"]]
                    continue
            # round 30: the attack told earlier in this sentence comes first («وتبنّت الميليشيا
            # الهجوم، وقال المتحدث باسمها …، متوعداً بتوسيع بنك الأهداف»)
            start = ev["trigger"]["start"]
            here = [(self.n, e) for e in events if e is not ev and e["trigger"]["start"] < start]
            target = next((e for n, e in reversed([*self.recent, *here])
                           if self.n - n <= self._threat_window and e["type"] in self._threat_context
                           and e["actor"] and e["recipient"] and e["status"] != "negated"), None)
            if target is None:
                continue
            a, r = _sides(target["actor"]), _sides(target["recipient"])
            if own & a and not own & r:
                ev["recipient"] = [dict(x) for x in target["recipient"]]
            elif own & r and not own & a:
                ev["recipient"] = [dict(x) for x in target["actor"]]

    def _condemned_retold(self, events: list[dict[str, Any]], mentions: list[Mention]) -> None:
        """«… واصفاً العملية بأنها انتهاك لسيادة أفغانستان», «ودانت الخارجية الغارات بشدة»: a
        condemnation (``condemned_retold_types``) with no one named, whose clause names again by a
        definite noun an attack told before, accuses that attack's maker (round 30)."""
        for ev in events:
            if ev["type"] not in self._condemn_types or not ev["actor"] or ev["recipient"]:
                continue
            told = self._retold_attack(ev, events, mentions, need_target=False)
            if told is None and self._generic_attack_nouns:
                # «واصفاً العملية بأنها انتهاك»: a generic noun for the attack just told (cues.yaml
                # generic_attack_nouns) right after the condemning word, its subject aside
                end = ev["trigger"]["end"]
                clause = _clause_after(self.doc.text, end, ev, 90)
                # the words of the clause outside the names («ودان رئيس الوزراء … الهجوم»; never
                # «العمليات» of «قيادة العمليات المشتركة»)
                named = [(m.start, m.end) for m in mentions]
                free = [h.group() for h in _WORD.finditer(clause)
                        if not any(a <= end + h.start() < b for a, b in named)][:4]
                if any(_norm(w) in self._generic_attack_nouns for w in free):
                    start = ev["trigger"]["start"]
                    cands = [e for n, e in self.recent if self.n - n <= self._backref_window]
                    cands += [e for e in events if e["trigger"]["start"] < start]
                    # the attack the article is telling (the first in the window) over one told
                    # in passing since («متهمة سليماني بالتخطيط لهجمات على القوات الأمريكية»)
                    told = next((e for e in cands if e["type"] in self._backref_types and e["actor"]
                                 and e["status"] != "negated" and not actor_keys(e["actor"]) & self._victim_ids), None)
            if told is not None and not _sides(told["actor"]) & _sides(ev["actor"]):
                ev["recipient"] = [dict(r) for r in told["actor"]]

    def _retold_attack(self, ev: dict[str, Any], events: list[dict[str, Any]], mentions: list[Mention],
                       need_target: bool = True) -> dict[str, Any] | None:
        """The two-sided attack told before that a definite attack noun of the clause right after
        ``ev``'s trigger names again («باستئناف العملية», «بمواصلة الغارات»): same noun as the
        first word of that attack's trigger, up to six words on, before a comma."""
        text = self.doc.text
        end = ev["trigger"]["end"]
        clause = _clause_after(text, end, ev, 100)
        # the words of the clause outside the names (the subject of a VSO verb stands between)
        named = [(m.start, m.end) for m in mentions]
        free = [h.group() for h in _WORD.finditer(clause) if not any(a <= end + h.start() < b for a, b in named)]
        nouns = [_stem_noun(_norm(w)) for w in free[:6] if _DEFINITE.match(_norm(w))]
        nouns = [n for n in nouns if len(n) >= 3]
        if not nouns:
            return None
        start = ev["trigger"]["start"]
        told = [*self.told, *(e for e in events if e["trigger"]["start"] < start)]
        return next((e for noun in nouns for e in reversed(told) if e["type"] in self._backref_types
                     and e["actor"] and (e["recipient"] or not need_target) and e["status"] != "negated"
                     and e["trigger"]["text"].split()
                     and _stem_noun(_norm(e["trigger"]["text"].split()[0])) == noun), None)

    def _pronoun_objects_of(self, events: list[dict[str, Any]]) -> None:
        """«… قُتلا في الضربة، معتبرة إياها انتهاكاً», «ودان … الاعتداء، واعتبره جريمة»: a
        condemnation whose object is a pronoun for the happening just told is addressed to the
        maker of the latest attack told (in this sentence before it, else just before)."""
        text = self.doc.text
        for ev in events:
            if not (ev["type"] in self._pronoun_object_types and ev["actor"] and not ev["recipient"]):
                continue
            words = ev["trigger"]["text"].split()
            nxt = _NEXT_WORD.match(text, ev["trigger"]["end"], min(len(text), ev["trigger"]["end"] + 20))
            if not ((words and _norm(words[-1]) in self._pronoun_objects)
                    or (nxt is not None and _norm(nxt.group(2)) in self._pronoun_after)):
                continue
            own = _sides(ev["actor"])
            start = ev["trigger"]["start"]
            cands = [e for n, e in self.recent if self.n - n <= self._pronoun_window]
            cands += [e for e in events if e["trigger"]["start"] < start]
            target = next((e for e in reversed(cands) if e is not ev and e["type"] in self._backref_types
                           and e["actor"] and e["status"] != "negated"), None)
            if target is not None and not _sides(target["actor"]) & own:
                ev["recipient"] = [dict(r) for r in target["actor"]]

    def _counted_pronouns(self, events: list[dict[str, Any]]) -> None:
        """«قتلت عدداً من المهربين واعتقلت تسعة منهم»: an event with an actor and no recipient whose
        trigger is followed by a count and «منهم» acts upon those the previous event of the same
        actor in the sentence acted upon."""
        text = self.doc.text
        for ev in events:
            if not ev["actor"] or ev["recipient"]:
                continue
            end = ev["trigger"]["end"]
            after = [_norm(w) for w in _WORD.findall(text[end:end + 30])[:2]]
            if len(after) < 2 or after[1] not in self._count_pronouns or not (
                    after[0][:1].isdigit() or after[0] in self._count_words):
                continue
            own = actor_keys(ev["actor"])
            start = ev["trigger"]["start"]
            last = next((e for e in reversed(events) if e is not ev and e["trigger"]["start"] < start
                         and e["recipient"] and actor_keys(e["actor"]) & own), None)
            if last is not None:
                ev["recipient"] = [dict(r) for r in last["recipient"]]

    def _mediated_parties(self, events: list[dict[str, Any]]) -> None:
        """«هدنة بين إسرائيل وحركة الجهاد … إثر وساطة قادتها مصر»: a mediation with a mediator and no
        recipient is addressed to both sides of the joint happening of its sentence (the first
        one with two sides, neither the mediator's)."""
        text = self.doc.text
        for ev in events:
            if ev["type"] != "CONSULT" or not ev["actor"] or ev["recipient"]:
                continue
            if ev.get("mode") != "mediate":
                end = ev["trigger"]["end"]
                near = [_norm(w) for w in ev["trigger"]["text"].split()]
                near += [_norm(w) for w in _WORD.findall(text[end:end + 25])[:2]]
                if not any(w in self._mediation_words for w in near):
                    continue
            own = _sides(ev["actor"])
            joint = next((e for e in events if e is not ev and e["type"] in self._mediated_types
                          and e["actor"] and e["recipient"] and e["status"] != "negated"
                          and not (_sides(e["actor"]) | _sides(e["recipient"])) & own), None)
            if joint is not None:
                ev["recipient"] = [dict(r) for r in (*joint["actor"], *joint["recipient"])]

    def _shared_targets(self, events: list[dict[str, Any]]) -> None:
        """«أطلقت تركيا عملية … ضد «قسد»، وسيطرت … على مدينتي …»: a coordinated verb with the same
        actor and no target of its own continues the action against the target just named."""
        types = self._shared_target_types
        for ev in events:
            if ev["type"] not in types or not ev["actor"] or ev["recipient"]:
                continue
            first = ev["trigger"]["text"].split()[:1]
            if not first or first[0][:1] not in "وف" or ev["status"] == "negated":
                continue
            own = actor_keys(ev["actor"])
            start = ev["trigger"]["start"]
            last = next((e for e in reversed(events) if e is not ev and e["type"] in types
                         and e["trigger"]["start"] < start and e["recipient"] and e["status"] != "negated"
                         and actor_keys(e["actor"]) & own), None)
            if last is not None and not actor_keys(last["recipient"]) & own:
                ev["recipient"] = [dict(r) for r in last["recipient"]]

    def _visit_counterparts(self, events: list[dict[str, Any]], mentions: list[Mention]) -> None:
        """«يزور وفد عسكري إيراني دمشق … لبحث التنسيق الميداني مع الجيش السوري»: the party a visit's
        purpose phrase names after «مع» is the one visited, over the host state read off the place."""
        text = self.doc.text
        for ev in events:
            if ev["type"] != "CONSULT" or ev.get("mode") != "visit" or not ev["actor"]:
                continue
            loc = ev.get("location") or {}
            if ev["recipient"] and not (len(ev["recipient"]) == 1 and not ev["recipient"][0].get("role")
                                        and loc.get("country") and ev["recipient"][0].get("country") == loc.get("country")):
                continue  # a host named in the text (a person or body) stays
            end, stop = ev["trigger"]["end"], ev["evidence"]["end"]
            words = [(m.start(), _norm(m.group())) for m in _WORD.finditer(text, end, stop)][:self._visit_reach + 6]
            purpose = next((i for i, (_, w) in enumerate(words[:self._visit_reach]) if w in self._visit_purpose), None)
            if purpose is None:
                continue
            with_at = next((a for a, w in words[purpose + 1:] if w == "مع"), None)
            if with_at is None:
                continue
            own = _sides(ev["actor"])
            hit = next((m for m in mentions if m.start > with_at and m.label not in ("LOC", "DATE")
                        and _ref(m) is not None and not text[with_at + 2:m.start].strip()), None)
            if hit is not None and not _sides([_ref(hit)]) & own:
                ev["recipient"] = [dict(_ref(hit))]

    def _purpose_recipients(self, events: list[dict[str, Any]]) -> None:
        """«توفير أسلحة روسية … لدعم الجيش السوري»: an aid with no recipient goes to the one the
        purpose masdar right after it supports."""
        text = self.doc.text
        for ev in events:
            if ev["type"] != "AID" or not ev["actor"] or ev["recipient"]:
                continue
            end = ev["trigger"]["end"]
            for other in events:
                start = other["trigger"]["start"]
                if (other is ev or other["type"] not in self._purpose_types or not other["recipient"]
                        or start < end or not other["trigger"]["text"].startswith("ل")):
                    continue
                gap = text[end:start]
                if len(_WORD.findall(gap)) <= self._purpose_reach and "،" not in gap and "." not in gap:
                    if not actor_keys(other["recipient"]) & actor_keys(ev["actor"]):
                        ev["recipient"] = [dict(r) for r in other["recipient"]]
                    break

    def _named_attack_makers(self, events: list[dict[str, Any]]) -> None:
        """«وندّد المتحدث باسم الخارجية الإيرانية بالضربات»: a condemned attack with no maker in the
        sentence (``_attack_object``) is the latest attack told with the same noun («ضربات …
        أمريكية وبريطانية»), not merely the latest attack; its makers are accused."""
        text = self.doc.text
        for ev in events:
            if not ev.get("_attack_object") or ev["recipient"] or not ev["actor"]:
                continue
            end = ev["trigger"]["end"]
            start = ev["trigger"]["start"]
            # the attack noun the condemnation governs: the next attack trigger of the sentence
            obj = next((e for e in events if e["type"] == "ASSAULT" and e["trigger"]["start"] >= end
                        and len(_WORD.findall(text[end:e["trigger"]["start"]])) <= 12), None)
            if obj is not None:
                nouns = [_stem_noun(_norm(w)) for w in obj["trigger"]["text"].split()[:1]]
            else:
                # round 30: the object may stand after the subject («وندّد المتحدث باسم الخارجية
                # الإيرانية ناصر كنعاني بالضربات»): the words of the clause up to a comma
                clause = _clause_after(text, end, ev, 120)
                nouns = [_stem_noun(_norm(w)) for w in _WORD.findall(clause)[:12]]
            nouns = [n for n in nouns if len(n) >= 3]
            if not nouns:
                continue
            own = _sides(ev["actor"])
            told = [*self.told, *(e for e in events if e["trigger"]["start"] < start)]
            sames = [e for noun in nouns for e in reversed(told) if e["type"] == "ASSAULT" and e["actor"]
                     and e is not obj and e["status"] != "negated" and e["trigger"]["text"].split()
                     and _stem_noun(_norm(e["trigger"]["text"].split()[0])) == noun]
            # the record that told the attack first («ضربات جوية») over a retelling by the definite
            # noun («الضربات جاءت رداً على هجمات الحوثيين»), whose actor is read less surely
            same = next((e for e in sames if not _DEFINITE.match(_norm(e["trigger"]["text"].split()[0]))),
                        sames[0] if sames else None)
            if same is not None and not _sides(same["actor"]) & own:
                ev["recipient"] = [dict(r) for r in same["actor"]]

    def _praised_aid(self, events: list[dict[str, Any]]) -> None:
        """«وأشاد الأسد بالدعم الذي قدمته القوات الجوية الروسية»: aid with no recipient that the
        praise right before it is about went to the praiser's state (a state named in the document;
        nothing when none is)."""
        text = self.doc.text
        for ev in events:
            if ev["type"] != "AID" or not ev["actor"] or ev["recipient"]:
                continue
            start = ev["trigger"]["start"]
            if not _norm(ev["trigger"]["text"]).startswith("ب"):
                continue  # «أشاد … بالدعم»: the aid is the object of the praise
            praise = next((e for e in events if e is not ev and e["type"] == "SUPPORT" and e.get("mode") == "praise"
                           and e["actor"] and e["trigger"]["end"] <= start
                           and len(_WORD.findall(text[e["trigger"]["end"]:start])) <= 8
                           and "،" not in text[e["trigger"]["end"]:start]), None)
            if praise is None:
                continue
            state = self._state(praise["actor"][0].get("country"))
            if state is not None and not _sides([state]) & _sides(ev["actor"]):
                ev["recipient"] = [dict(state)]  # never the aider's own state

    def _state(self, iso: Any) -> dict[str, Any] | None:
        """The ref of the state ``iso`` as the document names it (a GPE mention with no role), or
        None when the document never names it: a state is carried only when the text names it."""
        if not iso:
            return None
        if iso not in self._states:
            self._states[iso] = next((_ref(m) for m in self.doc.mentions if m.label == "GPE" and _ref(m) is not None
                                      and _ref(m).get("country") == iso and not _ref(m).get("role")
                                      and not str(_ref(m).get("id")).startswith(("unresolved:", "office:"))), None)
        return self._states[iso]

    def _protest_states(self, events: list[dict[str, Any]]) -> None:
        """«خرج آلاف المتظاهرين في ساحة التحرير وسط بغداد»: a protest that names no one it is
        addressed to is addressed to the state where it happens (its place's country), when the
        document names that state (round 30). Never the protesters' own side (a party of that state
        protesting abroad, «أمام السفارة»: its recipient is named there)."""
        for ev in events:
            if ev["type"] not in self._protest_types or not ev["actor"] or ev["recipient"] or ev["status"] == "negated":
                continue
            first = ev["trigger"]["text"].split()[:1]
            if first and _norm(first[0]).startswith("ل"):
                continue  # «استدعت الخارجية القائم بالأعمال للاحتجاج على الهجوم»: a purpose, not a street protest
            state = self._state((ev.get("location") or {}).get("country"))
            if state is not None and not _sides([state]) & _sides(ev["actor"]):
                ev["recipient"] = [dict(state)]

    def _met_pronouns(self, events: list[dict[str, Any]]) -> None:
        """«وصل عبد اللهيان إلى دمشق. واستقبله الأسد», «خلال لقائه به»: a meeting (``met_pronoun_types``)
        with a host and no guest, whose verb carries an object pronoun (or whose noun is followed by
        «به»), met the subject of the sentence before, else the maker of the latest event told
        before it, when not on the host's side (round 30)."""
        text = self.doc.text
        for ev in events:
            if ev["type"] not in self._met_types or not ev["actor"] or ev["recipient"]:
                continue
            words = ev["trigger"]["text"].split()
            if not words:
                continue
            w = _norm(words[-1])
            tense, trig = self._verb_tense(w)
            suffixed = trig is not None and any(w.endswith(x) and not trig.lemma.endswith(x) for x in POSSESSIVE_SUFFIXES)
            nxt = _NEXT_WORD.match(text, ev["trigger"]["end"], min(len(text), ev["trigger"]["end"] + 20))
            if not (suffixed or (nxt is not None and _norm(nxt.group(2)) in self._met_after)):
                continue
            own = _sides(ev["actor"])
            start = ev["trigger"]["start"]
            cands: list[list[dict[str, Any]]] = []
            if self.subject is not None and self.n - self.subject.sentence <= 1:
                cands.append(self.subject.refs)
            cands += [e["actor"] for e in reversed([*self.told, *(e for e in events if e["trigger"]["start"] < start)])
                      if e is not ev and e["actor"]][:1]
            guest = next((c for c in cands if c and not _sides(c) & own), None)
            if guest is not None:
                ev["recipient"] = [dict(r) for r in guest]

    def _place_targets(self, events: list[dict[str, Any]], mentions: list[Mention]) -> None:
        """«شنّت إسرائيل غارة جوية … على مطار دمشق الدولي»: an attack (``place_target_types``) with
        an attacker and no target, struck «على/ضد» a place, is aimed at the state the place is in,
        when the document names that state and it is not the attacker's (round 30)."""
        if not self._place_types:
            return
        text = self.doc.text
        places = [m for m in mentions if m.label == "LOC" and ((m.extra or {}).get("location") or {}).get("country")]
        if not places:
            return
        for ev in events:
            if ev["type"] not in self._place_types or not ev["actor"] or ev["recipient"] or ev["status"] == "negated":
                continue
            end = ev["trigger"]["end"]
            for m in places:
                if m.start < end:
                    continue
                gap = text[end:m.start]
                words = _WORD.findall(gap)
                if len(words) > self._place_reach or "،" in gap or "." in gap or not words:
                    break
                if _norm(words[-1]) not in self._place_preps or text[m.start - 1:m.start] != " ":
                    continue
                state = self._state(m.extra["location"]["country"])
                if state is not None and not _sides([state]) & _sides(ev["actor"]):
                    ev["recipient"] = [dict(state)]
                break

    def _shared_accused(self, events: list[dict[str, Any]]) -> None:
        """«ودان ميقاتي «الاعتداء الإسرائيلي» …، مؤكداً أن لبنان سيتقدم بشكوى عاجلة إلى مجلس الأمن»:
        a later act of the types ``shared_accused_types`` by the same side (its person, body or
        state) with no one named is aimed at whom the sentence's earlier one accused (round 30)."""
        for ev in events:
            if ev["type"] not in self._accused_types or not ev["actor"] or ev["recipient"]:
                continue
            own = _sides(ev["actor"])
            start = ev["trigger"]["start"]
            last = next((e for e in reversed(events) if e is not ev and e["type"] == ev["type"]
                         and e["trigger"]["start"] < start and e["recipient"] and e["status"] != "negated"
                         and _sides(e["actor"]) & own), None)
            if last is not None and not _sides(last["recipient"]) & own:
                ev["recipient"] = [dict(r) for r in last["recipient"]]

    def _pronoun_recipients(self, events: list[dict[str, Any]], mentions: list[Mention]) -> None:
        """«وبحث معه»: the latest participant named before the trigger that is not the actor."""
        text = self.doc.text
        if not any(ev["actor"] and not ev["recipient"] for ev in events) or self.cfg.pronoun_re.search(
                text, events[0]["evidence"]["start"], events[0]["evidence"]["end"]) is None:
            return
        for ev in events:
            if not ev["actor"] or ev["recipient"]:
                continue
            # right after the trigger («وبحث معه»), or between a light verb and its noun («ووقّع معه
            # اتفاقية»)
            end = ev["trigger"]["end"]
            nxt = _NEXT_WORD.match(text, end, min(len(text), end + 20))
            prev = text[max(0, ev["trigger"]["start"] - 12):ev["trigger"]["start"]].split()
            if not ((nxt is not None and _norm(nxt.group(2)) in self.cfg.pronoun_recipients)
                    or (prev and _norm(prev[-1]) in self.cfg.pronoun_recipients)):
                continue
            own = actor_keys(ev["actor"])
            start = ev["trigger"]["start"]
            # the other side of the latest event of this actor («والتقى حاتمي الأسد … وبحث معه»)
            told = [e for e in [*self.told, *events] if e["trigger"]["start"] < start and e["recipient"]]
            last = next((e for e in reversed(told) if actor_keys(e["actor"]) & own), None)
            if last is not None and not actor_keys(last["recipient"]) & own:
                ev["recipient"] = [dict(r) for r in last["recipient"]]


_ROUND38: dict[str, Any] | None = None


def _round38() -> dict[str, Any]:
    """``data/discourse.yaml``, normalised once (word sets, type sets, the window)."""
    global _ROUND38
    if _ROUND38 is None:
        raw = load_yaml(resources.files("marsad.events").joinpath("data", "discourse.yaml")) or {}
        out: dict[str, Any] = {k: frozenset(_norm(w) for w in raw.get(k) or ())
                               for k in ("meeting_nouns", "meeting_preps", "dual_openers")}
        out.update({k: frozenset(raw.get(k) or ()) for k in ("meeting_types", "addressed_types", "joint_types")})
        out["window"] = int(raw.get("window", 3))
        _ROUND38 = out
    return _ROUND38


def _unambiguous(recent: list[dict[str, Any]], types: frozenset[str]) -> dict[str, Any] | None:
    """The latest two-sided event of ``types`` in ``recent``, or None when an event of those types
    between other sides (no side shared) was told in the same window."""
    cands = [ev for ev in recent if ev["type"] in types]
    if not cands:
        return None
    last = cands[-1]
    sides = _sides(last["actor"]) | _sides(last["recipient"])
    if any(not (_sides(ev["actor"]) | _sides(ev["recipient"])) & sides for ev in cands[:-1]):
        return None
    return last


def _stem_noun(w: str) -> str:
    """A noun without its conjunction, preposition and article («وبالضربات» → «ضربات»)."""
    w = w[1:] if w[:1] in "وف" and len(w) > 4 else w
    w = w[1:] if w[:1] in "بل" and len(w) > 4 and w[1:3] == "ال" else w
    w = "ل" + w[2:] if w.startswith("لل") else w
    return w[2:] if w.startswith("ال") and len(w) > 4 else w


def _sides(refs: list[dict[str, Any]]) -> set[str]:
    """The side of a party: its ids and its states («IRN» for both the Guard and Khamenei)."""
    out = actor_keys(refs)
    out.update(str(r["country"]) for r in refs if r.get("country"))
    return out


def _after_preposition(m: Mention) -> bool:
    """A mention written with a preposition clitic that its name lacks («بالرئيس», «لروسيا»)."""
    t = _norm(m.text.split()[0]) if m.text.split() else ""
    name = _norm(str((_ref(m) or {}).get("name_ar") or "").split(" ")[0]) if _ref(m) else ""
    t = t[1:] if t[:1] in "وف" and not name.startswith(t[:1]) else t
    return t[:1] in "بلك" and not name.startswith(t[:1])


def _gender(m: Mention) -> str:
    """The grammatical gender a verb shows for a subject mention: a person is masculine (a woman
    named alone is not told apart: no carry then), a state either, a body by its head noun
    («وزارة», «حركة», «قوات» feminine; «الجيش», «حزب», «مجلس» masculine)."""
    if m.label == "PERS":
        return "m"
    if m.label == "GPE":
        return "mf"
    words = m.text.split()
    first = _norm(words[0]) if words else ""
    first = first[1:] if first[:1] in "وف" else first
    return "f" if first.endswith(("ه", "ات")) else "m"


def _agreement(w: str, tense: str, lemma: str) -> tuple[str, str] | None:
    """(gender, number) of a verb form from its affixes; the lemma keeps a root letter («ثبت»,
    «دعا») from being read as an ending."""
    w = w[1:] if w[:1] in "وف" and len(w) > 3 else w
    if tense == "past":
        if w.endswith("وا"):
            return "m", "pl"
        if w.endswith("تا"):
            return "f", "du"
        if w.endswith("ا") and not lemma.endswith(("ا", "ي")):
            return "m", "du"
        if w.endswith("ن") and not lemma.endswith("ن"):
            return "f", "pl"
        if w.endswith("ت") and not lemma.endswith("ت"):
            return "f", "sg"
        return "m", "sg"
    w = w[1:] if w[:1] in "سل" and len(w) > 3 else w
    if w[:1] not in "يت":
        return None  # first person («نرفض») or not a verb form we read
    gender = "f" if w[0] == "ت" else "m"
    if w.endswith(("ون", "وا")):
        return "m", "pl"
    if w.endswith("ان"):
        return gender, "du"
    return gender, "sg"


def _agrees(features: tuple[str, str] | None, subject: _Subject) -> bool:
    if features is None:
        return False
    gender, number = features
    if number != subject.number:
        return False
    return subject.gender == "mf" or subject.gender == gender or number == "pl"
