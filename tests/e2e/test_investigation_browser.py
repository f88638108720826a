"""Capture replay, the interactive network and search with context, in a real browser.

The replay is checked to make no network request at all: every request the page makes is routed,
any to another host than the workbench fails the test, and the sandboxed replay frame makes none.
Screenshots go to tests/e2e/screenshots/ (git-ignored): replay.png, network.png, search.png.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from core.db import session_scope
from core.schema import Ad, AdVersion, AuditEntry, Entity
from tests.e2e.test_browser import T, idle, open_page, plan_from, save_screenshot, sign_in, type_in
from workbench.graph import chart_rows, domains, group_leaves
from workbench.network import build_graph, expanded_neighbourhood, resolve_seed
from workbench.replay import CSP, FRAME_NAME

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


def test_replay_makes_no_network_request(demo_database, workbench_url, browser_page):
    settings = demo_database.settings
    plan = plan_from(settings)
    with session_scope(settings) as s:
        # An ad whose crawled text carries a <script>: the replay must keep it dead.
        ad_id = min(plan.injection_ads) if plan.injection_ads else plan.pivot_ad
        ad = s.get(Ad, ad_id)
        capture_id, capture_sha, ad_url = ad.current.capture.id, ad.current.capture.sha256, ad.current.capture.url

    page = browser_page
    workbench_host = urlsplit(workbench_url).netloc
    foreign: list[str] = []
    requests: list[tuple[str, str]] = []  # (frame name, url)

    def route(r):
        if urlsplit(r.request.url).netloc != workbench_host:
            foreign.append(r.request.url)
            r.abort()
        else:
            r.continue_()

    page.context.route("**/*", route)
    page.on("request", lambda req: requests.append((req.frame.name, req.url)))

    sign_in(page, workbench_url, "analist", demo_database.accounts["analist"])
    open_page(page, "page.capture")
    type_in(page, page.get_by_label(T("replay.id")), str(capture_id))
    expect(page.get_by_text(T("replay.digest_ok"))).to_be_visible()
    expect(page.get_by_text(capture_sha)).to_be_visible()
    expect(page.get_by_text(T("replay.live_warning")).first).to_be_visible()
    # The live address is text to copy, never a link.
    expect(page.get_by_role("link", name=ad_url)).to_have_count(0)
    expect(page.locator(f'a[href^="{ad_url}"]')).to_have_count(0)

    replay = None
    for _ in range(60):
        replay = page.frame(name=FRAME_NAME)
        if replay is not None and replay.url == "about:srcdoc" and "<body" in replay.content():
            break
        page.wait_for_timeout(500)
    assert replay is not None, "the replay frame did not load"
    element = replay.frame_element()
    assert element.get_attribute("sandbox") == "", "the replay frame must allow nothing (no scripts)"
    html = replay.content()
    assert CSP in html
    assert "<script" not in html.lower() and " href=" not in html and " onerror" not in html.lower()
    expect(replay.locator("body")).not_to_be_empty()
    idle(page)
    page.wait_for_timeout(1000)  # anything the replay would fetch has had time to start
    save_screenshot(page, "replay")

    assert foreign == [], f"requests to other hosts: {foreign}"
    assert [url for frame, url in requests if frame == FRAME_NAME] == [], "the replay frame made requests"
    assert not page.evaluate("window.__xss || []")
    with session_scope(settings) as s:
        entry = s.execute(select(AuditEntry).where(AuditEntry.action == "capture.replay")).scalars().one()
        assert entry.object_id == str(capture_id) and entry.detail["digest_matches"] is True


def _node_point(box: dict, nodes: list[dict], node_id: str) -> tuple[float, float]:
    (x0, x1), (y0, y1) = domains(nodes)
    node = next(n for n in nodes if n["id"] == node_id)
    return (box["x"] + (node["x"] - x0) / (x1 - x0) * box["width"],
            box["y"] + (y1 - node["y"]) / (y1 - y0) * box["height"])


def test_network_click_opens_the_ad_and_search_shows_context(demo_database, workbench_url, browser_page):
    settings = demo_database.settings
    plan = plan_from(settings)
    # The start as search takes it: the number as a person would write it, no "phone:" prefix.
    written = "0" + plan.pivot_phone[3:] if plan.pivot_phone.startswith("+31") else plan.pivot_phone
    with session_scope(settings) as s:
        kind, value, seeds = resolve_seed(s, written, "NL")
        assert kind == "phone" and value == plan.pivot_phone and seeds == set(plan.network)
        graph = build_graph(expanded_neighbourhood(s, seeds, 2, []))
    start = {f"phone:{plan.pivot_phone}"}
    nodes, _ = chart_rows(group_leaves(graph, start), start)
    target = sorted(n["id"] for n in nodes if n["kind"] == "ad")[0]

    page = browser_page
    sign_in(page, workbench_url, "analist", demo_database.accounts["analist"])
    open_page(page, "page.network")
    type_in(page, page.get_by_label(T("network.seed")), written)
    expect(page.get_by_role("heading", name=T("network.ads_list"))).to_be_visible()
    idle(page)
    page.wait_for_timeout(800)
    save_screenshot(page, "network")
    canvas = page.locator(".st-key-network_graph .marks").first
    expect(canvas).to_be_visible()

    canvas.scroll_into_view_if_needed()
    x, y = _node_point(canvas.bounding_box(), nodes, target)
    page.mouse.click(x, y)
    expect(page.get_by_role("heading", name=T("page.ad"), level=1)).to_be_visible()
    expect(page.get_by_label(T("ad.id"))).to_have_value(target.split(":")[1])
    idle(page)

    with session_scope(settings) as s:
        text = s.execute(select(AdVersion.body).where(AdVersion.ad_id == plan.pivot_ad)
                         .order_by(AdVersion.id.desc())).scalars().first()
        assert s.execute(select(Entity.id).where(Entity.value == plan.pivot_phone)).first()
    words = " ".join(text.split()[:3])
    open_page(page, "page.search")
    type_in(page, page.get_by_label(T("search.query")), written)
    expect(page.get_by_role("link", name=re.compile(rf"^{plan.pivot_ad} · "))).to_be_visible()
    expect(page.get_by_text(T("search.facets"))).to_be_visible()
    expect(page.get_by_text(re.compile(T("search.risk", risk=r"[\d.]+")[:6])).first).to_be_visible()
    type_in(page, page.get_by_label(T("search.query")), words)
    expect(page.locator("mark").first).to_be_visible()
    idle(page)
    save_screenshot(page, "search")
