"""Every staff tool serves on the demo content, on whichever database the suite runs on.

``make test`` runs it on the embedded SQLite default as well as PostgreSQL (and it is marked
smoke, for ``pytest -m smoke``): the free-text page once failed on SQLite for every field
("malformed JSON") while PostgreSQL hid it.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from consultations.analysis.questions import free_text_fields, survey_questions
from consultations.models import AnswerTheme, ConsultationPage, Response, Theme
from portal.roles import CONSULTATION_ANALYSTS

pytestmark = [pytest.mark.django_db, pytest.mark.smoke]


def ok(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response


def test_every_staff_tool_serves_for_every_consultation_of_the_demo(
    demo_content, client, admin_user
):
    """Analysts' pages, coding, erasure and outcomes, for every consultation of the demo."""
    analyst = get_user_model().objects.create_user("demo-analyst", "analyst@example.org", "pw")
    analyst.groups.add(Group.objects.get(name=CONSULTATION_ANALYSTS))
    client.force_login(analyst)
    check_analyst_pages(client)
    check_coding_and_erasure(client)
    client.force_login(admin_user)
    for page in ConsultationPage.objects.all():  # the editor with the Outcome tab
        ok(client, reverse("wagtailadmin_pages:edit", args=[page.pk]))


def check_analyst_pages(client):
    index = ok(client, reverse("consultation_responses:index")).content.decode()
    answered = 0
    for page in ConsultationPage.objects.all():
        canonical = page.canonical()
        results = reverse("consultation_responses:results", args=[page.pk])
        free_text = reverse("consultation_responses:free_text", args=[page.pk])
        assert canonical.title in ok(client, results).content.decode()
        ok(client, free_text)
        if page != canonical:  # a translation shows its canonical page's tools, checked below
            continue
        assert canonical.title in index
        for by in ("language", "channel", "estate"):
            ok(client, f"{results}?by={by}")
        ok(client, reverse("consultation_responses:enter", args=[page.pk]))
        for fmt in ("csv", "xlsx"):
            export = ok(client, reverse("consultation_responses:export", args=[page.pk, fmt]))
            assert b"".join(export.streaming_content if export.streaming else [export.content])
        fields = free_text_fields(survey_questions(consultation=canonical))
        for field in fields:
            ok(client, f"{free_text}?field={field['key']}")
            ok(client, f"{free_text}?field={field['key']}&q=repairs")
        if Response.objects.filter(consultation=canonical).exists():
            answered += 1
            assert fields, f"{page.title} has responses and free-text questions"
    # The demo story has two consultations with responses (open and closed), both checked.
    assert answered >= 2


def check_coding_and_erasure(client):
    for page in ConsultationPage.objects.filter(responses__isnull=False).distinct():
        field = free_text_fields(survey_questions(consultation=page))[0]
        url = reverse("consultation_responses:free_text", args=[page.pk])
        listed = ok(client, f"{url}?field={field['key']}").context["answers"].object_list
        assert listed, f"{page.title}: {field['key']} lists its answers"
        added = client.post(url, {"action": "add_theme", "name": "Demo theme", "description": ""})
        assert added.status_code == 302
        theme = Theme.objects.get(consultation=page, name="Demo theme")
        coded = client.post(
            url, {"response": listed[0].pk, "themes": [theme.pk], "field": field["key"]}
        )
        assert coded.status_code == 302
        assert AnswerTheme.objects.filter(
            response=listed[0], theme=theme, question_id=field["key"]
        ).exists()
        filtered = ok(client, f"{url}?field={field['key']}&theme={theme.pk}")
        assert [r.pk for r in filtered.context["answers"].object_list] == [listed[0].pk]

    response = Response.objects.filter(details__isnull=False).first()
    erase = reverse("consultation_responses:erase")
    assert response.reference in ok(client, f"{erase}?q={response.reference}").content.decode()
    assert client.post(erase, {"response": response.pk}).status_code == 302
