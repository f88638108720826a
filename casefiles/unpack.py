"""Open a bundle safely: a folder as is, a zip unpacked into a temporary folder.

Refuses, before writing anything, zip entries that would land outside the target
(absolute paths, ``..``, drive letters, backslashes), symbolic links, and bundles
larger than the limit, packed or unpacked (zip bombs).
"""

from __future__ import annotations

import shutil
import stat
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

from casefiles.baglayout import BAGIT


class UnsafeBundle(ValueError):
    pass


def _check_entry(info: zipfile.ZipInfo) -> None:
    name = info.filename
    parts = PurePosixPath(name).parts
    if name.startswith("/") or "\\" in name or ".." in parts or (parts and ":" in parts[0]):
        raise UnsafeBundle(f"zip entry {name!r} would be written outside the bundle (zip-slip); refused")
    if stat.S_ISLNK(info.external_attr >> 16):
        raise UnsafeBundle(f"zip entry {name!r} is a symbolic link; refused")


def _bag_root(folder: Path) -> Path:
    if (folder / BAGIT).is_file():
        return folder
    children = [p for p in folder.iterdir()]
    if len(children) == 1 and children[0].is_dir() and (children[0] / BAGIT).is_file():
        return children[0]
    raise UnsafeBundle("no bagit.txt at the top of the bundle (or in its single top folder): not a BagIt bag")


def _folder_size(folder: Path, max_bytes: int) -> None:
    total = 0
    for path in folder.rglob("*"):
        if path.is_symlink():
            raise UnsafeBundle(f"{path.relative_to(folder)} is a symbolic link; refused")
        if path.is_file():
            total += path.stat().st_size
            if total > max_bytes:
                raise UnsafeBundle(f"larger than the limit of {max_bytes} bytes (setting bundle_max_bytes)")


@contextmanager
def opened_bundle(path: Path, max_bytes: int | None = None) -> Iterator[Path]:
    """The bag's root folder; for a zip, an unpacked copy removed on exit."""
    path = Path(path)
    if path.is_dir():
        if max_bytes is not None:
            _folder_size(path, max_bytes)
        yield _bag_root(path)
        return
    if not path.is_file():
        raise UnsafeBundle("no such file or folder")
    if max_bytes is not None and path.stat().st_size > max_bytes:
        raise UnsafeBundle(f"larger than the limit of {max_bytes} bytes (setting bundle_max_bytes)")
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise UnsafeBundle(f"not a readable zip file ({exc})") from None
    with zf:
        infos = zf.infolist()
        for info in infos:
            _check_entry(info)
        if max_bytes is not None and sum(i.file_size for i in infos) > max_bytes:
            raise UnsafeBundle(f"unpacks to more than {max_bytes} bytes (setting bundle_max_bytes)")
        work = Path(tempfile.mkdtemp(prefix="signalstack-bundle-"))
        try:
            try:
                for info in infos:
                    zf.extract(info, work)
            except (zipfile.BadZipFile, OSError, EOFError) as exc:  # CRC errors included
                raise UnsafeBundle(f"damaged zip ({exc})") from None
            yield _bag_root(work)
        finally:
            shutil.rmtree(work, ignore_errors=True)
