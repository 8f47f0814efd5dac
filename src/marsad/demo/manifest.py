"""Access to the bundled demo corpus and its hand-made gold annotations (``MANIFEST.yaml`` beside the ``corpus/`` folder).

This module deliberately does *not* detect encodings or extract web-page content: that is
ingest's job, and the gold must be checkable independently of it. The manifest states each
file's encoding, so :func:`raw_text` simply decodes with it; :func:`visible_text` gives the
visible text of an HTML page with stdlib tools only, enough to check that evidence sentences
are present.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml

CORPUS_DIR = Path(__file__).resolve().parent / "corpus"
MANIFEST_NAME = "MANIFEST.yaml"


def corpus_dir() -> Path:
    """Folder holding the demo articles (inside the installed package)."""
    return CORPUS_DIR


@lru_cache(maxsize=1)
def load_manifest() -> dict[str, Any]:
    """Parsed ``MANIFEST.yaml`` (cached: it is read-only package data)."""
    with (Path(__file__).resolve().parent / MANIFEST_NAME).open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def file_entries() -> list[dict[str, Any]]:
    """One manifest entry per corpus file, in manifest order."""
    return list(load_manifest()["files"])


def article_paths() -> list[Path]:
    """The article files, in manifest order; README.md and MANIFEST.yaml are not articles.

    Feed these (not the folder) to the pipeline: a folder input lists unknown files such as
    the manifest as rejected documents.
    """
    return [CORPUS_DIR / entry["file"] for entry in file_entries()]


def iter_documents() -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    """Yield ``(file_entry, document)`` for every gold document (a JSONL file holds several)."""
    for entry in file_entries():
        for document in entry["documents"]:
            yield entry, document


def raw_text(file_name: str, encoding: str) -> str:
    """The whole file decoded with the encoding the manifest states (BOM consumed for UTF-16)."""
    return (CORPUS_DIR / file_name).read_bytes().decode(encoding)


class _VisibleText(HTMLParser):
    """Collects text outside ``<script>``/``<style>``; block-ish tags become line breaks."""

    _HIDDEN = {"script", "style", "noscript", "template"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._HIDDEN:
            self._hidden_depth += 1
        self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._HIDDEN and self._hidden_depth:
            self._hidden_depth -= 1
        self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._hidden_depth:
            self.parts.append(data)


def visible_text(html: str) -> str:
    """Visible text of an HTML page, one block per line (navigation and footer included)."""
    parser = _VisibleText()
    parser.feed(html)
    parser.close()
    lines = (line.strip() for line in "".join(parser.parts).splitlines())
    return "\n".join(line for line in lines if line)


def document_text(entry: dict[str, Any], document: dict[str, Any]) -> str:
    """The text in which a gold document's evidence sentences occur verbatim.

    ``.txt``: the decoded file; ``.html``: the page's visible text; ``.jsonl``: the ``text``
    field of the line whose ``id`` matches the document's.
    """
    text = raw_text(entry["file"], entry["encoding"])
    if entry["format"] == "html":
        return visible_text(text)
    if entry["format"] == "jsonl":
        for line in text.splitlines():
            if line.strip():
                record = json.loads(line)
                if record["id"] == document["id"]:
                    return record["text"]
        raise KeyError(f"{entry['file']}: no line with id {document['id']!r}")
    return text
