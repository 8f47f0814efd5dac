"""Round 21 — names the NER model misses after an office title, bodies named by a head noun and a
nisba inside a title, and hyphenated names (texts written for these tests)."""

from __future__ import annotations

from recognize_helpers import by_text, recognized


def test_unknown_name_after_a_spokeswoman_title_joins_it(kb):
    ms = by_text(recognized(kb, "قالت المتحدثة باسم الخارجية الباكستانية ممتاز زهرة بلوش إن بلادها نفذت عمليات.",
                            "2024-03-18"))
    title = ms["المتحدثة باسم الخارجية الباكستانية ممتاز زهرة بلوش"]
    assert title.label == "PERS" and title.actor_id is None
    assert title.extra["ref"]["id"].startswith("unresolved:")
    assert title.extra.get("speaks_for") == "pakistan"


def test_a_later_bare_surname_is_the_same_person(kb):
    text = "قالت المتحدثة باسم الخارجية الباكستانية ممتاز زهرة بلوش إن بلادها نفذت عمليات. واتهمت بلوش كابول."
    ms = recognized(kb, text, "2024-03-18")
    first = next(m for m in ms if m.text.endswith("ممتاز زهرة بلوش"))
    later = next(m for m in ms if m.text == "بلوش")
    assert later.extra["ref"]["id"] == first.extra["ref"]["id"]


def test_no_name_is_made_of_a_date_or_a_statement(kb):
    for text in ("وقالت المتحدثة باسم الخارجية الباكستانية أمس إن بلادها سترد.",
                 "وقال المتحدث باسم الخارجية الباكستانية في بيان إن بلاده سترد."):
        ms = recognized(kb, text, "2024-03-18")
        assert not any(m.text.startswith("المتحد") and m.text.endswith(("أمس", "بيان")) for m in ms)
        assert not any(str((m.extra.get("ref") or {}).get("id", "")).startswith("unresolved:") for m in ms)


def test_a_hyphenated_name_is_one_known_person(kb):
    ms = by_text(recognized(kb, "دعت جينين هينيس-بلاسخارت الأطراف إلى الحوار.", "2019-11-30"))
    assert ms["جينين هينيس-بلاسخارت"].actor_id == "jeanine_hennis_plasschaert"


def test_the_marjaiya_is_sistanis_office(kb):
    ms = by_text(recognized(kb, "وكانت المرجعية الدينية العليا قد دعت البرلمان إلى إعادة النظر.", "2019-11-30"))
    assert ms["المرجعية الدينية العليا"].actor_id == "najaf_marjaiya"


def test_security_forces_with_no_state_are_the_main_states(kb):
    text = "خرج آلاف العراقيين في بغداد والبصرة. وفتحت قوات الأمن النار على المحتجين في العراق."
    ms = by_text(recognized(kb, text, "2019-11-30"))
    assert ms["قوات الأمن"].actor_id == "iraqi_security_forces"


def test_security_forces_with_no_main_state_are_no_mention(kb):
    ms = by_text(recognized(kb, "وفتحت قوات الأمن النار على المحتجين.", "2019-11-30"))
    assert "قوات الأمن" not in ms or ms["قوات الأمن"].actor_id is None


def test_a_rank_between_the_title_and_the_name(kb):
    ms = by_text(recognized(kb, "وقال المتحدث باسم الجيش السوداني العميد نبيل عبد الله في بيان إن القوات انسحبت.",
                            "2023-12-19"))
    title = ms["المتحدث باسم الجيش السوداني العميد نبيل عبد الله"]
    assert title.extra["ref"]["id"].startswith("unresolved:")
    assert title.extra.get("speaks_for") == "sudanese_armed_forces"
