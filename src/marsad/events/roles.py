"""Role repairs applied to one event after the clause rules of :mod:`marsad.events.arguments`.

Each function takes the actor and recipient lists an event has so far and returns them corrected
for one grammatical construction the clause rules cannot see on their own. They are small and
independent so that each can be measured (and dropped) on its own.
"""

from __future__ import annotations

from typing import Any

from marsad.events.text import norm_word

Refs = list[dict[str, Any]]
# Words between a joint-happening noun and the parties of its relative clause («قمة ثلاثية جمعت
# الرئيس الروسي …», «مذكرة التفاهم التي وقّعها الرئيسان …»).
_JOINT_REACH = 6


def split_joint_parties(etype: str, actor: Refs, recipient: Refs, symmetric: frozenset[str],
                        between: list[str] | None, joint_verbs: frozenset[str]) -> tuple[Refs, Refs]:
    """Joint happenings (CONSULT, AGREE, COOPERATE) always have an actor when parties are named.

    «قمة ثلاثية جمعت الرئيس الروسي فلاديمير بوتين ونظيريه …», «مذكرة التفاهم التي وقّعها الرئيسان
    بوتين وأردوغان»: the parties stand in an object or relative position, so the clause rules give
    them all as recipients and no actor. The seed gold's convention for joint happenings is the
    first party as actor and the others as recipients.

    ``between`` holds the normalised words between the trigger and the recipients' group: only
    parties named by a relative verb close after the trigger (cues.yaml ``joint_party_verbs``)
    are split; a genitive or a group in another clause stays as it is.
    """
    if etype in symmetric and not actor and len(recipient) > 1 and between is not None \
            and len(between) <= _JOINT_REACH and any(w in joint_verbs or _bare(w) in joint_verbs for w in between):
        return recipient[:1], recipient[1:]
    return actor, recipient


# Prepositions carrying the pronoun of the noun a relative verb is about («توصّل إليه», «شارك فيها»).
# Words from a joint-happening noun to the verb of the relative clause that names its parties, and
# from that verb to the parties' group (a title such as «وزراء خارجية دول» may stand before it).
_RELATIVE_REACH = 10
_PARTY_GAP = 3


def relative_parties(m: Any, words: list[Any], groups: list[Any], verbs: frozenset[str],
                     taken: set[int], pronoun_preps: frozenset[str] = frozenset()) -> Any:
    """The group a relative clause after a joint-happening noun names as its parties, or None.

    «بعد اتفاق على تعليق الهجوم، توصّل إليه أردوغان ونائب الرئيس الأمريكي مايك بنس», «اجتماعات في
    جدة … ضمّت وزراء خارجية دول مجلس التعاون ومصر»: the verb (cues.yaml ``joint_party_verbs`` or
    ``relative_party_verbs``, the latter followed by a pronoun preposition) comes up to ten words
    after the noun, in its unit (one comma allowed), with no other verb trigger before it; its
    subject or object group, at most three title words after it, holds the parties. ``taken``: word
    indices of the sentence's verb triggers, which end the search.
    """
    n = len(words)
    commas = 0
    for k in range(m.last + 1, min(n, m.last + 1 + _RELATIVE_REACH)):
        w = words[k]
        if w.hard_before:
            return None
        if w.breaks_before:
            commas += 1
            if commas > 1:
                return None
        if k in taken:
            return None
        norm = _bare(w.norm)
        start = None
        if norm in verbs or w.norm in verbs:
            start = k + 1
            if start < n and words[start].norm in pronoun_preps and not words[start].breaks_before:
                start += 1
            elif start < n and words[start].norm not in pronoun_preps and norm.startswith("توصل"):
                return None  # «توصّل إلى اتفاق»: not a relative clause about the noun
        if start is None:
            continue
        for g in groups:
            if g.first < start or not g.is_actor or g.prep is not None or g.attribute:
                continue
            if g.start - start <= _PARTY_GAP and not any(words[j].breaks_before for j in range(start, g.first + 1)):
                return g
            break
        return None
    return None


def _bare(w: str) -> str:
    """A word without a leading conjunction («وجمعت» → «جمعت»)."""
    return w[1:] if w[:1] in "وف" and len(w) > 3 else w



