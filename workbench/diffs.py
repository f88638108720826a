"""What changed between two versions of an ad: the facts (age 17 → 18, city) and the text line by line."""

from __future__ import annotations

import difflib
from typing import Any

FACT_FIELDS = ("title", "name", "age_text", "city", "posted_at", "phones_text")


def fact_changes(old: Any, new: Any) -> list[tuple[str, str, str]]:
    """(field, before, after) for every fact that differs between two versions."""
    return [(f, str(getattr(old, f)), str(getattr(new, f)))
            for f in FACT_FIELDS if getattr(old, f) != getattr(new, f)]


def text_diff(old_text: str, new_text: str, old_label: str = "before", new_label: str = "after") -> str:
    """A unified diff of two texts (empty when they are the same)."""
    lines = difflib.unified_diff(old_text.splitlines(), new_text.splitlines(), fromfile=old_label,
                                 tofile=new_label, lineterm="", n=2)
    return "\n".join(lines)


def image_changes(old_images: list[dict[str, Any]], new_images: list[dict[str, Any]]) -> dict[str, list[str]]:
    """Image digests that were added or dropped between two versions."""
    before = {str(i.get("sha256", "")) for i in old_images} - {""}
    after = {str(i.get("sha256", "")) for i in new_images} - {""}
    return {"added": sorted(after - before), "removed": sorted(before - after)}


def read_diff(old_text: str, new_text: str, old_label: str = "before", new_label: str = "after") -> str:
    """The text diff with disguised digits written plainly (full-width, keycap emoji, number words), as
    ``nlp.normalise`` reads them; empty when neither version disguises a number."""
    from nlp.normalise import deobfuscated

    old_read, new_read = deobfuscated(old_text).text, deobfuscated(new_text).text
    if old_read == old_text and new_read == new_text:
        return ""
    return text_diff(old_read, new_read, old_label, new_label)
