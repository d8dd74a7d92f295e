"""Respondents' data stays theirs: form tokens bound to their session, short anonymous sessions,
the reference shown once, nothing personal in the session or in cookies, no draft from a GET."""

import time

import pytest
from django.contrib.sessions.models import Session
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from consultations.models import Response, ResponseDraft
from consultations.respondent_session import LAST_SEEN

from .test_journey import GOOD_ANSWERS, token_of

pytestmark = pytest.mark.django_db

NAME, EMAIL = "Ada Quintrell", "ada.quintrell@example.org"
COMMENT = GOOD_ANSWERS["views"]["q-comments"]
DETAILS = {"name": NAME, "email": EMAIL, "receipt": "yes", "wants_updates": "yes"}


def steps_with_tokens(client, consultation, details=DETAILS) -> tuple[dict[str, dict], str]:
    """Walk a whole response, keeping each step's URL and what was posted to it."""
    base = consultation.get_url()
    first = client.get(client.get(f"{base}respond/")["Location"])
    token = token_of(first)
    posted = {first.request["PATH_INFO"]: {"respondent_type": "tenant"}}
    response = client.post(
        first.request["PATH_INFO"], {"token": token, "respondent_type": "tenant"}
    )
    while "/respond/section/" in response["Location"]:
        section_id = response["Location"].rstrip("/").rsplit("/", 1)[1]
        posted[response["Location"]] = GOOD_ANSWERS[section_id]
        response = client.post(
            response["Location"], {"token": token, **posted[response["Location"]]}
        )
    posted[response["Location"]] = details
    response = client.post(response["Location"], {"token": token, **details})
    assert response["Location"].endswith("/respond/check/")
    posted[response["Location"]] = {}
    return posted, token


def begin(client, consultation) -> str:
    """Answer "responding as" (the draft starts here); the response's token."""
    first = client.get(client.get(f"{consultation.get_url()}respond/")["Location"])
    token = token_of(first)
    client.post(first.request["PATH_INFO"], {"token": token, "respondent_type": "tenant"})
    return token


def save_for_later(client, consultation, email: str):
    """Begin, answer the first section and ask for a resume link; the "saved" redirect."""
    base = consultation.get_url()
    token = begin(client, consultation)
    client.post(
        f"{base}respond/section/about/", {"token": token, "q-tenant": "no", "save_for_later": "1"}
    )
    return client.post(f"{base}respond/save/", {"email": email})


def personal(html: str, *extra: str) -> list[str]:
    return [text for text in (NAME, EMAIL, "ada.quintrell", COMMENT, *extra) if text in html]


def draft_state():
    return [
        (d.pk, d.token, d.answers, d.details, d.respondent_type)
        for d in ResponseDraft.objects.all()
    ]


def test_another_sessions_token_learns_nothing_and_changes_nothing_on_any_step(consultation):
    resident = Client()
    posted, token = steps_with_tokens(resident, consultation)
    assert len(posted) == 7  # responding as, four sections, your details, check your answers
    before = draft_state()
    for url, data in posted.items():
        stranger = Client()  # a fresh session: no draft, no cookie
        answer = stranger.post(url, {"token": token, **data}, follow=True)
        html = answer.content.decode()
        assert answer.status_code == 403, url
        assert (
            "This form has expired" in html and 'href="/en/consultations/strategy/respond/"' in html
        )
        assert personal(html) == [], url
        assert "sessionid" not in stranger.cookies  # no draft, no session for the stranger
    assert draft_state() == before and not Response.objects.exists()

    # Someone part-way through their own response replays it: their own form says it has
    # expired, showing only their own answers; neither draft changes.
    stranger = Client()
    steps_with_tokens(stranger, consultation, details={"name": "Bo", "email": "bo@example.org"})
    before = draft_state()
    for url in posted:
        html = stranger.post(url, {"token": token}, follow=True).content.decode()
        assert "This form has expired or was already sent" in html, url
        assert NAME not in html and EMAIL not in html, url
    assert draft_state() == before

    # After the resident sends it, the token is a response's: replaying it anywhere shows
    # neither the reference nor the resident, and never the confirmation.
    check = [url for url in posted if url.endswith("/check/")][0]
    resident.post(check, {"token": token})
    reference = Response.objects.get(token=token).reference
    for url, data in posted.items():
        for stranger in (Client(), Client()):
            answer = stranger.post(url, {"token": token, **data}, follow=True)
            html = answer.content.decode()
            assert personal(html, reference) == [], url
            assert "Response sent" not in html
            assert stranger.get(consultation.get_url() + "respond/confirmation/").status_code == 302
    assert Response.objects.count() == 1
    assert (
        reference in resident.get(consultation.get_url() + "respond/confirmation/").content.decode()
    )


def test_a_signed_in_resident_cannot_reach_another_accounts_response_by_its_token(
    consultation, django_user_model
):
    resident = Client()
    posted, token = steps_with_tokens(resident, consultation)
    check = [url for url in posted if url.endswith("/check/")][0]
    resident.post(check, {"token": token})
    reference = Response.objects.get().reference
    other = Client()
    other.force_login(django_user_model.objects.create_user("o", "o@example.org", "pw-pw-pw-123"))
    html = other.post(check, {"token": token}, follow=True).content.decode()
    assert "This form has expired" in html and personal(html, reference) == []


