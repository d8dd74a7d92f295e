"""Estate events: where and when, access and languages, optional RSVP with a capacity, iCalendar.

Start and end are stored in UTC and shown in Europe/London. An event's RSVPs belong to the event
whatever language the resident used: they are stored against the default-locale copy of the
event (``EventPage.rsvp_event``), whose row is locked while places are counted, so the capacity
holds across languages and concurrent requests (see ``news.services.create_rsvp``).
"""

import uuid
from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Locale
from wagtail.search import index

from portal.blocks import BodyStreamBlock
from portal.models import BasePage, OnePerLocaleMixin
from portal.models.fields import optional_page

from .estates import Estate

# The most places one RSVP may ask for; bigger groups should contact the team.
MAX_PLACES_PER_RSVP = 10


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Going ahead")
    POSTPONED = "postponed", _("Postponed")
    CANCELLED = "cancelled", _("Cancelled")


class EventIndexPage(OnePerLocaleMixin, RoutablePageMixin, BasePage):
    """Upcoming events by default; ``?when=past``, ``?estate=<id>`` and ``?month=YYYY-MM`` filter.

    Routes: ``calendar/`` (iCalendar feed of every upcoming event) and
    ``estates/<id>/calendar/``. Wagtail's page URLs allow no dots, hence no ``.ics`` suffix;
    the content type is ``text/calendar``.
    """

    per_page = 20

    parent_page_types = ["portal.HomePage"]
    subpage_types = ["news.EventPage"]
    template = "pages/news/event_index_page.html"

    class Meta:
        verbose_name = _("events index")

    def get_context(self, request, *args, **kwargs):
        from news.forms import EventFilterForm
        from news.selectors import filtered_events

        context = super().get_context(request, *args, **kwargs)
        form = EventFilterForm(request.GET or None)
        filters = form.cleaned_filters()
        page_obj = filtered_events(index=self, page_number=request.GET.get("page"), **filters)
        estate = filters.get("estate")
        context.update(
            filter_form=form,
            events=page_obj.object_list,
            page_obj=page_obj,
            past=filters["past"],
            filter_estate=estate,
            filter_query=_filter_query(filters),
            calendar_url=self.calendar_url(estate),
        )
        return context

    def calendar_url(self, estate: Estate | None = None) -> str:
        if estate is not None:
            route = self.reverse_subpage("estate_calendar", kwargs={"estate_id": estate.pk})
        else:
            route = self.reverse_subpage("calendar")
        return self.url + route

    def get_cached_paths(self) -> list[str]:
        """The index, its calendar feed and each estate's: what a purge of this page drops."""
        paths = ["/", "/" + self.reverse_subpage("calendar")]
        for estate_id in Estate.objects.values_list("pk", flat=True):
            paths.append(
                "/" + self.reverse_subpage("estate_calendar", kwargs={"estate_id": estate_id})
            )
        return paths

    @path("calendar/", name="calendar")
    def calendar(self, request):
        from news.ical import upcoming_events_calendar_response

        return upcoming_events_calendar_response(request=request, index=self, estate=None)

    @path("estates/<int:estate_id>/calendar/", name="estate_calendar")
    def estate_calendar(self, request, estate_id):
        from news.ical import upcoming_events_calendar_response

        estate = Estate.objects.filter(pk=estate_id).first()
        if estate is None:
            raise Http404
        return upcoming_events_calendar_response(request=request, index=self, estate=estate)


def _filter_query(filters: dict) -> str:
    """The active filters as a query string for pagination links to keep."""
    params = {}
    if filters.get("past"):
        params["when"] = "past"
    if filters.get("estate") is not None:
        params["estate"] = filters["estate"].pk
    if filters.get("month") is not None:
        params["month"] = filters["month"].strftime("%Y-%m")
    return urlencode(params)


