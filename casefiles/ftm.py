"""The case as FollowTheMoney entities, loadable into OCCRP Aleph.

- every ad version is a ``HyperText`` document (title, text, source URL, times, the
  phone numbers, e-mails and names it mentions, its indicator codes as keywords);
- every phone number (E.164) is a ``Person`` whose identity is unknown: named after
  the number, with the advertised names as aliases (one number, many names, is a lead);
- a handle is a ``UserAccount`` owned by that person;
- ``Documentation`` links each person to the ads that advertise them.
Entities are validated against FtM's own model before they are written.
"""

from __future__ import annotations

from typing import Any

from followthemoney import model
from followthemoney.exc import InvalidData
from followthemoney.util import make_entity_id

NAMESPACE = "signalstack"


class FtmError(ValueError):
    pass


def _entity(schema: str, key: tuple[str, ...], **props: Any) -> Any:
    proxy = model.make_entity(schema)
    proxy.id = make_entity_id(NAMESPACE, *key)
    for prop, values in props.items():
        for value in values if isinstance(values, list | tuple | set) else [values]:
            if value not in (None, ""):
                proxy.add(prop, value)
    return proxy


def case_entities(content: dict[str, Any]) -> list[dict[str, Any]]:
    entities: dict[str, Any] = {}
    people: dict[str, Any] = {}
    for ad in content["ads"]:
        for v in ad["versions"]:
            phones = [e["value"] for e in v["entities"] if e["kind"] == "phone"]
            emails = [e["value"] for e in v["entities"] if e["kind"] == "email"]
            doc = _entity("HyperText", ("ad", ad["site"], ad["site_ad_id"], str(v["version_no"])),
                          fileName=f"{ad['site']}-{ad['site_ad_id']}-v{v['version_no']}.html",
                          title=v["title"] or f"{ad['site']} {ad['site_ad_id']}", bodyText=v["body"],
                          sourceUrl=ad["url"], retrievedAt=v["captured_at"],
                          publishedAt=v["posted_at"][:10] if v["posted_at"] else None,
                          phoneMentioned=phones, emailMentioned=emails, namesMentioned=v["name"],
                          keywords=sorted({h["code"] for h in v["indicators"]}), mimeType="text/html",
                          publisher=ad["site"])
            entities[doc.id] = doc
            for phone in phones:
                person = people.get(phone)
                if person is None:
                    person = _entity("Person", ("phone", phone), name=f"Unknown ({phone})", phone=phone)
                    people[phone] = person
                person.add("alias", v["name"] or None)
                for email in emails:
                    person.add("email", email)
                link = _entity("Documentation", ("advertised", person.id, doc.id), entity=person.id,
                               document=doc.id, role="advertised in", date=v["captured_at"][:10])
                entities[link.id] = link
                for e in v["entities"]:
                    if e["kind"] == "handle":
                        account = _entity("UserAccount", ("handle", e["platform"], e["value"]),
                                          username=e["value"], service=e["platform"], owner=person.id)
                        entities[account.id] = account
    out = [p.to_dict() for p in people.values()] + [e.to_dict() for e in entities.values()]
    for data in out:
        try:
            model.get(data["schema"]).validate(data)
        except InvalidData as exc:
            raise FtmError(f"FtM entity {data['schema']} {data['id']} is invalid: {exc.errors}") from None
    return out
