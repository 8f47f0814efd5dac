"""Tokenisation with offsets into the original text and clitic segmentation of each word.

The text is normalised once (:func:`marsad.arabic.normalization`, ta marbuta kept so the segmenter can tell
ة from ه); one compiled regex finds words, numbers and punctuation runs in the normalised text, and each
span is mapped back with :meth:`NormalizedText.to_original`. Diacritics, tatweel and invisible controls
therefore never split a word («روســيا», «قُتِلَ» are one token each). Segmentation is cached per word type.
"""

from __future__ import annotations

import re

from marsad.arabic.normalization import normalize
from marsad.arabic.segmentation import token_analysis
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
    analysis = token_analysis
    for m in _TOKEN_RE.finditer(nt.text):
        a, b = m.span()
        s, e = to_original(a, b) if to_original is not None else (a, b)
        key = m.group()
        if m.lastgroup == "w":
            folded, seg = analysis(key)
            if seg.prefix_len or seg.suffix_len:
                if to_original is not None:
                    ss, se = to_original(a + seg.prefix_len, b - seg.suffix_len)
                else:
                    ss, se = a + seg.prefix_len, b - seg.suffix_len
            else:
                ss, se = s, e
            append(Token(s + start, e + start, text[s:e], folded, seg.stem, seg.prefixes, seg.suffixes,
                         ss + start, se + start))
        else:
            append(Token(s + start, e + start, text[s:e], key, key, (), (), s + start, e + start))
    return tokens

