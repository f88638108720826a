"""Capture replay, the interactive network and search with context (issue 19), through AppTest and as pure
functions."""

from __future__ import annotations

import base64
import hashlib
from io import BytesIO

import networkx as nx
import pytest
from sqlalchemy import select
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from casefiles.review import decide
from core.db import session_scope
from core.schema import AdVersion, AuditEntry, Capture, Entity, User
from workbench.graph import MAX_NODES, chart_rows, cluster_name, domains, group_leaves, selected_node
from workbench.replay import CSP, FRAME_NAME, PLACEHOLDER, replay_document, sandboxed_frame
from workbench.search_results import SearchFilters, facet_counts, search_page, snippet

PAGE = b"""<!doctype html><html><head><title>Lisa</title><base href="http://evil.example/">
<link rel="stylesheet" href="http://evil.example/s.css"><meta http-equiv="refresh" content="0;url=http://evil.example/">
<script src="http://evil.example/x.js"></script><style>body{background:url(http://evil.example/bg.png)}
@import url("http://evil.example/more.css");</style></head>
<body onload="alert(1)"><h1 style="color:red;background-image:url('http://evil.example/h.png')">Lisa</h1>
<p>Bel mij <a href="http://evil.example/contact" onclick="alert(2)">hier</a> of kijk op https://evil.example/more</p>
<img src="/img/a.jpg" onerror="alert(3)" srcset="http://evil.example/big.jpg 2x"><img src="http://evil.example/b.jpg">
<iframe src="http://evil.example/frame"></iframe><svg><image href="http://evil.example/svg.png"/></svg>
<form action="http://evil.example/post"><input name="q"></form><noscript><img src="http://evil.example/ns.gif"></noscript>
</body></html>"""
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")


# ---- replay: pure ------------------------------------------------------------------------------------


def test_replay_document_is_inert_and_fetches_nothing():
    doc = replay_document(PAGE.decode(), "http://127.0.0.1:8765/classic/ad/a1")
    lowered = doc.lower()
    assert f'content="{CSP}"' in doc
    for bad in ("<script", "<base", "<link", "<iframe", "<svg", "<form", "<input", "onload", "onclick", "onerror",
                "srcset", "href=", "url(", "@import", "evil.example/", "http-equiv=\"refresh\""):
        assert bad not in lowered, bad
    assert "Lisa" in doc and "hier" in doc and "[evil.example]" in doc  # text stays, the address only as words
    assert doc.count(f'src="{PLACEHOLDER}"') == 2


def test_replay_images_come_from_the_capture_only():
    data_uri = "data:image/png;base64," + base64.b64encode(PNG).decode()
    doc = replay_document('<img src="/img/a.jpg"><img src="/img/b.jpg">', "http://127.0.0.1:8765/classic/ad/a1",
                          {"http://127.0.0.1:8765/img/a.jpg": data_uri, "http://127.0.0.1:8765/img/b.jpg": "http://x/"})
    assert doc.count(data_uri) == 1 and doc.count(PLACEHOLDER) == 1


def test_the_replay_frame_allows_nothing():
    frame = sandboxed_frame(replay_document("<p>x</p>"))
    assert 'sandbox=""' in frame and f'name="{FRAME_NAME}"' in frame
    assert "allow-" not in frame and "<script" not in frame


# ---- replay: the page ----------------------------------------------------------------------------------


def _store_warc(settings, world, body: bytes) -> int:
    """Write `body` as a real WARC response record and point the world's capture at it."""
    folder = settings.warc_dir / "classic"
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "test.warc.gz", "wb") as out:
        writer = WARCWriter(out, gzip=True)
        offset = out.tell()
        writer.write_record(writer.create_warc_record(
            "http://127.0.0.1:8765/classic/ad/a1", "response", payload=BytesIO(body), length=len(body),
            http_headers=StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                          protocol="HTTP/1.1")))
    with session_scope(settings) as s:
        capture = s.execute(select(Capture)).scalars().first()
        capture.warc_file, capture.warc_offset = "classic/test.warc.gz", offset
        capture.sha256 = hashlib.sha256(body).hexdigest()
        return capture.id


def _frames(at) -> list[str]:
    return [e.proto.srcdoc for e in at.get("iframe")]


