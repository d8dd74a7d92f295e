"""What residents can follow in this app by email, and what its alerts say.

Topics: updates by topic (the plan's themes, consultations, estates), updates about one
commitment, and events (on every estate or on chosen ones). Keys are stable in every language:
topic values, a commitment's ``translation_key``, an estate's id (estates are not translated).
"""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Locale

from news.models import (
    CommitmentPage,
    Estate,
    EventIndexPage,
    EventPage,
    UpdateIndexPage,
    UpdatePage,
)
from news.models.updates import Topic
from portal.registry import AlertItem, AlertMessage, AlertSource, AlertTopic, register_alert_source
from portal.templatetags.portal_format import display_date


def update_topic(topic: str) -> str:
    return f"updates:{topic}"


def commitment_topic(commitment) -> str:
    return f"plan:commitment:{commitment.translation_key}"


EVERY_ESTATE = "events:all"


def estate_topic(estate_id: int) -> str:
    return f"events:estate:{estate_id}"


def update_topics() -> list[AlertTopic]:
    topics = [AlertTopic(update_topic(value), label) for value, label in Topic.choices]
    commitments = CommitmentPage.objects.live().public().filter(locale=Locale.get_active())
    topics += [
        AlertTopic(commitment_topic(c), _("Updates about: %(title)s") % {"title": c.title})
        for c in commitments.order_by("title")
    ]
    return topics


def update_items(page) -> list[AlertItem]:
    if not isinstance(page, UpdatePage):
        return []
    topics = [update_topic(t.topic) for t in page.topics.all()]
    topics += [commitment_topic(link.commitment) for link in page.related_commitments.all()]
    return [AlertItem(f"news.update:{page.translation_key}", tuple(topics), page.pk)]


def update_message(page, reason: str) -> AlertMessage:
    return AlertMessage(
        headline=_("New update"),
        title=page.title,
        summary=page.get_listing_summary(),
        url=page.get_full_url() or "",
        facts=((_("Date"), display_date(page.date)),),
    )


def event_topics() -> list[AlertTopic]:
    return [AlertTopic(EVERY_ESTATE, gettext_lazy("Events on every estate"))] + [
        AlertTopic(estate_topic(e.pk), _("Events on %(estate)s") % {"estate": e.name})
        for e in Estate.objects.order_by("name")
    ]


def event_items(page) -> list[AlertItem]:
    if not isinstance(page, EventPage) or page.end < timezone.now():
        return []
    topics = [EVERY_ESTATE] + ([estate_topic(page.estate_id)] if page.estate_id else [])
    return [AlertItem(f"news.event:{page.translation_key}", tuple(topics), page.pk)]


def event_message(page, reason: str) -> AlertMessage:
    where = ", ".join(
        part.strip() for part in [page.venue, *page.address.splitlines()] if part.strip()
    )
    facts = [
        (_("Starts"), display_date(page.start, "time")),
        (_("Ends"), display_date(page.end, "time")),
    ]
    if page.estate_id:
        facts.append((_("Estate"), page.estate.name))
    if where:
        facts.append((_("Place"), where))
    if page.online_url:
        facts.append((_("Online"), page.online_url))
    if page.is_cancelled or page.is_postponed:
        facts.append((_("Status"), page.get_status_display()))
    return AlertMessage(
        headline=_("New event"),
        title=page.title,
        summary=page.get_listing_summary(),
        url=page.get_full_url() or "",
        facts=tuple(facts),
    )


def update_follow_topics(obj, topic: str = "", **hints) -> list[str]:
    if isinstance(obj, UpdateIndexPage) and topic in Topic.values:
        return [update_topic(topic)]
    if isinstance(obj, CommitmentPage):
        return [commitment_topic(obj)]
    return []


def event_follow_topics(obj, **hints) -> list[str]:
    if isinstance(obj, Estate):
        return [estate_topic(obj.pk)]
    if isinstance(obj, EventIndexPage):
        return [EVERY_ESTATE]
    return []


def register() -> None:
    register_alert_source(
        AlertSource(
            name="news.updates",
            label=gettext_lazy("Improvement plan updates"),
            topics=update_topics,
            items_for_page=update_items,
            message=update_message,
            follow_topics=update_follow_topics,
            order=10,
        )
    )
    register_alert_source(
        AlertSource(
            name="news.events",
            label=gettext_lazy("Estate events"),
            topics=event_topics,
            items_for_page=event_items,
            message=event_message,
            follow_topics=event_follow_topics,
            order=30,
        )
    )
