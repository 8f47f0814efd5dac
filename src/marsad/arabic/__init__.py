"""The Arabic text layer: normalisation with offset maps, sentences, tokens and clitic segmentation.

Every span produced here carries offsets into the *original* text, so that ``text[start:end]`` is
always the evidence as written.
"""

from marsad.arabic.normalization import NormalizedText, normalize, normalize_word, segmentation_key
from marsad.arabic.segmentation import Segmentation, add_stems, in_lexicon, segment
from marsad.arabic.sentences import split_sentences
from marsad.arabic.tokenizer import tokenize

__all__ = [
    "NormalizedText",
    "Segmentation",
    "add_stems",
    "in_lexicon",
    "normalize",
    "normalize_word",
    "segment",
    "segmentation_key",
    "split_sentences",
    "tokenize",
]
