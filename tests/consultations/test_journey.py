"""The responding journey through the Django client, one step per page, ending in PRG."""

import re

import pytest
from django.core import mail
from django.test import Client

from consultations.demo import surveys
from consultations.models import RespondentDetails, Response, ResponseDraft

pytestmark = pytest.mark.django_db

GOOD_ANSWERS = surveys.ANSWERS


def token_of(response) -> str:
    match = re.search(r'name="token" value="([0-9a-f-]+)"', response.content.decode())
    assert match, "every step carries the one-time token"
    return match.group(1)


def walk(client, page, *, language="en", answers=GOOD_ANSWERS, details=None, estate=None):
    """Answer every step; returns the check-your-answers response."""
    base = page.get_url()
    response = client.get(f"{base}respond/", HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 302
    response = client.get(response["Location"])
    token = token_of(response)
    response = client.post(
        response.request["PATH_INFO"], {"token": token, "respondent_type": "tenant"}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    while "/respond/section/" in response["Location"]:
        section_id = response["Location"].rstrip("/").rsplit("/", 1)[1]
        data = dict(answers[section_id])
        if section_id == "about" and estate is not None:
            data["q-estate"] = str(estate.pk)
        response = client.post(response["Location"], {"token": token, **data})
        assert response.status_code == 302, response.content.decode()
    assert response["Location"].endswith("/respond/your-details/")
    response = client.post(
        response["Location"],
        {
            "token": token,
            **(
                details
                or {
                    "name": "Ada",
                    "email": "ada@example.org",
                    "receipt": "yes",
                    "wants_updates": "yes",
                }
            ),
        },
    )
    assert response["Location"].endswith("/respond/check/")
    return client.get(response["Location"]), token


def test_full_journey_in_english_stores_answers_by_id_and_value(
    client, consultation, estates, django_capture_on_commit_callbacks
):
    check, token = walk(client, consultation, estate=estates[0])
    html = check.content.decode()
    assert "Check your answers before sending your response" in html
    assert "Other: Door knocking" in html and "Kings Crescent" in html
    assert "1. A panel" in html and "Repairs: Poor" in html
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(check.request["PATH_INFO"], {"token": token})
    assert response.status_code == 302 and response["Location"].endswith("/respond/confirmation/")
    confirmation = client.get(response["Location"])
    stored = Response.objects.get()
    assert stored.reference in confirmation.content.decode()
    assert stored.language == "en" and stored.channel == "online"
    assert stored.respondent_type == "tenant"
    assert stored.estate == estates[0]
    assert stored.answers == {
        "tenant": "yes",
        "postcode": "E8 1DY",
        "estate": estates[0].pk,
        "how": "other",
        "how.other": "Door knocking",
        "topics": ["online", "panel"],
        "often": "monthly",
        "agree": "agree",
        "rating": 4,
        "nps": 9,
        "priorities": ["panel", "online"],
        "matrix": {"repairs": "poor", "cleaning": "ok"},
        "years": 12,
        "moved": "2012-04-03",
        "comments": "Please meet us in the evenings.",
        "tenancy": "Secure",
        "contact": "Me@example.org",
        "age": "prefer_not_to_say",
        "consent": True,
    }
    assert stored.snapshot.definition["sections"][0]["questions"][0]["id"] == "tenant"
    details = RespondentDetails.objects.get()
    assert (details.name, details.email, details.wants_updates) == ("Ada", "ada@example.org", True)
    assert "ada@example.org" not in str(stored.answers.values())
    assert len(mail.outbox) == 1 and stored.reference in mail.outbox[0].body
    assert not ResponseDraft.objects.exists()
    # Refreshing the confirmation still says it was sent, without the reference (shown once),
    # and stores nothing new.
    again = client.get(response["Location"]).content.decode()
    assert "Response sent" in again and stored.reference not in again
    assert Response.objects.count() == 1


def test_conditional_section_skipped_and_stale_answers_dropped(client, consultation):
    answers = {**GOOD_ANSWERS, "about": {"q-tenant": "no"}}
    check, token = walk(client, consultation, answers=answers)
    assert "For tenants" not in check.content.decode()
    client.post(check.request["PATH_INFO"], {"token": token})
    assert "tenancy" not in Response.objects.get().answers


def test_changing_an_earlier_answer_drops_answers_it_hides(client, consultation):
    check, token = walk(client, consultation)
    base = consultation.get_url()
    response = client.post(
        f"{base}respond/section/about/?return=check", {"token": token, "q-tenant": "no"}
    )
    assert response["Location"].endswith("/respond/check/")
    assert "tenancy" not in ResponseDraft.objects.get().answers
    client.post(f"{base}respond/check/", {"token": token})
    assert "tenancy" not in Response.objects.get().answers


def _send(client, page, django_capture_on_commit_callbacks, **walk_options) -> str:
    check, token = walk(client, page, **walk_options)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(check.request["PATH_INFO"], {"token": token})
    return client.get(response["Location"]).content.decode()


def test_confirmation_mentions_a_copy_only_when_one_was_asked_for_and_sent(
    client, consultation, django_capture_on_commit_callbacks
):
    asked = _send(client, consultation, django_capture_on_commit_callbacks)
    assert "We have sent a copy of your answers to ada@example.org." in asked
    assert len(mail.outbox) == 1
    updates_only = {"name": "Ada", "email": "ada@example.org", "wants_updates": "yes"}
    html = _send(Client(), consultation, django_capture_on_commit_callbacks, details=updates_only)
    assert len(mail.outbox) == 1  # no copy asked for, none sent ...
    assert "copy of your answers" not in html  # ... and none claimed
    assert Response.objects.order_by("pk").last().reference in html


def test_back_after_sending_shows_the_response_already_sent_not_an_empty_form(client, consultation):
    check, token = walk(client, consultation)
    client.post(check.request["PATH_INFO"], {"token": token})
    reference = Response.objects.get().reference
    base = consultation.get_url()
    # Back (or a reload from the history) reaches any step of the journey again.
    for step in ("check/", "your-details/", "section/views/", "responding-as/", ""):
        page = client.get(f"{base}respond/{step}")
        html = page.content.decode()
        assert page.status_code == 200, step
        assert "You have already sent your response" in html, step
        assert reference not in html  # the confirmation showed it, once
        assert 'name="token"' not in html  # no form to fill in again
        assert 'href="/en/consultations/strategy/respond/?again=1"' in html  # allowed here
    assert not ResponseDraft.objects.exists()  # no empty response was started
    # A form the browser kept from before sending goes nowhere new.
    stale = client.post(f"{base}respond/section/views/", {"token": "not-the-token"})
    assert stale["Location"].endswith("/respond/")
    assert not ResponseDraft.objects.exists() and Response.objects.count() == 1
    # Starting again is a choice: an empty form (its draft starts with the first answer), and
    # the steps work as before.
    again = client.get(f"{base}respond/?again=1")
    assert again["Location"].endswith("/respond/responding-as/")
    html = client.get(again["Location"]).content.decode()
    assert "You have already sent your response" not in html and 'name="token"' in html
    assert not ResponseDraft.objects.exists()


def test_back_after_sending_offers_no_new_response_where_one_per_person(client, consultation_index):
    from .conftest import make_consultation

    page = make_consultation(consultation_index, one_response_per_account=True)
    check, token = walk(client, page)
    client.post(check.request["PATH_INFO"], {"token": token})
    html = client.get(page.get_url() + "respond/section/about/").content.decode()
    assert "You have already sent your response" in html
    assert "?again=1" not in html and "Start a new response" not in html
    client.get(page.get_url() + "respond/?again=1")  # typed in by hand: still refused
    assert not ResponseDraft.objects.exists()


def test_survey_steps_are_never_cached(client, consultation):
    """The back-forward cache must not show a step's form (and its token) after sending."""
    base = consultation.get_url()
    first = client.get(f"{base}respond/")
    pages = [first, client.get(first["Location"])]
    check, token = walk(client, consultation)
    pages += [check, client.get(f"{base}respond/section/views/")]
    pages.append(client.post(check.request["PATH_INFO"], {"token": token}))
    pages.append(client.get(pages[-1]["Location"]))  # the confirmation
    for page in pages:
        assert "no-store" in page["Cache-Control"] and "private" in page["Cache-Control"]
