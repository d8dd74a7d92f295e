"""Settings for the test suite (pytest-django uses these)."""

import os
from pathlib import Path

from .base import *  # noqa: F403
from .base import CACHE_BACKENDS, CACHES, DATABASES, REDIS_URL

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105 (tests only, never deployed)
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# A copy, so portal.settings.base keeps the production storage for the manifest test.
STORAGES = {  # noqa: F405
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
ACCOUNT_RATE_LIMITS = False
# Background tasks run at once, inside the test, so their effects can be asserted.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# The shared Redis when REDIS_URL is set (CI), so rate limits are tested on the production cache;
# a per-process cache otherwise. `make test` runs three suites at once on one Redis (and several
# checkouts may share it): each run has its own key prefix, and tests/conftest.py empties only it.
_run = f"{Path(str(DATABASES['default']['NAME'])).name}-{os.getpid()}"
CACHES = {
    **CACHES,
    "default": {**CACHE_BACKENDS["redis"], "KEY_PREFIX": f"test-{_run}"}
    if REDIS_URL
    else CACHE_BACKENDS["memory"],
}

# Pages are rendered for every request in tests (a test that changes rows without signals would
# otherwise read a kept copy); tests/portal/test_page_cache.py turns the app's page cache on.
PORTAL_PAGE_CACHE = False
