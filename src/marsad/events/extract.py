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
from dataclasses import dataclass, replace
from operator import mul
from typing import Any

from marsad.events.arguments import (
    Group,
    assign_roles,
    circumstantial_verb,
    coordinated_verb,
    date_fields,
    dependent_verb,
    find_location,
    generic_participant,
    group_args,
    group_refs,
    military_act_before,
    military_support,
    nisba_agents,
    nisba_subjects,
    ongoing_cue,
    place_mentions,
    possessive,
    possessive_forces,
    since_date,
    visited_state,
    word_types,
)
from marsad.events.cuewords import COMPLEMENTIZER, REPORTING, positions, sentence_records
from marsad.events.dates import (
    EventDates,
    anchored_dates,
    event_date_candidates,
    pick_event_date,
    situational_dates,
)
from marsad.events.discourse import Discourse
from marsad.events.lexicon import Lexicon, Match, load_lexicon
from marsad.events.modality import (
    actor_keys,
    attribution,
    attribution_cues,
    conditional_events,
    opinion_source,
    status_of,
)
from marsad.events.morphology import FUTURE, POSSESSIVE_SUFFIXES
from marsad.events.quantities import find_quantities
from marsad.events.roles import (
    behalf_signatories,
    coordinated_object,
    cue_phrases,
    cue_words,
    exposed_subject,
    fold_visits,
    fronted_opener,
    invitation_host,
    mouthpieces,
    nisba_targets,
    own_country_genitive,
    received_from,
    relative_parties,
    released_nationals,
    riot_target,
    split_joint_parties,
    split_meetings,
)
from marsad.events.text import Word, clitic_candidates, match_keys, norm_of, norm_word, split_words
from marsad.model import Document, Mention, Sentence, TimeExpression

SCHEMA = "marsad.event/1"
_STATUS_RANK = {"negated": 4, "planned": 3, "claimed": 2, "reported": 1, "asserted": 0}
_BASE_CONFIDENCE = {"phrase": 0.7, "verb": 0.65, "passive": 0.65, "noun": 0.55, "participle": 0.65}
_FALLBACK_SENTENCE_RE = re.compile(r"[^.!?؟\n]+[.!?؟]*")
_DIACRITICS = re.compile("[\u064B-\u0652\u0640]")
# Tanween (ً ٌ ٍ) marks an indefinite noun or adjective: a finite verb never carries it.
_TANWEEN = re.compile("[\u064B-\u064D]")
# Recogniser labels of proper names: a verb trigger inside one of these spans is a misread name part.
_NAME_LABELS: dict[str, bool] = {"PERS": True, "PER": True, "LOC": True, "FAC": True, "ORG": True}


def _bare(w: str) -> str:
    """A word without a leading و/ف and a final tanween alif («وحيزاً» → «حيز»), for idiom objects."""
    w = w[1:] if w[:1] in "وف" and len(w) > 3 else w
    return w[:-1] if w.endswith("ا") and len(w) > 3 else w



# (a word set, the set with each word also after «و/ف») of the last set asked about, swapped whole.
_CONJ_FORMS: list[tuple[Any, frozenset[str]]] = [(None, frozenset())]


def _with_conjunction(ws: frozenset[str]) -> frozenset[str]:
    """``ws`` and each of its words after the conjunction «و» or «ف» (only a word of three letters or
    more, as roles._bare strips one): the written forms a test ``w in ws or _bare(w) in ws`` accepts."""
    last = _CONJ_FORMS[0]
    if last[0] is ws:
        return last[1]
    got = ws | frozenset(c + w for w in ws for c in "وف" if len(w) >= 3)
    _CONJ_FORMS[0] = (ws, got)
    return got


def _passive_participle(m: Match, words: list[Word], t: Any) -> bool:
    """An accusing participle read as passive: «محمّلة/متهماً» right before a «بـ» phrase.

    «محمّلاً إسرائيل المسؤولية», «متهماً واشنطن بـ…» put the accused right after the participle;
    with the «بالـ» phrase first the subject is the one loaded or accused («طائرة مسيّرة محمّلة
    بالمتفجرات», «متهماً بالتواطؤ»), so nobody accuses anyone.
    """
    if t.kind != "participle" or t.type != "ACCUSE" or m.last + 1 >= len(words):
        return False
    nxt = words[m.last + 1]
    # only «بالـ» + a noun: a bare «ب» may begin a name («ومتهماً باكو بالسعي …»), and «بأن»
    # («متهماً بأنه …») is a complement clause that keeps the accusation
    return not nxt.breaks_before and nxt.norm.startswith("بال")


def _survivor(m: Match, words: list[Word], groups: list[Group], raw: dict[str, Any]) -> Group | None:
    """The one who survives an attack told as «نجا X من محاولة اغتيال» / «X ينجو من هجوم».

    A verb of surviving (cues.yaml ``roles.survive_verbs``) before «من» + the trigger, within
    ``survive_reach`` words: its subject, the group between the verb and «من» (VSO) or the one right
    before the verb (SVO, a headline), is the attack's target, never its maker.
    """
    j = m.first - 1
    if j < 1 or words[j].norm not in cue_words(raw, "roles", "survive_from"):
        return None
    reach = int(raw["roles"].get("survive_reach", 12))
    verbs = cue_words(raw, "roles", "survive_verbs")
    v = next((k for k in range(j - 1, max(-1, j - 1 - reach), -1) if words[k].norm in verbs), None)
    if v is None or any(words[k].hard_before for k in range(v + 1, j + 1)):
        return None
    after = [g for g in groups if g.is_actor and v < g.first and g.last < j and g.prep is None]
    if after:
        return after[0]
    before = [g for g in groups if g.is_actor and g.last == v - 1 and g.prep is None]
    return before[0] if before else None


def _declined(m: Match, words: list[Word], raw: dict[str, Any]) -> bool:
    """Whether an apology verb declines: «عن» + a masdar of taking part (cues.yaml
    ``roles.decline_objects``: «تلبية», «المشاركة», «حضور») within ``decline_reach`` words after it,
    in the same sentence part («اعتذر عن تصريحاته» stays an apology)."""
    objects = cue_words(raw, "roles", "decline_objects")
    reach = int(raw["roles"].get("decline_reach", 5))
    for k in range(m.last + 1, min(len(words) - 1, m.last + 1 + reach)):
        if words[k].hard_before:
            return False
        if words[k].norm == "عن" and words[k + 1].norm in objects:
            return True
    return False


def _convened(m: Match, words: list[Word], raw: dict[str, Any]) -> bool:
    """Whether a calling verb convenes a meeting: «دعا إليه/إليها» right after it and a meeting noun
    (cues.yaml ``roles.convened_nouns``) within ``convened_reach`` words before it («مؤتمراً دولياً
    حول ليبيا دعت إليه ميركل»). «الحل الذي دعت إليه» (a solution called for) stays a request."""
    j = m.last + 1
    if j >= len(words) or words[j].norm not in cue_words(raw, "roles", "convened_back"):
        return False
    nouns = cue_words(raw, "roles", "convened_nouns")
    reach = int(raw["roles"].get("convened_reach", 6))
    for k in range(m.first - 1, max(-1, m.first - 1 - reach), -1):
        if _bare(words[k].norm) in nouns or words[k].norm in nouns:
            return True
        if words[k].hard_before:
            break
    return False


def _warned_of_danger(m: Match, words: list[Word], raw: dict[str, Any]) -> bool:
    """Whether a warning trigger is followed by «من» and a danger (cues.yaml `roles.warned_dangers`):
    the speaker warns of something that may befall, he threatens no one."""
    j = m.last + 1
    if j + 1 >= len(words) or words[j].norm not in cue_words(raw, "roles", "warning_from"):
        return False
    dangers = cue_words(raw, "roles", "warned_dangers")
    # the word as written too: «فظائع» begins with a letter that _bare takes for the «ف» clitic
    return words[j + 1].norm in dangers or _bare(words[j + 1].norm) in dangers


def _period_name(m: Match, words: list[Word], raw: dict[str, Any]) -> bool:
    """Whether a definite war noun is named by the adjective after it («الحرب السورية», «الحرب
    الأهلية», «الحرب الباردة»): a period of history. With «على/ضد» after the adjective it has a
    target («الحرب الإسرائيلية على غزة») and stays an attack."""
    if m.first != m.last or m.trigger.lemma not in cue_words(raw, "roles", "period_nouns"):
        return False
    w, j = words[m.first].norm, m.first + 1
    if "ال" not in w[:4] or j >= len(words):
        return False
    adj = words[j].norm
    named = adj.startswith("ال") and (adj.endswith("يه") or adj in cue_words(raw, "roles", "period_adjectives"))
    return named and not (j + 1 < len(words) and words[j + 1].norm in cue_words(raw, "roles", "period_targets"))


def _potential(words: list[Word], k: int, raw: dict[str, Any]) -> bool:
    """Whether a noun event right after word ``k`` is what a risk word names («احتمالات نشوب حرب»):
    the risk word is at ``k`` or before one onset word («نشوب», «اندلاع»)."""
    risks = cue_words(raw, "roles", "potential_governors")
    onsets = cue_words(raw, "roles", "potential_onsets")
    if k >= 1 and words[k].norm in onsets:
        k -= 1
    return k >= 0 and words[k].norm in risks


def _after_cessation(m: Match, words: list[Word], lex: Lexicon) -> bool:
    """Whether an event word with a noun reading stands right after a «بـ» masdar of stopping
    («بوقف دعم», «بإنهاء وجود»; cues ``roles.asked_cessations``, round 37)."""
    raw = lex.cues["raw"]
    return (m.first == m.last and m.first > 0 and not words[m.first].breaks_before
            and (words[m.first - 1].norm in cue_words(raw, "roles", "asked_cessations")
                 or words[m.first - 1].norm in cue_words(raw, "roles", "asked_holding"))
            and lex.noun(words[m.first].norm) is not None)


def _asked_for(m: Match, words: list[Word], asks: list[int], lex: Lexicon) -> bool:
    """Whether a noun event is what a request asks for: a masdar with «بـ» within six words after a
    request trigger or a demand noun («طالب بانسحاب القوات», «رافضاً مطالب واشنطن بانسحاب …»), or
    a bare masdar after «من» + the one asked («طلب من طهران سحب قواتها»)."""
    demands = cue_words(lex.cues["raw"], "roles", "demand_nouns")
    froms = cue_words(lex.cues["raw"], "roles", "asked_from")
    heads = list(asks) + [k for k in range(max(0, m.first - 6), m.first) if words[k].norm in demands]
    near = [r for r in heads if 0 < m.first - r <= 6]
    if not near:
        return False
    w = words[m.first].norm
    if w[:1] == "ب" and lex.noun(w[1:]) is not None:
        return True
    if _after_cessation(m, words, lex):
        return True  # round 37: «طالب واشنطن بوقف دعم الوحدات»: the act asked to stop is no new one
    r = max(near)
    return any(words[k].norm in froms for k in range(r + 1, m.first)) and not w.startswith(("ال", "بال", "لل"))


def _nonspecific(matches: list[Match], words: list[Word], lex: Lexicon) -> list[Match]:
    """Drop event nouns after «أي» (an act of a kind, not one that happened: «رفض أي هجوم»), unless a
    light verb governs them («شنت أي غارات») or a negation a few words before makes them a denied act
    («لم يحدث أي اتصال»); and definite event nouns that are what a meeting discusses («لبحث الهجوم»)."""
    raw = lex.cues["raw"]
    anys = cue_words(raw, "roles", "nonspecific_determiners")
    topics = cue_words(raw, "roles", "discussion_governors")
    respected = cue_words(raw, "roles", "respected_governors")
    # (no governor in the sentence: nothing in it is to be respected)
    respecting = not respected.isdisjoint(word_types(words))
    figurative = raw.get("figurative_objects") or {}
    out: list[Match] = []
    for m in matches:
        k = m.first - 1
        if m.trigger.kind == "verb" and m.trigger.lemma in figurative:
            # «احتل التنسيق حيزاً كبيراً», «التزمت العواصم الصمت»: a verb whose object makes it an idiom
            objs = cue_words(raw, "figurative_objects", m.trigger.lemma)
            if any(_bare(words[j].norm) in objs for j in range(m.last + 1, min(len(words), m.last + 7))):
                continue
        if m.trigger.type == "THREATEN" and _warned_of_danger(m, words, raw):
            continue  # «محذّرة من الانزلاق إلى الاقتتال», «حذّر من موجة نزوح»: a warning of a danger
        if m.trigger.kind == "noun" and m.light is None and _period_name(m, words, raw):
            continue  # «منذ اندلاع الحرب السورية», «الحرب الباردة»: the name of a period, not an attack
        if m.trigger.kind == "noun" and m.light is None and _potential(words, k, raw):
            continue  # «احتمالات نشوب حرب جديدة», «خطر اندلاع مواجهة»: a risk, not a happening
        if m.trigger.kind == "noun" and (m.light is None or m.light < k) and k >= 0 \
                and words[k].norm in topics and words[m.first].norm.startswith("ال"):
            continue  # «لبحث الهجوم»: the topic of a meeting or request, an act told elsewhere
        if respecting and _respected(m, words, respected):  # (a verb reading too: only a masdar follows «باحترام»)
            continue  # «باحترام حظر توريد الأسلحة»: a regime in force that is to be respected
        if m.trigger.kind in ("noun", "phrase") and k >= 0 and words[k].norm in anys \
                and (m.light is None or m.light < k - 2):  # (a light verb right before governs it)
            negs = cue_words(raw, "roles", "nonspecific_negations")
            if not any(words[j].norm in negs for j in range(max(0, k - 3), k)):
                continue
        out.append(m)
    return out


