"""Make `crawlers.demosite` the package, not this folder.

Without __init__.py files, pytest puts tests/ on sys.path, so tests/crawlers becomes a namespace
portion of `crawlers` and this folder would shadow the package `crawlers.demosite`. Putting the
project root first makes `crawlers` resolve to the real (regular) package.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
if sys.path[0] != str(ROOT):
    sys.path.insert(0, str(ROOT))
for _name in [n for n in sys.modules if n == "crawlers" or n.startswith("crawlers.")]:
    if getattr(sys.modules[_name], "__file__", None) is None:  # a namespace stand-in, not the package
        del sys.modules[_name]
