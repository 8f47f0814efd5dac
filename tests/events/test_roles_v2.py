"""Role, date and lexicon-cache rules of the second iteration, each on made-up news sentences."""

from __future__ import annotations

import pickle

from events_helpers import actor_ref, ids, make_doc, place_ref

from marsad.events import extract_events
from marsad.events.arguments import date_fields
from marsad.events.lexicon import build_lexicon, load_lexicon
from marsad.model import Mention, TimeExpression

ERDOGAN = ("erdogan", "Recep Tayyip Erdogan")
SISI = ("sisi", "Abdel Fattah el-Sisi")


def _of(events, type_):
    return [e for e in events if e["type"] == type_]


def test_coordinated_verb_takes_the_previous_subject_and_its_lone_group_is_the_object(extract):
    doc = make_doc("زار أردوغان القاهرة أمس، والتقى السيسي في قصر الاتحادية.",
                   actors={"أردوغان": ERDOGAN, "السيسي": SISI}, places={"القاهرة": "Cairo"})
    pairs = {(tuple(ids(e["actor"])), tuple(ids(e["recipient"]))) for e in _of(extract(doc), "CONSULT")}
    assert (("erdogan",), ("sisi",)) in pairs
    assert not any(a == ("sisi",) for a, _ in pairs)


def test_coordinated_verb_with_its_own_subject_and_object_keeps_vso(extract):
    doc = make_doc("التقى أردوغان السيسي، واستقبل الملك سلمان أمير قطر في الرياض.",
                   actors={"أردوغان": ERDOGAN, "السيسي": SISI, "الملك سلمان": ("salman", "King Salman"),
                           "أمير قطر": ("tamim", "Tamim bin Hamad")})
    pairs = {(tuple(ids(e["actor"])), tuple(ids(e["recipient"]))) for e in _of(extract(doc), "CONSULT")}
    assert (("salman",), ("tamim",)) in pairs


def test_meetings_with_different_recipients_stay_two_events(extract):
    doc = make_doc("استقبل الرئيس التونسي وزير الخارجية الجزائري، وبحث بعد ذلك مع رئيس الحكومة الليبية ملف الحدود.",
                   actors={"الرئيس التونسي": ("saied", "Kais Saied"),
                           "وزير الخارجية الجزائري": ("attaf", "Ahmed Attaf"),
                           "رئيس الحكومة الليبية": ("dbeibah", "Abdul Hamid Dbeibah")})
    pairs = {(tuple(ids(e["actor"])), tuple(ids(e["recipient"]))) for e in _of(extract(doc), "CONSULT")}
    assert (("saied",), ("attaf",)) in pairs
    assert (("saied",), ("dbeibah",)) in pairs


def test_genitive_inside_a_title_is_not_a_participant(extract):
    doc = make_doc("استقبل مستشار الرئيس التركي إبراهيم كالن في أنقرة السفير الأمريكي.",
                   actors={"الرئيس التركي": ERDOGAN, "إبراهيم كالن": ("kalin", "Ibrahim Kalin"),
                           "السفير الأمريكي": ("us_ambassador", "US ambassador")})
    ev = _of(extract(doc), "CONSULT")[0]
    assert ids(ev["actor"]) == ["kalin"]
    assert ids(ev["recipient"]) == ["us_ambassador"]


def test_office_mention_right_before_a_name_is_that_persons_title(extract):
    text = "التقى وزير الخارجية المغربي ناصر بوريطة نظيره الموريتاني في نواكشوط."
    doc = make_doc(text, actors={"نظيره الموريتاني": ("mr_fm", "Mauritanian FM")})
    office = "وزير الخارجية المغربي"
    name = "ناصر بوريطة"
    s1, s2 = text.index(office), text.index(name)
    doc.mentions = sorted(doc.mentions + [
        Mention(s1, s1 + len(office), office, label="PERS", actor_id="office:foreign_minister:MAR",
                extra={"ref": dict(actor_ref("office:foreign_minister:MAR", "Foreign minister", office))}),
        Mention(s2, s2 + len(name), name, label="PERS", actor_id="bourita",
                extra={"ref": dict(actor_ref("bourita", "Nasser Bourita", name))}),
    ], key=lambda m: m.start)
    ev = _of(extract(doc), "CONSULT")[0]
    assert ids(ev["actor"]) == ["bourita"]
    assert ids(ev["recipient"]) == ["mr_fm"]


def test_coordination_across_a_title_and_split_of_a_joint_meeting(extract):
    doc = make_doc("اجتمع ماكرون ونظيره الألماني أولاف شولتس في باريس لبحث أزمة الطاقة.",
                   actors={"ماكرون": ("macron", "Emmanuel Macron"), "أولاف شولتس": ("scholz", "Olaf Scholz")},
                   places={"باريس": "Paris"})
    ev = _of(extract(doc), "CONSULT")[0]
    assert ids(ev["actor"]) == ["macron"]
    assert ids(ev["recipient"]) == ["scholz"]


def test_joint_agreement_of_a_coordinated_subject_is_split(extract):
    doc = make_doc("اتفقت مصر والسودان على تشكيل لجنة فنية مشتركة.",
                   actors={"مصر": ("egypt", "Egypt"), "والسودان": ("sudan", "Sudan", "السودان")})
    ev = _of(extract(doc), "AGREE")[0]
    assert ids(ev["actor"]) == ["egypt"]
    assert ids(ev["recipient"]) == ["sudan"]


