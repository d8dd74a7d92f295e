"""gunicorn settings for production: ``gunicorn -c python:portal.gunicorn portal.wsgi``.

Every value can be set from the environment. The long timeout is for analysts' exports: a CSV or
XLSX of a million responses streams for about a minute, and gunicorn's default (30 seconds)
would kill the worker half way through the file.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "300"))
graceful_timeout = 30
# Restart workers now and then so memory a long-running process gathers is given back.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = 200
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = "-" if os.environ.get("GUNICORN_ACCESS_LOG", "") == "true" else None
