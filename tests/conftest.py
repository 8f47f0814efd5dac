"""Shared fixtures: the demo corpus and a folder of every kind of bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.demo import corpus_path

SHARED = Path(__file__).resolve().parents[2] / "shared"

ARTICLE = ("وصل وزير الدفاع الروسي سيرغي شويغو إلى دمشق أمس، حيث التقى الرئيس السوري بشار الأسد "
           "وبحث معه التعاون العسكري بين البلدين. وقالت وكالة الأنباء السورية إن الجانبين اتفقا على "
           "تعزيز التنسيق في محافظة دير الزور.")


@pytest.fixture(scope="session")
def demo_dir() -> Path:
    path = corpus_path()
    if not any(path.glob("*")):
        pytest.fail("the demo corpus is missing from the package")
    return path


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not present (developer/CI data only)")
    return SHARED


@pytest.fixture
def article_text() -> str:
    return ARTICLE


@pytest.fixture
def bad_inputs(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A folder mixing every bad input with good UTF-8, windows-1256, ISO-8859-6 and UTF-16 articles.

    Returns the folder and ``{expected source suffix: "ok" | "rejected"}``.
    """
    d = tmp_path / "inputs"
    (d / "sub").mkdir(parents=True)
    expect: dict[str, str] = {}

    def put(name: str, data: bytes, status: str) -> None:
        (d / name).write_bytes(data)
        expect[name] = status

    put("good_utf8.txt", ARTICLE.encode("utf-8"), "ok")
    put("good_bom.txt", b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"), "ok")
    put("good_cp1256.txt", ARTICLE.encode("cp1256"), "ok")
    put("good_iso8859_6.txt", "قالت وكالة الأنباء إن القوات انسحبت من المدينة بعد اشتباكات عنيفة مع المسلحين.\n"
        .encode("iso8859_6"), "ok")
    put("sub/good_utf16.txt", ARTICLE.encode("utf-16"), "ok")
    put("empty.txt", b"", "rejected")
    put("garbage.txt", bytes(range(256)) * 40, "rejected")
    put("report.docx", b"PK\x03\x04 not really a docx", "rejected")
    put("unclosed.html", ("<html><head><title>خبر</title></head><body><nav>الرئيسية | أخبار</nav><article><p>"
                          + ARTICLE + "</p><p>" + ARTICLE).encode("utf-8"), "ok")
    big = (ARTICLE + "\n") * (30 * 1024 * 1024 // len(ARTICLE.encode("utf-8")) + 1)
    put("huge.txt", big.encode("utf-8"), "rejected")
    (d / "missing.txt").symlink_to(d / "does-not-exist.txt")
    expect["missing.txt"] = "rejected"
    lines = [
        json.dumps({"id": "j1", "text": ARTICLE, "published": "2017-09-12"}, ensure_ascii=False),
        '{"id": "j2", "text": "قالت وكالة',  # truncated line
        json.dumps({"id": "j3", "title": "بلا نص"}, ensure_ascii=False),
    ]
    (d / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    expect["batch.jsonl:1"] = "ok"
    expect["batch.jsonl:2"] = "rejected"
    expect["batch.jsonl:3"] = "rejected"
    return d, expect
