"""From a document to PLOVER event records (contract ``marsad.event/1``).

For each sentence: find triggers (:mod:`marsad.events.lexicon`), give each its actor, recipient,
place and date (:mod:`marsad.events.arguments`), its status and source
(:mod:`marsad.events.modality`) and the numbers it states (:mod:`marsad.events.quantities`), then
merge triggers of one sentence that describe the same happening («هجوم … بسيارة مفخخة» is one
ASSAULT). Evidence is always the whole sentence, sliced from ``doc.text``.
"""

from __future__ import annotations

import math
import re
from typing import Any

from marsad.events.arguments import (
    Group,
    assign_roles,
    date_fields,
    find_location,
    generic_participant,
    group_args,
    group_refs,
    military_act_before,
    military_support,
    nisba_agents,
    ongoing_cue,
    pick_date,
    place_mentions,
    possessive,
    possessive_forces,
    since_date,
    visited_state,
)
from marsad.events.lexicon import Lexicon, Match, load_lexicon
from marsad.events.modality import actor_keys, attribution, attribution_cues, opinion_source, status_of
from marsad.events.quantities import find_quantities
from marsad.events.text import Word, clitic_candidates, norm_word, split_words
from marsad.model import Document, Mention, Sentence, TimeExpression

SCHEMA = "marsad.event/1"
_STATUS_RANK = {"negated": 4, "planned": 3, "claimed": 2, "reported": 1, "asserted": 0}
_BASE_CONFIDENCE = {"phrase": 0.7, "verb": 0.65, "passive": 0.65, "noun": 0.55, "participle": 0.65}
_FALLBACK_SENTENCE_RE = re.compile(r"[^.!?؟\n]+[.!?؟]*")


def _sentences(doc: Document) -> list[Sentence]:
    if doc.sentences:
        return doc.sentences
    # Without the Arabic layer, a plain split on sentence punctuation keeps the stage usable.
    out = []
    for i, m in enumerate(_FALLBACK_SENTENCE_RE.finditer(doc.text)):
        a, b = m.span()
        while a < b and doc.text[a].isspace():
            a += 1
        while b > a and doc.text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append(Sentence(a, b, doc.text[a:b], i))
    return out


def mobilized_forces(m: Match, words: list[Word], groups: list[Group],
                     bounds: tuple[int, int]) -> list[dict[str, Any]]:
    """The forces a deployment trigger moves: a group right after it («نشر المئات من الجنود»,
    «تحضير 3 آلاف مقاتل من حزب الله»), else, for a verb, the group right before it (SVO)."""
    lo, hi = bounds
    after = [g for g in groups if g.is_actor and m.last < g.first < min(hi, m.last + 7)
             and not any(words[k].hard_before for k in range(m.last + 1, g.first + 1))]
    if after:
        return group_refs(after[0])
    if m.verbal:
        before = [g for g in groups if g.is_actor and max(lo, m.first - 8) <= g.last < m.first]
        if before:
            return group_refs(before[-1])
    return []


def _military_nearby(m: Match, words: list[Word], lex: Lexicon) -> bool:
    mil = lex.cues["military"]
    for k in range(max(0, m.first - 7), min(len(words), m.last + 8)):
        if k != m.first and any(s in mil for s, _ in clitic_candidates(words[k].norm)):
            return True
    return False


def _bounds(m: Match, matches: list[Match], words: list[Word],
            opens: frozenset[int] = frozenset(), implicit: frozenset[str] = frozenset()) -> tuple[int, int]:
    """Words ``[lo, hi)`` that may hold this trigger's arguments: its clause, cut at other verbs.

    ``opens`` (from :func:`_report_openers`) are the word indices of complementizers that open
    reported content: that clause names its own subject, so the speaker is never a participant.
    """
    # Another verbal trigger ending right before the clause start, or one whose anchor opens the
    # rest of the clause after this trigger, stops the walk (``m`` itself can never do either).
    stop_left = {o.last for o in matches if o.verbal and o.light is None}
    stop_right = {o.anchor for o in matches if o.verbal and o.first > m.last}
    a = min(m.anchor, m.first)
    lo = a
    # a plural verb agrees with a subject before it, which may be a long coordinated group
    reach = 16 if m.verbal and m.light is None and words[a].norm.endswith("وا") else 10
    while lo > 0 and not words[lo].hard_before and a - lo < reach:
        # «نفت تونس أن تكون قد أرسلت»: with only auxiliaries between «أن» and the verb the
        # reported clause has no subject of its own, and the speaker stays a candidate
        # reported clause has no subject of its own, and the speaker stays a candidate; a noun
        # right after «أن» («أعلن … أن اتفاقاً جرى التوصل إليه») is that clause's own subject
        if lo - 1 in stop_left or (lo - 1 in opens and (
                (lo == a and not m.verbal) or not all(words[j].norm in implicit for j in range(lo, a)))):
            break
        lo -= 1
    hi = m.last + 1
    while hi < len(words) and not words[hi].hard_before and hi - m.last < 15:
        if hi in stop_right:
            break
        hi += 1
    return lo, hi


