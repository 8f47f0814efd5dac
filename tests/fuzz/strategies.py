"""Hypothesis strategies for Arabic-ish text: real words and phrases mixed with everything that breaks parsers."""

from __future__ import annotations

from hypothesis import settings
from hypothesis import strategies as st

# Deterministic and modest: the fuzz suite must stay fast and give the same verdict in CI every time.
FUZZ = settings(max_examples=60, deadline=None, derandomize=True, database=None)
FUZZ_SLOW = settings(max_examples=25, deadline=None, derandomize=True, database=None)

WORDS = [
    "قال", "وزير", "الدفاع", "الروسي", "سيرغي", "شويغو", "إن", "قوات", "الجيش", "السوري", "سيطرت", "على",
    "مدينة", "دير", "الزور", "بعد", "اشتباكات", "مع", "تنظيم", "داعش", "والتقى", "الرئيس", "بشار", "الأسد",
    "في", "دمشق", "أمس", "الثلاثاء", "وأعلنت", "وزارة", "الخارجية", "الإيرانية", "رفضها", "العقوبات",
    "الأمريكية", "وقتل", "14", "مدنيا", "في", "غارات", "جوية", "على", "إدلب", "وطالب", "المتظاهرون", "في",
    "بغداد", "بإسقاط", "الحكومة", "ووقعت", "تركيا", "وروسيا", "اتفاقا", "لوقف", "إطلاق", "النار", "يوم",
    "12", "أيلول", "2017", "قبل", "أسبوعين", "الشهر", "المقبل", "رمضان", "الماضي", "١٥", "محرم", "١٤٣٧", "هـ",
    "وفق", "وكالة", "سانا", "نفى", "هدد", "بالرد", "انسحبت", "القوات", "الأمريكية", "من", "قاعدة", "حميميم",
    "بحسب", "مصادر", "محلية", "لم", "تعلن", "أي", "جهة", "مسؤوليتها", "حزب", "الله", "الحوثيون",
]
PUNCT = [" ", " ", " ", " ", "، ", ". ", "؟ ", "! ", "\n", "\n\n", "؛ ", ": ", "«", "»", "(", ")", "-", "/", "…"]
NOISE = (
    list("\u064b\u064e\u064f\u0650\u0651\u0652\u0640")  # harakat, tatweel
    + ["\u200c", "\u200d", "\u200e", "\u200f", "\ufeff", "\u200b", "\u00a0", "\x00", "\x07", "\x1b", "\r", "\t"]
    + ["😀", "🇸🇾", "👍🏽", "ﻻ", "ﷲ", "ﷺ", "ی", "ک", "گ", "۱۲", "٣٤", "ABC", "U.S.", "<b>", "&amp;", "\U0010ffff"]
)

ARABICISH = st.lists(
    st.one_of(st.sampled_from(WORDS), st.sampled_from(WORDS), st.sampled_from(PUNCT), st.sampled_from(NOISE),
              st.text(max_size=4)),
    max_size=120,
).map("".join)

ANY_TEXT = st.one_of(ARABICISH, st.text(max_size=200))