def test_capture_page_replays_inert_with_hash_time_and_warc_location(world, app, settings):
    capture_id = _store_warc(settings, world, PAGE)
    at = app(world, "anna", "capture", capture=str(capture_id))
    frames = _frames(at)
    assert len(frames) == 1 and 'sandbox=""' in frames[0] and "evil.example/" not in frames[0]
    assert any(hashlib.sha256(PAGE).hexdigest() == c.value for c in at.code)
    assert any("classic/test.warc.gz @" in c.value for c in at.code)
    assert at.success  # the bytes still match the hash
    assert any(c.value == "http://127.0.0.1:8765/classic/ad/a1" for c in at.code)  # text to copy, not a link
    with session_scope(settings) as s:
        entry = s.execute(select(AuditEntry).where(AuditEntry.action == "capture.replay")).scalar_one()
        assert entry.object_id == str(capture_id) and entry.detail["digest_matches"] is True


def test_an_altered_capture_is_not_replayed(world, app, settings):
    capture_id = _store_warc(settings, world, PAGE)
    with session_scope(settings) as s:
        s.get(Capture, capture_id).sha256 = "00" * 32
    at = app(world, "anna", "capture", capture=str(capture_id))
    assert not _frames(at) and at.error


def test_a_capture_without_its_warc_file_says_so(world, app):
    at = app(world, "anna", "capture", capture="1")
    assert not _frames(at) and at.warning


def test_no_page_links_to_a_captured_url(world, app):
    at = app(world, "anna", "ad", ad=str(world.high))
    assert not [link for link in at.page_link if "127.0.0.1:8765" in link.label]
    assert "](http" not in " ".join(m.value for m in at.markdown)
    assert any(c.value == "http://127.0.0.1:8765/classic/ad/a1" for c in at.code)
    assert any(link.label for link in at.page_link if "capture" in str(link.proto.page))


# ---- network ------------------------------------------------------------------------------------------


def test_network_takes_the_start_as_search_does_and_highlights_it(world, app, settings):
    at = app(world, "anna", "network", seed="06-12 34 56 78")  # no "phone:" prefix
    assert not app.failed(at)
    charts = at.get("vega_lite_chart")
    assert charts
    spec = charts[0].proto.spec
    assert "datum.start" in spec and '"nearest": true' in spec  # the start ringed; a click picks the nearest node
    shared = at.dataframe[0].value
    assert "+31612345678" in set(shared.iloc[:, 1])
    assert any(f"{world.mid} " in link.label for link in at.page_link)
    with session_scope(settings) as s:
        entry = s.execute(select(AuditEntry).where(AuditEntry.action == "network.view")).scalar_one()
        assert entry.detail["ads"] == 2


def test_clusters_are_named_by_their_template_not_their_key():
    assert cluster_name({"template": "{name}, {age} jaar. Bel {phone}."}, "text", 3) == "“…, … jaar. Bel ….”"
    assert cluster_name({}, "network", 6) == "network #6"


def test_leaves_are_grouped_beyond_the_limit_and_the_start_is_kept():
    graph = nx.Graph()
    graph.add_node("ad:1", kind="ad", label="ad 1", title="")
    for i in range(MAX_NODES + 50):
        graph.add_node(f"phone:+31{i:09d}", kind="phone", title="")
        graph.add_edge("ad:1", f"phone:+31{i:09d}")
    keep = {"phone:+31000000007"}
    grouped = group_leaves(graph, keep)
    assert grouped.number_of_nodes() == 3 and "phone:+31000000007" in grouped
    group = next(n for n, d in grouped.nodes(data=True) if d["kind"] == "group")
    assert grouped.nodes[group]["count"] == MAX_NODES + 49
    nodes, _ = chart_rows(grouped, {"ad:1"}, group_label=lambda kind, n: f"+{n} {kind}")
    assert {n["label"] for n in nodes} >= {f"+{MAX_NODES + 49} phone", "★ ad 1"}
    (x0, x1), (y0, y1) = domains(nodes)
    assert all(x0 < n["x"] < x1 and y0 < n["y"] < y1 for n in nodes)  # room at every edge


def test_a_click_selection_names_the_node():
    class State:
        selection = {"node": [{"id": "ad:12"}]}

    assert selected_node(State()) == "ad:12"
    assert selected_node(None) is None


# ---- search with context ------------------------------------------------------------------------------


