"""The production settings on one machine, over plain HTTP on the loopback interface, for
``make serve-prod`` (gunicorn behind the Varnish of ``deploy/varnish``).

Everything is production's (caching headers, purging, the shared cache, the database), except
what needs the TLS proxy a real deployment has: secure-only cookies and the HTTPS redirect.
A throwaway secret key is made if none is given; mail goes to the console, which production
refuses unless told this is not the live service.
"""

import os
import secrets

os.environ.setdefault("SECRET_KEY", "local-" + secrets.token_urlsafe(48))
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("PORTAL_NON_PRODUCTION", "true")
os.environ.setdefault("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")

from .production import *  # noqa: E402, F403

SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
