"""Issue 17 in a real browser, behind the reference proxy, on the small case-file world
(tests/casefiles/conftest.py: ad a2 escalated as urgent by an analyst of team vice):

- point 4: no request leaves the host the pages come from, and the proxy's CSP blocks nothing;
- point 1: an analyst of another team sees neither who decided nor why and cannot decide; an analyst
  of the escalating team can only propose a dismissal, and the coordinator still sees the ad as
  urgent, with the proposal;
- point 2: a bundle's download link answers a client without cookies with nothing, dies after it
  was tried, works once in the coordinator's browser, and the download is audited.

SQLite only, like the other browser tests; the database side of each point runs on both backends
in tests/casefiles/test_casefiles_four_eyes.py and tests/workbench/test_workbench_downloads.py.
"""

from __future__ import annotations

import re
import secrets
import urllib.error
import urllib.request
from urllib.parse import urljoin, urlsplit

import pytest
from playwright.sync_api import Page, expect, sync_playwright
from sqlalchemy import select

from casefiles.cases import add_ad, create_case
from core.db import session_scope
from core.schema import AuditEntry, ReviewDecision
from core.users import add_user
from tests.casefiles.conftest import world  # noqa: F401 (the fixture)
from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, running_workbench
from tests.e2e.proxy import HEADERS_MORE, insecure_context, running_proxy
from tests.e2e.test_browser import SCREENSHOTS, T, idle, open_page

pytestmark = [pytest.mark.e2e, pytest.mark.parametrize("settings", ["sqlite"], indirect=True),
              pytest.mark.skipif(not CHROMIUM.exists() or not HEADERS_MORE.exists(),
                                 reason="needs Debian's chromium, nginx-light and headers-more")]

WATCH_CSP = """
window.__csp = [];
document.addEventListener('securitypolicyviolation',
  e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
"""
PROPOSAL_REASON = "Disclaimer van de site"


@pytest.fixture
def small_workbench(settings, world, tmp_path):  # noqa: F811 (the imported fixture)
    """Accounts with passwords beside the world's, a case of team vice holding ad a1, and the
    workbench (`signalstack workbench`) behind the proxy."""
    passwords = {name: secrets.token_urlsafe(18) for name in ("cora", "anna", "oskar")}
    with session_scope(settings) as s:
        add_user(s, "cora", passwords["cora"], role="coordinator", team="vice", actor="test")
        add_user(s, "anna", passwords["anna"], role="analyst", team="vice", actor="test")
        add_user(s, "oskar", passwords["oskar"], role="analyst", team="other", actor="test")
        case = create_case(s, "E2E bundel", "vice", "coco")
        add_ad(s, case, world.ads["a1"], "coco")
    with running_workbench(tmp_path) as url, running_proxy(url, tmp_path / "nginx") as proxy:
        yield proxy.https_url, passwords, world


def _sign_in(page: Page, url: str, username: str, password: str) -> None:
    page.goto(url)
    expect(page.get_by_role("heading", name=T("signin.title"))).to_be_visible()
    page.get_by_label(T("signin.username")).fill(username)
    page.get_by_label(T("signin.password")).fill(password)
    page.get_by_role("button", name=T("signin.submit")).click()
    expect(page.get_by_role("heading", name=T("page.home"))).to_be_visible()
    idle(page)


def _open_ad(page: Page, ad_id: int) -> None:
    open_page(page, "page.ad")
    field = page.get_by_label(T("ad.id"))
    field.fill(str(ad_id))
    field.press("Enter")
    idle(page)


def _expand(page: Page, inside) -> None:
    """Open the case's expander until `inside` shows. A rerun may open or close it on its own after
    a button (the panel now stays open after an export), so a single click can undo a late rerun:
    look again after each click instead."""
    for _ in range(4):
        idle(page)
        if inside.is_visible():
            return
        page.get_by_text("E2E bundel").first.click()
        try:
            expect(inside).to_be_visible(timeout=8_000)
            return
        except AssertionError:
            continue
    page.screenshot(path=str(SCREENSHOTS / "trust-failed.png"), full_page=True)
    expect(inside).to_be_visible()


