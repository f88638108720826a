"""Ad text as safe HTML with the indicator spans marked.

Ad text is untrusted: every piece of it is passed through ``html.escape``
before it is placed between the ``<mark>`` tags we add, so markup in an ad
comes out as visible text, never as live HTML.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import Protocol

CATEGORY_COLOURS = {
    "minor": "#f8b4b4",
    "coercion": "#fbd38d",
    "movement": "#bee3f8",
    "obfuscation": "#d6bcfa",
    "trust": "#c6f6d5",
    "licensing": "#e2e8f0",
}


# Fonts that have full-width digits and keycap emoji, after the page's own: a disguised number must not
# show as empty boxes (the e2e image installs fonts-noto-cjk and fonts-noto-color-emoji).
READABLE_FONTS = ('"Noto Sans CJK JP", "Noto Sans CJK SC", "Noto Color Emoji", "Apple Color Emoji", '
                  '"Segoe UI Emoji", "Segoe UI Symbol"')
# For a page's <style>: ad text (st.html), captions (the plain readings) and code blocks (diffs) fall back to them.
READABLE_CSS = (f"[data-testid='stHtml'] div, [data-testid='stCaptionContainer'] {{ font-family: 'Source Sans', "
                f"'Source Sans Pro', sans-serif, {READABLE_FONTS}; }} [data-testid='stCode'] code {{ font-family: "
                f"'Source Code Pro', monospace, {READABLE_FONTS}; }}")


class Span(Protocol):
    start: int
    end: int
    code: str
    category: str


def _segments(length: int, spans: list[Span]) -> list[tuple[int, int, list[Span]]]:
    """Cut [0, length) at every span edge; each piece lists the spans covering it."""
    cuts = {0, length}
    for s in spans:
        cuts.update((s.start, s.end))
    edges = sorted(cuts)
    return [(a, b, [s for s in spans if s.start <= a and b <= s.end]) for a, b in zip(edges, edges[1:], strict=False)]


def highlighted_html(text: str, spans: Iterable[Span]) -> str:
    """`text` escaped, with each span wrapped in a coloured ``<mark>`` titled by its indicator codes.

    Spans may overlap; offsets outside the text are clipped, empty spans ignored.
    """
    clipped = []
    for s in spans:
        start, end = max(0, min(s.start, len(text))), max(0, min(s.end, len(text)))
        if start < end:
            clipped.append(_Clipped(start, end, s.code, s.category))
    out = []
    for a, b, covering in _segments(len(text), clipped):
        piece = html.escape(text[a:b])
        if not covering:
            out.append(piece)
            continue
        codes = ", ".join(dict.fromkeys(f"{s.category}: {s.code}" for s in covering))
        colour = CATEGORY_COLOURS.get(covering[0].category, "#fefcbf")
        out.append(f'<mark style="background:{colour}" title="{html.escape(codes, quote=True)}">{piece}</mark>')
    return '<div style="white-space:pre-wrap">' + "".join(out) + "</div>"


class _Clipped:
    __slots__ = ("start", "end", "code", "category")

    def __init__(self, start: int, end: int, code: str, category: str) -> None:
        self.start, self.end, self.code, self.category = start, end, code, category


def readable_spans(text: str, spans: Iterable[Span] = ()) -> list[tuple[str, str]]:
    """Disguised numbers in `text` beside their plain reading: ("０６ ３９ ８２", "06 39 82").

    Full-width digits, keycap emoji and number words are hard to read (and may not render at all
    without the right font); the reading keeps the ad's own digit groups (digits that touch, as keycap
    emoji do, are one group).
    """
    from nlp.normalise import digit_runs, disguise_kinds

    out = []
    for run in digit_runs(text):
        digits = sum(len(token.digits) for token in run.tokens)
        if digits >= 6 and disguise_kinds(run.tokens, run.gaps):
            # Touching tokens (keycaps) read as one group, and so do digits written one by one ("nul zes
            # een ..."); otherwise the ad's own groups stay.
            single = all(len(token.digits) == 1 for token in run.tokens)
            reading = run.tokens[0].digits
            for gap, token in zip(run.gaps, run.tokens[1:], strict=False):
                reading += (" " if gap and not single else "") + token.digits
            out.append((text[run.start:run.end], reading))
    return out
