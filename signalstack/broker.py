"""The Celery apps: the worker's own, and a producer per broker that sends tasks and pings workers.

Kept apart from the tasks (``signalstack.tasks``) and from health (``signalstack.workers.health``)
so that both can reach the broker without importing each other.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from celery import Celery

from core.settings import Settings

ROUTES = {
    "signalstack.crawl_site": "crawl",
    "signalstack.monitor_site": "maintenance",
    "signalstack.analyse_range": "analyse",
    "signalstack.dispatch_analysis": "maintenance",
    "signalstack.update_clusters": "maintenance",
    "signalstack.purge_expired": "maintenance",
    "signalstack.audit_checkpoint": "maintenance",
}


def celery_config(settings: Settings) -> dict[str, Any]:
    visibility = int(settings.broker_visibility_timeout_s)
    return {
        "broker_url": settings.broker_url or "memory://",
        "broker_connection_retry_on_startup": True,
        # Redis hands an unacknowledged task to another worker after the visibility timeout; sweep for
        # such tasks often enough that a short timeout (tests, small batches) takes effect promptly.
        "broker_transport_options": {"visibility_timeout": visibility,
                                     "unacked_restore_interval": max(1, min(10, visibility // 4)),
                                     "unacked_restore_throttle": 1},
        "task_ignore_result": True,
        "result_backend": None,
        "task_acks_late": True,
        "task_reject_on_worker_lost": True,
        "worker_prefetch_multiplier": 1,
        "task_routes": {name: {"queue": queue} for name, queue in ROUTES.items()},
        "task_default_queue": "maintenance",
        "task_serializer": "json",
        "accept_content": ["json"],
        "timezone": "UTC",
        "enable_utc": True,
        "worker_hijack_root_logger": False,
    }


worker_app = Celery("signalstack")
worker_app.add_defaults(lambda: celery_config(Settings()))  # read lazily: a worker's settings come from its environment


@lru_cache(maxsize=4)
def _producer_for(broker_url: str, visibility_timeout_s: int) -> Celery:
    sender = Celery("signalstack-producer")
    sender.conf.update(celery_config(Settings({"broker_url": broker_url,
                                               "broker_visibility_timeout_s": visibility_timeout_s})))
    return sender


def producer(settings: Settings) -> Celery:
    """An app that sends to (and controls workers on) this settings' broker, whatever this process started with."""
    return _producer_for(settings.broker_url, int(settings.broker_visibility_timeout_s))
