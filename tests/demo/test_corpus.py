"""The bundled demo corpus and its gold manifest stay consistent with each other.

The manifest is the small gold set the team evaluates against, so these tests check that
it cannot silently drift from the articles: every file is listed, every evidence sentence,
date expression, title and boilerplate string occurs verbatim, dates are possible and agree
with the weekday named in the text, and the odd encodings really are odd.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from marsad.demo import manifest as gold

PLOVER_TYPES = {
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
}
STATUSES = {"asserted", "reported", "planned", "claimed", "negated"}
PRECISION_PATTERNS = {
    "day": re.compile(r"^\d{4}-\d{2}-\d{2}$"),
    "month": re.compile(r"^\d{4}-\d{2}$"),
    "year": re.compile(r"^\d{4}$"),
}
ID_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")
# Weekday names as written in the articles -> datetime.weekday(); used to check that a date
# anchored on «الثلاثاء» really falls on a Tuesday.
WEEKDAYS_AR = {"الاثنين": 0, "الثلاثاء": 1, "الأربعاء": 2, "الخميس": 3, "الجمعة": 4, "السبت": 5, "الأحد": 6}
ARABIC_LETTER = re.compile(r"[\u0621-\u064A]")
NON_CONTENT_FILES = {"MANIFEST.yaml", "README.md"}
# Counts the articles spell out in words.
NUMBER_WORDS = {2: "اثنين", 6: "ستة"}

ENTRIES = gold.file_entries()
DOCUMENTS = list(gold.iter_documents())
EVENTS = [(entry, doc, event) for entry, doc in DOCUMENTS for event in doc["events"]]


def _doc_label(entry: dict, doc: dict) -> str:
    return entry["file"] + (f"#{doc['id']}" if doc.get("id") else "")


def _event_label(item: tuple) -> str:
    """ASCII test id: file, document, position of the event in the manifest, type."""
    entry, doc, event = item
    return f"{_doc_label(entry, doc)}:e{doc['events'].index(event) + 1}:{event['type']}"


def _entry(prefix: str) -> dict:
    matches = [e for e in ENTRIES if e["file"].startswith(prefix)]
    assert len(matches) == 1, prefix
    return matches[0]


def _parse_date(value: str) -> dt.date:
    """First day of the period a gold date denotes; raises on impossible dates."""
    parts = [int(p) for p in value.split("-")]
    while len(parts) < 3:
        parts.append(1)
    return dt.date(*parts)


# --- files -----------------------------------------------------------------------------


def test_corpus_dir_is_inside_the_package() -> None:
    import marsad.demo.manifest as module

    assert gold.corpus_dir().is_dir()
    assert gold.corpus_dir().parent.name == "demo"
    assert gold.corpus_dir() == Path(module.__file__).resolve().parent / "corpus"


def test_manifest_lists_exactly_the_files_in_the_corpus() -> None:
    on_disk = {p.name for p in gold.corpus_dir().iterdir() if p.is_file()} - NON_CONTENT_FILES
    listed = [e["file"] for e in ENTRIES]
    assert len(listed) == len(set(listed)), "a file is listed twice"
    assert set(listed) == on_disk


def test_article_paths_exclude_the_manifest_and_readme() -> None:
    paths = gold.article_paths()
    assert all(p.is_file() for p in paths)
    assert not {p.name for p in paths} & NON_CONTENT_FILES
    assert len(paths) == len(ENTRIES)


def test_corpus_is_large_enough() -> None:
    assert len(DOCUMENTS) >= 14
    assert len(EVENTS) >= 100


def test_every_format_is_represented() -> None:
    kinds = {(e["format"], e["encoding"]) for e in ENTRIES}
    assert {
        ("txt", "utf-8"),
        ("txt", "cp1256"),
        ("txt", "utf-16"),
        ("html", "utf-8"),
        ("jsonl", "utf-8"),
    } <= kinds
    names = [e["file"] for e in ENTRIES]
    assert any(n.startswith("page_") and n.endswith(".html") for n in names)
    assert any(n.startswith("batch_") and n.endswith(".jsonl") for n in names)
    assert any(n.startswith("dup_a_") for n in names) and any(n.startswith("dup_b_") for n in names)


def test_cp1256_file_is_not_utf8_but_decodes_to_arabic() -> None:
    entry = _entry("14_")
    raw = (gold.corpus_dir() / entry["file"]).read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    text = raw.decode("cp1256")
    assert "مولود جاووش أوغلو" in text
    assert "حلب" in text
    letters = [c for c in text if c.isalpha()]
    assert sum(bool(ARABIC_LETTER.match(c)) for c in letters) / len(letters) > 0.95


def test_utf16_file_has_a_bom_and_decodes_to_arabic() -> None:
    entry = _entry("15_")
    raw = (gold.corpus_dir() / entry["file"]).read_bytes()
    assert raw[:2] in (b"\xff\xfe", b"\xfe\xff")
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    text = raw.decode("utf-16")
    assert not text.startswith("\ufeff")  # the codec consumed the BOM
    assert "الباغوز" in text and "«داعش»" in text


def test_utf8_files_decode_strictly() -> None:
    for entry in ENTRIES:
        if entry["encoding"] == "utf-8":
            (gold.corpus_dir() / entry["file"]).read_bytes().decode("utf-8")


def test_jsonl_batch_lines_parse_with_contract_fields() -> None:
    entry = _entry("batch_")
    lines = [ln for ln in gold.raw_text(entry["file"], "utf-8").splitlines() if ln.strip()]
    records = [json.loads(ln) for ln in lines]
    assert len(records) == 3
    assert len({r["id"] for r in records}) == 3
    for record in records:
        assert {"id", "text", "title", "published", "outlet", "url"} <= record.keys()
        assert isinstance(record["text"], str) and len(record["text"].split()) >= 120
        dt.date.fromisoformat(record["published"])
    by_id = {r["id"]: r for r in records}
    for doc in entry["documents"]:
        record = by_id[doc["id"]]
        assert (record["title"], record["published"], record["outlet"]) == (
            doc["title"],
            doc["published"],
            doc["outlet"],
        )


def test_html_page_has_the_metadata_ingest_reads() -> None:
    entry = _entry("page_")
    html = gold.raw_text(entry["file"], "utf-8")
    doc = entry["documents"][0]
    assert '<html dir="rtl" lang="ar">' in html
    assert f'<meta property="og:title" content="{doc["title"]}">' in html
    assert f'<meta property="og:site_name" content="{doc["outlet"]}">' in html
    assert f'<meta property="article:published_time" content="{doc["published"]}T' in html
    assert re.search(r"<title>[^<]+</title>", html)
    for region in ("<nav", "<header", "<footer", "<aside", "cookie", 'class="related"'):
        assert region in html


def test_near_duplicate_pair_is_near_but_not_identical() -> None:
    a, b = _entry("dup_a_"), _entry("dup_b_")
    assert b["documents"][0]["near_duplicate_of"] == a["file"]
    text_a, text_b = gold.raw_text(a["file"], "utf-8"), gold.raw_text(b["file"], "utf-8")
    assert text_a.splitlines()[0] != text_b.splitlines()[0]  # different headline
    words_a, words_b = set(text_a.split()), set(text_b.split())
    jaccard = len(words_a & words_b) / len(words_a | words_b)
    assert 0.6 < jaccard < 0.98


# --- documents ---------------------------------------------------------------------------


@pytest.mark.parametrize(("entry", "doc"), DOCUMENTS, ids=[_doc_label(e, d) for e, d in DOCUMENTS])
def test_document_fields(entry: dict, doc: dict) -> None:
    text = gold.document_text(entry, doc)
    assert 120 <= len(text.split()) <= 450  # 120-350 words of article + page chrome for HTML
    assert doc["title"] in text or entry["format"] == "jsonl"
    for snippet in doc["boilerplate"]:
        assert snippet in text, snippet
    reference = dt.date.fromisoformat(doc["reference_date"])
    if doc["published"] is not None:
        assert dt.date.fromisoformat(doc["published"]) == reference
        assert doc["published_basis"] in {"stated", "given"}
    else:
        assert doc["published_basis"] is None
    assert doc["events"], "every document has gold events"


def test_stated_dates_vary_in_form() -> None:
    """Publication dates are written in several ways, and some files state none."""
    header_lines = []
    for entry, doc in DOCUMENTS:
        if entry["format"] == "txt":
            header_lines += gold.document_text(entry, doc).splitlines()[1:4]
    joined = "\n".join(header_lines)
    assert "First Published: 2019-07-24" in joined
    assert "نشر في: 2022/05/10" in joined
    assert "نشر في: ٢٢ شباط/فبراير ٢٠١٦" in joined
    assert "تاريخ النشر: 11-12-2017" in joined
    assert any(d["published"] is None for _, d in DOCUMENTS)


def test_required_spellings_are_present() -> None:
    texts = "\n".join(gold.document_text(e, d) for e, d in DOCUMENTS)
    for form in (
        "وإيران",
        "لروسيا",
        "بدمشق",
        "والأسد",
        "وشويغو",
        "للحكومة السورية",
        "بالرئيس",
        "ولایتي",
        "موسکو",
        "شويو",
        "قُتل 14 شخصاً وأصيب 20 آخرون",
    ):
        assert form in texts, form
    assert re.search("[\u0660-\u0669]{4}", texts), "one article uses Arabic-Indic digits"


# --- events ------------------------------------------------------------------------------


@pytest.mark.parametrize("item", EVENTS, ids=[_event_label(i) for i in EVENTS])
def test_event_is_well_formed_and_grounded(item: tuple) -> None:
    entry, doc, event = item
    text = gold.document_text(entry, doc)
    assert event["type"] in PLOVER_TYPES
    assert event["status"] in STATUSES
    assert event["evidence"] in text, "evidence must be copied verbatim"
    assert event["evidence"] == event["evidence"].strip() and "\n" not in event["evidence"]
    for actor_id in event["actor"] + event["recipient"]:
        assert ID_PATTERN.match(actor_id), actor_id
    for key in ("location", "source"):
        assert event[key] is None or ID_PATTERN.match(event[key]), event[key]
    assert all(isinstance(v, int) and v > 0 for v in event["quantities"].values())
    if event["status"] == "reported":
        assert event["source"], "a reported event names its source"
    if event["date_text"] is not None:
        assert event["date_text"] in text


@pytest.mark.parametrize("item", EVENTS, ids=[_event_label(i) for i in EVENTS])
def test_event_date_is_possible_and_consistent(item: tuple) -> None:
    entry, doc, event = item
    if event["date"] is None:
        assert event["date_precision"] is None
        return
    pattern = PRECISION_PATTERNS[event["date_precision"]]
    assert pattern.match(event["date"]), (event["date"], event["date_precision"])
    start = _parse_date(event["date"])  # raises on impossible dates such as 2019-02-30
    reference = dt.date.fromisoformat(doc["reference_date"])
    if event["status"] == "planned":
        # Month precision may hold the reference day itself ("next week" within this month).
        assert event["date"] >= doc["reference_date"][: len(event["date"])]
    elif event["date_precision"] == "day":
        assert start <= reference, "a past event cannot be after the reference date"
    if event["date_precision"] == "day" and event["date_text"]:
        named = [day for name, day in WEEKDAYS_AR.items() if name in event["date_text"]]
        if named:
            assert start.weekday() == named[0], f"{event['date']} is not {event['date_text']}"


def test_status_coverage() -> None:
    """The gold exercises every modality the contract defines."""
    assert {e["status"] for _, _, e in EVENTS} == STATUSES
    assert {
        "CONSULT",
        "ASSAULT",
        "AGREE",
        "ACCUSE",
        "REJECT",
        "RETREAT",
        "MOBILIZE",
        "PROTEST",
        "COERCE",
        "THREATEN",
        "REQUEST",
    } <= {e["type"] for _, _, e in EVENTS}


def test_casualty_counts_match_the_text() -> None:
    """Every ASCII-digit casualty number in the gold is written in its evidence sentence."""
    for _, _, event in EVENTS:
        for key in ("killed", "wounded"):
            value = event["quantities"].get(key)
            if value is None:
                continue
            evidence = event["evidence"]
            digits = evidence.translate(str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789"))
            in_words = NUMBER_WORDS.get(value)
            assert str(value) in digits or (in_words is not None and in_words in evidence), evidence
