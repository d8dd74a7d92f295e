"""Reads for the panel's public pages. Everything here shows live, public pages only.

Inline rows (actions, attendance) exist in the database for drafts and private meetings too,
so every query over them is constrained to meetings from ``public_meetings``.
"""

import datetime

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from panel.models import (
    OPEN_STATUSES,
    ActionStatus,
    AttendanceKind,
    MeetingAction,
    MeetingIndexPage,
    MeetingPage,
    PanelMember,
    PanelPage,
    PanelPapersPage,
)

OVERDUE = "overdue"
RECENT_PAST_MEETINGS = 6


# --- Members ------------------------------------------------------------------------------------


def _members():
    return PanelMember.objects.select_related("photo").prefetch_related("photo__renditions")


def current_members(*, on: datetime.date | None = None):
    return _members().current(on).in_listing_order()


def past_members(*, on: datetime.date | None = None):
    return _members().past(on).order_by("-term_end", "name")


# --- Meetings -----------------------------------------------------------------------------------


def public_meetings():
    return MeetingPage.objects.live().public()


def _meetings_under(page):
    return public_meetings().descendant_of(page).defer_streamfields()


def next_meeting(*, panel: PanelPage) -> MeetingPage | None:
    return _meetings_under(panel).filter(start__gte=timezone.now()).order_by("start").first()


def upcoming_meetings(*, index: MeetingIndexPage):
    return _meetings_under(index).filter(start__gte=timezone.now()).order_by("start")


def past_meetings(*, index: MeetingIndexPage, limit: int = RECENT_PAST_MEETINGS):
    return _meetings_under(index).filter(start__lt=timezone.now()).order_by("-start")[:limit]


def meeting_years(*, index: MeetingIndexPage) -> list[int]:
    """Years (in London time) that have at least one public meeting, newest first."""
    return [
        moment.year for moment in _meetings_under(index).datetimes("start", "year", order="DESC")
    ]


def meetings_in_year(*, index: MeetingIndexPage, year: int):
    return _meetings_under(index).filter(start__year=year).order_by("start")


def meeting_attendances(*, meeting: MeetingPage) -> dict[str, list]:
    """Members present and members who sent apologies, for a meeting (or its preview)."""
    present, apologies = [], []
    for attendance in meeting.attendances.all().select_related("member"):
        if attendance.kind == AttendanceKind.APOLOGIES:
            apologies.append(attendance.member)
        else:
            present.append(attendance.member)
    return {"present": present, "apologies": apologies}


def meeting_actions(*, meeting: MeetingPage) -> list[MeetingAction]:
    return list(meeting.actions.all())


def private_papers_for(*, request, parent) -> list[PanelPapersPage]:
    """Members-only papers pages under ``parent`` that this visitor is allowed to open.

    Listed only for people who may read them, so a resident never even sees their titles.
    """
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return []
    pages = list(PanelPapersPage.objects.child_of(parent).live().order_by("path"))
    return [
        page
        for page in pages
        if all(restriction.accept_request(request) for restriction in page.get_view_restrictions())
    ]


# --- Action log ---------------------------------------------------------------------------------


def action_filter_choices() -> list[tuple[str, str]]:
    return [(OVERDUE, _("Overdue")), *ActionStatus.choices]


def parse_action_filter(value: str | None) -> str | None:
    """A status value, ``"overdue"``, or None (show all) for anything else."""
    valid = {OVERDUE, *ActionStatus.values}
    return value if value in valid else None


def _actions_under(panel: PanelPage):
    return MeetingAction.objects.filter(page__in=_meetings_under(panel).values("pk"))


def action_log(*, panel: PanelPage, status: str | None = None, today: datetime.date | None = None):
    """Actions from every public meeting of the panel, newest meeting first."""
    actions = _actions_under(panel)
    if status == OVERDUE:
        actions = actions.overdue(today)
    elif status:
        actions = actions.with_status(status)
    return actions.select_related("page").order_by("-page__start", "page_id", "sort_order", "pk")


def action_counts(*, panel: PanelPage, today: datetime.date | None = None) -> dict[str, int]:
    """How many actions have each status, how many are overdue, and the total, in one query."""
    today = today or timezone.localdate()
    aggregates = {status: Count("pk", filter=Q(status=status)) for status in ActionStatus.values}
    aggregates[OVERDUE] = Count("pk", filter=Q(status__in=OPEN_STATUSES, due_date__lt=today))
    aggregates["all"] = Count("pk")
    return _actions_under(panel).aggregate(**aggregates)


def panel_for_home(*, home) -> PanelPage | None:
    return PanelPage.objects.live().public().child_of(home).first()
