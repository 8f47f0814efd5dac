"""Round 34 — dates and status by general rules (issue 6).

Dates:

* after «first» or a superlative, a «منذ» date is when the last such happening took place
  («في زيارة هي الأولى … منذ عام 2012»), so it dates no event of the sentence;
* «بعد أسبوع دامٍ قُتل فيه …» describes a week; it is no count from the report's day, and the
  killing takes the day the sentence names;
* a «منذ» phrase weighs less than a plain date also when «منذ» opens the expression.

Status:

* a responsibility phrase between a light verb and its noun («أعلنت الحركة مسؤوليتها عن الهجوم»)
  makes the attack claimed;
* a former office-holder's account («قال مسؤولون عسكريون سابقون … إن …») is claimed, like an
  analyst's; a «السابق» inside the reported clause is not the speaker;
* «بحسب ما أعلنه قائد الشرطة»: the one after «ما» + a reporting verb (with its object pronoun)
  is the source;
* what an order names after «بـ» (however far the verb) and what one declares readiness for are
  planned;
* a coordinated «وقالت إن …» with its subject left out speaks with the first clause's subject.

Every text here was written for these tests.
"""

from __future__ import annotations

from events_helpers import pipeline_events


def test_a_first_since_date_does_not_date_the_visit(nlp):
    text = ("حلّ الرئيس التركي أمس الأربعاء ضيفاً على القاهرة، في زيارة هي الأولى لأردوغان إلى مصر منذ عام "
            "2012، قبل أن يعقد الرئيسان جلسة مباحثات موسعة.")
    events = pipeline_events(nlp, text, "CONSULT", "2024-02-15")
    assert events
    assert all(e["date"] == "2024-02-14" for e in events)


def test_a_described_week_is_no_date(nlp):
    text = ("وتأتي القمة بعد أسبوع دامٍ قُتل فيه عشرون جندياً تركياً في غارة جوية على مواقعهم قرب إدلب "
            "في الثالث من آذار.")
    events = pipeline_events(nlp, text, "ASSAULT", "2020-03-06")
    assert events
    assert all((e["date"], e["date_precision"]) == ("2020-03-03", "day") for e in events)


def test_a_responsibility_claim_after_the_light_verb(nlp):
    events = pipeline_events(nlp, "وأعلنت حركة الشباب مسؤوليتها عن الهجوم في بيان نشرته على موقعها.",
                             "ASSAULT", "2022-04-10")
    assert events
    assert all(e["status"] == "claimed" for e in events)


def test_former_officials_give_a_reading(nlp):
    text = "وقال مسؤولون عسكريون سابقون لصحيفة محلية إن الطائرات الإسرائيلية قصفت شحنة أسلحة قرب المطار."
    events = pipeline_events(nlp, text, "ASSAULT", "2022-06-11")
    assert events
    assert all(e["status"] == "claimed" for e in events)


def test_a_former_president_in_the_reported_clause_is_not_the_speaker(nlp):
    text = "وقال مصدر أمني إن الطائرات الإسرائيلية قصفت منزل الرئيس السابق قرب المطار."
    events = pipeline_events(nlp, text, "ASSAULT", "2022-06-11")
    assert events
    assert all(e["status"] == "reported" for e in events)


def test_according_to_what_the_police_chief_announced(nlp):
    text = "اعتقلت الشرطة 300 شخص في مدينة رشت، بحسب ما أعلنه قائد الشرطة في المحافظة أمس الأحد."
    events = pipeline_events(nlp, text, "COERCE", "2022-09-26")
    assert events
    assert all(e["status"] == "reported" and e["source"] == "قائد الشرطة" for e in events)


def test_an_order_names_a_planned_withdrawal(nlp):
    text = ("أمر الرئيس الروسي، مساء الاثنين، خلال اجتماع في الكرملين مع وزيري الدفاع والخارجية، بسحب القسم "
            "الأكبر من القوات الروسية من سوريا.")
    events = pipeline_events(nlp, text, "RETREAT", "2016-03-14")
    assert events
    assert all(e["status"] == "planned" for e in events)


def test_readiness_to_host_talks_is_planned(nlp):
    events = pipeline_events(nlp, "وأبدى الرئيس التونسي استعداد بلاده لاحتضان حوار بين الأطراف الليبية.",
                             "CONSULT", "2020-01-20")
    assert events
    assert all(e["status"] == "planned" for e in events)


def test_a_coordinated_said_speaks_with_the_first_subject(nlp):
    text = ("ورفضت الحكومة السودانية المبادرة التي طرحها الوسطاء مساء الاثنين بشأن وقف القتال، وقالت إن قوات "
            "الدعم السريع هاجمت مدينة ود مدني.")
    events = pipeline_events(nlp, text, "ASSAULT", "2023-12-20")
    assert events
    assert all(e["status"] == "reported" and e["source"] for e in events)


def test_a_since_phrase_weighs_less_than_the_day_after_the_trigger(nlp):
    text = ("وتعرّضت البلدة لقصف إسرائيلي أكثر من مرة منذ بداية العام، كما قُتل ثلاثة جنود سوريين في غارات "
            "إسرائيلية على ريف درعا في الخامس من نيسان الماضي.")
    events = [e for e in pipeline_events(nlp, text, "ASSAULT", "2022-06-11")
              if e["trigger"] and e["trigger"]["text"] == "قُتل"]
    assert events
    assert all((e["date"], e["date_precision"]) == ("2022-04-05", "day") for e in events)


def test_an_order_to_start_an_act_makes_the_act_planned(nlp):
    # «ببدء» (modality.yaml start_words) between the order's «بـ» and the act: the act is still ordered
    text = "وأمر الرئيس الروسي فلاديمير بوتين، اليوم الاثنين، ببدء سحب القوات الروسية من سوريا."
    events = pipeline_events(nlp, text, "RETREAT", "2016-03-14")
    assert events and all(e["status"] == "planned" for e in events)
    # control: announcing the start of the withdrawal orders nothing
    text = "وأعلن الرئيس الروسي فلاديمير بوتين، اليوم الاثنين، بدء سحب القوات الروسية من سوريا."
    assert all(e["status"] != "planned" for e in pipeline_events(nlp, text, "RETREAT", "2016-03-14"))
