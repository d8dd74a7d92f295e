"""RSS 2.0 and Atom feeds of updates, for all topics or one, in the index page's language.

Links are absolute, built from the address the reader used, and point at the update in the
feed's own language (each locale has its own index page and so its own feeds).
"""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _
from django.utils.translation import override
from wagtail.models import Site

from news.models import Topic, UpdateIndexPage, UpdatePage
from news.selectors import updates_queryset
from portal.models import SiteSettings

FEED_LENGTH = 20


class UpdatesFeed(Feed):
    """One feed object per request: ``index`` fixes the language, ``topic`` narrows it."""

    def __init__(self, *, index: UpdateIndexPage, kind: str, topic: str = ""):
        super().__init__()
        self.index = index
        self.topic = topic
        self.kind = kind
        self.feed_type = Atom1Feed if kind == "atom" else Rss201rev2Feed
        self.language = index.locale.language_code

    def __call__(self, request, *args, **kwargs):
        self.request = request
        with override(self.language):
            return super().__call__(request, *args, **kwargs)

    def _absolute(self, path: str) -> str:
        return self.request.build_absolute_uri(path)

    def title(self):
        council = SiteSettings.for_request(self.request).council_name
        if self.topic:
            return _("%(council)s housing updates: %(topic)s") % {
                "council": council,
                "topic": Topic(self.topic).label,
            }
        return _("%(council)s housing updates") % {"council": council}

    def link(self):
        url = self.index.get_url(self.request)
        if self.topic:
            url = f"{url}?topic={self.topic}"
        return self._absolute(url)

    def feed_url(self):
        return self._absolute(self.index.feed_urls(self.topic)[self.kind])

    def description(self):
        return self.index.introduction or _(
            "News about the housing improvement plan, consultations and estates."
        )

    def subtitle(self):
        return self.description()

    def author_name(self):
        site = Site.find_for_request(self.request)
        return SiteSettings.for_site(site).council_name if site else ""

    def items(self):
        return list(updates_queryset(index=self.index, topic=self.topic)[:FEED_LENGTH])

    def item_title(self, item: UpdatePage):
        return item.title

    def item_description(self, item: UpdatePage):
        return item.introduction

    def item_link(self, item: UpdatePage):
        return self._absolute(item.get_url(self.request))

    def item_guid(self, item: UpdatePage):
        return self.item_link(item)

    def item_pubdate(self, item: UpdatePage):
        return datetime.combine(item.date, time(9, 0), tzinfo=timezone.get_default_timezone())

    def item_updateddate(self, item: UpdatePage):
        return item.last_published_at or self.item_pubdate(item)

    def item_categories(self, item: UpdatePage):
        return [label for _slug, label in item.topic_labels()]


def updates_feed_response(*, request, index: UpdateIndexPage, kind: str, topic: str):
    return UpdatesFeed(index=index, kind=kind, topic=topic)(request)
