"""A workspace laid out like a user's folder after ``make demo``, for the documented commands.

The docs use these relative paths, so the tests can run their command lines unchanged:
``marsad-output/`` (the demo run, the default ``--db``), ``articles/`` (plain-text articles),
``pages/`` (saved web pages, with a sub-folder), ``batch.jsonl`` and ``tokens.conll``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import marsad
from marsad.demo import corpus_path


def _html_page(title: str, body: str) -> str:
    """A saved news page: navigation and footer around the article, as a crawler would store it."""
    paragraphs = "".join(f"<p>{line}</p>" for line in body.splitlines() if line.strip())
    return (f'<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{title} | موقع مثال</title>'
            f'<meta property="og:site_name" content="موقع مثال"></head><body>'
            '<nav><a href="/">الرئيسية</a> | <a href="/news">أخبار</a> | <a href="/sport">رياضة</a></nav>'
            f"<article><h1>{title}</h1>{paragraphs}</article>"
            "<footer>جميع الحقوق محفوظة</footer></body></html>")


@pytest.fixture(scope="session")
def docs_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Built once: the demo run plus the input files the docs name."""
    root = tmp_path_factory.mktemp("docs-workspace")
    corpus = corpus_path()
    marsad.run([str(corpus)], root / "marsad-output", quiet=True)
    (root / "articles").mkdir()
    for name in ("01_shoigu_damascus_visit.txt", "03_idlib_airstrikes_khan_shaykhun.txt",
                 "07_idlib_ceasefire_moscow.txt"):
        shutil.copy(corpus / name, root / "articles" / name)
    (root / "pages" / "2022").mkdir(parents=True)
    shutil.copy(corpus / "page_13_tehran_astana_summit.html", root / "pages" / "2022")
    text = (corpus / "04_russian_withdrawal_iranian_deployment.txt").read_text(encoding="utf-8")
    (root / "pages" / "withdrawal.html").write_text(
        _html_page("انسحاب روسي وانتشار إيراني", text), encoding="utf-8")
    (root / "pages" / "navigation-only.html").write_text(_html_page("الرئيسية", ""), encoding="utf-8")
    shutil.copy(corpus / "batch_16_gulf_iraq_2020_2023.jsonl", root / "batch.jsonl")
    (root / "tokens.conll").write_text(
        "\n".join("التقى وزير الدفاع الروسي سيرغي شويغو الرئيس السوري بشار الأسد في دمشق .".split()) + "\n",
        encoding="utf-8")
    return root


@pytest.fixture
def workspace(docs_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh copy of the template as the current directory (commands may write into it)."""
    ws = tmp_path / "ws"
    shutil.copytree(docs_template, ws)
    monkeypatch.chdir(ws)
    return ws
