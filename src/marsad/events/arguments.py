"""Who did it to whom, where and when: argument assignment around a trigger.

The recogniser's mentions are placed on the sentence's words and grouped by coordination
(«روسيا وإيران» is one group of two actors). Roles then follow Arabic clause order:

* verb, active: a bare group right after the verb is the subject (VSO); otherwise the nearest bare
  group before it in the clause (SVO). The next group after the subject (bare = direct object, or
  after مع/على/ضد/إلى/ل/ب) is the recipient;
* verb, passive or "victim" readings (أُصيب, لقي حتفه, «قُتل 14 شخصاً» with a number right after
  the verb): the grammatical subject is the recipient and the actor is the group after an agent
  marker (على يد, من قبل, بنيران);
* noun (masdar): the genitive or nisba right after it is the agent («زيارة الرئيس الروسي»,
  «الغارات الإسرائيلية»), except for patient nouns (مقتل, اعتقال, اغتيال) where it is the object;
  a light verb before the noun («شنّت الطائرات غارات») makes the noun behave like a verb;
* «بين X وY»: X is the actor and Y the recipient;
* location: a place mention after a locative preposition (في, ب, إلى, قرب …) nearest the trigger;
* date: the time expression of the same sentence nearest the trigger, never the publication date.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any

from marsad.events.cuewords import GENERIC, last_records, positions
from marsad.events.lexicon import Lexicon, Match
from marsad.events.morphology import POSSESSIVE_SUFFIXES
from marsad.events.roles import cue_phrases, cue_words, exposed_subject, invitation_host, reported_pronoun
from marsad.events.text import Word, clitic_candidates, norm_of, norm_word, word_after
from marsad.model import Mention, TimeExpression

ACTOR_LABELS = frozenset({"PERS", "ORG", "GPE", "MISC"})
PLACE_LABELS = frozenset({"LOC", "GPE"})


@dataclass(slots=True)
class Arg:
    """A mention placed on the words of a sentence."""

    mention: Mention
    first: int
    last: int
    prep: str | None = None
    actor: dict[str, Any] | None = None
    place: dict[str, Any] | None = None
    key: str = ""  # identity for de-duplication (actor id or text)
    attribute: bool = False  # a lone nisba adjective («السورية» in «الثورة السورية»)
    title_part: bool = False  # the genitive inside another person's title («مستشار المرشد … ولايتي»)
    lead: int = -1  # first word of a title that belongs to this mention but was left outside it


@dataclass(slots=True)
class Group:
    """Coordinated mentions that fill one role together.

    ``first``, ``last`` and ``prep`` (the first member's first word and preposition, the last member's
    last word) are read hundreds of thousands of times per corpus, so they are plain attributes set
    when the group is made and kept up to date by :meth:`add` — members join through :meth:`add`,
    never by appending to ``members`` directly. :attr:`is_actor` is cached too, keyed by the number of
    members. The members' spans, ``prep``, ``actor`` and ``title_part`` are all settled before the
    groups are built (:func:`place_mentions` and the sentence's actor fixes run first) and must not
    change afterwards.
    """

    members: list[Arg] = field(default_factory=list)
    first: int = field(default=-1, init=False)
    last: int = field(default=-1, init=False)
    prep: str | None = field(default=None, init=False)
    _actor_n: int = field(default=-1, repr=False, compare=False)  # len(members) when _actor was computed
    _actor: bool = field(default=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        members = self.members
        if members:  # (a group made empty is never read for its span)
            self.first, self.last, self.prep = members[0].first, members[-1].last, members[0].prep

    def add(self, arg: Arg) -> None:
        """Append a member coordinated after the others (its last word becomes the group's)."""
        self.members.append(arg)
        self.last = arg.last

    @property
    def start(self) -> int:
        """First word of the group, counting a title left outside its first mention."""
        lead = self.members[0].lead
        return lead if 0 <= lead < self.first else self.first

    @property
    def is_actor(self) -> bool:
        """Whether some member names a participant (not only a place, nor a title's genitive)."""
        n = len(self.members)
        if n != self._actor_n:
            self._actor = any(a.actor is not None and not a.title_part for a in self.members)
            self._actor_n = n
        return self._actor

    @property
    def attribute(self) -> bool:
        """Only lone nisba adjectives: an attribute of some noun, not a participant of a verb."""
        return all(a.attribute for a in self.members)


def actor_object(m: Mention) -> dict[str, Any] | None:
    """The contract actor object of a mention (linked ref, else an unlinked name), or None."""
    ref = m.extra.get("ref") if m.extra else None
    if ref:
        body = m.extra.get("speaks_for_ref")
        if body and str(ref.get("id") or "").startswith(("office:", "unresolved:")):
            # an unnamed spokesman («المتحدث باسم الجيش الإسرائيلي») stands for the body he speaks for;
            # so does one whose name the knowledge base does not know («المتحدث باسم الخارجية
            # الإيرانية عباس موسوي»): the body is the participant a reader can look up
            ref = body
        out = dict(ref)
        out["text"] = m.text
        return out
    if m.actor_id or m.label in ACTOR_LABELS and m.label != "LOC" and not m.place_id:
        return {"id": m.actor_id, "name_en": None, "name_ar": m.text, "wikidata": None, "country": None,
                "sector": None, "role": None, "text": m.text}
    return None


def place_object(m: Mention) -> dict[str, Any] | None:
    """The contract location object of a mention, or None when it is not a place."""
    loc = m.extra.get("location") if m.extra else None
    if loc:
        out = dict(loc)
        out["text"] = m.text
        return out
    if m.place_id or m.label in PLACE_LABELS:
        return {"name_en": None, "name_ar": m.text, "geonames_id": None, "country": None, "lat": None,
                "lon": None, "text": m.text}
    return None


def _names(arg: Arg) -> set[str]:
    names = set()
    for obj in (arg.actor, arg.place):
        # a place made up from the mention alone carries its clitics («وسوريا»): not a name
        if obj is arg.place and obj and not (obj.get("geonames_id") or obj.get("name_en")):
            continue
        if obj and obj.get("name_ar"):
            names.add(norm_word(str(obj["name_ar"]).split()[0]))
    return names


def _clitic_prep(word: Word, arg: Arg, text: str, titles: frozenset[str] = frozenset()) -> str | None:
    """A preposition glued to the mention's first word (بالرئيس, للحكومة, بموسكو, بولي), if any."""
    m = arg.mention
    if word.start < m.start:  # the recogniser left the clitic outside the mention
        pre = norm_word(text[word.start:m.start])
        pre = pre[1:] if pre[:1] in "وف" and len(pre) > 1 else pre
        return pre[:1] if pre[:1] in "بلك" else None
    names: set[str] | None = None  # the entity's names, read only when a bare ب/ل needs them
    for w in (word.norm, word.norm[1:] if word.norm[:1] in "وف" else ""):
        if w[:1] in "بك" and w[1:3] == "ال" and len(w) >= 6:  # بالرئيس, كالعادة
            return w[0]
        if w.startswith("لل") and len(w) >= 5:  # للحكومة = ل + الحكومة
            return "ل"
        if w[:1] in "بل" and w[1:] in titles:  # بولي العهد, لرئيس الوزراء
            return w[0]
        # ب/ل on a bare name (بموسكو) only when the rest is the entity's name and the word is not (بغداد)
        if w[:1] in "بل" and len(w) > 3:
            if names is None:
                names = _names(arg)
            if names and w not in names and any(w[1:].startswith(n) for n in names):
                return w[0]
    return None


_QUOTE_CHARS = frozenset('«»"')
# Words from an office mention to the person holding it, bodies of its genitive between.
_OFFICE_REACH = 8
_GOVERNING: dict[int, tuple[dict[str, Any], frozenset[str], frozenset[tuple[str, ...]]]] = {}


def _governing_cues(cues: dict[str, Any]) -> tuple[frozenset[str], frozenset[tuple[str, ...]]]:
    """Every governing preposition and the agent-marker phrases of a lexicon's cues, built once."""
    got = _GOVERNING.get(id(cues))
    if got is None or got[0] is not cues:
        preps = cues["recipient_preps"] | cues["location_preps"] | cues["blocking_preps"] | cues["between"]
        got = (cues, frozenset(preps), frozenset(cues["agent_markers"]))
        _GOVERNING[id(cues)] = got
    return got[1], got[2]


_START = attrgetter("start")  # (a C-level sort key)


def place_mentions(words: list[Word], mentions: list[Mention], text: str, lex: Lexicon,
                   nisba: dict[str, dict[str, Any]] | None = None) -> list[Arg]:
    """Mentions of one sentence as :class:`Arg` objects with word indices and governing prepositions.

    ``nisba`` (:func:`nisba_index`) marks mentions that are a lone state adjective: «السورية» in
    «الثورة السورية» modifies the noun before it and can be neither the subject nor the object of
    a verb (it may still be the agent of a noun trigger, «التدخل الروسي»).
    """
    if not words:
        return []
    cues = lex.cues
    preps, agents = _governing_cues(cues)
    args: list[Arg] = []
    wi = 0
    n = len(words)
    for m in sorted(mentions, key=_START):
        while wi < n and words[wi].end <= m.start:
            wi += 1
        if wi >= n:
            break
        first = wi
        last = first
        while last + 1 < n and words[last + 1].start < m.end:
            last += 1
        if words[first].start >= m.end:
            continue
        arg = Arg(m, first, last, actor=actor_object(m), place=place_object(m))
        if arg.actor is not None and not arg.mention.actor_id and _amount(words, first, last, lex):
            arg.actor = None  # «بقيمة 40 مليار دولار»: a sum of money is never a participant
        if arg.actor is not None and str(arg.actor.get("id") or "").startswith("unresolved:") \
                and _after_facility(words, first, cue_words(cues["raw"], "roles", "facility_heads")):
            arg.actor = None  # «معبر غلام خان», «سفينة الشحن «روابي»»: a named place or vessel
        arg.key = (arg.actor or {}).get("id") or m.actor_id or norm_word(m.text)
        prep = _clitic_prep(words[first], arg, text, cues["title_words"])
        # «ضد «وحدات حماية الشعب»», «على «حزب الله»»: quotation marks around a name cut nothing
        quoted = words[first].breaks_before and _QUOTE_CHARS.issuperset(words[first].punct)
        if prep is None and first > 0 and (not words[first].breaks_before or quoted):
            prev = words[first - 1].norm
            if prev not in preps and prev[:1] in "وف" and prev[1:] in preps:
                prev = prev[1:]  # «وفي بيروت، …», «وعلى إسرائيل», «ومع طهران»: the conjunction is not part of the preposition
            if prev in preps:
                prep = prev
            if (prev,) in agents or (first > 1 and (words[first - 2].norm, prev) in agents):
                prep = "agent"
        if prep == "ل" and first > 0 and not words[first].breaks_before and (words[first - 1].norm,) in agents:
            prep = "agent"  # «قُتل … بغارة للتحالف»: the ل names whose strike it was
        if prep == "ل" and first > 0 and not words[first].breaks_before:
            # «في هجوم لحزب العمال الكردستاني», «هجمات لمسلحين»: right after an attack noun, the ل
            # names the attacker (its target takes «على»); cues roles.lam_agent_types
            t = lex.noun(words[first - 1].norm)
            if t is not None and t.type in cue_words(lex.cues["raw"], "roles", "lam_agent_types"):
                prep = "agent"
        if prep is None:
            prep = _title_prep(words, first, cues)
        if prep is None and arg.place is not None:
            prep = _place_head_prep(words, first, cues)
        arg.prep = prep
        if nisba and first == last and first > 0 and not words[first].breaks_before:
            # an adjective agrees with a definite noun right before it («الثورة السورية»); after a
            # verb the same spelling is the country («اتفقت السعودية»)
            w = norm_word(m.text)
            head = words[first - 1].norm
            arg.attribute = (w in nisba or (w[:1] == "و" and w[1:] in nisba)) and head not in lex.verbs \
                and head not in lex.light and any(p.endswith("ال") for _, p in clitic_candidates(head))
        args.append(arg)
    args = _drop_nested(args)
    _mark_title_parts(args, words, lex)
    return args


def _after_facility(words: list[Word], first: int, heads: frozenset[str]) -> bool:
    """Whether the word before ``first`` (or the one before it, when a definite word stands between)
    is a noun of a place, crossing or vessel (cues ``roles.facility_heads``)."""
    for k, back in ((first - 1, 1), (first - 2, 2)):
        if k < 0 or words[k + 1].hard_before:
            return False
        w = words[k].norm
        if w in heads or (w[:1] in "وفبل" and w[1:] in heads):
            return True
        if back == 1 and not w.startswith("ال"):
            return False
    return False


def _amount(words: list[Word], first: int, last: int, lex: Lexicon) -> bool:
    """Whether an unlinked mention is an amount: a currency or unit word (cues.yaml
    ``roles.amount_words``: «دولار», «مليار», «بالمئة») or a name right after a number."""
    units = cue_words(lex.cues["raw"], "roles", "amount_words")
    w = words[last].norm
    if w in units or (w[:1] in "وبل" and w[1:] in units):
        return True
    if first > 0 and not words[first].breaks_before:
        prev = words[first - 1].norm
        return prev[:1].isdigit() or prev in lex.cues["num_mult"] or prev in units
    return False


def _place_head_prep(words: list[Word], first: int, cues: dict[str, Any]) -> str | None:
    """The locative preposition before a kind of place left outside the mention («في العاصمة
    مقديشو», «بمدينة حمص», «وفي مدينة سوتشي»): the name is governed by it."""
    if first == 0 or words[first].breaks_before:
        return None
    heads, locs = cues["place_heads"], cues["location_preps"]
    h = first - 1
    # «في العاصمة الجنوب أفريقية بريتوريا»: up to two adjective words between the kind and the name
    while h > 0 and first - h <= 2 and words[h].norm not in heads and words[h].norm[1:] not in heads \
            and not words[h].breaks_before and words[h].norm not in locs:
        h -= 1
    if words[h].norm not in heads and words[h].norm[1:] not in heads:
        h = first - 1
    w = words[h].norm
    w = w[1:] if w[:1] in "وف" and w[1:] not in heads else w
    if w[:1] == "ب" and w[1:] in heads:
        return "ب"
    if w not in heads or h < 1 or any(words[k].breaks_before for k in range(h, first)):
        return None
    prev = words[h - 1].norm
    prev = prev[1:] if prev[:1] in "وف" and prev not in locs else prev
    return prev if prev in locs else None


def _title_prep(words: list[Word], first: int, cues: dict[str, Any]) -> str | None:
    """A ب/ل glued to a title left outside the mention («اتصالاً بنظيره الإماراتي الشيخ عبد الله»).

    Up to three words of title material (title words, definite nisba adjectives) may stand between
    the mention and the title that carries the preposition.
    """
    titles, gap = cues["title_words"], cues["title_gap"]
    for k in range(first - 1, max(-1, first - 4), -1):
        if words[k + 1].breaks_before:
            return None
        w = words[k].norm
        if w[:1] in "بل" and w[1:] in titles:
            return w[0]
        if not (w in gap or w in titles or (w.startswith("ال") and w.endswith("ي") and len(w) > 4)):
            return None
    return None


def _drop_nested(args: list[Arg]) -> list[Arg]:
    """Drop a mention lying strictly inside a longer actor mention.

    «ولي عهد أبوظبي» names a person; the «أبوظبي» inside it is part of his title, neither a
    participant of the clause nor the place of the happening. Mentions with the same span stay
    (one span naming two states, «التنسيق الروسي الإيراني»).
    """
    if len(args) < 2:
        return args
    outer = [(a.first, a.last) for a in args if a.actor is not None and a.last > a.first]
    if not outer:
        return args
    return [a for a in args if not any(f <= a.first and a.last <= e and (f, e) != (a.first, a.last)
                                       for f, e in outer)]


def _mark_title_parts(args: list[Arg], words: list[Word], lex: Lexicon) -> None:
    """Flag a mention that is only the genitive of a title held by a person named right after.

    «مستشار المرشد الإيراني للشؤون الدولية علي أكبر ولايتي», «وزير خارجية موسكو سيرغي لافروف»: the
    title word sits at most two words before the mention and a person mention follows within six
    words (one comma allowed, for «مستشار خامنئي في الشؤون الدولية، علي أكبر ولايتي»). The
    person is the participant; the mention inside the title is not.
    """
    titles = lex.cues["relational_titles"]
    for i, a in enumerate(args[:-1]):
        # «مستشار الأمن الوطني السعودي مساعد بن محمد العيبان»: an office mention right before a
        # person mention names that person's office
        nxt = args[i + 1]
        aid = str((a.actor or {}).get("id") or "")
        if aid.startswith("office:") and nxt.first == a.last + 1 and nxt.mention.label == "PERS" \
                and not words[nxt.first].breaks_before and not words[nxt.first].norm.startswith("و"):
            a.title_part = True
            nxt.lead = a.first
        elif aid.startswith("office:") and nxt.mention.label == "PERS" and 2 <= nxt.first - a.last <= 5 \
                and words[a.last + 1].norm[:1] == "و" and words[a.last + 1].norm[1:] in titles \
                and not any(words[k].breaks_before for k in range(a.last + 1, nxt.first + 1)) \
                and not any(words[k].norm in lex.verbs or lex.noun(words[k].norm) for k in range(a.last + 1, nxt.first)):
            # «رئيس حركة النهضة ورئيس البرلمان المنحل راشد الغنوشي»: two offices of one person,
            # who is the participant
            a.title_part = True
            nxt.lead = a.first
        elif aid.startswith("office:") and nxt.mention.label == "ORG":
            # «قائد «فيلق القدس» في الحرس الثوري الإيراني اللواء قاسم سليماني»: the bodies named
            # inside the office's genitive stand between it and the person who holds it
            person = next((b for b in args[i + 1:] if b.mention.label != "ORG"), None)
            if person is not None and person.mention.label == "PERS" and person.first - a.last <= _OFFICE_REACH \
                    and not str((person.actor or {}).get("id") or "").startswith("office:") \
                    and not any("،" in words[k].punct or "," in words[k].punct or words[k].hard_before
                                for k in range(a.last + 1, person.first + 1)) \
                    and not any(words[k].norm in lex.verbs or lex.noun(words[k].norm)
                                for k in range(a.last + 1, person.first)):
                a.title_part = True
                person.lead = a.first
    for i, a in enumerate(args):
        # «الأمين العام لـ«حزب الله» حسن نصر الله»: quotation marks around the genitive cut nothing
        if a.first == 0 or words[a.first].breaks_before and not _QUOTE_CHARS.issuperset(words[a.first].punct):
            continue
        k = a.first - 1
        if k > 0 and words[k].norm == "ل" and not words[k].breaks_before:
            k -= 1  # «لـ«حزب الله»»: the preposition written apart before the quotation mark
        head = None
        person = a.mention.label == "PERS"
        for j in ((k,) if person else (k, k - 1)):
            if j < 0 or (j < k and words[j + 1].breaks_before):
                break
            w = words[j].norm
            w = w[1:] if w[:1] in "وفل" and w[1:] in titles else w
            w = w[2:] if w.startswith("ال") and w[2:] in titles else w  # «الأمين العام لـ…»
            if w in titles and (not person or w in lex.cues["person_genitive_titles"]):
                head = j
                break
        if head is None:
            continue
        # «رئيسة بعثة الأمم المتحدة في العراق جينين هينيس-بلاسخارت»: the genitive's own place
        # («في العراق») may stand between it and the person
        k = i + 1
        while k < len(args) and args[k].mention.label in ("GPE", "LOC") and args[k].first - a.last <= 3 \
                and words[args[k].first - 1].norm == "في":
            k += 1
        nxt = args[k] if k < len(args) else None
        if nxt is None or nxt.mention.label != "PERS" or nxt.first - a.last > 6:
            continue
        gap = range(a.last + 1, nxt.first)
        # only title material in between: no verb or event noun («لافروف اتصالاً مع ظريف»)
        if any(words[g].norm in lex.verbs or lex.noun(words[g].norm) for g in gap):
            continue
        gap = range(a.last + 1, nxt.first + 1)
        if any(words[g].breaks_before and words[g].norm[:1] == "و" for g in gap):
            continue  # «…، وعن الجبهة المتحدث باسمها …»: a new coordinated part, not the same title
        if sum(words[g].breaks_before for g in gap) <= 1 and not any(words[g].hard_before for g in gap):
            for b in args[i:k]:
                b.title_part = True
            nxt.lead = head


def group_args(args: list[Arg], words: list[Word], titles: frozenset[str] = frozenset()) -> list[Group]:
    """Join coordinated mentions: «روسيا وإيران», «روسيا و إيران», «كل من روسيا وإيران والصين».

    ``titles`` (cues ``title_gap``) lets a title stand between «و» and the next mention.
    """
    groups: list[Group] = []
    for a in args:
        if groups:
            prev = groups[-1].members[-1]
            if (a.first, a.last) == (prev.first, prev.last) and a.actor is not None and prev.actor is not None:
                # one span naming several actors («التنسيق الروسي الإيراني» → Russia, Iran)
                groups[-1].add(a)
                continue
            w = words[a.first]
            if (a.actor is not None and prev.actor is not None and a.key == prev.key
                    and 1 <= a.first - prev.last - 1 <= 2 and a.prep is None
                    and not any(words[k].breaks_before for k in range(prev.last + 1, a.first + 1))
                    and all(words[k].norm in titles for k in range(prev.last + 1, a.first))):
                # «وزير الدفاع الإيراني العميد أمير حاتمي»: a rank between a title and the name of
                # the same person; one participant, not two coordinated ones
                groups[-1].add(a)
                continue
            adjacent = a.first == prev.last + 1 and not w.breaks_before
            # a name that itself begins with و («واشنطن») is glued only when the word has a second
            # و in front of it («بين بغداد وواشنطن»)
            names = _names(a) if adjacent and w.norm.startswith("و") else set()
            glued_wa = adjacent and w.norm.startswith("و") and (
                not any(n.startswith("و") for n in names)
                or any(w.norm[1:].startswith(n) for n in names if n.startswith("و")))
            loose_wa = (a.first == prev.last + 2 and words[prev.last + 1].norm == "و"
                        and not words[prev.last + 1].breaks_before and not w.breaks_before)
            # «بوتين ونظيريه الإيراني حسن روحاني»: و + a title left outside the next mention
            lead = a.lead if a.lead > prev.last else a.first
            titled_wa = (a.actor is not None and 1 <= lead - prev.last - 1 <= 3
                         and words[prev.last + 1].norm[:1] == "و"
                         and not any(words[k].breaks_before for k in range(prev.last + 1, a.first + 1))
                         and _title_words(words[prev.last + 1:a.first], titles))
            glued_wa = glued_wa or titled_wa
            # «التقى غروسي الرئيس الإيراني إبراهيم رئيسي، ورئيس منظمة الطاقة الذرية محمد إسلامي»: a
            # titled person after «، و» continues a list of titled persons (a new clause would open
            # with its verb, «، والتقى …»)
            comma_wa = (a.first == prev.last + 1 and w.breaks_before and not w.hard_before
                        and w.punct in ("،", ",") and w.norm[:1] == "و"
                        and a.mention.label == "PERS" and prev.mention.label == "PERS"
                        and a.mention.origin in ("title", "ner") and prev.mention.origin == "title"
                        and a.mention.text[:1] == "و")
            glued_wa = glued_wa or comma_wa
            if (glued_wa or loose_wa) and (a.actor is not None) == (prev.actor is not None):
                if a.prep is None or a.prep == prev.prep:
                    a.prep = prev.prep
                    groups[-1].add(a)
                    continue
        groups.append(Group([a]))
    return groups


def _title_words(gap: list[Word], titles: frozenset[str]) -> bool:
    """Whether words between two mentions are title material («ونظيريه الإيراني»)."""
    if not titles:
        return False
    for k, w in enumerate(gap):
        n = w.norm[1:] if k == 0 and w.norm[:1] == "و" else w.norm
        if n not in titles and not (n.startswith("ال") and n.endswith("ي") and len(n) > 4):
            return False
    return True


def _refs(group: Group | None) -> list[dict[str, Any]]:
    if group is None:
        return []
    out, seen = [], set()
    for a in group.members:
        if a.actor is not None and a.key not in seen and not a.title_part:
            seen.add(a.key)
            out.append(a.actor)
    return out


def group_refs(group: Group | None) -> list[dict[str, Any]]:
    """The actor refs of a group (public alias used by the document-level rules)."""
    return _refs(group)


def _agent_after_marker(groups: list[Group], lo: int, hi: int) -> Group | None:
    for g in groups:
        if lo <= g.first < hi and g.prep == "agent":
            return g
    return None


def coordinated_verb(m: Match, words: list[Word], lex: Lexicon) -> bool:
    """Whether the trigger's verb carries a conjunction («وبحث», «فاستقبل») or follows «ثم».

    Such a verb shares the subject of the previous verb of the sentence when none follows it. The
    rest of the word must itself be a verb form: in «وصلوا» the و is the root's first letter.
    """
    if not m.verbal:
        return False
    w = words[m.anchor].norm
    if w[:1] in "وف" and len(w) > 3 and (w[1:] in lex.verbs or w[1:] in lex.light or w[1:] in lex.lemmas):
        return True
    if m.anchor > 0 and words[m.anchor - 1].norm in ("ثم", "وثم"):
        return True
    # «أجرى بلينكن اتصالاً بنظيره …، دان خلاله الهجوم»: a bare perfect right after a comma, with
    # «خلال/أثناء» + pronoun after it, continues the previous clause's subject
    nxt = words[m.anchor + 1].norm if m.anchor + 1 < len(words) else ""
    if not (m.tense == "past" and "،" in words[m.anchor].punct + ","
            and words[m.anchor].breaks_before and not words[m.anchor].hard_before):
        return False
    if m.light is None and nxt.startswith(("خلال", "اثناء", "فيه", "فيها")) and nxt not in ("خلال", "اثناء"):
        return True
    # round 37: «عقد اجتماعاً بقادة القوات …، أعلن في ختامه رفضه …»: «في» + a time head carrying the
    # pronoun of the act before (the meeting's end) continues that act's subject
    after = words[m.anchor + 2].norm if m.anchor + 2 < len(words) else ""
    return nxt == "في" and after.endswith(("ه", "ها")) and any(
        after[:-len(suf)] in lex.cues["light_time_heads"] for suf in ("ه", "ها") if after.endswith(suf))


def _pronoun_complementizer(w: str, cues: dict[str, Any]) -> bool:
    """«أنها», «إنه», «لكنها»: a complementizer carrying the pronoun of its clause's subject."""
    for suf in ("ها", "ه", "هم"):
        if w.endswith(suf) and w[: -len(suf)] in cues["complementizers"] | {"لكن", "ولكن"}:
            return True
    return False


def dependent_verb(m: Match, words: list[Word], lex: Lexicon) -> bool:
    """Whether the trigger's verb opens a clause that continues the main one: right after «قبل أن»
    / «بعد أن» («…، قبل أن يتوجه إلى الدوحة»).

    With no subject of its own right after it, such a verb shares the main clause's subject.
    """
    if not m.verbal or m.light is not None:
        return False
    a = m.anchor
    return a > 1 and words[a - 1].norm == "ان" and words[a - 2].norm in lex.cues["subordinators"]


def circumstantial_verb(m: Match, words: list[Word], lex: Lexicon) -> bool:
    """Whether the trigger's verb comes right after «حيث» («…، حيث التقى نائب الرئيس …»).

    Such a clause names its own subject (or «الأخير», the last one named); it is not the main
    clause, so a later «قبل أن …» does not take its subject.
    """
    return m.verbal and m.anchor > 0 and words[m.anchor - 1].norm in lex.cues["circumstantial"]


def possessive(m: Match, words: list[Word], lex: Lexicon, governed: bool = False) -> bool:
    """Whether a noun trigger carries a possessive pronoun («زيارته», «لقائها», «هجومهم»).

    The owner is then someone already named, usually the subject of the clause. ``governed``
    also accepts a noun that a light verb governs («تواصل تقدمها»).
    """
    if (m.verbal and not (governed and m.light is not None)) or m.first != m.last:
        return False
    lemma = m.trigger.lemma
    bases = {lemma, lemma[:-1] + "ت" if lemma.endswith("ه") else lemma}
    if lemma.endswith("اء"):
        bases.add(lemma[:-1] + "ي")  # «لقائه» is normalised «لقايه»: the hamza sits on ya before a suffix (round 35)
    for stem, _ in clitic_candidates(words[m.first].norm):
        for suf in POSSESSIVE_SUFFIXES:
            if stem.endswith(suf) and stem[: -len(suf)] in bases:
                return True
    return False


# The actor groups of the sentence last seen as (group, first, last); assign_roles runs once per
# trigger over the same groups, which do not change once built. One tuple, swapped whole (thread-safe).
_last_rows: list[tuple[Any, list[tuple[Group, int, int]]]] = [(None, [])]


def _actor_rows(groups: list[Group]) -> list[tuple[Group, int, int]]:
    """``(group, first, last)`` of the groups that name a participant, in order (cached for the last list)."""
    last = _last_rows[0]
    if last[0] is groups:
        return last[1]
    rows = [(g, g.first, g.last) for g in groups if g.is_actor]
    _last_rows[0] = (groups, rows)
    return rows


_TOLL_REACH = 16


def _killed_in_attack(anchor: int, words: list[Word], usable: list[Group], lex: Lexicon) -> bool:
    """Whether a killing verb is the passive of a toll: the group right after it is only named
    people (persons are rarely the subject of «قتل» with an attack to follow) and an attack noun
    after «في/جراء/إثر» or glued «بـ» comes later in its clause («قُتل X … في غارة», «بغارة»)."""
    first = next((g for g in usable if g.start == anchor + 1 or g.first == anchor + 1), None)
    if first is None or first.prep is not None or not all(a.mention.label == "PERS" for a in first.members):
        return False
    preps = cue_words(lex.cues["raw"], "roles", "attack_circumstance_preps")
    # the attack may come after the victims' long titles and a date set off by commas
    for k in range(first.last + 1, min(first.last + _TOLL_REACH, len(words))):
        if words[k].hard_before:
            return False
        trig = lex.noun(words[k].norm)
        if trig is not None and trig.type == "ASSAULT" and (
                words[k].norm[:1] == "ب" or words[k - 1].norm in preps):
            return True
    return False


def _known_person(group: Group) -> bool:
    """Whether a group names an actor the knowledge base knows (not an unnamed office-holder nor an
    unknown name, which stand for the body they speak for)."""
    ids = [str((a.actor or {}).get("id") or "") for a in group.members if not a.title_part]
    return bool(ids) and all(i and not i.startswith(("office:", "unresolved:")) for i in ids)


def _after_reporting_verb(group: Group, words: list[Word], lex: Lexicon) -> bool:
    """Whether a group is the subject right after a reporting verb («وقال الحرس الثوري …»): the
    speaker of the sentence's main clause already."""
    k = group.start - 1
    if k < 0:
        return False
    w = words[k].norm
    return w in lex.attribution_verbs or (w[:1] in "وف" and w[1:] in lex.attribution_verbs)



# The role word sets assign_roles reads for every trigger (cues.yaml ``roles``), looked up once per
# lexicon rather than one cue_words call each per trigger: (the roles section, its sets), swapped whole.
_ROLE_SET_KEYS = ("motive_words", "topic_preps", "forum_preps", "pluperfect_auxiliaries", "topic_particles",
                  "relative_auxiliaries", "fronted_masdar_preps", "state_asset_types", "statement_subjects")
_ROLE_SETS: list[tuple[Any, dict[str, frozenset[str]]]] = [(None, {})]


def _role_sets(raw: dict[str, Any]) -> dict[str, frozenset[str]]:
    """The ``_ROLE_SET_KEYS`` word sets of ``raw`` (normalised as :func:`cue_words` does) and the
    ``forum_types`` (``TYPE/mode`` strings, as written)."""
    roles = raw.get("roles")
    last = _ROLE_SETS[0]
    if roles is not None and last[0] is roles:
        return last[1]
    got = {key: cue_words(raw, "roles", key) for key in _ROLE_SET_KEYS}
    got["forum_types"] = frozenset((roles or {}).get("forum_types") or ())
    got["from_recipient_types"] = frozenset((roles or {}).get("from_recipient_types") or ())
    _ROLE_SETS[0] = (roles, got)
    return got


# The word types of the sentence last asked about (its word list, their norms), swapped whole: the
# passes over one sentence's triggers ask about the same words.
_WORD_TYPES: list[tuple[Any, frozenset[str]]] = [(None, frozenset())]


_SUPPORT_WORDS: list[tuple[tuple[Any, ...], frozenset[str]]] = [((), frozenset())]


def _support_words(cues: dict[str, Any]) -> frozenset[str]:
    """The support words (cues ``support_by``, ``support_with``, ``roles.ally_words``) as one set,
    made again only when one of the three sets is another object (the union cost a set build per
    trigger)."""
    parts = (cues["support_by"], cues["support_with"], cue_words(cues["raw"], "roles", "ally_words"))
    last = _SUPPORT_WORDS[0]
    if len(last[0]) == 3 and all(a is b for a, b in zip(last[0], parts, strict=True)):
        return last[1]
    got = frozenset(parts[0] | parts[1] | parts[2])
    _SUPPORT_WORDS[0] = (parts, got)
    return got


def word_types(words: list[Word]) -> frozenset[str]:
    """The normalised words of a sentence, as a set (for a pass to check its cue word is there at all
    before scanning for it)."""
    last = _WORD_TYPES[0]
    if last[0] is words:
        return last[1]
    got = frozenset(map(norm_of, words))
    _WORD_TYPES[0] = (words, got)
    return got


# Prepositions whose group may stand between a light verb's subject and its noun as the other side
# («وعقد أردوغان مع بوتين اجتماعاً»); «لـ», «بـ» there are mostly owners or instruments (round 35).
_FRONTED_OBJECT_PREPS = frozenset({"مع", "على", "ضد"})

# Words from a joint-happening noun to the invitation that names who convened it (round 35).
_CONVENER_REACH = 16


def assign_roles(m: Match, words: list[Word], groups: list[Group], lex: Lexicon,
                 bounds: tuple[int, int], exclude: set[int], prev_subject: Group | None = None,
                 speaker: Group | None = None) -> tuple[list[dict], list[dict], set[int], Group | None]:
    """Actor and recipient refs for one trigger, the ids of the groups used and the actor group.

    ``prev_subject`` is the subject of the sentence's previous verb: a coordinated verb with no
    subject of its own («التقى الأسد خامنئي، وبحث معه …») and a possessive noun trigger
    («في زيارته») take it as their actor.
    """
    cues = lex.cues
    lo, hi = bounds
    anchor = m.anchor
    rec_preps = cues["recipient_preps"]
    # A complementizer after the trigger opens reported content («هدد سريع بأن عمليات الجماعة …»):
    # the trigger's own participants come before it.
    comps = cues["complementizers"]
    # (the scan only when the sentence has a complementizer at all)
    comp = hi if comps.isdisjoint(word_types(words)) else next(
        (k for k in range(m.last + 1, hi) if words[k].norm in comps), hi)
    # «عملية سمتها «درع الربيع»»: a mention right after a naming word is a name, not a participant
    rows = _actor_rows(groups)
    naming = cues["naming"]
    usable = [g for g, first, _ in rows if id(g) not in exclude and lo <= first < comp
              and not (m.first <= first <= m.last)
              and not (first > 0 and words[first - 1].norm in naming)]
    # «الضربات جاءت «رداً مباشراً» على هجمات الحوثيين», «… وذلك رداً على مقتل سليماني»: what a
    # happening answers is its motive, and the parties named there take no part in it
    rsets = _role_sets(cues["raw"])
    motive_words = rsets["motive_words"]
    # (the scan only when a motive word is in the sentence at all: most sentences have none)
    motive = next((k for k in range(m.last + 1, min(hi, comp)) if words[k].norm in motive_words and any(
        words[j].norm in ("على", "علي") or words[j].norm[:1] == "ل" and j == k + 1
        for j in range(k + 1, min(len(words), k + 3)))), None) if not motive_words.isdisjoint(
        word_types(words)) else None
    if motive is not None:
        usable = [g for g in usable if g.first < motive]
    # a body inside a person's title («قائد «فيلق القدس» في الحرس الثوري … قاسم سليماني») is part
    # of that title, not a participant
    titled = [(g.start, g.first) for g in usable if g.start < g.first]
    if titled:
        usable = [g for g in usable if not any(a <= g.first < b for a, b in titled)]

    # «مشاورات … للتوصل إلى اتفاق على وقف …، يستثني «داعش»», «توافق على عودة دمشق»: for a joint
    # happening, what follows «على/حول/بشأن» is its topic, never the other party
    topic = None
    if m.trigger.type in cues["symmetric"]:
        # «علي» is also the name Ali: a word inside a mention is never the preposition
        named = {k for g in groups for a in g.members for k in range(a.first, a.last + 1)}
        topic_preps = rsets["topic_preps"]
        topic = next((k for k in range(m.last + 1, hi) if (words[k].norm in topic_preps or (
            words[k].norm[:1] == "و" and words[k].norm[1:] in topic_preps)) and k not in named), None)

    support_words = _support_words(cues)

    def supporter(g: Group) -> bool:
        """«مدعومة بقوات التحالف», «بدعم من الطيران الروسي»: the one named right after a support word
        is on the side of the one supported, never the other side of a happening that is not
        itself the support (round 35)."""
        if m.trigger.type in ("SUPPORT", "AID"):
            return False
        k = g.start - 1
        if k > 0 and words[k].norm == "من":
            k -= 1
        return k >= 0 and words[k].norm in support_words

    def new_clause_subject(k: int) -> bool:
        """Whether word ``k`` opens a coordinated clause with a verb of its own after a comma
        («…، ونفى …», «…، وقال …»): the group right after it is that verb's subject."""
        w = words[k].norm
        if not words[k].breaks_before or w[:1] not in "وف":
            return False
        return any(v in lex.verbs or v in lex.attribution_verbs or v in lex.denial_verbs for v in (w, w[1:]))

    side_nouns = cue_words(cues["raw"], "roles", "other_hand_nouns")
    other_adjs = cue_words(cues["raw"], "roles", "other_hand_adjectives")

    def other_hand(g: Group) -> bool:
        """«X … من جهة، وY … من جهة أخرى»: Y is listed beside X, in the same role (round 35; the
        words are cues.yaml ``roles.other_hand_*``)."""
        if not any(words[k].norm in side_nouns for k in range(max(lo, g.first - 12), g.first)):
            return False
        after = [words[k].norm for k in range(g.last + 1, min(len(words), g.last + 10))]
        return any(a in side_nouns and b in other_adjs for a, b in zip(after, after[1:], strict=False))

    forum_types = rsets["forum_types"]
    forum_preps = rsets["forum_preps"]

    proposals = cue_words(cues["raw"], "roles", "proposal_nouns")

    def ok_recipient(g: Group) -> bool:
        if topic is not None and g.first > topic and not (
                g.start - 1 > topic and _bare_noun(words[g.start - 1].norm) in proposals and g.prep is None):
            # (but «موافقتها على مقترح الاتحاد الأفريقي»: the one who proposed is the other side, round 35)
            return False
        if supporter(g):
            return False  # «هجوم شنته «قسد» مدعومة بقوات التحالف»: the ally named after a support word (round 35)
        if g.start - 1 > m.last and new_clause_subject(g.start - 1):
            return False  # «رفضت طهران أي ربط …، ونفى كنعاني …»: the subject of the next clause's verb (round 35)
        if other_hand(g):
            return False  # «شنته «قسد» … من جهة، وقوات الجيش … من جهة أخرى»: a parallel party, not the other side
        if g.first > 0 and words[g.first - 1].norm in cues["attribute_heads"] and not words[g.first].breaks_before:
            return False  # «روسيا، حليفة دمشق، …»: the genitive of an apposition describes the subject
        if g.prep == "من" and m.trigger.type == "REQUEST":
            return True  # «طلب من طهران سحب قواتها»: the one asked
        if g.prep == "من" and f"{m.trigger.type}/{m.trigger.mode}" in rsets["from_recipient_types"]:
            return True  # «سحبت سفيرها من فرنسا»: the state an envoy is recalled from (round 35)
        if g.prep in forum_preps and f"{m.trigger.type}/{m.trigger.mode}" in forum_types:
            return False  # «سيتقدم بشكوى إلى مجلس الأمن»: the forum, not the accused (round 30)
        if g.prep == "جانب" and m.trigger.type == "SUPPORT" and g.first - m.last <= 3:
            return True  # «الوقوف إلى جانب سوريا», «دعمها ووقوفها إلى جانب …»: the one stood by (round 30)
        if g.prep is None or g.prep in rec_preps:
            # a place-only reading after في/ب is a location, not a recipient
            return not (g.prep in ("في",) and all(a.place is not None for a in g.members))
        return False

    def bare(g: Group) -> bool:
        return g.prep is None

    actor: Group | None = None
    recipient: Group | None = None
    t = m.trigger
    victim = t.kind == "passive" or "victim" in t.flags or (
        m.verbal and m.light is None and anchor + 1 < len(words) and (
            words[anchor + 1].norm[:1].isdigit()
            # a number word after a masculine form («قتل خمسة»); after «واعتقلت» it is the object
            or _bare_noun(words[anchor + 1].norm) in cues["num_units"] and not words[anchor].norm.endswith("ت")
            # «قتل جنديان أمريكيان», «قتل جنود»: an unvocalised killing verb whose subject is a count of
            # soldiers or people is the passive (cues.yaml roles.passive_subjects)
            or t.mode == "kill" and t.kind == "verb" and m.tense == "past"
            and _bare_noun(words[anchor + 1].norm) in cues["passive_subjects"]
            # … unless an accusative victim follows: «وقتل جنود إسرائيليون فلسطينياً» is active
            and not any(w.norm.endswith("ا") and w.norm[:-1] in cues["passive_subjects"]
                        for w in words[anchor + 2:anchor + 5])
            # «قُتل قائد «فيلق القدس» … قاسم سليماني … في غارة شنتها طائرة أمريكية»: named people
            # right after a killing verb, and the attack that killed them later in the clause
            or t.mode == "kill" and t.kind == "verb" and m.tense == "past"
            and _killed_in_attack(anchor, words, usable, lex)))
    if not victim and m.verbal and m.light is None and t.kind == "verb":
        # «واعتُقل الناشط … على يد قوات الأمن»: an unvocalised verb whose clause names its agent after
        # «على يد» / «من قبل» is the passive; the group after the verb is the one it befell (round 35)
        passive_marks = cue_phrases(cues["raw"], "roles", "passive_agent_markers")
        victim = any(g.prep == "agent" and g.first > m.last + 1 and any(
            tuple(w.norm for w in words[g.start - len(p):g.start]) == p for p in passive_marks)
            for g in usable)
    # «بين X وY» after the trigger, or inside the subject of its light verb («تعقد اللجنة
    # المشتركة بين بغداد وواشنطن جولة محادثات»)
    between = next((g for g in usable if g.prep in cues["between"] and (
        g.first > m.last or m.light is not None and m.light < g.first < m.first)), None)

    inside = next((g for g, first, last in rows if id(g) not in exclude and first <= m.first <= last
                   and last >= m.last), None)
    if t.kind == "participle" or m.light is not None and words[m.light].norm in lex.cues["light_participles"]:
        # «جدد أردوغان تهديده …، متهماً الولايات المتحدة»: the main clause's subject is the actor;
        # so too of a noun a light participle governs («…، مؤكدة رفضها أي تدخل»)
        left_all = [g for g in groups if g.is_actor and id(g) not in exclude and g.last < m.first]
        actor = next((g for g in left_all if bare(g)), None)
        if (speaker is not None and actor is not None and speaker.last < m.first and actor.last < speaker.first
                and _known_person(speaker) and not _after_reporting_verb(actor, words, lex)):
            # «وتبنّت الميليشيا الهجوم، وقال المتحدث باسمها …، متوعداً السعودية»: after a later
            # reporting verb the participle belongs to that verb's clause; its subject is the speaker
            actor = speaker
        recipient = next((g for g in usable if g.first > m.last and ok_recipient(g)), None)
        if m.last + 1 < len(words) and words[m.last + 1].norm in cues["detached_object"]:
            # «قطعت علاقاتها مع قطر، متهمة إياها بدعم …»: the detached object pronoun points back
            # to the last party named before the participle, not to whoever is named after it
            recipient = next((g for g in reversed(left_all) if g is not actor and not g.attribute), None)
    elif t.type in ("SUPPORT", "AID") and _support_by(m, words, cues):
        # «X بدعم من Y», «X مدعومة بـY»: Y supports X
        actor = next((g for g in usable if m.last < g.first <= m.last + 4 and g.prep in (None, "من", "ب")), None)
        recipient = next((g for g in reversed(usable) if g.last < m.first and bare(g)), None)
    elif m.verbal and not victim:
        right = [g for g in usable if g.first > anchor]
        left = [g for g in usable if g.first < anchor and not g.attribute]
        if anchor > 0 and words[anchor - 1].norm in cues["relatives"]:
            # «الجنود الذين وصلوا»: the subject is the antecedent, never a group further back
            left = [g for g in left if g.last == anchor - 2]
        meet_after_visit = (t.type == "CONSULT" and t.mode == "meet" and m.light is None
                            and circumstantial_verb(m, words, lex) and not words[anchor].norm.endswith(POSSESSIVE_SUFFIXES))
        if prev_subject is None and meet_after_visit:
            # «مع زيارة وزير الخارجية الأمريكي … إلى القاهرة، حيث التقى الرئيس …»: after a visit told by
            # a noun there is no previous verb; the visitor is the last party named before «حيث»,
            # past the place visited (round 35)
            prev_subject = next((g for g in reversed(groups) if g.last < anchor - 1 and g.is_actor and bare(g)
                                 and not g.attribute and not any(words[k].hard_before for k in range(g.last + 1, anchor))),
                                None)
        # «فزار دبي حيث التقى نائب رئيس الدولة …»: a meeting verb after «حيث» continues the
        # visitor's clause; like a coordinated verb, a lone group after it is the one met
        coordinated = prev_subject is not None and (
            coordinated_verb(m, words, lex) or dependent_verb(m, words, lex)
            # «حيث التقاه …»: with an object pronoun the group after the verb is its subject
            or meet_after_visit)
        # «التقى الأسد خامنئي، وبحث …»: before a coordinated verb, a group cut off by a comma
        # closes the previous clause (its object), it is not this verb's subject
        svo = next((g for g in reversed(left) if bare(g) and anchor - g.last <= 4 and not (
            coordinated and any(words[k].breaks_before for k in range(g.last + 1, anchor + 1)))), None)
        fronted = None  # a subject the clause's syntax fronts past closer groups (round 30)
        if anchor >= 3 and words[anchor - 1].norm == "قد":
            # «وكان مجلس النواب الليبي المنعقد في طبرق قد دعا …»: the group right after the
            # pluperfect auxiliary is the subject, past the words that qualify it, and over a
            # closer group inside a phrase («وكان خامنئي عند لقائه بوتين قد أشاد», round 30)
            aux = rsets["pluperfect_auxiliaries"]
            kan = next((k for k in range(anchor - 2, max(-1, anchor - 12), -1) if words[k].norm in aux), None)
            if kan is not None:
                fronted = next((g for g in left if bare(g) and g.start == kan + 1), None)
                svo = fronted or svo
        # «أما رئيسي فطالب الوكالة بـ…»: the topic «أما» fronts is the subject of the verb its «ف»
        # opens; the group after the verb is its object (round 30)
        topic_subject = None
        if words[anchor].norm[:1] == "ف" and m.light is None:
            fronting = rsets["topic_particles"]
            amma = next((k for k in range(anchor - 1, max(-1, anchor - 10), -1) if words[k].norm in fronting), None)
            if amma is not None and not any(words[k].hard_before for k in range(amma + 1, anchor + 1)):
                topic_subject = next((g for g in left if bare(g) and g.start == amma + 1), None)
                fronted = topic_subject or fronted
                svo = topic_subject or svo
        rel = anchor - 2 if anchor > 1 and _bare_noun(words[anchor - 1].norm) in rsets[
            "relative_auxiliaries"] else anchor - 1
        if (anchor - rel == 2 and rel > 0 and words[rel].norm in cues["relatives"] and m.light is None
                and not words[anchor].norm.endswith(POSSESSIVE_SUFFIXES)):
            # «الطائرات الروسية التي صارت تقصف مواقع المعارضة»: past an auxiliary the relative's
            # antecedent is still the subject, whatever preposition its own clause put before it
            rel_subject = next((g for g in left if g.last == rel - 1), None)
            svo = rel_subject or svo
        else:
            rel_subject = None
        if coordinated and svo is prev_subject and svo is not fronted:
            # «زار الأمير … أمس باريس حيث التقى ماكرون»: the group before is the subject of the
            # previous verb, shared; what follows this verb is its object
            svo = None
        # A subject right before the verb («كانت إيران قد ساعدت الأسد») makes the group after the
        # verb its object; otherwise VSO when a bare group follows the verb at once, or closely
        # when nothing precedes it.
        close_svo = svo is not None and (anchor - svo.last <= 3 or svo is topic_subject) and m.light is None
        if close_svo and any(words[k].breaks_before for k in range(svo.last + 1, anchor + 1)) and any(
                bare(g) and not g.attribute and g.start == anchor + 1 for g in right):
            # «… في بلدة بليون، اتهمت أنقرة …»: a group closing the previous clause is not the
            # subject of a verb that has its own subject right after it
            close_svo = False
            svo = None
        # a light verb right before its noun: a group after the noun is its object («تواصل دعم الحكومة»)
        vso = None if close_svo else next((g for g in right if bare(g) and not g.attribute and (
            g.start == anchor + 1 or (svo is None and g.start - anchor <= 4 and g.start < m.first + 5))
            and not (m.light == m.first - 1 and g.first > m.last)), None)
        if vso is not None and svo is None and coordinated and m.light is None and (vso.start > anchor + 1 or t.type == "CONSULT" and not any(
                    g.first > vso.last and (bare(g) or g.prep in rec_preps)
                    and not any(words[k].breaks_before for k in range(vso.last + 1, g.first + 1))
                    # «الشيخ محمد بن راشد» + «آل مكتوم»: the rest of the same name is no object
                    and not (g.first == vso.last + 1 and _keys(g) == _keys(vso))
                    for g in right)):
            # A coordinated verb's subject comes right after it and is followed by its object
            # («واستقبل الأسد ظريف»); a lone group after it is the object and the subject is that
            # of the previous verb («زار الأسد طهران، والتقى خامنئي»). A group past a comma
            # («…، في ثاني زيارة له إلى إيران») belongs to another phrase.
            vso = None
        if vso is not None and m.light is None and words[anchor].norm.endswith("وا") and any(bare(g) for g in left):
            # a verb agrees in number only with a subject before it («السيسي وعبد الله … قد زاروا
            # موسكو»): after a plural verb the group is its object
            vso = None
        statement_object = None
        if (m.light is None and svo is None and anchor + 2 < len(words)
                and words[anchor + 1].norm in rsets["statement_subjects"] and not words[anchor + 2].breaks_before):
            # «وحذّر البيان الولايات المتحدة من …»: the statement is the subject, the party after it
            # the object; the issuer is named in another sentence (round 37)
            statement_object = next((g for g in right if bare(g) and g.start == anchor + 2), None)
            if statement_object is not None:
                vso = None
        if m.light is not None and vso is None:
            # «شنت الطائرات الروسية غارات»: the subject may sit between light verb and noun
            vso = next((g for g in right if bare(g) and g.first < m.first), None)
        # (not a death phrase: «قالت الحكومة إنها [الغارات] أودت بحياة 16 شخصاً» — its subject is a cause)
        pron = None if t.mode == "kill" and t.kind == "phrase" else reported_pronoun(
            words, anchor, cues["raw"], lambda w: _pronoun_complementizer(w, cues))
        speaker = None if pron is None else next(
            (g for g in reversed(groups) if g.is_actor and g.last < pron and bare(g) and not g.attribute), None)
        if speaker is not None:
            # «قالت الحركة إنها استهدفت موقعاً», «أعلن الجيش أنه قصف مواقع لحزب الله»: the pronoun on
            # the complementizer is the verb's subject, the speaker; a group after the verb is its object
            actor = speaker
            recipient = next((g for g in right if g.first > anchor and ok_recipient(g) and g is not speaker
                              and (g.first > m.last or m.light is not None)), None)
        elif vso is not None:
            actor = vso
            start = max(vso.last, m.last)
            recipient = next((g for g in right if g.first > start and ok_recipient(g)), None)
            if recipient is None and m.light is not None and vso.first == anchor + 1:
                # «حمّل الجيش اللبناني إسرائيل المسؤولية», «سلّمت ألمانيا أوكرانيا منظومة …»: a second
                # bare group between the subject and the governed noun is the verb's first object
                recipient = next((g for g in right if vso.last < g.first < m.first and bare(g)
                                  and not g.attribute), None)
            if recipient is None and m.light is not None:
                # «وعقد أردوغان مع بوتين اجتماعاً», «شنّ الجيش على مواقعهم هجوماً»: the other side may
                # stand with its preposition between the subject and the governed noun (round 35)
                recipient = next((g for g in right if vso.last < g.first < m.first and g.prep in _FRONTED_OBJECT_PREPS
                                  and ok_recipient(g) and not g.attribute), None)
        else:
            if svo is None and coordinated:
                actor = prev_subject  # «…، وبحث معه»: the subject of the previous verb
            elif fronted is not None and svo is fronted:
                actor = fronted
            elif rel_subject is not None:
                actor = rel_subject
            else:
                actor = next((g for g in reversed(left) if bare(g)), None)
            recipient = next((g for g in right if g.first > m.last and ok_recipient(g) and g is not actor), None)
        if statement_object is not None:
            actor, recipient = None, statement_object
        if actor is None and m.light is not None and inside is not None:
            # «أكد أن التنسيق الروسي الإيراني …»: a light verb with no subject of its own leaves
            # the nisba mention holding the noun as its agent
            actor = inside
        if recipient is None:
            # «قتلت القوات عدداً من المهربين»: a counted object after the verb (and its subject)
            lo = max(m.last, actor.last if actor is not None and actor.first > anchor else m.last) + 1
            recipient = next((g for g in right if g.first >= lo and g is not actor
                              and counted_object(words, lo, g, cues)), None)
    elif victim:
        right = [g for g in usable if g.first > m.last]
        left = [g for g in usable if g.first < anchor]
        recipient = next((g for g in right if (bare(g) or _partitive(words, g, cues["member_nouns"]))
                          and g.prep != "agent"), None) or \
            next((g for g in reversed(left) if bare(g)), None)
        actor = _agent_after_marker(usable, m.last + 1, hi)
    else:  # noun trigger without a light verb
        after = [g for g in usable if g.first > m.last]
        # «في زيارة قالت وكالات الأنباء إنها …»: a group after a reporting verb is that verb's
        # subject (the one who reports), never the genitive of the noun
        near = next((g for g in after if g.first - m.last <= 3 and (bare(g) or _partitive(words, g))
                     and not any(words[k].norm in lex.attribution_verbs for k in range(m.last + 1, g.first))),
                    None)
        if near is None:
            # «مقتل اثنين من عناصر الحزب»: the group a count right after the noun counts
            near = next((g for g in after if counted_object(words, m.last + 1, g, cues)), None)
        if "patient" in t.flags:
            recipient = near
            actor = _agent_after_marker(usable, m.last + 1, hi)
            if recipient is None and actor is not None and possessive(m, words, lex):
                # «توفيت أميني … بعد توقيفها على يد «شرطة الأخلاق»»: with the agent named, the
                # pronoun on the masdar is the one it befell, the subject named before it
                recipient = prev_subject or next(
                    (g for g in reversed(groups) if g.is_actor and g.last < m.first and bare(g)
                     and not g.attribute and id(g) not in exclude), None)
        else:
            # «الغارات الإسرائيلية», «تعهدات روسية»: the nisba mention that holds the noun is its agent
            actor = inside or near
            if (near is not None and actor is near and t.type in cues["symmetric"] and m.first > 0
                    and _bare_noun(words[m.first - 1].norm) in rsets["fronted_masdar_preps"] and possessive(m, words, lex)):
                # «وشدد أمير قطر خلال لقائه الرئيس الإيراني على …»: the pronoun on the meeting noun is
                # the clause's subject, named before it; the genitive after it is the one met (round 35)
                # (the nearest party named before the preposition, in the same unit)
                owner = next((g for g in reversed(usable) if g.last < m.first - 1 and m.first - g.last <= 6
                              and bare(g) and not g.attribute
                              and not any(words[k].hard_before for k in range(g.last + 1, m.first))), None)
                if owner is not None and owner is not near:
                    actor, recipient = owner, near
            if t.type in ("ASSAULT", "COERCE") and m.light is None:
                exposed = exposed_subject(words, m.first, groups, cues["raw"], exclude)
                if exposed is not None:
                    # «تعرّض مقر الأمم المتحدة لهجوم»: the subject of «تعرّض» is the one attacked
                    recipient = exposed
                    actor = None if actor is exposed else actor
            if actor is None:
                # «في هجوم لحزب العمال الكردستاني»: the ل agent right after an attack noun
                actor = next((g for g in after if g.first - m.last <= 2 and g.prep == "agent"), None)
            if actor is None:
                # «قافلة مساعدات إنسانية تابعة للأمم المتحدة»: the body after «تابعة لـ», an adjective
                # or two after the noun, owns it
                actor = next((g for g in after if g.first - m.last <= 4 and g.prep == "ل"
                              and g.first > 0 and words[g.first - 1].norm in cues["owner_links"]
                              # «القصف الإسرائيلي لمدرسة تابعة للأونروا»: «تابعة» qualifies the noun of
                              # a phrase in between (a «لـ» or other preposition), not the trigger (round 35)
                              and not any(words[k].norm[:1] == "ل" or words[k].norm in rec_preps
                                          for k in range(m.last + 1, g.first - 1))), None)
            if inside is not None and near is not None and near.first > inside.last:
                near = None
            if t.type in ("SUPPORT", "AID") and near is not None and actor is near and not any(
                    g.first > near.last and g.prep in ("ل", "إلى", "الى") for g in after):
                # «لدعم نظام الأسد», «دعم الحكومة السورية»: with no «لـ» recipient after it, the
                # genitive of a support masdar is the one supported, not the supporter
                actor, recipient = None, near
            if actor is None and "predicate" in t.flags:
                # «أن الولايات المتحدة «جاهزة للرد»»: the subject of a nominal sentence
                actor = next((g for g in reversed(usable) if g.last < m.first and m.first - g.last <= 3
                              and bare(g) and not any(words[k].hard_before for k in range(g.last + 1, m.first + 1))),
                             None)
            if actor is None and "predicate" in t.flags and m.verbal is False and m.first > 0 and (
                    _pronoun_complementizer(words[m.first - 1].norm, cues)
                    or m.last > m.first and words[m.first + 1].norm.startswith("ن")):
                # «أكدت قطر أنها «لن تطبّع»», «قال …: «لن نقبل»»: the pronoun (or the first person)
                # is the speaker, the nearest group named before it in the sentence
                actor = next((g for g in reversed(groups) if g.is_actor and g.last < m.first and bare(g)
                              and not g.attribute), None)
            if actor is None and possessive(m, words, lex):
                if prev_subject is not None and m.first - prev_subject.last <= 15:
                    actor = prev_subject  # «في زيارته إلى موسكو»: the owner is the clause's subject
                else:
                    # «اقتراب القوات الإيرانية من الحدود واستقرارها في درعا»: with no verb before
                    # it, the owner is the nearest group named before the noun in its unit
                    actor = next((g for g in reversed(usable) if g.last < m.first and m.first - g.last <= 10
                                  and (bare(g) or g.prep == "من") and not g.attribute
                                  and not any(words[k].hard_before for k in range(g.last + 1, m.first + 1))),
                                 None)
            start = near.last if near is not None else m.last
            # ب marks the other side of a meeting («لقاء بوتين بأردوغان», «اتصال هاتفي بنظيره»);
            # elsewhere it is mostly an instrument or a place («هجوم بسيارة مفخخة»)
            b_ok = t.type == "CONSULT"
            recipient = recipient or next((g for g in after if g.first > start and g.prep in rec_preps
                              and (g.prep != "ب" or b_ok) and not (
                                  g.prep in ("ب", "في") and all(a.place is not None for a in g.members))
                              and g is not actor), None)
            if recipient is None and near is not None and actor is near and t.type == "CONSULT" and m.first > 0 \
                    and _bare_noun(words[m.first - 1].norm) in rsets["fronted_masdar_preps"] \
                    and possessive(m, words, lex):
                # «وخلال استقباله أردوغان، أكد خامنئي …»: the owner of the pronoun on a fronted
                # meeting noun is the subject of the main clause, right after its verb past the comma
                comma = next((k for k in range(near.last + 1, min(len(words), near.last + 3))
                              if words[k].breaks_before), None)
                if comma is not None:
                    recipient = next((g for g in groups if g.is_actor and comma < g.first <= comma + 2
                                      and bare(g) and not g.attribute and g is not near), None)
            if recipient is None and near is not None and actor is near and t.type in cues["symmetric"]:
                # «خلال اجتماع وزير الخارجية سيرغي لافروف، والمرشد الأعلى علي خامنئي»: a second
                # party coordinated with the genitive past a comma is the other side of the meeting
                recipient = next((g for g in after if g.first == near.last + 1 and bare(g)
                                  and words[g.first].norm[:1] == "و" and not g.attribute), None)
    if t.type == "REQUEST" and not m.verbal:
        # «تدخلها في سوريا جاء بناءً على طلب رسمي سوري»: a request the clause's act answers was
        # made to the one who acts, the nearest party named before the answering word; a party
        # right after «طلب من» is the one who asked (round 35)
        answered = cue_words(cues["raw"], "roles", "answered_request_words")
        k = next((j for j in (m.first, m.first - 1) if j >= 0 and words[j].norm in answered), None)
        # (a request noun: «تلبية لدعوة من نظيره» is an invitation, the visit's rules read it)
        if k is not None and words[m.last].norm in cue_words(cues["raw"], "roles", "answered_request_nouns"):
            asker = next((g for g in groups if g.is_actor and m.last < g.first <= m.last + 2 and g.prep == "من"), None)
            if asker is not None:
                actor = asker
                recipient = None if recipient is asker else recipient
            if recipient is None:
                recipient = next((g for g in reversed(groups) if g.is_actor and g.last < k and bare(g)
                                  and not g.attribute and (actor is None or not _keys(g) & _keys(actor))
                                  and not any(words[j].hard_before for j in range(g.last + 1, k + 1))), None)
    if recipient is None and actor is not None and t.type in cue_words(cues["raw"], "roles", "hosted_types"):
        # «صواريخ على قاعدة عين الأسد …، التي تستضيف قوات أمريكية»: the forces a struck site hosts (round 35)
        hosting = cue_words(cues["raw"], "roles", "hosting_verbs")
        reach = int(cues["raw"]["roles"].get("hosted_reach", 16))
        for k in range(m.last + 1, min(len(words), m.last + reach)):
            if words[k].hard_before:
                break
            if words[k].norm in hosting or (words[k].norm[:1] == "و" and words[k].norm[1:] in hosting):
                recipient = next((g for g in groups if k < g.first <= k + 2 and g.is_actor and bare(g)
                                  and not g.attribute and g is not actor), None)
                break
    if recipient is None and t.type == "THREATEN" and comp < hi and words[comp].norm in cues["threat_that"]:
        # «مهدداً بأن الإمارات «ستبقى هدفاً»»: the party the threat is about opens its content
        recipient = next((g for g in groups if g.is_actor and g.first == comp + 1 and bare(g)
                          and not g.attribute and g is not actor), None)
    if actor is not None and recipient is not None and _own_state(recipient, actor):
        # «جدد أردوغان رفض أنقرة مشاركة «وحدات حماية الشعب»»: the state a person speaks for is
        # on his side; the one acted upon comes after it
        recipient = next((g for g in usable if g.first > recipient.last and ok_recipient(g)
                          and g is not actor and not _own_state(g, actor)), None)
    if between is not None and actor is not None and actor is not between and t.type in cues["symmetric"] and (
            len(between.members) > 1 and m.last < between.first <= m.last + 6 and not _keys(actor) & _keys(between)):
        # «أعلنت قطر التوصل إلى اتفاق لوقف إطلاق النار بين إسرائيل وحركة حماس»: the parties of a
        # joint happening are those «بين X وY» names right after it, not the one who announces it
        actor = None
    if between is not None and (actor is None or actor is between):
        members = between.members
        if len(members) > 1 and t.type in cues["symmetric"]:
            # «اجتماع ثلاثي بين وزراء دفاع روسيا وإيران وسوريا … بدعوة من وزير دفاعها»: the one who
            # called the meeting convenes it (actor); the other parties listed are its guests (round 35)
            # (the invitation may follow a comma-cut phrase about the meeting: «…، يعقد اليوم في طهران، بدعوة من …»)
            inviter = invitation_host(m, words, groups, cue_words(cues["raw"], "roles", "invitation_words"),
                                      min(len(words), m.last + _CONVENER_REACH))
            if inviter is not None and inviter is not between and inviter.is_actor:
                own = _keys(inviter)
                # the inviter's own entry in the list (a state and its minister share one span) is no guest
                host = {(a.first, a.last) for a in members if a.key in own}
                guests = [a for a in members if a.actor is not None and (a.first, a.last) not in host]
                if guests:
                    return _refs(inviter), _refs(Group(guests)), {id(between), id(inviter)}, inviter
        if len(members) > 1:
            return ([members[0].actor] if members[0].actor else [],
                    _refs(Group(members[1:])), {id(between)}, None)
        actor = actor or between
    if recipient is actor:
        recipient = None
    if (recipient is None and actor is not None and len(actor.members) > 1
            and t.type in cue_words(cues["raw"], "roles", "reciprocal_types") and _reciprocal(m, words, actor, cues)):
        # «وتبادلت القوات الهندية والباكستانية إطلاق النار»: the sides of a reciprocal act (round 35)
        sides = _refs(actor)
        if len(sides) > 1 and len({str(r.get("country") or r.get("id")) for r in sides}) > 1:
            return sides[:1], sides[1:], {id(actor)}, actor
    used = {id(g) for g in (actor, recipient) if g is not None}
    if recipient is not None and t.type in rsets["state_asset_types"]:
        return _refs(actor), _asset_owners(recipient), used, actor
    return _refs(actor), _refs(recipient), used, actor


def _reciprocal(m: Match, words: list[Word], actor: Group, cues: dict[str, Any]) -> bool:
    """Whether a reciprocal verb («تبادل», «يتبادلان») stands before the subject ``actor`` of the
    trigger: its light verb, or the verb right before the subject."""
    verbs = cue_words(cues["raw"], "roles", "reciprocal_verbs")
    k = m.light if m.light is not None else actor.start - 1
    return 0 <= k < len(words) and words[k].norm in verbs and k < actor.first


def _asset_owners(group: Group) -> list[dict[str, Any]]:
    """The refs of an attacked group, a state company («أرامكو») given as its state (the
    recogniser's ``owner_state_ref``): the gold codes an attack on state assets against the state."""
    out, seen = [], set()
    for a in group.members:
        if a.actor is None or a.title_part:
            continue
        owner = (a.mention.extra or {}).get("owner_state_ref")
        ref = dict(owner, text=a.actor.get("text")) if owner else a.actor
        key = ref.get("id") or a.key
        if key not in seen:
            seen.add(key)
            out.append(ref)
    return out


# Prepositions that open the topic of a joint happening (written apart, with or without «و»).


def _keys(group: Group) -> frozenset[str]:
    return frozenset(a.key for a in group.members)


def _own_state(group: Group, actor: Group) -> bool:
    """Whether every member of ``group`` is the state of a person in ``actor`` (Erdoğan → Ankara)."""
    own = {str((b.actor or {}).get("country") or "") for b in actor.members if b.mention.label == "PERS"}
    own.discard("")
    return bool(own) and all(
        a.mention.label == "GPE" and a.actor is not None and a.actor.get("country") in own
        and a.actor.get("sector") in (None, "GOV") for a in group.members)


def _support_by(m: Match, words: list[Word], cues: dict[str, Any]) -> bool:
    """«بدعم من …», «بإسناد من …», «مدعومة بـ…»: the supporter follows the trigger."""
    head = words[m.first].norm
    if head in cues["support_by"] or (head[:1] in "وف" and head[1:] in cues["support_by"]):
        return True
    return head[:1] == "ب" and m.last + 1 < len(words) and words[m.last + 1].norm == "من"


def military_support(m: Match, words: list[Word], cues: dict[str, Any]) -> bool:
    """Whether a support trigger is material military aid («دعم جوي», «بدعم من الطيران الروسي»)."""
    mil = cues["military_support"]
    return any(words[k].norm in mil for k in range(m.last + 1, min(len(words), m.last + 5))
               if not words[k].hard_before)


def military_act_before(m: Match, words: list[Word], cues: dict[str, Any]) -> int | None:
    """Index of the first military act («التدخل», «قصف», «غارات») up to 8 words before a support
    noun in the same unit: the support it gives is material military aid, and that act's owner
    its giver."""
    acts = cues["military_acts"]
    if m.verbal or not acts:
        return None
    found = None
    for k in range(m.first - 1, max(-1, m.first - 9), -1):
        if words[k + 1].hard_before:
            break
        if any(stem in acts for stem, _ in clitic_candidates(words[k].norm)):
            found = k  # the first of coordinated acts heads them («التدخل الروسي وقصف المعارضة»)
    return found


# The words of the sentence last seen and their generic-participant entries (generic_participant
# runs twice per trigger over the same sentence); one tuple, swapped whole (thread-safe).
_last_generic: list[tuple[Any, Any, list[tuple[int, Any]]]] = [(None, None, [])]


def _generic_hits(words: list[Word], cues: dict[str, Any]) -> list[tuple[int, Any]]:
    """``(word index, generic_actors entry)`` of every word of the sentence listed there (or after و/ب/ل)."""
    last = _last_generic[0]
    if last[0] is words and last[1] is cues:
        return last[2]
    read = last_records(words, cues)  # the sentence's word records, when the other passes read them
    if read is not None:
        records, kinds, total = read
        hits = [(k, records[k][2]) for k in positions(kinds, GENERIC)] if total & GENERIC else []
    else:
        generic = cues["generic"]
        hits = []
        for k, w in enumerate(words):
            hit = generic.get(w.norm)
            if hit is None and w.norm[:1] in "وبل":
                hit = generic.get(w.norm[1:])
            if hit is not None:
                hits.append((k, hit))
    _last_generic[0] = (words, cues, hits)
    return hits


def generic_participant(m: Match, words: list[Word], cues: dict[str, Any], role: str
                        ) -> dict[str, Any] | None:
    """A collective participant the recogniser does not name («14 شخصاً», «المتظاهرين»).

    Looks up to 6 words either side of the trigger, inside the sentence unit, for a word listed
    under ``generic_actors`` in cues.yaml for this event type and role.
    """
    lo, hi = max(0, m.first - 6), min(len(words), m.last + 7)
    best, best_d = None, 99
    for k, hit in _generic_hits(words, cues):
        if k < lo or k >= hi or m.first <= k <= m.last:
            continue
        gid, g = hit
        if g.get("role") != role or m.trigger.type not in g.get("types", ()):
            continue
        span = range(min(k, m.first) + 1, max(k, m.last) + 1)
        if any(words[j].hard_before for j in span):
            continue
        d = abs(k - m.first)
        if d < best_d:
            best, best_d = (gid, g, words[k]), d
    if best is None:
        return None
    gid, g, w = best
    return {"id": gid, "name_en": g.get("name_en"), "name_ar": None, "wikidata": None, "country": None,
            "sector": "CVL", "role": None, "text": None}


def nisba_index(actors: Any) -> dict[str, dict[str, Any]]:
    """Normalised nisba adjectives of states («الروسي», «إيرانية») → the state's contract ref."""
    out: dict[str, dict[str, Any]] = {}
    if actors is None:
        return out
    for a in actors.all():
        if a.kind != "state" or not a.nisba_ar or getattr(a, "ambiguous", False):
            continue  # «التعاون المالي» is financial, not Malian: the recogniser decides those by context
        ref = actors.to_ref(a)
        for n in a.nisba_ar:
            base = norm_word(n)
            for form in (base, base + "ه" if base.endswith("ي") else base):
                out.setdefault(form, ref)
                out.setdefault("ال" + form, ref)
    return out


class StateIndex(dict):
    """ISO3 → state ref, also carrying the states' armed forces (:func:`force_index`) as ``forces``."""

    forces: dict[tuple[str, str], dict[str, Any]]

    def __init__(self, *args: Any, **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.forces = {}


def state_index(actors: Any) -> StateIndex:
    """ISO3 country code → the state's contract ref (to name the host of a visit).

    The index also holds :func:`force_index` under ``.forces``, so that whoever builds the
    state index («أن تكون طائراتها قد شنت») gets the force nouns resolved too.
    """
    out = StateIndex()
    if actors is None:
        return out
    for a in actors.all():
        if a.kind == "state" and a.iso3:
            out.setdefault(a.iso3, actors.to_ref(a))
    out.forces = force_index(actors)
    return out


def visited_state(m: Match, location: dict[str, Any], actor: list[dict[str, Any]],
                  states: dict[str, dict[str, Any]]) -> dict[str, Any] | None:
    """The host state of a visit («زيارة ولايتي إلى موسكو» → Russia), when it is not the visitor's own.

    Only for visit triggers (CONSULT/visit) whose place is known with its country.
    """
    if m.trigger.mode != "visit" or not location.get("country"):
        return None
    host = states.get(str(location["country"]))
    if host is None:
        return None
    if any(a.get("id") == host["id"] or (a.get("country") and a.get("country") == location["country"])
           for a in actor):
        return None
    return dict(host, text=location.get("text"))


def nisba_agents(m: Match, words: list[Word], nisba: dict[str, dict[str, Any]], covered: set[int],
                 text: str, triggers: frozenset[int] = frozenset()) -> list[dict[str, Any]]:
    """States named by nisba adjectives right after a noun trigger («الاتفاق الإيراني الروسي»).

    One ordinary adjective may come first («التعاون العسكري الإيراني»); words inside a mention
    (already someone else's attribute, «وزير الدفاع الروسي») are skipped. Another trigger word
    (``triggers``: word indices) is not an adjective: «هدنة بوساطة مصرية» names who mediated,
    not who made the truce.
    """
    if not nisba:
        return []
    out: list[dict[str, Any]] = []
    k = m.last + 1
    skipped = 0
    while k < len(words) and not words[k].breaks_before and k - m.last <= 4:
        w = words[k].norm
        ref = nisba.get(w) or (nisba.get(w[1:]) if w[:1] == "و" else None)
        if ref is not None and k not in covered:
            if all(r["id"] != ref["id"] for r in out):
                out.append(dict(ref, text=text[words[k].start:words[k].end]))
        elif out or skipped or k in covered or k in triggers:
            break
        else:
            skipped += 1
        k += 1
    return out


_SUBJECT_CUES: dict[int, tuple[dict[str, tuple[str, ...]], frozenset[str], frozenset[str]]] = {}


def _subject_cues(lex: Lexicon) -> tuple[dict[str, tuple[str, ...]], frozenset[str], frozenset[str]]:
    """cues.yaml ``roles``: definite force heads (→ the force alias heads to look up), member nouns
    that head a subject «X من Y», and the words linking them to Y («تابعين لـ», «موالية لـ»)."""
    raw = lex.cues["raw"]
    got = _SUBJECT_CUES.get(id(raw))
    if got is None:
        ro = raw.get("roles") or {}
        heads = {norm_word(k): tuple(norm_word(h) for h in v or ())
                 for k, v in (ro.get("definite_force_heads") or {}).items()}
        members = cue_words(raw, "roles", "subject_members")
        links = cue_words(raw, "roles", "member_links")
        got = _SUBJECT_CUES[id(raw)] = (heads, members, links)
    return got


def _definite_force(w0: str, heads: dict[str, tuple[str, ...]]) -> tuple[str, ...] | None:
    """The alias heads of a definite force noun («المدفعية», «والطائرات»), None for any other word."""
    for stem, pre in clitic_candidates(w0):
        if pre.endswith("ال") and stem in heads and not pre[:-2].endswith(("ب", "ل", "ك")):
            return heads[stem]
    return None


def nisba_subjects(words: list[Word], args: list[Arg], anchors: list[int], nisba: dict[str, dict[str, Any]],
                   text: str, lex: Lexicon,
                   forces: dict[tuple[str, str], dict[str, Any]] | None = None) -> list[Arg]:
    """``args`` plus the state named by a nisba in an unnamed subject right after a verb.

    «أوقفت وحدات أمنية تونسية …», «بضربة نفذتها طائرة مسيّرة أمريكية»: the subject (VSO) is a
    common noun phrase the recogniser does not name, and its nisba adjective says whose forces
    they are. The state becomes an argument standing for the whole phrase (its ``lead`` is the
    phrase's first word), so that the role rules read it as the subject. Only within three words
    of the verb, with no punctuation, preposition, trigger or mention in between, and only for an
    indefinite head noun — or a definite force noun (cues ``roles.definite_force_heads``: «قصفت
    المدفعية التركية», «أغارت الطائرات الإسرائيلية»), whose lone nisba the recogniser leaves as an
    adjective; that one names the state's armed force when the knowledge base has it («القوات
    التركية»), else the state.

    A member noun heading the subject («هاجم عناصر من تنظيم داعش», «اقتحم مسلحون موالون للحكومة»,
    cues ``roles.subject_members`` / ``member_links``) makes the body named after it the subject.
    """
    if not anchors:
        extra = _between_nisbas(words, {k for a in args if not a.attribute for k in range(a.first, a.last + 1)},
                                nisba, text, lex) if nisba else []
        return sorted(args + extra, key=lambda a: a.first) if extra else args
    heads, members, links = _subject_cues(lex)
    taken = {k for a in args if not a.attribute for k in range(a.first, a.last + 1)}
    by_first = {a.first: a for a in args}
    added: list[Arg] = []
    replaced: set[int] = set()
    n = len(words)
    for v in anchors:
        head = v + 1
        if head >= n or words[head].breaks_before:
            continue
        w0 = words[head].norm
        if w0 in members or (w0[:1] == "و" and w0[1:] in members):
            if _member_subject(words, by_first, head, links):
                if head in by_first:
                    replaced.add(id(by_first[head]))  # «مسلحون» (generic gunmen) stand for the body named
                continue
            # no body after it: a nisba may still name whose members they are («وفد عسكري إيراني»)
        if head in taken:
            continue
        if not nisba:
            continue
        force_heads = _definite_force(w0, heads)
        if force_heads is None and (
                w0 in lex.verbs or w0 in lex.light or lex.noun(w0) is not None or w0[:1] in "بل" and len(w0) > 4
                or any(p.endswith("ال") for _, p in clitic_candidates(w0))):
            # not an unnamed subject: an object, a prepositional phrase, another event; a definite
            # phrase («دعم النضال الفلسطيني») is named by the recogniser when it is an actor
            continue
        if force_heads is None:
            # «طائرات حربية باكستانية», «مدفعية تركية»: an indefinite force noun names the state's
            # force too (round 35; the recogniser knows only some of these phrases)
            bare_head = w0[1:] if w0[:1] in "وف" and w0[1:] in heads else w0
            force_heads = heads.get(bare_head)
        for k in range(head + 1, min(n, head + 3)):
            if k in taken or words[k].breaks_before:
                break
            w = words[k].norm
            ref = nisba.get(w) or (nisba.get(w[1:]) if w[:1] == "و" else None)
            if ref is None:
                continue
            if force_heads is not None and forces and ref.get("country"):
                ref = next((forces[(h, ref["country"])] for h in force_heads if (h, ref["country"]) in forces), ref)
            surface = text[words[head].start:words[k].end]
            mention = Mention(words[head].start, words[k].end, surface, label="ORG", actor_id=ref.get("id"),
                              origin="nisba", extra={"ref": dict(ref, text=surface)})
            arg = Arg(mention, k, k, actor=dict(ref, text=surface), key=str(ref.get("id")), lead=head)
            added.append(arg)
            if k in by_first:
                replaced.add(id(by_first[k]))  # the lone adjective now stands for the whole phrase
            taken.update(range(head, k + 1))
            break
    added += _between_nisbas(words, taken, nisba, text, lex) if nisba else []
    if not added and not replaced:
        return args
    return sorted([a for a in args if id(a) not in replaced] + added, key=lambda a: a.first)


def _between_nisbas(words: list[Word], taken: set[int], nisba: dict[str, dict[str, Any]],
                    text: str, lex: Lexicon) -> list[Arg]:
    """«مباحثات بين الوفدين السعودي والإيراني», «بين البلدين المصري والسوداني»: «بين», a noun the
    recogniser leaves unnamed, and two coordinated state nisbas name the two sides (round 35). The
    two states become arguments after «بين», so the role rules read them as the happening's parties."""
    between = lex.cues["between"]
    out: list[Arg] = []
    if between.isdisjoint(word_types(words)):
        return out  # (no «بين» in the sentence: no word to scan)
    n = len(words)
    for b, w in enumerate(words):
        if w.norm not in between or b + 3 >= n or any(k in taken for k in range(b + 1, b + 4)):
            continue
        w1, w2 = words[b + 2].norm, words[b + 3].norm
        ref1 = nisba.get(w1)
        ref2 = nisba.get(w2[1:]) if w2[:1] == "و" else None
        if ref1 is None or ref2 is None or ref1.get("id") == ref2.get("id") or any(
                words[k].breaks_before for k in range(b + 1, b + 4)):
            continue
        for k, ref, prep in ((b + 2, ref1, w.norm), (b + 3, ref2, None)):
            start = words[b + 1].start if k == b + 2 else words[k].start
            surface = text[start:words[k].end]
            mention = Mention(start, words[k].end, surface, label="GPE", actor_id=ref.get("id"),
                              origin="nisba", extra={"ref": dict(ref, text=surface)})
            out.append(Arg(mention, k, k, prep=prep, actor=dict(ref, text=surface), key=str(ref.get("id")),
                           lead=b + 1 if k == b + 2 else -1))
        taken.update(range(b + 1, b + 4))
    return out


def _member_subject(words: list[Word], by_first: dict[int, Arg], head: int, links: frozenset[str]) -> bool:
    """«عناصر من تنظيم داعش», «مسلحون تابعون للحركة»: the body after the member noun (and «من» or
    a linking participle) is the verb's subject, read as if it stood right after the verb."""
    k = head + 1
    if k < len(words) and not words[k].breaks_before and words[k].norm in links:
        k += 1  # «من», «تابعون», «موالية»: the body follows (a ل glued to it for the participles)
    elif k + 1 < len(words) and words[k + 1].norm in links and not words[k + 1].breaks_before:
        k += 2  # one adjective between («مسلحون مجهولون من …» is not this; «عناصر مسلحة تابعة لـ…»)
    else:
        return False
    arg = by_first.get(k)
    if arg is None or arg.actor is None or words[k].breaks_before or arg.attribute:
        return False
    arg.prep = None
    arg.lead = head
    return True


def _partitive(words: list[Word], g: Group, members: frozenset[str] = frozenset()) -> bool:
    """«13 من قوات الحرس»: a من right after a number introduces the counted group; «قيادي بارز في
    «كتائب حزب الله»»: a في after a member noun (cues.yaml ``member_nouns``) names the body the
    counted people belong to."""
    if g.prep == "في" and members:
        return any(_bare_noun(words[k].norm) in members for k in range(max(0, g.first - 4), g.first - 1))
    return g.prep == "من" and any(words[k].norm[:1].isdigit() for k in range(max(0, g.first - 4), g.first - 1))


def counted_object(words: list[Word], lo: int, g: Group, cues: dict[str, Any]) -> bool:
    """«قتلت عدداً من المهربين», «مقتل اثنين من عناصر الحزب»: the words from ``lo`` up to the group
    are a count (a digit, a number word, cues.yaml ``roles.count_words``), «من» and at most a member
    noun; the group is the counted object though it follows «من»."""
    raw = cues["raw"]
    if not 0 < g.first - lo <= int((raw.get("roles") or {}).get("count_reach", 5)):
        return False
    counts = cue_words(raw, "roles", "count_words")
    units, members = cues["num_units"], cues["member_nouns"]
    state = 0  # 0: before the count, 1: after it, 2: after «من», 3: after a member noun
    for k in range(lo, g.first):
        w = words[k]
        if k > lo and w.breaks_before:
            return False
        n = _bare_noun(w.norm) if k == lo else w.norm
        if state <= 1 and (n[:1].isdigit() or n in units or n in counts):
            state = 1
        elif state == 1 and n == "من":
            state = 2
        elif state == 2 and _bare_noun(n) in members:
            state = 3
        else:
            return False
    # «من» inside the count phrase, or the group's own «من» right after the count
    return state >= 2 or (state == 1 and g.prep == "من")


def _bare_noun(w: str) -> str:
    return w[1:] if w[:1] in "وف" and len(w) > 3 else w


def find_location(m: Match, args: list[Arg], lex: Lexicon, bounds: tuple[int, int],
                  used_keys: set[str]) -> dict[str, Any] | None:
    """The place nearest the trigger after a locative preposition (or named right after a visit verb)."""
    loc_preps = lex.cues["location_preps"]
    lo, hi = bounds
    best, best_d, best_arg = None, 10**9, None
    for a in args:
        if a.place is None:
            continue
        governed = a.prep in loc_preps
        visit_object = (m.trigger.type == "CONSULT" and m.trigger.mode == "visit" and a.prep is None
                        and a.first > m.last)
        # the place an attack hits is where it happened («قصفت الطائرات بلدة الخيام», «استهدفت
        # مسيرة قاعدة عين الأسد»); a place that also names an actor is left to the recipient
        # so is the place an occupation or a siege takes («احتلت القوات التركية مدينة عفرين»)
        struck = m.trigger.type == "ASSAULT" or m.trigger.type == "COERCE" and m.trigger.mode in ("occupy", "blockade")
        visit_object = visit_object or (struck and a.prep is None and a.first > m.last and a.actor is None)
        if not (governed or visit_object):
            continue
        if a.actor is not None and a.key in used_keys and not governed and not visit_object:
            continue
        d = a.first - m.last if a.first > m.last else (m.first - a.last) + 3  # prefer places after
        if not lo <= a.first < hi:
            d += 20
        if d < best_d:
            best, best_d, best_arg = a.place, d, a
    if best is None:
        return None
    return _finer_place(best_arg, args, lex, bounds)


def _finer_place(best: Arg, args: list[Arg], lex: Lexicon, bounds: tuple[int, int]) -> dict[str, Any]:
    """The gold's grain of place: a city rather than the country holding it when the clause names
    both («زار طهران، والتقى …، في ثاني زيارة له إلى إيران»)."""
    place = best.place
    pid = str(best.mention.place_id or "")
    lo, hi = bounds
    if pid.startswith("country:"):
        code = pid.split(":", 1)[1]
        city = next((a for a in args if a is not best and a.place is not None and lo <= a.first < hi
                     and str(a.mention.place_id or "").startswith("gn:") and a.place.get("country") == code
                     and (a.prep in lex.cues["location_preps"] or a.prep is None and a.actor is not None)), None)
        if city is not None:
            return city.place
    return place


def since_date(expr: TimeExpression, words: list[Word]) -> bool:
    """Whether a time expression is the start of a «منذ» phrase («منذ عام 2014»)."""
    idx = word_after(words, expr.start)
    if idx is None:
        return False
    return any(words[k].norm in ("منذ", "ومنذ") for k in range(max(0, idx - 5), idx)) and not any(
        words[k].breaks_before for k in range(max(1, idx - 4), idx))


def pick_date(m: Match, words: list[Word], dates: list[TimeExpression]) -> TimeExpression | None:
    """The time expression of the sentence nearest the trigger (by words), if any."""
    best, best_d = None, 10**9
    for d in dates:
        if not d.value:
            continue
        idx = word_after(words, d.start)
        if idx is None:
            continue
        # «طيلة 11 عاماً» measures, it does not date; «منذ آذار 2015» gives when it began
        if d.kind == "duration" and words[idx].norm not in ("منذ", "ومنذ"):
            continue
        dist = abs(idx - m.anchor) if idx < m.anchor else max(0, idx - m.last)
        # «منذ عام 2011», «منذ اندلاع الثورة عام 2011»: a منذ phrase dates the background, rarely
        # the event itself
        if any(words[k].norm in ("منذ", "ومنذ") for k in range(max(0, idx - 5), idx)) and not any(
                words[k].breaks_before for k in range(max(1, idx - 4), idx + 1) if k < idx):
            dist += 10
        between = range(min(idx, m.anchor) + 1, max(idx, m.anchor) + 1)
        if any(words[k].hard_before for k in between):
            dist += 15
        # a comma between the date and the trigger usually closes the date's own clause; a dash
        # or bracket only sets off a parenthesis («التقى الأسد -أمس الأحد- خامنئي»)
        dist += 3 * sum(1 for k in between if "،" in words[k].punct or "," in words[k].punct)
        if dist < best_d:
            best, best_d = d, dist
    return best


def _is_cue(w: str, cues: frozenset[str]) -> bool:
    return w in cues or (w[:1] in "وف" and w[1:] in cues)


def ongoing_cue(m: Match, words: list[Word], cues: frozenset[str]) -> Word | None:
    """A word saying the happening is under way as the article is written («يواصل», «وسط», «بينما»).

    Only for triggers not in the past tense; the cue must sit within 6 words, in the same unit.
    """
    if m.first > 0 and (m.light is None or m.light > m.first) and _is_cue(words[m.first - 1].norm, cues):
        # «وسط هجوم شنته …»: the cue governs the noun itself, whatever tense a relative clause has
        return words[m.first - 1]
    if m.tense in ("past", "future") or m.trigger.kind == "passive":
        return None
    lo, hi = max(0, m.first - 6), min(len(words), m.last + 3)
    for k in range(lo, hi):
        if _is_cue(words[k].norm, cues):
            span = range(min(k, m.first) + 1, max(k, m.last) + 1)
            if not any(words[j].hard_before for j in span):
                return words[k]
    return None


def date_fields(expr: TimeExpression | None) -> tuple[str | None, str | None, str | None]:
    """``(date, date_precision, date_text)`` for the contract, never inventing a finer precision.

    Day, month and year values pass through. An interval ``A/B`` (and a week, whose value is its
    first day) is reported at the finest unit that contains it all: the month if both ends share
    it, else the year of its start - a week straddling two months is therefore a year, not a day
    that the text never gave.
    """
    if expr is None or not expr.value:
        return None, None, None
    value = expr.value
    start, end = value, None
    if "/" in value:
        start, end = value.split("/", 1)
    elif expr.precision == "week" and len(value) == 10:
        from datetime import date, timedelta
        end = (date.fromisoformat(value) + timedelta(days=6)).isoformat()
    if end is not None:
        if len(start) == 10 and len(end) == 10 and expr.precision != "week":
            from datetime import date
            if 0 <= (date.fromisoformat(end) - date.fromisoformat(start)).days <= 1:
                return end, "day", expr.text  # «ليل السبت»: the night ends on the day it names
        if start[:7] == end[:7] and len(start) >= 7:
            return start[:7], "month", expr.text
        if len(start) == 10 and len(end) == 10:
            # a week straddling two months belongs to the month holding most of its days (its
            # middle day): «الأسبوع الماضي» of 30 Apr - 6 May is early May, not just "this year";
            # so do the last few days («خلال الأيام الماضية», a window of ten days)
            from datetime import date, timedelta
            a, b = date.fromisoformat(start), date.fromisoformat(end)
            if 0 <= (b - a).days <= 10:
                return (a + timedelta(days=(b - a).days // 2)).isoformat()[:7], "month", expr.text
        return start[:4], "year", expr.text
    precision = {10: "day", 7: "month", 4: "year"}.get(len(start))
    if precision is None:
        return None, None, expr.text
    return start, precision, expr.text


def force_index(actors: Any) -> dict[tuple[str, str], dict[str, Any]]:
    """``(force head noun, ISO3)`` → the armed force's contract ref, from the knowledge base.

    Read from two-word aliases of ``force`` actors made of a head noun and their state's nisba
    («الطائرات الروسية» → (طائرات, RUS) → Russian Aerospace Forces, «القوات الإسرائيلية» →
    (قوات, ISR)), so that «طائراتها» of a Russian owner finds the same actor as the full name.
    """
    out: dict[tuple[str, str], dict[str, Any]] = {}
    if actors is None:
        return out
    nisbas: dict[str, set[str]] = {}
    for a in actors.all():
        if a.kind == "state" and a.iso3:
            forms = nisbas.setdefault(a.iso3, set())
            for n in a.nisba_ar:
                base = norm_word(n)
                forms.update({base, "ال" + base, base + "ه", "ال" + base + "ه"})
    for a in actors.all():
        if a.kind != "force" or not a.country or a.country not in nisbas:
            continue
        for alias in a.arabic_names():
            parts = [norm_word(w) for w in alias.split()]
            if len(parts) == 2 and parts[1] in nisbas[a.country]:
                head = parts[0][2:] if parts[0].startswith("ال") else parts[0]
                out.setdefault((head, a.country), actors.to_ref(a))
    # (round 23) a person who leads an armed group or force: «أعلن بريغوجين أن مقاتليه سيعودون»,
    # «نفى مستشار لقائد الدعم السريع أن تكون قواته قد قصفت»: his men are the group's
    for a in actors.all():
        if a.kind != "person":
            continue
        # only those who command it: a spokesman's or negotiator's «قواته» («قال كبير مفاوضي
        # الجماعة إن قواته ستواصل …») is his side's, told as his own threat
        led = [actors.get(r.of) for r in a.roles if r.office in _LEADING_OFFICES]
        led = [b for b in led if b is not None and b.kind in ("group", "force")]
        if len({b.id for b in led}) == 1:  # (one body only: no guess between two)
            out[(_LEADS_KEY, a.id)] = actors.to_ref(led[0])
    return out


_LEADS_KEY = "@leads"
_LEADING_OFFICES = frozenset({"leader", "commander", "army_commander", "chief_of_staff", "secretary_general",
                              "supreme_leader"})


_OWNED_PROCLITICS = ("", "و", "ف", "ب", "ل", "وب", "ول", "فب", "فل")
# (heads table, written form → (alias heads, proclitics)): every written form of an owned force
# noun, built once per heads table (swapped whole when another lexicon's table comes in).
_OWNED_FORMS: list[tuple[Any, dict[str, tuple[tuple[str, ...], str]]]] = [(None, {})]


def _owned_forms(heads: dict[str, tuple[str, ...]]) -> dict[str, tuple[tuple[str, ...], str]]:
    """Written forms of the force nouns with a possessive pronoun («طائراتها», «وقواته», «بمقاتليها»)."""
    table, forms = _OWNED_FORMS[0]
    if table is heads:
        return forms
    forms = {}
    for head, alias_heads in heads.items():
        for suf in POSSESSIVE_SUFFIXES:
            for pre in _OWNED_PROCLITICS:
                forms.setdefault(pre + head + suf, (alias_heads, pre))
    _OWNED_FORMS[0] = (heads, forms)
    return forms


def possessive_forces(words: list[Word], args: list[Arg], text: str, cues: dict[str, Any],
                      forces: dict[tuple[str, str], dict[str, Any]],
                      states: dict[str, dict[str, Any]] | None = None) -> list[Arg]:
    """``args`` plus an argument for each force noun owned by a pronoun («أن تكون طائراتها قد شنت»).

    The owner is the nearest actor named before it in the sentence (not a nisba attribute nor a
    title's genitive). A state, a government body or an official owns that state's force of that
    kind («نفت وزارة الدفاع الروسية أن تكون طائراتها …» → the Russian Aerospace Forces); an
    armed group or a force owns its own men («مقاتليه» of Hezbollah is Hezbollah).
    """
    heads = cues.get("possessive_forces") or {}
    if not heads or not args:
        return args
    forms = _owned_forms(heads)
    if forms.keys().isdisjoint(word_types(words)):
        return args  # most sentences hold no owned force noun
    taken = {k for a in args for k in range(a.first, a.last + 1)}
    added: list[Arg] = []
    for w in words:
        hit = forms.get(w.norm)
        if hit is None or w.index in taken:
            continue
        owner = next((a for a in reversed(args) if a.last < w.index and a.actor is not None
                      and not a.attribute and not a.title_part), None)
        if owner is None:
            continue
        ref = owner.actor
        led = forces.get((_LEADS_KEY, str(ref.get("id") or "")))
        if led is not None:
            ref = led  # the leader of an armed group owns its men
        country = ref.get("country")
        if country and (ref.get("sector") in ("GOV", None) or (states or {}).get(country, {}).get("id") == ref.get("id")):
            force = next((forces[(h, country)] for h in hit[0] if (h, country) in forces), None)
            ref = force or (states or {}).get(country) or ref
        surface = text[w.start:w.end]
        mention = Mention(w.start, w.end, surface, label="ORG", actor_id=ref.get("id"),
                          origin="pronoun", extra={"ref": dict(ref, text=surface)})
        arg = Arg(mention, w.index, w.index, actor=dict(ref, text=surface))
        arg.key = str(ref.get("id") or norm_word(surface))
        pre = hit[1][-1:]
        arg.prep = pre if pre in ("ب", "ل") else None
        if arg.prep is None and w.index > 0 and not w.breaks_before:
            prev = words[w.index - 1].norm
            preps, _agents = _governing_cues(cues)
            arg.prep = prev if prev in preps else None
        added.append(arg)
    if not added:
        return args
    return sorted(args + added, key=lambda a: a.first)
