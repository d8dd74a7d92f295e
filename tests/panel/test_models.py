"""Derived states (overdue actions, current members, minutes status) and the page-tree rules."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from panel import selectors
from panel.models import (
    ActionLogPage,
    ActionStatus,
    MeetingAction,
    MeetingIndexPage,
    MeetingPage,
    MemberRole,
    PanelMember,
    PanelMembersPage,
    PanelPage,
    PanelPapersPage,
)
from portal.models import StandardPage
from tests.panel.conftest import LONDON, add_meeting

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2025, 3, 10)


@pytest.mark.parametrize(
    ("due", "status", "overdue"),
    [
        (TODAY - datetime.timedelta(days=1), ActionStatus.NOT_STARTED, True),
        (TODAY - datetime.timedelta(days=1), ActionStatus.IN_PROGRESS, True),
        (TODAY, ActionStatus.NOT_STARTED, False),  # due today: still time
        (TODAY + datetime.timedelta(days=1), ActionStatus.IN_PROGRESS, False),
        (TODAY - datetime.timedelta(days=1), ActionStatus.DONE, False),
        (TODAY - datetime.timedelta(days=400), ActionStatus.DROPPED, False),
        (None, ActionStatus.NOT_STARTED, False),  # no due date: never overdue
    ],
)
def test_overdue_is_derived_from_due_date_and_status(panel_section, due, status, overdue):
    meeting = panel_section["past"]
    action = MeetingAction.objects.create(
        page=meeting, description="Check the lifts", owner="Estates", due_date=due, status=status
    )
    assert action.is_overdue(today=TODAY) is overdue
    # The queryset (used by the action log filter) agrees with the method.
    assert MeetingAction.objects.overdue(TODAY).filter(pk=action.pk).exists() is overdue
    log = selectors.action_log(panel=panel_section["panel"], status="overdue", today=TODAY)
    assert (action in log) is overdue


def test_action_counts_match_the_filters(panel_section):
    panel = panel_section["panel"]
    counts = selectors.action_counts(panel=panel, today=TODAY)
    assert counts["all"] == 2
    for status in ActionStatus.values:
        assert counts[status] == selectors.action_log(panel=panel, status=status).count()
    assert (
        counts["overdue"]
        == selectors.action_log(panel=panel, status="overdue", today=TODAY).count()
    )


def test_members_are_current_from_term_start_to_term_end_inclusive(db):
    member = PanelMember.objects.create(
        name="Ruth Cohen",
        role=MemberRole.TENANT,
        term_start=datetime.date(2024, 1, 1),
        term_end=datetime.date(2024, 12, 31),
    )
    for day, current in [
        (datetime.date(2023, 12, 31), False),
        (datetime.date(2024, 1, 1), True),
        (datetime.date(2024, 12, 31), True),
        (datetime.date(2025, 1, 1), False),
    ]:
        assert member.is_current(day) is current
        assert (member in PanelMember.objects.current(day)) is current
    assert member in PanelMember.objects.past(datetime.date(2025, 1, 1))
    assert member not in PanelMember.objects.past(datetime.date(2024, 12, 31))


def test_member_list_puts_the_chair_first(members):
    names = [m.name for m in selectors.current_members()]
    assert names == ["Amara Okafor", "Mehmet Yilmaz"]
    assert [m.name for m in selectors.past_members()] == ["Jan Kowalski"]


def test_member_validation_messages(db):
    member = PanelMember(
        name="X",
        role=MemberRole.OFFICER,
        term_start=datetime.date(2025, 1, 2),
        term_end=datetime.date(2025, 1, 1),
    )
    with pytest.raises(ValidationError) as error:
        member.full_clean()
    assert error.value.message_dict["term_end"] == [
        "The term must end on or after the day it starts."
    ]


def test_minutes_are_approved_only_at_a_later_meeting(panel_section):
    meeting = panel_section["past"]
    meeting.minutes_approved_on = meeting.start.astimezone(LONDON).date()
    with pytest.raises(ValidationError) as error:
        meeting.full_clean()
    assert "later meeting" in error.value.message_dict["minutes_approved_on"][0]

    upcoming = panel_section["upcoming"]
    upcoming.minutes_approved_on = datetime.date(2099, 1, 1)
    with pytest.raises(ValidationError) as error:
        upcoming.full_clean()
    assert error.value.message_dict["minutes_approved_on"] == [
        "Add the minutes before marking them approved."
    ]


def test_a_meeting_needs_a_place_or_online_and_must_end_after_it_starts(panel_section):
    meeting = panel_section["upcoming"]
    meeting.location = ""
    meeting.online = False
    meeting.end = meeting.start
    with pytest.raises(ValidationError) as error:
        meeting.full_clean()
    assert error.value.message_dict["location"] == [
        "Enter a place, or say that people can join online."
    ]
    assert error.value.message_dict["end"] == ["The meeting must end after it starts."]


def test_minutes_status(panel_section):
    assert panel_section["past"].minutes_are_approved
    draft = add_meeting(
        panel_section["index"],
        title="Winter",
        slug="winter",
        start=datetime.datetime(2024, 12, 1, 18, tzinfo=LONDON),
    )
    assert draft.minutes and not draft.minutes_are_approved


def test_page_tree_rules(home_page):
    assert PanelPage.can_create_at(home_page)
    panel = home_page.add_child(instance=PanelPage(title="Panel"))
    assert not PanelPage.can_create_at(home_page)  # one panel per home page (per language)
    assert set(PanelPage.allowed_subpage_models()) == {
        PanelMembersPage,
        MeetingIndexPage,
        ActionLogPage,
        PanelPapersPage,
    }
    assert MeetingPage.allowed_parent_page_models() == [MeetingIndexPage]
    assert set(MeetingPage.allowed_subpage_models()) == {PanelPapersPage}
    assert not MeetingPage.can_create_at(panel)
    assert not PanelPapersPage.can_create_at(home_page)
    assert not StandardPage.can_create_at(panel)
    index = panel.add_child(instance=MeetingIndexPage(title="Meetings"))
    assert not MeetingIndexPage.can_create_at(panel)
    assert MeetingPage.can_create_at(index)
