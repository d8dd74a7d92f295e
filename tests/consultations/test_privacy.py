"""Retention, erasure, resume links and outcome emails."""

import re
import uuid
from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from consultations import services
from consultations.models import ConsultationSettings, RespondentDetails, Response, ResponseDraft

from .test_exactly_once import VALID
from .test_journey import token_of

pytestmark = pytest.mark.django_db


def submit(page, **details):
    return services.submit_response(
        consultation=page,
        token=uuid.uuid4(),
        answers=VALID,
        language="en",
        details={"name": "Ada", "email": "ada@example.org", **details},
        check_open=False,
    ).response


def test_apply_retention_anonymises_details_after_the_period_and_keeps_answers(consultation):
    response = submit(consultation, address="1 Mare Street")
    settings = ConsultationSettings.load()
    settings.retention_days = 30
    settings.save()
    call_command("apply_retention", stdout=StringIO())
    assert RespondentDetails.objects.get().email == "ada@example.org"  # still open: kept
    consultation.closes_at = timezone.now() - timedelta(days=31)
    consultation.opens_at = timezone.now() - timedelta(days=100)
    consultation.save_revision().publish()
    call_command("apply_retention", stdout=StringIO())
    details = RespondentDetails.objects.get()
    assert (details.name, details.email, details.address) == ("", "", "")
    assert details.anonymised_at is not None
    assert Response.objects.get(pk=response.pk).answers == response.answers


def test_erase_respondent_removes_details_and_account_link(consultation, django_user_model):
    user = django_user_model.objects.create_user("r", "r@example.org", "pw-pw-pw-123")
    response = submit(consultation)
    response.respondent = user
    response.save()
    services.erase_respondent(response=response, erase_answers=True)
    response.refresh_from_db()
    assert response.respondent is None and response.answers == {}
    assert RespondentDetails.objects.get().email == ""
    assert Response.objects.count() == 1  # still counted


def test_anonymous_resume_link_by_email_expires_at_closing(client, consultation):
    base = consultation.get_url()
    client.get(base + "respond/")
    token = token_of(client.get(base + "respond/responding-as/"))
    client.post(base + "respond/responding-as/", {"token": token, "respondent_type": "tenant"})
    response = client.post(
        base + "respond/section/about/", {"token": token, "q-tenant": "no", "save_for_later": "1"}
    )
    assert response["Location"].endswith("/respond/save/")
    bad = client.post(base + "respond/save/", {"email": "nope"})
    assert "like name@example.com" in bad.content.decode()
    client.post(base + "respond/save/", {"email": "me@example.org"})
    assert len(mail.outbox) == 1
    link = re.search(r"http://testserver(\S+/respond/resume/\S+/)", mail.outbox[0].body).group(1)
    assert ResponseDraft.objects.get().resume_key_hash not in mail.outbox[0].body
    other = client.__class__()
    resumed = other.get(link)
    assert resumed.status_code == 302 and resumed["Location"].endswith("/respond/section/views/")
    assert 'value="no" checked' in other.get(base + "respond/section/about/").content.decode()
    ResponseDraft.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert client.__class__().get(link).status_code == 404


def test_outcome_email_sent_once_to_those_who_asked(
    consultation, django_capture_on_commit_callbacks
):
    submit(consultation, wants_updates=True)
    submit(consultation, email="quiet@example.org", wants_updates=False)
    consultation.opens_at = timezone.now() - timedelta(days=100)
    consultation.closes_at = timezone.now() - timedelta(days=10)
    consultation.outcome_published_at = timezone.now() - timedelta(days=1)
    consultation.outcome_summary = "<p>You said.</p>"
    with django_capture_on_commit_callbacks(execute=True):
        consultation.save_revision().publish()
    assert [m.to for m in mail.outbox] == [["ada@example.org"]]
    call_command("send_outcome_emails", stdout=StringIO())
    assert len(mail.outbox) == 1
