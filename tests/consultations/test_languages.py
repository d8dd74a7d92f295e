"""Answers from any language land on the same question ids and option values."""

import pytest
from django.test import Client

from consultations.models import Response
from portal.translation import translate_instance

from .test_journey import GOOD_ANSWERS, walk

pytestmark = pytest.mark.django_db

URDU = {
    "Draft resident engagement strategy": "رہائشیوں کی شمولیت کی حکمت عملی کا مسودہ",
    "Do you live in a council home?": "کیا آپ کونسل کے گھر میں رہتے ہیں؟",
    "More meetings": "مزید میٹنگز",
    "Your views": "آپ کی رائے",
}


@pytest.fixture
def urdu_consultation(consultation, locales):
    return translate_instance(instance=consultation, locale=locales["ur"], strings=URDU)


def test_full_journey_in_urdu_stores_same_ids_and_values(client, consultation, urdu_consultation):
    assert urdu_consultation.get_url().startswith("/ur/")
    first = client.get(urdu_consultation.get_url() + "respond/section/about/", follow=True)
    check, token = walk(client, urdu_consultation)
    html = check.content.decode()
    assert 'lang="ur" dir="rtl"' in html
    assert "کیا آپ کونسل کے گھر میں رہتے ہیں؟" in html  # the question label, translated
    assert "Check your answers before sending your response" not in html  # interface in Urdu
    response = client.post(check.request["PATH_INFO"], {"token": token})
    assert response["Location"].startswith("/ur/")
    confirmation = client.get(response["Location"]).content.decode()
    stored = Response.objects.get()
    assert stored.reference in confirmation
    assert stored.language == "ur"
    assert stored.consultation_id == consultation.pk  # the source page: results combine
    assert stored.answers["how"] == "other" and stored.answers["topics"] == ["online", "panel"]
    assert stored.answers["tenant"] == "yes"
    assert first.status_code == 200


def test_urdu_error_messages_are_translated(client, urdu_consultation):
    base = urdu_consultation.get_url()
    client.get(base + "respond/")
    from .test_journey import token_of

    token = token_of(client.get(base + "respond/responding-as/"))
    html = client.post(base + "respond/section/about/", {"token": token}).content.decode()
    assert 'id="q-tenant-error"' in html
    assert "Select an answer" not in html and "There is a problem" not in html
    # The message names the question, in Urdu, beside the field and in the summary.
    named = "“کیا آپ کونسل کے گھر میں رہتے ہیں؟” کا کوئی جواب منتخب کریں۔"
    assert html.count(named) == 2


def test_english_and_urdu_answers_combine(consultation, urdu_consultation):
    for page in (consultation, urdu_consultation):  # two residents, one in each language
        resident = Client()
        check, token = walk(resident, page)
        resident.post(check.request["PATH_INFO"], {"token": token})
    assert Response.objects.filter(consultation=consultation).count() == 2
    assert set(Response.objects.values_list("language", flat=True)) == {"en", "ur"}
    # The same posted values produced the same stored values, keyed by question id and option
    # value whatever the language of the page.
    first, second = Response.objects.order_by("pk")
    assert first.answers == second.answers
    posted_choice = GOOD_ANSWERS["views"]["q-how"]
    assert first.answers["how"] == posted_choice and second.answers["how"] == posted_choice
