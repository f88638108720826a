"""One loader for every YAML data file: read it, then validate it against a pydantic model.

Data stays data (adapters, lexicons, the colour scheme, permissions, protected terms, places,
interface texts): each file kind has a pydantic model next to the engine that uses it, and every
file is read here, so a broken file gives the same kind of message wherever it is loaded
("<file>: <where>: <what>"). A module that owns data files lists them as ``data_files()``:
(path, model) pairs, which ``signalstack.check_data`` runs in CI.

A model's validators can learn which file they check from the validation context
(``file_path(info)``): an adapter's name must match its file name, a language table its siblings.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, ValidationError, ValidationInfo

M = TypeVar("M", bound=BaseModel)
DataFiles = list[tuple[Path, type[BaseModel]]]


class DataFileError(ValueError):
    """A data file that cannot be read or does not fit its model; the message names file and place."""

    def __init__(self, problems: list[str] | str) -> None:
        self.problems = [problems] if isinstance(problems, str) else list(problems)
        super().__init__("; ".join(self.problems))


class Strict(BaseModel):
    """Base of the data-file models: unknown keys are errors (a typo must not be silently ignored)."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


def _said(text: str) -> str:
    if not text.strip():
        raise ValueError("must not be empty")
    return text


Said = Annotated[str, AfterValidator(_said)]
"""A text that must say something (a source, an explanation, a help text): blank is an error."""


def file_path(info: ValidationInfo) -> Path | None:
    """The file being validated, inside a validator (None when validating plain data)."""
    context = info.context or {}
    path = context.get("path") if isinstance(context, dict) else None
    return path if isinstance(path, Path) else None


@lru_cache(maxsize=1)
def _unique_keys_loader() -> type:
    """A safe loader that refuses a key written twice in one mapping: plain YAML keeps the last one
    silently, and a duplicated key once hid a whole lexicon pattern that way."""
    import yaml

    class UniqueKeyLoader(yaml.SafeLoader):
        def construct_mapping(self, node, deep=False):
            seen = set()
            for key_node, _ in node.value:
                key = self.construct_object(key_node, deep=deep)
                if key in seen:
                    raise yaml.constructor.ConstructorError(
                        None, None, f"key {key!r} appears twice in one mapping", key_node.start_mark)
                seen.add(key)
            return super().construct_mapping(node, deep=deep)

    return UniqueKeyLoader


@lru_cache(maxsize=256)
def _read(path: str, mtime_ns: int) -> Any:  # mtime in the key: an edited file is read again
    import yaml

    try:
        return yaml.load(Path(path).read_text(encoding="utf-8"), Loader=_unique_keys_loader())
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise DataFileError(f"{Path(path).name}: cannot read: {exc}") from None


def read_yaml(path: Path) -> Any:
    """The parsed YAML of `path`: a fresh copy each call (the parse is cached until the file changes)."""
    try:
        mtime = path.stat().st_mtime_ns
    except OSError as exc:
        raise DataFileError(f"{path.name}: cannot read: {exc.strerror}") from None
    return copy.deepcopy(_read(str(path), mtime))  # a caller that edits its copy must not edit the cache


_PLAIN = {"missing": "missing", "extra_forbidden": "unknown key"}
_SHAPES = {"model_type": "must be a mapping", "model_attributes_type": "must be a mapping",
           "dict_type": "must be a mapping", "list_type": "must be a list"}


def _got(value: Any, shape: bool) -> str:
    if value is None or isinstance(value, str | int | float | bool) and len(repr(value)) <= 60:
        return f" (got {value!r})"
    return f" (got a {type(value).__name__})" if shape else ""


def _problem(err: Any) -> tuple[str, str]:
    """(place, message) of one pydantic error, worded for the person who edits the file."""
    place = [str(p) for p in err["loc"]]
    kind, msg, ctx = err["type"], err["msg"], err.get("ctx") or {}
    if kind in _PLAIN:
        msg = _PLAIN[kind]
    elif kind in ("value_error", "assertion_error"):
        msg = str(ctx.get("error", msg))
    elif kind in ("union_tag_invalid", "union_tag_not_found"):
        place.append(str(ctx.get("discriminator", "kind")).strip("'"))
        msg = ("missing" if kind == "union_tag_not_found"
               else f"{ctx.get('tag')!r} is not one of {ctx.get('expected_tags')}")
    else:
        msg = _SHAPES.get(kind, msg) + _got(err.get("input"), kind in _SHAPES)
    return ".".join(place), msg


def describe(exc: ValidationError, name: str) -> list[str]:
    """pydantic's errors as '<file>: <dotted place>: <message>' lines.

    A rule across fields names its place itself (a whole-model validator raises "start_urls: ...").
    """
    return [f"{name}: {place}: {msg}" if place else f"{name}: {msg}" for place, msg in map(_problem, exc.errors())]


def load_model(path: Path, model: type[M]) -> M:
    """`path` read and validated as `model`; DataFileError with every problem otherwise."""
    data = read_yaml(path)
    try:
        return model.model_validate(data, context={"path": path})
    except ValidationError as exc:
        raise DataFileError(describe(exc, path.name)) from None


def file_problems(path: Path, model: type[BaseModel]) -> list[str]:
    """Every problem of one file (empty when it fits), for the data check."""
    try:
        load_model(path, model)
    except DataFileError as exc:
        return exc.problems
    return []


def files_problems(files: Iterable[tuple[Path, type[BaseModel]]]) -> list[str]:
    """Every problem of each (path, model) pair, in order (a module's ``validate_all``)."""
    return [problem for path, model in files for problem in file_problems(path, model)]
