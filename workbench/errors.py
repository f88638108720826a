"""Back-end messages in the viewer's language, at the UI boundary.

The kernel (``core``, ``casefiles``) and the workbench's helpers say why they refuse in English, for
the command line and the logs. The workbench does not show that text to a Dutch analyst: ``message``
turns it into a catalogue text.

- An error that carries a message key (``exc.key`` with ``exc.values``, as ``ClaimError`` does) is
  looked up directly.
- Otherwise the English message is read with ``MESSAGES``: a pattern per kernel message and the
  catalogue key that says it; the pattern's named groups fill the text's ``{fields}``. Fields named in
  ``TRANSLATED`` are codes themselves (a role, a colour, an object type) and are translated too.
- A message no pattern reads gives the catalogue's general refusal, with the original after it (so
  nothing is lost; ``tests/workbench/test_workbench_errors.py`` keeps every kernel message covered).

The same goes for the audit checks' reports (``CheckpointReport.message``, ``ChainReport.problem``).
"""

from __future__ import annotations

import re
from typing import Any

from workbench.i18n import t

_ID = r"(?P<{}>[^\s:;]+)"


def _p(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern.replace("{id}", _ID.format("id")), re.DOTALL)


# (pattern over the whole English message, catalogue key). First match wins; order specific ones first.
MESSAGES: list[tuple[re.Pattern[str], str]] = [
    # core.lookup.not_found_or_not_allowed: every object type alike
    (_p(r"(?P<thing>saved search|case|ad|dossier|watch|alert|capture|user) (?P<ref>.*): not found or not allowed"),
     "error.not_found"),
    # core.permissions.require, casefiles permitted_user / _permitted, review, claims
    (_p(r"(?P<user>\S+) \((?P<role>[a-z]+)\) may not decide on ads"), "error.review.denied"),
    (_p(r"(?P<user>\S+) \((?P<role>[a-z]+)(?:, team [^)]*)?\) may not (?P<action>[a-z_]+\.[a-z_]+) on "
        r"(?:work of team (?P<team>.+)|team (?P<team2>.+)'s (?:work|dossier))"), "error.denied_team"),
    (_p(r"(?P<user>\S+) \((?P<role>[a-z]+)(?:, team [^)]*)?\) may not (?P<action>[a-z_]+\.[a-z_]+)"), "error.denied"),
    (_p(r"no user account (?P<user>.+); acts are only done by known users"), "error.no_account"),
    (_p(r"user account (?P<user>.+) is disabled"), "error.account_disabled"),
    # casefiles.review
    (_p(r"a dismissal needs a reason.*"), "error.review.dismiss_reason"),
    (_p(r"ad {id} is under review by another team; ask its coordinator"), "error.review.other_team"),
    (_p(r"downgrading an escalation needs a reason"), "error.review.downgrade_reason"),
    # unknown choices: decisions, kinds, statuses, colours, roles, filters
    (_p(r"unknown (?P<what>decision|note kind|status|subject kind|colour|watch kind|search kind|search filter|role)"
        r" (?P<value>.+?)[;:] .*"), "error.unknown_value"),
    # casefiles.cases
    (_p(r"a case needs a title"), "error.case.title"),
    (_p(r"ad {id} has not been confirmed by a reviewer; review it before adding it"), "error.case.not_confirmed"),
    (_p(r"a note needs text"), "error.note_text"),
    (_p(r"closing or reopening a case needs a reason"), "error.case.status_reason"),
    (_p(r"case (?P<case>\S+) is open already"), "error.case.open_already"),
    (_p(r"case (?P<case>\S+) is closed already"), "error.case.closed_already"),
    # casefiles.dossiers
    (_p(r"a dossier needs a subject"), "error.dossier.subject"),
    (_p(r"(?P<value>.+) is not a valid phone number"), "error.not_phone"),
    (_p(r"an enrichment names the partner it came from"), "error.dossier.partner"),
    (_p(r"a classification needs a reason"), "error.dossier.reason"),
    (_p(r"(?P<colour>[a-z]+) is below the minimum (?P<minimum>[a-z]+) for the stacked signals \((?P<signals>.*)\); "
        r"give a reason for going below it"), "error.dossier.below_minimum"),
    # casefiles.watches
    (_p(r"a watch needs a value"), "error.watch.value"),
    (_p(r"(?P<value>.+) is not a phone number"), "error.not_phone"),
    (_p(r"(?P<value>.+) is not an e-mail address"), "error.not_email"),
    (_p(r"(?P<value>.+) is not a pHash \(16 hex digits\)"), "error.not_phash"),
    (_p(r"a watched phrase needs at least 3 characters"), "error.watch.phrase"),
    (_p(r"a watch needs a reason"), "error.watch.reason"),
    (_p(r"the expiry date must lie in the future"), "error.watch.expiry_past"),
    (_p(r"a watch runs at most (?P<days>\d+) days before it must be renewed"), "error.watch.too_long"),
    (_p(r"the review date must lie in the future and not after the expiry date"), "error.watch.review_date"),
    (_p(r"watch {id} has ended"), "error.watch.ended"),
    (_p(r"ending a watch needs a reason"), "error.watch.end_reason"),
    # casefiles.savedsearch
    (_p(r"a saved search needs a name"), "error.saved.name"),
    (_p(r"a saved search's name has at most (?P<n>\d+) characters"), "error.saved.name_long"),
    (_p(r"there is no search to save"), "error.saved.nothing"),
    (_p(r"saved search {id} belongs to (?P<owner>\S+); only they may delete it"), "error.saved.not_yours"),
    (_p(r"a search for .* cannot be watched; .*"), "error.saved.not_watchable"),
    # core.users
    (_p(r"password must have at least (?P<n>\d+) characters"), "error.password.short"),
    (_p(r"password must have at most (?P<n>\d+) characters"), "error.password.long"),
    (_p(r"password is too common.*"), "error.password.common"),
    (_p(r"password repeats too few different characters.*"), "error.password.repetitive"),
    (_p(r"password must not contain the username"), "error.password.username"),
    (_p(r"username must not be empty"), "error.user.empty"),
    (_p(r"user (?P<user>.+) exists already"), "error.user.exists"),
    (_p(r"no user (?P<user>.+)"), "error.user.unknown"),
    (_p(r"you cannot disable your own account"), "error.user.own_account"),
    (_p(r"team must not be empty"), "error.user.team_empty"),
    (_p(r"you cannot change your own role"), "error.user.own_role"),
    # workbench.search
    (_p(r"a phone number needs at least 6 digits"), "error.search.phone_short"),
    (_p(r"search text needs at least 3 characters"), "error.search.text_short"),
    (_p(r"nothing to search for"), "error.search.nothing"),
    # workbench.downloads
    (_p(r"the browser sent no session cookie.*"), "error.download.no_cookie"),
    (_p(r"(?P<file>.+) is no longer there; export again"), "error.download.gone"),
    # casefiles.bundle: never a server path in the message
    (_p(r".* exists already; choose a new path.*"), "error.bundle.exists"),
    (_p(r"folder .* does not exist"), "error.bundle.no_folder"),
    (_p(r"case (?P<case>\S+) has no signals to export"), "error.bundle.empty"),
    (_p(r"capture {id}: .*"), "error.bundle.capture"),
    # core.audit.verify_chain (ChainReport.problem)
    (_p(r"does not follow the entry before it.*"), "error.audit.not_following"),
    (_p(r"content does not match its hash.*"), "error.audit.edited"),
    # core.checkpoints.verify_against_checkpoint (CheckpointReport.message)
    (_p(r"no checkpoint yet \(write one with `audit checkpoint`\)(?P<note>.*)"), "error.audit.no_checkpoint"),
    (_p(r"(?P<n>\d+) checkpoints are not signed by this installation's key.*dated (?P<at>.*)"),
     "error.audit.forged"),
    (_p(r"(?P<missing>\d+) entries missing: the checkpoint of (?P<at>.+) counted (?P<entries>\d+) entries, "
        r"the database holds (?P<count>\d+) \(the tail was cut\)"), "error.audit.tail_cut"),
    (_p(r"entry (?P<id>\S+) \(entry number (?P<number>\d+)\), checkpointed at (?P<at>.+), is not in the chain.*"),
     "error.audit.entry_gone"),
    (_p(r"the checkpoint of (?P<at>.+) counted (?P<entries>\d+) entries up to its head, the database (?P<count>\d+)"),
     "error.audit.head_moved"),
    (_p(r"holds every entry of (?P<n>\d+) checkpoints; the newest \((?P<at>.+)\) counted (?P<entries>\d+), "
        r"(?P<since>-?\d+) written since"), "error.audit.checkpoint_ok"),
]

