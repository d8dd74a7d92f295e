"""The production settings, served over plain HTTP on 127.0.0.1 (for the multi-worker test).

gunicorn is reached directly on the loopback interface with no TLS proxy in front, so the
HTTPS redirect and HTTPS-only cookies are off; nothing else differs from production.
"""

import os

os.environ.setdefault("SECURE_SSL_REDIRECT", "false")

from portal.settings.production import *  # noqa: E402, F403

SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
# Static files are not what this test is about: plain URLs, no collectstatic manifest needed.
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
