"""Ad texts with exact spans: templates are lists of pieces, rendered once per ad version.

A piece is a literal string, a slot (filled per version, e.g. the phone) or a marked
phrase (a planted indicator or a decoy). Rendering concatenates the pieces and records,
for every mark, its character offsets in ``analysis_text(title, body)``, so the ground
truth never has to search the text afterwards.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from core.datafiles import read_yaml
from crawlers.demosite.draw import between

PHRASES_FILE = Path(__file__).with_name("phrases.yaml")
_TOKEN = re.compile(r"\{(\w+)\}|\[\[(\w+)\|([^\]]+)\]\]")


@cache
def phrases() -> dict:
    return read_yaml(PHRASES_FILE)


@dataclass(frozen=True)
class Slot:
    name: str


@dataclass(frozen=True)
class Marked:
    """A phrase whose span goes into the truth: kind "ind" (planted indicator) or "decoy"."""

    kind: str
    code: str
    text: str


@dataclass(frozen=True)
class Value:
    """A slot's text plus marks inside it: (kind, payload, start, end) relative to the text."""

    text: str
    marks: tuple[tuple[str, object, int, int], ...] = ()


Piece = str | Slot | Marked
Line = tuple[Piece, ...]


@cache
def parse_line(template: str) -> Line:
    """Split a template string into literal, slot and decoy pieces."""
    pieces: list[Piece] = []
    pos = 0
    for m in _TOKEN.finditer(template):
        if m.start() > pos:
            pieces.append(template[pos : m.start()])
        if m.group(1):
            pieces.append(Slot(m.group(1)))
        else:
            pieces.append(Marked("decoy", m.group(2), m.group(3)))
        pos = m.end()
    if pos < len(template):
        pieces.append(template[pos:])
    return tuple(pieces)


def indicator_line(prefix: str, code: str, phrase: str, suffix: str) -> Line:
    return tuple(p for p in (prefix, Marked("ind", code, phrase), suffix) if p != "")


def flatten(lines: list[Line], sep: str = "\n") -> Line:
    """All lines as one piece sequence, with the separator between lines."""
    pieces: list[Piece] = []
    for i, line in enumerate(lines):
        if i:
            pieces.append(sep)
        pieces.extend(line)
    return tuple(pieces)


def render_pieces(pieces: Line, values: dict[str, Value], out: list[str], marks: list, offset: int) -> int:
    """Append the pieces' text to `out`, their marks to `marks`; return the new offset."""
    for piece in pieces:
        piece_type = type(piece)
        if piece_type is str:
            text = piece
        elif piece_type is Slot:
            value = values[piece.name]
            text = value.text
            for kind, payload, start, end in value.marks:
                marks.append((kind, payload, offset + start, offset + end))
        else:
            text = piece.text
            marks.append((piece.kind, piece.code, offset, offset + len(text)))
        out.append(text)
        offset += len(text)
    return offset


def render_text(title: Line, body: Line, values: dict[str, Value]):
    """Render title and (flattened) body; return (title, body, marks), marks offset into title + "\n" + body."""
    out: list[str] = []
    marks: list = []
    offset = render_pieces(title, values, out, marks, 0)
    title_text = "".join(out)
    if not title_text:
        raise ValueError("an ad title must not be empty")
    body_parts: list[str] = []
    render_pieces(body, values, body_parts, marks, offset + 1)  # + the "\n" analysis_text inserts
    return title_text, "".join(body_parts), marks


def misspell(text: str, rng, rate: float, abbreviations: dict[str, str]) -> str:
    """Filler text with this actor's habitual typos: abbreviations, a swapped or doubled letter."""
    for long, short in abbreviations.items():
        if long in text and rng.random() < rate * 3:
            text = text.replace(long, short)
    words = text.split(" ")
    for i, word in enumerate(words):
        if len(word) > 4 and word.isalpha() and rng.random() < rate:
            j = between(rng, 1, len(word) - 3)
            if rng.random() < 0.5:
                word = word[:j] + word[j + 1] + word[j] + word[j + 2 :]
            else:
                word = word[:j] + word[j] + word[j:]
            words[i] = word
    return " ".join(words)
