import re
from importlib import resources

from marsad.arabic import normalize_word
from marsad.link.translit import slug, transliterate


def test_readable_keys_for_unknown_names():
    # a word with no known English spelling gets a consonant skeleton with long vowels
    assert transliterate("قاجار") == "Qajar"
    assert transliterate("عبد الله") == "Abd Allah"
    assert slug("أبو محمد الجولاني") == "abu_mohammad_al_jolani"


def test_name_words_take_the_spelling_the_knowledge_base_uses():
    # «حسن» (Hassan Nasrallah, Hassan Rouhani…) and «هاني» come from aligned KB names
    assert transliterate("حسن هاني زاده").startswith("Hassan Hani ")
    assert transliterate("والحلبوسي") == transliterate("للحلبوسي") == transliterate("الحلبوسي")
    assert transliterate("الحلبوسي") == "al-Halbousi"


def test_persian_letters_transliterate_like_arabic_ones():
    assert transliterate("ولایتي") == transliterate("ولايتي")
    assert transliterate("حسین کنعاني") == transliterate("حسين كنعاني")


def test_name_parts_file_is_valid():
    text = resources.files("marsad.link").joinpath("data/name_parts.tsv").read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    assert len(rows) > 500
    keys = [k for k, _ in rows]
    assert len(keys) == len(set(keys))
    for key, latin in rows:
        assert normalize_word(key) == key and not key.startswith("ال")
        assert re.fullmatch(r"[A-Z][A-Za-z'-]*", latin), latin