# Fields whose value is itself a code with a catalogue text: field -> key prefix.
TRANSLATED = {"role": "role.", "thing": "error.thing.", "what": "error.what.", "colour": "colour.",
              "minimum": "colour.", "action": "action."}


def _translated(field: str, value: str) -> str:
    prefix = TRANSLATED.get(field)
    if prefix is None:
        return value
    key = prefix + value.replace(" ", "_").replace(".", "_")
    text = t(key)
    return value if text == key else text


def read_message(text: str) -> tuple[str, dict[str, str]] | None:
    """The catalogue key and values for an English back-end message, or None when no pattern reads it."""
    for pattern, key in MESSAGES:
        found = pattern.fullmatch(text.strip())
        if found:
            values = {k: v for k, v in found.groupdict().items() if v is not None}
            if "team2" in values:
                values["team"] = values.pop("team2")
            return key, {k: _translated(k, v) for k, v in values.items()}
    return None


def message(error: BaseException | str) -> str:
    """An error, or a back-end report's message, in the viewer's language."""
    key = getattr(error, "key", None)
    if isinstance(key, str) and not isinstance(error, str):
        values: dict[str, Any] = dict(getattr(error, "values", {}) or {})
        text = t(key, **values)
        if text != key:
            return text
    original = str(error)
    found = read_message(original)
    if found is not None:
        key, values = found
        text = t(key, **values)
        if text != key:
            return text
    return t("error.other", detail=original)
