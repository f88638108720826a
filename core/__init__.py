"""The kernel every stage imports: settings, database, schema and migrations, audit, permissions,
users, backup and the privacy report. It imports no stage and not the composition root."""

__version__ = "0.1.0"


def software_version(*parts: str) -> str:
    """What made a record, as bundles, crawl jobs and the crawler's user agent name it:
    ``signalstack 0.1.0`` plus any library versions the caller adds (``"scrapy 2.13"``)."""
    return "; ".join((f"signalstack {__version__}", *parts))
