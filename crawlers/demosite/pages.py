"""HTML of the three demo sites (classic, profiles, search); every ad field is HTML-escaped.

Each function returns a complete page as text. The page contract (class names, URLs)
is documented in docs/DEMO_WORLD.md; the crawler's site adapters rely on it.
"""

from __future__ import annotations

import json
import zlib
from html import escape

from crawlers.demosite.hostile import HostilePage, calendar_url, hostile_urls
from crawlers.demosite.world import DayView, LiveAd

PAGE_SIZE = 20
SITE_NAMES = {"classic": "Advertentiebord", "profiles": "Profielen", "search": "Zoekplaats"}
DISCLAIMER = "Alleen voor volwassenen (18+). Geen minderjarigen. Adults only, no minors."


def esc(text: object) -> str:
    return escape(str(text), quote=True)


def page(site: str, title: str, main: str, head: str = "", charset: bool = True) -> str:
    meta = '<meta charset="utf-8">' if charset else ""
    return (
        f'<!doctype html>\n<html lang="nl"><head>{meta}<title>{esc(title)} - {SITE_NAMES.get(site, "Demo")}</title>'
        f"{head}</head>\n<body>\n<header><a class=\"home\" href=\"/{site}/\">{SITE_NAMES.get(site, 'Demo')}</a>"
        f"</header>\n<main>\n{main}\n</main>\n"
        f'<footer class="disclaimer"><p>{DISCLAIMER}</p><a href="/private/{site}/export">Beheer</a></footer>\n'
        "</body></html>\n"
    )


def views(ad: LiveAd, day: int) -> int:
    """A view counter that changes from day to day (a field no adapter maps)."""
    return 20 + zlib.crc32(f"{ad.site}/{ad.id}/{day}".encode()) % 900


def _featured_cards(site: str) -> list[HostilePage]:
    return [h for h in hostile_urls(site) if h.kind not in ("calendar_trap", "robots_private")]


def _slice(items: list, number: int) -> tuple[list, bool]:
    start = (number - 1) * PAGE_SIZE
    return items[start : start + PAGE_SIZE], len(items) > start + PAGE_SIZE


# --- classic ---------------------------------------------------------------------------------------
def classic_listing(view: DayView, number: int) -> str | None:
    ads, more = _slice(view.by_site["classic"], number)
    if number > 1 and not ads:
        return None
    cards = "\n".join(
        f'<article class="ad-card"><a class="ad-link" href="{esc(a.url)}">{esc(a.version["title"])}</a>'
        f'<span class="ad-city">{esc(a.version["city"])}</span></article>'
        for a in ads
    )
    parts = [f'<h1>Advertenties, pagina {number}</h1>\n<section class="ads">\n{cards}\n</section>']
    if more:
        parts.append(f'<a class="next" rel="next" href="/classic/page/{number + 1}">Volgende</a>')
    if number == 1:
        featured = "\n".join(
            f'<article class="ad-card"><a class="ad-link" href="{h.url}">Uitgelicht {i + 1}</a>'
            f'<span class="ad-city">Nederland</span></article>'
            for i, h in enumerate(_featured_cards("classic"))
        )
        parts.append(f'<section class="featured">\n{featured}\n</section>')
        parts.append(f'<nav><a class="calendar" href="{calendar_url("classic", 2026, 11)}">Agenda</a></nav>')
    return page("classic", f"Pagina {number}", "\n".join(parts))


def classic_detail(ad: LiveAd, day: int, malformed: bool = False, charset: bool = True) -> str:
    v = ad.version
    images = "".join(f'<img class="ad-image" src="/img/{esc(f)}" alt="">' for f in v["images"])
    facts = (
        f'<dt>Naam</dt><dd class="ad-name">{esc(v["name"])}</dd>'
        f'<dt>Leeftijd</dt><dd class="ad-age">{esc(v["age"])}</dd>'
        f'<dt>Stad</dt><dd class="ad-city">{esc(v["city"])}</dd>'
        f'<dt>Geplaatst</dt><dd><time class="ad-posted" datetime="{ad.posted_at}">{ad.posted_at[:10]}</time></dd>'
        f'<dt>Bijgewerkt</dt><dd><time class="ad-updated" datetime="{v["at"]}">{v["at"][:10]}</time></dd>'
        f'<dt>Bekeken</dt><dd class="ad-extra">{views(ad, day)} keer</dd>'
    )
    body = f'<div class="ad-body" style="white-space:pre-wrap">{esc(v["body"])}</div>'
    if malformed:
        # Misnested and unclosed tags around (never inside) the ad's fields.
        main = (
            f'<div class="wrap"><table><tr><td><article class="ad" data-ad-id="{esc(ad.id)}">'
            f'<h1 class="ad-title"><b><i>{esc(v["title"])}</b></i></h1><p>'
            f'<dl class="ad-facts">{facts}</span></p>{body}\n{images}</td></div><p><p></tbody>'
        )
        return page("classic", v["title"], main, charset=charset).replace("</body></html>\n", "")
    main = (
        f'<article class="ad" data-ad-id="{esc(ad.id)}">\n<h1 class="ad-title">{esc(v["title"])}</h1>\n'
        f'<dl class="ad-facts">{facts}</dl>\n{body}\n{images}\n</article>'
    )
    return page("classic", v["title"], main, charset=charset)


