"""The bundled demo corpus: short Arabic news-style articles written for Marsad (see corpus/README.md)."""

from __future__ import annotations

from pathlib import Path

CORPUS_DIR = Path(__file__).parent / "corpus"


def corpus_path() -> Path:
    """Folder of the demo articles shipped inside the package."""
    return CORPUS_DIR