_CUE_SETS: dict[int, tuple[Any, frozenset[str]]] = {}
_NO_WORDS: frozenset[str] = frozenset()


def cue_words(raw_cues: dict[str, Any], section: str, key: str) -> frozenset[str]:
    """Normalised words of a cues.yaml list (``raw_cues[section][key]``), built once per lexicon."""
    sec = raw_cues.get(section)
    lst = sec.get(key) if sec else None
    if not lst:
        return _NO_WORDS
    # keyed by the list alone (the entry keeps the list alive, so its id is not reused while cached):
    # the passes ask tens of thousands of times per 300 documents
    got = _CUE_SETS.get(id(lst))
    if got is None or got[0] is not lst:
        got = (lst, frozenset(norm_word(w) for w in lst))
        _CUE_SETS[id(lst)] = got
    return got[1]


_CUE_PHRASES: dict[tuple[int, str], tuple[Any, frozenset[tuple[str, ...]]]] = {}


def cue_phrases(raw_cues: dict[str, Any], section: str, key: str) -> frozenset[tuple[str, ...]]:
    """Normalised word tuples of a cues.yaml list of phrases (``raw_cues[section][key]``), built once."""
    lst = (raw_cues.get(section) or {}).get(key) or ()
    got = _CUE_PHRASES.get((id(lst), key))
    if got is None or got[0] is not lst:
        got = (lst, frozenset(tuple(norm_word(w) for w in str(p).split()) for p in lst))
        _CUE_PHRASES[(id(lst), key)] = got
    return got[1]


def fronted_opener(words: list[Any], openers: frozenset[tuple[str, ...]]) -> int:
    """Length in words of a discourse phrase that opens the sentence, closed by a comma («في
    المقابل،», «من جهته،», «بدورها،», «وفي السياق نفسه،»), else 0. The phrase links the sentence to
    the one before; the clause proper, and its subject, begin after it."""
    for n in range(1, min(5, len(words))):
        if "،" not in words[n].punct and "," not in words[n].punct:
            continue
        first = words[0].norm
        got = tuple(w.norm for w in words[:n])
        if got in openers or (first[:1] in "وف" and (first[1:], *got[1:]) in openers):
            return n
        return 0
    return 0


def _person(ref: dict[str, Any]) -> bool:
    """A linked person (the knowledge base gives persons a role; states and bodies have none)."""
    return bool(ref.get("role")) and bool(ref.get("id"))


def split_meetings(events: list[tuple[Any, dict[str, Any]]]) -> list[tuple[Any, dict[str, Any]]]:
    """«التقى الأسد المرشد علي خامنئي والرئيس إبراهيم رئيسي»: a meeting verb with several persons
    as its object is one meeting per person met (the gold convention: one event per actor pair).

    Only meeting verbs (CONSULT/meet) whose recipients are all linked persons; a host verb or a
    summit noun («استضافت طهران قمة جمعت …») keeps the parties together.
    """
    out: list[tuple[Any, dict[str, Any]]] = []
    for m, ev in events:
        rec = ev["recipient"]
        if ev["type"] == "CONSULT" and ev["mode"] == "meet" and m.verbal and len(rec) > 1 and ev["actor"] and all(_person(r) for r in rec):
            for r in rec:
                out.append((m, dict(ev, recipient=[r], quantities=dict(ev["quantities"]))))
        else:
            out.append((m, ev))
    return out


def fold_visits(events: list[tuple[Any, dict[str, Any]]]) -> list[tuple[Any, dict[str, Any]]]:
    """«زار الأسد طهران، والتقى خامنئي …»: a visit whose other side is only the host state read
    off its place, in a sentence that tells whom the visitor met there, is told by those meetings.

    The host state is taken off the visit when another CONSULT event of the sentence has the same
    actor and a person of the host country as recipient; the visit then merges with the meetings.
    """
    for i, (_m, ev) in enumerate(events):
        loc = ev.get("location") or {}
        rec = ev["recipient"]
        if ev["type"] != "CONSULT" or ev["mode"] != "visit" or len(rec) != 1 or not loc.get("country"):
            continue
        if rec[0].get("text") != loc.get("text"):
            continue  # a host named in the text, not read off the place
        who = {a.get("id") for a in ev["actor"] if a.get("id")}
        country = loc["country"]
        if any(j != i and other["type"] == "CONSULT" and who & {a.get("id") for a in other["actor"]}
               and any(_person(r) and r.get("country") == country for r in other["recipient"])
               for j, (_, other) in enumerate(events)):
            ev["recipient"] = []
    return events