def _respected(m: Match, words: list[Word], governors: frozenset[str]) -> bool:
    """Whether an event noun or phrase is what is to be respected («باحترام حظر توريد الأسلحة»): a
    governor (cues.yaml ``roles.respected_governors``) right before its first word — or before its
    head when a split phrase anchors on it («حظر» of «حظر … الأسلحة»). A light verb after the
    governor («الالتزام بما أعلنته … من حظر») keeps the event."""
    heads = {m.first}
    if m.light is not None and m.light < m.first and m.trigger.kind == "phrase":
        heads.add(m.light)
    elif m.light is not None and m.light > m.first - 2:
        return False
    return any(h > 0 and words[h - 1].norm in governors for h in heads)


def _ta_marbuta_nouns(matches: list[Match], words: list[Word], text: str, lex: Lexicon) -> list[Match]:
    """Drop a one-word verb trigger written with «ة» that no event noun explains (round 29).

    Normalisation spells «ة» as «ه», so «لوحة» (a painting) looks like «لوّحه» (brandished it) and
    «عارضة أزياء» (a fashion model) like «عارضه» (opposed him); a verb never ends in «ة», so the
    text's own letter says it is a noun. A word that is also an event noun of the lexicon
    («تهنئة») keeps its match, which the later steps already read as that event.
    """
    return [m for m in matches if not (
        m.first == m.last and m.verbal and m.light is None and m.trigger.kind in ("verb", "passive")
        and _DIACRITICS.sub("", text[words[m.first].start:words[m.first].end]).endswith("ة")
        and lex.noun(words[m.first].norm) is None)]


def _tanween_nouns(matches: list[Match], words: list[Word], text: str, lex: Lexicon) -> list[Match]:
    """Read a one-word verb trigger written with tanween as its noun, or drop it: «خرقاً سافراً»
    (a blatant breach) is no «سافر» (travelled), «قتلاً» is the masdar. Participles keep their
    reading («متهماً», «داعياً»): they are nouns in form and take tanween."""
    out: list[Match] = []
    for m in matches:
        if (m.first == m.last and m.verbal and m.light is None and m.trigger.kind in ("verb", "passive")
                and _TANWEEN.search(text, words[m.first].start, words[m.first].end)):
            noun = lex.noun(words[m.first].norm)
            if noun is not None:
                out.append(Match(noun, m.first, m.last, None, False, m.first))
            continue
        out.append(m)
    return out
_QUOTE_MARKS = frozenset('«»"')  # normalisation turns «» into plain quotes


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


def withdrawn_forces(m: Match, words: list[Word], groups: list[Group], bounds: tuple[int, int],
                     partitive: frozenset[str]) -> Group | None:
    """The forces a withdrawal masdar pulls out, who are its actor (as for a deployment): its
    genitive («سحب القوات الروسية», «انسحاب المقاتلين الأكراد») or the group after «من» following a
    part word (cues.yaml ``roles.partitive_words``: «سحب جزء كبير من القوات الروسية», «سحب
    «الجزء الأساسي» من القوات»). A «من» with no part word names where they leave («من سوريا»)."""
    lo, hi = bounds
    for g in groups:
        if g.first <= m.last or not g.is_actor or g.attribute:
            continue
        if g.first >= min(hi, m.last + 6) or any(words[k].hard_before for k in range(m.last + 1, g.first + 1)):
            return None
        if g.prep is None and g.first == m.last + 1:
            return g
        if g.prep == "من" and any(words[k].norm in partitive or (words[k].norm[:1] in "وب" and words[k].norm[1:] in partitive)
                                  for k in range(m.last + 1, g.first - 1)):
            return g
        return None
    return None


def _military_nearby(m: Match, words: list[Word], lex: Lexicon) -> bool:
    mil = lex.cues["military"]
    for k in range(max(0, m.first - 7), min(len(words), m.last + 8)):
        if k != m.first and any(s in mil for s, _ in clitic_candidates(words[k].norm)):
            return True
    return False


def _envoy_after(m: Match, words: list[Word], lex: Lexicon) -> bool:
    """Whether an envoy word follows the trigger within 6 words, in its unit («استدعت … سفير بريطانيا»).

    A possessive form («سفيرها») is the state's own envoy (recalled, not summoned): no match.
    """
    envoy = lex.cues["envoy"]
    for k in range(m.last + 1, min(len(words), m.last + 7)):
        if words[k].hard_before:
            return False
        if any(s in envoy for s, _ in clitic_candidates(words[k].norm)):
            return True  # suffixes are not stripped: «سفيرها» is not listed, so it never counts
    return False


