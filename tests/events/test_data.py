"""The ontology and lexicon data files are well-formed and consistent."""

from __future__ import annotations

import re
from importlib import resources

import yaml

from marsad.events.lexicon import load_lexicon, parse_verb_spec

PLOVER_TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
QUADS = {"verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"}


def _data(name: str):
    return yaml.safe_load(resources.files("marsad.events").joinpath("data", name).read_text("utf-8"))


def test_every_plover_type_has_quad_cameo_and_modes():
    types = _data("plover.yaml")["types"]
    assert set(types) == PLOVER_TYPES
    for name, t in types.items():
        assert t["quad"] in QUADS, name
        assert re.fullmatch(r"\d{2}", str(t["cameo"])), name
        assert t["modes"], name
        for mode, code in t["modes"].items():
            assert re.fullmatch(r"[a-z][a-z-]*", mode), (name, mode)
            assert re.fullmatch(r"\d{3,4}", str(code)), (name, mode, code)


def test_every_trigger_names_an_existing_type_and_mode():
    types = _data("plover.yaml")["types"]
    trig = _data("triggers.yaml")
    seen_types = set()
    for section in ("verbs", "passive", "nouns", "phrases"):
        for key in trig[section]:
            t, _, mode = key.partition("/")
            if t == "NONE":
                continue
            assert t in types, (section, key)
            assert not mode or mode in types[t]["modes"], (section, key)
            seen_types.add(t)
    assert seen_types == PLOVER_TYPES  # every type can be triggered


def test_verb_specs_parse():
    trig = _data("triggers.yaml")
    cues = _data("cues.yaml")
    lines = [x for v in trig["verbs"].values() for x in v] + trig["light_verbs"] + trig["aux_verbs"] \
        + cues["attribution"]["verbs"] + cues["status"]["denial_verbs"]
    for line in lines:
        spec, _ = parse_verb_spec(line)
        assert spec.perf or spec.impf, line


def test_quantity_keys_map_to_types():
    q = _data("cues.yaml")["quantities"]
    assert set(q["after_noun"]) | set(q["before"]) <= set(q["types"])
    for types in q["types"].values():
        assert set(types) <= PLOVER_TYPES


def test_lexicon_compiles_with_many_forms():
    lex = load_lexicon()
    assert lex.n_forms > 50_000
    assert lex.cameo("CONSULT", "visit") == "042"
    assert lex.cameo("ASSAULT", None) == "19"
    assert lex.quad("ASSAULT") == "material_conflict"


def test_modality_cues_are_lists_of_arabic_words():
    """data/modality.yaml (read by marsad.events.modality): each list is present, non-empty, one Arabic
    word per entry, no duplicates — a misspelt key would silently turn a rule off."""
    data = _data("modality.yaml")
    assert set(data) == {"former_words", "order_verbs", "readiness_words", "start_words"}
    for key, words in data.items():
        assert words and len(words) == len(set(words)), key
        for w in words:
            assert re.fullmatch(r"[\u0621-\u064A]+", w), (key, w)