_VERB_SETS: dict[tuple[int, str], tuple[Any, frozenset[str]]] = {}


def cue_verb_forms(raw_cues: dict[str, Any], section: str, key: str) -> frozenset[str]:
    """Every written form of the verbs of a cues.yaml list («تعرض يتعرض»), generated once per lexicon
    by :mod:`marsad.events.morphology` (tenses, persons, و/ف/س)."""
    from marsad.events.morphology import VerbSpec, guess_class, verb_forms

    lst = (raw_cues.get(section) or {}).get(key) or ()
    got = _VERB_SETS.get((id(lst), key))
    if got is None or got[0] is not lst:
        forms: set[str] = set()
        for spec in lst:
            parts = str(spec).split()
            perf = norm_word(parts[0])
            impf = norm_word(parts[1]) if len(parts) > 1 and parts[1] != "-" else None
            forms.update(verb_forms(VerbSpec(perf, impf, guess_class(perf, impf, None, parts[0]))))
        got = (lst, frozenset(forms))
        _VERB_SETS[(id(lst), key)] = got
    return got[1]


def reported_pronoun(words: list[Any], anchor: int, raw_cues: dict[str, Any], complementizer: Any) -> int | None:
    """Index of a complementizer carrying the subject pronoun right before a verb («قالت الحركة
    إنها استهدفت …», «أعلن الجيش أنه قصف …»; `roles.pronoun_skip` words such as «قد», «لم» may stand
    between), else ``None``. The pronoun is the one who speaks: the reported act is the speaker's."""
    skip = cue_words(raw_cues, "roles", "pronoun_skip")
    k = anchor - 1
    while k >= 0 and anchor - k <= 3 and words[k].norm in skip:
        k -= 1
    if k < 0 or anchor - k > 3 or not complementizer(words[k].norm):
        return None
    return k


def exposed_subject(words: list[Any], first: int, groups: list[Any], raw_cues: dict[str, Any],
                    exclude: set[int]) -> Any | None:
    """The one who suffered an attack named by «تعرّض لـ» («تعرّض مقر الأمم المتحدة لهجوم», «المقر
    الذي تعرض لقصف»): the subject of a `roles.exposure_verbs` verb standing up to eight words
    before the attack noun in the same clause, named after the verb (VSO) or right before it."""
    forms = cue_verb_forms(raw_cues, "roles", "exposure_verbs")
    verb = None
    commas = 0
    for k in range(first - 1, max(-1, first - _EXPOSURE_REACH - 1), -1):
        if words[k + 1].hard_before:
            return None  # a full stop between: another sentence part
        if words[k + 1].breaks_before:
            # «تعرّضت معامل أرامكو …، فجر السبت الماضي، لهجوم»: a time or place set off by a pair of
            # commas stays in the clause; a lone comma (or a third one) opens another clause
            commas += 1
            if commas > 2:
                return None
        if words[k].norm in forms:
            verb = k
            break
    if verb is None or commas == 1:
        return None
    usable = [g for g in groups if g.is_actor and id(g) not in exclude and not g.attribute]
    after = next((g for g in usable if verb < g.first < first and g.prep is None), None)
    if after is not None:
        return after
    return next((g for g in reversed(usable) if g.last < verb and verb - g.last <= 3 and g.prep is None
                 and not any(words[j].breaks_before for j in range(g.last + 1, verb + 1))), None)


# Words back from an attack noun to «تعرّض» (the subject and a date or place set off by commas between).
_EXPOSURE_REACH = 16


# Words from an invitation noun to the inviter («تلبية لدعوة من نظيره الباكستاني …»).
_INVITER_GAP = 2


