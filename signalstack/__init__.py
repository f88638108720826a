"""The composition root: the command line that mounts every stage's commands, the demo, and the
Celery tasks, worker, scheduler and health. No stage imports it."""

from core import __version__

__all__ = ["__version__"]
