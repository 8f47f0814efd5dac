"""A restated happening takes the finer of two consistent dates (lead fix, session 6).

The document merge folds a later record of the same happening into the first one. When the first
record was dated only vaguely («منذ أشهر» → a year) and the restatement pins it down inside that
year («خلال الأسبوع الماضي» → a month), the finer date is the one a reader keeps; when the two
dates disagree, the first record's date stays.

Every text here was written for these tests.
"""

from __future__ import annotations

from events_helpers import pipeline_events

from marsad.events.extract import _refines


def test_refines_only_inside_the_coarser_date():
    assert _refines("2015-10", "2015")
    assert _refines("2015-10-03", "2015-10")
    assert not _refines("2016-01", "2015")      # disagrees: not a refinement
    assert not _refines("2015", "2015-10")      # coarser
    assert not _refines("2015-10", "2015-10")   # the same
    assert not _refines(None, "2015")
    assert not _refines("2015-10", None)


def test_a_restatement_with_a_finer_date_dates_the_happening(nlp):
    text = ("تقصف الطائرات الروسية مواقع المعارضة السورية منذ أشهر في ريف حماة. "
            "وقد شنت الطائرات الروسية ضربات جوية مكثفة على مواقع المعارضة السورية خلال الأسبوع الماضي.")
    events = pipeline_events(nlp, text, "ASSAULT", "2015-10-06")
    assert events
    assert any(e["date"] == "2015-10" for e in events)
    assert not any(e["date"] == "2015" for e in events)
