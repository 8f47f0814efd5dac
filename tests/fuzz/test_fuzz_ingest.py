"""Fuzzing ingest: no byte string, encoding, HTML shape or record makes ``load_document`` raise."""

from __future__ import annotations

import hashlib

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.ingest import RawInput, load_document

from .strategies import ARABICISH, FUZZ, FUZZ_SLOW, NOISE, PUNCT, WORDS

ARTICLE = " ".join(WORDS[:40]) + "."


def _check(doc, doc_id: str) -> None:
    assert doc.doc_id == doc_id and doc.status in ("ok", "rejected")
    if doc.status == "ok":
        assert doc.text.strip() and doc.content_sha256 == hashlib.sha256(doc.text.encode("utf-8")).hexdigest()
        doc.record()  # the documents.jsonl line can be built
    else:
        assert doc.error and not doc.error.startswith("internal error")


@FUZZ
@given(st.binary(max_size=3000), st.sampled_from(["txt", "html"]))
def test_random_bytes_never_crash(data: bytes, kind: str) -> None:
    _check(load_document(RawInput("fuzz", kind, data=data), "f"), "f")


@FUZZ
@given(ARABICISH, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1256", "iso8859_6"]))
def test_arabic_in_any_supported_encoding(text: str, encoding: str) -> None:
    data = (ARTICLE + " " + text).encode(encoding, errors="ignore")
    doc = load_document(RawInput("fuzz.txt", "txt", data=data), "e")
    _check(doc, "e")


@FUZZ
@given(st.lists(st.sampled_from(WORDS + PUNCT), max_size=80).map("".join),
       st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le-bom", "cp1256"]))
def test_clean_arabic_is_always_read(text: str, encoding: str) -> None:
    body = ARTICLE + " " + text
    data = b"\xff\xfe" + body.encode("utf-16-le") if encoding == "utf-16-le-bom" else body.encode(encoding)
    doc = load_document(RawInput("clean.txt", "txt", data=data), "c")
    assert doc.status == "ok", doc.error
    assert doc.language == "ar" and WORDS[3] in doc.text


@settings(max_examples=12, deadline=None, derandomize=True, database=None)
@given(st.integers(1, 3000), st.sampled_from(["div", "p", "span", "table", "b"]), st.booleans())
def test_deeply_nested_html(depth: int, tag: str, closed: bool) -> None:
    body = f"<{tag}>" * depth + f"<p>{ARTICLE}</p>" + (f"</{tag}>" * depth if closed else "")
    page = f"<html><head><title>خبر</title></head><body>{body}</body></html>"
    _check(load_document(RawInput("deep.html", "html", data=page.encode("utf-8")), "h"), "h")


@FUZZ_SLOW
@given(st.integers(10_000, 400_000), st.sampled_from(NOISE + ["ا", " ", "،"]))
def test_huge_single_line(n: int, filler: str) -> None:
    text = ARTICLE + " " + filler * n  # no newline anywhere
    _check(load_document(RawInput("huge.txt", "txt", data=text.encode("utf-8")), "u"), "u")


@FUZZ
@given(st.dictionaries(st.sampled_from(["id", "text", "title", "published", "url", "outlet"]),
                       st.one_of(ARABICISH, st.none(), st.integers(), st.floats(), st.lists(st.integers()),
                                 st.sampled_from(["2017-09-12", "2017-02-30", "12/09/2017", "", "  "]))))
def test_random_jsonl_records(record: dict) -> None:
    if not isinstance(record.get("text"), str) or not record["text"].strip():
        record["text"] = ARTICLE  # iter_inputs rejects a record without text before load_document sees it
    _check(load_document(RawInput("batch.jsonl:1", "record", record=record), "r"), "r")
