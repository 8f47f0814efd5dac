"""Conditions introduced by «ما لم» (unless) and «شريطة أن» (provided that) tell no event."""

from __future__ import annotations


def _events(nlp, text: str) -> list[tuple[str, tuple[str | None, ...]]]:  # noqa: ANN001
    return [(e.type, tuple(a.id for a in e.actor)) for e in nlp(text, published="2019-10-20").events]


def test_unless_clause_is_no_withdrawal(nlp) -> None:  # noqa: ANN001
    got = _events(nlp, "لن تنسحب القوات التركية من شمال سوريا ما لم تنسحب وحدات حماية الشعب من المنطقة.")
    assert not any(t == "RETREAT" and "ypg" in "".join(a or "" for a in actors) for t, actors in got)
    assert any(t == "RETREAT" for t, _ in got)  # the Turkish refusal itself is still told (negated)


def test_provided_that_clause_is_no_attack(nlp) -> None:  # noqa: ANN001
    got = _events(nlp, "وافقت حماس على الهدنة شريطة أن توقف إسرائيل غاراتها على غزة.")
    assert any(t == "AGREE" for t, _ in got)
    assert not any(t == "ASSAULT" for t, _ in got)
