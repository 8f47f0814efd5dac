"""Second round of event-stage speed-ups: every cache and shortcut gives what the full computation gives."""

from __future__ import annotations

import pytest
from events_helpers import make_doc

from marsad.events import extract
from marsad.events.arguments import Arg, Group, group_args, place_mentions
from marsad.events.lexicon import load_lexicon
from marsad.events.roles import cue_phrases, cue_words
from marsad.events.text import norm_word, split_words
from marsad.model import Mention, Sentence

SENTENCES = [
    "قال المتحدث باسم الجيش إن الطائرات قصفت مواقع المسلحين في ريف إدلب.",
    "نفت الوزارة أن تكون طائراتها قد شنت غارات على البلدة.",
    "بعد أن سبق له أن خاض الانتخابات، التقى الرئيس نظيره في موسكو.",
    "وأكد الوزير أنه سيزور طهران الشهر المقبل.",
    "قصفت المدفعية التركية قرى في ريف حلب الشمالي.",
    "وأضاف أن روسيا وإيران اتفقتا على إنشاء غرفة عمليات مشتركة، وقال بأن الاتفاق سيوقع قريباً.",
]


@pytest.fixture(scope="module")
def lex():
    return load_lexicon()


def _report_openers_full(words, lex):
    """The original definition: every complementizer within 8 words after a reporting or denial verb."""
    comps = lex.cues["complementizers"]
    verbs = [k for k, w in enumerate(words) if w.norm in lex.attribution_verbs or w.norm in lex.denial_verbs]
    return frozenset(k for k, w in enumerate(words) if w.norm in comps and not w.norm.endswith(("ه", "ها"))
                     and any(0 < k - v <= 8 for v in verbs))


def test_report_openers_equal_the_full_scan(lex):
    found = 0
    for text in SENTENCES:
        words = split_words(text)
        fast = extract._report_openers(words, lex)
        assert fast == _report_openers_full(words, lex), text
        found += len(fast)
    assert found >= 3  # «قال … إن», «نفت … أن», «أضاف أن», «قال بأن»


def test_report_openers_skip_the_masdar_particle(lex):
    words = split_words("بعد أن سبق له أن خاض الانتخابات، التقى الرئيس نظيره في موسكو.")
    assert extract._report_openers(words, lex) == frozenset()


def test_sentence_cues_are_the_cue_lists_and_built_once(lex):
    sc = extract._sentence_cues(lex)
    raw = lex.cues["raw"]
    assert sc is extract._sentence_cues(lex)
    assert sc.joint_verbs == cue_words(raw, "roles", "joint_party_verbs")
    assert sc.relative_verbs == sc.joint_verbs | cue_words(raw, "roles", "relative_party_verbs")
    assert sc.partitive == cue_words(raw, "roles", "partitive_words")
    assert sc.masdar_governors == cue_words(raw, "roles", "masdar_governors")
    assert sc.openers == cue_phrases(raw, "roles", "fronted_openers")
    assert sc.claim_types == frozenset(raw["status"].get("claim_types") or ())
    assert sc.accused_types == frozenset(raw.get("accused_act_types") or ())
    assert sc.threat_types == frozenset(raw.get("announced_attack_types") or ())


def test_is_actor_follows_members_appended_after_it_was_read():
    place = Arg(Mention(0, 5, "إدلب", label="LOC"), 0, 0, place={"name_ar": "إدلب"})
    person = Arg(Mention(6, 12, "بوتين", label="PERS"), 2, 2, actor={"id": "Q7747"})
    g = Group([place])
    assert not g.is_actor
    g.add(person)
    assert g.is_actor  # the cached answer is recomputed when a member joins
    assert (g.first, g.last) == (0, 2)  # and the group's span now ends at the new member
    titled = Arg(Mention(6, 12, "بوتين", label="PERS"), 2, 2, actor={"id": "Q7747"}, title_part=True)
    assert not Group([place, titled]).is_actor


def test_groups_read_as_actors_after_grouping(lex):
    text = "التقى الرئيس الروسي فلاديمير بوتين ونظيره الإيراني في طهران."
    doc = make_doc(text, actors={"فلاديمير بوتين": ("Q7747", "Vladimir Putin")}, places={"طهران": "Tehran"})
    words = split_words(text)
    args = place_mentions(words, doc.mentions, doc.text, lex)
    groups = group_args(args, words, lex.cues["title_gap"])
    for g in groups:
        assert g.is_actor == any(a.actor is not None and not a.title_part for a in g.members)
    assert [g.is_actor for g in groups] == [True, False]


def test_a_trigger_inside_a_place_name_is_still_dropped(lex):
    # «تدمر» is Palmyra here, not «she destroys»: the word inside a place mention is no trigger
    text = "سيطرت القوات على مدينة تدمر الأثرية."
    doc = make_doc(text, places={"تدمر": "Palmyra"})
    events = extract.extract_events(doc, lex)
    assert all(e["trigger"]["text"] != "تدمر" for e in events)


def test_sentence_window_of_mentions_equals_the_full_filter():
    text = "قال لافروف إن روسيا ستدعم سوريا. والتقى بوتين أردوغان في سوتشي. وزار ظريف دمشق."
    names = ["لافروف", "روسيا", "سوريا", "بوتين", "أردوغان", "سوتشي", "ظريف", "دمشق"]
    mentions = [Mention(text.index(n), text.index(n) + len(n), n, label="PERS") for n in names]
    cut = [0, text.index(". و") + 1, text.rindex(". و") + 1, len(text)]
    for a, b in zip(cut, cut[1:], strict=False):
        sent = Sentence(a, b, text[a:b])
        full = [x for x in mentions if x.start >= sent.start and x.end <= sent.end]
        assert extract._spans_in(mentions, 0, 200, sent) == full
        assert full  # every sentence names someone
    # the window stays capped: only the first ``limit`` spans from ``i`` are read
    last = Sentence(cut[2], cut[3], text[cut[2]:])
    assert extract._spans_in(mentions, 0, 3, last) == []


def test_discourse_verb_tense_cache_equals_the_lexicon_lookup(lex):
    from marsad.events.discourse import Discourse
    chain = Discourse(make_doc("التقى الرئيس نظيره."), lex)
    for w in map(norm_word, ["التقى", "قال", "نفت", "شنت", "الرئيس", "التقى"]):
        hit = lex.verbs.get(w)
        expect = (hit[1], hit[0]) if hit is not None else (
            lex.attribution_verbs.get(w) or lex.denial_verbs.get(w) or lex.light.get(w), None)
        assert chain._verb_tense(w) == expect
    assert chain._verb_tense(norm_word("التقى"))[0] is not None
    assert chain._verb_tense(norm_word("الرئيس")) == (None, None)
