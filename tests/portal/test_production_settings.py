"""Production refuses email that is never delivered and caches that count per process.

Each case starts a fresh interpreter on ``portal.settings.production``, as gunicorn would.
"""

import json
import os
import subprocess
import sys

import pytest

from tests.portal.test_settings import GOOD_KEY, ROOT

SHOW = (
    "import django, json; django.setup(); from django.conf import settings; "
    "print(json.dumps({'email': settings.EMAIL_BACKEND, "
    "'cache': settings.CACHES['default']['BACKEND'], "
    "'results': settings.CACHES['results']['BACKEND'], "
    "'proxies': settings.ALLAUTH_TRUSTED_PROXY_COUNT}))"
)
OURS = {
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "DATABASE_URL",
    "EMAIL_BACKEND",
    "NOTIFY_API_KEY",
    "NOTIFY_EMAIL_TEMPLATE_ID",
    "REDIS_URL",
    "CACHE_BACKEND",
    "PORTAL_NON_PRODUCTION",
    "TRUSTED_PROXY_COUNT",
}


def production(**env):
    environment = {key: value for key, value in os.environ.items() if key not in OURS}
    environment.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY=GOOD_KEY,
        ALLOWED_HOSTS="portal.example.org",
        **env,
    )
    return subprocess.run(
        [sys.executable, "-c", SHOW],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def started(result) -> dict:
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_defaults_to_smtp_and_a_shared_database_cache():
    shown = started(production())
    assert shown["email"] == "django.core.mail.backends.smtp.EmailBackend"
    assert shown["cache"] == "django.core.cache.backends.db.DatabaseCache"
    assert shown["results"] == "django.core.cache.backends.db.DatabaseCache"
    assert shown["proxies"] == 0  # no X-Forwarded-For is believed unless a proxy is configured


def test_production_uses_redis_when_it_is_given_and_the_proxy_count_from_the_environment():
    shown = started(production(REDIS_URL="redis://127.0.0.1:6379/3", TRUSTED_PROXY_COUNT="1"))
    assert shown["cache"] == "django.core.cache.backends.redis.RedisCache"
    assert shown["results"] == "django.core.cache.backends.db.DatabaseCache"  # as it was
    assert shown["proxies"] == 1


@pytest.mark.parametrize("backend", ["console", "locmem", "filebased", "dummy"])
def test_production_refuses_email_that_is_never_delivered(backend):
    path = f"django.core.mail.backends.{backend}.EmailBackend"
    result = production(EMAIL_BACKEND=path)
    assert result.returncode != 0
    assert f"EMAIL_BACKEND={path} does not deliver email" in result.stderr
    assert "PORTAL_NON_PRODUCTION=true" in result.stderr


def test_production_refuses_a_per_process_cache():
    result = production(CACHE_BACKEND="memory")
    assert result.returncode != 0
    assert "These caches are kept per process, so rate limits would count per worker: default" in (
        result.stderr
    )


def test_a_machine_that_says_it_is_not_production_may_use_them():
    shown = started(
        production(
            EMAIL_BACKEND="django.core.mail.backends.console.EmailBackend",
            CACHE_BACKEND="memory",
            PORTAL_NON_PRODUCTION="true",
        )
    )
    assert shown["email"] == "django.core.mail.backends.console.EmailBackend"
    assert shown["cache"] == "django.core.cache.backends.locmem.LocMemCache"


@pytest.mark.parametrize(
    ("env", "shown"),
    [({"CACHE_BACKEND": "memcached"}, "memcached"), ({"CACHE_BACKEND": "redis"}, "redis")],
)
def test_an_unknown_or_incomplete_cache_choice_is_explained(env, shown):
    result = production(**env)
    assert result.returncode != 0
    assert f"CACHE_BACKEND={shown} is not one of redis (with REDIS_URL), database, memory." in (
        result.stderr
    )
