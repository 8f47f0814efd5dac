"""Tokenisation with offsets into the original text and clitic segmentation of each word.

The text is normalised once (:func:`marsad.arabic.normalization`, ta marbuta kept so the segmenter can tell
ة from ه); one compiled regex finds words, numbers and punctuation runs in the normalised text, and each
span is mapped back with :meth:`NormalizedText.to_original`. Diacritics, tatweel and invisible controls
therefore never split a word («روســيا», «قُتِلَ» are one token each). Segmentation is cached per word type.
"""

from __future__ import annotations

import re

from marsad.arabic.normalization import normalize
from marsad.arabic.segmentation import TOKEN_PARTS, token_parts
from marsad.model import Token

# Latin letters glued to digits stay one token (G20, MH17); an Arabic letter after a number does not
# (2017م → 2017 + م). Numbers keep their decimal and thousands separators (3.5, 12.000, 12.9.2017).
_TOKEN_RE = re.compile(
    r"(?P<w>[A-Za-z]+\d[A-Za-z\d]*|[^\W\d_]+)"
    r"|(?P<n>\d+(?:[.,]\d+)*)"
    r"|(?P<p>[^\w\s]+|_+)"
)


def tokenize(text: str, start: int = 0) -> list[Token]:
    """Tokens of ``text``; offsets are shifted by ``start`` (pass the sentence start for a slice).

    ``text[tok.start - start:tok.end - start] == tok.text`` always holds. Words carry their segmentation
    (``prefixes``, ``stem``, ``suffixes``) and the stem's span in the original text; numbers and
    punctuation have no clitics and their stem span is the token span.
    """
    nt = normalize(text, ta_marbuta=False)
    # Most sentences have no diacritic or invisible character: then normalised offsets are the
    # original ones and the per-token offset mapping is skipped altogether.
    to_original = nt.span_mapper()
    tokens: list[Token] = []
    append = tokens.append
    # Which alternative of _TOKEN_RE matched is a property of the matched string (letters, a digit
    # first, or neither), so everything about a token but its offsets is cached per string.
    get = TOKEN_PARTS.get
    if to_original is None:
        for m in _TOKEN_RE.finditer(nt.text):
            a, b = m.span()
            key = m.group()
            parts = get(key) or token_parts(key, m.lastgroup == "w")
            norm, stem, prefixes, suffixes, pl, sl = parts
            s, e = a + start, b + start
            append(Token(s, e, text[a:b], norm, stem, prefixes, suffixes, s + pl, e - sl))
        return tokens
    for m in _TOKEN_RE.finditer(nt.text):
        a, b = m.span()
        key = m.group()
        parts = get(key) or token_parts(key, m.lastgroup == "w")
        norm, stem, prefixes, suffixes, pl, sl = parts
        s, e = to_original(a, b)
        ss, se = to_original(a + pl, b - sl) if pl or sl else (s, e)
        append(Token(s + start, e + start, text[s:e], norm, stem, prefixes, suffixes, ss + start, se + start))
    return tokens
