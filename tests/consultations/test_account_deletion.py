"""Deleting a resident's account: sent responses still count, nothing personal is left."""

import uuid

import pytest
from django.contrib.auth import get_user_model

from consultations import services
from consultations.models import RespondentDetails, Response, ResponseDraft
from tests.consultations.conftest import make_consultation
from tests.consultations.test_analysis import answers

pytestmark = pytest.mark.django_db


def test_deleting_an_account_keeps_answers_and_erases_details_drafts_and_the_link(
    client, consultation, consultation_index
):
    resident = get_user_model().objects.create_user("amina", "amina@example.org", "pw")
    other = get_user_model().objects.create_user("bilal", "bilal@example.org", "pw")
    sent = services.submit_response(
        consultation=consultation,
        token=uuid.uuid4(),
        answers=answers(comments="Please fix the lifts"),
        language="ur",
        respondent=resident,
        details={"name": "Amina Khan", "email": "amina@example.org", "address": "1 Pembury"},
        send_receipt=False,
    ).response
    theirs = services.submit_response(
        consultation=consultation,
        token=uuid.uuid4(),
        answers=answers(),
        language="en",
        respondent=other,
        details={"name": "Bilal", "email": "bilal@example.org"},
        send_receipt=False,
    ).response
    second = make_consultation(consultation_index, slug="second")
    ResponseDraft.objects.create(
        consultation=second,
        user=resident,
        answers={"comments": "half written"},
        details={"name": "Amina Khan"},
        expires_at=second.closes_at,
    )

    client.force_login(resident)
    assert client.post("/en/accounts/delete/", {"confirm": "on"})["Location"] == "/en/"

    sent.refresh_from_db()
    assert sent.answers["comments"] == "Please fix the lifts"  # the response still counts
    assert sent.respondent_id is None and sent.account_key is None
    details = RespondentDetails.objects.get(response=sent)
    assert (details.name, details.email, details.address) == ("", "", "")
    assert details.anonymised_at is not None
    assert not ResponseDraft.objects.filter(answers__comments="half written").exists()
    # Someone else's response is untouched.
    theirs.refresh_from_db()
    assert theirs.respondent == other and theirs.details.email == "bilal@example.org"
    assert Response.objects.count() == 2