# --- profiles --------------------------------------------------------------------------------------
def profiles_listing(view: DayView) -> str:
    ads = view.by_site["profiles"]
    links = "\n".join(
        f'<li><a class="profile-link" href="{esc(a.url)}">{esc(a.version["name"])}, {esc(a.version["city"])}</a></li>'
        for a in ads[:PAGE_SIZE]
    )
    parts = [f'<h1>Profielen</h1>\n<ul class="profiles">\n{links}\n</ul>']
    if len(ads) > PAGE_SIZE:
        parts.append(f'<button class="load-more" data-endpoint="/profiles/api/list?offset={PAGE_SIZE}">Meer</button>')
    featured = "\n".join(
        f'<li><a class="profile-link" href="{h.url}">Uitgelicht {i + 1}</a></li>'
        for i, h in enumerate(_featured_cards("profiles"))
    )
    parts.append(f'<aside class="featured"><ul>\n{featured}\n</ul></aside>')
    parts.append(f'<nav><a class="calendar" href="{calendar_url("profiles", 2026, 11)}">Agenda</a></nav>')
    return page("profiles", "Profielen", "\n".join(parts))


def profiles_api(view: DayView, offset: int) -> str:
    ads = view.by_site["profiles"]
    items = [{"id": a.id, "url": a.url} for a in ads[offset : offset + PAGE_SIZE]]
    following = offset + PAGE_SIZE
    nxt = f"/profiles/api/list?offset={following}" if following < len(ads) else None
    return json.dumps({"items": items, "next": nxt}, ensure_ascii=False)


