"""Issue 17 point 3, sessions, in a real browser behind the reference proxy (https):

- sign in, reload: still signed in; a new tab (a deep link to an ad): signed in;
- the session cookie is HttpOnly, SameSite=Strict and Secure (the proxy says X-Forwarded-Proto: https),
  and page script cannot read it;
- the ad's kept photo loads in the signed-in tab, while a client without cookies gets nothing from its
  /media/ URL;
- "sign out everywhere" in one tab: the other tab, and another browser, are signed out on their next
  action;
- with a short idle timeout (setting ``session_idle_minutes``, read per request from the TOML file),
  an idle tab is signed out on its next action, and a reload does not bring the session back.

SQLite only, like the other browser tests; the store itself runs on both backends in
tests/core/test_sessions.py, the routes and the media gate in tests/workbench/test_workbench_sessions.py.
"""

from __future__ import annotations

import os
import secrets
import time
from urllib.parse import urljoin

import pytest
from playwright.sync_api import Page, expect, sync_playwright
from sqlalchemy import select

from core.db import session_scope
from core.schema import AdVersion, AuditEntry
from core.sessions import COOKIE
from core.users import add_user
from tests.casefiles.conftest import world  # noqa: F401 (the fixture)
from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, running_workbench
from tests.e2e.proxy import HEADERS_MORE, running_proxy
from tests.e2e.test_browser import SCREENSHOTS, T, choose, idle, open_page
from tests.e2e.test_trust_browser import _fetch_without_cookies, _sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.parametrize("settings", ["sqlite"], indirect=True),
              pytest.mark.skipif(not CHROMIUM.exists() or not HEADERS_MORE.exists(),
                                 reason="needs Debian's chromium, nginx-light and headers-more")]

FAVICON = os.path.join(os.path.dirname(__file__), "..", "..", "workbench", "static", "favicon.png")


@pytest.fixture
def session_workbench(settings, world, tmp_path, monkeypatch):  # noqa: F811 (the imported fixture)
    """Team vice's analyst with a password, ad a1 with a kept photo, a TOML settings file the test may
    rewrite, and the workbench behind the proxy."""
    password = secrets.token_urlsafe(18)
    with session_scope(settings) as s:
        add_user(s, "vera", password, role="analyst", team="vice", actor="test")
        add_user(s, "ada", password, role="admin", team="vice", actor="test")
        version = s.execute(select(AdVersion).where(AdVersion.ad_id == world.ads["a1"])
                            .order_by(AdVersion.id.desc())).scalars().first()
        version.images = [{"sha256": "0" * 64, "phash": "", "url": "https://example.invalid/p.png",
                           "stored": "p.png"}]
    images = settings.data_path / "images"
    images.mkdir(parents=True, exist_ok=True)
    (images / "p.png").write_bytes(open(FAVICON, "rb").read())
    toml = tmp_path / "signalstack.toml"
    toml.write_text("session_idle_minutes = 30.0\n")
    monkeypatch.setenv("SIGNALSTACK_CONFIG", str(toml))
    with running_workbench(tmp_path) as url, running_proxy(url, tmp_path / "nginx") as proxy:
        yield proxy.https_url, password, world, toml


def _signed_in(page: Page, username: str) -> None:
    expect(page.get_by_test_id("stSidebar").get_by_text(username, exact=False).first).to_be_visible()
    expect(page.get_by_role("heading", name=T("signin.title"))).to_have_count(0)


def _signed_out(page: Page, reason: str | None = None) -> None:
    expect(page.get_by_role("heading", name=T("signin.title"))).to_be_visible()
    if reason:
        expect(page.get_by_text(T("signin.session_ended", reason=T(f"signin.session_reason.{reason}")))).to_be_visible()


def _next_action(page: Page) -> None:
    """Something a user does that reruns the script (no page load): open the overview."""
    page.get_by_test_id("stSidebarNav").get_by_role("link", name=T("page.home"), exact=True).click()
    idle(page)


