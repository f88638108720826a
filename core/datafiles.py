"""One loader for every YAML data file: read it, then validate it against a pydantic model.

Data stays data (adapters, lexicons, the colour scheme, permissions, protected terms, places):
each file has a pydantic model next to the engine that uses it, and every file is read here, so
a broken file gives the same kind of message wherever it is loaded ("<file>: <where>: <what>").
``core.check_data`` runs every model over every file in CI.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

M = TypeVar("M", bound=BaseModel)


class DataFileError(ValueError):
    """A data file that cannot be read or does not fit its model; the message names file and place."""

    def __init__(self, problems: list[str] | str) -> None:
        self.problems = [problems] if isinstance(problems, str) else list(problems)
        super().__init__("; ".join(self.problems))


class Strict(BaseModel):
    """Base of the data-file models: unknown keys are errors (a typo must not be silently ignored)."""

    model_config = ConfigDict(extra="forbid", frozen=True)


@lru_cache(maxsize=256)
def _read(path: str, mtime_ns: int) -> Any:  # mtime in the key: an edited file is read again
    import yaml

    try:
        return yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise DataFileError(f"{Path(path).name}: cannot read: {exc}") from None


def read_yaml(path: Path) -> Any:
    """The parsed YAML of `path` (cached until the file changes)."""
    try:
        mtime = path.stat().st_mtime_ns
    except OSError as exc:
        raise DataFileError(f"{path.name}: cannot read: {exc.strerror}") from None
    return _read(str(path), mtime)


def describe(exc: ValidationError, name: str) -> list[str]:
    """pydantic's errors as '<file>: <dotted place>: <message>' lines."""
    return [f"{name}: {'.'.join(str(p) for p in err['loc']) or '(top)'}: {err['msg']}" for err in exc.errors()]


def load_model(path: Path, model: type[M]) -> M:
    """`path` read and validated as `model`; DataFileError with every problem otherwise."""
    data = read_yaml(path)
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise DataFileError(describe(exc, path.name)) from None


def file_problems(path: Path, model: type[BaseModel]) -> list[str]:
    """Every problem of one file (empty when it fits), for the data check."""
    try:
        load_model(path, model)
    except DataFileError as exc:
        return exc.problems
    return []
