"""What residents see on the panel's public pages, with bounded query counts."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from panel.models import ActionStatus, MeetingAction, MemberRole, PanelMember
from tests.panel.conftest import LONDON, add_meeting
from tests.portal.test_query_budget import QUERY_BUDGET

pytestmark = pytest.mark.django_db


def query_count(client, url) -> int:
    client.get(url)  # the first request builds the cached site fragments
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    assert len(queries) <= QUERY_BUDGET, url
    return len(queries)


def html_of(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, url
    return response.content.decode()


def test_panel_page_explains_the_panel_and_links_its_section(client, panel_section):
    html = html_of(client, panel_section["panel"].url)
    assert html.count("<h1") == 1
    assert "Independent experts and residents who scrutinise" in html
    assert "Terms of reference" in html and "The panel meets four times a year." in html
    assert "Raise an issue with the panel" in html and "Email the panel secretary." in html
    assert "Next meeting" in html and panel_section["upcoming"].url in html
    for key in ("members_page", "index", "action_log"):
        assert f'href="{panel_section[key].url}"' in html


def test_member_list_shows_current_and_past_members(
    client, panel_section, django_assert_max_num_queries
):
    for i in range(10):
        PanelMember.objects.create(
            name=f"Tenant {i}", role=MemberRole.TENANT, term_start=datetime.date(2024, 1, 1)
        )
    client.get(panel_section["members_page"].url)  # builds the cached site fragments
    with django_assert_max_num_queries(QUERY_BUDGET):
        html = html_of(client, panel_section["members_page"].url)
    current, past = html.split("Past members")
    assert current.index("Amara Okafor") < current.index("Mehmet Yilmaz")
    assert "Board member of a housing charity." in current
    assert "Chair" in current and "Tenant 9" in current
    assert "Jan Kowalski" in past and "Jan Kowalski" not in current
    # Dates in GOV.UK style, not Django's US default ("Jan. 1, 2024").
    assert "Member since 1 January 2024" in current


def test_meetings_index_splits_upcoming_and_past_and_archives_by_year(client, panel_section):
    index = panel_section["index"]
    add_meeting(
        index,
        title="Launch meeting",
        slug="launch",
        start=datetime.datetime(2023, 5, 4, 18, tzinfo=LONDON),
    )
    html = html_of(client, index.url)
    upcoming, recent = html.split("Recent meetings")
    assert "Panel meeting, autumn" in upcoming and "Panel meeting, spring" not in upcoming
    assert "Panel meeting, spring" in recent
    assert f'href="{index.url}2023/"' in html
    year_html = html_of(client, f"{index.url}2023/")
    assert "Meetings in 2023" in year_html and "Launch meeting" in year_html
    assert "Panel meeting, spring" not in year_html
    assert client.get(f"{index.url}1999/").status_code == 404


def test_meetings_index_query_count_does_not_grow_with_meetings(client, panel_section):
    index_url = panel_section["index"].url
    few = query_count(client, index_url)
    for i in range(15):
        add_meeting(
            panel_section["index"],
            title=f"Meeting {i}",
            slug=f"meeting-{i}",
            start=datetime.datetime(2022, 1, 1 + i, 18, tzinfo=LONDON),
        )
    assert query_count(client, index_url) == few
    year_url = f"{index_url}2022/"
    add_meeting(
        panel_section["index"],
        title="Meeting in 2021",
        slug="meeting-2021",
        start=datetime.datetime(2021, 3, 1, 18, tzinfo=LONDON),
    )
    assert query_count(client, f"{index_url}2021/") == query_count(client, year_url)
    assert "Meeting 14" in html_of(client, year_url)


def test_meeting_page_shows_details_attendance_minutes_and_actions(client, panel_section):
    html = html_of(client, panel_section["past"].url)
    assert "Hackney Town Hall, Committee Room 1" in html
    present, apologies = html.split(">Apologies<")
    assert "Amara Okafor" in present and "Mehmet Yilmaz" in apologies
    assert "Approved on" in html and "Draft, subject to approval" not in html
    assert "The panel discussed the repairs backlog." in html
    assert "Ask for a monthly report on repairs older than 3 months" in html
    assert "Publish the damp and mould action plan" in html
    assert "Overdue" in html  # in progress and due five days ago


def test_draft_minutes_are_marked_subject_to_approval(client, panel_section):
    draft = add_meeting(
        panel_section["index"],
        title="Winter meeting",
        slug="winter",
        start=datetime.datetime.now(tz=LONDON) - datetime.timedelta(days=3),
    )
    html = html_of(client, draft.url)
    assert "Draft, subject to approval" in html and "Approved on" not in html


def test_action_log_lists_every_action_and_filters_by_status(client, panel_section):
    log = panel_section["action_log"]
    html = html_of(client, log.url)
    assert "Publish the damp and mould action plan" in html
    assert "Report repairs older than three months" in html
    assert "All (2)" in html and "Overdue (1)" in html and "Done (1)" in html
    done = html_of(client, log.url, status=ActionStatus.DONE)
    assert "Report repairs older than three months" in done
    assert "Publish the damp and mould" not in done
    overdue = html_of(client, log.url, status="overdue")
    assert "Publish the damp and mould action plan" in overdue
    assert "Report repairs older than three months" not in overdue
    # A made-up filter shows everything rather than an error.
    assert "Report repairs older" in html_of(client, log.url, status="<script>", page="x")


def test_action_log_query_count_does_not_grow_with_actions(client, panel_section):
    url = panel_section["action_log"].url
    few = query_count(client, url)
    for i in range(12):
        meeting = add_meeting(
            panel_section["index"],
            title=f"Meeting {i}",
            slug=f"meeting-{i}",
            start=datetime.datetime(2022, 1, 1 + i, 18, tzinfo=LONDON),
        )
        for j in range(4):
            MeetingAction.objects.create(
                page=meeting, description=f"Action {i}.{j}", owner="Officer"
            )
    assert query_count(client, url) == few
    assert "Action 11.3" in html_of(client, url)


def test_home_page_shows_the_next_panel_meeting(client, panel_section):
    html = html_of(client, "/en/")
    assert "Housing Advisory Panel" in html
    assert panel_section["upcoming"].url in html
