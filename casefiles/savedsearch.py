"""Saved searches: a team keeps a search (its input, the kind it was searched as, and the facet
filters) to run again, and can turn one into a watch (``casefiles.watches``).

A saved search belongs to whoever saved it and is visible to their team; only its owner deletes it.
Saving, deleting and turning into a watch are audited. The matrix decides (``search.save``).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from casefiles.cases import CaseError, permitted_user
from casefiles.watches import create_watch
from core import audit
from core.lookup import not_found_or_not_allowed, parse_id
from core.schema import SavedSearch, User, Watch, utcnow

# The kinds the search page offers ("auto": guessed from the input when run).
SEARCH_KINDS = ("auto", "phone", "email", "handle", "text", "image", "ad", "url")
# What a search kind is watched as: an entity watch, a photo watch, or a phrase watch for text.
WATCH_KIND = {"phone": "phone", "email": "email", "handle": "handle", "image": "photo", "text": "text"}
FILTER_KEYS = ("sites", "cities", "categories", "decisions", "date_from", "date_to")
MAX_NAME = 200


class SavedSearchError(CaseError):
    pass


def _clean_filters(filters: dict[str, Any] | None) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in (filters or {}).items():
        if key not in FILTER_KEYS:
            raise SavedSearchError(f"unknown search filter {key!r}; filters are {', '.join(FILTER_KEYS)}")
        if not value:
            continue
        if key.startswith("date_"):
            out[key] = value.isoformat() if isinstance(value, date | datetime) else date.fromisoformat(
                str(value)).isoformat()
        else:
            out[key] = sorted(str(v) for v in (value if isinstance(value, list | tuple | set) else [value]))
    return out


def save_search(session: Session, actor: User | str, name: str, query: str, kind: str = "auto",
                filters: dict[str, Any] | None = None) -> SavedSearch:
    """Keep a search for the acting user's team."""
    user = permitted_user(session, actor, "search.save", None)
    name, query = str(name or "").strip(), str(query or "").strip()
    if not name:
        raise SavedSearchError("a saved search needs a name")
    if len(name) > MAX_NAME:
        raise SavedSearchError(f"a saved search's name has at most {MAX_NAME} characters")
    if not query:
        raise SavedSearchError("there is no search to save")
    if kind not in SEARCH_KINDS:
        raise SavedSearchError(f"unknown search kind {kind!r}; choose one of {', '.join(SEARCH_KINDS)}")
    saved = SavedSearch(owner=user.username, team=user.team, name=name, query=query, kind=kind,
                        filters=_clean_filters(filters), created_at=utcnow())
    session.add(saved)
    session.flush()
    audit.record(session, user.username, "search.save", "saved_search", saved.id, name=name, query=query,
                 kind=kind, team=user.team, **({"filters": saved.filters} if saved.filters else {}))
    return saved


def list_saved_searches(session: Session, actor: User | str) -> list[SavedSearch]:
    """The acting user's team's saved searches, by name."""
    user = permitted_user(session, actor, "search.save", None)
    return list(session.execute(select(SavedSearch).where(SavedSearch.team == user.team)
                                .order_by(SavedSearch.name, SavedSearch.id)).scalars())


def _team_search(session: Session, actor: User | str, saved_id: int) -> tuple[User, SavedSearch]:
    ident = parse_id(saved_id)
    saved = session.get(SavedSearch, ident) if ident is not None else None
    if saved is None:
        raise SavedSearchError(not_found_or_not_allowed("saved search", saved_id))
    user = permitted_user(session, actor, "search.save", None)
    if saved.team != user.team:  # another team's is refused like a missing one
        raise SavedSearchError(not_found_or_not_allowed("saved search", saved_id))
    return user, saved


def get_saved_search(session: Session, actor: User | str, saved_id: int) -> SavedSearch:
    return _team_search(session, actor, saved_id)[1]


def delete_saved_search(session: Session, actor: User | str, saved_id: int) -> None:
    """Delete one of the acting user's own saved searches (a teammate's is refused)."""
    user, saved = _team_search(session, actor, saved_id)
    if saved.owner != user.username:
        raise SavedSearchError(f"saved search {saved.id} belongs to {saved.owner}; only they may delete it")
    audit.record(session, user.username, "search.delete", "saved_search", saved.id, name=saved.name,
                 query=saved.query, kind=saved.kind)
    session.delete(saved)
    session.flush()


def watch_saved_search(session: Session, actor: User | str, saved_id: int, reason: str,
                       review_at: datetime | None = None, expires_at: datetime | None = None,
                       kind: str | None = None, country: str = "NL") -> Watch:
    """Turn a saved search into a watch: a phrase watch for text, else the entity (or photo) watch
    matching its kind. `kind` gives the kind a search saved as "auto" was guessed as."""
    user, saved = _team_search(session, actor, saved_id)
    searched_as = saved.kind if saved.kind != "auto" else (kind or "")
    watch_kind = WATCH_KIND.get(searched_as)
    if watch_kind is None:
        raise SavedSearchError(f"a search for {searched_as or 'an unknown kind'} cannot be watched; "
                               f"watch a phone, e-mail, handle, image hash or text")
    watch = create_watch(session, user, watch_kind, saved.query, reason, review_at=review_at,
                         expires_at=expires_at, country=country)
    audit.record(session, user.username, "search.watch", "saved_search", saved.id, watch_id=watch.id,
                 kind=watch_kind)
    return watch
