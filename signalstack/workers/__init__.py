"""Scale-out helpers behind ``signalstack.tasks``: analysis partitioned by id range, the monitoring
schedule, and the health report. Plain functions on settings and sessions; no Celery import here,
so the embedded default never needs a broker."""
