"""Production: refuses to start without the security-relevant variables.

Required: ``SECRET_KEY`` and ``ALLOWED_HOSTS``. Deploy behind TLS; the proxy must set
``X-Forwarded-Proto`` (and ``TRUSTED_PROXY_COUNT`` says how many proxies append to
``X-Forwarded-For``). Email goes out by SMTP (by GOV.UK Notify when ``NOTIFY_API_KEY`` is set)
and the default cache is shared by every process (Redis with ``REDIS_URL``, else the database): a
backend that would print residents' links to the log, keep them in memory, or count rate limits
per process refuses to start, unless ``PORTAL_NON_PRODUCTION=true`` says this machine is not the
live service.
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import (
    ALLOWED_HOSTS,
    CACHES,
    NOTIFY_API_KEY,
    NOTIFY_EMAIL_BACKEND,
    PORTAL_NON_PRODUCTION,
    SECRET_KEY,
    TASKS_BACKENDS,
    env,
    env_bool,
)

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

EMAIL_BACKEND = env(
    "EMAIL_BACKEND",
    NOTIFY_EMAIL_BACKEND if NOTIFY_API_KEY else "django.core.mail.backends.smtp.EmailBackend",
)
# Backends that never deliver: a verification or resume link would end up in the server's log, a
# file or nowhere, and the resident would wait for an email that never comes.
UNDELIVERED_EMAIL_BACKENDS = {
    "django.core.mail.backends.console.EmailBackend",
    "django.core.mail.backends.locmem.EmailBackend",
    "django.core.mail.backends.filebased.EmailBackend",
    "django.core.mail.backends.dummy.EmailBackend",
}
# Caches each process keeps to itself: a limit of 10 would allow 10 per gunicorn worker.
PER_PROCESS_CACHE_BACKENDS = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
}
if not PORTAL_NON_PRODUCTION:
    if EMAIL_BACKEND in UNDELIVERED_EMAIL_BACKENDS:
        raise ImproperlyConfigured(
            f"EMAIL_BACKEND={EMAIL_BACKEND} does not deliver email; production needs SMTP "
            "or GOV.UK Notify (or another real backend). Set PORTAL_NON_PRODUCTION=true only on "
            "a machine that is not the live service."
        )
    _per_process = sorted(
        alias for alias, config in CACHES.items() if config["BACKEND"] in PER_PROCESS_CACHE_BACKENDS
    )
    if _per_process:
        raise ImproperlyConfigured(
            "These caches are kept per process, so rate limits would count per worker: "
            + ", ".join(_per_process)
            + ". Set REDIS_URL (or use the database cache). Set PORTAL_NON_PRODUCTION=true "
            "only on a machine that is not the live service."
        )

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
