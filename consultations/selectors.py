"""Reads for consultation pages, listings and the home page (bounded query counts)."""

from __future__ import annotations

from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from consultations.models import (
    AnswerTheme,
    ConsultationIndexPage,
    ConsultationPage,
    Response,
    Topic,
)
from news.models import Estate


def _listing(queryset):
    # Cards show no topics (the page itself does), so none are prefetched: one query a group.
    return queryset.live().public()


def consultation_listing(*, index: ConsultationIndexPage, params) -> dict:
    """Open, upcoming and closed consultations under ``index``, filtered by topic and estate."""
    now = timezone.now()
    pages = ConsultationPage.objects.child_of(index)
    topic = params.get("topic", "")
    if topic in Topic.values:
        pages = pages.filter(topic_links__topic=topic)
    else:
        topic = ""
    try:
        estate = int(params.get("estate", ""))
    except ValueError:
        estate = None
    if estate is not None:
        pages = pages.filter(estates__pk=estate)
    pages = _listing(pages).distinct()
    groups = [
        {
            "heading": _("Open consultations"),
            "empty": _("There are no open consultations at the moment."),
            "consultations": list(pages.open(now).order_by("closes_at")),
        },
        {
            "heading": _("Upcoming consultations"),
            "empty": _("No consultations are planned yet."),
            "consultations": list(pages.upcoming(now).order_by("opens_at")),
        },
        {
            "heading": _("Closed consultations"),
            "empty": _("No consultations have closed yet."),
            "consultations": list(pages.closed(now).order_by("-closes_at")[:50]),
        },
    ]
    return {
        "groups": groups,
        "topics": Topic.choices,
        "estates": Estate.objects.order_by("name"),
        "selected_topic": topic,
        "selected_estate": estate,
    }


def open_consultations_for_home(*, request, page) -> dict:
    """Home page section: open consultations in the page's language, closing soonest first."""
    consultations = list(
        _listing(ConsultationPage.objects.filter(locale_id=page.locale_id))
        .open()
        .order_by("closes_at")[:3]
    )
    index = ConsultationIndexPage.objects.filter(locale_id=page.locale_id).live().first()
    return {"consultations": consultations, "index": index}


def related_pages(*, page: ConsultationPage) -> list:
    return [
        block.value.specific
        for block in page.related_pages
        if block.value is not None and block.value.live
    ]


def response_count(*, consultation: ConsultationPage) -> int:
    return Response.objects.filter(consultation=consultation.canonical()).count()


def outcome_themes(*, consultation: ConsultationPage) -> list[dict]:
    """The outcome's "you said, we did" items, each with how many responses raised its theme.

    Two queries whatever the number of items: the items, then one count per linked theme.
    """
    items = list(consultation.outcome_themes.order_by("sort_order"))
    theme_ids = {item.theme_id for item in items if item.theme_id}
    counts = dict(
        AnswerTheme.objects.filter(theme_id__in=theme_ids)
        .values("theme_id")
        .annotate(n=Count("response_id", distinct=True))
        .values_list("theme_id", "n")
    )
    return [
        {"item": item, "count": counts.get(item.theme_id, 0) if item.theme_id else None}
        for item in items
    ]
