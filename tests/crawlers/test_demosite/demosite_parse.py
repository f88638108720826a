"""A plain-HTML reader for the demo pages (tests only): the text of elements picked by attribute."""

from __future__ import annotations

import json
from html.parser import HTMLParser

VOID = {"img", "br", "meta", "link", "input", "hr", "source"}


class FieldReader(HTMLParser):
    """Collects the text content of every element whose attribute `attr` equals one of `wanted`."""

    def __init__(self, attr: str, wanted: set[str]) -> None:
        super().__init__(convert_charrefs=True)
        self.attr = attr
        self.wanted = wanted
        self.fields: dict[str, list[str]] = {}
        self.attrs_of: dict[str, list[dict]] = {}
        self._open: list[tuple[str, str | None, list[str]]] = []  # (tag, field, buffer)
        self.scripts: list[str] = []
        self._in_script = False
        self.links: list[dict] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a":
            self.links.append(a)
        if tag == "script" and a.get("type") == "application/ld+json":
            self._in_script = True
            self.scripts.append("")
        if tag in VOID:
            for value in (a.get(self.attr) or "").split():
                if value in self.wanted:
                    self.attrs_of.setdefault(value, []).append(a)
            return
        name = next((v for v in (a.get(self.attr) or "").split() if v in self.wanted), None)
        if name:
            self.attrs_of.setdefault(name, []).append(a)
        self._open.append((tag, name, []))

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False
        for i in range(len(self._open) - 1, -1, -1):
            if self._open[i][0] == tag:
                for _t, name, buf in reversed(self._open[i:]):
                    if name:
                        self.fields.setdefault(name, []).append("".join(buf))
                del self._open[i:]
                return

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data
        for _tag, name, buf in self._open:
            if name:
                buf.append(data)

    def close(self):
        super().close()
        for _t, name, buf in reversed(self._open):
            if name:
                self.fields.setdefault(name, []).append("".join(buf))
        self._open = []


def read_fields(html: str, attr: str, wanted: set[str]) -> FieldReader:
    reader = FieldReader(attr, wanted)
    reader.feed(html)
    reader.close()
    return reader


def title_and_body(site: str, html: str) -> tuple[str, str]:
    """The ad's title and body as a plain HTML parser reads them from a served detail page."""
    if site == "classic":
        r = read_fields(html, "class", {"ad-title", "ad-body"})
        return r.fields["ad-title"][0], r.fields["ad-body"][0]
    if site == "profiles":
        r = read_fields(html, "class", {"profile-text"})
        data = json.loads(r.scripts[0])
        assert r.fields["profile-text"][0] == data["text"]
        return data["headline"], data["text"]
    r = read_fields(html, "itemprop", {"headline", "description"})
    return r.fields["headline"][0], r.fields["description"][0]
