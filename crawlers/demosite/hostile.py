"""Hostile pages every demo site carries, with the behaviour a well-made crawler shows on each.

Four kinds are real ads rendered in a difficult way (they are in the truth and should be
stored); the others are URLs that must not yield an ad. `hostile_pages` is the single list
the server routes on and the generator writes to ``truth/hostile.csv``.
"""

from __future__ import annotations

from dataclasses import dataclass

SITES = ("classic", "profiles", "search")
AD_PAGE_KINDS = ("malformed", "charset_missing", "charset_wrong", "slow")
BIG_PAGE_BYTES = 5 * 1024 * 1024 + 512 * 1024
CALENDAR_START = (2026, 11)

EXPECTED = {
    "malformed": "store the ad: the HTML is broken (unclosed and misnested tags) but the ad is complete",
    "charset_missing": "store the ad: no charset in the header or the page; the bytes are UTF-8",
    "charset_wrong": "store the ad: header and meta say utf-8 but the bytes are windows-1252; "
    "decode without crashing (non-ASCII letters may differ from the truth)",
    "slow": "store the ad: the response starts only after a delay of seconds; other requests must not wait",
    "big": "skip by size limit: the response is larger than 5 MB",
    "redirect_loop": "give up at the redirect limit and store nothing",
    "calendar_trap": "stay bounded: every month page links to the next month, forever",
    "not_found": "record the 404 and store nothing",
    "server_error": "record the 500 (retry at most a few times) and store nothing",
    "robots_private": "do not fetch: robots.txt disallows /private/",
}


@dataclass(frozen=True)
class HostilePage:
    site: str
    url: str
    kind: str
    site_ad_id: str = ""

    @property
    def expected(self) -> str:
        return EXPECTED[self.kind]


def ad_prefix(site: str) -> str:
    return {"classic": "/classic/ad/", "profiles": "/profiles/p/", "search": "/search/ad/"}[site]


def calendar_url(site: str, year: int, month: int) -> str:
    return f"/{site}/calendar/{year}/{month:02d}"


def hostile_urls(site: str) -> list[HostilePage]:
    """The hostile URLs of one site that are not ads (linked from its first listing page)."""
    p = ad_prefix(site)
    return [
        HostilePage(site, p + "h-big", "big"),
        HostilePage(site, p + "h-loop", "redirect_loop"),
        HostilePage(site, p + "h-gone", "not_found"),
        HostilePage(site, p + "h-error", "server_error"),
        HostilePage(site, calendar_url(site, *CALENDAR_START), "calendar_trap"),
        HostilePage(site, f"/private/{site}/export", "robots_private"),
    ]


LOOP_PARTNER = "h-loop-back"
HOSTILE_TOKENS = ("h-big", "h-loop", LOOP_PARTNER, "h-gone", "h-error")
