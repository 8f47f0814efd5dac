"""Load ``data/vocabulary.yaml`` once and fold every word like the text.

The YAML is the single source of words; this module turns it into lookup tables keyed
by the normalised form, and :func:`vocabulary_problems` lists inconsistencies (a month
family without 12 months, a word with two values) so the test suite can refuse them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from marsad.knowledge.cache import load_yaml
from marsad.time.normalize import normalize_word

UNITS = ("hour", "day", "week", "month", "year", "decade")


@dataclass(frozen=True)
class Vocabulary:
    """Normalised lookup tables; every key is a folded word or phrase."""

    raw: dict[str, Any]
    week_start: int
    gregorian_months: dict[str, int]
    hijri_months: dict[str, int]
    ambiguous_months: frozenset[str]
    weekdays: dict[str, int]
    weekday_blockers_before: frozenset[str]
    deictics: dict[str, int]
    deictic_blockers_after: tuple[str, ...]
    times_of_day: tuple[str, ...]
    modifiers: dict[str, str]  # word -> past | future | current
    unit_forms: dict[str, tuple[str, str]]  # word -> (unit, singular|dual|plural)
    vague_ranges: dict[str, tuple[int, int]]
    numbers: dict[str, int]  # ones, teens, tens, hundreds
    ones: tuple[str, ...]
    tens: tuple[str, ...]
    day_ordinals: dict[str, int]
    vague_quantities: tuple[str, ...]
    approximators: tuple[str, ...]
    relative_prepositions: dict[str, str]  # word -> ago | after | within | for
    year_context_before: frozenset[str]
    year_context_weak: frozenset[str]
    year_words: tuple[str, ...]
    gregorian_era: tuple[str, ...]
    hijri_era: tuple[str, ...]
    period_parts: dict[str, tuple[int, int]]  # word -> thirds span
    quarters: dict[str, int]
    halves: dict[str, int]
    period_words: dict[str, str]  # word -> week | month | year
    demonstratives: tuple[str, ...]
    future_words: tuple[str, ...]
    sin_prefix_letters: tuple[str, ...]
    sin_blocklist: tuple[str, ...]
    anaphoric_after: tuple[str, ...]
    anaphoric_fillers: tuple[str, ...]
    repeated_units: tuple[str, ...]
    year_followers: frozenset[str]
    year_words_dual: tuple[str, ...] = ()
    max_year_range: int = 60
    decades: dict[str, int] = field(default_factory=dict)  # word -> 20 … 90
    centuries: dict[str, int] = field(default_factory=dict)  # word -> 1800 | 1900 | 2000
    seasons: dict[str, tuple[int, int]] = field(default_factory=dict)  # word -> (first month, last month)
    duration_cues: frozenset[str] = frozenset()
    week_parts: dict[int, tuple[int, int]] = field(default_factory=dict)  # thirds index -> day offsets
    weeks_of_month: dict[str, tuple[int, int]] = field(default_factory=dict)  # word -> (first day, last day)
    same_day_after: dict[str, int] = field(default_factory=dict)  # «نفسه» 0, «التالي» +1, «السابق» -1
    same_day_before: tuple[str, ...] = ()  # «في ذات اليوم», «في نفس اليوم»
    whole_day_before: frozenset[str] = frozenset()  # «طوال اليوم»: the day told, not today
    date_name_heads: frozenset[str] = frozenset()  # «مدينة العاشر من رمضان»: a name, not a date
    described_unit_adjectives: frozenset[str] = frozenset()  # «بعد أسبوع دامٍ»: a period told, no count
    distal_demonstratives: frozenset[str] = frozenset()  # «ذلك اليوم» is the day told, never today
    few_words: tuple[str, ...] = ()  # «الأيام القليلة الماضية»: «few» between a plural unit and its modifier
    problems: tuple[str, ...] = field(default=())


def _fold_map(pairs: list[tuple[str, Any]], what: str, problems: list[str]) -> dict[str, Any]:
    """Build word -> value, recording any folded word that would get two values."""
    out: dict[str, Any] = {}
    for word, value in pairs:
        key = normalize_word(str(word))
        if not key:
            problems.append(f"{what}: empty word {word!r}")
            continue
        if key in out and out[key] != value:
            problems.append(f"{what}: {word!r} maps to both {out[key]!r} and {value!r}")
        out[key] = value
    return out


def _fold_list(words: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(normalize_word(str(w)) for w in words if normalize_word(str(w))))


def build_vocabulary(raw: dict[str, Any]) -> Vocabulary:
    """Turn the parsed YAML into normalised tables (pure: used by the tests on edited copies)."""
    problems: list[str] = []
    greg_pairs: list[tuple[str, Any]] = []
    for family, months in raw["months"]["gregorian"].items():
        numbers = {int(k) for k in months}
        if numbers != set(range(1, 13)):
            problems.append(f"month family {family} covers {sorted(numbers)}, not 1..12")
        for month, words in months.items():
            if not words:
                problems.append(f"month family {family}: month {month} has no word")
            greg_pairs += [(w, int(month)) for w in words]
    hijri = raw["months"]["hijri"]
    if {int(k) for k in hijri} != set(range(1, 13)):
        problems.append("hijri months do not cover 1..12")
    hijri_pairs = [(w, int(m)) for m, words in hijri.items() for w in words]
    gregorian_months = _fold_map(greg_pairs, "gregorian months", problems)
    hijri_months = _fold_map(hijri_pairs, "hijri months", problems)
    for word in set(gregorian_months) & set(hijri_months):
        problems.append(f"{word!r} is both a Gregorian and a Hijri month")

    weekday_pairs = [(w, int(d)) for d, words in raw["weekdays"].items() for w in words]
    if {int(k) for k in raw["weekdays"]} != set(range(7)):
        problems.append("weekdays do not cover 0..6")
    weekdays = _fold_map(weekday_pairs, "weekdays", problems)

    deictics = _fold_map([(w, int(v)) for w, v in raw["deictics"].items()], "deictics", problems)

    modifier_pairs = [(w, kind) for kind, words in raw["modifiers"].items() for w in words]
    modifiers = _fold_map(modifier_pairs, "modifiers", problems)

    unit_pairs = []
    for unit, forms in raw["units"].items():
        if unit not in UNITS:
            problems.append(f"unknown unit {unit}")
        for number, words in forms.items():
            unit_pairs += [(w, (unit, number)) for w in words]
    unit_forms = _fold_map(unit_pairs, "units", problems)

    nums = raw["numbers"]
    number_pairs = [(w, int(v)) for group in ("ones", "teens", "tens", "hundreds") for w, v in nums[group].items()]
    numbers = _fold_map(number_pairs, "numbers", problems)

    rel_pairs = [(w, kind) for kind, words in raw["relative_prepositions"].items() for w in words]
    part_pairs = [(w, tuple(spec["span"])) for spec in raw["period_parts"].values() for w in spec["words"]]
    period_pairs = [(w, unit) for unit, words in raw["period_words"].items() for w in words]

    all_values: dict[str, str] = {}
    # A word must not sit in two categories whose meanings would clash in the grammar.
    for category, table in (("gregorian month", gregorian_months), ("hijri month", hijri_months),
                            ("weekday", weekdays), ("deictic", deictics), ("number", numbers)):
        for word in table:
            if word in all_values:
                problems.append(f"{word!r} is both a {all_values[word]} and a {category}")
            all_values[word] = category

    decade_pairs = [(w, int(d)) for d, words in raw.get("decades", {}).items() for w in words]
    century_pairs = [(w, int(c)) for c, words in raw.get("centuries", {}).items() for w in words]
    season_pairs = [(w, tuple(int(m) for m in spec["months"])) for spec in raw.get("seasons", {}).values()
                    for w in spec["words"]]
    week_parts = {index: (int(raw["week_parts"][name][0]), int(raw["week_parts"][name][1]))
                  for index, name in enumerate(("early", "mid", "late")) if name in raw.get("week_parts", {})}

    return Vocabulary(
        raw=raw,
        week_start=int(raw.get("week_start", 5)),
        gregorian_months=gregorian_months,
        hijri_months=hijri_months,
        ambiguous_months=frozenset(_fold_list(raw.get("ambiguous_month_words", []))),
        weekdays=weekdays,
        weekday_blockers_before=frozenset(_fold_list(raw.get("weekday_blockers_before", []))),
        deictics=deictics,
        deictic_blockers_after=_fold_list(raw.get("deictic_blockers_after", [])),
        times_of_day=_fold_list(raw["times_of_day"]),
        modifiers=modifiers,
        unit_forms=unit_forms,
        vague_ranges={k: (int(v[0]), int(v[1])) for k, v in raw["vague_ranges"].items()},
        numbers=numbers,
        ones=_fold_list(list(nums["ones"])),
        tens=_fold_list(list(nums["tens"])),
        day_ordinals=_fold_map([(w, int(v)) for w, v in raw["day_ordinals"].items()], "day ordinals", problems),
        vague_quantities=_fold_list(raw["vague_quantities"]),
        approximators=_fold_list(raw["approximators"]),
        relative_prepositions=_fold_map(rel_pairs, "relative prepositions", problems),
        year_context_before=frozenset(_fold_list(raw["year_context_before"])),
        year_context_weak=frozenset(_fold_list(raw.get("year_context_weak", []))),
        year_words=_fold_list(raw["year_words"]),
        gregorian_era=_fold_list(raw["gregorian_era"]),
        hijri_era=_fold_list(raw["hijri_era"]),
        period_parts=_fold_map(part_pairs, "period parts", problems),
        quarters=_fold_map(list(raw["quarters"].items()), "quarters", problems),
        halves=_fold_map(list(raw["halves"].items()), "halves", problems),
        period_words=_fold_map(period_pairs, "period words", problems),
        demonstratives=_fold_list(raw["demonstratives"]),
        future_words=_fold_list(raw["future_cues"]["words"]),
        sin_prefix_letters=_fold_list(raw["future_cues"]["sin_prefix_letters"]),
        sin_blocklist=_fold_list(raw["future_cues"]["sin_blocklist"]),
        anaphoric_after=_fold_list(raw["anaphoric_after"]),
        anaphoric_fillers=_fold_list(raw["anaphoric_fillers"]),
        repeated_units=_fold_list(raw.get("repeated_units") or []),
        year_followers=frozenset(_fold_list(raw["year_followers"])),
        year_words_dual=_fold_list(raw.get("year_words_dual", [])),
        max_year_range=int(raw.get("max_year_range", 60)),
        decades=_fold_map(decade_pairs, "decades", problems),
        centuries=_fold_map(century_pairs, "centuries", problems),
        seasons=_fold_map(season_pairs, "seasons", problems),
        duration_cues=frozenset(_fold_list(raw.get("duration_cues", []))),
        week_parts=week_parts,
        weeks_of_month=_fold_map([(w, (int(d[0]), int(d[1]))) for w, d in raw.get("weeks_of_month", {}).items()],
                                 "weeks of month", problems),
        same_day_after=_fold_map([(w, int(d)) for w, d in raw.get("same_day_after", {}).items()],
                                 "same day", problems),
        same_day_before=_fold_list(raw.get("same_day_before", [])),
        whole_day_before=frozenset(_fold_list(raw.get("whole_day_before", []))),
        few_words=_fold_list(raw.get("few_words", [])),
        distal_demonstratives=frozenset(_fold_list(raw.get("distal_demonstratives", []))),
        date_name_heads=frozenset(_fold_list(raw.get("date_name_heads", []))),
        described_unit_adjectives=frozenset(_fold_list(raw.get("described_unit_adjectives", []))),
        problems=tuple(problems),
    )


def load_raw_vocabulary() -> dict[str, Any]:
    """The parsed YAML as written by people (not normalised)."""
    # the C parser through the on-disk cache, as the knowledge files are (start-up time)
    return load_yaml(resources.files("marsad.time").joinpath("data/vocabulary.yaml"))


@cache
def vocabulary() -> Vocabulary:
    """The package vocabulary, loaded and folded once per process."""
    return build_vocabulary(load_raw_vocabulary())


def vocabulary_problems(vocab: Vocabulary | None = None) -> list[str]:
    """Inconsistencies in the vocabulary (empty when the data file is sound)."""
    return list((vocab or vocabulary()).problems)
