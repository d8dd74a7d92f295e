"""Themes as columns and special category data in exports, through the admin's export page."""

import csv
import io

import openpyxl
import pytest
from django.urls import reverse
from wagtail.models import PageLogEntry

from consultations.models import AnswerTheme, Theme
from portal.models import AuditEvent
from tests.consultations.test_analysis import respond

pytestmark = pytest.mark.django_db
LIFTS = "Any other comments?: theme “Lifts”"
REPAIRS = "Any other comments?: theme “Repairs”"
AGE = "Your age group"


@pytest.fixture
def coded(consultation):
    lifts = Theme.objects.create(consultation=consultation, name="Lifts")
    repairs = Theme.objects.create(consultation=consultation, name="Repairs")
    Theme.objects.create(consultation=consultation, name="Never used")
    first = respond(consultation, comments="Lift broken, repairs slow", age="prefer_not_to_say")
    second = respond(consultation, comments="Lift broken")
    respond(consultation)  # no comment: blank theme cells
    for response, theme in ((first, lifts), (first, repairs), (second, lifts)):
        AnswerTheme.objects.create(response=response, theme=theme, question_id="comments")
    return consultation


def export(client, page, **data):
    url = reverse("consultation_responses:export_page", args=[page.pk])
    return client.post(url, {"format": "csv", **data})


def csv_rows(response):
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def test_csv_has_one_column_per_theme_used_on_each_free_text_question(client, coded, coder):
    headers, *rows = csv_rows(export(client, coded))
    assert headers.index(LIFTS) == headers.index("Any other comments?") + 1
    assert not any("Never used" in h for h in headers)
    assert [(row[headers.index(LIFTS)], row[headers.index(REPAIRS)]) for row in rows] == [
        ("1", "1"),
        ("1", "0"),
        ("", ""),
    ]


def test_xlsx_has_the_theme_columns_as_numbers(client, coded, coder):
    response = export(client, coded, format="xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    headers, *rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert [(r[headers.index(LIFTS)], r[headers.index(REPAIRS)]) for r in rows] == [
        (1, 1),
        (1, 0),
        (None, None),
    ]


def test_equality_answers_are_left_out_unless_asked_for_with_a_reason(client, coded, coder):
    page = client.get(reverse("consultation_responses:export_page", args=[coded.pk]))
    text = page.content.decode()
    assert "never holds names, email addresses or postal addresses" in text
    assert AGE in text  # the page names the special category questions
    headers, *_rows = csv_rows(export(client, coded))
    assert AGE not in headers
    entry = PageLogEntry.objects.get(action="consultations.export")
    assert entry.data == {"format": "csv", "responses": 3}
    # Ticked without a reason: refused, with the message next to the field, and no file.
    refused = export(client, coded, include_special_category="on", reason="   ")
    assert refused.status_code == 200 and not refused.streaming
    assert "Give the reason this file needs equality-monitoring answers." in (
        refused.content.decode()
    )
    assert PageLogEntry.objects.filter(action="consultations.export").count() == 1
    # With a reason: included, and the reason is in the audit log with the export.
    reason = "Equality impact assessment for the strategy"
    headers, first, *_rest = csv_rows(
        export(client, coded, include_special_category="on", reason=reason)
    )
    assert first[headers.index(AGE)] == "Prefer not to say"
    entry = PageLogEntry.objects.filter(action="consultations.export").latest("timestamp")
    assert entry.data == {
        "format": "csv",
        "responses": 3,
        "special_category": True,
        "reason": reason,
    }
    assert entry.user == coder
    # The security audit log has both downloads: the facts, never the free-text reason.
    security = AuditEvent.objects.filter(action="personal_data_exported").order_by("pk")
    assert [(e.user, e.details["special_category"], e.details["rows"]) for e in security] == [
        (coder, False, 3),
        (coder, True, 3),
    ]
    assert all(reason not in str(e.details) for e in security)


def test_the_direct_download_never_carries_equality_answers(client, coded, coder):
    response = client.get(reverse("consultation_responses:export", args=[coded.pk, "csv"]))
    headers, *_rows = csv_rows(response)
    assert AGE not in headers and LIFTS in headers
