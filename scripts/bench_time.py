#!/usr/bin/env python
"""Sentences per second of ``marsad.time.find_dates`` on one core.

Two figures, as issue 5 asks: sentences **without** dates and sentences **with** dates.

* Date-free sentences are generated from templates (subject, verb, object, place), a quarter of
  them carrying a count («قتل 12 شخصا») or a word such as «الأمين العام» that passes the cheap
  pre-filter and so takes the full scan, as real news text does.
* Dated sentences are those of ``tests/time/data/time_gold.jsonl`` that contain at least one
  expression, plus template sentences with a date slotted in.

The machine may be shared: each figure is the best of ``--runs`` timed passes, timed with the
CPU time of this process (``time.process_time``) so that other processes' load is not counted;
``--wall`` times with the wall clock instead.

Usage: ``.venv/bin/python scripts/bench_time.py [--runs 5] [--n 20000] [--profile]``
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import random
import sys
import time
from datetime import date
from pathlib import Path

from marsad.time import find_dates

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "time" / "data" / "time_gold.jsonl"
REF = date(2017, 9, 12)

SUBJECTS = ["الوزير", "المتحدث باسم الحكومة", "رئيس الوزراء", "الأمين العام للجامعة العربية", "قائد الشرطة",
            "المبعوث الأممي", "مصدر عسكري", "وزير الخارجية الروسي", "الناطق باسم الفصائل", "محافظ المدينة"]
VERBS = ["قال", "أكد", "أعلن", "أوضح", "نفى", "حذر", "أشار", "دعا", "طالب", "اتهم"]
CLAUSES = ["إن القوات الحكومية انتشرت في الأحياء الشرقية لحماية المنشآت العامة",
           "أن المفاوضات تسير في الاتجاه الصحيح رغم الخلافات حول الملفات الأمنية",
           "أن الحكومة ستواصل دعم النازحين وتأمين عودتهم إلى قراهم",
           "أن المجتمع الدولي مطالب بتحمل مسؤولياته تجاه المدنيين في المناطق المحاصرة",
           "إلى ضرورة وقف العمليات العسكرية وفتح ممرات إنسانية آمنة",
           "أن الهجوم استهدف قافلة مساعدات على الطريق الدولي قرب الحدود",
           "أن الوضع الأمني مستقر نسبيا بعد انسحاب المسلحين من البلدة"]
PLACES = ["في دمشق", "في بغداد", "في القاهرة", "في مؤتمر صحفي", "في بيان رسمي", "خلال لقاء مع الصحفيين",
          "في تصريح لوكالة الأنباء", "في طرابلس", "في الرباط", "أمام البرلمان"]
COUNTS = ["وقتل 12 شخصا وأصيب 30 آخرون", "ونزح نحو 1500 عائلة", "وأفرج عن 250 معتقلا",
          "ودمرت 4 آليات عسكرية", "وبلغت نسبة المشاركة 45 في المئة", "وتضم القوة 2000 عنصر"]
DATES = ["أمس", "الثلاثاء", "يوم الجمعة الماضي", "في 12 أيلول/سبتمبر 2017", "قبل أسبوعين", "الأسبوع الماضي",
         "مطلع الشهر الجاري", "في آذار 2016", "منذ عام 2014", "صباح اليوم", "في 15 محرم 1437 هـ",
         "خلال الأيام الماضية", "بين عامي 2011 و2014", "صيف 2016", "في 12-9-2017"]


def date_free(n: int, rng: random.Random) -> list[str]:
    out = []
    for i in range(n):
        sentence = f"و{rng.choice(VERBS)} {rng.choice(SUBJECTS)} {rng.choice(PLACES)} {rng.choice(CLAUSES)}"
        if i % 4 == 0:
            sentence += "، " + rng.choice(COUNTS)
        out.append(sentence + ".")
    return out


def dated(n: int, rng: random.Random) -> list[str]:
    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]
    pool = [item["text"] for item in gold if item["dates"]]
    out = []
    for i in range(n):
        if i % 2 == 0:
            out.append(pool[i // 2 % len(pool)])
        else:
            out.append(f"و{rng.choice(VERBS)} {rng.choice(SUBJECTS)} {rng.choice(DATES)} {rng.choice(CLAUSES)}.")
    return out


def best_rate(sentences: list[str], runs: int, clock=time.process_time) -> tuple[float, int]:
    """Best sentences/s over ``runs`` passes, and the number of expressions found."""
    best, found = 0.0, 0
    for _ in range(runs):
        t0 = clock()
        found = sum(len(find_dates(s, REF)) for s in sentences)
        best = max(best, len(sentences) / (clock() - t0))
    return best, found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--n", type=int, default=20000, help="sentences per set")
    parser.add_argument("--profile", action="store_true", help="print the cProfile top of the dated set")
    parser.add_argument("--wall", action="store_true", help="time with the wall clock, not CPU time")
    args = parser.parse_args(argv)
    clock = time.perf_counter if args.wall else time.process_time
    rng = random.Random(5)
    free, with_dates = date_free(args.n, rng), dated(args.n, rng)
    find_dates("تهيئة 2017", REF)  # compile the grammar outside the timing

    rate, found = best_rate(free, args.runs, clock)
    print(f"without dates: {rate:,.0f} sentences/s  ({len(free)} sentences, {found} expressions found, "
          f"best of {args.runs}, {'wall' if args.wall else 'CPU'} time)")
    plain = [s for i, s in enumerate(free) if i % 4]
    rate_plain, _ = best_rate(plain, args.runs, clock)
    print(f"  of which without any digit: {rate_plain:,.0f} sentences/s")
    rate, found = best_rate(with_dates, args.runs, clock)
    print(f"with dates:    {rate:,.0f} sentences/s  ({len(with_dates)} sentences, {found} expressions found, "
          f"best of {args.runs})")
    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        for s in with_dates:
            find_dates(s, REF)
        profiler.disable()
        pstats.Stats(profiler).sort_stats("tottime").print_stats(15)
    return 0


if __name__ == "__main__":
    sys.exit(main())
