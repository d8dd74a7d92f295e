"""Settings for benchmarks: production settings, served over plain HTTP on 127.0.0.1 only.

The production settings refuse to start without a secret key and allowed hosts; the benchmark
supplies throwaway ones, and turns off the HTTPS-only redirect and cookies because gunicorn is
reached directly on the loopback interface, with no TLS proxy in front.
"""

import os
import secrets

os.environ.setdefault("SECRET_KEY", "bench-" + secrets.token_urlsafe(48))
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal_bench")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
# Mail stays in memory (no relay on a benchmark machine), which production refuses unless it is
# told this is not the live service.
os.environ.setdefault("PORTAL_NON_PRODUCTION", "true")
os.environ.setdefault("EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend")

from portal.settings.production import *  # noqa: E402, F403

SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
# Every simulated resident comes from 127.0.0.1: the limits are counted as in production (in the
# shared cache, Redis when REDIS_URL is set), but set high enough never to refuse one of them.
PORTAL_RATE_LIMITS = {
    action: ",".join(f"1000000/{rate.split('/', 1)[1]}" for rate in rates.split(","))
    for action, rates in PORTAL_RATE_LIMITS.items()  # noqa: F405
}
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
# Static files are not part of the measurement: plain URLs, no collectstatic manifest needed.
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
