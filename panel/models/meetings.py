"""Meetings: the index of meetings and each meeting with its agenda, papers and minutes.

Actions and attendance are inline models (not StreamField) so the action log can query every
action from every meeting; like all inline models of a page, their rows are what the page's
last save wrote, so readers must go through ``panel.selectors`` (live, public meetings only).
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, PageManager
from wagtail.search import index

from panel.blocks import AgendaBlock, MinutesBlock, PapersBlock
from portal.models import BasePage

# A meeting saved without an end time is taken to last this long (calendar entries need one).
ASSUMED_MEETING_LENGTH = datetime.timedelta(hours=2)


class MeetingPage(RoutablePageMixin, BasePage):
    """One panel meeting: when and where, agenda, papers, who came, and the minutes.

    Routes: ``calendar/`` (this meeting as an .ics download; Wagtail's page URLs allow no dots).
    """

    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"), null=True, blank=True)
    location = models.CharField(
        _("place"),
        max_length=255,
        blank=True,
        help_text=_("Where the meeting is held. Leave blank if it is online only."),
    )
    online = models.BooleanField(_("people can join online"), default=False)
    online_details = models.CharField(
        _("how to join online"),
        max_length=255,
        blank=True,
        help_text=_("For example: a link is emailed to residents who ask to observe."),
    )
    live_stream_url = models.URLField(
        _("live stream link"),
        blank=True,
        help_text=_(
            "Where anyone can watch the meeting as it happens. A 'Watch live' link shows "
            "on the meeting page until the meeting ends, only when this is set."
        ),
    )
    agenda = StreamField(AgendaBlock(), blank=True, verbose_name=_("agenda"))
    papers = StreamField(
        PapersBlock(),
        blank=True,
        verbose_name=_("public papers"),
        help_text=_(
            "Papers anyone may read. Put papers for panel members only on a "
            "'Panel papers (members only)' page under this meeting."
        ),
    )
    minutes = StreamField(MinutesBlock(), blank=True, verbose_name=_("minutes"))
    minutes_approved_on = models.DateField(
        _("minutes approved on"),
        null=True,
        blank=True,
        help_text=_(
            "The date of the later meeting that approved these minutes. Until then they show "
            "as a draft, subject to approval."
        ),
    )

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("location"),
                FieldPanel("online"),
                FieldPanel("online_details"),
                FieldPanel("live_stream_url"),
            ],
            heading=_("When and where"),
        ),
        FieldPanel("agenda"),
        FieldPanel("papers"),
        InlinePanel("attendances", heading=_("Attendance"), label=_("Member")),
        MultiFieldPanel(
            [FieldPanel("minutes"), FieldPanel("minutes_approved_on")], heading=_("Minutes")
        ),
        InlinePanel("actions", heading=_("Actions"), label=_("Action")),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("agenda"),
        index.SearchField("minutes"),
        index.FilterField("start"),
    ]

    parent_page_types = ["panel.MeetingIndexPage"]
    subpage_types = ["panel.PanelPapersPage"]
    template = "pages/panel/meeting_page.html"

    class Meta:
        verbose_name = _("panel meeting")
        verbose_name_plural = _("panel meetings")

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("The meeting must end after it starts.")
        if not self.location.strip() and not self.online:
            errors["location"] = _("Enter a place, or say that people can join online.")
        if self.minutes_approved_on:
            if not self.minutes:
                errors["minutes_approved_on"] = _("Add the minutes before marking them approved.")
            elif self.start and self.minutes_approved_on <= timezone.localdate(self.start):
                errors["minutes_approved_on"] = _(
                    "Minutes are approved at a later meeting: enter a date after this meeting."
                )
        if errors:
            raise ValidationError(errors)

    @property
    def is_upcoming(self) -> bool:
        return self.start >= timezone.now()

    @property
    def ends_at(self) -> datetime.datetime:
        return self.end or self.start + ASSUMED_MEETING_LENGTH

    @property
    def has_ended(self) -> bool:
        return self.ends_at < timezone.now()

    @property
    def shows_watch_live(self) -> bool:
        return bool(self.live_stream_url) and not self.has_ended

    def ics_url(self) -> str:
        return self.url + self.reverse_subpage("ics")

    @property
    def minutes_are_approved(self) -> bool:
        return bool(self.minutes) and self.minutes_approved_on is not None

    def get_context(self, request, *args, **kwargs):
        from panel import selectors

        context = super().get_context(request, *args, **kwargs)
        context["attendances"] = selectors.meeting_attendances(meeting=self)
        context["meeting_actions"] = selectors.meeting_actions(meeting=self)
        context["members_papers"] = selectors.private_papers_for(request=request, parent=self)
        if not self.has_ended:
            from panel.calendars import meeting_calendar_links

            context["calendar_links"] = meeting_calendar_links(meeting=self, request=request)
        return context

    def get_cached_paths(self) -> list[str]:
        return ["/", "/" + self.reverse_subpage("ics")]

    @path("calendar/", name="ics")
    def ics(self, request):
        from panel.calendars import meeting_calendar_response

        return meeting_calendar_response(request=request, meeting=self)


class AttendanceKind(models.TextChoices):
    PRESENT = "present", _("Present")
    APOLOGIES = "apologies", _("Apologies")


class MeetingAttendance(Orderable):
    page = ParentalKey(MeetingPage, on_delete=models.CASCADE, related_name="attendances")
    member = models.ForeignKey(
        "panel.PanelMember",
        verbose_name=_("member"),
        on_delete=models.PROTECT,
        related_name="attendances",
    )
    kind = models.CharField(
        _("attendance"),
        max_length=20,
        choices=AttendanceKind.choices,
        default=AttendanceKind.PRESENT,
    )

    panels = [FieldPanel("member"), FieldPanel("kind")]

    class Meta(Orderable.Meta):
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")


class ActionStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Closed without action")


OPEN_STATUSES = [ActionStatus.NOT_STARTED, ActionStatus.IN_PROGRESS]


class MeetingActionQuerySet(models.QuerySet):
    def overdue(self, today: datetime.date | None = None):
        """Open actions whose due date has passed: due yesterday is overdue, due today is not."""
        today = today or timezone.localdate()
        return self.filter(status__in=OPEN_STATUSES, due_date__lt=today)

    def with_status(self, status: str):
        return self.filter(status=status)


class MeetingAction(Orderable):
    """Something the panel asked somebody to do, tracked until it is done."""

    page = ParentalKey(MeetingPage, on_delete=models.CASCADE, related_name="actions")
    description = models.TextField(_("action"), max_length=1000)
    owner = models.CharField(
        _("owner"), max_length=200, help_text=_("Who is responsible: a person or a team.")
    )
    due_date = models.DateField(_("due by"), null=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ActionStatus.choices,
        default=ActionStatus.NOT_STARTED,
    )
    progress_note = models.CharField(
        _("latest update"),
        max_length=500,
        blank=True,
        help_text=_("What has happened since the meeting, in a sentence or two."),
    )

    objects = MeetingActionQuerySet.as_manager()

    panels = [
        FieldPanel("description"),
        FieldPanel("owner"),
        FieldRowPanel([FieldPanel("due_date"), FieldPanel("status")]),
        FieldPanel("progress_note"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("action")
        verbose_name_plural = _("actions")

    def __str__(self) -> str:
        return self.description

    def is_overdue(self, today: datetime.date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.status in OPEN_STATUSES and self.due_date is not None and self.due_date < today


class MeetingIndexPage(RoutablePageMixin, BasePage):
    """Upcoming and past meetings, with a page per year for the archive.

    Routes: ``""``, ``<year>/`` and ``calendar/`` (iCalendar feed of upcoming meetings).
    """

    parent_page_types = ["panel.PanelPage"]
    subpage_types = ["panel.MeetingPage"]
    max_count_per_parent = 1
    template = "pages/panel/meeting_index_page.html"

    objects = PageManager()

    class Meta:
        verbose_name = _("panel meetings index")

    def _year_links(self, request, years: list[int]) -> list[dict]:
        base = self.get_url(request)
        return [
            {"year": year, "url": base + self.reverse_subpage("year", args=[year])}
            for year in years
        ]

    def get_cached_paths(self) -> list[str]:
        """The index, its calendar feed and each year's archive: what a purge of it drops."""
        from panel import selectors

        years = selectors.meeting_years(index=self)
        return [
            "/",
            "/" + self.reverse_subpage("calendar"),
            *("/" + self.reverse_subpage("year", args=[year]) for year in years),
        ]

    @path("")
    def upcoming_and_recent(self, request):
        from panel import selectors

        return self.render(
            request,
            context_overrides={
                "upcoming_meetings": selectors.upcoming_meetings(index=self),
                "calendar_url": self.calendar_url(),
                "past_meetings": selectors.past_meetings(index=self),
                "years": self._year_links(request, selectors.meeting_years(index=self)),
                "year": None,
            },
        )

    @path("<int:year>/", name="year")
    def by_year(self, request, year: int):
        from panel import selectors

        years = selectors.meeting_years(index=self)
        if year not in years:
            raise Http404
        return self.render(
            request,
            context_overrides={
                "year_meetings": selectors.meetings_in_year(index=self, year=year),
                "years": self._year_links(request, years),
                "year": year,
            },
        )

    def calendar_url(self) -> str:
        return self.url + self.reverse_subpage("calendar")

    @path("calendar/", name="calendar")
    def calendar(self, request):
        from panel.calendars import upcoming_meetings_calendar_response

        return upcoming_meetings_calendar_response(request=request, index=self)