def _click_in_panel(page: Page, button) -> None:
    """Click a button inside the case's expander, reopening it when a late rerun closed it between
    finding the button and clicking it (seen under load in CI)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    for _ in range(3):
        _expand(page, button)
        try:
            button.click(timeout=10_000)
            return
        except PlaywrightTimeout:
            continue
    _expand(page, button)
    button.click()


def _any_name(key: str) -> re.Pattern[str]:
    """The text of `key` with any file name in it."""
    before, after = T(key, name="\x00").split("\x00")
    return re.compile(re.escape(before) + ".+" + re.escape(after))


def _fetch_without_cookies(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, context=insecure_context(), timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def test_four_eyes_downloads_and_no_outside_requests(small_workbench, settings):
    url, passwords, w = small_workbench
    own = urlsplit(url).netloc
    outside: list[str] = []
    SCREENSHOTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        expect.set_options(timeout=30_000)

        def new_page() -> Page:
            context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="nl-NL",
                                          ignore_https_errors=True)
            context.add_init_script(WATCH_CSP)
            context.on("request", lambda r: None if urlsplit(r.url).scheme in ("data", "blob")
                       or urlsplit(r.url).netloc == own else outside.append(r.url))
            page = context.new_page()
            page.set_default_timeout(30_000)
            return page

        try:
            # Another team: no names, no reasons, no decision buttons on team vice's escalation.
            other = new_page()
            _sign_in(other, url, "oskar", passwords["oskar"])
            _open_ad(other, w.ads["a2"])
            expect(other.get_by_text(T("review.other_team"))).to_be_visible()
            expect(other.get_by_text("same number")).to_have_count(0)
            expect(other.get_by_role("button", name=T("decision.dismiss"))).to_have_count(0)
            other.screenshot(path=str(SCREENSHOTS / "trust-other-team-ad.png"), full_page=True)

            # The escalating team's analyst: a dismissal is only a proposal.
            analyst = new_page()
            _sign_in(analyst, url, "anna", passwords["anna"])
            _open_ad(analyst, w.ads["a2"])
            expect(analyst.get_by_text("same number")).to_be_visible()
            reason = analyst.get_by_label(T("review.reason"))
            reason.fill(PROPOSAL_REASON)
            reason.press("Enter")
            idle(analyst)
            analyst.get_by_role("button", name=T("decision.dismiss")).click()
            idle(analyst)
            expect(analyst.get_by_text(T("review.proposal_saved", ad=w.ads["a2"],
                                         decision=T("decision.dismiss")))).to_be_visible()
            with session_scope(settings) as s:
                newest = s.execute(select(ReviewDecision).order_by(ReviewDecision.id.desc())).scalars().first()
                assert (newest.decision, newest.status, newest.team) == ("dismiss", "proposed", "vice")

            # The coordinator still has it as urgent, with the proposal.
            coordinator = new_page()
            _sign_in(coordinator, url, "cora", passwords["cora"])
            urgent = coordinator.get_by_test_id("stVerticalBlock").filter(
                has_text=T("triage.decided", decision=T("decision.urgent"), user="ana")).last
            expect(urgent).to_be_visible()
            expect(coordinator.get_by_text(PROPOSAL_REASON, exact=False)).to_be_visible()
            idle(coordinator)
            coordinator.screenshot(path=str(SCREENSHOTS / "trust-coordinator-home.png"), full_page=True)

            # Export, then prepare a download: the link gives a client without cookies nothing.
            open_page(coordinator, "page.cases")
            export = coordinator.get_by_role("button", name=T("cases.export"))
            _expand(coordinator, export)
            _click_in_panel(coordinator, export)
            idle(coordinator)
            prepare = coordinator.get_by_role("button", name=_any_name("cases.prepare_download"))
            _expand(coordinator, prepare)
            coordinator.screenshot(path=str(SCREENSHOTS / "trust-exported.png"), full_page=True)
            _click_in_panel(coordinator, prepare)
            idle(coordinator)
            link = coordinator.get_by_role("link", name=_any_name("cases.download"))
            _expand(coordinator, prepare)
            expect(link).to_be_visible()
            coordinator.screenshot(path=str(SCREENSHOTS / "trust-prepared-download.png"), full_page=True)
            href = urljoin(coordinator.url, link.get_attribute("href"))
            status, body = _fetch_without_cookies(href)
            assert status == 404 and not body.startswith(b"PK")
            assert coordinator.context.request.get(href).status == 404  # tried once: dead

            # A fresh link works once, in the coordinator's browser, and is audited.
            _expand(coordinator, prepare)
            _click_in_panel(coordinator, prepare)
            idle(coordinator)
            _expand(coordinator, prepare)
            expect(link).not_to_have_attribute("href", urlsplit(href).path.lstrip("/"))  # a new token
            href = urljoin(coordinator.url, link.get_attribute("href"))
            first = coordinator.context.request.get(href)
            assert first.status == 200 and first.body().startswith(b"PK")
            assert coordinator.context.request.get(href).status == 404
            violations = [pg.evaluate("window.__csp") for pg in (other, analyst, coordinator)]
        finally:
            browser.close()
    with session_scope(settings) as s:
        audited = s.execute(select(AuditEntry).where(AuditEntry.action == "case.download")).scalars().all()
        assert [e.actor for e in audited] == ["cora"]
    assert outside == [], f"requests to other hosts: {outside}"
    assert violations == [[], [], []], f"CSP blocked: {violations}"


def _starting_with(key: str) -> re.Pattern[str]:
    """Text that begins as `key` does, up to its first placeholder (which may hold spaces)."""
    from workbench.i18n import translate

    names = re.findall(r"{(\w+)}", translate("nl", key))
    marker = "\x00"
    head = T(key, **{name: marker for name in names}).split(marker)[0]
    return re.compile("^" + re.escape(head))


def test_sign_in_is_throttled_and_a_cut_audit_tail_shows_in_the_browser(small_workbench, settings):
    """Points 3 and 6 in a real browser: failed sign-ins meet a growing wait, and after a DBA cut the
    newest audit entries (triggers dropped first), the auditor's verify button reports the cut."""
    from sqlalchemy import text

    from core.db import get_engine
    from core.pg_guards import drop_audit_guards

    url, passwords, _ = small_workbench
    auditor = secrets.token_urlsafe(18)
    with session_scope(settings) as s:
        add_user(s, "audra", auditor, role="auditor", team="vice", actor="test")
    refused = re.compile("|".join(p.pattern for p in (_starting_with("signin.throttled"),
                                                       _starting_with("signin.locked"))))
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        expect.set_options(timeout=30_000)
        page = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="nl-NL",
                                   ignore_https_errors=True).new_page()
        page.goto(url)
        throttled = False
        for _ in range(8):  # waits grow from the fourth failure on; a slow machine may need a few more
            page.get_by_label(T("signin.username")).fill("anna")
            page.get_by_label(T("signin.password")).fill("not-her-password-at-all")
            page.get_by_role("button", name=T("signin.submit")).click()
            idle(page)
            if page.get_by_text(refused).count():
                throttled = True
                break
        assert throttled, "eight wrong passwords in a row met no wait"
        with session_scope(settings) as s:
            actions = set(s.scalars(select(AuditEntry.action).where(AuditEntry.action.like("signin%"))))
        assert actions & {"signin.throttled", "signin.locked"}, actions  # each refusal is audited

        _sign_in(page, url, "audra", auditor)
        open_page(page, "page.audit")
        page.get_by_role("button", name=T("audit.verify")).click()
        expect(page.get_by_text(_starting_with("audit.chain_ok"))).to_be_visible()
        with get_engine(settings).begin() as conn:  # the hostile DBA
            drop_audit_guards(conn)
            newest = list(conn.execute(text("SELECT id FROM audit_log ORDER BY id DESC LIMIT 3")).scalars())
            for entry in newest:
                conn.execute(text("DELETE FROM audit_log WHERE id = :i"), {"i": entry})
        page.get_by_role("button", name=T("audit.verify")).click()
        expect(page.get_by_text(_starting_with("audit.checkpoint_broken"))).to_be_visible()
        page.screenshot(path=str(SCREENSHOTS / "audit-cut-tail.png"), full_page=True)
        browser.close()
