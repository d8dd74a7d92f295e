"""Consultation emails through a real SMTP server (aiosmtpd), including a server that refuses.

Django's SMTP backend talks to an aiosmtpd server on the loopback interface, so these tests see
what a resident's mail server would receive (headers, encodings, body), and what happens when
the council's mail relay is down or refuses an address: the resident's response and the
editor's publishing must go through, and what was not sent is left for a retry.
"""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from consultations.models import RespondentDetails, Response
from portal.translation import translate_instance
from tests.smtp import free_port

from .test_journey import token_of, walk
from .test_privacy import submit

pytestmark = pytest.mark.django_db


def _respond(client, page, django_capture_on_commit_callbacks, **walk_options):
    check, token = walk(client, page, **walk_options)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(check.request["PATH_INFO"], {"token": token})
    assert response.status_code == 302
    return response


def test_receipt_reaches_the_mail_server_in_the_residents_language(
    client, consultation, locales, smtp, django_capture_on_commit_callbacks
):
    urdu = translate_instance(
        instance=consultation,
        locale=locales["ur"],
        strings={"Draft resident engagement strategy": "رہائشیوں کی شمولیت کی حکمت عملی کا مسودہ"},
    )
    _respond(client, urdu, django_capture_on_commit_callbacks, language="ur")
    stored = Response.objects.get()
    assert len(smtp.messages) == 1
    message = smtp.messages[0]
    assert message["To"] == "ada@example.org"
    # The subject is encoded for the wire and decodes back to the Urdu title and the reference.
    assert "رہائشیوں کی شمولیت" in message["Subject"] and stored.reference in message["Subject"]
    body = message.get_content()
    assert stored.reference in body
    assert RespondentDetails.objects.get().receipt_sent_at is not None


def test_a_mail_server_that_is_down_does_not_lose_or_fail_the_response(
    client, consultation, smtp, settings, django_capture_on_commit_callbacks, caplog
):
    working_port, settings.EMAIL_PORT = settings.EMAIL_PORT, free_port()  # the relay is down
    response = _respond(client, consultation, django_capture_on_commit_callbacks)
    confirmation = client.get(response["Location"])
    stored = Response.objects.get()
    assert confirmation.status_code == 200 and stored.reference in confirmation.content.decode()
    assert RespondentDetails.objects.get().receipt_sent_at is None
    assert "Email not sent (receipt for" in caplog.text
    assert "ada@example.org" not in caplog.text  # no personal data in the logs
    # Once the relay is back, the retry command sends the receipt, once.
    settings.EMAIL_PORT = working_port
    call_command("send_pending_receipts", stdout=StringIO())
    call_command("send_pending_receipts", stdout=StringIO())
    assert [m["To"] for m in smtp.messages] == ["ada@example.org"]
    assert stored.reference in smtp.messages[0]["Subject"]
    assert RespondentDetails.objects.get().receipt_sent_at is not None


def test_resume_link_failure_is_explained_and_what_was_typed_kept(client, consultation, smtp_down):
    base = consultation.get_url()
    client.get(base + "respond/")
    token = token_of(client.get(base + "respond/responding-as/"))
    client.post(base + "respond/responding-as/", {"token": token, "respondent_type": "tenant"})
    client.post(
        base + "respond/section/about/", {"token": token, "q-tenant": "no", "save_for_later": "1"}
    )
    failed = client.post(base + "respond/save/", {"email": "me@example.org"})
    html = failed.content.decode()
    assert failed.status_code == 200
    assert "We could not send the email just now." in html
    assert 'value="me@example.org"' in html  # what was typed is kept


def test_outcome_emails_go_to_everyone_the_server_accepts_and_retry_the_rest(
    consultation, smtp, django_capture_on_commit_callbacks
):
    submit(consultation, wants_updates=True)
    submit(consultation, email="bounces@example.org", wants_updates=True)
    submit(consultation, email="quiet@example.org", wants_updates=False)
    smtp.refuse.add("bounces@example.org")
    consultation.opens_at = timezone.now() - timedelta(days=100)
    consultation.closes_at = timezone.now() - timedelta(days=10)
    consultation.outcome_published_at = timezone.now() - timedelta(days=1)
    consultation.outcome_summary = "<p>You said.</p>"
    with django_capture_on_commit_callbacks(execute=True):
        consultation.save_revision().publish()  # publishing succeeds though one is refused
    assert [m["To"] for m in smtp.messages] == ["ada@example.org"]
    assert "What we did after" in smtp.messages[0]["Subject"]
    assert consultation.url_path.split("/")[-2] in smtp.messages[0].get_content()
    refused = RespondentDetails.objects.get(email="bounces@example.org")
    assert refused.outcome_sent_at is None
    # The next daily run sends only what is still owed, once the address is accepted.
    smtp.refuse.clear()
    call_command("send_outcome_emails", stdout=StringIO())
    assert [m["To"] for m in smtp.messages] == ["ada@example.org", "bounces@example.org"]
    call_command("send_outcome_emails", stdout=StringIO())
    assert len(smtp.messages) == 2


def test_confirmation_says_the_copy_could_not_be_sent_yet_when_the_relay_is_down(
    client, consultation, smtp_down, django_capture_on_commit_callbacks
):
    response = _respond(client, consultation, django_capture_on_commit_callbacks)
    html = client.get(response["Location"]).content.decode()
    assert "We have sent a copy" not in html
    assert "We could not send a copy of your answers to ada@example.org just now." in html
    assert "keep trying to send the copy for up to a week" in html
    assert Response.objects.get().reference in html


def test_an_outcome_scheduled_for_later_is_emailed_in_urdu_by_the_daily_run_once_it_is_out(
    consultation, locales, smtp, django_capture_on_commit_callbacks
):
    title_ur = "رہائشیوں کی شمولیت کی حکمت عملی کا مسودہ"
    urdu = translate_instance(
        instance=consultation,
        locale=locales["ur"],
        strings={"Draft resident engagement strategy": title_ur},
    )
    details = submit(consultation, email="urdu@example.org", wants_updates=True).details
    Response.objects.filter(pk=details.response_id).update(language="ur")
    consultation.opens_at = timezone.now() - timedelta(days=100)
    consultation.closes_at = timezone.now() - timedelta(days=10)
    consultation.outcome_published_at = timezone.now() + timedelta(days=2)  # scheduled
    consultation.outcome_summary = "<p>You said.</p>"
    with django_capture_on_commit_callbacks(execute=True):
        consultation.save_revision().publish()
    call_command("send_outcome_emails", stdout=StringIO())
    assert smtp.messages == []  # not before the outcome is out
    # Two days later the outcome shows; the daily run sends it, once, in Urdu, to the Urdu page.
    type(consultation).objects.filter(pk=consultation.pk).update(
        outcome_published_at=timezone.now() - timedelta(minutes=1)
    )
    call_command("send_outcome_emails", stdout=StringIO())
    call_command("send_outcome_emails", stdout=StringIO())
    assert [m["To"] for m in smtp.messages] == ["urdu@example.org"]
    message = smtp.messages[0]
    assert message["Subject"].strip() == f"{title_ur} کے بعد ہم نے کیا کیا"  # folded on the wire
    assert urdu.url_path.split("/")[-2] in message.get_content()
    assert "/ur/" in message.get_content()