def invitation_host(m: Any, words: list[Any], groups: list[Any], invitation: frozenset[str],
                    hi: int) -> Any:
    """The group that invited a visitor, or None: the host of the visit.

    «سيزور عبداللهيان إسلام آباد … تلبية لدعوة من نظيره الباكستاني جليل عباس جيلاني», «يزور
    الرئيس الجزائري الدوحة بدعوة من أمير قطر»: the inviter (after an invitation noun, cues.yaml
    ``roles.invitation_words``, with or without «من») is the one visited, a person rather than the
    state the place gives. Only after the trigger, in its clause (up to word ``hi``).
    """
    for k in range(m.last + 1, min(hi, len(words))):
        if words[k].hard_before:
            return None
        if words[k].norm not in invitation and _bare(words[k].norm) not in invitation:
            continue
        for g in groups:
            if g.first <= k or not g.is_actor or g.attribute:
                continue
            if g.start - k - 1 <= _INVITER_GAP and not any(words[j].breaks_before for j in range(k + 1, g.first + 1)):
                return g
            return None
        return None
    return None



# Words after a site or place noun that may stand before its state adjective: «مواقع عسكرية
# إسرائيلية», «المدن والبلدات الإسرائيلية» (the coordinated noun is checked by the caller).
_NISBA_GAP = 2
_NISBA_CUES: dict[int, tuple[frozenset[str], frozenset[str], int, frozenset[str], tuple[str, ...]]] = {}
# (per cues.yaml, normalised once)


def nisba_targets(events: list[tuple[Any, dict[str, Any]]], words: list[Any], nisba: dict[str, dict[str, Any]],
                  forces: dict[tuple[str, str], dict[str, Any]] | None, raw_cues: dict[str, Any],
                  types: frozenset[str] = frozenset({"ASSAULT"})) -> None:
    """The target of an attack named only by a state adjective on the place struck.

    «استهدفوا مواقع عسكرية إسرائيلية» → the Israeli army (a military site is its army's);
    «أطلقت الحركة … صاروخ وقذيفة باتجاه المدن والبلدات الإسرائيلية» → Israel (towns and lands are
    the state's). For an event of ``types`` with an actor and no recipient: the first site or place
    noun (cues ``roles.military_site_nouns``, ``roles.state_place_nouns``) within
    ``roles.nisba_target_reach`` words after the trigger, in its clause, followed within two words
    by a state nisba. The army is the state's force with head «جيش»/«قوات» when the knowledge base
    has one, else the state. Never the attacker's own state.
    """
    if not nisba:
        return
    cfg = _NISBA_CUES.get(id(raw_cues))
    if cfg is None:
        roles = raw_cues.get("roles") or {}
        cfg = _NISBA_CUES[id(raw_cues)] = (_cue_set(roles, "military_site_nouns"),
                                          _cue_set(roles, "state_place_nouns"),
                                          int(roles.get("nisba_target_reach", 8)),
                                          _cue_set(roles, "site_adjectives"),
                                          tuple(norm_word(w) for w in roles.get("army_heads") or ()))
    sites, places, reach, site_adjectives, army_heads = cfg
    # (cues.yaml roles.nisba_target_types widens the default: round 35 adds MOBILIZE, «مناورات قرب
    # الحدود الأذربيجانية»)
    types = types | frozenset((raw_cues.get("roles") or {}).get("nisba_target_types") or ())
    for m, ev in events:
        if ev["type"] not in types or not ev["actor"] or ev["recipient"]:
            continue
        own = {str(r.get("country") or "") for r in ev["actor"]} | {str(r.get("id")) for r in ev["actor"]}
        for j in range(m.last + 1, min(len(words), m.last + 1 + reach)):
            if words[j].hard_before or (j > m.last + 1 and words[j].breaks_before):
                break
            w = words[j].norm
            kind = "site" if w in sites else ("place" if w in places else None)
            if kind is None:
                continue
            ref = None
            for k in range(j + 1, min(len(words), j + 1 + _NISBA_GAP)):
                if words[k].breaks_before:
                    break
                ref = nisba.get(words[k].norm)
                if ref is not None or not (words[k].norm in site_adjectives or words[k].norm[:1] == "و"):
                    break  # only «عسكرية» or a coordinated noun stands between («مواقع للقوات الأرمنية»: an owner)
            if ref is None:
                break  # the first site or place noun decides («مواقع للقوات الأرمنية» names its owner)
            country = str(ref.get("country") or "")
            if own & {str(ref.get("id")), country}:
                break
            if kind == "site" and forces:
                ref = next((forces[(h, country)] for h in army_heads if (h, country) in forces), ref)
            start, end = words[j].start, words[k].end
            ev_start = ev["evidence"]["start"]
            ev["recipient"] = [dict(ref, text=ev["evidence"]["text"][start - ev_start:end - ev_start])]
            break
    nisba_objects(events, words, nisba, raw_cues)
    condemned_makers(events, words, raw_cues)