class EventPage(RoutablePageMixin, BasePage):
    """One event on an estate (or online).

    Routes: ``calendar/`` (this event as an .ics download), ``rsvp/`` (the reply form),
    ``rsvp/confirmation/`` (the reply this browser sent) and ``rsvp/cancel/`` (POST only).
    """

    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    estate = models.ForeignKey(
        Estate,
        verbose_name=_("estate"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    address = models.TextField(_("address"), max_length=400, blank=True)
    online_url = models.URLField(
        _("online link"), blank=True, help_text=_("A link to join online, if people can.")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=EventStatus.choices, default=EventStatus.SCHEDULED
    )
    status_note = models.CharField(
        _("status note"),
        max_length=300,
        blank=True,
        help_text=_("Why it was cancelled or postponed, and what happens next."),
    )
    step_free_access = models.BooleanField(_("step-free access"), default=False)
    hearing_loop = models.BooleanField(_("hearing loop"), default=False)
    quiet_space = models.BooleanField(_("quiet space"), default=False)
    accessibility_notes = models.CharField(_("other access details"), max_length=300, blank=True)
    languages = models.CharField(
        _("languages and interpreters"),
        max_length=300,
        blank=True,
        help_text=_("For example 'Turkish and Bengali interpreters; BSL on request'."),
    )
    related_consultation = optional_page(_("related consultation"))
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("details"))
    rsvp_enabled = models.BooleanField(_("ask people to say they are coming"), default=False)
    capacity = models.PositiveIntegerField(
        _("places"),
        null=True,
        blank=True,
        help_text=_("How many people can come. Leave blank for no limit."),
    )

    parent_page_types = ["news.EventIndexPage"]
    subpage_types: list[str] = []
    template = "pages/news/event_page.html"

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("venue"),
        index.SearchField("body"),
        index.FilterField("start"),
    ]
    content_panels = [
        *BasePage.content_panels,
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        MultiFieldPanel(
            [
                FieldPanel("estate"),
                FieldPanel("venue"),
                FieldPanel("address"),
                FieldPanel("online_url"),
            ],
            heading=_("Where"),
        ),
        MultiFieldPanel([FieldPanel("status"), FieldPanel("status_note")], heading=_("Status")),
        MultiFieldPanel(
            [
                FieldPanel("step_free_access"),
                FieldPanel("hearing_loop"),
                FieldPanel("quiet_space"),
                FieldPanel("accessibility_notes"),
                FieldPanel("languages"),
            ],
            heading=_("Access and languages"),
        ),
        FieldPanel("related_consultation"),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("rsvp_enabled"), FieldPanel("capacity")], heading=_("Replies")),
    ]

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": _("The end must be after the start.")})
        if self.capacity == 0:
            raise ValidationError({"capacity": _("Enter at least 1, or leave blank.")})

    @property
    def is_cancelled(self) -> bool:
        return self.status == EventStatus.CANCELLED

    @property
    def is_postponed(self) -> bool:
        return self.status == EventStatus.POSTPONED

    @property
    def is_past(self) -> bool:
        return self.end < timezone.now()

    @property
    def accepts_rsvps(self) -> bool:
        return self.rsvp_enabled and self.status == EventStatus.SCHEDULED and not self.is_past

    def rsvp_event(self) -> "EventPage":
        """The copy RSVPs are stored against: the default locale's, else this one."""
        if self.locale_id == Locale.get_default().pk:
            return self
        return self.get_translation_or_none(Locale.get_default()) or self

    def places_taken(self) -> int:
        return self.rsvp_event().rsvps.aggregate(total=models.Sum("places"))["total"] or 0

    def places_left(self) -> int | None:
        capacity = self.rsvp_event().capacity
        if capacity is None:
            return None
        return max(capacity - self.places_taken(), 0)

    def ics_url(self) -> str:
        return self.url + self.reverse_subpage("ics")

    def rsvp_url(self) -> str:
        return self.url + self.reverse_subpage("rsvp")

    def rsvp_confirmation_url(self) -> str:
        return self.url + self.reverse_subpage("rsvp_confirmation")

    def rsvp_cancel_url(self) -> str:
        return self.url + self.reverse_subpage("rsvp_cancel")

    def get_context(self, request, *args, **kwargs):
        from news.calendar_links import calendar_links

        context = super().get_context(request, *args, **kwargs)
        consultation = self.related_consultation
        if consultation is not None:
            consultation = consultation.localized
            consultation = consultation if consultation.live else None
        context.update(
            places_left=self.places_left() if self.rsvp_enabled else None,
            calendar_links=calendar_links(event=self, request=request),
            consultation=consultation,
        )
        return context

    def get_cached_paths(self) -> list[str]:
        return ["/", "/" + self.reverse_subpage("ics")]

    @path("calendar/", name="ics")
    def ics(self, request):
        from news.ical import event_calendar_response

        return event_calendar_response(request=request, event=self)

    @path("rsvp/", name="rsvp")
    def rsvp(self, request):
        """The reply form, a step of its own: its CSRF token makes it per visitor, so the event
        page itself (places left and a link here) stays the same for everyone and cacheable."""
        from news.views import event_rsvp

        return event_rsvp(request, event=self)

    @path("rsvp/confirmation/", name="rsvp_confirmation")
    def rsvp_confirmation(self, request):
        from news.views import rsvp_confirmation

        return rsvp_confirmation(request, event=self)

    @path("rsvp/cancel/", name="rsvp_cancel")
    def rsvp_cancel(self, request):
        from news.views import rsvp_cancel

        if request.method != "POST":
            return redirect(self.rsvp_confirmation_url())
        return rsvp_cancel(request, event=self)


class EventRSVP(models.Model):
    """A resident's reply to an event. Personal data: kept with the event, erasable with it."""

    event = models.ForeignKey(
        EventPage, verbose_name=_("event"), on_delete=models.CASCADE, related_name="rsvps"
    )
    name = models.CharField(_("name"), max_length=100)
    email = models.EmailField(_("email address"), blank=True)
    places = models.PositiveSmallIntegerField(_("number attending"))
    access_needs = models.TextField(_("access needs"), max_length=500, blank=True)
    language_code = models.CharField(_("language"), max_length=10, blank=True)
    submission_key = models.UUIDField(
        _("submission key"),
        default=uuid.uuid4,
        unique=True,
        editable=False,
        help_text=_("Makes a double-clicked form count once."),
    )
    created_at = models.DateTimeField(_("replied at"), auto_now_add=True)

    class Meta:
        verbose_name = _("event reply")
        verbose_name_plural = _("event replies")
        ordering = ["event", "created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.places})"
