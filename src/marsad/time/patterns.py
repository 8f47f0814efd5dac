"""Compile the vocabulary into one alternation regex over normalised text.

The grammar (how words combine) is here; the words themselves come from
``data/vocabulary.yaml``. Word lists become character tries so the regex engine does
not retry every word at every position. Each top-level alternative has its own group
prefix (``g_`` Gregorian text date, ``h_`` Hijri, ``d_`` deictic, …) which
:mod:`marsad.time.finder` uses to pick a resolver.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from marsad.arabic.trie import trie_regex as _trie_regex
from marsad.time.vocabulary import Vocabulary, vocabulary

ARTICLE = "ال"
# «للعام» = ل + العام: after a ل proclitic the article's alef disappears.
_ARTICLE_RE = r"(?:ال|(?<=ل)ل)"


def word_alt(words: Iterable[str]) -> str:
    """Alternation of whole words; a leading article also matches after a ل proclitic."""
    words = sorted({w for w in words if w})
    with_article = [w[len(ARTICLE):] for w in words if w.startswith(ARTICLE) and len(w) > len(ARTICLE)]
    plain = [w for w in words if not (w.startswith(ARTICLE) and len(w) > len(ARTICLE))]
    parts = []
    if with_article:
        parts.append(_ARTICLE_RE + "(?:" + _trie_regex(with_article) + ")")
    if plain:
        parts.append("(?:" + _trie_regex(plain) + ")")
    return "(?:" + "|".join(parts) + r")(?!\w)"


@dataclass(frozen=True)
class Grammar:
    master: re.Pattern[str]
    prefilter: re.Pattern[str]
    future_cue: re.Pattern[str]
    number: re.Pattern[str]
    clause_break: re.Pattern[str]
    previous_word: re.Pattern[str]
    next_word: re.Pattern[str]


def _number_regex(v: Vocabulary) -> str:
    ones = word_alt(v.ones)
    tens = word_alt(v.tens)
    others = word_alt(v.numbers)
    # «أربع وعشرين» must be tried before «أربع».
    return rf"(?:\d{{1,4}}(?!\d)|{ones}\s+و\s*{tens}|{others})"


def _starter(v: Vocabulary) -> str:
    """Every token an alternative of the master regex can begin with (see ``_build``).

    The master regex is large and Python's engine tries each alternative at every word; a lookahead
    on this one trie makes ordinary words fail at their first letters. tests/time/test_time_prefilter.py
    checks the output with and without it is the same.
    """
    words = [
        *v.period_parts, *v.quarters, *v.halves, *v.weeks_of_month, *v.hijri_months, *v.gregorian_months,
        *v.weekdays, *v.deictics, *v.times_of_day, *v.day_ordinals, *v.relative_prepositions, *v.approximators,
        *v.numbers, *v.unit_forms, *(ARTICLE + w for w in v.unit_forms), *v.year_words, *v.year_words_dual,
        *v.demonstratives, *v.period_words, *v.decades, *v.seasons,
        "يوم", "شهر", "فصل", "طوال", "خلال", "منذ", "العقد", *v.same_day_before,
    ]
    # «في», «من», «بين» are too common to start a full attempt: only with what may follow them in
    # the grammar («في 2015», «في الأيام الماضية», «في هذا الشهر», «من 2011 إلى», «بين عامي»).
    after_fi = word_alt([*(ARTICLE + w for w in v.unit_forms), *v.demonstratives, *v.period_words, "العقد",
                         *v.same_day_before, "الليله"])
    years = word_alt([*v.year_words, *v.year_words_dual])
    return (rf"(?:\d|\(|ال\d|{word_alt(words)}|في\s+(?:\d|ال\d|{after_fi})|(?:من|بين)\s+(?:\d|{years}))")


def _build(v: Vocabulary, use_starter: bool = True) -> Grammar:
    month = word_alt(v.gregorian_months)
    hmonth = word_alt(v.hijri_months)
    weekday = word_alt(v.weekdays)
    modifier = word_alt(v.modifiers)
    tod = word_alt(v.times_of_day)
    deictic = word_alt(v.deictics)
    blockers = word_alt(v.deictic_blockers_after)
    num = _number_regex(v)
    ordinal = word_alt(v.day_ordinals)
    units_all = word_alt(w for w, (_, n) in v.unit_forms.items() if n in ("singular", "plural"))
    units_dual = word_alt(w for w, (_, n) in v.unit_forms.items() if n == "dual")
    units_plural = word_alt(w for w, (_, n) in v.unit_forms.items() if n == "plural")
    units_single = word_alt(w for w, (_, n) in v.unit_forms.items() if n == "singular")
    units_plural_def = word_alt(ARTICLE + w for w, (_, n) in v.unit_forms.items() if n == "plural")
    # «الأسبوعين الماضيين»: a dual with the article (the accusative/genitive -ين forms only).
    units_dual_def = word_alt(ARTICLE + w for w, (_, n) in v.unit_forms.items() if n == "dual")
    vague = word_alt(v.vague_quantities)
    approx = word_alt(v.approximators)
    relprep = word_alt(v.relative_prepositions)
    period = word_alt(v.period_words)
    demonstrative = word_alt(v.demonstratives)
    part = word_alt(v.period_parts)
    quarter = word_alt(list(v.quarters) + list(v.halves))
    year_word = word_alt(v.year_words)
    g_era = word_alt(v.gregorian_era)
    h_era = word_alt(v.hijri_era)
    sep = r"\s*[,،]?\s*"
    anaphoric = word_alt(v.anaphoric_after)
    fillers = word_alt(v.anaphoric_fillers)
    ordinal_after = rf"(?!\s+{ordinal})"  # «الشهر الثاني من الحرب» is not «this month»
    year_period = word_alt(w for w, u in v.period_words.items() if u == "year")

    def gregorian(p: str) -> str:
        """[weekday] [day | ordinal من | شهر] month[/month] [year | من العام الماضي | modifier]."""
        return (
            rf"(?:(?:{tod}\s+)?(?:يوم\s+)?(?P<{p}wd>{weekday}){sep}(?=\d))?"
            rf"(?:(?:ال)?(?P<{p}d>\d{{1,2}})(?!\d)\s*(?:من\s+)?(?:شهر\s+)?|(?P<{p}dw>{ordinal})\s+من\s+(?:شهر\s+)?"
            rf"|(?P<{p}sh>شهر)\s+)?"
            rf"(?P<{p}m1>{month})(?:\s*[/(\-]\s*(?P<{p}m2>{month})(?:\s*\))?)?"
            rf"(?:{sep}(?:من\s+)?(?:{year_word}\s+)?(?P<{p}y>\d{{4}})(?!\d)(?:\s*{g_era})?"
            rf"|\s+(?:من\s+)?(?:(?P<{p}dem>{demonstrative})\s+{year_period}|{year_period}\s+(?P<{p}ymod>{modifier}))"
            rf"|\s+(?P<{p}mod>{modifier}))?"
        )

    def hijri(p: str) -> str:
        return (
            rf"(?:(?P<{p}d>\d{{1,2}})(?!\d)\s*(?:من\s+)?(?:شهر\s+)?|(?P<{p}dw>{ordinal})\s+من\s+(?:شهر\s+)?"
            rf"|(?P<{p}sh>شهر)\s+)?"
            rf"(?P<{p}m>{hmonth})"
            rf"(?:{sep}(?:من\s+)?(?:{year_word}\s+)?(?P<{p}y>1[3-5]\d\d)(?!\d)(?:\s*{h_era})?"
            rf"|\s+(?P<{p}mod>{modifier}))?"
        )

    def hijri_year(p: str) -> str:
        return rf"(?:{year_word}\s+)?(?P<{p}op>\(\s*)?(?P<{p}y>1[3-5]\d\d)(?!\d)(?({p}op)\s*\))\s*{h_era}"

    def year(p: str) -> str:
        return (rf"(?:(?P<{p}w>{year_word})\s+)?(?P<{p}op>\(\s*)?(?P<{p}y>(?:1[89]|20)\d\d)(?![\d/])(?({p}op)\s*\))"
                rf"(?:\s*(?P<{p}era>{g_era}))?")

    # «الشهر نفسه», «في ذات العام», «العام التالي»: the month or year of the last date named before
    same_period_after = word_alt(w for w, d in v.same_day_after.items() if d >= 0)
    same_before = word_alt(v.same_day_before)

    def period_rel(p: str) -> str:
        """«الأسبوع الماضي», «العام قبل الماضي», «هذا الشهر», «الشهر نفسه»."""
        return (
            rf"(?:(?P<{p}dem>{demonstrative})\s+(?P<{p}u1>{period})"
            rf"|(?P<{p}sb>{same_before})\s+(?P<{p}u2>{period})(?!\s+{modifier})"  # not «قال ذلك العام الماضي»
            rf"|(?P<{p}u3>{period})\s+(?P<{p}same>{same_period_after})"
            rf"|(?P<{p}u>{period})\s+(?:(?P<{p}before>قبل)\s+)?(?P<{p}mod>{modifier}))"
        )

    numeric = (
        r"(?<![\d/.\-])(?:"
        r"(?P<n_d>\d{1,2})\s?(?P<n_s>[-/.])\s?(?P<n_m>\d{1,2})\s?(?P=n_s)\s?(?P<n_y>\d{4})"
        r"|(?P<n_y2>\d{4})\s?(?P<n_s2>[-/.])\s?(?P<n_m2>\d{1,2})\s?(?P=n_s2)\s?(?P<n_d2>\d{1,2})"
        r"|(?P<n_m3>\d{1,2})\s?/\s?(?P<n_y3>\d{4})"
        rf")(?!\d|[/.\-]\d)(?:\s*{g_era})?"
    )
    deictic_alt = (
        rf"(?:(?P<d_tod>{tod})\s+)?(?:يوم\s+)?(?P<d_w>{deictic})(?!\s+{blockers})"
        rf"(?:\s+(?P<d_wd>{weekday}))?"
    )
    # «ليل الخميس الجمعة», «ليلة الخميس - الجمعة»: a night named by the two days it joins.
    weekday_alt = (
        rf"(?:(?P<w_tod>{tod})\s+)?(?:يوم\s+)?(?P<w_d>{weekday})"
        rf"(?(w_tod)(?:\s*[-/–]?\s*(?P<w_d2>{weekday}))?)(?:\s+(?P<w_mod>{modifier}))?"
    )
    # «في اليوم نفسه», «صباح اليوم التالي», «في الليلة ذاتها», «في ذات اليوم»: counted from the last day named.
    same_after = word_alt(v.same_day_after)
    same_day = (
        rf"(?:(?P<sd_tod>{tod})\s+|في\s+)?"
        rf"(?:(?:ال)?(?:يوم|ليله)\s+(?P<sd_w>{same_after})|(?P<sd_b>{same_before})\s+(?:ال)?(?:يوم|ليله))"
    )
    month_or_unit_after = rf"(?!\s*\d)(?!\s+(?:{month}|{hmonth}))"
    relspan = (
        rf"(?P<r_p>{relprep})\s+(?:(?P<r_ap>{approx})\s+)?"
        rf"(?:(?P<r_q>{num})\s*(?P<r_u>{units_all})|(?P<r_du>{units_dual})"
        rf"|(?:(?P<r_vq>{vague})\s+)?(?P<r_pu>{units_plural})|(?P<r_su>{units_single}))"
        rf"{month_or_unit_after}(?P<r_of>(?=(?:\s+{fillers})?\s+{anaphoric}))?"
    )
    few = word_alt(v.few_words)  # «خلال الأيام القليلة الماضية»
    plural_period = (
        rf"(?:(?P<p_p>{relprep}|في|طوال)\s+)?"
        rf"(?:ال(?P<p_n0>\d{{1,3}})\s+(?P<p_u0>{units_all})|(?P<p_u>{units_plural_def})"
        rf"(?:\s+(?:ال)?(?P<p_n>\d{{1,3}}(?!\d)|{num})|\s+{few})?"
        rf"|(?P<p_ud>{units_dual_def})|(?P<p_dec>العقد))"
        rf"\s+(?P<p_mod>{modifier})"
    )
    # «في 12 الشهر الحالي»: a day of a relative month.
    # «في الثاني والعشرين من الشهر الماضي»: an ordinal day needs «من» before the month.
    singular_period = (r"(?:(?P<s_p>خلال|في|طوال)\s+)?(?:(?P<s_day>\d{1,2})(?!\d)\s+(?:من\s+)?"
                       rf"|(?P<s_dw>{ordinal})\s+من\s+)?"
                       + period_rel("s_")
                       # «الأسبوع الأخير من آب» is a week of a month, but «الأسبوع الماضي من كسر الحصار» is last week
                       + rf"(?!\s+من\s+(?:(?:ال)?(?:شهر|{year_word}|{month})\b|\d))")
    # Cores that a part-of-period word («مطلع», «أواخر», «الربع الأول من») may govern.
    part_cores = "|".join([
        gregorian("pg_"), hijri("ph_"), period_rel("ps_"), year("py_"), rf"(?P<pk_u>{period}){ordinal_after}",
    ])
    week_of_month = word_alt(v.weeks_of_month)
    part_alt = (
        rf"(?:(?P<x_part>{part})|(?P<x_q>{quarter})|(?P<x_wk>{week_of_month}))\s+(?:من\s+)?(?:{part_cores})"
    )
    year_digits = r"(?:1[89]|20)\d\d(?!\d)"
    year_word_any = word_alt(list(v.year_words) + list(v.year_words_dual))
    # «بين عامي 2011 و2014», «1936 - 1939», «من 2011 إلى 2014»: one interval (checked in the finder).
    year_range = (
        rf"(?:(?P<yr_from>بين|من)\s+)?(?:(?P<yr_w>{year_word_any})\s+)?(?P<yr_1>{year_digits})(?:\s*{g_era})?"
        rf"\s*(?P<yr_sep>[-–—/]|و(?:حتي|الي)?(?=\s|\d)|(?:الي|حتي)(?=\s))\s*"  # folded «إلى», «حتى»
        rf"(?:{year_word}\s+)?(?P<yr_2>{year_digits})(?![/\-]\d)(?:\s*{g_era})?"
    )
    decades = word_alt(v.decades)
    centuries = word_alt(v.centuries)
    # «التسعينيات», «ثمانينيات القرن الماضي», «الستينيات من القرن العشرين».
    decade = (
        rf"(?P<dc_w>{decades})(?:\s+(?:من\s+)?(?:ال)?قرن\s+(?:(?P<dc_c>{centuries})|(?P<dc_mod>{modifier})))?"
    )
    seasons = word_alt(v.seasons)
    # «صيف 2016», «الصيف الماضي», «شتاء العام المقبل», «هذا الصيف»; a bare «الصيف» is not a date.
    season = (
        rf"(?:(?P<se_dem>{demonstrative})\s+(?:ال)?(?:فصل\s+)?(?P<se_w2>{seasons})"
        rf"|(?:فصل\s+)?(?P<se_w>{seasons})"
        rf"(?:\s+(?:من\s+)?(?:{year_word}\s+)?(?P<se_y>{year_digits})"
        rf"|\s+(?:من\s+)?(?:(?P<se_ydem>{demonstrative})\s+{year_period}|{year_period}\s+(?P<se_ymod>{modifier}))"
        rf"|\s+(?P<se_mod>{modifier})))"
    )
    units_acc = word_alt(w for w, (_, n) in v.unit_forms.items() if n == "singular" and w.endswith("ا"))
    # «استمرت المعارك ثلاثة أيام»: a count of units with no preposition (kept only after a duration cue).
    # Not after a «ل/ب» proclitic: «لأكثر من ثلاث سنوات» is the relative span «for more than…».
    bare = rf"(?(since)(?!)|(?<![بلك])(?:(?P<b_ap>{approx})\s+)?(?:(?P<b_q>{num})\s*(?P<b_u>{units_all})|(?P<b_du>{units_dual})|(?P<b_su>{units_acc})){month_or_unit_after})"
    alternatives = [
        ("part", part_alt),
        ("numeric", numeric),
        ("hijri", hijri("h_")),
        ("hijri_year", hijri_year("hy_")),
        ("gregorian", gregorian("g_")),
        ("same_day", same_day),
        ("deictic", deictic_alt),
        ("weekday", weekday_alt),
        ("relspan", relspan),
        ("plural_period", plural_period),
        ("singular_period", singular_period),
        ("decade", decade),
        ("season", season),
        ("year_range", year_range),
        ("bare", bare),
        ("year", year("y_")),
    ]
    body = "|".join(f"(?P<{name}>{pattern})" for name, pattern in alternatives)
    master = (
        r"(?<!\w)(?P<cl>(?:[وف](?=\w))?(?:[بلك](?=\w))?)"
        r"(?:(?P<since>منذ)\s+(?=\w))?"
        + (rf"(?={_starter(v)})" if use_starter else "")
        + rf"(?:{body})(?!\w)"
    )
    # Every expression contains a digit or one of these core words (a month, weekday, deictic, unit,
    # period, decade or season word): a sentence with none of them is skipped before the much slower
    # master regex runs. Whole words after optional clitics and article, so «بغداد» does not pass as «غد»
    # nor «العامة» as «العام». The finder applies it to one whitespace token at a time (cached per
    # token), so a phrase such as «كانون الثاني» is represented by its longest word.
    # tests/time/test_time_prefilter.py checks it never hides a date.
    core_words = [*v.gregorian_months, *v.hijri_months, *v.weekdays, *v.deictics, *v.unit_forms, *v.period_words,
                  *v.decades, *v.seasons, *v.year_words, *v.year_words_dual, "العقد"]  # «العقد الماضي»
    def strip(w: str) -> str:
        return w[2:] if w.startswith(ARTICLE) and len(w) > 3 else w

    single = {strip(w) for w in core_words if " " not in w}
    # A phrase needs no entry of its own when one of its words is already core («بعد غد», «أمس الأول»);
    # otherwise its longest word without article stands for it («كانون», «تشرين», «قعده»).
    phrases = [[strip(t) for t in w.split()] for w in core_words if " " in w]
    core_words = sorted(single | {max(p, key=len) for p in phrases if not single.intersection(p)})
    prefilter = re.compile(r"\d|(?<!\w)[وفبلك]{0,2}(?:ال)?(?:" + _trie_regex(core_words) + r")(?!\w)")
    future_words = word_alt(v.future_words)
    future_cue = re.compile(
        rf"(?<!\w)[وف]?(?:{future_words}|(?P<sin>س[{''.join(v.sin_prefix_letters)}]\w{{2,}}))"
    )
    return Grammar(
        master=re.compile(master),
        prefilter=prefilter,
        future_cue=future_cue,
        number=re.compile(rf"^{num}$"),
        clause_break=re.compile(r"[.!?؟؛;:\n،,«»\"()\[\]]"),
        previous_word=re.compile(r"(\w+)\s*$"),
        next_word=re.compile(r"\s*(\w*)"),
    )


@cache
def grammar() -> Grammar:
    """The compiled grammar for the package vocabulary (built once per process)."""
    return _build(vocabulary())


@cache
def grammar_without_starter() -> Grammar:
    """The same grammar without the first-token lookahead (for the tests that prove it changes nothing)."""
    return _build(vocabulary(), use_starter=False)