def test_visit_host_state_from_the_destination_country():
    from marsad.events.lexicon import load_lexicon as lex_of
    text = "وصل رئيس الوزراء العراقي إلى أنقرة في زيارة رسمية تستمر يومين."
    doc = make_doc(text, actors={"رئيس الوزراء العراقي": ("iraq_pm", "Iraqi PM")})
    s = text.index("أنقرة")
    loc = dict(place_ref("Ankara", "أنقرة"), country="TUR")
    doc.mentions = sorted(doc.mentions + [Mention(s, s + 5, "أنقرة", label="LOC", place_id="ankara",
                                                  extra={"location": loc})], key=lambda m: m.start)
    doc.mentions[0].extra["ref"]["country"] = "IRQ"
    turkey = {"id": "turkey", "name_en": "Turkey", "name_ar": "تركيا", "wikidata": None, "country": "TUR",
              "sector": "GOV", "role": None, "text": None}
    events = extract_events(doc, lex_of(), {}, states={"TUR": turkey})
    visits = [e for e in events if e["type"] == "CONSULT"]
    assert visits and ids(visits[0]["recipient"]) == ["turkey"]
    assert visits[0]["recipient"][0]["text"] == "أنقرة"


def test_recipient_is_not_taken_from_inside_reported_content(extract):
    doc = make_doc("هدد زعيم الجماعة بأن صواريخها ستصل إلى عمق السعودية.",
                   actors={"زعيم الجماعة": ("leader", "Group leader"), "السعودية": ("saudi_arabia", "Saudi Arabia")})
    ev = _of(extract(doc), "THREATEN")[0]
    assert ids(ev["actor"]) == ["leader"]
    assert ev["recipient"] == []


def test_relative_clause_subject_is_its_antecedent(extract):
    doc = make_doc("وقال الوزير إن بلاده تدعم الأردن في مواجهة اللاجئين الذين وصلوا من سوريا.",
                   actors={"الأردن": ("jordan", "Jordan")})
    assert not any(ids(e["actor"]) == ["jordan"] for e in extract(doc) if e["type"] == "CONSULT")


def test_dawn_is_not_an_explosion(extract):
    doc = make_doc("وصل الوفد الكويتي فجر اليوم إلى مطار بغداد.", actors={"الوفد الكويتي": ("kuwait", "Kuwait")})
    assert not _of(extract(doc), "ASSAULT")


def test_light_verb_reaches_its_noun_over_a_comma_parenthesis(extract):
    doc = make_doc("وقّع وزيرا الطاقة في البلدين، أمس الخميس في الرياض، مذكرة تفاهم للربط الكهربائي.",
                   actors={"وزيرا الطاقة في البلدين": ("ministers", "Energy ministers")},
                   dates=[("أمس الخميس", "2023-03-09", "day")])
    ev = _of(extract(doc), "AGREE")[0]
    assert ids(ev["actor"]) == ["ministers"]
    assert ev["date"] == "2023-03-09"


def test_duration_never_dates_an_event(extract):
    text = "والتقى الأمير طيلة ثلاث ساعات وزير الدفاع البريطاني."
    doc = make_doc(text, actors={"الأمير": ("prince", "Prince"), "وزير الدفاع البريطاني": ("uk_dm", "UK DM")})
    s = text.index("طيلة ثلاث ساعات")
    doc.dates = [TimeExpression(s, s + 15, "طيلة ثلاث ساعات", value="2020", precision="year", kind="duration")]
    ev = _of(extract(doc), "CONSULT")[0]
    assert ev["date"] is None


def test_since_phrase_of_an_ongoing_happening_gives_the_publication_month(extract):
    text = "تواصل القوات الحكومية منذ عام 2019 هجومها على معاقل المتمردين."
    doc = make_doc(text, actors={"القوات الحكومية": ("gov_forces", "Government forces"),
                                 "المتمردين": ("rebels", "Rebels")},
                   dates=[("عام 2019", "2019", "year")])
    doc.published = "2021-04-18"
    ev = _of(extract(doc), "ASSAULT")[0]
    assert (ev["date"], ev["date_precision"]) == ("2021-04", "month")


def test_night_interval_is_the_day_it_names():
    expr = TimeExpression(0, 9, "ليل الجمعة", value="2021-06-10/2021-06-11", precision="interval",
                          kind="weekday")
    assert date_fields(expr)[:2] == ("2021-06-11", "day")
    week = TimeExpression(0, 5, "الأسبوع الماضي", value="2021-06-07", precision="week", kind="relative")
    assert date_fields(week)[:2] == ("2021-06", "month")


def test_lexicon_cache_round_trip(tmp_path, monkeypatch):
    monkeypatch.setenv("MARSAD_CACHE_DIR", str(tmp_path))
    built = load_lexicon.__wrapped__()  # the uncached function: builds and writes the pickle
    files = list((tmp_path / "marsad").glob("events-lexicon-*.pickle"))
    assert len(files) == 1
    again = load_lexicon.__wrapped__()  # now read back from disk
    assert again.verbs == built.verbs and again.nouns == built.nouns and again.phrases == built.phrases
    assert again.cues["symmetric"] == build_lexicon().cues["symmetric"]
    with open(files[0], "rb") as fh:
        assert isinstance(pickle.load(fh), type(built))
