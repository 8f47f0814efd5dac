"""Generate the written forms of an Arabic verb or noun from a compact spec.

News text is unvocalised, so a handful of stems, person/number suffixes, object pronouns and the
proclitics و/ف/س/ل cover nearly every form a trigger verb takes («قصفت», «وقصفوا», «يقصفون»,
«ستقصف», «التقاه», «لم يلتق»). Forms are generated once when the lexicon loads and looked up by
exact match, which is both faster and more predictable than stemming each word of the text.

All inputs and outputs are normalised (see :func:`marsad.events.text.norm_word`): alef variants
are plain alef, alef maqsura is ya, ta marbuta is ha.
"""

from __future__ import annotations

from dataclasses import dataclass

# Perfect-tense subject suffixes: 3ms, 3fs, 3md, 3fd, 3mp, 3fp, 1p, 2mp, 2d, 2fp, 1s/2s.
_PERF_VOWEL = ("", "ت", "ا", "تا", "وا")          # attach to the full stem
_PERF_CONS = ("ت", "نا", "تم", "تما", "تن", "ن")     # attach to the short stem (hollow/doubled)
# The same suffixes before an object pronoun ("قتلوه" drops the alef of وا).
_PERF_BEFORE_OBJ = ("", "ت", "ا", "تا", "و", "نا", "تمو")
_OBJ = ("ه", "ها", "هم", "هما", "هن", "نا", "ك", "كم", "ني")
# Third-person possessive suffixes on a noun («زيارته», «دعمها», «قواتهم», «محادثاتهما»), longest
# first so that «هما» is tried before «ها»/«ه».
POSSESSIVE_SUFFIXES = ("هما", "هم", "ها", "ه")
# Imperfect: person prefixes and subject suffixes (indicative, subjunctive/jussive, dual, fem.).
# 1st person singular (ا) is left out: its forms collide with common words (اثنين).
_IMPF_PREFIX = ("ي", "ت", "ن")
_IMPF_SUFFIX = ("", "ون", "ان", "ين", "وا", "ن", "ا")
_IMPF_BEFORE_OBJ = ("", "ون", "ان", "و", "ا")
# Proclitics: conjunctions, then future/purpose particles on the imperfect only.
_CONJ = ("", "و", "ف")
_IMPF_PARTICLE = ("", "س", "ل")

PAST, PRESENT, FUTURE = "past", "present", "future"


@dataclass(frozen=True, slots=True)
class VerbSpec:
    perf: str | None
    impf: str | None  # 3ms imperfect with its ي prefix, e.g. "يقصف"
    cls: str = "sound"  # sound | hollow | defective | doubled


def guess_class(perf: str | None, impf: str | None, declared: str | None, raw_perf: str = "") -> str:
    """The conjugation class: declared, else detected from the shape of the stems.

    ``raw_perf`` is the unnormalised spelling: a final hamza (هنأ) normalises to alef but is a
    sound root, not a defective one.
    """
    if declared:
        return declared
    if raw_perf.endswith(("أ", "ء", "ئ", "ؤ")):
        return "sound"
    if perf and perf[-1] in "اي":
        return "defective"
    if impf and impf[-1] in "وي" and len(impf) >= 3 and perf and perf[-1] not in "وي":
        return "defective"
    if perf and len(perf) == 2:
        return "doubled"
    return "sound"


def _hollow_short(stem: str) -> str:
    """Drop the long vowel before the last radical: زار→زر, استجاب→استجب, يزور→زر."""
    for i in range(len(stem) - 2, 0, -1):
        if stem[i] in "اوي":
            return stem[:i] + stem[i + 1:]
    return stem


