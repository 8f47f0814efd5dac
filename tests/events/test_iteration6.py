"""Sixth iteration: wrong participants (reporters, names of operations, speakers)."""

from __future__ import annotations

from events_helpers import ids, make_doc

from marsad.events import extract_events
from marsad.events.lexicon import load_lexicon

ACTORS = {"الرئاسة المصرية": ("egyptian_presidency", "Egyptian presidency"),
          "الملك عبد الله": ("abdullah_ii", "Abdullah II"), "الرئيس السيسي": ("sisi", "Sisi"),
          "وسائل إعلام عراقية": ("iraqi_media", "Iraqi media"), "تونس": ("tunisia", "Tunisia"),
          "العراق": ("iraq", "Iraq"), "«درع الصحراء»": ("desert_shield", "Desert Shield"),
          "قوات الأمن": ("security_forces", "Security forces")}


def _events(text: str, etype: str) -> list[dict]:
    actors = {k: v for k, v in ACTORS.items() if k in text}
    return [e for e in extract_events(make_doc(text, actors=actors), load_lexicon(), {}) if e["type"] == etype]


def _who(e: dict) -> list[str]:
    return ids(e["actor"]) + ids(e["recipient"])


def test_verb_governing_the_trigger_is_the_act_not_the_report():
    # «نقل» is a reporting verb, but here it carries the message: its subject is the actor and
    # the presidency that tells it is the source
    text = "وذكرت الرئاسة المصرية أن الملك عبد الله نقل رسالة تهنئة إلى الرئيس السيسي."
    (e,) = _events(text, "SUPPORT")
    assert ids(e["actor"]) == ["abdullah_ii"]
    assert "egyptian_presidency" not in _who(e)
    assert e["status"] == "reported" and e["source"]


def test_reporter_after_a_noun_trigger_is_not_its_genitive():
    text = "وتأتي زيارة قالت وسائل إعلام عراقية إنها تمهد لاتفاق."
    assert all("iraqi_media" not in _who(e) for e in _events(text, "CONSULT"))


def test_name_of_an_operation_is_not_a_participant():
    text = "وأطلقت تونس عملية عسكرية سمتها «درع الصحراء» ضد الجماعات المسلحة."
    (e,) = _events(text, "ASSAULT")
    assert ids(e["actor"]) == ["tunisia"]
    assert "desert_shield" not in _who(e)


def test_speaker_is_not_the_actor_of_the_reported_act():
    # the reported clause names its own subject: the speaker before «إن» is only the source
    # (guard for the report-opener cut; the subject here is also found without it)
    text = "وقال العراق إن قوات الأمن اعتقلت عشرات المسلحين في البصرة."
    (e,) = _events(text, "COERCE")
    assert ids(e["actor"]) == ["security_forces"]
    assert "iraq" not in _who(e)
    assert e["status"] == "reported"
    text = "وقال العراق إن مسلحين اعتقلوا عشرات المدنيين في البصرة."
    assert all("iraq" not in ids(e["actor"]) for e in _events(text, "COERCE"))


def test_denial_without_a_subject_keeps_the_speaker_as_actor():
    # «أن تكون قد أرسلت»: only auxiliaries after «أن», so the speaker is who did (not) send
    (e,) = _events("ونفت تونس أن تكون قد أرسلت قوات إلى العراق.", "MOBILIZE")
    assert ids(e["actor"]) == ["tunisia"]
    assert e["status"] == "negated"


def test_masdar_an_is_not_reported_content():
    # «بعد أن سبق لها أن شنت»: no reporting verb before «أن», the subject stays in reach
    (e,) = _events("وكانت تونس قد شنت بعد أن سبق لها أن هاجمت الحدود غارات على المسلحين.", "ASSAULT")
    assert "tunisia" in ids(e["actor"])
