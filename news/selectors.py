"""Reads for the news section. Every listing here runs a fixed number of queries.

Measurements and RSVPs are shared between translations (see ``news.models``), so listings in
any language look them up by the pages' ``translation_key``.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Q
from django.utils import timezone
from wagtail.models import Locale

from news.models import (
    CommitmentPage,
    Estate,
    EventIndexPage,
    EventPage,
    ImprovementPlanPage,
    Measurement,
    UpdateIndexPage,
    UpdatePage,
)
from news.models.mixins import london_today
from news.status import STATUS_TAG_CLASSES, CommitmentStatus


@dataclass(frozen=True)
class CommitmentSummary:
    page: CommitmentPage
    status: CommitmentStatus
    latest: Measurement | None

    @property
    def status_label(self) -> str:
        return self.status.label

    @property
    def tag_class(self) -> str:
        return STATUS_TAG_CLASSES[self.status]


def _measurements_by_key(commitments) -> dict:
    by_key = defaultdict(list)
    keys = [c.translation_key for c in commitments]
    if not keys:
        return by_key
    rows = (
        Measurement.objects.filter(commitment__translation_key__in=keys)
        .select_related("commitment")
        .only("date", "value", "source_note", "commitment__translation_key")
        .order_by("date", "pk")
    )
    for measurement in rows:
        by_key[measurement.commitment.translation_key].append(measurement)
    return by_key


def plan_commitments(*, plan: ImprovementPlanPage, today: date | None = None):
    """Every live commitment of ``plan`` with its derived status, by target date (2 queries)."""
    today = today or london_today()
    commitments = list(
        CommitmentPage.objects.live().public().child_of(plan).order_by("target_date", "path")
    )
    by_key = _measurements_by_key(commitments)
    summaries = []
    for commitment in commitments:
        measurements = by_key.get(commitment.translation_key, [])
        summaries.append(
            CommitmentSummary(
                page=commitment,
                status=commitment.status_for(measurements, today=today),
                latest=measurements[-1] if measurements else None,
            )
        )
    return summaries


def status_counts(summaries) -> list[tuple[CommitmentStatus, int]]:
    """How many commitments have each status, in the order residents read them."""
    counts = dict.fromkeys(CommitmentStatus, 0)
    for summary in summaries:
        counts[summary.status] += 1
    return [(status, counts[status]) for status in CommitmentStatus]


def plan_for_locale(locale: Locale) -> ImprovementPlanPage | None:
    return ImprovementPlanPage.objects.live().public().filter(locale=locale).first()


def related_updates(*, commitment: CommitmentPage, limit: int = 10):
    """Live updates in the commitment's language that link to it (in any language)."""
    return list(
        UpdatePage.objects.live()
        .public()
        .filter(
            locale_id=commitment.locale_id,
            related_commitments__commitment__translation_key=commitment.translation_key,
        )
        .distinct()
        .order_by("-date", "-pk")
        .prefetch_related("topics")[:limit]
    )


def updates_queryset(*, index: UpdateIndexPage, topic: str = ""):
    queryset = UpdatePage.objects.live().public().child_of(index)
    if topic:
        queryset = queryset.filter(topics__topic=topic).distinct()
    return queryset.order_by("-date", "-pk").prefetch_related("topics")


def paginated_updates(
    *, index: UpdateIndexPage, topic: str, page_number, per_page: int
) -> PaginatorPage:
    paginator = Paginator(updates_queryset(index=index, topic=topic), per_page)
    return paginator.get_page(page_number)


def latest_updates(*, locale: Locale, limit: int = 3):
    return list(
        UpdatePage.objects.live()
        .public()
        .filter(locale=locale)
        .order_by("-date", "-pk")
        .prefetch_related("topics")[:limit]
    )


def update_index_for_locale(locale: Locale) -> UpdateIndexPage | None:
    return UpdateIndexPage.objects.live().public().filter(locale=locale).first()


def event_index_for_locale(locale: Locale) -> EventIndexPage | None:
    return EventIndexPage.objects.live().public().filter(locale=locale).first()


def _month_bounds(month: date) -> tuple[datetime, datetime]:
    tz = timezone.get_default_timezone()
    first = month.replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    return (
        datetime.combine(first, time.min, tzinfo=tz),
        datetime.combine(following, time.min, tzinfo=tz),
    )


def events_queryset(
    *,
    index: EventIndexPage,
    past: bool = False,
    estate: Estate | None = None,
    month: date | None = None,
    now: datetime | None = None,
):
    """Upcoming (not yet ended) events soonest first, or past events latest first."""
    now = now or timezone.now()
    queryset = EventPage.objects.live().public().child_of(index).select_related("estate")
    if past:
        queryset = queryset.filter(end__lt=now).order_by("-start", "-pk")
    else:
        queryset = queryset.filter(end__gte=now).order_by("start", "pk")
    if estate is not None:
        queryset = queryset.filter(estate=estate)
    if month is not None:
        start, end = _month_bounds(month)
        queryset = queryset.filter(Q(start__lt=end) & Q(end__gte=start))
    return queryset


def filtered_events(
    *,
    index: EventIndexPage,
    page_number=None,
    past: bool = False,
    estate: Estate | None = None,
    month: date | None = None,
    per_page: int | None = None,
) -> PaginatorPage:
    queryset = events_queryset(index=index, past=past, estate=estate, month=month)
    return Paginator(queryset, per_page or index.per_page).get_page(page_number)


def next_events(*, locale: Locale, limit: int = 3):
    index = event_index_for_locale(locale)
    if index is None:
        return []
    return list(events_queryset(index=index)[:limit])


def estates_with_events() -> list[Estate]:
    return list(Estate.objects.filter(events__live=True).distinct().order_by("name"))
