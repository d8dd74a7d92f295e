from .meetings import (
    OPEN_STATUSES,
    ActionStatus,
    AttendanceKind,
    MeetingAction,
    MeetingAttendance,
    MeetingIndexPage,
    MeetingPage,
)
from .members import MemberRole, PanelMember
from .pages import ActionLogPage, PanelMembersPage, PanelPage, PanelPapersPage

__all__ = [
    "OPEN_STATUSES",
    "ActionLogPage",
    "ActionStatus",
    "AttendanceKind",
    "MeetingAction",
    "MeetingAttendance",
    "MeetingIndexPage",
    "MeetingPage",
    "MemberRole",
    "PanelMember",
    "PanelMembersPage",
    "PanelPage",
    "PanelPapersPage",
]
