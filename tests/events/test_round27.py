"""Round 27 — event dates that generalise (issue 6).

* an event dated «في السابع عشر من الشهر نفسه» gets the day of the month named before it;
* «وبعد ساعات أعلن …» in a past report is the day just told, not the publication day;
* a day set off after a reporting verb («أكدت …، أمس، مقتل …», «أعلنت قسد، اليوم السبت، القضاء
  على …») dates the happening by that day (the round-20b month rule was dropped).

Every text here was written for these tests.
"""

from __future__ import annotations

from events_helpers import pipeline_events


def test_the_same_month_gives_the_day_of_the_month_named_before(nlp):
    text = ("وبدأت تركيا عمليتها العسكرية في التاسع من تشرين الأول. وتوقفت العمليات بعد اتفاق توصّل إليه "
            "أردوغان ونائب الرئيس الأمريكي مايك بنس في أنقرة في السابع عشر من الشهر نفسه.")
    events = pipeline_events(nlp, text, "AGREE", "2019-11-01")
    assert events
    assert all((e["date"], e["date_precision"]) == ("2019-10-17", "day") for e in events)


def test_hours_later_is_the_day_just_told(nlp):
    text = ("وصباح السبت سيطر مقاتلو مجموعة فاغنر على مقر المنطقة العسكرية في روستوف. ومساء السبت، أعلن "
            "المكتب الصحفي للرئيس البيلاروسي أنه أجرى محادثات مع بريغوجين استمرت طوال اليوم. "
            "وبعد ساعات أعلن بريغوجين أن مقاتليه سيعودون إلى معسكراتهم.")
    events = pipeline_events(nlp, text, "RETREAT", "2023-06-26")
    assert events
    assert all(e["date"] == "2023-06-24" for e in events)


def test_a_day_set_off_after_an_announcement_dates_the_happening(nlp):
    text = "أعلنت وزارة الدفاع التركية، اليوم السبت، مقتل جنديين في هجوم شنه مسلحون أكراد قرب الحدود."
    events = pipeline_events(nlp, text, "ASSAULT", "2019-03-23")
    assert events
    assert all((e["date"], e["date_precision"]) == ("2019-03-23", "day") for e in events)