def perfect_forms(perf: str, cls: str) -> set[str]:
    """Every written past-tense form (without proclitics)."""
    out: set[str] = set()
    if cls == "defective":
        base = perf[:-1]
        out.update({perf, base + "ت", base + "تا", base + "وا", base + "يا", base + "وا"})
        for v in ("ي", "و"):  # التقيت / دعوت
            out.update(base + v + s for s in ("ت", "نا", "تم", "تن", "ن"))
        out.update(base + "ا" + o for o in _OBJ)   # التقاه
        out.update(base + "ت" + o for o in _OBJ)   # تبنته, التقته (3fs with an object pronoun)
        out.update(base + "و" + o for o in _OBJ)   # دعوه, تبنوها (3mp with an object pronoun)
        return out
    if cls == "hollow":
        short = _hollow_short(perf)
        out.update(perf + s for s in _PERF_VOWEL)
        out.update(short + s for s in _PERF_CONS)
    elif cls == "doubled":
        out.update(perf + s for s in _PERF_VOWEL)
        out.update(perf + perf[-1] + s for s in _PERF_CONS)
    else:
        out.update(perf + s for s in _PERF_VOWEL)
        out.update(perf + s for s in _PERF_CONS)
    out.update(perf + s + o for s in _PERF_BEFORE_OBJ for o in _OBJ)
    return out


def imperfect_forms(impf: str, cls: str) -> set[str]:
    """Every written present-tense form (without proclitics)."""
    stem = impf[1:] if impf[:1] in "يتنا" else impf
    out: set[str] = set()
    for p in _IMPF_PREFIX:
        if cls == "defective":
            base = stem[:-1]
            out.update({p + stem, p + base, p + base + "ون", p + stem + "ان", p + base + "ين", p + base + "وا",
                        p + base + "ن", p + stem + "ن"})
            out.update(p + stem + o for o in _OBJ)
            continue
        out.update(p + stem + s for s in _IMPF_SUFFIX)
        out.update(p + stem + s + o for s in _IMPF_BEFORE_OBJ for o in _OBJ)
        if cls == "hollow":
            out.add(p + _hollow_short(stem))
            out.add(p + _hollow_short(stem) + "ن")
    return out


def verb_forms(spec: VerbSpec) -> dict[str, str]:
    """Map each written form, proclitics included, to its tense (past | present | future)."""
    cls = spec.cls
    out: dict[str, str] = {}
    if spec.perf:
        for f in perfect_forms(spec.perf, cls):
            for c in _CONJ:
                out.setdefault(c + f, PAST)
    if spec.impf:
        for f in imperfect_forms(spec.impf, cls):
            for c in _CONJ:
                for part in _IMPF_PARTICLE:
                    # purpose ل only before ي/ت: «ل+ن+دن» would read «لندن» as a verb
                    if part == "ل" and f[:1] not in "يت":
                        continue
                    tense = FUTURE if part == "س" else PRESENT
                    out[c + part + f] = tense
    # A past form must not be shadowed by an identical present one (أشار vs ا+شار): keep past.
    if spec.perf:
        for f in perfect_forms(spec.perf, cls):
            out[f] = PAST
    return out


def noun_forms(word: str) -> set[str]:
    """Case, dual and possessive variants of a normalised noun (clitics are handled by the matcher)."""
    out = {word}
    if len(word) < 2:
        return out
    if word.endswith("ه"):  # ta marbuta (normalised to ه): زيارة → زيارته, زيارتها, زيارتين
        stem = word[:-1] + "ت"
        out.update(stem + s for s in ("ه", "ها", "هم", "هما", "ي", "نا", "ك", "كم", "ان", "ين"))
        return out
    if not word.endswith(("ات", "ا", "ي", "ون", "ين")) or word.endswith("ين") and len(word) <= 4:
        # tanween alif: هجوما; round 37: a short noun whose stem ends in «ين» is no plural
        # («كمين» → «نصبت … كميناً»), while «مسلحين», «مدعومين» take no tanween
        out.add(word + "ا")
    if word.endswith("ي"):
        out.add(word + "ا")  # nisba / defective: انتحاريا
    out.update(word + s for s in ("ه", "ها", "هم", "هما", "ي", "نا", "ان", "ين"))
    if word.endswith("اء"):
        # a final hamza takes the seat of its case before a suffix, and the normaliser reads ئ as ي
        # and ؤ as و: «لقائه» → لقايه, «لقاؤهما» → لقاوهما, «اعتدائها» → اعتدايها (round 26)
        for seat in ("ي", "و"):
            out.update(word[:-1] + seat + s for s in ("ه", "ها", "هم", "هما", "نا"))
    if word.endswith("ات"):
        out.update(word + s for s in ("ه", "ها", "هم", "هما", "نا"))
    if word.endswith("ون"):  # sound masculine plural in construct: متظاهرو
        out.add(word[:-1])
    return out
