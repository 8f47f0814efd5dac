"""Who acts and where: «بمساندة X» names helpers, never the recipient; a light participle («مؤكدة
رفضها») takes the main clause's subject; the place an occupation takes is its location."""

from __future__ import annotations


def test_helpers_of_a_seizure_are_not_its_recipient(nlp) -> None:  # noqa: ANN001
    text = "وسيطرت القوات التركية بمساندة فصائل الجيش الوطني السوري على مدينتي رأس العين وتل أبيض."
    seizures = [e for e in nlp(text, published="2019-10-20").events if e.type == "COERCE"]
    assert seizures
    assert all(r.id != "syrian_national_army" for e in seizures for r in e.recipient)


def test_support_from_stays_an_aid_event(nlp) -> None:  # noqa: ANN001
    text = "وتقدم الجيش السوري بدعم من الطيران الروسي في ريف إدلب الجنوبي."
    aid = [e for e in nlp(text, published="2019-10-20").events if e.type == "AID"]
    assert aid and [r.id for r in aid[0].recipient]


def test_light_participle_takes_the_main_subject(nlp) -> None:  # noqa: ANN001
    # «رفضها» under «مؤكدة» is the GNA's refusal («her refusal»), not a verb whose subject is the
    # Egyptian parliament named in between
    text = ("في المقابل، اعتبرت حكومة الوفاق الوطني في طرابلس أن تصويت البرلمان المصري بمثابة «إعلان حرب»، "
            "مؤكدة رفضها أي تدخل أجنبي في ليبيا.")
    rejects = [e for e in nlp(text, published="2020-07-21").events if e.type == "REJECT"]
    assert rejects and all(a.country != "EGY" for e in rejects for a in e.actor)
    assert any(a.country == "LBY" for e in rejects for a in e.actor)


def test_the_place_an_occupation_takes_is_its_location(nlp) -> None:  # noqa: ANN001
    events = nlp("واحتلت القوات التركية مدينة عفرين في آذار 2018.", published="2018-04-01").events
    occupied = [e for e in events if e.type == "COERCE"]
    assert occupied and occupied[0].location is not None and occupied[0].location.name_en == "Afrin"