def test_sessions_survive_reload_and_tabs_and_end_everywhere_and_when_idle(session_workbench, settings):
    url, password, w, toml = session_workbench
    SCREENSHOTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        expect.set_options(timeout=30_000)
        try:
            context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="nl-NL",
                                          ignore_https_errors=True)
            first = context.new_page()
            first.set_default_timeout(30_000)
            _sign_in(first, url, "vera", password)
            _signed_in(first, "vera")

            cookie = next(c for c in context.cookies() if c["name"] == COOKIE)
            assert (cookie["httpOnly"], cookie["sameSite"], cookie["secure"], cookie["path"]) == (True, "Strict", True, "/")
            assert cookie["expires"] == -1  # a browser-session cookie; the server ends it sooner
            assert COOKIE not in first.evaluate("document.cookie")

            first.reload()
            idle(first)
            _signed_in(first, "vera")
            expect(first.get_by_role("heading", name=T("page.home"))).to_be_visible()

            # A new tab, straight onto an ad: signed in, and its kept photo loads (with the cookie only).
            second = context.new_page()
            second.set_default_timeout(30_000)
            second.goto(f"{url}/ad?ad={w.ads['a1']}")
            idle(second)
            _signed_in(second, "vera")
            photo = second.locator("img[src*='/media/']").first
            expect(photo).to_be_visible()
            expect(photo).to_have_js_property("complete", True)
            assert second.evaluate("(img) => img.naturalWidth", photo.element_handle()) > 0
            media = urljoin(second.url, photo.get_attribute("src"))
            assert context.request.get(media).status == 200
            status, body = _fetch_without_cookies(media)
            assert status == 404 and not body.startswith(b"\x89PNG")
            second.screenshot(path=str(SCREENSHOTS / "sessions-new-tab-ad.png"), full_page=True)

            # Another browser (another workstation) signed in as the same account.
            elsewhere_context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="nl-NL",
                                                    ignore_https_errors=True)
            elsewhere = elsewhere_context.new_page()
            elsewhere.set_default_timeout(30_000)
            _sign_in(elsewhere, url, "vera", password)

            # Sign out everywhere from the first tab: that tab, the second and the other browser are out.
            first.get_by_role("button", name=T("sidebar.signout_everywhere")).click()
            _signed_out(first)
            assert COOKIE not in {c["name"] for c in context.cookies()}
            _next_action(second)
            _signed_out(second, "revoked")
            second.screenshot(path=str(SCREENSHOTS / "sessions-signed-out-elsewhere.png"), full_page=True)
            _next_action(elsewhere)
            _signed_out(elsewhere, "revoked")
            elsewhere.reload()
            _signed_out(elsewhere)
            assert context.request.get(media).status == 404

            # A short idle timeout: after it, the next action signs out, and a reload does not sign in.
            _sign_in(first, url, "vera", password)
            toml.write_text("session_idle_minutes = 0.05\n")  # 3 s, read by the server on the next request
            time.sleep(4)
            _next_action(first)
            _signed_out(first, "idle")
            first.screenshot(path=str(SCREENSHOTS / "sessions-idle.png"), full_page=True)
            toml.write_text("session_idle_minutes = 30.0\n")
            first.reload()
            _signed_out(first)

            # An administrator signs the account out everywhere from the users page.
            _sign_in(first, url, "vera", password)
            _sign_in(elsewhere, url, "ada", password)
            open_page(elsewhere, "page.users")
            choose(elsewhere, T("users.username"), "vera")
            elsewhere.get_by_test_id("stMainBlockContainer").get_by_role(
                "button", name=T("users.signout_everywhere")).click()
            expect(elsewhere.get_by_text(T("users.signed_out", username="vera", sessions=1))).to_be_visible()
            elsewhere.screenshot(path=str(SCREENSHOTS / "sessions-admin-signout.png"), full_page=True)
            _next_action(first)
            _signed_out(first, "revoked")
        finally:
            browser.close()
    with session_scope(settings) as s:
        actions = [a for a in s.execute(select(AuditEntry.action).where(AuditEntry.actor == "vera")
                                        .order_by(AuditEntry.id)).scalars() if a.startswith("session.")]
        by_admin = s.execute(select(AuditEntry.actor).where(AuditEntry.action == "session.revoke_all")
                             .order_by(AuditEntry.id)).scalars().all()
    assert actions.count("session.start") == 4 and "session.timeout" in actions
    assert actions.count("session.revoke") == 2 and actions.count("session.revoke_all") == 1
    assert by_admin == ["vera", "ada"]
