from marsad.link.translit import slug, transliterate


def test_readable_keys_for_unknown_names():
    assert transliterate("الحلبوسي") == "al-hlbusi"
    assert transliterate("عبد الله") == "abd allah"
    assert slug("أبو محمد الجولاني") == "abu_mhmd_al_julani"


def test_persian_letters_transliterate_like_arabic_ones():
    assert transliterate("ولایتي") == transliterate("ولايتي")
