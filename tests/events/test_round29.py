"""Round 29 — false events on everyday news (sport, business, disasters, culture, homographs).

``scripts/fp_audit.py`` ran the pipeline over a fixed sample of ANERcorp/AQMAR sentences and judged every
event; the classes fixed from it are tested here with sentences written for these tests (no corpus
sentence is copied). Each negative names the event type the sentence must not yield; each positive
checks that the political reading of the same words survives the fix.
"""

from __future__ import annotations

from typing import Any

import pytest
from events_helpers import pipeline_events as _events
from events_helpers import sides as _sides

# (sentence, type it must not yield, class)
NEGATIVES: list[tuple[str, str, str]] = [
    # a verb never ends in «ة»: «لوحة» is no «لوّحه», «عارضة» no «عارضه»
    ("بيعت في المزاد لوحة للفنان الفرنسي بمبلغ كبير.", "THREATEN", "ta marbuta"),
    ("عملت عارضة أزياء قبل أن تتجه إلى التمثيل.", "REJECT", "ta marbuta"),
    # everyday homographs as NONE phrases or never-triggers
    ("خلص تقرير صادر عن البنك الدولي إلى أن النمو سيتباطأ.", "COERCE", "issued by"),
    ("تعمل أجهزة الطرد المركزي على فصل النظائر.", "SANCTION", "centrifuge"),
    ("شوهدت سحب كثيفة من الدخان فوق المصنع بعد الحريق.", "RETREAT", "clouds"),
    ("ويتوقع الخبراء أن تصل نسبة البطالة إلى عشرة بالمئة.", "CONSULT", "a share reaches"),
    ("كشفت الصحيفة عن برنامج للتنصت على المكالمات الهاتفية.", "CONSULT", "wiretapping"),
    ("تقيم في القرية ثلاث نساء يدعين أنهن ساحرات.", "REQUEST", "claim"),
    ("وتشد الأم على يد طفلها وهي تعبر الشارع.", "SUPPORT", "pull"),
    ("رفض المتحدث باسم الوزارة التعليق على التقرير.", "REJECT", "declined comment"),
    ("ورفض الرجل الكشف عن اسمه الحقيقي خوفا على عائلته.", "REJECT", "declined to name"),
    ("وقال الوزير في لقاء مع قناة محلية إن الاقتصاد يتعافى.", "CONSULT", "interview"),
    ("وأوضح الرئيس في حوار صحفي أن الانتخابات ستجري في موعدها.", "CONSULT", "interview"),
    ("تسعى الحكومة إلى حشد الدعم الدولي لخطتها الاقتصادية.", "MOBILIZE", "rallying support"),
    ("خرجت حشود من المتظاهرين إلى الشوارع مطالبة بالإصلاح.", "MOBILIZE", "a crowd"),
    ("اجتاحت السيول عددا من القرى في جنوب البلاد.", "ASSAULT", "natural force"),
    ("شن رئيس الوزراء هجوما حادا على أحزاب المعارضة.", "ASSAULT", "verbal attack"),
    # off-topic domains: sport, business, natural disasters
    ("قرر الاتحاد الدولي لكرة القدم إيقاف اللاعب أربع مباريات بسبب سلوكه.", "COERCE", "sport"),
    ("يلتقي المنتخب الأردني نظيره العراقي في مباراة ودية مساء الخميس.", "CONSULT", "sport"),
    ("أشاد مدرب الفريق بأداء اللاعبين في المباراة.", "SUPPORT", "sport"),
    ("أعلنت الشركة توقيع اتفاقية تعاون مع مصرف محلي لتمويل المشاريع الصغيرة.", "AGREE", "business"),
    ("ودخلت الشركة في مفاوضات مع عدد من الموزعين لشراء حقوق الفيلم.", "CONSULT", "business"),
    ("انتقد لاعب المنتخب السعودي قرار الحكم في المباراة.", "ACCUSE", "sport, team named like its state"),
    ("ضربت عاصفة قوية الساحل وأودت بحياة 12 شخصا.", "ASSAULT", "disaster"),
    ("اجتاحت البلاد فيضانات مدمرة أودت بحياة المئات.", "ASSAULT", "disaster"),
]

# (sentence, type it must yield, an actor id it must name or None)
POSITIVES: list[tuple[str, str, str | None]] = [
    ("اجتاحت القوات الإسرائيلية مدينة رفح فجر اليوم.", "ASSAULT", None),
    ("اجتاح مسلحون قرية في ولاية زمفارا.", "ASSAULT", None),
    ("رصدت الأقمار الصناعية حشودا عسكرية قرب الحدود الشرقية.", "MOBILIZE", None),
    ("شن رئيس الوزراء هجوما حادا على أحزاب المعارضة.", "ACCUSE", None),
    ("وقعت الحكومة العراقية اتفاقية مع شركة توتال الفرنسية لتطوير حقول الغاز.", "AGREE", "iraq"),
    ("فرضت الولايات المتحدة عقوبات على شركات صينية.", "SANCTION", "united_states"),
    ("اتهمت الحكومة الشركة بالتنصت على اتصالات الوزراء.", "ACCUSE", None),
    ("أرسلت تركيا مساعدات إلى المناطق المنكوبة بالزلزال.", "AID", "turkey"),
    # a bombing at a match states its toll: it stays whoever did it
    ("فجر انتحاري نفسه قرب ملعب في بغداد خلال مباراة لكرة القدم مما أسفر عن مقتل 10 أشخاص.", "ASSAULT", None),
    # «تهنئة» ends in «ة» and is an event noun: it keeps its event
    ("بعث الرئيس المصري برقية تهنئة إلى نظيره التونسي.", "SUPPORT", None),
    ("رفض الرئيس الفلسطيني الخطة الأمريكية للسلام.", "REJECT", None),
    ("التقى وزير الخارجية الأردني نظيره المصري في عمان.", "CONSULT", None),
]


@pytest.mark.parametrize(("text", "type_", "why"), NEGATIVES, ids=[f"{c[2]}:{c[0][:20]}" for c in NEGATIVES])
def test_everyday_sentence_gives_no_false_event(nlp: Any, text: str, type_: str, why: str) -> None:
    got = _events(nlp, text, type_)
    assert not got, f"{why}: unexpected {type_} from {[e['evidence']['text'] for e in got]}"


@pytest.mark.parametrize(("text", "type_", "actor"), POSITIVES, ids=[f"{c[1]}:{c[0][:20]}" for c in POSITIVES])
def test_political_reading_survives(nlp: Any, text: str, type_: str, actor: str | None) -> None:
    got = _events(nlp, text, type_)
    assert got, f"no {type_} event"
    if actor is not None:
        assert any(actor in _sides(e)[0] for e in got), [_sides(e) for e in got]


def test_off_topic_domains_are_data() -> None:
    """The domains come from triggers.yaml, normalised; the sport domain lets no meeting stand."""
    from marsad.events.lexicon import off_topic_domains
    from marsad.events.text import norm_word

    domains = off_topic_domains()
    assert len(domains) >= 3
    sport = next(d for d in domains if norm_word("مباراة") in d[0])
    assert "CONSULT" not in sport[1] and sport[2] is not None and "CONSULT" not in sport[2]
    # political idioms are no cues: «الكرة في ملعب واشنطن», «لاعب إقليمي», «انهيار الهدنة»
    cues = frozenset().union(*(d[0] for d in domains))
    assert cues.isdisjoint({norm_word(w) for w in ("كرة", "ملعب", "لاعب", "انهيار")})
