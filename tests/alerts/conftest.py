"""Alerts fixtures: the news page tree (updates, events) and helpers to subscribe and read mail."""

import re

import pytest
from django.utils import translation

from portal.alerts import services
from tests.news.conftest import (  # noqa: F401  (fixtures, used by name)
    add_event,
    add_update,
    estate,
    events_index,
    publish,
    translate,
    updates_index,
)
from tests.panel.conftest import members, panel_section  # noqa: F401  (fixtures)


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """Run what publishing queues after commit (the tests' transaction never commits)."""

    def run(action):
        with django_capture_on_commit_callbacks(execute=True):
            return action()

    return run


def subscriber(
    email="resident@example.org",
    topics=("updates:repairs",),
    language="en",
    frequency="immediate",
    confirmed=True,
):
    record, _ = services.request_subscription(
        email=email,
        topics=topics,
        language=language,
        frequency=frequency,
        consent_text="Consent wording",
        consent_language=language,
    )
    if confirmed:
        services.confirm(subscriber=record)
    return record


def link_in(message, path_part: str) -> str:
    """The first link in the plain-text body whose path contains ``path_part``, as a path."""
    body = message.get_body(preferencelist=("plain",)).get_content()
    match = re.search(r"https?://[^/\s]+(/\S*" + re.escape(path_part) + r"\S*)", body)
    assert match, body
    return match.group(1)


def html_of(message) -> str:
    return message.get_body(preferencelist=("html",)).get_content()


def text_of(message) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()