def condemned_makers(events: list[tuple[Any, dict[str, Any]]], words: list[Any], raw_cues: dict[str, Any]) -> None:
    """A condemnation of an attack named right after it is addressed to the attack's maker (round 35).

    «وأدانت السعودية القصف الإسرائيلي لمدرسة تابعة للأونروا» → Israel, not the school's owner the
    clause rules read after «لـ». For an event of ``roles.condemned_maker_types`` with an actor:
    the first event of ``roles.condemned_act_types`` whose trigger starts up to
    ``condemned_act_reach`` words after it, in its clause, with an actor that is not the
    condemner's side. It replaces no recipient, or one that is only the attack's target.
    """
    if len(events) < 2:
        return  # (the act condemned is another event of the sentence)
    roles = raw_cues.get("roles") or {}
    types = frozenset(roles.get("condemned_maker_types") or ())
    acts = frozenset(roles.get("condemned_act_types") or ())
    if not types or not acts:
        return
    reach = int(roles.get("condemned_act_reach", 5))
    for m, ev in events:
        if ev["type"] not in types or not ev["actor"]:
            continue
        act = next((e for m2, e in events if e["type"] in acts and m.last < m2.first <= m.last + reach
                    and not any(words[k].hard_before or words[k].breaks_before for k in range(m.last + 1, m2.first + 1))),
                   None)
        if act is None or not act["actor"]:
            continue
        own = {str(r.get("country") or r.get("id")) for r in ev["actor"]}
        if own & {str(r.get("country") or r.get("id")) for r in act["actor"]}:
            continue
        targets = {r.get("id") for r in act["recipient"]}
        if all(r.get("id") in targets for r in ev["recipient"]):
            ev["recipient"] = [dict(r) for r in act["actor"]]


def _after_subject(last: int, words: list[Any], ev: dict[str, Any]) -> int:
    """The first word after word ``last`` (the verb) and, when it follows at once, its actor's mention."""
    ev_start, text = ev["evidence"]["start"], ev["evidence"]["text"]
    end = words[last].end - ev_start
    for r in ev["actor"]:
        t = str(r.get("text") or "")
        pos = text.find(t, end) if t else -1
        if 0 <= pos and pos - end <= 2:
            stop = ev_start + pos + len(t)
            return next((j for j in range(last + 1, len(words)) if words[j].start >= stop), len(words))
    return last + 1


def nisba_objects(events: list[tuple[Any, dict[str, Any]]], words: list[Any], nisba: dict[str, dict[str, Any]],
                  raw_cues: dict[str, Any]) -> None:
    """The addressee of a speech act named only by a state adjective on its object (round 35).

    «ورفضت حماس المقترح الإسرائيلي» → Israel, «وانتقد الوزير سياسة الاستيطان الإسرائيلية» → Israel,
    «وهددت إيران بالرد على أي هجوم إسرائيلي» → Israel. For an event of ``roles.nisba_object_types``
    with no recipient: the first state nisba up to ``nisba_object_reach`` words after
    the trigger, in its clause, before any of ``nisba_object_stops`` (a place or topic phrase,
    «في الشؤون الليبية», or reported content, «أن …»). The speaker's own state is never taken.
    """
    if not nisba:
        return  # (before the type set is built: most sentences have no state adjective)
    roles = raw_cues.get("roles") or {}
    types = frozenset(roles.get("nisba_object_types") or ())
    if not types:
        return
    stops = cue_words(raw_cues, "roles", "nisba_object_stops")
    reach = int(roles.get("nisba_object_reach", 6))
    for m, ev in events:
        # (an event whose actor is still to come from the speaker, «وأعلنت فرنسا طرد دبلوماسيين
        # روسيين», is read too: the own-state test then has nothing to exclude)
        if ev["type"] not in types or ev["recipient"]:
            continue
        own = {str(r.get("country") or "") for r in ev["actor"]} | {str(r.get("id")) for r in ev["actor"]}
        # VSO: the object comes after the subject («وانتقد وزير الخارجية الفرنسي سياسة …»)
        # a light verb before its noun («حمّل حزب الله "العدو الإسرائيلي" المسؤولية»): its object
        # stands between them
        light = getattr(m, "light", None)
        first = _after_subject(light if light is not None and light < m.first else m.last, words, ev)
        for j in range(first, min(len(words), first + reach)):
            w = words[j]
            if w.hard_before or (j > first and w.breaks_before) or w.norm in stops:
                break
            # an adjective follows its noun: a noun after the trigger, or the object noun that ends a
            # trigger phrase («طرد دبلوماسيين روسيين»)
            ref = _nisba_of(w.norm, nisba) if j > first or (first == m.last + 1 and m.last > m.first) else None
            if ref is None:
                continue
            if not own & {str(ref.get("id")), str(ref.get("country") or "")}:
                ev_start = ev["evidence"]["start"]
                ev["recipient"] = [dict(ref, text=ev["evidence"]["text"][w.start - ev_start:w.end - ev_start])]
            break


