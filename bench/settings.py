"""Settings for benchmarks: ``portal.settings.local_proxy`` (production over plain HTTP on
127.0.0.1, with its throwaway secret and without the TLS-only cookies and redirect), on the
bench's own database, with mail kept in memory and rate limits no simulated resident reaches.
"""

import os

os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal_bench")
# In memory, not on the console local_proxy prints to: thousands of journeys send receipts.
os.environ.setdefault("EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend")

from portal.settings.local_proxy import *  # noqa: E402, F403

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
