"""The ASSAULT/PROTEST sentence classifier: loading, scoring behaviour and a CV evaluation gate."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from marsad.events.classifier import (
    MEMBERS,
    MODEL_DIR,
    TYPES,
    best_threshold,
    cross_validate,
    gsr_rows,
    load_sentence_classifier,
    member_targets,
    prf,
    sentence_features,
    stem,
)

GSR = Path(__file__).resolve().parents[3] / "shared" / "data" / "events" / "gsr_dev"

ATTACK_REPORT = "قتل خمسة جنود وأصيب ثمانية آخرون أمس في انفجار سيارة مفخخة استهدفت دوريتهم جنوب بغداد."
ATTACK_GENERIC = "يرى محللون أن ظاهرة الهجمات والاغتيالات تحتاج إلى دراسة أسبابها الاجتماعية والفكرية."
PROTEST_REPORT = "تظاهر آلاف الطلاب أمس أمام مبنى البرلمان ورددوا هتافات تطالب بإسقاط الحكومة."
PROTEST_LAW = "ناقش مجلس النواب مشروع قانون جديد ينظم حق التظاهر والاجتماعات العامة."


@pytest.fixture(scope="module")
def model():
    return load_sentence_classifier()


def test_model_loads_once_with_thresholds(model):
    assert load_sentence_classifier() is model
    assert model.types == TYPES
    for t in TYPES:
        assert 0.0 < model.thresholds[t] < 1.0
    # portable form: plain arrays + JSON, no pickle
    meta = json.loads((MODEL_DIR / "event_sentences.json").read_text(encoding="utf-8"))
    assert set(meta["thresholds"]) == set(TYPES)
    assert tuple(meta["members"]) == MEMBERS == model.members
    with np.load(MODEL_DIR / "event_sentences.npz", allow_pickle=False) as z:
        assert z["weights"].shape == (meta["n_features"], len(TYPES) * len(MEMBERS))
        assert z["bias"].shape == (len(TYPES) * len(MEMBERS),)
    size = sum(p.stat().st_size for p in MODEL_DIR.glob("event_sentences.*"))
    assert size < 5_000_000


def test_attack_report_beats_generic_talk_about_attacks(model):
    report, generic = model.predict([ATTACK_REPORT, ATTACK_GENERIC])
    assert report["ASSAULT"] > generic["ASSAULT"]
    assert report["ASSAULT"] >= model.thresholds["ASSAULT"]
    assert report["ASSAULT"] > report["PROTEST"]


def test_protest_report_beats_protest_law(model):
    report, law = model.predict([PROTEST_REPORT, PROTEST_LAW])
    assert report["PROTEST"] > law["PROTEST"]
    assert report["PROTEST"] >= model.thresholds["PROTEST"]
    assert law["PROTEST"] < model.thresholds["PROTEST"]
    assert report["PROTEST"] > report["ASSAULT"]


def test_outputs_are_probabilities_and_batch_equals_one_by_one(model):
    sents = [ATTACK_REPORT, ATTACK_GENERIC, PROTEST_REPORT, PROTEST_LAW, "", "2024", "Hello world."]
    batch = model.predict(sents)
    assert len(batch) == len(sents)
    for s, row in zip(sents, batch, strict=True):
        assert set(row) == set(TYPES)
        assert all(0.0 <= p <= 1.0 for p in row.values())
        single = model.predict([s])[0]
        for t in TYPES:
            assert single[t] == pytest.approx(row[t], abs=1e-12)
    assert model.predict([]) == []
    # a sentence without any known feature scores the bias alone
    assert batch[4] == model.predict(["   "])[0]


def test_probability_is_the_mean_of_the_members(model):
    """Each type's p averages its members' sigmoids (columns type-major), not their logits."""
    ids = np.asarray(model.feature_ids(PROTEST_REPORT), dtype=np.int64)
    z = model.bias + model.weights[ids].sum(axis=0) / np.sqrt(model.idf_sq[ids].sum())
    members = (1.0 / (1.0 + np.exp(-z))).reshape(len(TYPES), len(MEMBERS))
    got = model.predict([PROTEST_REPORT])[0]
    for k, t in enumerate(TYPES):
        assert got[t] == pytest.approx(members[k].mean(), abs=1e-12)
    # the two members are different models (else the ensemble would be pointless)
    assert abs(members[1, 0] - members[1, 1]) > 1e-3


def test_member_targets_soft_share_and_hard_label():
    rows = [{"q": 1.0, "gold": True}, {"q": 2 / 3, "gold": False}, {"q": 0.0, "gold": False},
            {"q": 2 / 3, "gold": None}]
    assert member_targets(rows, "soft").tolist() == pytest.approx([1.0, 2 / 3, 0.0, 2 / 3])
    # a 2-of-3 sentence is a «difficult no»: negative for the hard member; ambiguous keeps its share
    assert member_targets(rows, "hard").tolist() == pytest.approx([1.0, 0.0, 0.0, 2 / 3])
    with pytest.raises(ValueError):
        member_targets(rows, "median")


def test_best_threshold_scores_the_decision_it_is_told():
    gold = np.array([True, True, False, False, True])
    prob = np.array([0.9, 0.3, 0.8, 0.1, 0.2])
    rules = np.array([True, True, False, True, True])
    sure = np.array([False, False, False, False, True])
    # classifier alone: the best it can do is keep 0.9, 0.3, 0.2 and the 0.8 false positive (F1 6/7)
    t = best_threshold(gold, prob)
    assert 0.1 < t <= 0.2
    assert prf(gold, prob >= t)[2] == pytest.approx(6 / 7)
    # the rules veto the 0.8 false positive, so a low threshold wins: all three positives
    t = best_threshold(gold, prob, rules)
    assert prf(gold, (prob >= t) & rules)[2] == pytest.approx(1.0)
    # row 4 is kept anyway; the threshold need only reach the 0.3 one
    t_sys = best_threshold(gold, prob, rules, sure)
    assert prf(gold, ((prob >= t_sys) & rules) | sure)[2] == pytest.approx(1.0)


def test_decide_uses_thresholds(model):
    decided = model.decide([ATTACK_REPORT, PROTEST_LAW])
    assert "ASSAULT" in decided[0]
    assert "PROTEST" not in decided[1]


def test_features_fold_clitics_and_spelling():
    assert stem("والهجوم") == "هجوم"
    assert stem("بالهجوم") == "هجوم"
    assert stem("للمتظاهرين") == "متظاهرين"
    assert stem("بين") == "بين"  # too short to strip
    # hamza/alef spellings normalise to the same features
    assert sentence_features("أطلق المسلحون النار") == sentence_features("اطلق المسلحون النار")
    assert "b:هجوم انتحاري" in sentence_features("في الهجوم الانتحاري")


# --- evaluation gate ---------------------------------------------------------------------------------
# Pinned floors: this plain-CV F1 as measured when the model was built (ASSAULT 0.680, PROTEST 0.400;
# see MODEL_CARD.md) minus ~0.03. The single soft-target model it replaced measured 0.673 / 0.361.
# The gate re-runs plain 5-fold CV (threshold from the shipped model, no inner loop) so it stays fast;
# that estimate sits close to the nested one.
FLOORS = {"ASSAULT": 0.65, "PROTEST": 0.37}


@pytest.mark.skipif(not GSR.is_dir(), reason="GSR dev data (../shared) not available")
@pytest.mark.parametrize("type_", TYPES)
def test_cv_f1_stays_above_floor(type_, model):
    rows = gsr_rows(GSR / f"{type_.lower()}_gsr_dev.csv")
    cv = cross_validate(rows, k=5, seed=13, inner=False)
    p, r, f1 = prf(cv["gold"], cv["prob"] >= model.thresholds[type_])
    assert f1 >= FLOORS[type_], f"{type_} CV P={p:.3f} R={r:.3f} F1={f1:.3f} below floor {FLOORS[type_]}"