def _cue_set(section: dict[str, Any], key: str) -> frozenset[str]:
    return frozenset(norm_word(w) for w in section.get(key) or ())


def own_country_genitive(m: Any, words: list[Any], groups: list[Any], own_words: frozenset[str],
                         bounds: tuple[int, int], actor: Refs, recipient: Refs,
                         states: dict[str, dict[str, Any]]) -> tuple[Refs, Refs]:
    """«وأكد الرئيس الفرنسي دعم بلاده لسيادة لبنان»: a masdar whose genitive is «بلاده/بلادها»
    (cues ``roles.own_country``) is the act of the subject's own state, not of whoever is named
    after it.

    The subject is the last group before the masdar in its clause, with no preposition (the
    speaker or minister who «confirms», «renews» or «expresses» the act). Its state and, for a
    person, that person become the actor, as for «قال روحاني إن بلاده ستواصل …». A party the clause
    rules gave as actor that belongs to another state («لبنان» after «لسيادة») becomes the recipient
    when the event has none.
    """
    k = m.last + 1
    # (the word may also be read as a verb, «دعم» after «أكد»: a perfect verb with «بلاده» as its
    # object, "he supported his country", is not how the news writes)
    if m.first != m.last or k >= len(words) or words[k].norm not in own_words:
        return actor, recipient
    before = [g for g in groups if g.is_actor and g.prep is None and bounds[0] <= g.first and g.last < m.first]
    if not before:
        return actor, recipient
    speaker = before[-1]
    refs = [a.actor for a in speaker.members if a.actor is not None and not a.title_part]
    country = next((r.get("country") for r in refs if r.get("country")), None)
    state = states.get(str(country)) if country else None
    if state is None:
        return actor, recipient
    persons = [r for r in refs if _person(r) and r.get("id") != state.get("id")]
    new_actor = [state, *persons[:1]]
    mine = {r.get("id") for r in new_actor} | {r.get("id") for r in refs}
    others = [r for r in actor if r.get("id") not in mine and r.get("country") != country and r.get("id") != country]
    return new_actor, recipient or others


def received_from(m: Any, words: list[Any], groups: list[Any], receive: frozenset[str], reach: int,
                  bounds: tuple[int, int], actor: Refs, recipient: Refs) -> tuple[Refs, Refs]:
    """«وتلقى ولي العهد اتصالاً هاتفياً من الرئيس الأمريكي»: who receives a call, a message or an
    invitation is its recipient, and whoever it comes from («من …») its actor.

    The receiving verb (cues ``roles.receive_verbs``) is the trigger's light verb or its first word;
    the giver is the first group with «من» starting within ``reach`` words after the trigger, in its
    clause (``bounds``), with no comma before it. The subject becomes the recipient.
    """
    def receives(k: int | None) -> bool:
        return k is not None and 0 <= k <= m.first and (words[k].norm in receive or _bare(words[k].norm) in receive)

    k = m.light if m.light is not None else m.first
    subject = None
    if not receives(k) and m.light is None:
        # «وتسلّم الجيش اللبناني المساعدات العسكرية المقدمة من الولايات المتحدة» (round 30): the
        # receiving verb, its subject, then the noun it governs
        subject = next((g for g in groups if g.last == m.first - 1 and g.prep is None and g.is_actor
                        and not g.attribute), None)
        k = subject.start - 1 if subject is not None else None
    if not receives(k):
        return actor, recipient
    giver = None
    for g in groups:
        if g.first <= m.last or not g.is_actor or g.attribute:
            continue
        if g.prep == "من" and g.first - m.last - 1 <= reach and g.first < bounds[1] \
                and not any(words[j].breaks_before for j in range(m.last + 1, g.first + 1)):
            giver = g
        break
    if giver is None:
        return actor, recipient
    refs = [a.actor for a in giver.members if a.actor is not None and not a.title_part]
    keys = {str(r.get("id")) for r in refs}
    if not refs:
        return actor, recipient
    own = actor or recipient
    if not own and subject is not None:
        own = [a.actor for a in subject.members if a.actor is not None and not a.title_part]
    receivers = [r for r in own if str(r.get("id")) not in keys]
    return refs, receivers


