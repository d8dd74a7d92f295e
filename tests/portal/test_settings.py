"""Production settings refuse to start without the security-relevant variables."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOOD_KEY = "k" * 24 + "-production-only-0123456789-abcdefghij"


def _start_production(**env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"}
    }
    environment.update(DJANGO_SETTINGS_MODULE="portal.settings.production", **env)
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); print('started')"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("env", "missing"),
    [
        ({}, "SECRET_KEY, ALLOWED_HOSTS"),
        ({"ALLOWED_HOSTS": "portal.example.org"}, "SECRET_KEY"),
        ({"SECRET_KEY": GOOD_KEY}, "ALLOWED_HOSTS"),
    ],
)
def test_production_refuses_to_start_without_secret_key_or_allowed_hosts(env, missing):
    result = _start_production(**env)
    assert result.returncode != 0
    assert "started" not in result.stdout
    assert (
        f"Production settings need these environment variables set: {missing}. "
        "See .env.example." in result.stderr
    )


def test_production_refuses_a_short_secret_key():
    result = _start_production(SECRET_KEY="short", ALLOWED_HOSTS="portal.example.org")
    assert result.returncode != 0
    assert "SECRET_KEY must be at least 50 random characters in production." in result.stderr


def test_production_starts_with_both_set():
    result = _start_production(SECRET_KEY=GOOD_KEY, ALLOWED_HOSTS="portal.example.org")
    assert result.returncode == 0, result.stderr
    assert "started" in result.stdout


def test_gunicorn_settings_let_a_long_export_finish(monkeypatch):
    """gunicorn's default 30 s would kill the worker midway through a 1M-response export."""
    import importlib

    import portal.gunicorn

    monkeypatch.delenv("GUNICORN_TIMEOUT", raising=False)
    assert importlib.reload(portal.gunicorn).timeout >= 300
    monkeypatch.setenv("GUNICORN_TIMEOUT", "900")
    monkeypatch.setenv("WEB_CONCURRENCY", "3")
    config = importlib.reload(portal.gunicorn)
    assert (config.timeout, config.workers) == (900, 3)
