"""Round 38 — a sentence that continues a joint happening told before takes its sides.

«التقى … بالرئيس … . وبحثا …» (a dual verb with no subject of its own) and «… . وأكد الرئيس خلال
اللقاء …» (a meeting noun after «خلال»: the speaker is one side, the one addressed the other). The
texts were written for these tests and run the whole pipeline (``marsad.load()``); each rule has a
control where the back-reference is absent, or ambiguous, and nothing is carried over.
"""

from __future__ import annotations

from events_helpers import pipeline_events as _events
from events_helpers import sides as _sides

from marsad.events import discourse

_DAY = "2023-05-01"
_MET = "التقى وزير الدفاع الروسي سيرغي شويغو الثلاثاء بالرئيس السوري بشار الأسد في دمشق."
_HOSTED = "استقبل الرئيس السوري بشار الأسد في دمشق أمس وزير الخارجية الإيراني عباس عراقجي."


# -- the data file ----------------------------------------------------------------------------------

def test_discourse_yaml_is_valid():
    cues = discourse._round38()
    for key in ("meeting_nouns", "meeting_preps", "dual_openers"):
        assert cues[key], key
        assert all(" " not in w for w in cues[key])
    # dual verbs only: the past dual ends in «ا» (masculine) or «تا» (feminine), never the plural «وا»
    assert all(w.endswith("ا") and not w.endswith("وا") for w in cues["dual_openers"])
    from marsad.events.lexicon import load_lexicon
    types = set(load_lexicon().cues["raw"].get("event_types") or ()) or None
    for key in ("meeting_types", "addressed_types", "joint_types"):
        assert cues[key] and all(t.isupper() for t in cues[key])
        if types:
            assert cues[key] <= types
    assert 1 <= cues["window"] <= 5


# -- a dual verb opening the sentence ---------------------------------------------------------------

def test_dual_verb_takes_both_sides_of_the_meeting(nlp):
    text = _MET + " واتفقا على تعزيز التعاون العسكري بين البلدين."
    (agree,) = _events(nlp, text, "AGREE", _DAY)
    assert _sides(agree) == (["sergei_shoigu"], ["bashar_al_assad"])


def test_dual_verb_with_a_noun_gives_the_noun_both_sides(nlp):
    text = _MET + " وبحثا تعزيز التعاون العسكري بين البلدين."
    (coop,) = _events(nlp, text, "COOPERATE", _DAY)
    assert _sides(coop) == (["sergei_shoigu"], ["bashar_al_assad"])


def test_singular_verb_is_no_dual_back_reference(nlp):
    # control: «واتفق» (singular) with no subject is not the two sides of the meeting
    text = _MET + " واتفق على تعزيز التعاون العسكري بين البلدين."
    for agree in _events(nlp, text, "AGREE", _DAY):
        assert _sides(agree) != (["sergei_shoigu"], ["bashar_al_assad"])


def test_dual_verb_after_two_meetings_is_ambiguous(nlp):
    # control: two meetings between other pairs in the window: the reader cannot tell which
    text = (_MET + " واستقبل الرئيس التركي رجب طيب أردوغان في أنقرة وزير الخارجية الإيراني عباس عراقجي."
            " واتفقا على تعزيز التعاون العسكري بين البلدين.")
    for agree in _events(nlp, text, "AGREE", _DAY):
        assert "sergei_shoigu" not in _sides(agree)[0] + _sides(agree)[1]


# -- «خلال اللقاء»: the speaker's counterpart --------------------------------------------------------

def test_agreeing_during_the_meeting_is_with_the_other_side(nlp):
    text = _HOSTED + " واتفق الأسد خلال اللقاء على تعزيز التعاون الاقتصادي."
    (agree,) = _events(nlp, text, "AGREE", _DAY)
    assert _sides(agree) == (["bashar_al_assad"], ["abbas_araghchi"])


def test_praise_during_the_meeting_is_for_the_other_side(nlp):
    text = _HOSTED + " وأشاد الأسد خلال اللقاء بالمواقف الداعمة."
    (praise,) = _events(nlp, text, "SUPPORT", _DAY)
    assert _sides(praise) == (["bashar_al_assad"], ["abbas_araghchi"])


def test_possessive_meeting_noun_refers_back_too(nlp):
    text = ("وصل وزير الخارجية الإيراني عباس عراقجي أمس إلى دمشق حيث التقى الرئيس السوري بشار الأسد."
            " واتفق عراقجي خلال زيارته على تعزيز التعاون الاقتصادي.")
    agrees = _events(nlp, text, "AGREE", _DAY)
    assert (["abbas_araghchi"], ["bashar_al_assad"]) in [_sides(a) for a in agrees]


