"""A panel section built in code: panel page, members, meetings with minutes and actions."""

import datetime
import zoneinfo

import pytest
from django.contrib.auth.models import Group
from django.utils import translation
from wagtail.models import Page

from panel import models as panel_models
from portal.roles import PANEL_MEMBERS, PANEL_SECRETARY

LONDON = zoneinfo.ZoneInfo("Europe/London")


@pytest.fixture(autouse=True)
def english():
    """Messages checked outside a request are in English, whatever an earlier test activated."""
    with translation.override("en"):
        yield


def publish(page: Page) -> Page:
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def add_meeting(index, *, title, start, minutes=True, approved_on=None, actions=(), **fields):
    meeting = panel_models.MeetingPage(
        title=title,
        start=start,
        end=start + datetime.timedelta(hours=2),
        location="Hackney Town Hall, Committee Room 1",
        minutes=(
            [
                {
                    "type": "item",
                    "value": {
                        "title": "Repairs backlog",
                        "discussion": "<p>The panel discussed the repairs backlog.</p>",
                        "decisions": ["Ask for a monthly report on repairs older than 3 months"],
                    },
                }
            ]
            if minutes
            else []
        ),
        minutes_approved_on=approved_on,
        **fields,
    )
    for action in actions:
        meeting.actions.add(panel_models.MeetingAction(**action))
    index.add_child(instance=meeting)
    return publish(meeting)


@pytest.fixture
def members(db):
    today = datetime.date.today()
    return {
        "chair": panel_models.PanelMember.objects.create(
            name="Amara Okafor",
            role=panel_models.MemberRole.CHAIR,
            biography="Chairs the panel.",
            term_start=today - datetime.timedelta(days=400),
            declarations_of_interest="Board member of a housing charity.",
        ),
        "tenant": panel_models.PanelMember.objects.create(
            name="Mehmet Yilmaz",
            role=panel_models.MemberRole.TENANT,
            term_start=today - datetime.timedelta(days=300),
            term_end=today + datetime.timedelta(days=300),
        ),
        "past": panel_models.PanelMember.objects.create(
            name="Jan Kowalski",
            role=panel_models.MemberRole.LEASEHOLDER,
            term_start=today - datetime.timedelta(days=800),
            term_end=today - datetime.timedelta(days=1),
        ),
    }


@pytest.fixture
def panel_section(home_page, members):
    """The panel tree in English, published, with one past and one upcoming meeting."""
    panel = home_page.add_child(
        instance=panel_models.PanelPage(
            title="Housing Advisory Panel",
            slug="panel",
            introduction="Independent experts and residents who scrutinise the housing service.",
            terms_of_reference="<p>The panel meets four times a year.</p>",
            raise_an_issue="<p>Email the panel secretary.</p>",
        )
    )
    publish(panel)
    members_page = publish(panel.add_child(instance=panel_models.PanelMembersPage(title="Members")))
    index = publish(
        panel.add_child(instance=panel_models.MeetingIndexPage(title="Meetings", slug="meetings"))
    )
    action_log = publish(panel.add_child(instance=panel_models.ActionLogPage(title="Action log")))
    now = datetime.datetime.now(tz=LONDON)
    past = add_meeting(
        index,
        title="Panel meeting, spring",
        slug="spring",
        start=now - datetime.timedelta(days=60),
        approved_on=(now - datetime.timedelta(days=10)).date(),
        actions=[
            {
                "description": "Publish the damp and mould action plan",
                "owner": "Head of Repairs",
                "due_date": (now - datetime.timedelta(days=5)).date(),
                "status": panel_models.ActionStatus.IN_PROGRESS,
            },
            {
                "description": "Report repairs older than three months",
                "owner": "Repairs performance team",
                "due_date": (now - datetime.timedelta(days=30)).date(),
                "status": panel_models.ActionStatus.DONE,
            },
        ],
    )
    panel_models.MeetingAttendance.objects.create(page=past, member=members["chair"])
    panel_models.MeetingAttendance.objects.create(
        page=past, member=members["tenant"], kind=panel_models.AttendanceKind.APOLOGIES
    )
    upcoming = add_meeting(
        index,
        title="Panel meeting, autumn",
        slug="autumn",
        start=now + datetime.timedelta(days=20),
        minutes=False,
    )
    papers = panel.add_child(
        instance=panel_models.PanelPapersPage(
            title="Confidential briefing on disrepair claims",
            slug="members-papers",
            introduction="Legal advice on disrepair claims.",
        )
    )
    publish(papers)
    return {
        "panel": panel,
        "members_page": members_page,
        "index": index,
        "action_log": action_log,
        "past": past,
        "upcoming": upcoming,
        "papers": papers,
    }


def make_user(django_user_model, username, *groups, **extra):
    user = django_user_model.objects.create_user(
        username=username, email=f"{username}@example.org", password="a-long-passphrase", **extra
    )
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


@pytest.fixture
def panel_member(django_user_model, panel_section):
    return make_user(django_user_model, "member", PANEL_MEMBERS)


@pytest.fixture
def secretary(django_user_model, panel_section):
    return make_user(django_user_model, "secretary", PANEL_SECRETARY)


@pytest.fixture
def resident(django_user_model, db):
    return make_user(django_user_model, "resident")