def mouthpieces(words: list[Any], groups: list[Any], cue: frozenset[str]) -> set[int]:
    """Ids of the groups through whom a subject speaks: «على لسان ممثلها السيد أحمد الصافي» (cues
    ``roles.mouthpiece_words``). They voice the act of the subject and take no part in it."""
    out: set[int] = set()
    if not cue:
        return out
    for k, w in enumerate(words):
        if w.norm not in cue:
            continue
        g = next((g for g in groups if k < g.first <= k + 3), None)
        if g is not None and not any(words[j].breaks_before for j in range(k + 1, g.first + 1)):
            out.add(id(g))
    return out


# Words from «عن» to the signatory named after the side («عن الحكومة مستشار رئيس الوزراء … رضوان حسين»).
_BEHALF_REACH = 8


def behalf_signatories(m: Any, words: list[Any], groups: list[Any], behalf: frozenset[str]) -> tuple[Refs, Refs] | None:
    """«ووقّع الاتفاق عن الحكومة مستشار رئيس الوزراء رضوان حسين، وعن الجبهة المتحدث باسمها جيتاتشو
    رضا»: (actor, recipients) — the signatory of each side — or None.

    Each «عن/وعن» after the trigger (cues ``roles.behalf_words``) opens a side; its signatory is the
    first group within eight words after it, before the next side. When that group is the side
    itself, right after «عن» («عن الجانب السوداني وزير الخارجية …»), a person group after it is
    the signatory. Needs two sides at least (a lone «عن» is a topic or a source).
    """
    n = len(words)
    opens = [k for k in range(m.last + 1, n) if words[k].norm in behalf and not words[k].hard_before]
    if len(opens) < 2:
        return None
    sides: list[Refs] = []
    for i, k in enumerate(opens):
        stop = min(opens[i + 1] if i + 1 < len(opens) else n, k + 1 + _BEHALF_REACH)
        found = [g for g in groups if k < g.first < stop and g.is_actor and not g.attribute]
        if not found:
            return None
        g = found[0]
        if g.first == k + 1:
            person = next((h for h in found[1:] if any(a.mention.label == "PERS" for a in h.members)), None)
            g = person or g
        refs = [a.actor for a in g.members if a.actor is not None and not a.title_part]
        if not refs:
            return None
        sides.append(refs)
    return sides[0], [r for side in sides[1:] for r in side]


# Endings of a nisba written as a plural or with the accusative tanween («تايلانديين», «إسرائيلياً»
# normalised without the diacritic: «اسراييليا»), tried off the word to find the adjective.
_NISBA_ENDINGS = ("يين", "يون", "يات", "يا", "يه", "ين", "ون", "ات", "ا")


def _nisba_of(w: str, nisba: dict[str, dict[str, Any]]) -> dict[str, Any] | None:
    w = _bare(w) if w[:1] == "و" and w[1:] else w
    ref = nisba.get(w)
    if ref is not None:
        return ref
    for end in _NISBA_ENDINGS:
        if w.endswith(end) and len(w) - len(end) >= 3:
            stem = w[: len(w) - len(end)] + ("ي" if end.startswith("ي") else "")
            ref = nisba.get(stem) or nisba.get(stem + "ي")
            if ref is not None:
                return ref
    return None