def _script_json(data: dict) -> str:
    # "<", ">" and "&" as \u escapes so ad text can never close the <script> element.
    text = json.dumps(data, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def profiles_detail(ad: LiveAd, base_url: str, malformed: bool = False, charset: bool = True) -> str:
    v = ad.version
    data = {
        "@context": "https://schema.org",
        "@type": "ProfilePage",
        "identifier": ad.id,
        "headline": v["title"],
        "text": v["body"],
        "datePublished": ad.posted_at,
        "dateModified": v["at"],
        "image": [f"{base_url}/img/{f}" for f in v["images"]],
        "mainEntity": {
            "@type": "Person",
            "name": v["name"],
            "age": v["age"],
            "homeLocation": {"@type": "Place", "name": v["city"]},
        },
    }
    head = f'<script type="application/ld+json">{_script_json(data)}</script>'
    images = "".join(f'<img class="profile-photo" src="/img/{esc(f)}" alt="">' for f in v["images"])
    main = (
        f'<section class="profile"><h1 class="profile-name">{esc(v["name"])}</h1>'
        f'<p class="profile-headline">{esc(v["title"])}</p>'
        f'<p class="profile-facts">{esc(v["age"])} - {esc(v["city"])}</p>'
        f'<div class="profile-text" style="white-space:pre-wrap">{esc(v["body"])}</div>{images}</section>'
    )
    if malformed:
        main = f'<div><section class="profile"><h1 class="profile-name"><span>{esc(v["name"])}</h1></span>' + \
            main.split("</h1>", 1)[1].replace("</section>", "") + "<td></tr></div></div>"
    return page("profiles", v["name"], main, head=head, charset=charset)


# --- search ----------------------------------------------------------------------------------------
def _search_href(ad: LiveAd, city: str | None) -> str:
    if city:
        return f"/search/ad/{ad.id}?from={city}"
    return f"/search/item?id={ad.id}" if int(ad.id) % 3 == 0 else f"/search/ad/{ad.id}"


def search_results(view: DayView, number: int, city: str | None = None) -> str | None:
    ads = view.by_site["search"]
    if city:
        from crawlers.demosite.cities import city_slug

        ads = [a for a in ads if city_slug(a.version["city"]) == city]
        if not ads:
            return None
    shown, more = _slice(ads, number)
    if number > 1 and not shown:
        return None
    items = "\n".join(
        f'<li class="result"><a href="{esc(_search_href(a, city))}">{esc(a.version["title"])}</a>'
        f' <span class="result-city">{esc(a.version["city"])}</span></li>'
        for a in shown
    )
    base = f"/search/city/{city}" if city else "/search/"
    parts = [f'<h1>Resultaten{" in " + esc(city) if city else ""}</h1>\n<ul class="results">\n{items}\n</ul>']
    if more:
        parts.append(f'<a class="pager-next" href="{base}?page={number + 1}">Volgende</a>')
    if number == 1 and not city:
        cities = " ".join(f'<a class="city-link" href="/search/city/{s}">{esc(n)}</a>' for s, n in view.cities("search"))
        parts.append(f'<nav class="cities">{cities}</nav>')
        featured = "\n".join(
            f'<li class="result"><a href="{h.url}">Uitgelicht {i + 1}</a></li>'
            for i, h in enumerate(_featured_cards("search"))
        )
        parts.append(f'<ul class="featured">\n{featured}\n</ul>')
        parts.append(f'<nav><a class="calendar" href="{calendar_url("search", 2026, 11)}">Agenda</a></nav>')
    return page("search", "Zoeken", "\n".join(parts))


def search_detail(ad: LiveAd, base_url: str, malformed: bool = False, charset: bool = True) -> str:
    v = ad.version
    head = f'<link rel="canonical" href="{base_url}{esc(ad.url)}">'
    images = "".join(f'<img itemprop="image" src="/img/{esc(f)}" alt="">' for f in v["images"])
    main = (
        f'<div class="advert" data-id="{esc(ad.id)}" itemscope>\n'
        f'<h1 itemprop="headline">{esc(v["title"])}</h1>\n'
        f'<p class="facts"><span itemprop="name">{esc(v["name"])}</span>, '
        f'<span itemprop="age">{esc(v["age"])}</span>, <span itemprop="city">{esc(v["city"])}</span>, '
        f'geplaatst <time itemprop="datePublished" datetime="{ad.posted_at}">{ad.posted_at[:10]}</time></p>\n'
        f'<div itemprop="description" style="white-space:pre-wrap">{esc(v["body"])}</div>\n{images}\n</div>'
    )
    if malformed:
        main = "<center><font><div>" + main.replace("</p>", "").replace("\n</div>", "") + "</span></font></li>"
    return page("search", v["title"], main, head=head, charset=charset)


# --- shared ----------------------------------------------------------------------------------------
def calendar_page(site: str, year: int, month: int) -> str:
    nxt = (year + (month == 12), month % 12 + 1)
    prev = (year - (month == 1), (month - 2) % 12 + 1)
    main = (
        f"<h1>Agenda {year}-{month:02d}</h1><p>Geen evenementen.</p>"
        f'<a class="calendar-prev" href="{calendar_url(site, *prev)}">Vorige maand</a> '
        f'<a class="calendar-next" href="{calendar_url(site, *nxt)}">Volgende maand</a>'
    )
    return page(site, f"Agenda {year}-{month:02d}", main)


def big_page(site: str) -> str:
    from crawlers.demosite.hostile import BIG_PAGE_BYTES

    filler = "<p>" + "Archief " * 12 + "</p>\n"
    return page(site, "Archief", filler * (BIG_PAGE_BYTES // len(filler) + 1))


def index_page() -> str:
    links = "".join(f'<li><a href="/{s}/">{n}</a></li>' for s, n in SITE_NAMES.items())
    return page("classic", "Demo", f"<h1>signalstack demo sites</h1><ul>{links}</ul>")


def private_page(site: str) -> str:
    return page(site, "Beheer", "<h1>Beheer</h1><p>Niet voor crawlers (robots.txt).</p>")


def error_page(site: str, status: int) -> str:
    return page(site, str(status), f"<h1>{status}</h1><p>Deze pagina bestaat niet (meer).</p>")