def test_search_results_carry_snippet_risk_decision_site_city_and_dates(world, app):
    at = app(world, "anna", "search", q="Bel mijn manager", kind="text")
    html = " ".join(h.proto.body for h in at.get("html"))
    assert "<mark" in html and "manager" in html and "<script>" not in html
    captions = " ".join(c.value for c in at.caption)
    assert "risico 0.91" in captions and "niet beoordeeld" in captions and "Amersfoort" in captions
    labels = {m.label for m in at.multiselect}
    assert {"Site", "Plaats", "Soort indicator", "Besluit"} <= labels


def test_another_teams_decision_is_hidden_in_search(world, app, settings):
    with session_scope(settings) as s:
        decide(s, s.get(User, world.users["anna"]), world.high, "confirm", "zuid's reason")
    mine = " ".join(c.value for c in app(world, "anna", "search", q="0612345678").caption)
    theirs = " ".join(c.value for c in app(world, "bert", "search", q="0612345678").caption)
    assert "Bevestigen" in mine or "confirm" in mine.lower()
    assert "verborgen" in theirs and "Bevestigen" not in theirs


def test_search_facets_filter_and_count(world, settings):
    with session_scope(settings) as s:
        found = search_page(s, "auto", "0612345678")
        assert {r.ad_id for r in found.results} == {world.high, world.mid}
        assert found.facets["city"] == {"Amersfoort": 1, "Rotterdam": 1}
        only = search_page(s, "auto", "0612345678", filters=SearchFilters(cities=("Rotterdam",)))
        assert [r.ad_id for r in only.results] == [world.mid]
        # A facet counts its own alternatives: choosing a city still offers the other one.
        assert only.facets["city"] == {"Amersfoort": 1, "Rotterdam": 1}
        coercion = search_page(s, "auto", "0612345678", filters=SearchFilters(categories=("movement",)))
        assert [r.ad_id for r in coercion.results] == [world.high]
        assert facet_counts([], SearchFilters()) == {"site": {}, "city": {}, "category": {}, "decision": {}}


def test_a_phone_read_from_outside_the_text_is_found_without_a_span(world, settings):
    # The site's own phone field gives an entity with no span in the text: nothing to mark, no crash.
    with session_scope(settings) as s:
        version = s.execute(select(AdVersion).where(AdVersion.ad_id == world.low)).scalars().first()
        s.add(Entity(ad_version_id=version.id, kind="phone", value="+31687654321", start=None, end=None))
    with session_scope(settings) as s:
        found = search_page(s, "auto", "06 87 65 43 21")
    assert [r.ad_id for r in found.results] == [world.low]


def test_snippet_escapes_and_marks():
    class H:
        start, end, code, category = 0, 4, "x", "minor"

    out = snippet("Lisa <b>17</b> " + "x" * 400, [H()], [(5, 8)])
    assert out.startswith('<div style="white-space:pre-wrap"><mark') and "&lt;b&gt;" in out and out.endswith("…</div>")


@pytest.mark.parametrize("version_images", [[{"url": "/img/a.jpg", "sha256": hashlib.sha256(PNG).hexdigest()}]])
def test_kept_images_are_shown_from_the_capture(world, settings, version_images):
    from workbench.replay import load_replay

    capture_id = _store_warc(settings, world, PAGE)
    root = settings.data_path / "images" / "ab"
    root.mkdir(parents=True, exist_ok=True)
    (root / "a").write_bytes(PNG)
    with session_scope(settings) as s:
        version = s.execute(select(AdVersion).where(AdVersion.capture_id == capture_id)).scalars().first()
        version.images = [dict(version_images[0], stored="ab/a")]
        s.flush()
        replay = load_replay(s, settings, capture_id)
    assert replay.images_kept == 1 and "data:image/png;base64," in replay.document


def test_expanding_a_node_loads_one_more_hop(world, settings):
    from workbench.network import expanded_neighbourhood, resolve_seed

    with session_scope(settings) as s:
        assert resolve_seed(s, f"cluster:{world.cluster}", "NL")[2] == {world.high, world.mid}
        assert resolve_seed(s, str(world.low), "NL")[:2] == ("ad", str(world.low))
        alone = expanded_neighbourhood(s, {world.low}, 1, [])
        assert set(alone) == {world.low}
        grown = expanded_neighbourhood(s, {world.low}, 1, [f"ad:{world.high}"])
        assert set(grown) == {world.low, world.high, world.mid}