def test_the_reference_shows_once_then_a_page_that_only_says_it_was_received(
    consultation, django_capture_on_commit_callbacks
):
    client = Client()
    posted, token = steps_with_tokens(client, consultation)
    check = [url for url in posted if url.endswith("/check/")][0]
    with django_capture_on_commit_callbacks(execute=True):
        sent = client.post(check, {"token": token})
    reference = Response.objects.get().reference
    first = client.get(sent["Location"]).content.decode()
    assert reference in first and EMAIL in first
    # The session now holds no name, email or answer: only which response it sent.
    stored = str(dict(client.session.items()))
    assert personal(stored) == [] and "Secure" not in stored
    for _visit in range(2):
        later = client.get(sent["Location"]).content.decode()
        assert "Response sent" in later and "We have received the response" in later
        assert personal(later, reference) == []
    # A second click on "Send" lands on the same received page, stores nothing new.
    assert client.post(check, {"token": token})["Location"] == sent["Location"]
    assert Response.objects.count() == 1 and len(mail.outbox) == 1
    # Back on a step: "already sent", without the reference.
    html = client.get(consultation.get_url() + "respond/your-details/").content.decode()
    assert "You have already sent your response" in html and reference not in html


def test_your_details_is_not_prefilled_from_a_previous_response(consultation):
    client = Client()
    posted, token = steps_with_tokens(client, consultation)
    check = [url for url in posted if url.endswith("/check/")][0]
    client.post(check, {"token": token})
    base = consultation.get_url()
    first = client.get(client.get(f"{base}respond/?again=1")["Location"])
    new_token = token_of(first)
    assert new_token != token
    client.post(first.request["PATH_INFO"], {"token": new_token, "respondent_type": "tenant"})
    html = client.get(f"{base}respond/your-details/").content.decode()
    assert 'name="token"' in html and personal(html) == []


def test_fifty_cookieless_gets_create_no_draft_and_no_session(consultation):
    base = consultation.get_url()
    sessions = Session.objects.count()
    for _visit in range(50):
        visitor = Client()
        start = visitor.get(f"{base}respond/")
        first = visitor.get(start["Location"])
        assert 'name="token"' in first.content.decode()
        assert "sessionid" not in visitor.cookies
    assert ResponseDraft.objects.count() == 0
    assert Session.objects.count() == sessions
    # The first answer POSTed starts the draft, under the token its form carried.
    visitor = Client()
    first = visitor.get(visitor.get(f"{base}respond/")["Location"])
    token = token_of(first)
    visitor.post(first.request["PATH_INFO"], {"token": token, "respondent_type": ""})
    assert ResponseDraft.objects.count() == 0  # an answer with an error starts nothing
    visitor.post(first.request["PATH_INFO"], {"token": token, "respondent_type": "tenant"})
    assert str(ResponseDraft.objects.get().token) == token
    assert Session.objects.count() == sessions + 1


def test_an_anonymous_respondents_session_ends_with_the_browser_and_when_idle(
    consultation, settings
):
    settings.RESPONDENT_SESSION_IDLE_MINUTES = 30
    client = Client()
    base = consultation.get_url()
    token = begin(client, consultation)
    cookie = client.cookies["sessionid"]
    assert cookie["max-age"] == "" and cookie["expires"] == ""  # gone when the browser closes
    key = cookie.value

    def idle(minutes):
        session = client.session
        session[LAST_SEEN] = int(time.time()) - minutes * 60
        session.save()

    idle(29)
    html = client.get(f"{base}respond/responding-as/").content.decode()
    assert 'value="tenant" checked' in html and token in html  # still theirs
    idle(31)
    html = client.get(f"{base}respond/responding-as/").content.decode()
    assert 'value="tenant" checked' not in html and token not in html
    assert not Session.objects.filter(session_key=key).exists()
    # The old form now says it has expired, and the next person learns nothing from it.
    answer = client.post(f"{base}respond/section/about/", {"token": token, "q-tenant": "yes"})
    assert answer.status_code == 403 and "This form has expired" in answer.content.decode()
    assert "30 minutes without activity" in answer.content.decode()


def test_steps_in_quick_succession_leave_the_session_store_alone(consultation):
    """The expiry is set once and the last-seen time at most once a minute: a resident moving
    through the steps does not rewrite their session row on every page."""
    client = Client()
    base = consultation.get_url()
    token = begin(client, consultation)
    with CaptureQueriesContext(connection) as queries:
        client.get(f"{base}respond/section/about/")
        client.post(f"{base}respond/section/about/", {"token": token, "q-tenant": "no"})
    writes = [
        q["sql"] for q in queries.captured_queries if q["sql"].startswith(("UPDATE", "INSERT"))
    ]
    assert not [sql for sql in writes if "django_session" in sql]
    # The answer is saved once (nothing was cleared, so the draft is not written twice).
    assert len([sql for sql in writes if "consultations_responsedraft" in sql]) == 1
    assert ResponseDraft.objects.get().answers["tenant"] == "no"


def test_a_signed_in_residents_session_is_left_as_their_sign_in_made_it(
    consultation, django_user_model
):
    client = Client()
    client.force_login(django_user_model.objects.create_user("r", "r@example.org", "pw-pw-pw-123"))
    begin(client, consultation)
    assert LAST_SEEN not in client.session
    assert not client.session.get_expire_at_browser_close()
    session = client.session
    session[LAST_SEEN] = int(time.time()) - 24 * 3600
    session.save()
    html = client.get(f"{consultation.get_url()}respond/responding-as/").content.decode()
    assert 'value="tenant" checked' in html


def test_no_message_puts_anything_in_a_cookie(consultation):
    """Messages live in the server-side session (a message may name a resident)."""
    client = Client()
    saved = save_for_later(client, consultation, EMAIL)
    assert len(mail.outbox) == 1
    assert set(saved.cookies) <= {"sessionid", "csrftoken"} and "messages" not in client.cookies
    assert all(EMAIL not in morsel.value for morsel in client.cookies.values())
    page = client.get(saved["Location"]).content.decode()
    assert "We have emailed you a link to continue your response." in page
