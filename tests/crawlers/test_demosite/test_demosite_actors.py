"""Actors of the demo world: an identifier belongs to one actor only."""

from __future__ import annotations

import csv
from collections import Counter
from random import Random

from crawlers.demosite.actors import ActorFactory
from crawlers.demosite.generate import generate_world


def test_agency_names_and_their_e_mails_are_unique_even_when_the_name_words_run_out():
    factory = ActorFactory(Random(3), disguise_rate=0.1, minor_rate=0.05)
    agencies = [factory.agency() for _ in range(120)]  # 48 word pairs: many repeats are drawn
    names = [a.name for a in agencies]
    emails = [e for a in agencies for e in a.emails]
    assert len(set(names)) == len(names)
    assert len(set(emails)) == len(emails) == len(agencies)
    for agency in agencies:
        (email,) = agency.emails
        local, domain = email.split("@")
        assert local == "info" and domain.endswith(".example")
        assert all(ch.isalnum() or ch in "-." for ch in domain), domain  # "'s-Hertogenbosch" too
    # a repeated name is told apart by the agency's city
    assert any(a.cities[0].name in a.name for a in agencies)


def test_personal_e_mails_are_unique_within_a_world():
    factory = ActorFactory(Random(5), disguise_rate=0.1, minor_rate=0.05)
    emails = [factory._email("Ella") for _ in range(600)]  # 89 numbers x 4 domains: repeats drawn
    assert len(set(emails)) == len(emails)


def test_no_two_actors_of_a_generated_world_share_an_e_mail(tmp_path):
    generate_world(2000, 14, 23, tmp_path)  # the seed whose agencies drew the same name before
    with (tmp_path / "truth" / "actors.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    owners = Counter(e for row in rows for e in set(filter(None, row["emails"].split(";"))))
    assert [e for e, n in owners.items() if n > 1] == []
    agency_names = Counter(row["name"] for row in rows if row["kind"] == "agency")
    assert agency_names and max(agency_names.values()) == 1
