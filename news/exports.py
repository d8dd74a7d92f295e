"""The staff download of event replies (personal data): CSV or XLSX, streamed, audited.

Only staff who can see replies in the admin (``news.view_eventrsvp``, held by the Comms roles;
see ``news.permissions``) may download them. Every download is written to the audit log against
each event it contains: who, when, which format, how many replies. Cells go through
``portal.spreadsheets``, so a name like ``=HYPERLINK(...)`` opens as text.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, QuerySet
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET
from wagtail.log_actions import log

from news.models import EventPage, EventRSVP
from portal import audit, spreadsheets

EXPORT_RSVPS_ACTION = "news.export_rsvps"
EXPORT_PERMISSION = "news.view_eventrsvp"
FORMATS = ("csv", "xlsx")
CHUNK_SIZE = 1000


class ExportFilterForm(forms.Form):
    """The same filter as the replies list: one event, or all of them."""

    event = forms.ModelChoiceField(
        queryset=EventPage.objects.all(),
        required=False,
        error_messages={"invalid_choice": gettext_lazy("That event no longer exists.")},
    )


def headers() -> list[str]:
    return [
        _("Event"),
        _("Event starts"),
        _("Name"),
        _("Email address"),
        _("Number attending"),
        _("Access needs"),
        _("Language"),
        _("Replied at"),
    ]


def rows(replies: QuerySet[EventRSVP]) -> Iterator[list[Any]]:
    for reply in replies.iterator(chunk_size=CHUNK_SIZE):
        yield [
            reply.event.title,
            reply.event.start,
            reply.name,
            reply.email,
            reply.places,
            reply.access_needs,
            reply.language_code,
            reply.created_at,
        ]


def replies_to_export(event: EventPage | None) -> QuerySet[EventRSVP]:
    replies = EventRSVP.objects.select_related("event").order_by("event__start", "created_at")
    return replies.filter(event=event) if event is not None else replies


def audit_rsvp_export(*, request, replies: QuerySet[EventRSVP], file_format: str) -> None:
    """Record who downloaded which events' replies, in which format, and how many: in each
    event's history (Wagtail's log, beside its edits) and once in the security audit log."""
    counts = replies.order_by().values("event").annotate(count=Count("pk"))
    events = EventPage.objects.in_bulk([row["event"] for row in counts])
    for row in counts:
        log(
            instance=events[row["event"]],
            action=EXPORT_RSVPS_ACTION,
            user=request.user,
            data={"count": row["count"], "format": file_format},
        )
    audit.record(
        audit.Action.PERSONAL_DATA_EXPORTED,
        user=request.user,
        request=request,
        kind="event_replies",
        format=file_format,
        rows=sum(row["count"] for row in counts),
        events=sorted(events),
    )


def export_filename(event: EventPage | None, extension: str) -> str:
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    scope = f"{event.slug[:40]}-" if event is not None else ""
    return f"event-replies-{scope}{stamp}.{extension}"


@require_GET
def export_rsvps(request, file_format: str):
    if file_format not in FORMATS:
        raise Http404
    if not request.user.has_perm(EXPORT_PERMISSION):
        raise PermissionDenied
    form = ExportFilterForm(request.GET)
    if not form.is_valid():
        for error in form.errors.get("event", []):
            messages.error(request, error)
        return redirect(reverse("wagtailsnippets_news_eventrsvp:list"))
    event = form.cleaned_data["event"]
    replies = replies_to_export(event)
    audit_rsvp_export(request=request, replies=replies, file_format=file_format)
    filename = export_filename(event, file_format)
    if file_format == "csv":
        return spreadsheets.csv_response(headers=headers(), rows=rows(replies), filename=filename)
    return spreadsheets.xlsx_response(
        headers=headers(), rows=rows(replies), filename=filename, sheet_name=_("Event replies")
    )
