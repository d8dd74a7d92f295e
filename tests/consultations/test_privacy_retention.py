"""The daily retention run deletes abandoned anonymous drafts, exactly at the cut-off."""

import re
import uuid
from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from consultations import services
from consultations.models import RespondentDetails, Response, ResponseDraft

from .test_exactly_once import VALID
from .test_privacy_sessions import save_for_later

pytestmark = pytest.mark.django_db


def draft_changed(consultation, *, ago: timedelta, user=None) -> ResponseDraft:
    draft = services.start_draft(consultation=consultation, user=user, language="en")
    draft.answers = {"tenant": "no"}
    draft.details = {"name": "Ada", "email": "ada@example.org"}
    draft.save()
    ResponseDraft.objects.filter(pk=draft.pk).update(updated_at=timezone.now() - ago)
    return draft


def kept(*drafts) -> list[bool]:
    return [ResponseDraft.objects.filter(pk=d.pk).exists() for d in drafts]


def test_anonymous_drafts_go_a_day_after_the_period_and_stay_a_day_before(
    consultation, settings, django_user_model
):
    settings.ANONYMOUS_DRAFT_RETENTION_DAYS = 28
    day_before = draft_changed(consultation, ago=timedelta(days=27))
    day_after = draft_changed(consultation, ago=timedelta(days=29))
    resident = django_user_model.objects.create_user("r", "r@example.org", "pw-pw-pw-123")
    signed_in = draft_changed(consultation, ago=timedelta(days=70), user=resident)
    response = services.submit_response(
        consultation=consultation,
        token=uuid.uuid4(),
        answers=VALID,
        language="en",
        details={"name": "Bo", "email": "bo@example.org"},
    ).response
    Response.objects.filter(pk=response.pk).update(submitted_at=timezone.now() - timedelta(days=60))
    out = StringIO()
    call_command("apply_retention", stdout=out)
    assert kept(day_before, day_after, signed_in) == [True, False, True]
    assert "1 abandoned anonymous drafts" in out.getvalue()
    # A sent response is not a draft: its answers and details stay (its consultation is open).
    stored = Response.objects.get()
    assert stored.answers == response.answers
    assert RespondentDetails.objects.get().email == "bo@example.org"
    # A signed-in resident's draft stays until the consultation closes, then goes too.
    ResponseDraft.objects.filter(pk=signed_in.pk).update(
        expires_at=timezone.now() - timedelta(seconds=1)
    )
    call_command("apply_retention", stdout=StringIO())
    assert kept(day_before, signed_in) == [True, False]


def test_the_cut_off_is_the_moment_the_period_ends(consultation, settings):
    settings.ANONYMOUS_DRAFT_RETENTION_DAYS = 28
    now = timezone.now()
    draft = draft_changed(consultation, ago=timedelta(0))
    ResponseDraft.objects.filter(pk=draft.pk).update(updated_at=now - timedelta(days=28))
    services.apply_retention(now=now - timedelta(seconds=1))
    assert kept(draft) == [True]  # one second short of 28 days
    counts = services.apply_retention(now=now)
    assert kept(draft) == [False] and counts["abandoned_drafts_deleted"] == 1


def test_a_resume_link_stops_when_its_draft_is_abandoned_and_the_email_says_when(
    consultation, settings
):
    settings.ANONYMOUS_DRAFT_RETENTION_DAYS = 28
    client = Client()
    saved = save_for_later(client, consultation, "me@example.org")
    assert "It works for 28 days after you last save answers" in (
        client.get(saved["Location"]).content.decode()
    )
    body = mail.outbox[0].body
    assert "keeps it working for 28 more days" in body
    link = re.search(r"http://testserver(\S+/respond/resume/\S+/)", body).group(1)
    assert Client().get(link).status_code == 302
    ResponseDraft.objects.update(updated_at=timezone.now() - timedelta(days=28, seconds=1))
    # Not yet deleted by the daily run, but already abandoned: the link no longer works.
    assert Client().get(link).status_code == 404