def _envoy_states(recipient: list[dict[str, Any]], states: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Envoy offices («office:ambassador:GBR») replaced by their states, without repeats."""
    out: list[dict[str, Any]] = []
    for r in recipient:
        rid = str(r.get("id") or "")
        if rid.startswith("office:") and rid.count(":") == 2:
            r = states.get(rid.rsplit(":", 1)[1], r)
        if all(x.get("id") != r.get("id") or x.get("id") is None for x in out):
            out.append(r)
    return out


def _protest_sides(actor: list[dict[str, Any]], recipient: list[dict[str, Any]], lex: Lexicon,
                   states: dict[str, dict[str, Any]] | None
                   ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Who protests and against whom: people protest, states are protested against.

    «احتجاجات إيران», «احتجاجات لبنان»: a state named with a protest is where (and whom) people
    protest against, never the protester (a state's own protest is a statement, ACCUSE); with
    nobody named, the protesters are the generic ``protesters`` (the gold convention).
    """
    if states:
        ids = _state_ids(states)
        st = [a for a in actor if a.get("id") in ids]
        if st:
            actor = [a for a in actor if a.get("id") not in ids]
            recipient = recipient + [a for a in st if all(a.get("id") != r.get("id") for r in recipient)]
    if not actor:
        g = (lex.cues["raw"].get("generic_actors") or {}).get("protesters")
        if g:
            actor = [{"id": "protesters", "name_en": g.get("name_en"), "name_ar": None, "wikidata": None,
                      "country": None, "sector": "CVL", "role": None, "text": None}]
    return actor, recipient


def _supporters_only(actor: list[dict[str, Any]], groups: list[Group], words: list[Word],
                     supporters: frozenset[str]) -> bool:
    """Whether every protesting actor is named as the body whose supporters protest («تجمّع عشرات
    من أنصار الحركة وجبهة الخلاص»: the group stands right after «أنصار/مؤيدي …», «من» allowed).
    The gold codes such crowds as the generic protesters, not as the party (round 26)."""
    if not supporters:
        return False
    for ref in actor:
        group = next((g for g in groups if any(a.actor is not None and a.actor.get("id") == ref.get("id")
                                               for a in g.members)), None)
        if group is None:
            return False
        k = group.first - 1
        if k >= 0 and words[k].norm == "من":
            k -= 1
        if k < 0 or supporters.isdisjoint(match_keys(words[k].norm)):
            return False
    return True


_STATE_IDS: list[tuple[Any, frozenset[str]]] = [(None, frozenset())]


def _state_ids(states: dict[str, dict[str, Any]]) -> frozenset[str]:
    """The ids of the states of the index (cached for the last index seen)."""
    last = _STATE_IDS[0]
    if last[0] is states:
        return last[1]
    ids = frozenset(str(v.get("id")) for v in states.values())
    _STATE_IDS[0] = (states, ids)
    return ids


def _violent_pledges(matches: list[Match], words: list[Word], lex: Lexicon) -> set[int]:
    """Turn a pledge of violence into a threat; return the ids of the matches it promises.

    «متعهداً بمواصلة «الحرب الشاملة» على الحركة», «تعهد بالرد»: a pledge whose content (up to five
    words after it, same unit) is an attack or a retaliation word (cues.yaml ``threat_content``) is
    a THREATEN/violence, and the attack it names is its content, not a happening.
    """
    content: set[int] = set()
    revenge = lex.cues["threat_content"]
    for m in matches:
        if "pledge" not in m.trigger.flags:
            continue
        hit = None
        for k in range(m.last + 1, min(len(words), m.last + 6)):
            if words[k].hard_before:
                break
            hit = next((o for o in matches if o.first == k and o.trigger.type == "ASSAULT"), None)
            if hit is not None or not revenge.isdisjoint(match_keys(words[k].norm)):
                break
        else:
            continue
        if hit is None and (k >= len(words) or revenge.isdisjoint(match_keys(words[k].norm))):
            continue
        m.trigger = replace(m.trigger, type="THREATEN", mode="violence", flags=m.trigger.flags - {"pledge"})
        if hit is not None:
            content.add(id(hit))
    return content


_IN_IT = frozenset({"فيه", "فيها"})
_ALA = norm_word("على")


def _approved_act(m: Match, words: list[Word], matches: list[Match], types: frozenset[str]) -> Match | None:
    """Whether «على» + a trigger of ``types`` follows the approving verb within its clause, the subject
    between («وافقت تركيا على تزويد المغرب بمسيّرات»): the approval is of that act (round 33)."""
    for k in range(m.last + 1, min(len(words) - 1, m.last + 9)):
        if words[k].breaks_before:
            return None
        if words[k].norm == _ALA:
            return next((r for r in matches if r.first == k + 1 and r.trigger.type in types), None)
    return None


def _takes_effect(m: Match, words: list[Word], cues: dict[str, Any]) -> bool:
    """Whether «حيز التنفيذ/حيز النفاذ» (``triggers.yaml in_force``, ``in_force_heads``) follows the trigger within six
    words of its clause: the ceasefire took (or takes) effect (round 33)."""
    marks = cues.get("in_force") or frozenset()
    heads = cues.get("in_force_heads") or ()
    for k in range(m.last + 1, min(len(words), m.last + 7)):
        if words[k].hard_before:
            return False
        if words[k].norm in marks and k > 0 and words[k - 1].norm.endswith(heads):
            return True
    return False


def _speech_giver(m: Match, words: list[Word], groups: list[Group], givers: frozenset[str]) -> Group | None:
    """The subject of «ألقاه/ألقاها» (cues ``speech_givers``) within 20 words before a trigger verb
    followed by «فيه/فيها» («خطاب ألقاه الأسد أمام مجلس الشعب، …، أثنى فيه على …»): what is said in
    a speech is said by its giver (round 33), not by the nearest group."""
    for k in range(m.first - 1, max(-1, m.first - 20), -1):
        w = words[k].norm
        if w in givers or (w[:1] == "و" and w[1:] in givers):
            return next((g for g in groups if g.first == k + 1 and g.prep is None and g.is_actor), None)
    return None


def _relative_to_noun(m: Match, words: list[Word], matches: list[Match]) -> bool:
    """Whether a verb trigger opens a relative clause on an indefinite noun trigger of its type
    right before it (one adjective may stand between: «قصف إسرائيلي استهدف»)."""
    if not m.verbal or m.light is not None or m.trigger.kind != "verb" or m.first == 0:
        return False
    for k in (m.first - 1, m.first - 2):
        if k < 0 or words[k + 1].breaks_before:
            return False
        noun = next((o for o in matches if o.last == k and not o.verbal and o.trigger.type == m.trigger.type), None)
        if noun is not None:
            return not any(p.endswith("ال") for _, p in clitic_candidates(words[noun.first].norm))
        if not words[k].norm.endswith(("ي", "يه", "يا")):
            return False  # only an adjective may stand between the noun and the verb
    return False


# Dashes and a colon after a sentence-initial place: a dateline («الكويت –», «الخرطوم:»).
_DATELINE_MARKS = frozenset("–—-:")


def _definite_noun(w: str, lex: Lexicon) -> bool:
    """Whether some event-noun reading of ``w`` carries the article («الهجوم», «للاتفاق»; cached per
    word type)."""
    cache = lex.word_caches.get("_definite_noun")
    if cache is None:
        cache = lex.word_caches.setdefault("_definite_noun", {})
    got = cache.get(w)
    if got is None:
        got = any(pre.endswith("ال") or pre.endswith("لل") for stem, pre in clitic_candidates(w) if lex.nouns.get(stem))
        if len(cache) < 200_000:
            cache[w] = got
    return got




def _possessed_noun(w: str, lex: Lexicon) -> bool:
    """Whether ``w`` reads only as an event noun with a possessive pronoun («زيارته», «محادثاته»,
    «اجتماعهما»): the pronoun's antecedent is someone already named, so the noun names his happening
    as one the text has told (cached per word type)."""
    cache = lex.word_caches.setdefault("_possessed_noun", {})
    got = cache.get(w)
    if got is None:
        got = False
        for stem, _pre in clitic_candidates(w):
            trig = lex.nouns.get(stem)
            if trig is None or stem == trig.lemma:
                continue
            suf = next((p for p in POSSESSIVE_SUFFIXES if stem.endswith(p) and len(stem) - len(p) >= 3), None)
            if suf is None:
                continue
            base = stem[:-len(suf)]
            bare = lex.nouns.get(base) or (lex.nouns.get(base[:-1] + "ه") if base.endswith("ت") else None)
            if bare is not None and bare.lemma == trig.lemma:
                got = True
                break
        if len(cache) < 200_000:
            cache[w] = got
    return got


def _main_subject(groups: list[Group], words: list[Word], opener: int = 0) -> Group | None:
    """The subject of a sentence's first verb: a bare group among its first four words (VSO after a
    sentence-initial verb, «وأعلنت الوزارة …», or SVO, «الرئيس … قال»), with no break before it.

    ``opener`` (:func:`marsad.events.roles.fronted_opener`) is the length of a discourse phrase
    closed by a comma that opens the sentence («في المقابل، رفض المتحدث …»): the clause starts after it.
    """
    for g in groups:
        if g.start < opener:
            continue
        if g.start > 3 + opener:
            return None
        if g.start == 0 and g.last + 1 < len(words) and not _DATELINE_MARKS.isdisjoint(words[g.last + 1].punct):
            continue  # «الكويت – واصل الأمير …»: a dateline names where the story was filed, not who acts
        if g.is_actor and g.prep is None and not g.attribute and not any(
                words[k].breaks_before for k in range(opener + 1, g.start + 1)):
            return g
    return None


def _condemning(m: Match, words: list[Word], lex: Lexicon) -> bool:
    """Whether a condemning word (cues.yaml ``condemnation_words``) follows within 10 words, same unit,
    or within a few words after a «بأنه/بأنها» complement that stands further on (triggers.yaml
    ``condemns``: «وصفت وزارة الخارجية الروسية الضربات الأوكرانية على بيلغورود بأنها عمل إرهابي»)."""
    bad = lex.cues["condemnation"]
    cues = lex.cues["condemns"]
    # round 32: 10 words (was 8), for a long object before the predicate («اعتبرت طهران تعاظم
    # التعاون العسكري بين باكو وتل أبيب تهديداً لأمنها»)
    end = min(len(words), m.last + 11)
    k = m.last + 1
    while k < end:
        if words[k].hard_before:
            return False
        if not bad.isdisjoint(match_keys(words[k].norm)):
            return True
        if words[k].norm in cues["complements"] and k - m.last <= cues["window"]:
            end = min(len(words), max(end, k + 1 + cues["reach"]))
        elif end == m.last + 11 and k == end - 1:
            # the complement may stand past the plain window: look for it up to its own limit
            end = next((min(len(words), j + 1 + cues["reach"]) for j in range(k + 1, min(
                len(words), m.last + 1 + cues["window"])) if words[j].norm in cues["complements"]
                and not any(words[i].hard_before for i in range(k + 1, j + 1))), end)
        k += 1
    return False


def _bounds(m: Match, matches: list[Match], words: list[Word],
            opens: frozenset[int] = frozenset(), implicit: frozenset[str] = frozenset(),
            reporting: Any = ()) -> tuple[int, int]:
    """Words ``[lo, hi)`` that may hold this trigger's arguments: its clause, cut at other verbs.

    ``opens`` (from :func:`_report_openers`) are the word indices of complementizers that open
    reported content: that clause names its own subject, so the speaker is never a participant.
    ``reporting`` holds the reporting verbs (``Lexicon.attribution_verbs``) and the scope breaks
    (cues.yaml ``attribution.scope_breaks``): a reporting verb with «و» after a comma («…، وقال
    المتحدث …») or «فيما/بينما» after a comma opens a new main clause, whose subject is not this
    trigger's recipient.
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
    # a relative light verb after the noun («هجوم … وتبنته جماعة …») brings its own subject along
    end = max(m.last, m.anchor)
    hi = end + 1
    while hi < len(words) and not words[hi].hard_before and hi - end < 15:
        if hi in stop_right:
            break
        w = words[hi]
        if reporting and w.breaks_before and (w.norm[:1] == "و" and w.norm[1:] in reporting[0]
                                              or w.norm in reporting[1]):
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


_PARTICIPLES: list[tuple[Any, frozenset[str]]] = [(None, frozenset())]


def _reporting_participles(lex: Lexicon) -> frozenset[str]:
    """Active participles of the reporting verbs, as circumstantial accusatives («معلناً», «مؤكدةً»,
    «مشيرين»): «م» + the imperfect stem of each verb of cues.yaml ``attribution.verbs`` (cached)."""
    if _PARTICIPLES[0][0] is lex:
        return _PARTICIPLES[0][1]
    out = set()
    for spec in lex.cues["raw"]["attribution"]["verbs"]:
        parts = str(spec).split()
        if len(parts) > 1 and parts[1].startswith("ي"):
            stem = "م" + norm_word(parts[1])[1:]
            out.update(stem + end for end in ("ا", "ه", "ين", "ون"))
    parts_set = frozenset(out | {"و" + w for w in out})
    _PARTICIPLES[0] = (lex, parts_set)
    return parts_set


def _announced_own_act(m: Match, words: list[Word], subject: Group | None, lex: Lexicon,
                       opener: int = 0) -> list[dict[str, Any]] | None:
    """The sentence's subject as the actor of an act it announces as its own, when the clause names
    no actor: the masdar right after «أعلن/أكد + subject» («وأعلن رئيس الوزراء … فرض حظر للتجول»),
    or after a reporting participle that follows a comma («…، معلناً فرض عقوبات …», «مؤكدةً رفضها»).
    Returned to :func:`extract_events`, which uses it only for an event that has no actor."""
    if (subject is None or subject.last >= m.first or m.light is not None or m.trigger.mode == "kill"
            or m.trigger.kind == "passive" or "victim" in m.trigger.flags):
        return None  # «أعلنت الوزارة مقتل خمسة»: who announces a death is not its perpetrator
    if 0 <= m.first - subject.last - 1 <= 1 and 1 <= subject.start - opener <= 2 and (
            words[subject.start - 1].norm in lex.attribution_verbs) and not any(
            words[k].breaks_before for k in range(subject.last + 1, m.first + 1)):
        return group_refs(subject)
    p = m.first - 1
    if p > subject.last and words[p].breaks_before and words[p].norm in _reporting_participles(lex) and not (
            words[m.first].breaks_before):
        return group_refs(subject)
    return None


def _report_openers(words: list[Word], lex: Lexicon) -> frozenset[int]:
    """Indices of pronoun-less complementizers («أن», «إن», «بأن») within 8 words after a reporting
    or denial verb («قال المتحدث إن الجيش قصف …», «نفت الوزارة أن تكون طائراتها قد شنت …»).

    «أنه/أنها» are left out (their pronoun may be the speaker), and so is «أن» with no reporting
    verb before it: «بعد أن سبق له أن خاض» is the masdar particle, whose subject stands before it.
    """
    # most sentences hold no bare complementizer: then there is no reporting verb to look for
    # (the words' kinds: see marsad.events.cuewords)
    _, kinds, total = sentence_records(words, lex)
    if not total & COMPLEMENTIZER:
        return frozenset()
    cands = positions(kinds, COMPLEMENTIZER)
    verbs = [k for k in positions(kinds, REPORTING) if k < cands[-1]]
    if not verbs:
        return frozenset()
    return frozenset(k for k in cands if any(0 < k - v <= 8 for v in verbs))


def _reporting_words(lex: Lexicon) -> frozenset[str]:
    """The forms of the reporting and denial verbs as one set (cached on the lexicon)."""
    got = lex.word_caches.get("_reporting_words")
    if got is None:
        got = {"": frozenset(lex.attribution_verbs) | frozenset(lex.denial_verbs)}
        lex.word_caches["_reporting_words"] = got
    return got[""]


def _speaker_keys(m: Match, words: list[Word], groups: list[Group], lex: Lexicon) -> set[str]:
    """Identity keys of whoever speaks the clause that holds ``m``: the groups between the nearest
    reporting verb before it and the complementizer that opens the content («قال كبير مفاوضي
    الجماعة محمد عبد السلام إن قواته …»), or an empty set when the trigger is not reported speech."""
    a = min(m.anchor, m.first)
    comps = lex.cues["complementizers"]
    comp = next((k for k in range(a - 1, max(a - 12, -1), -1) if words[k].norm in comps), None)
    if comp is None:
        return set()
    verb = next((k for k in range(comp - 1, max(comp - 12, -1), -1) if words[k].norm in lex.attribution_verbs),
                None)
    if verb is None:
        return set()
    return {x.key for g in groups if verb < g.first < comp and g.prep is None for x in g.members}


def _own_country(m: Match, words: list[Word], groups: list[Group], cues: dict[str, Any],
                 bounds: tuple[int, int], actor: list[dict[str, Any]],
                 states: dict[str, dict[str, Any]], speakers_of: set[int] | None = None,
                 participles: frozenset[str] = frozenset()) -> list[dict[str, Any]]:
    """The speaker's state for «أن تكون بلاده قد أرسلت»: «بلاده» after a complementizer is the
    country of the one who speaks before it, and it (not the speaker) is the reported actor.

    After a circumstantial reporting participle («قال أردوغان إنه بحث مع نظيره الروسي بوتين …،
    مؤكداً أن بلاده ستستقبل الجرحى») the speaker is the main reporting verb's (``speakers_of``: ids
    of the attribution's groups), not the nearest group (the one he talked with)."""
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
    if comp > 0 and words[comp - 1].norm in participles and speakers_of:
        said = [g for g in groups if id(g) in speakers_of and g.last < comp]
        speaker = said[0] if said else speaker
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


def _speaking_person(actor: list[dict[str, Any]], groups: list[Group], source_groups: set[int],
                     states: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """The named person who states his own state's stance («أكد خامنئي رفض إيران …», «كتب ترامب أن
    الولايات المتحدة جاهزة للرد»): the act is his (gold convention), not the state's; ``actor`` is
    returned unchanged when the speaker is not one known person of that state."""
    state_id = actor[0].get("id")
    if not state_id or not any(s.get("id") == state_id for s in states.values()):
        return actor
    speakers = [a.actor for g in groups if id(g) in source_groups for a in g.members
                if a.actor is not None and a.actor.get("id") and a.mention.label == "PERS"]
    if len(speakers) != 1 or states.get(str(speakers[0].get("country")), {}).get("id") != state_id:
        return actor
    return speakers


@dataclass(frozen=True, slots=True)
class _SentenceCues:
    """The cue sets :func:`extract_sentence` reads for every sentence or event, built once per lexicon
    (they used to be rebuilt from ``cues["raw"]`` per sentence, some per event)."""

    masdar_governors: frozenset[str]
    purpose_types: frozenset[str]
    claim_types: frozenset[str]
    statement_types: frozenset[str]
    threat_types: frozenset[str]
    accused_types: frozenset[str]
    joint_verbs: frozenset[str]
    relative_verbs: frozenset[str]
    relative_preps: frozenset[str]
    partitive: frozenset[str]
    openers: frozenset[tuple[str, ...]]
    denial_types: frozenset[str]
    denial_lemmas: frozenset[str]
    speaker_act_types: frozenset[str]


def _sentence_cues(lex: Lexicon) -> _SentenceCues:
    """:class:`_SentenceCues` of a lexicon (cached on it)."""
    got = lex.word_caches.get("_sentence_cues")
    if got is None:
        raw = lex.cues["raw"]
        joint = cue_words(raw, "roles", "joint_party_verbs")
        got = {"": _SentenceCues(
            masdar_governors=cue_words(raw, "roles", "masdar_governors"),
            purpose_types=frozenset(raw.get("purpose_only_types") or ()),
            claim_types=frozenset(raw["status"].get("claim_types") or ()),
            statement_types=frozenset(raw.get("statement_types") or ()),
            threat_types=frozenset(raw.get("announced_attack_types") or ()),
            accused_types=frozenset(raw.get("accused_act_types") or ()),
            joint_verbs=joint,
            relative_verbs=joint | cue_words(raw, "roles", "relative_party_verbs"),
            relative_preps=cue_words(raw, "roles", "relative_pronoun_preps"),
            partitive=cue_words(raw, "roles", "partitive_words"),
            openers=cue_phrases(raw, "roles", "fronted_openers"),
            denial_types=frozenset(raw.get("denied_reaction_types") or ()),
            denial_lemmas=frozenset(norm_word(v.split()[0]) for v in raw["status"].get("denial_verbs") or ()),
            speaker_act_types=frozenset(raw["roles"].get("speaker_act_types") or ()))}
        lex.word_caches["_sentence_cues"] = got
    return got[""]


def extract_sentence(doc: Document, sent: Sentence, lex: Lexicon, mentions: list[Mention],
                     dates: list[TimeExpression], nisba: dict[str, dict[str, Any]] | None = None,
                     states: dict[str, dict[str, Any]] | None = None,
                     forces: dict[tuple[str, str], dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """Events of one sentence, before numbering (``states``: ISO3 → state ref, for visits;
    ``forces``: :func:`marsad.events.arguments.force_index`, for «طائراتها»)."""
    # (a sentence in which no word can start a trigger is read no further: no words are made for it)
    words = split_words(sent.text, sent.start, doc.text, keep=lex.may_match)
    if not words:
        return []
    raw_spellings = lex.cues["raw_spellings"]
    if raw_spellings and not raw_spellings.keys().isdisjoint(map(norm_of, words)):
        for w in words:
            # «هنأ الرئيس …» normalises to «هنا» (here): the text's hamza tells the verb (triggers.yaml)
            raw = raw_spellings.get(w.norm)
            if raw is not None and _DIACRITICS.sub("", doc.text[w.start:w.end]) == raw:
                w.norm = raw
    matches = lex.match(words)
    if matches and _TANWEEN.search(sent.text):
        matches = _tanween_nouns(matches, words, doc.text, lex)
    if matches and "ة" in sent.text:
        matches = _ta_marbuta_nouns(matches, words, doc.text, lex)
    if matches:
        matches = _nonspecific(matches, words, lex)
    if not matches:
        return []
    args = place_mentions(words, mentions, doc.text, lex, nisba)
    if forces is not None:
        args = possessive_forces(words, args, doc.text, lex.cues, forces, states)
        _elliptic_forces(args, words, forces)
    # «ودان رئيس الحكومة …»: a one-word name that nothing links, spelled like a verb of the lexicon
    # and standing where a verb stands (first in its clause), is the verb the recogniser misread
    verb_spans = {(m.first, m.last) for m in matches
                  if m.verbal and m.light is None and (m.first == 0 or words[m.first].breaks_before)}
    verb_names = {id(a) for a in args
                  if (a.first, a.last) in verb_spans and a.actor is not None and a.place is None
                  and str(a.actor.get("id") or "unresolved:").startswith("unresolved:")}
    if verb_names:
        args = [a for a in args if id(a) not in verb_names]
    # A word that belongs to a place name («تدمر» = Palmyra, not «she destroys») or that is itself a
    # whole name is not a trigger; triggers inside longer actor mentions («تعهدات روسية») stay.
    # A phrase split by its subject («استدعت إسلام آباد سفيرها») keeps its rest even when that
    # rest is a whole mention (the envoy): the verb before it is the trigger.
    # (only a trigger whose first word some mention covers needs the scan over the mentions)
    in_mention = {k for a in args for k in range(a.first, a.last + 1)}
    # (round 29) nor is a one-word verb inside a name of two words or more («دان غيلرمان», «فنسبري
    # بارك»): a verb is never part of a proper name, the recogniser's span says the word is a name
    matches = [m for m in matches if m.first not in in_mention or not any(
        a.first <= m.first <= a.last and (a.actor is None or (a.first, a.last) == (m.first, m.last)
                                          or (_NAME_LABELS.get(a.mention.label, False) and a.last > a.first
                                              and m.first == m.last and m.trigger.kind in ("verb", "passive")))
        and not m.anchor < a.first for a in args)]
    if not matches:
        return []
    for a in args:
        # «ندد … بما وصفه بـ«الاغتيال السافر»»: a quoted unlinked name that holds an event word is
        # a characterisation of a happening, which the recogniser took for an entity
        if (a.actor is not None and str(a.actor.get("id") or "unresolved:").startswith("unresolved:")
                and a.mention.label == "MISC"
                and not _QUOTE_MARKS.isdisjoint(words[a.first].punct) and any(a.first <= r.first <= a.last for r in matches)):
            a.actor = None
    sc = _sentence_cues(lex)
    masdar_governors = sc.masdar_governors
    approvals: dict[int, list[dict[str, Any]]] = {}  # approved act's match id → the approver (round 33)
    nisba_first: set[int] = set()  # masdars read so because a state adjective follows them (round 33)
    for m in matches:
        # «يشمل نشر المئات من الجنود»: a bare perfect that is also a masdar, right after a
        # present-tense verb, is the masdar (the object of that verb), not a second finite verb
        if (m.verbal and m.light is None and m.first == m.last and m.tense == "past" and m.first > 0
                and not words[m.first].breaks_before and lex.nouns.get(words[m.first].norm) is not None):
            prev = words[m.first - 1].norm
            bare_prev = prev[1:] if prev[:1] in "وفس" else prev  # «ستواصل دعم», «وتواصل قصف»
            if prev in masdar_governors or bare_prev in masdar_governors:
                # «ببدء سحب جزء من القوات», «الإعلان عن سحب قواتها»: no finite verb follows a
                # preposition or a governing masdar; the word is the masdar
                m.verbal, m.tense, m.trigger = False, None, lex.nouns[words[m.first].norm]
            elif len(bare_prev) >= 4 and bare_prev[0] in "يتن" and prev not in lex.verbs:
                m.verbal, m.tense, m.trigger = False, None, lex.nouns[words[m.first].norm]
                if prev in lex.light:
                    # «أن موسكو ستواصل دعم دمشق»: an aspect verb of the light list governs the
                    # masdar; its subject is the masdar's actor (as for «واصلت القوات قصف …»)
                    m.verbal, m.anchor, m.light, m.tense = True, m.first - 1, m.first - 1, lex.light[prev]
        # round 33: «رفض إماراتي قاطع لأي مساس …», «قصف إسرائيلي على …»: a perfect that is also a
        # masdar, followed by a state's indefinite adjective, is the masdar (a finite verb takes a
        # subject noun, not an adjective); the adjective names its actor (nisba_agents)
        if (nisba and m.verbal and m.light is None and m.first == m.last and m.tense == "past"
                and m.first + 1 < len(words) and not words[m.first + 1].breaks_before
                and not words[m.first + 1].norm.startswith("ال") and words[m.first + 1].norm in nisba
                and lex.nouns.get(words[m.first].norm) is not None):
            m.verbal, m.tense, m.trigger = False, None, lex.nouns[words[m.first].norm]
            nisba_first.add(id(m))
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
    # «أوقفت وحدات أمنية تونسية», «قصفت المدفعية التركية»: the state of an unnamed subject right
    # after a verb; «هاجم عناصر من تنظيم داعش»: the body its members stand for
    # («وكان الطيران الحربي التابع للجيش قد شنّ …»: the subject of the pluperfect stands after «كان»)
    anchors = {r.anchor for r in matches if r.verbal}
    if anchors:
        was = cue_words(lex.cues["raw"], "roles", "pluperfect_auxiliaries")
        anchors |= {k for k, w in enumerate(words) if w.norm in was and any(0 < a - k <= 10 for a in anchors)}
    args = nisba_subjects(words, args, sorted(anchors), nisba or {}, doc.text, lex, forces)
    groups = group_args(args, words, lex.cues["title_gap"])
    covered = {k for a in args for k in range(a.first, a.last + 1)}
    trigger_words = frozenset(k for r in matches for k in range(r.first, r.last + 1))
    quantities = find_quantities(words, lex)
    events: list[tuple[Match, dict[str, Any]]] = []
    prep_cues: list[int] | None = None
    mouths: set[int] | None = None  # groups through whom the subject speaks («على لسان …»)
    rcues = lex.cues["raw"]
    receive, behalf_types = cue_words(rcues, "roles", "receive_verbs"), cue_words(rcues, "roles", "behalf_types")
    # a receiving verb in the sentence, as written or after «و/ف» (received_from's test), else the
    # giver is never looked for
    receiving = not _with_conjunction(receive).isdisjoint(word_types(words))
    coordinated_types = cue_words(rcues, "roles", "coordinated_object_types")
    crowds = cue_words(rcues, "roles", "crowd_ids")
    venue_nouns = cue_words(rcues, "roles", "venue_agreement_nouns")
    prev_subject = None
    main_subject: Group | None = None  # the subject of the last verb outside a dependent clause
    # round 37: «وحذّر البيان الولايات المتحدة …، وهدد بضرب حلفائها»: a statement is the subject, so a
    # verb coordinated with it has no subject named in this sentence either
    statements = cue_words(rcues, "roles", "statement_subjects")
    statement_subject = False
    purpose_masdars = frozenset((rcues.get("roles") or {}).get("purpose_masdar_types") or ())
    opens = _report_openers(words, lex)
    purpose_types, claim_types, statement_types = sc.purpose_types, sc.claim_types, sc.statement_types
    content = _violent_pledges(matches, words, lex)
    relative_verbs = sc.relative_verbs
    verb_words = {r.anchor for r in matches if r.verbal}
    opener = fronted_opener(words, sc.openers)
    sentence_subject = _main_subject(groups, words, opener)
    # «دعا … إلى رفع العقوبات»: the noun after «إلى» is what is asked for, not a happening
    asks = [r.last for r in matches if r.trigger.type == "REQUEST"]
    # «هدّد بشنّ عملية عسكرية», «تهديده بالهجوم»: the act after «بـ» is the threat's content
    threats = [r.last for r in matches if r.trigger.type == "THREATEN"]
    threat_types = sc.threat_types
    date_candidates: EventDates | None = None  # the sentence's datable dates, worked out at the first event
    for m in matches:
        t = m.trigger
        if t.mode == "apologize" and m.verbal and _declined(m, words, rcues):
            # «اعتذرت تونس، السبت، عن تلبية الدعوة»: declining to take part refuses the invitation
            t = m.trigger = replace(t, type="REJECT", mode="meet")
        if t.type == "REQUEST" and m.verbal and _convened(m, words, rcues):
            # «مؤتمراً دولياً حول ليبيا دعت إليه المستشارة ميركل»: calling a meeting is hosting it
            t = m.trigger = replace(t, type="CONSULT", mode="host")
        if id(m) in content:
            continue  # what a vow promises to do is not a happening
        if m.last + 1 < len(words) and words[m.last + 1].norm in _DURING_IT and events and max(
                events, key=lambda p: p[0].first)[1]["type"] == t.type:
            continue  # «اتصالاً هاتفياً …، بحثا خلاله …»: what was done during that same happening
        if (t.type in sc.denial_types and m.light is not None
                and not lex.lemmas.get(words[m.light].norm, frozenset()).isdisjoint(sc.denial_lemmas)):
            continue  # «ونفت طهران الاتهامات الأمريكية»: denying an accusation rejects it, accuses no one
        if "military" in t.flags and not _military_nearby(m, words, lex):
            continue
        if _passive_participle(m, words, t):
            continue  # «طائرة مسيّرة محمّلة بالمتفجرات», «متهماً بالتواطؤ»: loaded with / accused of
        if (t.type == "PROTEST" and not m.verbal and words[m.first].norm.endswith("ا")
                and any(r.first < m.first and r.trigger.type != "PROTEST" for r in matches)):
            continue  # «استدعت … السفير احتجاجاً على …»: the motive of another act, not a protest
        if (t.type == "ACCUSE" and t.kind == "noun" and words[m.first].norm.endswith("ا")
                and any(r.last < m.first and r.trigger.type == "PROTEST" for r in matches)):
            continue  # round 33: «خرجت مسيرات … تنديداً بارتفاع الأسعار»: the marchers' motive, not a condemnation
        # round 33: «وافقت على تزويد مصر بمسيّرات», «وافق البرلمان على إرسال قوات»: the act approved,
        # planned and done by the approver, is the event; the approval is no agreement (below)
        approving = (_approved_act(m, words, matches, lex.cues["approved_acts"])
                     if t.type == "AGREE" and m.verbal and m.light is None and t.lemma in lex.cues["approve_lemmas"]
                     else None)
        if (t.type == "CONSULT" and t.mode == "visit" and m.verbal and any(
                r.first == m.last + 1 and r.trigger.type == "MOBILIZE" for r in matches)):
            continue  # round 33: «وصلت حاملة الطائرات … إلى البحر الأحمر»: forces arriving are deployed
        if "envoy" in t.flags and not _envoy_after(m, words, lex):
            continue  # «استدعى الاحتياط», «استدعت سفيرها»: no other state's envoy summoned
        if "condemns" in t.flags and not _condemning(m, words, lex):
            continue  # «وصف الوضع بأنه …» describes; only condemning words condemn
        if "owned" in t.flags and not possessive(m, words, lex, governed=True):
            continue  # «استقرارها في درعا» is a deployment; «الاستقرار في المنطقة» is not
        if (t.type in purpose_types and m.first > 0
                and any(pre.lstrip("وف").startswith("ل")
                        for stem, pre in clitic_candidates(words[m.first].norm) if lex.nouns.get(stem))):
            continue  # «اتفاقات للتعاون»: the purpose of another noun, not a cooperation (cues.yaml)
        if (asks and t.type != "REQUEST" and m.first > 0
                and words[m.first - 1].norm in _TO and any(0 < m.first - r <= 8 for r in asks)):
            continue
        if t.type != "REQUEST" and (t.kind == "noun" or _after_cessation(m, words, lex)) and (
                m.light is None or m.light == m.first - 1 and _after_cessation(m, words, lex)) \
                and _asked_for(m, words, asks, lex):
            continue  # «طالب بانسحاب القوات», «طلب من طهران سحب قواتها»: what is asked, not a happening
        if threats and t.type != "THREATEN" and any(0 < m.first - r <= 8 for r in threats):
            heads = {m.first, m.first - 1, m.light if m.light is not None else m.first}
            if any(words[k].norm[:1] == "ب" and (words[k].norm[1:] in lex.light
                                                  or lex.noun(words[k].norm[1:]) is not None) for k in heads):
                continue
        if (threats and t.type in threat_types and m.tense == FUTURE
                and any(0 < m.first - r <= 14 for r in threats)):
            continue  # «هدد الحرس بأنه سيستهدف القواعد», «حذّر من أن موسكو ستوجه ضربات»: the threat's content
        if prep_cues is None:
            prep_cues = attribution_cues(words, lex)
        source, source_keys, source_groups = attribution(m, words, groups, lex, doc.text, prep_cues)
        bounds = _bounds(m, matches, words, opens, lex.cues["implicit_subject"],
                         (lex.attribution_verbs, lex.cues["scope_breaks"]))
        # «قال لافروف …، داعياً واشنطن»: a circumstantial participle's subject is the main
        # clause's, the speaker included
        excluded = set() if t.kind == "participle" else source_groups
        if mouths is None:
            mouths = mouthpieces(words, groups, cue_words(lex.cues["raw"], "roles", "mouthpiece_words"))
            reporters = cue_words(lex.cues["raw"], "roles", "reporter_ids")
            # «أفاد شهود عيان بأن عناصر من الدعم السريع … استولوا»: an unnamed source is no participant
            mouths |= {id(g) for g in groups
                       if g.members and all((a.actor or {}).get("id") in reporters for a in g.members)}
        excluded = excluded | mouths if mouths else excluded
        subject = prev_subject
        dependent = dependent_verb(m, words, lex)
        if dependent:
            # «…، حيث التقى نائب الرئيس …، قبل أن يتوجه إلى الدوحة»: the main clause's subject,
            # not the one met inside the «حيث» clause
            subject = main_subject or prev_subject or _main_subject(groups, words, opener)
        if subject is None and coordinated_verb(m, words, lex) and not statement_subject:
            # «وتفقد الرئيس … موقع الانفجار، ووصف الهجوم …»: with no trigger verb before it, a
            # coordinated verb shares the subject of the sentence's main verb
            subject = _main_subject(groups, words, opener)
        if subject is not None and id(subject) in mouths:
            subject = None
        # the speaker of a reporting verb before a circumstantial participle (see assign_roles)
        speaker = next((g for g in groups if id(g) in source_groups), None) if t.kind == "participle" else None
        actor, recipient, used, actor_group = assign_roles(m, words, groups, lex, bounds, excluded,
                                                           subject, speaker)
        actor, recipient = coordinated_object(m, words, groups, sentence_subject, actor_group, actor, recipient,
                                              coordinated_types)
        if m.verbal and t.kind == "phrase" and actor_group is not None and actor_group.last < m.last:
            # round 33: a phrase split by its subject holds its object inside the split too («حمّل الجيش
            # السوداني قوات الدعم السريع مسؤولية مقتل …», «وقعت السعودية مع الصين صفقة»): that is the
            # other side, over a genitive after the phrase (the victims of the blamed killing)
            inner = next((g for g in groups if actor_group.last < g.first and g.last < m.last and g.is_actor
                          and g.prep in (None, "مع")), None)
            if inner is not None:
                recipient = group_refs(inner)
        if m.verbal and m.last + 1 < len(words) and words[m.last + 1].norm in _IN_IT:
            giver = _speech_giver(m, words, groups, lex.cues["speech_givers"])
            if giver is not None:
                # «خطاب ألقاه الأسد أمام مجلس الشعب، …، أثنى فيه على دور …»: who gave the speech
                actor, actor_group = group_refs(giver), giver
                recipient = [r for r in recipient if not actor_keys([r]) & actor_keys(actor)]
        if nisba and not actor and t.kind == "phrase" and t.type in lex.cues["symmetric"]:
            # round 33: «دوريات روسية تركية مشتركة»: the partners' adjectives inside a joint phrase
            inside: list[dict[str, Any]] = []
            for k in range(m.first, m.last + 1):
                ref = nisba.get(words[k].norm)
                if ref is not None and all(r["id"] != ref["id"] for r in inside):
                    inside.append(dict(ref, text=doc.text[words[k].start:words[k].end]))
            if len(inside) > 1:
                actor, recipient = inside[:1], inside[1:]
        if "blamed" in t.flags:
            # round 33: blame told as reported content («قالت الوكالة إن روسيا كانت وراء …»): the
            # speaker accuses; the content's subject (the victim reading's recipient) is the accused
            said = [g for g in groups if id(g) in source_groups and g.last < m.first]
            if not said and sentence_subject is not None and any(
                    words[k].norm in lex.cues["complementizers"] for k in range(sentence_subject.last + 1, m.first)):
                said = [sentence_subject]  # «ورأت طهران أن …», «اعتبرت الوكالة أن …»: an opinion verb's subject
            if not said or any(words[k].norm in lex.denial_verbs for k in range(max(0, m.first - 15), m.first)):
                continue  # «يقف الجيش وراء السياج»: no one speaks; «نفى أن تكون الفصائل وراء …»: a denial
            actor, actor_group = group_refs(said[0]), said[0]
            recipient = [r for r in recipient if not actor_keys([r]) & actor_keys(actor)]
        if _relative_to_noun(m, words, matches):
            # «بغارة استهدفت منزلاً», «قصف إسرائيلي استهدف تجمعاً»: a verb right after an indefinite
            # attack noun is a relative clause about it; its subject is that strike, so it names no
            # actor of its own (the noun's record gives it when the two are merged)
            actor, actor_group = [], None
        if (not m.verbal and t.type in purpose_masdars and m.first == m.last and actor_group is not None
                and actor_group.first > m.last and words[m.first].norm[:1] == "ل"
                and (main_subject or sentence_subject) is not None
                and (main_subject or sentence_subject).last < m.first):
            # round 37: «استدعت الخارجية التركية القائم بالأعمال الأميركي لمطالبة واشنطن بوقف …»: a
            # purpose masdar («لـ») is done by the main clause's subject; its genitive is the one asked
            doer = main_subject or sentence_subject
            recipient = [r for r in actor if not actor_keys([r]) & actor_keys(group_refs(doer))] + [
                r for r in recipient if not actor_keys([r]) & actor_keys(actor)]
            actor, actor_group = group_refs(doer), doer
        if (m.verbal and m.light is None and actor_group is None and m.anchor + 1 < len(words)
                and words[m.anchor + 1].norm in statements):
            statement_subject = True
        if m.verbal and actor_group is not None and t.kind not in ("passive",) and "victim" not in t.flags:
            prev_subject = actor_group
            if not dependent and not circumstantial_verb(m, words, lex):
                main_subject = actor_group
        if states:
            actor = _own_country(m, words, groups, lex.cues, bounds, actor, states,
                                 source_groups, _reporting_participles(lex))
            actor, recipient = own_country_genitive(m, words, groups, lex.cues["own_country"], bounds, actor,
                                                    recipient, states)
        if receiving:
            actor, recipient = received_from(m, words, groups, receive, int(rcues["roles"].get("receive_reach", 3)),
                                             bounds, actor, recipient)
        survivor = _survivor(m, words, groups, rcues) if t.type == "ASSAULT" else None
        if survivor is not None:
            # «نجا رئيس الوزراء الكاظمي فجر أمس من محاولة اغتيال»: who survives an attack is its target
            refs = group_refs(survivor)
            keys = actor_keys(refs)
            actor = [a for a in actor if not actor_keys([a]) & keys]
            recipient = refs + [r for r in recipient if not actor_keys([r]) & keys]
        if not m.verbal and "patient" not in t.flags and t.kind in ("noun", "phrase"):
            nis = nisba_agents(m, words, nisba or {}, covered, doc.text, trigger_words)
            if nis and id(m) in nisba_first:
                # «رفض مصري لتهجير الفلسطينيين»: the adjective right after the masdar is its actor
                actor, nis = nis[:1], nis[1:]
                recipient = [r for r in recipient if not actor_keys([r]) & actor_keys(actor)]
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
        if not actor and id(m) in approvals:
            actor = [a for a in approvals[id(m)] if not actor_keys([a]) & actor_keys(recipient)]
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
        if t.type == "RETREAT" and t.mode == "withdraw" and not actor and not m.verbal and t.kind == "noun":
            # «سحب جزء كبير من القوات الروسية», «انسحاب المقاتلين»: the forces that leave are the actor
            gone = withdrawn_forces(m, words, groups, bounds, sc.partitive)
            if gone is not None:
                actor = group_refs(gone)
                recipient = [r for r in recipient if not actor_keys([r]) & actor_keys(actor)]
        content_of = None
        if not actor and not m.verbal:
            actor, content_of = _inherited_actor(m, words, groups, lex.cues, events)
        if actor and recipient:
            # «سحبت القوات الروسية وحداتها»: the owned units are the actor itself, not a target
            own = actor_keys(actor)
            recipient = [r for r in recipient if not actor_keys([r]) & own]
        if "actor" in t.flags and not actor:
            continue
        if approving is not None:
            approvals[id(approving)] = actor
            continue
        if "known" in t.flags and not any(str(a.get("id") or "unresolved:").split(":")[0] not in ("unresolved", "office")
                                          for a in actor + recipient):
            continue  # round 33: «وأثنى العداء المغربي السابق …»: praise between unknown people is no event
        if t.type in lex.cues["symmetric"] and len(actor) > 1 and not recipient:
            # «اتفقت السعودية وإيران», «اجتماع لافروف وخامنئي»: one side is the actor, the
            # others the recipients (the gold convention for joint happenings); with a named
            # other side («وقّعت روسيا وإيران اتفاقاً مع سوريا») the group acts together
            actor, recipient = actor[:1], actor[1:]
        rec_group = next((g for g in groups if id(g) in used and g is not actor_group), None)
        actor, recipient = split_joint_parties(
            t.type, actor, recipient, lex.cues["symmetric"],
            None if rec_group is None or rec_group.first <= m.last else [w.norm for w in words[m.last + 1:rec_group.first]],
            sc.joint_verbs)
        if not actor and not m.verbal and t.type in lex.cues["symmetric"]:
            # «اتفاق …، توصّل إليه أردوغان وبنس», «اجتماعات … ضمّت وزراء خارجية …»: a relative
            # clause after the noun names its parties (the first is the actor: joint happenings)
            parties = relative_parties(m, words, groups, relative_verbs, verb_words, sc.relative_preps)
            if parties is not None and id(parties) not in used:
                refs = group_refs(parties)
                actor, recipient = refs[:1], (refs[1:] or recipient)
        if t.type in behalf_types:
            signed = behalf_signatories(m, words, groups, cue_words(rcues, "roles", "behalf_words"))
            if signed is not None:
                actor, recipient = signed
        etype, emode = t.type, t.mode
        if states and ("envoy" in t.flags or (etype, emode) == ("SANCTION", "relations")):
            # «استدعت الخارجية سفير بريطانيا»: the summons is addressed to the envoy's state
            recipient = _envoy_states(recipient, states)
        if etype == "ASSAULT" and actor and all(a.get("id") in crowds for a in actor):
            # «اقتحم محتجون غاضبون مبنى القنصلية الإيرانية»: protesters who storm or burn riot
            etype, emode = "PROTEST", "riot"
            recipient = recipient or riot_target(m, words, nisba or {}, int(rcues["roles"].get("riot_target_reach", 8)),
                                                 sent.text, sent.start)
        if etype == "PROTEST":
            if actor and _supporters_only(actor, groups, words, lex.cues["protest_supporters"]):
                actor = []  # «عشرات من أنصار الحركة»: the crowd, not the party (generic protesters below)
            actor, recipient = _protest_sides(actor, recipient, lex, states)
        if etype == "RETREAT" and emode == "ceasefire" and _between_follows(m, words, lex.cues):
            etype = "AGREE"  # «وقف إطلاق النار بين X وY»: a truce both sides agreed to
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
        if etype in ("SUPPORT", "AID") and actor and not recipient and _support_with(m, words, lex.cues):
            # «تواصل قوات حكومة الوفاق حشد عناصرها، بدعم عسكري تركي»: the support is a circumstance
            # of the clause before it, whose subject is the one supported
            recipient = _supported_subject(m, words, groups, actor_keys(actor), trigger_words)
        if etype in sc.speaker_act_types and states and source_groups and len(actor) == 1:
            actor = _speaking_person(actor, groups, source_groups, states)
        status = status_of(m, words, lex)
        if status is None and (content_of is not None or "pledge" in t.flags or id(m) in approvals):
            status = "planned"  # what an agreement provides for, or a pledge, is still to be done
        if status is None:
            status = "asserted"
            if source and not (source_keys and source_keys & actor_keys(actor)):
                status = "reported"
            elif source_keys and source_keys & actor_keys(actor) and etype in claim_types:
                # «أعلن حزب الله أن مقاتليه استهدفوا …»: the attacker's own word on its attack is a
                # responsibility claim (gold convention), not the article's assertion
                status = "claimed"
            if source and opinion_source(m, words, lex):
                status = "claimed"  # an analyst's or observer's reading (gold convention)
        elif (status == "planned" and etype in threat_types and actor
              and actor_keys(actor) & (source_keys | _speaker_keys(m, words, groups, lex))):
            # «قال عبد السلام إن قواته ستواصل استهداف السفن»: an attack its own side announces it
            # will carry out is a threat, stated now (cues.yaml `announced_attack_types`)
            etype, emode, status = "THREATEN", "violence", "asserted"
        used_keys = actor_keys(actor) | actor_keys(recipient)
        location = find_location(m, args, lex, bounds, used_keys)
        if location is not None and etype in statement_types:
            # a statement's place is only one fronted before it («وفي بيروت، … حذّر»); a place after
            # it is the topic of what is said (cues.yaml ``statement_types``)
            spot = next((a for a in args if a.place is location), None)
            if spot is None or not _fronted_place(spot, m, words):
                location = None
        if etype == "CONSULT" and emode == "host" and actor_group is not None and actor_group.members[0].place \
                and len(actor_group.members) == 1 and actor_keys(actor) == {actor_group.members[0].key}:
            # «استضافت طهران قمة جمعت …», «تستضيف روسيا القمة المقبلة»: a hosting place is where the
            # meeting happens; with the parties named, the first of them is the actor (joint happenings)
            host = actor_group.members[0]
            place = host.place
            if not place.get("name_en") and host.actor and host.actor.get("name_en"):
                # a country named as the host («تستضيف روسيا») carries no gazetteer entry of its own
                place = dict(place, name_en=host.actor["name_en"], country=host.actor.get("country"))
            location = location or place
            if len(recipient) > 1:
                actor, recipient = recipient[:1], recipient[1:]
        elif (etype == "CONSULT" or etype == "AGREE" and _venue_noun(words[m.first].norm, venue_nouns)) \
                and not m.verbal and actor_group is not None and len(actor_group.members) == 1 \
                and actor_group.first == m.last + 1 and str(actor_group.members[0].mention.place_id or "").startswith("gn:") \
                and actor_keys(actor) == {actor_group.members[0].key}:
            # «قمة طهران», «محادثات جدة», «اتفاق بريتوريا»: a city right after a meeting or agreement noun
            # names its venue, not a party
            location, actor = actor_group.members[0].place, []
        if not recipient and etype == "CONSULT" and location and states:
            host = visited_state(m, location, actor, states)
            if host is not None:  # «زيارة ولايتي إلى موسكو»: the host state is the other side
                recipient = [host]
        if etype == "CONSULT" and t.mode == "visit" and all(r.get("sector") == "GOV" and not r.get("role")
                                                           for r in recipient):
            # «… تلبية لدعوة من نظيره الباكستاني»: the inviter is the one visited (over the host state)
            inviter = invitation_host(m, words, groups, cue_words(lex.cues["raw"], "roles", "invitation_words"),
                                      bounds[1])
            refs = group_refs(inviter) if inviter is not None else []
            if refs and not actor_keys(refs) & actor_keys(actor):
                recipient = refs
        if date_candidates is None:
            date_candidates = event_date_candidates(words, dates)
        picked = pick_event_date(m, words, dates, date_candidates)
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
        definite = _definite_noun(words[m.first].norm, lex)
        # «تلك الغارات», «هذا الهجوم»: a demonstrative points back to a happening already told
        pointed = definite and m.first > 0 and words[m.first - 1].norm in lex.cues["demonstratives"]
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
            "_anaphoric": not m.verbal and (pointed or definite and not actor and not recipient),
            # «خلال زيارته», «نتائج محادثاته مع الأسد»: a possessed masdar refers back like a definite
            # one, unless a name follows as its object («خلال استقباله أردوغان»: a new meeting)
            "_definite": not m.verbal and (definite or (_possessed_noun(words[m.first].norm, lex) and not any(
                g.first == m.last + 1 for g in groups))),
            "_pointed": pointed and not m.verbal,
            # «حصيلة الغارات»: a definite noun with no agent of its own retells a happening already
            # told with the same word (see _same_happening)
            "_retold": t.lemma if not m.verbal and definite and not actor else None, "_lemma": t.lemma,
            "_kind": "verbal" if m.verbal else t.kind, "_restated": 0,
            "_subject": _announced_own_act(m, words, sentence_subject, lex, opener),
            # «تعرّضت السعودية لهجوم»: the text names who suffered the attack (kept over the floor)
            # (and «نجا X من محاولة اغتيال»: the survivor, see _survivor)
            # round 33: «ودخل وقف إطلاق النار حيز التنفيذ»: a ceasefire that takes effect is a happening
            # even when the sentence names no party (kept past the participant filter and the floor)
            "_in_force": etype == "RETREAT" and emode == "ceasefire" and _takes_effect(m, words, lex.cues),
            "_exposed": bool(t.type == "ASSAULT" and recipient and not actor and (survivor is not None or (
                m.light is None and exposed_subject(words, m.first, groups, lex.cues["raw"], set()) is not None))),
        }))
    events = fold_visits(split_meetings(events))
    _attack_objects(events, matches, words, groups, lex, opens, states)
    _threat_targets(events, words, groups, nisba)
    nisba_targets(events, words, nisba or {}, forces, lex.cues["raw"])  # «مواقع عسكرية إسرائيلية»
    released_nationals(events, words, nisba or {}, lex.cues["raw"])  # «أفرجت عن 13 محتجزاً إسرائيلياً»
    _accused_acts(events, words, sc.accused_types)
    events = conditional_events(events, words, lex)  # «إذا هاجمت …»: hypothetical; «فإن … سترد»: a threat
    events = _split_places(events, args, groups, matches)
    # «غرفة عمليات في بغداد وثانية في دمشق», «في 3 نقاط …، و4 مواقع أخرى في …»: one more happening
    events, elided = _elliptic_places(events, words, args, matches, quantities, lex)
    motive = cue_words(lex.cues["raw"], "roles", "motive_words")
    if motive.isdisjoint(word_types(words)):
        motive = frozenset()  # no motive word in the sentence: no toll is a motive
    # «رداً على مقتل سليماني»: the deed answered is no part of the attack (round 30)
    for m, ev in events if motive else ():
        ev["_pointed"] = ev["_pointed"] or _motive_toll(m, ev, words, motive)
    events = _merge(events)
    events = _merge_tolls(events, words, motive)
    for _m, ev in events:
        if ev["actor"] and ev["recipient"]:
            # two readings merged into one may bring the actor back as its own target
            own = actor_keys(ev["actor"])
            ev["recipient"] = [r for r in ev["recipient"] if not actor_keys([r]) & own]
    for q in quantities:
        if q.index in elided:
            continue  # the count of an elided happening (already on it)
        best, best_d = None, 10**9
        for m, ev in events:
            if ev["type"] in lex.cues["q_types"].get(q.key, ()):
                d = abs(q.index - m.first)
                if d < best_d:
                    best, best_d = ev, d
        if best is not None:
            best["quantities"].setdefault(q.key, q.value)
    return [ev for _, ev in events]


def _venue_noun(w: str, nouns: frozenset[str]) -> bool:
    """Whether a trigger word is an agreement's name noun («اتفاق», «واتفاقية»), which a city after it
    names by its venue («اتفاق بريتوريا»); «موافقة بغداد» is Baghdad's consent."""
    return any(w[k:] in nouns for k in range(0, 4) if len(w) - k >= 4)


def _fronted_place(spot: Any, m: Match, words: list[Word]) -> bool:
    """Whether a place is fronted before the trigger as the scene of the whole clause: «وفي بيروت،
    التقى … وحذّر …» (the sentence opens with the place phrase, closed by a comma) or «في طهران،
    حذّر …» right before the trigger. A place inside an earlier clause («… القتال في سوريا وترفض
    طهران …», «… في بلدة بليون جنوبي إدلب، اتهمت أنقرة …») is that clause's, not the statement's."""
    if spot.first >= m.first or spot.last + 1 >= len(words):
        return False
    closed = "،" in words[spot.last + 1].punct or "," in words[spot.last + 1].punct
    opening = spot.first <= 2 and not any(words[k].breaks_before for k in range(1, spot.first + 1))
    # right before the trigger, the place phrase must open its own clause («…، في طهران، حذّر»)
    own_clause = any(j == 0 or words[j].breaks_before for j in range(max(0, spot.first - 3), spot.first))
    return closed and (opening or spot.last + 1 == m.first and own_clause)


def _elliptic_forces(args: list[Any], words: list[Word], forces: dict[tuple[str, str], dict[str, Any]]) -> None:
    """«القوات الروسية والتركية»: a state adjective coordinated right after a force named by a head
    noun and a nisba shares that head noun, so it names the other state's force of that kind (the
    Turkish forces), not the state."""
    for p, a in zip(args, args[1:], strict=False):
        if (a.first != a.last or a.first != p.last + 1 or p.last != p.first + 1 or a.actor is None
                or p.actor is None or not words[a.first].norm.startswith("وال")):
            continue
        head = words[p.first].norm
        head = head[2:] if head.startswith("ال") else head
        country = a.actor.get("country")
        if a.actor.get("id") != country and (head, p.actor.get("country")) in forces and country:
            force = forces.get((head, str(country)))
            if force is not None and a.actor.get("sector") != "MIL":
                a.actor = {**force, "text": a.mention.text}
                a.key = force.get("id") or a.key


def _support_with(m: Match, words: list[Word], cues: dict[str, Any]) -> bool:
    """Whether a support noun is a circumstance glued with ب («بدعم من», «وبإسناد جوي أمريكي»)."""
    return not m.verbal and words[m.first].norm in cues["support_with"]


def _supported_subject(m: Match, words: list[Word], groups: list[Group], own: set[str],
                       trigger_words: frozenset[int] = frozenset()) -> list[dict[str, Any]]:
    """The nearest bare actor group before a circumstantial support noun, in the same unit.

    A group right after another trigger word is that word's object («حشد عناصرها»), skipped.
    """
    for g in reversed(groups):
        if g.last >= m.first or not g.is_actor or g.attribute or g.first - 1 in trigger_words:
            continue
        if any(words[k].hard_before for k in range(g.last + 1, m.first + 1)):
            return []
        if g.prep is None and not actor_keys(group_refs(g)) & own:
            return group_refs(g)
    return []


def _attack_after(m: Match, words: list[Word], matches: list[Match], reach: int = 6,
                  groups: list[Group] | None = None) -> Match | None:
    """The attack noun a statement governs («دان ميقاتي «الاعتداء الإسرائيلي»», «ووصف الهجوم»,
    «تهديده بشن عملية عسكرية ضد …»): the first ASSAULT trigger up to ``reach`` words after it,
    in the same unit. A subject right after a verb («وندّد المتحدث باسم الخارجية الإيرانية ناصر
    كنعاني بالضربات») is not counted: a long title must not put the object out of reach."""
    end = m.last
    for g in groups or ():
        if g.start == m.last + 1 and g.prep is None and g.is_actor:
            end = g.last  # VSO: the object comes after the whole subject
            break
    for o in matches:
        if o.trigger.type == "ASSAULT" and m.last < o.first <= end + reach and not any(
                words[k].hard_before for k in range(m.last + 1, o.first + 1)):
            return o
    return None


def _attack_objects(events: list[tuple[Match, dict[str, Any]]], matches: list[Match], words: list[Word],
                    groups: list[Group], lex: Lexicon, opens: frozenset[int],
                    states: dict[str, dict[str, Any]] | None = None) -> None:
    """The other side of a statement about an attack.

    Condemning an attack accuses its perpetrator: «ودان ميقاتي «الاعتداء الإسرائيلي»» → Israel is
    the recipient; when the attack has no actor in the sentence («ووصف الهجوم بأنه «وحشي»») the
    document-level pass gives it the perpetrator of the latest attack told (``_attack_object``).
    A threat of an attack targets the attack's target: «جدد تهديده بشن عملية عسكرية ضد «وحدات
    حماية الشعب»».
    """
    reactions = frozenset(lex.cues["raw"].get("roles", {}).get("reaction_types") or ())
    objects = frozenset(lex.cues["raw"].get("roles", {}).get("reaction_object_types") or ())
    for m, ev in events:
        if ev["recipient"] or ev["type"] not in ("ACCUSE", "THREATEN"):
            if ev["type"] in reactions:
                _reaction_object(m, ev, events, words, groups, objects, lex.cues["symmetric"], states)
            continue
        att = _attack_after(m, words, matches, groups=groups)
        if att is None:
            if ev["type"] in reactions:
                _reaction_object(m, ev, events, words, groups, objects, lex.cues["symmetric"], states)
            continue
        own = actor_keys(ev["actor"])
        if ev["type"] == "ACCUSE":
            target = next((e for o, e in events if o is att), None)
            if target is not None and target["actor"] and not actor_keys(target["actor"]) & own:
                ev["recipient"] = list(target["actor"])
            elif target is None or not target["actor"]:
                ev["_attack_object"] = True
        else:
            bounds = _bounds(att, matches, words, opens, lex.cues["implicit_subject"])
            _, recipient, _, _ = assign_roles(att, words, groups, lex, bounds, set(), None)
            recipient = [r for r in recipient if not actor_keys([r]) & own]
            if recipient:
                ev["recipient"] = recipient


# Words of a threat's content read for the state it targets («بمواصلة استهداف أي وجود عسكري إيراني»).
_THREAT_REACH = 8


def _threat_targets(events: list[tuple[Match, dict[str, Any]]], words: list[Word], groups: list[Group],
                    nisba: dict[str, dict[str, Any]] | None) -> None:
    """The state a threat targets when the threatened act names it only by an adjective.

    «هدد ليبرمان بمواصلة استهداف أي وجود عسكري إيراني», «مهدداً بإسقاط أي طائرة إسرائيلية مسيرة»:
    a THREATEN with no recipient whose content opens with «بـ» (a masdar or «بأن») takes the first
    state nisba in that content (up to eight words, in its clause), unless it is the threatener's
    own state. A named group there is the attack's target already (``_attack_objects``).
    """
    if not nisba:
        return
    for m, ev in events:
        if ev["type"] != "THREATEN" or ev["recipient"]:
            continue
        k = m.last + 1
        for g in groups:
            if g.start == k and g.prep is None and g.is_actor:
                k = g.last + 1  # VSO: the content comes after the subject
                break
        if k >= len(words) or not words[k].norm.startswith("ب") or words[k].breaks_before:
            continue
        own = {str(r.get("country") or "") for r in ev["actor"]} | {str(r.get("id")) for r in ev["actor"]}
        for j in range(k, min(len(words), k + _THREAT_REACH)):
            if j > k and (words[j].hard_before or words[j].breaks_before):
                break
            w = words[j].norm
            ref = nisba.get(w) or (nisba.get(w[1:]) if w[:1] == "و" else None)
            if ref is not None:
                if not own & {str(ref.get("id")), str(ref.get("country") or "")}:
                    ev["recipient"] = [dict(ref, text=_surface(words, j, ev))]
                break
            # «متوعداً بتوسيع بنك الأهداف داخل المملكة»: a state named in the content is its target too
            state = next((a for g in groups if g.first == j and g.is_actor for a in g.members
                          if a.actor is not None and a.mention.label == "GPE"), None)
            if state is not None:
                if not own & {str(state.actor.get("id")), str(state.actor.get("country") or "")}:
                    ev["recipient"] = [state.actor]
                break


def _surface(words: list[Word], j: int, ev: dict[str, Any]) -> str:
    """The surface of word ``j`` (from the event's evidence: words hold document offsets)."""
    ev_start = ev["evidence"]["start"]
    return ev["evidence"]["text"][words[j].start - ev_start:words[j].end - ev_start]


def _accused_acts(events: list[tuple[Match, dict[str, Any]]], words: list[Word], types: frozenset[str]) -> None:
    """«اتهمت «قسد» الجيش التركي بقصف قرى», «اتهم نصر الله إسرائيل بإرسال طائرتين»: the act an
    accusation names after «بـ» was done by the accused, so the accused is that act's actor when the
    act has none of its own (up to twelve words on, in the same unit). The act is the accuser's
    word, not the article's: reported, with the accuser as its source. ``types``: the acts so read
    (cues.yaml ``accused_act_types``; «اتهمها بدعم الإرهاب» is an accusation, not a support event)."""
    for m, ev in events:
        if ev["type"] != "ACCUSE" or ev["mode"] != "accuse" or not ev["recipient"]:
            continue
        accused = actor_keys(ev["recipient"])
        for o, other in events:
            if (other["actor"] or other["type"] not in types or not m.last < o.first <= m.last + 12
                    or not words[o.first].norm.startswith("ب")
                    or any(words[k].hard_before for k in range(m.last + 1, o.first + 1))):
                continue
            other["actor"] = list(ev["recipient"])
            other["recipient"] = [r for r in other["recipient"] if not actor_keys([r]) & accused]
            if other["status"] == "asserted" and ev["actor"]:
                other["status"] = "reported"
                other["source"] = other["source"] or ev["actor"][0].get("name_en") or ev["actor"][0].get("text")


_TO = frozenset({norm_word("إلى"), norm_word("الى")})
# «خلاله», «خلالها», «أثناءه»: during the happening just told
_DURING_IT = frozenset(norm_word(p + s) for p in ("خلال", "أثناء") for s in POSSESSIVE_SUFFIXES)


def _between_follows(m: Match, words: list[Word], cues: dict[str, Any]) -> bool:
    """Whether «بين» opens the trigger's parties within three words after it (same unit)."""
    for k in range(m.last + 1, min(len(words), m.last + 4)):
        if words[k].hard_before:
            return False
        if words[k].norm in cues["between"]:
            return True
    return False


def _split_places(events: list[tuple[Match, dict[str, Any]]], args: list[Any], groups: list[Group],
                  matches: list[Match] = ()) -> list[tuple[Match, dict[str, Any]]]:
    """One event per place: a happening located in coordinated places («استقرارها في درعا
    والقنيطرة», «غارات على إدلب وحماة») is one event in each (gold convention: one event per
    actor pair, type and location). Places past another verb trigger belong to that verb's clause
    («أطلقت عملية … ضد قسد، وسيطرت على مدينتي تل أبيض ورأس العين»): the happening keeps one."""
    out = []
    verbs = [o.anchor for o in matches if o.verbal and o.light is None]
    for m, ev in events:
        out.append((m, ev))
        loc = ev["location"]
        if not loc:
            continue
        group = next((g for g in groups if any(a.place is loc for a in g.members)), None)
        if group is None or len(group.members) < 2:
            continue
        if any(max(m.last, m.anchor) < v < group.first for v in verbs):
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


def _ellipsis_markers(words: list[Word], quantities: list[Any], cues: dict[str, Any]) -> list[tuple[int, int, Any]]:
    """Where a clause names a second happening by its place only: ``(first word, last word, count)``.

    «وثانية», «وأخرى» (an ordinal or "other" word glued to «و»), or «و» + a number + a noun + an
    "other" word («و4 مواقع أخرى», «وثلاثة مواقع إضافية»; the count is that quantity).
    """
    # (each kind of marker only when one of its words is in the sentence at all)
    present = word_types(words)
    out: list[tuple[int, int, Any]] = [(k, k, None) for k, w in enumerate(words) if w.norm in cues["ordinals"]
                                       ] if not cues["ordinals"].isdisjoint(present) else []
    for q in quantities if not cues["others"].isdisjoint(present) else ():
        j = q.index
        if words[j].norm == "و" or not (j > 0 and words[j - 1].norm == "و" or words[j].norm.startswith("و")):
            continue
        start = j - 1 if j > 0 and words[j - 1].norm == "و" else j
        other = next((k for k in range(j + 1, min(j + 4, len(words))) if words[k].norm in cues["others"]), None)
        if other is not None and not any(words[k].breaks_before for k in range(j + 1, other + 1)):
            out.append((start, other, q))
    return sorted(out, key=lambda x: x[0])


def _elliptic_places(events: list[tuple[Match, dict[str, Any]]], words: list[Word], args: list[Any],
                     matches: list[Match], quantities: list[Any], lex: Lexicon
                     ) -> tuple[list[tuple[Match, dict[str, Any]]], set[int]]:
    """Event ellipsis: a second happening of the same kind told with its place only.

    «حيث أنشئت غرفة عمليات في بغداد وثانية في دمشق», «استقرت … في 3 نقاط عسكرية في محافظة إدلب، و4
    مواقع أخرى في جنوب العاصمة دمشق»: after a placed event, a marker (:func:`_ellipsis_markers`,
    triggers.yaml ``ellipsis``) followed closely by another place, with no other verb trigger between,
    is one more event of the same type and participants at that place (gold convention: one event per
    place), with the marker's count as its quantity. Returns the events and the word indices of the
    counts so used.
    """
    cues = lex.cues["ellipsis"]
    markers = _ellipsis_markers(words, quantities, cues) if events else []
    if not markers:
        return events, set()
    verbs = [o.anchor for o in matches if o.verbal and o.light is None]
    places = [a for a in args if a.place is not None]
    used: set[int] = set()
    out = list(events)
    for start, end, q in markers:
        there = next((a for a in places if end < a.first <= end + cues["reach"]
                      and not any(words[k].breaks_before for k in range(end + 1, a.first + 1))), None)
        if there is None:
            continue
        # the happening told last before the marker, in its clause, with a place of its own before it
        cands = [(m, ev) for m, ev in events if ev["location"] and max(m.last, m.anchor) < start <= m.last + 16
                 and not any(max(m.last, m.anchor) < v < start for v in verbs)
                 and any(m.last < a.first and a.last < start for a in places)]
        if not cands:
            continue
        m, ev = max(cands, key=lambda x: x[0].last)
        key = _place_key(there.place)
        if key in {_place_key(e["location"]) for o, e in out if o is m}:
            continue
        count = {q.key: q.value} if q is not None and ev["type"] in lex.cues["q_types"].get(q.key, ()) else {}
        if count:
            used.add(q.index)
        out.append((m, {**ev, "location": there.place, "quantities": count}))
    return out, used


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
            if near and _compatible(ev, ev2) and not ev["_pointed"] and not ev2["_pointed"]:
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
        # «وجاءت الغارات بعد ساعات من هجوم تبنته الجماعة»: a new happening merged into a
        # definite noun keeps the record from being read as a mere reference back
        target["_anaphoric"] = target["_anaphoric"] and ev["_anaphoric"]
        target["_definite"] = target["_definite"] and ev["_definite"]
        if _STATUS_RANK[ev["status"]] > _STATUS_RANK[target["status"]]:
            target["status"] = ev["status"]
        target["confidence"] = round(min(0.95, max(target["confidence"], ev["confidence"]) + 0.05), 2)
    return out


def _reaction_object(m: Match, ev: dict[str, Any], events: list[tuple[Match, dict[str, Any]]],
                     words: list[Word], groups: list[Group], types: frozenset[str],
                     symmetric: frozenset[str], states: dict[str, dict[str, Any]] | None,
                     reach: int = 3) -> None:
    """The other side of a reaction to a happening other than an attack.

    «ورحبت طهران بالاتفاق بين موسكو وأنقرة», «أعربت الخارجية الأمريكية عن قلقها إزاء توقيف
    الغنوشي»: whoever welcomes, condemns or rejects a happening (cues.yaml ``roles.reaction_types``)
    addresses those who made it: the parties of a joint happening (``symmetric``), else its actor.
    The happening is the first trigger of ``roles.reaction_object_types`` up to ``reach`` words after
    the reaction (its subject aside), in the same unit. When the sentence names no maker of it, the
    document-level pass looks back for the latest happening of that type (``_reaction_type``).
    """
    end = m.last
    for g in groups:
        if g.start == m.last + 1 and g.prep is None and g.is_actor:
            end = g.last
            break
    own = actor_keys(ev["actor"])
    for o, e in events:
        if e is ev or e["type"] not in types or not (m.last < o.first <= end + reach) or any(
                words[k].hard_before or "،" in words[k].punct or "," in words[k].punct
                for k in range(end + 1, o.first + 1)):  # quotation marks may close the reaction's noun
            continue
        if ev["recipient"] and (e["type"] in symmetric
                                or not actor_keys(ev["recipient"]) <= actor_keys(e["recipient"])):
            return  # a recipient of its own, not just the victim of the happening reacted to
        makers = _joint_makers(e, symmetric, own, states)
        if e["actor"] and makers:
            ev["recipient"] = makers
        elif not e["actor"]:
            # «قلقها إزاء توقيف الغنوشي»: the victim is not whom the concern addresses
            ev["_reaction_type"] = (e["type"], e["recipient"], bool(ev["recipient"]))
        return


def _joint_makers(e: dict[str, Any], symmetric: frozenset[str], own: set[str],
                  states: dict[str, dict[str, Any]] | None) -> list[dict[str, Any]]:
    """Who made a happening, as a reaction to it names them: its actor, or for a joint happening
    its parties, each government party (an official or a ministry) given as its state («ورحب
    غوتيريش بالاتفاق» after «ووقع الاتفاق شمخاني والعيبان» → Iran and Saudi Arabia: states agree),
    a party the knowledge base does not know dropped when a known one is left."""
    if e["type"] not in symmetric:
        return [dict(r) for r in e["actor"] if not actor_keys([r]) & own]
    out: list[dict[str, Any]] = []
    for r in [*e["actor"], *e["recipient"]]:
        if states and r.get("sector") == "GOV" and r.get("country") in states:
            r = states[r["country"]]
        if actor_keys([r]) & own or any(actor_keys([r]) & actor_keys([x]) for x in out):
            continue
        out.append(dict(r))
    known = [r for r in out if not r.get("unresolved")]
    return known or out


def _reacted_makers(events: list[dict[str, Any]], symmetric: frozenset[str],
                    states: dict[str, dict[str, Any]] | None = None, window: int = 30) -> None:
    """A reaction whose happening names no maker (``_reaction_type``, see :func:`_reaction_object`)
    addresses the makers of the latest happening of that type told before it, up to ``window``
    events back, with the same victims when the sentence names them («توقيف الغنوشي»)."""
    for i, ev in enumerate(events):
        got = ev.pop("_reaction_type", None)
        if got is None or (ev["recipient"] and not got[2]):
            continue
        etype, victims, _ = got
        keys = actor_keys(victims)
        own = actor_keys(ev["actor"])
        for prev in reversed(events[max(0, i - window):i]):
            if prev["type"] != etype or not prev["actor"] or prev["status"] == "negated":
                continue
            if keys and not actor_keys(prev["recipient"]) & keys:
                continue
            makers = _joint_makers(prev, symmetric, own, states)
            if makers:
                ev["recipient"] = makers
            break


def _condemned_perpetrators(events: list[dict[str, Any]]) -> None:
    """«ووصف الهجوم بأنه «وحشي وجبان»»: a condemned attack that names no perpetrator is the one
    already told; whoever carried out the latest attack of the article is accused."""
    last: list[dict[str, Any]] = []
    for ev in events:
        if ev["type"] == "ASSAULT" and ev["actor"] and ev["status"] != "negated":
            last = ev["actor"]
        elif ev.pop("_attack_object", False) and last and not ev["recipient"] and not (
                actor_keys(last) & actor_keys(ev["actor"])):
            ev["recipient"] = list(last)


def _toll(m: Match, ev: dict[str, Any]) -> bool:
    """A killing reported without its killer («قُتل 14 شخصاً», «مقتل ثلاثة جنود», «أودى بحياة …»)."""
    return ev["type"] == "ASSAULT" and not ev["actor"] and (m.trigger.mode == "kill" or m.trigger.kind == "passive")


def _motive_toll(m: Match, ev: dict[str, Any], words: list[Word], motive: frozenset[str]) -> bool:
    """A toll right after a motive word («رداً على مقتل …», «انتقاماً لمقتل …»)."""
    return _toll(m, ev) and any(words[k].norm in motive for k in range(max(0, m.first - 2), m.first))


def _merge_tolls(events: list[tuple[Match, dict[str, Any]]], words: list[Word] | None = None,
                 motive: frozenset[str] = frozenset()) -> list[tuple[Match, dict[str, Any]]]:
    """A toll and the attack of the same sentence are one happening.

    «قُتل ثلاثة أشخاص … بضربة نفذتها طائرة أمريكية», «هجوم بطائرة مسيّرة … أسفر عن مقتل ثلاثة
    جنود»: the killing with no killer named is what the attack did. It is folded into the nearest
    other ASSAULT record of the sentence (not one a demonstrative points back to), which keeps its
    trigger and actor and takes the victims when it has none; place, date and source fill gaps.
    A toll after a motive word (``motive``: «رداً على مقتل سليماني», «انتقاماً لمقتل …») is the deed
    the attack answers, not what it did (round 30).
    """
    if len(events) < 2:
        return events
    dropped: set[int] = set()
    for m, ev in events:
        if not _toll(m, ev):
            continue
        if words and _motive_toll(m, ev, words, motive):
            continue
        others = [(m2, e2) for m2, e2 in events if e2 is not ev and id(e2) not in dropped
                  and e2["type"] == "ASSAULT" and not e2["_pointed"] and not _toll(m2, e2)]
        if not others:
            continue
        _, target = min(others, key=lambda p: abs(p[0].first - m.first))
        linked = [r for r in ev["recipient"] if r.get("id")]
        if not target["recipient"] or (linked and not any(r.get("id") for r in target["recipient"])):
            target["recipient"] = ev["recipient"]  # the victims named by the toll, over an unknown name
        for key in ("location", "date", "source"):
            if not target[key] and ev[key]:
                target[key] = ev[key]
                if key == "date":
                    target["date_precision"], target["date_text"] = ev["date_precision"], ev["date_text"]
        if _STATUS_RANK[ev["status"]] > _STATUS_RANK[target["status"]]:
            target["status"] = ev["status"]
        target["_anaphoric"] = target["_anaphoric"] and ev["_anaphoric"]
        dropped.add(id(ev))
    return [(m, ev) for m, ev in events if id(ev) not in dropped]


def _concrete(ev: dict[str, Any]) -> bool:
    """Whether an event names who took part (or, for violence, states numbers).

    A trigger with no participant at all is almost always a generic or abstract use («التعاون
    العسكري», «معركتي حلب والرقة» as a subheading, «الدعم» as a topic); the gold conventions annotate
    happenings with their actors, so such triggers only add noise. Casualty reports without a
    named perpetrator («قُتل 14 شخصاً في غارات») keep their event when they give numbers.
    """
    if ev["actor"] or ev["recipient"] or ev.get("_in_force"):
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


def _same_happening(a: dict[str, Any], b: dict[str, Any], symmetric: frozenset[str] = frozenset()) -> bool:
    """Two events of one document that describe one happening (issue 6: one event per happening).

    Same type, the participants of one included in those of the other, and no conflicting date or
    place. Roles may be swapped only for the joint types ``symmetric`` (cues.yaml
    ``roles.symmetric_types``: «التقى الأسد خامنئي» / «استقبل خامنئي الأسد»); for a directed one
    (an accusation, an attack) the actor of one being the other's target means two happenings.
    """
    if a["type"] != b["type"] or a.get("_claim_apart") or b.get("_claim_apart"):
        return False
    if b.get("_retold") and b["_retold"] == a.get("_lemma") and a["actor"] and not b["actor"]:
        # «بعد ثلاثة أيام من الغارات الإسرائيلية» … «حصيلة الغارات ارتفعت إلى 44 قتيلاً»: the
        # definite noun without an agent names the strikes told before, wherever it is placed
        return (a["status"] == "negated") == (b["status"] == "negated") and _dates_compatible(a["date"], b["date"])
    pa = actor_keys(a["actor"]) | actor_keys(a["recipient"])
    pb = actor_keys(b["actor"]) | actor_keys(b["recipient"])
    headline = a.get("_headline") or b.get("_headline")
    if not (pa & pb) or not (headline or pa <= pb or pb <= pa):
        return False
    if a["type"] not in symmetric and _reversed(a, b):
        return False
    if (a["status"] == "negated") != (b["status"] == "negated"):
        return False
    if not _dates_compatible(a["date"], b["date"]):
        return False
    if headline:
        # a headline restates the body's main happenings in short: a shared participant is enough,
        # and its place is the rougher one («في غزة» for the body's «قطاع غزة»)
        return True
    la, lb = _place_key(a["location"]), _place_key(b["location"])
    return la is None or lb is None or la == lb or _within(a["location"], b["location"]) \
        or _within(b["location"], a["location"])


def _reversed(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Whether one event's actor is only a recipient in the other («حمّلت النهضة سعيّد المسؤولية»
    / «يتهمهم سعيّد بالتآمر»): for a directed happening these are two acts, not one retold."""
    aa, ar = actor_keys(a["actor"]), actor_keys(a["recipient"])
    ba, br = actor_keys(b["actor"]), actor_keys(b["recipient"])
    return bool((aa & (br - ba)) or (ba & (ar - aa)))


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


def _headline_restatements(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Drop a headline event left unmerged when the body tells a happening of its type.

    A headline restates the lead in few words, and its participants are the ones the recogniser
    reads worst (a name glued to the next verb, «وانفصاليو قره باغ يعقدون»; a city read as the state
    acting, «تفجيري مقديشو»). When no participant links it to the body's event of the same type,
    the body's record is the one to keep; a headline type the body never tells stays.
    """
    body_types = {ev["type"] for ev in events if not ev["_headline"]}
    return [ev for ev in events if not (ev["_headline"] and ev["type"] in body_types)]


def _merge_document(events: list[dict[str, Any]], symmetric: frozenset[str] = frozenset()) -> list[dict[str, Any]]:
    """Fold repeated mentions of one happening into its first record.

    The richer record (more participants and arguments) gives the participants and the evidence;
    missing place, date, source and numbers are filled from the others. A happening restated
    several times is more certain, so confidence rises a little with each restatement.
    """
    kept: list[dict[str, Any]] = []
    # the records kept so far by type (a merge never changes a record's type): an event is compared
    # only with those of its own type, in the order they were kept
    by_type: dict[str, list[dict[str, Any]]] = {}
    for ev in events:
        same = by_type.get(ev["type"])
        target = None if same is None else next((k for k in same if _same_happening(k, ev, symmetric)), None)
        if target is None:
            kept.append(ev)
            if same is None:
                by_type[ev["type"]] = [ev]
            else:
                same.append(ev)
            continue
        _fold_into(target, ev)
    return kept


def _fold_into(target: dict[str, Any], ev: dict[str, Any]) -> None:
    """Fold ``ev``, a later record of the happening ``target`` records, into ``target``."""
    # the body states the happening more exactly than its headline: its participants win
    if _richness(ev) > _richness(target) or (target["_headline"] and not ev["_headline"] and ev["actor"]):
        for key in ("actor", "recipient", "evidence", "trigger", "mode", "cameo", "status", "source"):
            ev_val = ev[key]
            if key in ("mode", "cameo", "source") and not ev_val:
                continue
            target[key] = ev_val
    if _within(target["location"], ev["location"]) or (target["_headline"] and ev["location"]):
        target["location"] = ev["location"]  # the city (or the body's place) is the finer statement
    target["_headline"] = target["_headline"] and ev["_headline"]
    if (not target["source"] and ev["source"] and ev["status"] == "reported" and target["status"] == "asserted"
            and set(ev["quantities"]) - set(target["quantities"])):
        target["status"] = "reported"  # the figures come from that source («أعلنت الوزارة أن حصيلة …»)
    for key in ("location", "date", "source"):
        if not target[key] and ev[key]:
            target[key] = ev[key]
            if key == "date":
                target["date_precision"], target["date_text"] = ev["date_precision"], ev["date_text"]
    if _refines(ev["date"], target["date"]):
        # a restatement that pins the date down («منذ عدة أشهر» … «خلال الأسبوع الماضي»): the finer
        # date wins when it falls inside the coarser one, never when the two disagree
        target["date"], target["date_precision"], target["date_text"] = ev["date"], ev["date_precision"], ev["date_text"]
    for k, v in ev["quantities"].items():
        target["quantities"].setdefault(k, v)
    if not target["recipient"] and ev["recipient"]:
        target["recipient"] = ev["recipient"]
    target["_restated"] += 1 + ev["_restated"]
    if ev["_kind"] == "verbal":
        target["_kind"] = "verbal"


def _refines(finer: str | None, coarser: str | None) -> bool:
    """True when ``finer`` (YYYY-MM-DD / YYYY-MM) is a strictly more exact date inside ``coarser``."""
    if not finer or not coarser or "/" in finer or "/" in coarser or len(finer) <= len(coarser):
        return False
    return finer.startswith(coarser + "-")


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


# The names of :func:`confidence_features`, in the order its values are summed.
_FEATURE_NAMES = ("verbal", "phrase", "actor", "recipient", "both", "linked", "restated", "location", "date",
                  "numbers", "hedged", "reported")


def _feature_values(ev: dict[str, Any]) -> tuple[float, ...]:
    """The values of :func:`confidence_features`, in ``_FEATURE_NAMES`` order."""
    actor, recipient, status = ev["actor"], ev["recipient"], ev["status"]
    linked = any(a.get("id") and not str(a["id"]).startswith("unresolved") for a in actor + recipient)
    return (float(ev["_kind"] == "verbal"), float(ev["_kind"] == "phrase"), float(bool(actor)),
            float(bool(recipient)), float(bool(actor) and bool(recipient)), float(linked),
            float(min(ev["_restated"], 3)), float(bool(ev["location"])), float(bool(ev["date"])),
            float(bool(ev["quantities"])), float(status in ("claimed", "planned")), float(status == "reported"))


def confidence_features(ev: dict[str, Any]) -> dict[str, float]:
    """What the calibrated confidence looks at (names match ``confidence`` in cues.yaml)."""
    return dict(zip(_FEATURE_NAMES, _feature_values(ev), strict=True))


_WEIGHT_ROWS: list[tuple[Any, tuple[float, tuple[float, ...]]]] = [(None, (0.0, ()))]


def calibrated_confidence(ev: dict[str, Any], weights: dict[str, float]) -> float:
    """Logistic confidence from :func:`confidence_features` (weights fitted on the dev sets)."""
    last = _WEIGHT_ROWS[0]
    if last[0] is weights:
        bias, row = last[1]
    else:  # the weights in feature order, read once per weights table (one tuple, swapped whole)
        bias, row = weights.get("bias", 0.0), tuple(weights.get(k, 0.0) for k in _FEATURE_NAMES)
        _WEIGHT_ROWS[0] = (weights, (bias, row))
    # (the same products summed in the same order as over the features' dict)
    z = bias + sum(map(mul, row, _feature_values(ev)))
    return round(min(0.99, max(0.01, 1.0 / (1.0 + math.exp(-z)))), 2)


def _trace(trace: list[tuple[str, list[dict[str, Any]]]] | None, step: str,
           events: list[dict[str, Any]]) -> None:
    """Record copies of the candidates after a step (see ``trace`` of :func:`extract_events`)."""
    if trace is not None:
        trace.append((step, [{**ev, "actor": list(ev["actor"]), "recipient": list(ev["recipient"])}
                             for ev in events]))


def _spans_in(spans: list[Any], i: int, limit: int, sent: Sentence) -> list[Any]:
    """The spans inside ``sent`` among ``spans[i:i + limit]`` (sorted by start): the scan stops at the
    first span that starts after the sentence instead of reading all ``limit`` of them."""
    out = []
    start, end = sent.start, sent.end
    for x in spans[i:i + limit]:
        if x.start > end:
            break  # sorted by start: no later span can lie inside the sentence
        if x.start >= start and x.end <= end:
            out.append(x)
    return out


def extract_events(doc: Document, lex: Lexicon | None = None,
                   nisba: dict[str, dict[str, Any]] | None = None,
                   keep_features: bool = False,
                   states: dict[str, dict[str, Any]] | None = None,
                   forces: dict[tuple[str, str], dict[str, Any]] | None = None,
                   trace: list[tuple[str, list[dict[str, Any]]]] | None = None) -> list[dict[str, Any]]:
    """All events of a document, numbered ``{doc_id}:e1 …`` in text order.

    ``nisba`` maps state adjectives to actor refs (:func:`marsad.events.arguments.nisba_index`)
    and ``states`` ISO3 codes to state refs (:func:`marsad.events.arguments.state_index`),
    ``forces`` force nouns of a state to its armed force (:func:`marsad.events.arguments.force_index`);
    without it, nisba agents are only those the recogniser marked as mentions. ``keep_features``
    leaves each event's confidence features under ``_features`` and keeps the events under the
    confidence floor (for calibration scripts). ``trace``, when given, receives a copy of the
    candidate events after each document-level step (``sentence``, ``anaphora``, ``concrete``,
    ``merge``, ``floor``), so that a diagnostic can tell which step removed a candidate.
    """
    lex = lex or load_lexicon()
    if not doc.text:
        return []
    if forces is None:
        forces = getattr(states, "forces", None)
    mentions = sorted(doc.mentions, key=lambda x: x.start)
    dates = sorted(doc.dates, key=lambda x: x.start)
    # the headline, when the text opens with it: its events summarise the body's (see _same_happening)
    headline_end = len(doc.title) if doc.title and doc.text.startswith(doc.title) else 0
    out: list[dict[str, Any]] = []
    mi = di = 0
    chain = Discourse(doc, lex)  # participants carried across sentences (dropped subjects, «الجانبان», «معه»)
    for sent in _sentences(doc):
        while mi < len(mentions) and mentions[mi].end <= sent.start:
            mi += 1
        while di < len(dates) and dates[di].end <= sent.start:
            di += 1
        s_mentions = _spans_in(mentions, mi, 200, sent)
        s_mentions = [x for x in s_mentions if x.label != "DATE"]
        s_dates = _spans_in(dates, di, 50, sent)
        found = extract_sentence(doc, sent, lex, s_mentions, s_dates, nisba, states, forces)
        chain.link(sent, found, s_mentions)
        for ev in found:
            ev["_headline"] = sent.start < headline_end
        out.extend(found)
    _trace(trace, "sentence", out)
    # «الزيارة», «الاجتماع» with no participants, after an event of that type: the article refers
    # back to a happening already recorded, so it is not a new event. For the types listed under
    # `anaphoric_definite_types` any definite masdar without a light verb refers back, even with
    # participants nearby («ورحّبت طهران بالاتفاق»: a reaction, not a second agreement).
    _condemned_perpetrators(out)
    _reacted_makers(out, lex.cues["symmetric"], states)
    seen_types: set[str] = set()
    anaphora_types = set(lex.cues["raw"].get("anaphoric_definite_types") or ())
    kept = []
    for ev in out:
        refers_back = ev.pop("_anaphoric") or (ev.pop("_definite") and ev["type"] in anaphora_types)
        ev.pop("_definite", None)
        ev.pop("_pointed", None)
        if not (refers_back and ev["type"] in seen_types):
            kept.append(ev)
        seen_types.add(ev["type"])
    _trace(trace, "anaphora", kept)
    # The participant filter needs the recogniser: on a document without any actor mention (no
    # recogniser run, or a bare sentence as in the GSR benchmark) every trigger is kept.
    recognised = any(m.label != "DATE" and (m.actor_id or (m.extra or {}).get("ref")) for m in doc.mentions)
    # «وأعلن رئيس الوزراء … فرض حظر للتجول», «…، معلناً فرض عقوبات»: an act the sentence's subject
    # announces as its own, whose clause names no actor, is that subject's (see _announced_own_act)
    for ev in kept:
        fb = ev.pop("_subject", None)
        if fb and not ev["actor"] and not actor_keys(fb) & actor_keys(ev["recipient"]):
            ev["actor"] = list(fb)
    if recognised:
        kept = [ev for ev in kept if _concrete(ev)]
    _trace(trace, "concrete", kept)
    out = _merge_document(kept, lex.cues["symmetric"])
    out = _headline_restatements(out)
    _trace(trace, "merge", out)
    weights = lex.cues["raw"].get("confidence")
    if weights:
        for ev in out:
            ev["confidence"] = calibrated_confidence(ev, weights)
        # Below this floor an event is more often noise than not (mostly a lone recipient and no
        # actor); dropping it is the precision side of the calibration (cues.yaml).
        # Like the participant filter, it needs the recogniser's mentions to be meaningful.
        floor = float(lex.cues["raw"].get("min_confidence") or 0.0) if recognised and not keep_features else 0.0
        out = [ev for ev in out if ev["confidence"] >= floor or ev["quantities"] or ev.get("_exposed")
               or ev.get("_in_force")]
    _trace(trace, "floor", out)
    anchored_dates(out, doc.text, dates)
    situational_dates(out, doc.text, dates, doc.published, lex)  # imminent, under way, report days
    _share_dates(out)
    for n, ev in enumerate(out, 1):
        ev["event_id"] = f"{doc.doc_id}:e{n}"
        if keep_features:
            ev["_features"] = confidence_features(ev)
        ev.pop("_kind")
        ev.pop("_restated")
        ev.pop("_headline", None)
        ev.pop("_retold", None)
        ev.pop("_lemma", None)
        ev.pop("_exposed", None)
        ev.pop("_in_force", None)
        ev.pop("_claim_apart", None)
    return out
