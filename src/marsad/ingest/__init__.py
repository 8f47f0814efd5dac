"""Ingest: inputs → :class:`~marsad.model.Document` with cleaned text and stated metadata.

Public surface: :func:`iter_inputs`, :func:`count_inputs`, :func:`load_document`.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date

from marsad.ingest.boilerplate import clean_text
from marsad.ingest.encoding import DecodeError, decode_bytes
from marsad.ingest.html import ExtractionError, extract_html
from marsad.ingest.metadata import guess_title, parse_stated_date
from marsad.ingest.sources import DEFAULT_MAX_BYTES, RawInput, count_inputs, iter_inputs
from marsad.model import Document

__all__ = ["DEFAULT_MAX_BYTES", "RawInput", "count_inputs", "iter_inputs", "load_document"]

# Runs, not single characters: counting the lengths of a few hundred runs is much cheaper than
# building a list of thousands of one-character matches.
_ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]+")
_LETTER = re.compile(r"[^\W\d_]+")


def _count(pattern: re.Pattern[str], text: str) -> int:
    """Characters of ``text`` matched by ``pattern`` (a character class with ``+``)."""
    return sum(map(len, pattern.findall(text)))


def load_document(raw: RawInput, doc_id: str) -> Document:
    """Decode, extract and clean one input. Never raises for bad input: returns a rejected Document."""
    doc = Document(doc_id=doc_id, source=raw.source)
    if raw.kind == "error":
        rec = raw.record or {}
        doc.title = rec.get("title") if isinstance(rec.get("title"), str) else None
        return doc.reject(raw.error or "unreadable input", stage="ingest")
    try:
        if raw.kind == "record":
            _from_record(doc, raw.record)
        elif raw.kind == "html":
            text, enc = decode_bytes(raw.data or b"")
            art = extract_html(text)
            cleaned = clean_text(art.text, read_meta=False)
            doc.text = cleaned.text
            doc.boilerplate_removed_chars = art.removed_chars + cleaned.removed_chars
            doc.title, doc.outlet, doc.url = art.title, art.outlet, art.url
            if art.published and parse_stated_date(art.published):
                doc.published, doc.published_basis = parse_stated_date(art.published), "stated"
        else:
            text, enc = decode_bytes(raw.data or b"")
            _from_plain(doc, text)
    except (DecodeError, ExtractionError) as exc:
        return doc.reject(str(exc), stage="ingest")
    if not doc.published and raw.published:  # the user's date for documents that state none
        doc.published, doc.published_basis = raw.published, "given"
    return _validate(doc)


def _from_plain(doc: Document, text: str) -> None:
    cleaned = clean_text(text)
    doc.text = cleaned.text
    doc.boilerplate_removed_chars = cleaned.removed_chars
    doc.title = cleaned.meta.get("title") or guess_title(cleaned.text)
    doc.outlet = cleaned.meta.get("outlet")
    stated = parse_stated_date(cleaned.meta.get("published"))
    if stated:
        doc.published, doc.published_basis = stated, "stated"


def _from_record(doc: Document, rec: dict) -> None:
    cleaned = clean_text(rec["text"])
    doc.text = cleaned.text
    doc.boilerplate_removed_chars = cleaned.removed_chars
    doc.title = _str(rec.get("title")) or cleaned.meta.get("title")
    doc.outlet = _str(rec.get("outlet")) or cleaned.meta.get("outlet")
    doc.url = _str(rec.get("url"))
    given = _str(rec.get("published"))
    if given:
        try:
            doc.published = date.fromisoformat(given[:10]).isoformat()
            doc.published_basis = "given"
        except ValueError:
            doc.published = None
    if not doc.published:
        stated = parse_stated_date(cleaned.meta.get("published"))
        if stated:
            doc.published, doc.published_basis = stated, "stated"


def _validate(doc: Document) -> Document:
    text = doc.text
    if not text.strip():
        return doc.reject("no text left after removing boilerplate", stage="ingest")
    sample = text[:20000]
    letters = _count(_LETTER, sample)
    if letters < 20:
        return doc.reject(f"too little text to be an article ({letters} letters)", stage="ingest")
    arabic = _count(_ARABIC, sample)
    doc.language = "ar" if arabic >= letters * 0.3 else "other"
    doc.content_sha256 = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return doc


def _str(v: object) -> str | None:
    return v.strip() or None if isinstance(v, str) else None
