"""Generate a benchmark corpus by replicating and perturbing the bundled demo articles.

Each generated article starts from one demo article, reorders its body sentences, borrows one or two
sentences from another article, changes small numbers (casualty counts, distances) and gets a new
publication date — so no two documents share a ``content_sha256`` and near-duplicate detection sees a
realistic mix. Every 20th article is written as an HTML page, the rest as UTF-8 ``.txt`` files with a
title line and a ``نشر في:`` date line, 100 files per folder. Deterministic for a given seed.
"""

from __future__ import annotations

import argparse
import html
import random
import re
from datetime import date, timedelta
from pathlib import Path

from marsad.arabic import split_sentences
from marsad.demo import corpus_path
from marsad.ingest import iter_inputs, load_document

_SMALL_NUMBER = re.compile(r"(?<![\d/.\-])\d{1,3}(?![\d/.\-])")


def _seed_articles() -> list[tuple[str, list[str], date]]:
    """(title, sentences, published) of every accepted demo article."""
    out = []
    for i, raw in enumerate(iter_inputs([str(corpus_path())])):
        doc = load_document(raw, f"seed{i}")
        if doc.status != "ok" or doc.language != "ar":
            continue
        sents = [s.text.strip() for s in split_sentences(doc.text) if s.text.strip()]
        if len(sents) < 2:
            continue
        pub = date.fromisoformat(doc.published) if doc.published else date(2019, 1, 1)
        out.append((doc.title or sents[0][:60], sents, pub))
    if not out:
        raise SystemExit("the demo corpus yielded no article to replicate")
    return out


def generate(dest: Path, n: int = 2000, seed: int = 13) -> dict[str, int]:
    """Write ``n`` articles under ``dest``; returns counts (files, bytes)."""
    seeds = _seed_articles()
    rng = random.Random(seed)
    dest.mkdir(parents=True, exist_ok=True)
    total = 0
    for i in range(n):
        title, sents, pub = seeds[i % len(seeds)]
        body = sents[1:]
        rng.shuffle(body)
        other = seeds[rng.randrange(len(seeds))][1]
        for _ in range(rng.randint(1, 2)):
            body.insert(rng.randrange(len(body) + 1), other[rng.randrange(len(other))])
        body = [_SMALL_NUMBER.sub(lambda _m: str(rng.randint(2, 400)), s) for s in body]
        published = pub + timedelta(days=rng.randint(-400, 400))
        lines = [title, f"نشر في: {published.day:02d}/{published.month:02d}/{published.year}", "", sents[0], *body]
        folder = dest / f"batch{i // 100:03d}"
        folder.mkdir(exist_ok=True)
        if i % 20 == 19:
            paras = "".join(f"<p>{html.escape(s)}</p>" for s in [sents[0], *body])
            page = (f"<html><head><title>{html.escape(title)}</title>"
                    f'<meta property="article:published_time" content="{published.isoformat()}"></head>'
                    f"<body><nav>الرئيسية | سياسة | اقتصاد</nav><article><h1>{html.escape(title)}</h1>{paras}"
                    f"</article><footer>جميع الحقوق محفوظة</footer></body></html>")
            data = page.encode("utf-8")
            (folder / f"gen{i:06d}.html").write_bytes(data)
        else:
            data = "\n".join(lines).encode("utf-8")
            (folder / f"gen{i:06d}.txt").write_bytes(data)
        total += len(data)
    return {"files": n, "bytes": total}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dest", type=Path)
    ap.add_argument("-n", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=13)
    args = ap.parse_args()
    print(generate(args.dest, args.n, args.seed))


if __name__ == "__main__":
    main()
