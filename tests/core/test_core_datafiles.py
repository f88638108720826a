"""The one YAML loader (core.datafiles) and the data check over every data file (signalstack.check_data)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Literal

import pytest
import yaml
from pydantic import ValidationInfo, field_validator

from core.datafiles import DataFileError, Said, Strict, file_path, file_problems, load_model, read_yaml
from signalstack import check_data


class Role(Strict):
    name: Said
    level: int = 0
    kind: Literal["human", "system"] = "human"

    @field_validator("name")
    @classmethod
    def _named_after_file(cls, name: str, info: ValidationInfo) -> str:
        path = file_path(info)
        if path is not None and name == "bad-" + path.stem:
            raise ValueError("must not be bad")
        return name


def test_read_yaml_gives_a_fresh_copy_and_rereads_an_edited_file(tmp_path):
    path = tmp_path / "roles.yaml"
    path.write_text("roles: [a]\n")
    first = read_yaml(path)
    first["roles"].append("changed by a caller")
    assert read_yaml(path) == {"roles": ["a"]}
    path.write_text("roles: [b]\n")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))
    assert read_yaml(path) == {"roles": ["b"]}


def test_unreadable_files_are_named(tmp_path):
    (tmp_path / "broken.yaml").write_text("roles: [a\n")
    with pytest.raises(DataFileError, match=r"^broken\.yaml: cannot read:"):
        read_yaml(tmp_path / "broken.yaml")
    assert file_problems(tmp_path / "gone.yaml", Role) == ["gone.yaml: cannot read: No such file or directory"]


def test_problems_name_file_place_and_what_is_wrong(tmp_path):
    path = tmp_path / "role.yaml"
    path.write_text(yaml.safe_dump({"name": " ", "level": "high", "kind": "robot", "colour": "red"}))
    assert file_problems(path, Role) == [
        "role.yaml: name: must not be empty",
        "role.yaml: level: Input should be a valid integer, unable to parse string as an integer (got 'high')",
        "role.yaml: kind: Input should be 'human' or 'system' (got 'robot')",
        "role.yaml: colour: unknown key",
    ]
    path.write_text("level: 1\n")
    assert file_problems(path, Role) == ["role.yaml: name: missing"]
    path.write_text("- a list\n")
    assert file_problems(path, Role) == ["role.yaml: must be a mapping (got a list)"]
    path.write_text("name: bad-role\n")  # the validator sees which file it checks
    with pytest.raises(DataFileError, match="role.yaml: name: must not be bad"):
        load_model(path, Role)
    path.write_text("name: ok\n")
    assert load_model(path, Role) == Role(name="ok")


def test_every_data_file_fits_its_model():
    for name in check_data.DATA_MODULES:
        if name != "nlp.lexicon_check":  # its own engine check is tested in tests/nlp
            assert check_data.module_problems(name) == [], name
    assert check_data.unclaimed_files() == []


def _copy(tmp_path: Path, source: Path) -> Path:
    target = tmp_path / source.name
    shutil.copy(source, target)
    return target


def _edit(path: Path, change) -> None:
    data = read_yaml(path)
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))


def _broken_adapter(tmp_path, monkeypatch):
    from crawlers import adapters

    path = _copy(tmp_path, adapters.SITES_DIR / "classic.yaml")
    _edit(path, lambda d: d["detail"]["fields"].update(title="css:h1[["))
    monkeypatch.setattr(adapters, "SITES_DIR", tmp_path)
    return "crawlers.adapters", "classic.yaml: detail.fields.title: selector 'css:h1[[' does not compile"


def _broken_scheme(tmp_path, monkeypatch):
    from casefiles import scheme

    path = _copy(tmp_path, scheme.SCHEME_FILE)
    _edit(path, lambda d: d["signals"]["many_ads"].update(measure="phones"))
    monkeypatch.setattr(scheme, "SCHEME_FILE", path)
    return "casefiles.scheme", "scheme.yaml: signals.many_ads.measure: Input should be 'cities'"


def _broken_permissions(tmp_path, monkeypatch):
    from core import permissions

    path = _copy(tmp_path, permissions.MATRIX_FILE)
    _edit(path, lambda d: d["actions"]["case.view"].update(team_bound="yes"))
    monkeypatch.setattr(permissions, "MATRIX_FILE", path)
    return "core.permissions", "permissions.yaml: actions.case.view.team_bound: Input should be a valid boolean"


def _broken_protected_terms(tmp_path, monkeypatch):
    from models import risk

    path = _copy(tmp_path, risk.PROTECTED_TERMS_FILE)
    _edit(path, lambda d: d["stems"].update(extra=["Pools", "dutch"]))
    monkeypatch.setattr(risk, "PROTECTED_TERMS_FILE", path)
    return "models.risk", "protected_terms.yaml: stems.extra.0: 'Pools' must be a lower-case stem"


def _protected_term_twice(tmp_path, monkeypatch):
    from models import risk

    path = _copy(tmp_path, risk.PROTECTED_TERMS_FILE)
    _edit(path, lambda d: d["stems"].update(extra=["dutch"]))
    monkeypatch.setattr(risk, "PROTECTED_TERMS_FILE", path)
    return "models.risk", "protected_terms.yaml: stems: listed twice: 'dutch' (nationality_or_language, extra)"


def _broken_places(tmp_path, monkeypatch):
    from nlp import places

    path = _copy(tmp_path, places.PLACES_FILE)
    _edit(path, lambda d: d["places"].insert(0, {"name": "Mokum", "alias": ["Amsterdam"]}))
    monkeypatch.setattr(places, "PLACES_FILE", path)
    return "nlp.places", "places.yaml: places.0.alias: unknown key"


def _place_twice(tmp_path, monkeypatch):
    from nlp import places

    path = _copy(tmp_path, places.PLACES_FILE)
    _edit(path, lambda d: d["places"].append({"name": "Mokum", "also": ["Amsterdam"]}))
    monkeypatch.setattr(places, "PLACES_FILE", path)
    return "nlp.places", "places.yaml: places: written forms listed twice: 'Amsterdam' (Amsterdam, Mokum)"


def _unreadable_places(tmp_path, monkeypatch):
    from nlp import places

    path = tmp_path / "places.yaml"
    path.write_text("places:\n  - name: [Amsterdam\n")
    monkeypatch.setattr(places, "PLACES_FILE", path)
    return "nlp.places", "places.yaml: cannot read:"


def _i18n_out_of_step(tmp_path, monkeypatch):
    from workbench import i18n

    nl, en = (_copy(tmp_path, i18n._FOLDER / f"{lang}.yaml") for lang in ("nl", "en"))
    _edit(en, lambda d: d.pop("page.home"))
    monkeypatch.setattr(i18n, "_FOLDER", tmp_path)
    return "workbench.i18n", "en.yaml: keys in nl.yaml missing here: page.home"


def _i18n_placeholders_differ(tmp_path, monkeypatch):
    from workbench import i18n

    nl, en = (_copy(tmp_path, i18n._FOLDER / f"{lang}.yaml") for lang in ("nl", "en"))
    _edit(nl, lambda d: d.update({"access.denied": "Dit mag uw rol niet ({actie})."}))
    monkeypatch.setattr(i18n, "_FOLDER", tmp_path)
    return "workbench.i18n", "nl.yaml: access.denied: placeholders differ from en.yaml"


def _i18n_stray_brace(tmp_path, monkeypatch):
    from workbench import i18n

    nl, en = (_copy(tmp_path, i18n._FOLDER / f"{lang}.yaml") for lang in ("nl", "en"))
    _edit(en, lambda d: d.update({"page.home": "Overview {"}))
    monkeypatch.setattr(i18n, "_FOLDER", tmp_path)
    return "workbench.i18n", "en.yaml: page.home: Single '{' encountered in format string"


@pytest.mark.parametrize("breaker", [
    _broken_adapter, _broken_scheme, _broken_permissions, _broken_protected_terms, _protected_term_twice,
    _broken_places, _place_twice, _unreadable_places, _i18n_out_of_step, _i18n_placeholders_differ, _i18n_stray_brace,
])
def test_a_broken_copy_of_each_kind_of_file_is_reported(tmp_path, monkeypatch, breaker):
    module, expected = breaker(tmp_path, monkeypatch)
    problems = check_data.module_problems(module)
    assert any(p.startswith(f"{module}: {expected}") for p in problems), problems


def test_the_check_fails_on_a_problem_and_names_it(tmp_path, monkeypatch, capsys):
    module, expected = _broken_scheme(tmp_path, monkeypatch)
    everything_but_the_lexicon = tuple(m for m in check_data.DATA_MODULES if m != "nlp.lexicon_check")
    monkeypatch.setattr(check_data, "DATA_MODULES", everything_but_the_lexicon)
    assert check_data.main() == 1
    out = capsys.readouterr()
    assert out.err.startswith(f"{module}: {expected}")
    # With the loader pointed at the copy, the real scheme.yaml is a file no module checks.
    assert "casefiles/scheme.yaml: no module checks it (add it to a module's data_files())\n" in out.err
    assert f"data check: {len(everything_but_the_lexicon)} modules," in out.out


def test_a_listed_module_that_moved_is_a_problem_not_a_skip():
    assert check_data.module_problems("core.no_such_module") == [
        "core.no_such_module: module not found (listed in signalstack.check_data.DATA_MODULES)"]


def test_a_data_file_without_a_model_is_a_problem(tmp_path):
    for name in ("nlp/data/new_list.yaml", "crawlers/demosite/phrases.yaml", "tests/data/page.yaml"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x: 1\n")
    assert check_data.unclaimed_files(tmp_path) == [tmp_path / "nlp/data/new_list.yaml"]


def test_a_key_written_twice_is_refused(tmp_path):
    from core.datafiles import DataFileError, read_yaml

    path = tmp_path / "twice.yaml"
    path.write_text("entries:\n  - code: a\n    unless: [x]\n    unless: [y]\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="'unless' appears twice"):
        read_yaml(path)
