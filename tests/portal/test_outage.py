"""Database outages: a styled 503 with Retry-After, /healthz says 503, nothing reported saved.

The outage is real: the default connection is pointed at a PostgreSQL address where a port is
bound but nothing listens, so every connection attempt is refused, as while PostgreSQL restarts.
"""

import socket
from contextlib import contextmanager

import pytest
from django.contrib.auth.models import User
from django.db import connections
from django.db.utils import load_backend

pytestmark = pytest.mark.django_db


@contextmanager
def connections_refused():
    """Inside, the default database refuses connections; afterwards it is back."""
    closed = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    closed.bind(("127.0.0.1", 0))  # bound, never listening: connections are refused
    real = connections["default"]
    settings_dict = {
        **real.settings_dict,
        "ENGINE": "django.db.backends.postgresql",
        "HOST": "127.0.0.1",
        "PORT": closed.getsockname()[1],
        "NAME": "portal",
        "USER": "postgres",
        "PASSWORD": "",
        "OPTIONS": {"connect_timeout": 2},
    }
    backend = load_backend(settings_dict["ENGINE"])
    connections["default"] = backend.DatabaseWrapper(settings_dict, alias="default")
    try:
        yield
    finally:
        connections["default"].close()
        connections["default"] = real
        closed.close()


@pytest.fixture
def database_unreachable():
    with connections_refused():
        yield


def test_healthz_answers_200_while_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_answers_503_while_the_database_is_unreachable(client, database_unreachable):
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "database unavailable"}
    assert response["Retry-After"] == "30"


def test_a_page_during_an_outage_gets_the_styled_503_in_the_visitors_language(
    client, home_page, database_unreachable
):
    client.raise_request_exception = False
    response = client.get("/ur/")
    html = response.content.decode()
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]  # a proxy must not keep serving the outage
    assert '<html lang="ur" dir="rtl"' in html
    assert 'class="govuk-skip-link"' in html
    assert "Traceback" not in html and "OperationalError" not in html


def test_a_form_sent_during_an_outage_is_not_reported_as_sent(client, home_page):
    client.raise_request_exception = False
    with connections_refused():
        response = client.post(
            "/en/accounts/signup/",
            {
                "email": "resident@example.org",
                "password1": "a long passphrase 1",
                "password2": "a long passphrase 1",
            },
        )
    html = response.content.decode()
    assert response.status_code == 503
    assert "Location" not in response  # no redirect to a "done" page
    assert "Sorry, the service is unavailable" in html
    assert "If you were sending a form, it has not been sent." in html
    assert "messages" not in response.cookies  # no "saved" flash message waiting either
    assert not User.objects.filter(email="resident@example.org").exists()


def test_the_site_serves_again_once_the_database_is_back(client, home_page):
    client.raise_request_exception = False
    with connections_refused():
        assert client.get("/en/").status_code == 503
        assert client.get("/healthz").status_code == 503
    assert client.get("/healthz").status_code == 200
    response = client.get("/en/")
    assert response.status_code == 200
    assert "Housing engagement" in response.content.decode()


def test_a_database_error_while_the_database_answers_is_a_500_not_a_503(
    client, settings, home_page
):
    settings.ROOT_URLCONF = "tests.portal.error_urls"
    client.raise_request_exception = False
    response = client.get("/en/operational-error/")
    assert response.status_code == 500
    assert "Retry-After" not in response
    assert "Sorry, there is a problem with the service" in response.content.decode()
