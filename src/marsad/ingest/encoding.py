"""Bytes → text for Arabic news files in any of the encodings they still come in."""

from __future__ import annotations

import codecs
import re
import unicodedata
from functools import lru_cache

from charset_normalizer import from_bytes


class DecodeError(ValueError):
    """The bytes are not text in an encoding we can identify."""


# Encodings an Arabic news archive actually contains; restricting charset-normalizer to them
# stops it from choosing an exotic code page that happens to decode without errors.
_CANDIDATES = ["utf_8", "cp1256", "iso8859_6", "utf_16", "cp720", "mac_arabic"]
_BOMS = [
    (codecs.BOM_UTF8, "utf_8_sig"),
    (codecs.BOM_UTF32_LE, "utf_32"),
    (codecs.BOM_UTF32_BE, "utf_32"),
    (codecs.BOM_UTF16_LE, "utf_16"),
    (codecs.BOM_UTF16_BE, "utf_16"),
]


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Return ``(text, encoding)``; raise :class:`DecodeError` with a readable reason.

    Order: byte-order mark, strict UTF-8, then charset-normalizer over Arabic code pages.
    """
    if not data.strip():
        raise DecodeError("empty file")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return _check(data.decode(enc), enc), enc
            except UnicodeDecodeError as exc:
                raise DecodeError(f"starts with a {enc} byte-order mark but does not decode: {exc.reason}") from exc
    if _looks_binary(data):
        raise DecodeError("binary content (not text): contains NUL or control bytes")
    try:
        return _check(data.decode("utf_8"), "utf_8"), "utf_8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data, cp_isolation=_CANDIDATES).best()
    if best is None:
        raise DecodeError("undecodable bytes: not UTF-8, UTF-16, windows-1256 or ISO-8859-6")
    enc = best.encoding
    return _check(str(best), enc), enc


# Bytes that are not control bytes (deleted before counting what is left).
_NOT_CONTROL = bytes(range(32, 256)) + b"\t\n\x0c\r"
_BAD_CATEGORIES = frozenset(("Cc", "Co", "Cs", "Cn"))


def _looks_binary(data: bytes) -> bool:
    sample = data[:65536]
    if b"\x00" in sample:
        return True
    controls = len(sample.translate(None, _NOT_CONTROL))
    return controls > len(sample) * 0.01


@lru_cache(maxsize=1)
def _bad_bmp() -> re.Pattern[str]:
    """One character class of the Basic Multilingual Plane's control, private-use, surrogate and
    unassigned code points (tab and line breaks excepted), built once from ``unicodedata`` so it
    follows the running Python's Unicode version; characters beyond the BMP are checked one by one."""
    ranges: list[tuple[int, int]] = []
    for cp in range(0x10000):
        if unicodedata.category(chr(cp)) in _BAD_CATEGORIES and chr(cp) not in "\t\n\r\f":
            if ranges and ranges[-1][1] == cp - 1:
                ranges[-1] = (ranges[-1][0], cp)
            else:
                ranges.append((cp, cp))
    cls = "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges)
    return re.compile(f"[{cls}]")


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def _check(text: str, encoding: str) -> str:
    """Reject decodings that are technically valid but are not text."""
    sample = text[:20000]
    if not sample.strip():
        raise DecodeError("empty file (only whitespace)")
    bad = len(_bad_bmp().findall(sample))
    bad += sum(unicodedata.category(ch) in _BAD_CATEGORIES for ch in _ASTRAL.findall(sample))
    if bad > len(sample) * 0.01:
        raise DecodeError(f"binary or garbled content: {bad} control/unassigned characters after decoding as {encoding}")
    return text.lstrip("\ufeff")
