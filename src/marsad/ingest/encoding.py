"""Bytes → text for Arabic news files in any of the encodings they still come in."""

from __future__ import annotations

import codecs
import unicodedata

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


def _looks_binary(data: bytes) -> bool:
    sample = data[:65536]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls > len(sample) * 0.01


def _check(text: str, encoding: str) -> str:
    """Reject decodings that are technically valid but are not text."""
    sample = text[:20000]
    if not sample.strip():
        raise DecodeError("empty file (only whitespace)")
    bad = sum(1 for ch in sample if unicodedata.category(ch) in ("Cc", "Co", "Cs", "Cn") and ch not in "\t\n\r\f")
    if bad > len(sample) * 0.01:
        raise DecodeError(f"binary or garbled content: {bad} control/unassigned characters after decoding as {encoding}")
    return text.lstrip("\ufeff")