def test_without_the_meeting_noun_nothing_is_carried(nlp):
    # control: the same statement with no back-reference to the meeting keeps no recipient
    text = _HOSTED + " واتفق الأسد في كلمة على تعزيز التعاون الاقتصادي."
    (agree,) = _events(nlp, text, "AGREE", _DAY)
    assert _sides(agree) == (["bashar_al_assad"], [])


def test_a_rejection_voiced_during_the_meeting_is_not_aimed_at_the_guest(nlp):
    # control: «رفض … للتدخل الأجنبي» during the talks is aimed at a third party, not the guest
    text = _HOSTED + " وأكد الأسد خلال اللقاء رفض سوريا للتدخل الأجنبي."
    for reject in _events(nlp, text, "REJECT", _DAY):
        assert "abbas_araghchi" not in _sides(reject)[1]


def test_speaker_outside_the_meeting_takes_nothing(nlp):
    # control: the speaker is neither side of the meeting told before
    text = _HOSTED + " واتفق الرئيس التركي رجب طيب أردوغان خلال الاجتماع على تعزيز التعاون الاقتصادي."
    for agree in _events(nlp, text, "AGREE", _DAY):
        assert "abbas_araghchi" not in _sides(agree)[1]
        assert "bashar_al_assad" not in _sides(agree)[1]


# -- «ضيفه الكويتي»: the guest is the visitor of that state named before -----------------------------

_TOUR = "زار أمير الكويت الشيخ صباح الأحمد الجابر الصباح أمس دبي حيث التقى الشيخ محمد بن راشد آل مكتوم."


def test_guest_with_state_adjective_is_the_visitor(nlp):
    text = _TOUR + " واستقبل أمير قطر الشيخ تميم بن حمد آل ثاني ضيفه الكويتي في مطار الدوحة."
    meetings = _events(nlp, text, "CONSULT", _DAY)
    assert (["tamim_bin_hamad"], ["sabah_al_ahmad"]) in [_sides(m) for m in meetings]


def test_guest_of_a_state_nobody_named_stays_unknown(nlp):
    # control: no Omani was named before, so «ضيفه العماني» is nobody the article told
    text = _TOUR + " واستقبل أمير قطر الشيخ تميم بن حمد آل ثاني ضيفه العماني في مطار الدوحة."
    for meeting in _events(nlp, text, "CONSULT", _DAY):
        if meeting["actor"] and meeting["actor"][0].get("id") == "tamim_bin_hamad":
            assert "sabah_al_ahmad" not in _sides(meeting)[1]


def test_the_two_sides_are_those_of_the_meeting_just_told(nlp):
    # «الجانبان» right after the reception in the same sentence: its host and guest, not the two
    # persons named last
    text = (_TOUR + " واستقبل أمير قطر الشيخ تميم بن حمد آل ثاني ضيفه الكويتي في مطار الدوحة، وعقد الجانبان"
            " جلسة مباحثات مغلقة.")
    for meeting in _events(nlp, text, "CONSULT", _DAY):
        assert _sides(meeting) != (["mohammed_bin_rashid"], ["tamim_bin_hamad"])
    assert (["tamim_bin_hamad"], ["sabah_al_ahmad"]) in [_sides(m) for m in _events(nlp, text, "CONSULT", _DAY)]



def _linked(nlp, monkeypatch, text: str) -> list[dict]:
    """The sentence-level records right after the discourse pass (before the document merge folds a
    restated meeting into the first one)."""
    seen: list[dict] = []
    link = discourse.Discourse.link

    def spy(self, sent, events, mentions):  # noqa: ANN001, ANN202 - a test spy
        link(self, sent, events, mentions)
        seen.extend(events)

    monkeypatch.setattr(discourse.Discourse, "link", spy)
    nlp(text, published=_DAY)
    return seen


def test_the_two_presidents_of_a_reception_stay_the_two_presidents(nlp, monkeypatch):
    # control: «الرئيسان» already read as host and guest of the reception just told keeps them, not
    # the visit to the place's state told between
    text = ("استقبل الرئيس المصري عبد الفتاح السيسي أمس الرئيس التركي رجب طيب أردوغان في مطار القاهرة، في زيارة"
            " هي الأولى لأردوغان إلى مصر، قبل أن يعقد الرئيسان جلسة مباحثات موسعة.")
    (talks,) = [e for e in _linked(nlp, monkeypatch, text) if "مباحثات" in e["trigger"]["text"]]
    assert set(_sides(talks)[0] + _sides(talks)[1]) == {"abdel_fattah_el_sisi", "recep_tayyip_erdogan"}
