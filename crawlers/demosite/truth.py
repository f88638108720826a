"""The ground truth: one JSON record per ad version, and the CSV tables in ``truth/``."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path

from core.schema import analysis_text
from crawlers.demosite.compose import categories
from crawlers.demosite.hostile import SITES, HostilePage, hostile_urls


def stated_age_text(age: int | None, template) -> str:
    """The age as the ad's facts show it ("19 jaar", "19 years"); empty for non-adult listings."""
    if age is None:
        return ""
    lang = template.lang if template is not None else "nl"
    return f"{age} jaar" if lang == "nl" else f"{age} years"


def version_record(plan, number, day, at, state, title, body, marks, urls, files, age_text, name) -> dict:
    text = analysis_text(title, body)
    actor, person = plan.actor, plan.person
    phones, emails, handles, indicators, decoys, addresses = [], [], [], [], [], []
    category = categories()
    for kind, payload, start, end in marks:
        span = text[start:end]
        if kind == "phone":
            phone, _written, disguise = state.phones[payload]
            phones.append({"e164": phone.e164, "written": span, "start": start, "end": end,
                           "disguise": list(disguise)})
        elif kind == "phone_link":
            phones.append({"e164": payload, "written": span, "start": start, "end": end, "disguise": []})
        elif kind == "email":
            address, _written, disguised = state.email
            emails.append({"address": address, "written": span, "start": start, "end": end,
                           "disguised": disguised})
        elif kind == "handle":
            platform, handle = state.handle
            handles.append({"platform": platform, "handle": handle, "written": span, "start": start, "end": end})
        elif kind == "address":
            place = state.address
            addresses.append({"facilitator_id": place.id, "kind": place.kind, "city": place.city.name,
                              "written": span, "start": start, "end": end})
        elif kind == "ind":
            indicators.append({"code": payload, "category": category[payload], "start": start, "end": end,
                               "text": span})
        else:
            decoys.append({"looks_like": payload, "start": start, "end": end, "text": span})
    indicators.sort(key=lambda x: (x["start"], x["code"]))
    is_noise = actor.kind == "noise"
    return {
        "site": plan.site,
        "site_ad_id": plan.site_ad_id,
        "urls": urls,
        "version": number,
        "day": day,
        "at": at,
        "posted_day": plan.posted_day,
        "removed_day": plan.removed_day,
        "kind": "noise" if is_noise else "ad",
        "lang": actor.lang,
        "actor_id": actor.id,
        "actor_kind": actor.kind,
        "operation_id": actor.operation_id,
        "network_id": actor.id,
        "person_id": person.id,
        "true_age": person.true_age,
        "stated_age": state.stated_age,
        "stated_age_text": age_text,
        "is_minor": person.is_minor,
        "name": name,
        "city": state.city.name,
        "title": title,
        "body": body,
        "text": text,
        "phones": phones,
        "emails": emails,
        "handles": handles,
        "addresses": addresses,
        "images": [{"file": f, "base": b, "transform": t} for f, (b, t) in zip(files, plan.images, strict=True)],
        "indicators": indicators,
        "decoys": decoys,
        "licence": {"number": actor.licence, "registered": actor.licence_registered} if actor.licence else None,
        "flags": ["no_licence"] if not is_noise and not actor.licence else [],
        "injection": bool(plan.injection),
        "page": plan.page,
    }


def _write(path: Path, header: list[str], rows) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def hostile_pages(plans) -> list[HostilePage]:
    pages = [HostilePage(p.site, p.urls[0], p.page, p.site_ad_id) for p in plans if p.page != "normal"]
    for site in SITES:
        pages += hostile_urls(site)
    return sorted(pages, key=lambda h: (SITES.index(h.site), h.kind, h.url))


def write_tables(folder: Path, actors, plans) -> None:
    ads_by_person: dict[str, int] = {}
    ads_by_actor: dict[str, int] = {}
    for p in plans:
        ads_by_person[p.person.id] = ads_by_person.get(p.person.id, 0) + 1
        ads_by_actor[p.actor.id] = ads_by_actor.get(p.actor.id, 0) + 1
    _write(folder / "actors.csv",
           ["actor_id", "kind", "name", "lang", "hard", "persons", "ads", "phones", "emails", "handles", "cities",
            "licence", "licence_registered", "codes"],
           ([a.id, a.kind, a.name, a.lang, int(a.hard), len(a.persons), ads_by_actor.get(a.id, 0),
             ";".join(p.e164 for p in a.phones), ";".join(a.emails),
             ";".join(f"{pl}:{h}" for pl, h in a.handles), ";".join(c.name for c in a.cities),
             a.licence or "", int(a.licence_registered), ";".join(a.codes)] for a in actors))
    _write(folder / "operations.csv",
           ["operation_id", "hard", "persons", "minors", "ads", "phones", "cities", "codes"],
           ([a.id, int(a.hard), len(a.persons), sum(p.is_minor for p in a.persons), ads_by_actor.get(a.id, 0),
             ";".join(p.e164 for p in a.phones), ";".join(c.name for c in a.cities), ";".join(a.codes)]
            for a in actors if a.kind == "operation"))
    _write(folder / "persons.csv",
           ["person_id", "actor_id", "actor_kind", "operation_id", "name", "true_age", "is_minor", "ads",
            "base_images"],
           ([p.id, a.id, a.kind, a.operation_id or "", p.name if a.kind != "noise" else "",
             "" if p.true_age is None else p.true_age, int(p.is_minor), ads_by_person.get(p.id, 0),
             ";".join(p.base_images)] for a in actors for p in a.persons))
    _write(folder / "networks.csv",
           ["network_id", "network_kind", "site", "site_ad_id", "person_id", "is_minor"],
           ([p.actor.id, p.actor.kind, p.site, p.site_ad_id, p.person.id, int(p.person.is_minor)] for p in plans))
    _write(folder / "licences.csv",
           ["licence", "holder_actor_id", "holder_name", "city", "kind"],
           ([a.licence, a.id, a.name or a.persons[0].name, a.cities[0].name, a.kind]
            for a in actors if a.licence and a.licence_registered))
    used_by: dict[str, list[str]] = {}
    places = {}
    for a in actors:
        for place in a.facilitators.values():
            places[place.id] = place
            used_by.setdefault(place.id, []).append(a.id)
    _write(folder / "facilitators.csv", ["facilitator_id", "kind", "name", "street", "city", "operations"],
           ([p.id, p.kind, p.name, p.street, p.city.name, ";".join(used_by[p.id])]
            for p in sorted(places.values(), key=lambda p: p.id)))
    _write(folder / "hostile.csv", ["site", "url", "kind", "site_ad_id", "expected"],
           ([h.site, h.url, h.kind, h.site_ad_id, h.expected] for h in hostile_pages(plans)))


def read_truth(world: Path) -> Iterator[dict]:
    """Every ad version of a world's ``truth.jsonl``, in the order written (versions of an ad in order).

    The one reader of the truth file: evaluation, demo checks and world training all start here."""
    with (Path(world) / "truth.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            yield json.loads(line)
