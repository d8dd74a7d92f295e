"""What search knows about each page type: its result label, its date, and its filters.

One class per kind of result, found by the page model's label. Apps are not imported: a kind
reads the page's own fields by name, so an app can change its internals without touching search
as long as those fields keep their names. A page type with no kind here is a plain "Page".
"""

import datetime

from django.utils import timezone

from search.models import Kind


def _local_date(moment):
    return timezone.localtime(moment).date() if moment else None


class PageKind:
    kind = Kind.PAGE
    # Page types that are navigation, not content: never shown as results.
    indexed = True

    def date(self, page) -> datetime.date | None:
        moment = page.last_published_at or page.first_published_at
        return _local_date(moment)

    def current_until(self, page) -> datetime.date | None:
        return None

    def topics(self, page) -> list[tuple[str, str]]:
        """(value, English label) pairs; labels are translated when shown."""
        return []

    def estates(self, page) -> list[tuple[str, str]]:
        """(value, name) pairs: estate names are place names, the same in every language."""
        return []


class UpdateKind(PageKind):
    kind = Kind.UPDATE

    def date(self, page):
        return page.date

    def topics(self, page):
        return [(link.topic, link.get_topic_display()) for link in page.topics.all()]


class ConsultationKind(PageKind):
    kind = Kind.CONSULTATION

    def date(self, page):
        return _local_date(page.opens_at)

    def current_until(self, page):
        return _local_date(page.closes_at)

    def topics(self, page):
        return [(link.topic, link.get_topic_display()) for link in page.topic_links.all()]

    def estates(self, page):
        return [(str(estate.pk), estate.name) for estate in page.estates.all()]


class EventKind(PageKind):
    kind = Kind.EVENT

    def date(self, page):
        return _local_date(page.start)

    def current_until(self, page):
        return _local_date(page.end or page.start)

    def estates(self, page):
        return [(str(page.estate.pk), page.estate.name)] if page.estate_id else []


class MeetingKind(EventKind):
    kind = Kind.MEETING

    def estates(self, page):
        return []


class CommitmentKind(PageKind):
    kind = Kind.COMMITMENT

    def date(self, page):
        return page.target_date


class HiddenKind(PageKind):
    indexed = False


_KINDS: dict[str, PageKind] = {
    "news.updatepage": UpdateKind(),
    "consultations.consultationpage": ConsultationKind(),
    "news.eventpage": EventKind(),
    "panel.meetingpage": MeetingKind(),
    "news.commitmentpage": CommitmentKind(),
    # The site's root and Wagtail's placeholder root have nothing to read.
    "wagtailcore.page": HiddenKind(),
}
_DEFAULT = PageKind()


def kind_for(page) -> PageKind:
    return _KINDS.get(page._meta.label_lower, _DEFAULT)