def _inherited_actor(m: Match, words: list[Word], groups: list[Group], cues: dict[str, Any],
                     events: list[tuple[Match, dict[str, Any]]]
                     ) -> tuple[list[dict[str, Any]], dict[str, Any] | None]:
    """The actor of a noun trigger with none of its own, taken from the clause it serves.

    * purpose: «… نشر المئات من الجنود الإيرانيين …، استعداداً لهجوم بري»: the forces named
      before the purpose phrase are the ones preparing the happening;
    * content of an agreement: «الاتفاق الروسي الإيراني … تضمّن … إنشاء غرفة عمليات مشتركة»:
      what the agreement provides for is done by its parties (returned as the second item, the
      agreement event, so that the status becomes planned).
    """
    purpose, includes = cues["purpose_cues"], cues["inclusion_verbs"]
    prev = words[m.first - 1].norm if m.first > 0 and not words[m.first].hard_before else ""
    if prev in purpose or (prev[:1] in "وف" and prev[1:] in purpose):
        before = [g for g in groups if g.is_actor and g.last < m.first - 1 and g.prep in (None, "من")
                  and not any(words[k].hard_before for k in range(g.last + 1, m.first))]
        if before:
            return group_refs(before[-1]), None
        return [], None
    for k in range(m.first - 1, max(-1, m.first - 16), -1):
        if words[k + 1].hard_before:
            break
        w = words[k].norm
        if w in includes or (w[:1] in "وف" and w[1:] in includes):
            agreement = next((ev for om, ev in reversed(events) if ev["type"] == "AGREE" and om.last < k
                              and ev["actor"] and k - om.last <= 10), None)
            if agreement is not None:
                return list(agreement["actor"]) + list(agreement["recipient"]), agreement
            break
    return [], None


def _report_openers(words: list[Word], lex: Lexicon) -> frozenset[int]:
    """Indices of pronoun-less complementizers («أن», «إن», «بأن») within 8 words after a reporting
    or denial verb («قال المتحدث إن الجيش قصف …», «نفت الوزارة أن تكون طائراتها قد شنت …»).

    «أنه/أنها» are left out (their pronoun may be the speaker), and so is «أن» with no reporting
    verb before it: «بعد أن سبق له أن خاض» is the masdar particle, whose subject stands before it.
    """
    comps = lex.cues["complementizers"]
    verbs = [k for k, w in enumerate(words) if w.norm in lex.attribution_verbs or w.norm in lex.denial_verbs]
    return frozenset(k for k, w in enumerate(words) if w.norm in comps and not w.norm.endswith(("ه", "ها"))
                     and any(0 < k - v <= 8 for v in verbs))


