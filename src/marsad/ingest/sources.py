"""Enumerate inputs lazily: files, folders (recursive), JSONL batches and stdin.

Nothing here reads more than one file at a time, so a folder of 100,000 articles is never
held in memory.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

TEXT_EXT = {".txt", ".text"}
HTML_EXT = {".html", ".htm", ".xhtml"}
JSONL_EXT = {".jsonl", ".ndjson"}
DEFAULT_MAX_BYTES = 20 * 1024 * 1024


@dataclass(slots=True)
class RawInput:
    """One document-to-be: where it came from and what we have of it so far."""

    source: str
    kind: str  # txt | html | record | error
    data: bytes | None = None
    record: dict[str, Any] = field(default_factory=dict)
    error: str | None = None
    default_id: str | None = None
    published: str | None = None  # publication date given by the user for inputs that state none


def iter_inputs(paths: Iterable[str], *, stdin: IO[str] | None = None,
                max_bytes: int = DEFAULT_MAX_BYTES, published: str | None = None) -> Iterator[RawInput]:
    """Yield one :class:`RawInput` per document, in a stable order (folders sorted).

    ``published`` (``YYYY-MM-DD``) is the publication date of every document that states none.
    """
    if published is None:
        yield from _iter_inputs(paths, stdin, max_bytes)
        return
    for raw in _iter_inputs(paths, stdin, max_bytes):
        raw.published = published
        yield raw


def _iter_inputs(paths: Iterable[str], stdin: IO[str] | None, max_bytes: int) -> Iterator[RawInput]:
    for p in paths:
        if p == "-":
            if stdin is not None:
                yield from _iter_jsonl(stdin, "<stdin>")
            continue
        path = Path(p)
        if path.is_dir():
            for f in _walk(path):
                yield from _from_file(f, max_bytes)
        else:
            yield from _from_file(path, max_bytes)


def count_inputs(paths: Iterable[str]) -> int | None:
    """Number of files (not documents) the paths name, for progress display; None for stdin."""
    n = 0
    for p in paths:
        if p == "-":
            return None
        path = Path(p)
        n += sum(1 for _ in _walk(path)) if path.is_dir() else 1
    return n


def _walk(root: Path) -> Iterator[Path]:
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith("."):
                yield Path(dirpath) / name


def _from_file(path: Path, max_bytes: int) -> Iterator[RawInput]:
    source = str(path)
    ext = path.suffix.lower()
    try:
        size = path.stat().st_size
    except OSError as exc:
        yield RawInput(source, "error", error=f"cannot read file: {exc.strerror or exc}", default_id=path.stem)
        return
    if ext in JSONL_EXT:
        try:
            with open(path, encoding="utf-8-sig", errors="strict") as fh:
                yield from _iter_jsonl(fh, source)
        except UnicodeDecodeError as exc:
            yield RawInput(source, "error", error=f"JSONL file is not UTF-8 ({exc.reason} at byte {exc.start})",
                           default_id=path.stem)
        except OSError as exc:
            yield RawInput(source, "error", error=f"cannot read file: {exc.strerror or exc}", default_id=path.stem)
        return
    if ext not in TEXT_EXT and ext not in HTML_EXT:
        yield RawInput(source, "error", default_id=path.stem,
                       error=f"unsupported file type '{ext or '(none)'}': Marsad reads .txt, .html/.htm and .jsonl")
        return
    if size > max_bytes:
        yield RawInput(source, "error", default_id=path.stem,
                       error=f"file is {size / 1048576:.1f} MB, over the size limit of "
                             f"{max_bytes / 1048576:.0f} MB (--max-bytes)")
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield RawInput(source, "error", error=f"cannot read file: {exc.strerror or exc}", default_id=path.stem)
        return
    yield RawInput(source, "html" if ext in HTML_EXT else "txt", data=data, default_id=path.stem)


def _iter_jsonl(fh: IO[str], source: str) -> Iterator[RawInput]:
    base = Path(source).stem if source != "<stdin>" else "stdin"
    for lineno, line in enumerate(fh, 1):
        if not line.strip():
            continue
        where = f"{source}:{lineno}"
        default_id = f"{base}-{lineno}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            yield RawInput(where, "error", default_id=default_id,
                           error=f"invalid JSON on line {lineno} (truncated or malformed): {exc.msg}")
            continue
        if not isinstance(rec, dict):
            yield RawInput(where, "error", default_id=default_id, error=f"line {lineno} is not a JSON object")
            continue
        rid = rec.get("id")
        rid = str(rid) if rid not in (None, "") else default_id
        if not isinstance(rec.get("text"), str) or not rec["text"].strip():
            yield RawInput(where, "error", record=rec, default_id=rid,
                           error=f"line {lineno} has no 'text' field" if "text" not in rec
                           else f"line {lineno}: 'text' is empty or not a string")
            continue
        yield RawInput(where, "record", record=rec, default_id=rid)
