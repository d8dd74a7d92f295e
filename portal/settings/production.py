"""Production: refuses to start without the security-relevant variables.

Required: ``SECRET_KEY`` and ``ALLOWED_HOSTS``. Deploy behind TLS; the proxy must set
``X-Forwarded-Proto``.
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import ALLOWED_HOSTS, SECRET_KEY, TASKS_BACKENDS, env, env_bool

DEBUG = False

_missing = [
    name
    for name, value in (("SECRET_KEY", SECRET_KEY), ("ALLOWED_HOSTS", ALLOWED_HOSTS))
    if not value
]
if _missing:
    raise ImproperlyConfigured(
        "Production settings need these environment variables set: "
        + ", ".join(_missing)
        + ". See .env.example."
    )
if len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("SECRET_KEY must be at least 50 random characters in production.")

# Background work goes to the database queue and a `manage.py db_worker` process.
TASKS = {"default": {"BACKEND": TASKS_BACKENDS[env("TASKS_BACKEND", "database")]}}

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

# HSTS preloading commits the whole domain (and its subdomains) to HTTPS in browsers for months;
# that is the council's domain owners' decision, made with SECURE_HSTS_PRELOAD=true, not ours.
if not SECURE_HSTS_PRELOAD:
    SILENCED_SYSTEM_CHECKS = ["security.W021"]