def _own_country(m: Match, words: list[Word], groups: list[Group], cues: dict[str, Any],
                 bounds: tuple[int, int], actor: list[dict[str, Any]],
                 states: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """The speaker's state for «أن تكون بلاده قد أرسلت»: «بلاده» after a complementizer is the
    country of the one who speaks before it, and it (not the speaker) is the reported actor."""
    comps = cues["complementizers"]
    own = next((k for k in range(max(0, m.first - 6), m.first) if words[k].norm in cues["own_country"]), None)
    if own is None:
        return actor
    # only as the subject right after the complementizer («أن تكون بلاده», «إن بلاده»), not in a
    # genitive («أن قوات من بلاده وحزب الله»)
    comp = next((k for k in range(own - 1, max(-1, own - 3), -1) if words[k].norm in comps), None)
    if comp is None or (own - comp == 2 and words[own - 1].norm in cues["blocking_preps"]):
        return actor
    # the speaker: the nearest group before the complementizer (the actor found so far may be
    # a group of the reported clause: «إن بلاده ستواصل دعم الحكومة السورية»)
    before = [g for g in groups if g.is_actor and g.last < comp and g.first >= bounds[0] - 12]
    speaker = before[-1] if before else None
    speakers = [r for r in group_refs(speaker) if r.get("country")]
    if not speakers:
        speakers = [a for a in actor if a.get("country")]
    state = states.get(str(speakers[0]["country"])) if speakers else None
    if state is None:
        return actor
    # a person who speaks for his state («قال روحاني إن بلاده ستواصل …») commits it: both are named
    persons = [a.actor for a in (speaker.members if speaker is not None else [])
               if a.actor is not None and a.mention.label == "PERS" and a.actor.get("id") != state.get("id")]
    return [state, *persons[:1]]


def extract_sentence(doc: Document, sent: Sentence, lex: Lexicon, mentions: list[Mention],
                     dates: list[TimeExpression], nisba: dict[str, dict[str, Any]] | None = None,
                     states: dict[str, dict[str, Any]] | None = None,
                     forces: dict[tuple[str, str], dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """Events of one sentence, before numbering (``states``: ISO3 → state ref, for visits;
    ``forces``: :func:`marsad.events.arguments.force_index`, for «طائراتها»)."""
    words = split_words(sent.text, sent.start)
    if not words:
        return []
    matches = lex.match(words)
    if not matches:
        return []
    args = place_mentions(words, mentions, doc.text, lex, nisba)
    if forces is not None:
        args = possessive_forces(words, args, doc.text, lex.cues, forces, states)
    # A word that belongs to a place name («تدمر» = Palmyra, not «she destroys») or that is itself a
    # whole name is not a trigger; triggers inside longer actor mentions («تعهدات روسية») stay.
    matches = [m for m in matches if not any(
        a.first <= m.first <= a.last and (a.actor is None or (a.first, a.last) == (m.first, m.last))
        for a in args)]
    if not matches:
        return []
    for m in matches:
        # «يشمل نشر المئات من الجنود»: a bare perfect that is also a masdar, right after a
        # present-tense verb, is the masdar (the object of that verb), not a second finite verb
        if (m.verbal and m.light is None and m.first == m.last and m.tense == "past" and m.first > 0
                and not words[m.first].breaks_before and lex.nouns.get(words[m.first].norm) is not None):
            prev = words[m.first - 1].norm
            bare_prev = prev[1:] if prev[:1] in "وفس" else prev  # «ستواصل دعم», «وتواصل قصف»
            if len(bare_prev) >= 4 and bare_prev[0] in "يتن" and prev not in lex.verbs:
                m.verbal, m.tense, m.trigger = False, None, lex.nouns[words[m.first].norm]
        # «دعماً للنظام», «دعماً كبيراً لقوات …»: a form that is both a dual perfect («دعما» =
        # "they both supported") and an accusative masdar is the masdar when «لـ» or an
        # indefinite accusative adjective follows (the verb takes its object directly)
        if (m.verbal and m.light is None and m.first == m.last and m.tense == "past"
                and words[m.first].norm.endswith("ا") and m.first + 1 < len(words)
                and not words[m.first + 1].breaks_before and lex.nouns.get(words[m.first].norm) is not None):
            nxt = words[m.first + 1].norm
            if (nxt[:1] == "ل" and nxt not in lex.verbs) or (
                    nxt.endswith("ا") and not nxt.startswith("ال") and len(nxt) > 3 and nxt not in lex.verbs):
                m.verbal, m.tense, m.trigger = False, None, lex.nouns[words[m.first].norm]
    groups = group_args(args, words, lex.cues["title_gap"])
    covered = {k for a in args for k in range(a.first, a.last + 1)}
    quantities = find_quantities(words, lex)
    events: list[tuple[Match, dict[str, Any]]] = []
    prep_cues: list[int] | None = None
    prev_subject = None
    opens = _report_openers(words, lex)
    purpose_types = lex.cues["raw"].get("purpose_only_types") or ()
    # «دعا … إلى رفع العقوبات»: the noun after «إلى» is what is asked for, not a happening
    asks = [r.last for r in matches if r.trigger.type == "REQUEST"]
    # «هدّد بشنّ عملية عسكرية», «تهديده بالهجوم»: the act after «بـ» is the threat's content
    threats = [r.last for r in matches if r.trigger.type == "THREATEN"]
    for m in matches:
        t = m.trigger
        if "military" in t.flags and not _military_nearby(m, words, lex):
            continue
        if "owned" in t.flags and not possessive(m, words, lex):
            continue  # «استقرارها في درعا» is a deployment; «الاستقرار في المنطقة» is not
        if (t.type in purpose_types and m.first > 0
                and any(pre.lstrip("وف").startswith("ل")
                        for stem, pre in clitic_candidates(words[m.first].norm) if lex.nouns.get(stem))):
            continue  # «اتفاقات للتعاون»: the purpose of another noun, not a cooperation (cues.yaml)
        if (asks and t.type != "REQUEST" and m.first > 0
                and words[m.first - 1].norm in _TO and any(0 < m.first - r <= 8 for r in asks)):
            continue
        if threats and t.type != "THREATEN" and any(0 < m.first - r <= 8 for r in threats):
            heads = {m.first, m.first - 1, m.light if m.light is not None else m.first}
            if any(words[k].norm[:1] == "ب" and (words[k].norm[1:] in lex.light
                                                  or lex.noun(words[k].norm[1:]) is not None) for k in heads):
                continue
        if prep_cues is None:
            prep_cues = attribution_cues(words, lex)
        source, source_keys, source_groups = attribution(m, words, groups, lex, doc.text, prep_cues)
        bounds = _bounds(m, matches, words, opens, lex.cues["implicit_subject"])
        # «قال لافروف …، داعياً واشنطن»: a circumstantial participle's subject is the main
        # clause's, the speaker included
        excluded = set() if t.kind == "participle" else source_groups
        actor, recipient, used, actor_group = assign_roles(m, words, groups, lex, bounds, excluded,
                                                           prev_subject)
        if m.verbal and actor_group is not None and t.kind not in ("passive",) and "victim" not in t.flags:
            prev_subject = actor_group
        if states:
            actor = _own_country(m, words, groups, lex.cues, bounds, actor, states)
        if not m.verbal and "patient" not in t.flags and t.kind in ("noun", "phrase"):
            nis = nisba_agents(m, words, nisba or {}, covered, doc.text)
            if nis and not actor:
                actor, nis = nis[:1], nis[1:]
            if nis and not recipient:
                recipient = nis
        if not recipient:
            g = generic_participant(m, words, lex.cues, "recipient")
            recipient = [g] if g else recipient
        if not actor:
            g = generic_participant(m, words, lex.cues, "actor")
            actor = [g] if g else actor
        if t.type == "MOBILIZE" and not m.verbal and t.kind == "noun":
            # «يشمل نشر المئات من الجنود الإيرانيين»: the genitive of a deployment masdar is the
            # force that moves, whatever group the clause names before it
            moved = mobilized_forces(m, words, groups, bounds)
            if moved:
                actor, recipient = moved, []
        if t.type == "MOBILIZE" and not actor:
            # «نشر المئات من الجنود الإيرانيين», «قوات … وحزب الله استقرت في 3 نقاط»: with no
            # one sending them, the forces that move are the actor (a deployment has no target)
            actor = recipient or mobilized_forces(m, words, groups, bounds)
            recipient = [] if actor is recipient else recipient
        content_of = None
        if not actor and not m.verbal:
            actor, content_of = _inherited_actor(m, words, groups, lex.cues, events)
        if actor and recipient:
            # «سحبت القوات الروسية وحداتها»: the owned units are the actor itself, not a target
            own = actor_keys(actor)
            recipient = [r for r in recipient if not actor_keys([r]) & own]
        if "actor" in t.flags and not actor:
            continue
        if t.type in lex.cues["symmetric"] and len(actor) > 1 and not recipient:
            # «اتفقت السعودية وإيران», «اجتماع لافروف وخامنئي»: one side is the actor, the
            # others the recipients (the gold convention for joint happenings); with a named
            # other side («وقّعت روسيا وإيران اتفاقاً مع سوريا») the group acts together
            actor, recipient = actor[:1], actor[1:]
        etype, emode = t.type, t.mode
        act = military_act_before(m, words, lex.cues) if etype == "SUPPORT" else None
        if etype == "SUPPORT" and (act is not None or military_support(m, words, lex.cues)
                                   or any(a.get("sector") == "MIL" for a in actor)):
            etype, emode = "AID", "military"  # material military support, not a statement
            if act is not None and nisba:
                # «التدخل العسكري الروسي … دعماً لـ…»: the state whose act it is gives the aid
                owner = nisba_agents(Match(t, act, act), words, nisba, set(), doc.text)
                if owner and actor_keys(owner[:1]) != actor_keys(actor[:1]):
                    if actor and not recipient:
                        recipient = actor
                    actor = owner[:1]
        status = status_of(m, words, lex)
        if status is None and content_of is not None:
            status = "planned"  # what an agreement provides for is still to be done
        if status is None:
            status = "asserted"
            if source and not (source_keys and source_keys & actor_keys(actor)):
                status = "reported"
            if source and opinion_source(m, words, lex):
                status = "claimed"  # an analyst's or observer's reading (gold convention)
        used_keys = actor_keys(actor) | actor_keys(recipient)
        location = find_location(m, args, lex, bounds, used_keys)
        if not recipient and etype == "CONSULT" and location and states:
            host = visited_state(m, location, actor, states)
            if host is not None:  # «زيارة ولايتي إلى موسكو»: the host state is the other side
                recipient = [host]
        picked = pick_date(m, words, dates)
        date, precision, date_text = date_fields(picked)
        since = picked is not None and since_date(picked, words)
        if doc.published and len(doc.published) >= 7:
            # «في الوقت الذي تقاتل … منذ عام 2014»: the منذ date is when the state began; the
            # ongoing happening itself is dated to the publication month. A date before the cue
            # («يعقد اليوم …، في الوقت الذي تساند») belongs to the main clause, not to this one.
            cue = ongoing_cue(m, words, lex.cues["ongoing"])
            if cue is None and m.light is not None and m.light > m.last and m.tense == "present":
                # «عملية عسكرية تخوضها قوات …»: a present-tense relative clause describes the
                # happening as under way
                cue = words[m.light]
            if cue is not None and (picked is None or date is None or since
                                    or picked.end <= cue.start < words[m.first].start):
                # under way at publication: the publication month, never a day
                date, precision, date_text = doc.published[:7], "month", doc.text[cue.start:cue.end]
        conf = _BASE_CONFIDENCE.get(t.kind, 0.55) + (0.1 if m.verbal else 0.0)
        conf += 0.1 if actor else 0.0
        conf += 0.05 if recipient else 0.0
        conf -= 0.1 if status == "claimed" else 0.0
        definite = any(pre.endswith("ال") or pre.endswith("لل")
                       for stem, pre in clitic_candidates(words[m.first].norm) if lex.nouns.get(stem))
        events.append((m, {
            "schema": SCHEMA, "event_id": "", "doc_id": doc.doc_id,
            "type": etype, "mode": emode, "cameo": lex.cameo(etype, emode),
            "actor": actor, "recipient": recipient,
            "date": date, "date_precision": precision, "date_text": date_text,
            "location": location, "status": status, "source": source, "quantities": {},
            "evidence": {"text": doc.text[sent.start:sent.end], "start": sent.start, "end": sent.end},
            "confidence": round(min(conf, 0.95), 2),
            "trigger": {"text": doc.text[words[m.first].start:words[m.last].end],
                        "start": words[m.first].start, "end": words[m.last].end},
            "_anaphoric": not m.verbal and definite and not actor and not recipient,
            "_definite": not m.verbal and definite,
            "_kind": "verbal" if m.verbal else t.kind, "_restated": 0,
        }))
    events = _split_places(events, args, groups)
    events = _merge(events)
    for q in quantities:
        best, best_d = None, 10**9
        for m, ev in events:
            if ev["type"] in lex.cues["q_types"].get(q.key, ()):
                d = abs(q.index - m.first)
                if d < best_d:
                    best, best_d = ev, d
        if best is not None:
            best["quantities"].setdefault(q.key, q.value)
    return [ev for _, ev in events]


_TO = frozenset({norm_word("إلى"), norm_word("الى")})


def _split_places(events: list[tuple[Match, dict[str, Any]]], args: list[Any], groups: list[Group]
                  ) -> list[tuple[Match, dict[str, Any]]]:
    """One event per place: a happening located in coordinated places («استقرارها في درعا
    والقنيطرة», «غارات على إدلب وحماة») is one event in each (gold convention: one event per
    actor pair, type and location)."""
    out = []
    for m, ev in events:
        out.append((m, ev))
        loc = ev["location"]
        if not loc:
            continue
        group = next((g for g in groups if any(a.place is loc for a in g.members)), None)
        if group is None or len(group.members) < 2:
            continue
        seen = {_place_key(loc)}
        for a in group.members:
            key = _place_key(a.place)
            if a.place is None or a.place is loc or key in seen or (a.actor is not None and a.key in {
                    str(r.get("id")) for r in ev["actor"] + ev["recipient"]}):
                continue
            seen.add(key)
            out.append((m, {**ev, "location": a.place, "quantities": dict(ev["quantities"])}))
    return out


def _compatible(a: dict[str, Any], b: dict[str, Any]) -> bool:
    if a["type"] != b["type"]:
        return False
    la, lb = _place_key(a["location"]), _place_key(b["location"])
    if la is not None and lb is not None and la != lb:
        return False  # one event per place (:func:`_split_places`)
    ka, kb = actor_keys(a["actor"]), actor_keys(b["actor"])
    if ka and kb and ka != kb:
        return False
    # one event per actor pair: «التقى الأسد خامنئي … وبحث مع رئيسي» are two meetings
    ra, rb = actor_keys(a["recipient"]), actor_keys(b["recipient"])
    return not ra or not rb or bool(ra & rb)


def _merge(events: list[tuple[Match, dict[str, Any]]]) -> list[tuple[Match, dict[str, Any]]]:
    """One event per happening: same type, same (or missing) actors, within a few words."""
    out: list[tuple[Match, dict[str, Any]]] = []
    for m, ev in events:
        target = None
        for m2, ev2 in out:
            near = abs(m.first - m2.last) <= 8 or m.light == m2.light is not None
            if near and _compatible(ev, ev2):
                target = ev2
                break
        if target is None:
            out.append((m, ev))
            continue
        for key in ("actor", "recipient", "location", "date", "source"):
            if not target[key] and ev[key]:
                target[key] = ev[key]
                if key == "date":
                    target["date_precision"], target["date_text"] = ev["date_precision"], ev["date_text"]
        if target["mode"] is None and ev["mode"] is not None:
            target["mode"], target["cameo"] = ev["mode"], ev["cameo"]
        if _STATUS_RANK[ev["status"]] > _STATUS_RANK[target["status"]]:
            target["status"] = ev["status"]
        target["confidence"] = round(min(0.95, max(target["confidence"], ev["confidence"]) + 0.05), 2)
    return out


def _concrete(ev: dict[str, Any]) -> bool:
    """Whether an event names who took part (or, for violence, states numbers).

    A trigger with no participant at all is almost always a generic or abstract use («التعاون
    العسكري», «معركتي حلب والرقة» as a subheading, «الدعم» as a topic); the gold conventions annotate
    happenings with their actors, so such triggers only add noise. Casualty reports without a
    named perpetrator («قُتل 14 شخصاً في غارات») keep their event when they give numbers.
    """
    if ev["actor"] or ev["recipient"]:
        return True
    return bool(ev["quantities"]) and ev["type"] in ("ASSAULT", "PROTEST", "COERCE")


def _dates_compatible(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    n = min(len(a), len(b))
    return a[:n] == b[:n]


def _place_key(loc: dict[str, Any] | None) -> str | None:
    if not loc:
        return None
    return str(loc.get("geonames_id") or loc.get("name_en") or norm_word(str(loc.get("name_ar") or "")))


def _same_happening(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Two events of one document that describe one happening (issue 6: one event per happening).

    Same type, the participants of one included in those of the other (roles may be swapped:
    «التقى الأسد خامنئي» / «استقبل خامنئي الأسد»), and no conflicting date or place.
    """
    if a["type"] != b["type"]:
        return False
    pa = actor_keys(a["actor"]) | actor_keys(a["recipient"])
    pb = actor_keys(b["actor"]) | actor_keys(b["recipient"])
    if not (pa & pb) or not (pa <= pb or pb <= pa):
        return False
    if (a["status"] == "negated") != (b["status"] == "negated"):
        return False
    if not _dates_compatible(a["date"], b["date"]):
        return False
    la, lb = _place_key(a["location"]), _place_key(b["location"])
    return la is None or lb is None or la == lb or _within(a["location"], b["location"]) \
        or _within(b["location"], a["location"])


def _whole_country(loc: dict[str, Any] | None) -> bool:
    """A place that is a whole state (a country code but no point of its own)."""
    return bool(loc and loc.get("country") and loc.get("lat") is None and not loc.get("geonames_id"))


def _within(wide: dict[str, Any] | None, narrow: dict[str, Any] | None) -> bool:
    """Whether ``narrow`` lies in the state ``wide`` («يلتقي الأسد في سوريا» / «… في دمشق»)."""
    return (_whole_country(wide) and narrow is not None and not _whole_country(narrow)
            and narrow.get("country") == wide.get("country"))  # type: ignore[union-attr]


def _richness(ev: dict[str, Any]) -> int:
    return (2 * bool(ev["actor"]) + bool(ev["recipient"]) + bool(ev["location"]) + bool(ev["date"])
            + len(ev["actor"]) + len(ev["recipient"]))


def _merge_document(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Fold repeated mentions of one happening into its first record.

    The richer record (more participants and arguments) gives the participants and the evidence;
    missing place, date, source and numbers are filled from the others. A happening restated
    several times is more certain, so confidence rises a little with each restatement.
    """
    kept: list[dict[str, Any]] = []
    for ev in events:
        target = next((k for k in kept if _same_happening(k, ev)), None)
        if target is None:
            kept.append(ev)
            continue
        if _richness(ev) > _richness(target):
            for key in ("actor", "recipient", "evidence", "trigger", "mode", "cameo", "status", "source"):
                ev_val = ev[key]
                if key in ("mode", "cameo", "source") and not ev_val:
                    continue
                target[key] = ev_val
        if _within(target["location"], ev["location"]):
            target["location"] = ev["location"]  # the city is the finer statement of the place
        for key in ("location", "date", "source"):
            if not target[key] and ev[key]:
                target[key] = ev[key]
                if key == "date":
                    target["date_precision"], target["date_text"] = ev["date_precision"], ev["date_text"]
        for k, v in ev["quantities"].items():
            target["quantities"].setdefault(k, v)
        target["_restated"] += 1 + ev["_restated"]
        if ev["_kind"] == "verbal":
            target["_kind"] = "verbal"
    return kept


def _share_dates(events: list[dict[str, Any]]) -> None:
    """Date an undated event from another record of the same happening in the article.

    A report names the date once («التقى الأسد أمس خامنئي») and then goes on about «الزيارة»
    or «زيارة الرئيس السوري إلى طهران» without it. An undated event of the same type and the
    same actor, both factual (not planned or denied), takes that date. Records kept apart by the
    merge (different recipients) are still parts of one visit, one campaign, one agreement.
    """
    factual = ("asserted", "reported", "claimed")
    for ev in events:
        if ev["date"] or ev["status"] not in factual:
            continue
        keys = actor_keys(ev["actor"])
        if not keys:
            continue
        for other in events:
            if (other is not ev and other["date"] and other["type"] == ev["type"]
                    and other["status"] in factual and keys & actor_keys(other["actor"])):
                ev["date"], ev["date_precision"] = other["date"], other["date_precision"]
                ev["date_text"] = other["date_text"]
                break


def confidence_features(ev: dict[str, Any]) -> dict[str, float]:
    """What the calibrated confidence looks at (names match ``confidence`` in cues.yaml)."""
    linked = [a for a in ev["actor"] + ev["recipient"] if a.get("id") and not str(a["id"]).startswith("unresolved")]
    return {
        "verbal": float(ev["_kind"] == "verbal"),
        "phrase": float(ev["_kind"] == "phrase"),
        "actor": float(bool(ev["actor"])),
        "recipient": float(bool(ev["recipient"])),
        "both": float(bool(ev["actor"]) and bool(ev["recipient"])),
        "linked": float(bool(linked)),
        "restated": float(min(ev["_restated"], 3)),
        "location": float(bool(ev["location"])),
        "date": float(bool(ev["date"])),
        "numbers": float(bool(ev["quantities"])),
        "hedged": float(ev["status"] in ("claimed", "planned")),
        "reported": float(ev["status"] == "reported"),
    }


def calibrated_confidence(ev: dict[str, Any], weights: dict[str, float]) -> float:
    """Logistic confidence from :func:`confidence_features` (weights fitted on the dev sets)."""
    z = weights.get("bias", 0.0) + sum(weights.get(k, 0.0) * v for k, v in confidence_features(ev).items())
    return round(min(0.99, max(0.01, 1.0 / (1.0 + math.exp(-z)))), 2)


def extract_events(doc: Document, lex: Lexicon | None = None,
                   nisba: dict[str, dict[str, Any]] | None = None,
                   keep_features: bool = False,
                   states: dict[str, dict[str, Any]] | None = None,
                   forces: dict[tuple[str, str], dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """All events of a document, numbered ``{doc_id}:e1 …`` in text order.

    ``nisba`` maps state adjectives to actor refs (:func:`marsad.events.arguments.nisba_index`)
    and ``states`` ISO3 codes to state refs (:func:`marsad.events.arguments.state_index`),
    ``forces`` force nouns of a state to its armed force (:func:`marsad.events.arguments.force_index`);
    without it, nisba agents are only those the recogniser marked as mentions. ``keep_features``
    leaves each event's confidence features under ``_features`` and keeps the events under the
    confidence floor (for calibration scripts).
    """
    lex = lex or load_lexicon()
    if not doc.text:
        return []
    if forces is None:
        forces = getattr(states, "forces", None)
    mentions = sorted(doc.mentions, key=lambda x: x.start)
    dates = sorted(doc.dates, key=lambda x: x.start)
    out: list[dict[str, Any]] = []
    mi = di = 0
    for sent in _sentences(doc):
        while mi < len(mentions) and mentions[mi].end <= sent.start:
            mi += 1
        while di < len(dates) and dates[di].end <= sent.start:
            di += 1
        s_mentions = [x for x in mentions[mi:mi + 200] if x.start >= sent.start and x.end <= sent.end
                      and x.label != "DATE"]
        s_dates = [x for x in dates[di:di + 50] if x.start >= sent.start and x.end <= sent.end]
        out.extend(extract_sentence(doc, sent, lex, s_mentions, s_dates, nisba, states, forces))
    # «الزيارة», «الاجتماع» with no participants, after an event of that type: the article refers
    # back to a happening already recorded, so it is not a new event. For the types listed under
    # `anaphoric_definite_types` any definite masdar without a light verb refers back, even with
    # participants nearby («ورحّبت طهران بالاتفاق»: a reaction, not a second agreement).
    seen_types: set[str] = set()
    anaphora_types = set(lex.cues["raw"].get("anaphoric_definite_types") or ())
    kept = []
    for ev in out:
        refers_back = ev.pop("_anaphoric") or (ev.pop("_definite") and ev["type"] in anaphora_types)
        ev.pop("_definite", None)
        if not (refers_back and ev["type"] in seen_types):
            kept.append(ev)
        seen_types.add(ev["type"])
    # The participant filter needs the recogniser: on a document without any actor mention (no
    # recogniser run, or a bare sentence as in the GSR benchmark) every trigger is kept.
    recognised = any(m.label != "DATE" and (m.actor_id or (m.extra or {}).get("ref")) for m in doc.mentions)
    if recognised:
        kept = [ev for ev in kept if _concrete(ev)]
    out = _merge_document(kept)
    weights = lex.cues["raw"].get("confidence")
    if weights:
        for ev in out:
            ev["confidence"] = calibrated_confidence(ev, weights)
        # Below this floor an event is more often noise than not (mostly a lone recipient and no
        # actor); dropping it is the precision side of the calibration (cues.yaml).
        # Like the participant filter, it needs the recogniser's mentions to be meaningful.
        floor = float(lex.cues["raw"].get("min_confidence") or 0.0) if recognised and not keep_features else 0.0
        out = [ev for ev in out if ev["confidence"] >= floor or ev["quantities"]]
    _share_dates(out)
    for n, ev in enumerate(out, 1):
        ev["event_id"] = f"{doc.doc_id}:e{n}"
        if keep_features:
            ev["_features"] = confidence_features(ev)
        ev.pop("_kind")
        ev.pop("_restated")
    return out
