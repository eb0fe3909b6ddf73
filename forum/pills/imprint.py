"""Imprints as people type them and as labels store them, brought to one form.

A label writes the two sides of a pill separated by ";" ("M;367"), people
write "M 367", "m-367" or "M367": the key keeps letters and digits only, in
upper case, so all of these are "M367". A partial imprint ("36") matches any
imprint whose key contains it.
"""
from __future__ import annotations

import unicodedata

KEY_MAX = 100


def imprint_key(text: str) -> str:
    """Letters and digits of ``text``, upper case, at most KEY_MAX characters ("" if none)."""
    text = unicodedata.normalize("NFKC", text or "")[: KEY_MAX * 4]
    return "".join(ch for ch in text if ch.isascii() and ch.isalnum()).upper()[:KEY_MAX]


def imprint_sides(text: str) -> list[str]:
    """How a label's imprint reads, side by side ("M;367" -> ["M", "367"])."""
    return [side.strip() for side in (text or "").split(";") if side.strip()]
