"""Retries with exponential back-off: Scrapy's own retry middleware re-sends at once, which
hammers a site that is failing under load. Each retry here waits 0.5 s, 1 s, 2 s, ... (at most 10 s)."""

from __future__ import annotations

from typing import Any

from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.http import Request
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet import reactor, task

BASE_DELAY_S = 0.5
MAX_DELAY_S = 10.0


def backoff_delay(retry_times: int) -> float:
    return min(MAX_DELAY_S, BASE_DELAY_S * 2 ** max(0, retry_times - 1))


async def _wait(seconds: float) -> None:
    await maybe_deferred_to_future(task.deferLater(reactor, seconds, lambda: None))


class BackoffRetryMiddleware(RetryMiddleware):
    async def process_response(self, request: Any, response: Any, spider: Any = None) -> Any:
        result = super().process_response(request, response)
        if isinstance(result, Request):
            await _wait(backoff_delay(result.meta.get("retry_times", 1)))
        return result

    async def process_exception(self, request: Any, exception: Exception, spider: Any = None) -> Any:
        result = super().process_exception(request, exception)
        if isinstance(result, Request):
            await _wait(backoff_delay(result.meta.get("retry_times", 1)))
        return result
