"""The event lexicon resolves ties the same way in every process, whatever PYTHONHASHSEED is.

Two equally long phrases may both start at a word (one under its stem, one under its verb lemma);
the first candidate wins. Iterating a set of keys made that choice depend on the process's string
hashing, so two runs (or two workers) could code the same sentence differently.
"""

from __future__ import annotations

import os
import subprocess
import sys

_SCRIPT = """
from marsad.events import load_lexicon
lex = load_lexicon()
words = sorted(w for w in lex.lemmas if len(lex.word_keys(w)) > 1)
out = []
for w in words:
    cands = lex.phrase_candidates(w)
    if len(cands) > 1:
        out.append(w + ":" + "|".join(f"{t.type}/{t.mode}/{t.lemma}" for _, _, t in cands))
print(len(out))
print("\\n".join(out))
"""


def _candidates(seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    return subprocess.run([sys.executable, "-c", _SCRIPT], env=env, capture_output=True, text=True,
                          check=True).stdout


def test_phrase_candidates_do_not_depend_on_the_hash_seed() -> None:
    first = _candidates("1")
    assert int(first.split("\n", 1)[0]) > 0  # there are words with several candidate phrases
    for seed in ("2", "3"):
        assert _candidates(seed) == first