def released_nationals(events: list[tuple[Any, dict[str, Any]]], words: list[Any],
                       nisba: dict[str, dict[str, Any]], raw_cues: dict[str, Any]) -> None:
    """A release's recipients are the states of the people released: «أفرجت حماس عن 13 محتجزاً
    إسرائيلياً» → Israel; «أطلقت الحركة سراح عشرة عمال تايلانديين وعامل فلبيني» → Thailand and the
    Philippines (cues ``roles.release_*``).

    The nisbas are read in the trigger's object: up to ``release_reach`` words after it, in its
    clause, before a preposition of ``release_stops``. The releaser's own state is never taken.
    """
    roles = raw_cues.get("roles") or {}
    types = frozenset(roles.get("release_types") or ())
    if not nisba or not types:
        return
    stops = cue_words(raw_cues, "roles", "release_stops")
    reach = int(roles.get("release_reach", 8))
    for m, ev in events:
        if f"{ev['type']}/{ev['mode']}" not in types or not ev["actor"]:
            continue
        own = {str(r.get("country") or "") for r in ev["actor"]} | {str(r.get("id")) for r in ev["actor"]}
        found: Refs = []
        for j in range(m.last + 1, min(len(words), m.last + 1 + reach)):
            w = words[j]
            if w.hard_before or (j > m.last + 1 and w.breaks_before) or w.norm in stops:
                break
            ref = _nisba_of(w.norm, nisba)
            if ref is None or own & {str(ref.get("id")), str(ref.get("country") or "")} \
                    or any(r.get("id") == ref.get("id") for r in found):
                continue
            ev_start = ev["evidence"]["start"]
            found.append(dict(ref, text=ev["evidence"]["text"][w.start - ev_start:w.end - ev_start]))
        if found:
            ev["recipient"] = found


def coordinated_object(m: Any, words: list[Any], groups: list[Any], main: Any, actor_group: Any,
                       actor: Refs, recipient: Refs, types: frozenset[str]) -> tuple[Refs, Refs]:
    """«أكد بومبيو أن …، واتهم إيران مباشرة بالوقوف وراءه»: a verb coordinated after a comma continues
    the sentence's main subject; the lone group after it, followed by the act («بـ…») or the demand
    («إلى …»), is its object, not a new subject.

    Only for ``types`` (accusations and demands), a verb written with «و» right after a comma, no
    recipient yet, one group right after the verb (an adverb may follow it), and a main subject
    before the verb that is another party.
    """
    if m.trigger.type not in types or not m.verbal or recipient or main is None or actor_group is None:
        return actor, recipient
    w = words[m.first]
    if not w.breaks_before or w.norm[:1] != "و" or main.last >= m.first or main is actor_group:
        return actor, recipient
    if actor_group.first != m.last + 1:
        return actor, recipient
    k = actor_group.last + 1
    if k < len(words) and not words[k].breaks_before and not words[k].norm.startswith(("ب", "ال")) \
            and words[k].norm not in ("إلى", "الى"):
        k += 1  # «مباشرة», «صراحة»: an adverb between
    if k >= len(words) or words[k].breaks_before or not (words[k].norm[:1] == "ب" or words[k].norm in ("إلى", "الى")):
        return actor, recipient
    refs = [a.actor for a in main.members if a.actor is not None and not a.title_part]
    if not refs or {str(r.get("id")) for r in refs} & {str(r.get("id")) for r in actor}:
        return actor, recipient
    return refs, actor


def riot_target(m: Any, words: list[Any], nisba: dict[str, dict[str, Any]], reach: int,
                text: str, start: int) -> Refs:
    """The state whose building a riot strikes: the first nisba in the object, up to ``reach`` words
    after the trigger and in its clause («مبنى القنصلية الإيرانية» → Iran); [] when there is none.
    ``text``/``start``: the sentence's text and offset, for the recipient's surface."""
    for j in range(m.last + 1, min(len(words), m.last + 1 + reach)):
        w = words[j]
        if w.hard_before or (j > m.last + 1 and w.breaks_before):
            break
        ref = _nisba_of(w.norm, nisba) if nisba else None
        if ref is not None:
            return [dict(ref, text=text[w.start - start:w.end - start])]
    return []

