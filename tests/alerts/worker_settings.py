"""Settings for a real worker process started by a test: the test database, real SMTP."""

import os

import dj_database_url

from portal.settings.test import *  # noqa: F403

DATABASES = {"default": dj_database_url.parse(os.environ["ALERTS_TEST_DATABASE_URL"])}
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST, EMAIL_PORT = "127.0.0.1", int(os.environ["ALERTS_TEST_SMTP_PORT"])
EMAIL_USE_TLS, EMAIL_TIMEOUT = False, 5
