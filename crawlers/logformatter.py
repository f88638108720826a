"""Log dropped items by reason only: the item holds ad text and image bytes, which do not
belong in a log file (privacy) and would drown the reason."""

from __future__ import annotations

import logging
from typing import Any

from scrapy.logformatter import LogFormatter


class ReasonOnlyLogFormatter(LogFormatter):
    def dropped(self, item: Any, exception: BaseException, response: Any, spider: Any) -> dict[str, Any]:
        return {"level": logging.WARNING, "msg": "Dropped: %(exception)s", "args": {"exception": exception}}
