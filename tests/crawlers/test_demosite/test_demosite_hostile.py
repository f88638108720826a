"""Every hostile page behaves as truth/hostile.csv says, so crawler tests can rely on it."""

from __future__ import annotations

import csv
import threading
import time
import urllib.robotparser

import pytest
from demosite_parse import title_and_body
from parsel import Selector
from test_demosite_server import fetch

from core.schema import analysis_text
from crawlers.demosite.generate import generate_world
from crawlers.demosite.server import running_server

SLOW = 0.5


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    out = tmp_path_factory.mktemp("hostile-world")
    generate_world(40, 3, 9, out)
    return out


@pytest.fixture(scope="module")
def server(world):
    with running_server(world, slow_seconds=SLOW) as srv:
        yield srv


@pytest.fixture(scope="module")
def hostile(world) -> list[dict]:
    with (world / "truth" / "hostile.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def truth_text(world) -> dict[str, str]:
    import json

    with (world / "truth.jsonl").open(encoding="utf-8") as fh:
        return {r["urls"][0]: r["text"] for r in map(json.loads, fh)}


def rows(hostile, kind):
    found = [h for h in hostile if h["kind"] == kind]
    assert len(found) == 3 and {h["site"] for h in found} == {"classic", "profiles", "search"}
    return found


def test_every_hostile_page_has_an_expectation_and_is_linked_from_its_listing(server, hostile):
    listings = {"classic": "/classic/", "profiles": "/profiles/", "search": "/search/"}
    for h in hostile:
        assert h["expected"]
        if h["site_ad_id"]:
            continue  # hostile ads are listed like any other ad
        _s, _h, raw = fetch(server.url + listings[h["site"]])
        assert f'href="{h["url"]}"' in raw.decode(), h


def test_big_pages_exceed_the_size_limit(server, hostile):
    for h in rows(hostile, "big"):
        status, headers, raw = fetch(server.url + h["url"])
        assert status == 200 and int(headers["Content-Length"]) == len(raw) > 5 * 1024 * 1024


def test_redirect_loops_never_end(server, hostile):
    for h in rows(hostile, "redirect_loop"):
        seen, url = [], h["url"]
        for _ in range(4):
            status, headers, _raw = fetch(server.url + url)
            assert status == 302
            seen.append(url)
            url = headers["Location"]
        assert seen[0] == seen[2] != seen[1]


def test_error_pages_answer_404_and_500(server, hostile):
    for kind, code in (("not_found", 404), ("server_error", 500)):
        for h in rows(hostile, kind):
            assert fetch(server.url + h["url"])[0] == code


def test_calendar_links_to_the_next_month_forever(server, hostile):
    for h in rows(hostile, "calendar_trap"):
        url = h["url"]
        for _ in range(3):
            status, _h, raw = fetch(server.url + url)
            assert status == 200
            nxt = Selector(text=raw.decode()).css("a.calendar-next::attr(href)").get()
            assert nxt != url
            url = nxt
        assert url.endswith("/2027/02")


def test_private_pages_are_disallowed_by_robots(server, hostile):
    robots = urllib.robotparser.RobotFileParser()
    robots.parse(fetch(server.url + "/robots.txt")[2].decode().splitlines())
    for h in rows(hostile, "robots_private"):
        assert not robots.can_fetch("signalstack", server.url + h["url"])
    assert robots.can_fetch("signalstack", server.url + "/classic/")


def test_malformed_pages_still_carry_the_complete_ad(server, hostile, truth_text):
    for h in rows(hostile, "malformed"):
        status, _h, raw = fetch(server.url + h["url"])
        html = raw.decode()
        assert status == 200
        title, body = title_and_body(h["site"], html)
        assert analysis_text(title, body) == truth_text[h["url"]]
        sel = Selector(text=html)  # lxml, as Scrapy reads it
        css = {"classic": "div.ad-body ::text", "profiles": "div.profile-text ::text",
               "search": "[itemprop=description] ::text"}[h["site"]]
        assert "".join(sel.css(css).getall()) == body


def test_charset_pages(server, hostile, truth_text):
    for h in rows(hostile, "charset_missing"):
        _s, headers, raw = fetch(server.url + h["url"])
        assert headers["Content-Type"] == "text/html" and b"charset" not in raw.lower()
        assert analysis_text(*title_and_body(h["site"], raw.decode("utf-8"))) == truth_text[h["url"]]
    for h in rows(hostile, "charset_wrong"):
        _s, headers, raw = fetch(server.url + h["url"])
        assert "charset=utf-8" in headers["Content-Type"]
        with pytest.raises(UnicodeDecodeError):
            raw.decode("utf-8")  # the bytes are windows-1252 despite what header and meta say
        assert analysis_text(*title_and_body(h["site"], raw.decode("cp1252"))) == truth_text[h["url"]]


def test_slow_pages_delay_only_themselves(server, hostile, truth_text):
    h = rows(hostile, "slow")[0]
    finished: list[str] = []

    def slow():
        fetch(server.url + h["url"])
        finished.append("slow")

    started = time.monotonic()
    thread = threading.Thread(target=slow)
    thread.start()
    time.sleep(0.05)
    assert fetch(server.url + "/robots.txt")[0] == 200
    finished.append("fast")
    thread.join()
    assert finished == ["fast", "slow"]  # the slow page did not hold up the other request
    assert time.monotonic() - started >= SLOW


def test_the_server_keeps_a_log_of_what_was_fetched(server):
    fetch(server.url + "/private/classic/export")
    assert ("/private/classic/export", 200) in list(server.requests)


def test_a_bug_in_a_page_answers_500_instead_of_hanging(server, monkeypatch):
    from crawlers.demosite import pages

    def broken(*args, **kwargs):
        raise RuntimeError("page bug")

    monkeypatch.setattr(pages, "index_page", broken)
    monkeypatch.setattr(server, "handle_error", lambda *a: None)  # keep the test output quiet
    status, headers, _raw = fetch(server.url + "/")
    assert status == 500 and headers["X-Error"] == "RuntimeError"
