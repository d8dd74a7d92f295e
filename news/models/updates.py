"""Updates: news about the plan, consultations and estates, with RSS and Atom feeds.

Topics are a fixed list (the plan's themes plus consultations and estates) so every language
shows the same topics, translated with the interface, and each topic has a stable slug for its
feed address. Add a topic by adding a choice here.
"""

from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from portal.blocks import BodyStreamBlock
from portal.models import BasePage, OnePerLocaleMixin
from portal.models.fields import optional_image

from .mixins import london_today
from .plan import Theme


class Topic(models.TextChoices):
    REPAIRS = Theme.REPAIRS.value, Theme.REPAIRS.label
    DAMP_AND_MOULD = Theme.DAMP_AND_MOULD.value, Theme.DAMP_AND_MOULD.label
    COMPLAINTS = Theme.COMPLAINTS.value, Theme.COMPLAINTS.label
    ENGAGEMENT = Theme.ENGAGEMENT.value, Theme.ENGAGEMENT.label
    IT_AND_DATA = Theme.IT_AND_DATA.value, Theme.IT_AND_DATA.label
    WORKFORCE = Theme.WORKFORCE.value, Theme.WORKFORCE.label
    CONSULTATIONS = "consultations", _("Consultations")
    ESTATES = "estates", _("Estates and events")


class UpdateIndexPage(OnePerLocaleMixin, RoutablePageMixin, BasePage):
    """The list of updates, newest first, filterable by topic, with feeds.

    Routes (under the page's URL): ``feed/rss/`` and ``feed/atom/`` for every update, and
    ``topic/<slug>/rss/`` and ``topic/<slug>/atom/`` per topic. ``?topic=<slug>`` filters the
    listing; ``?page=<n>`` pages it.
    """

    per_page = 10

    parent_page_types = ["portal.HomePage"]
    subpage_types = ["news.UpdatePage"]
    template = "pages/news/update_index_page.html"

    class Meta:
        verbose_name = _("updates index")

    def get_context(self, request, *args, **kwargs):
        from news.selectors import paginated_updates

        context = super().get_context(request, *args, **kwargs)
        topic = request.GET.get("topic") or ""
        if topic not in Topic.values:
            topic = ""
        page_obj = paginated_updates(
            index=self, topic=topic, page_number=request.GET.get("page"), per_page=self.per_page
        )
        context.update(
            updates=page_obj.object_list,
            page_obj=page_obj,
            topics=Topic.choices,
            current_topic=topic,
            current_topic_label=Topic(topic).label if topic else "",
            feeds=self.feed_urls(topic),
            topic_query=urlencode({"topic": topic}) if topic else "",
        )
        return context

    def get_cached_paths(self) -> list[str]:
        """The index, its feeds and each topic's feeds: what a purge of this page drops."""
        paths = [
            "/",
            "/" + self.reverse_subpage("feed_rss"),
            "/" + self.reverse_subpage("feed_atom"),
        ]
        for topic in Topic.values:
            for route in ("topic_rss", "topic_atom"):
                paths.append("/" + self.reverse_subpage(route, args=[topic]))
        return paths

    @path("feed/rss/", name="feed_rss")
    def feed_rss(self, request):
        return self._feed(request, kind="rss", topic="")

    @path("feed/atom/", name="feed_atom")
    def feed_atom(self, request):
        return self._feed(request, kind="atom", topic="")

    @path("topic/<slug:topic>/rss/", name="topic_rss")
    def topic_rss(self, request, topic):
        return self._feed(request, kind="rss", topic=topic)

    @path("topic/<slug:topic>/atom/", name="topic_atom")
    def topic_atom(self, request, topic):
        return self._feed(request, kind="atom", topic=topic)

    def _feed(self, request, *, kind, topic):
        from news.feeds import updates_feed_response

        if topic and topic not in Topic.values:
            raise Http404
        return updates_feed_response(request=request, index=self, kind=kind, topic=topic)

    def feed_urls(self, topic: str = "") -> dict[str, str]:
        if topic:
            return {
                "rss": self.url + self.reverse_subpage("topic_rss", kwargs={"topic": topic}),
                "atom": self.url + self.reverse_subpage("topic_atom", kwargs={"topic": topic}),
            }
        return {
            "rss": self.url + self.reverse_subpage("feed_rss"),
            "atom": self.url + self.reverse_subpage("feed_atom"),
        }


class UpdatePage(BasePage):
    """One update: dated, with topics, a summary, a body and links to commitments.

    The summary is the page's ``introduction`` (required here): it leads the page and is what
    listings and feeds show.
    """

    date = models.DateField(_("date"), default=london_today)
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("body"))
    image = optional_image(_("image"))
    image_alt_text = models.CharField(
        _("image alternative text"),
        max_length=250,
        blank=True,
        help_text=_("Describe what the image shows for people who cannot see it."),
    )

    parent_page_types = ["news.UpdateIndexPage"]
    subpage_types: list[str] = []
    template = "pages/news/update_page.html"

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("date"),
        InlinePanel("topics", label=_("Topics"), min_num=1),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt_text")], heading=_("Image")),
        FieldPanel("body"),
        InlinePanel("related_commitments", label=_("Related commitments")),
        InlinePanel("related_consultations", label=_("Related consultations")),
    ]

    class Meta:
        verbose_name = _("update")
        verbose_name_plural = _("updates")

    def clean(self):
        super().clean()
        if not self.introduction.strip():
            raise ValidationError(
                {"introduction": _("Enter a summary: it is shown in listings and feeds.")}
            )
        if self.image_id and not self.image_alt_text.strip():
            raise ValidationError({"image_alt_text": _("Enter alternative text for the image.")})

    def get_listing_summary(self) -> str:
        return self.listing_summary or self.introduction

    def topic_labels(self) -> list[tuple[str, str]]:
        return [(t.topic, Topic(t.topic).label) for t in self.topics.all() if t.topic in Topic]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        commitments = []
        for link in self.related_commitments.select_related("commitment"):
            commitment = link.commitment.localized
            if commitment.live:
                commitments.append(commitment)
        consultations = []
        for link in self.related_consultations.select_related("consultation"):
            consultation = link.consultation.localized
            if consultation.live:
                consultations.append(consultation.specific)
        context.update(related_commitments=commitments, related_consultations=consultations)
        return context


class UpdateTopic(Orderable):
    page = ParentalKey(UpdatePage, on_delete=models.CASCADE, related_name="topics")
    topic = models.CharField(_("topic"), max_length=20, choices=Topic.choices)

    panels = [FieldPanel("topic")]

    class Meta(Orderable.Meta):
        verbose_name = _("topic")
        constraints = [
            models.UniqueConstraint(fields=["page", "topic"], name="news_update_topic_once")
        ]


class UpdateRelatedCommitment(Orderable):
    page = ParentalKey(UpdatePage, on_delete=models.CASCADE, related_name="related_commitments")
    commitment = models.ForeignKey(
        "news.CommitmentPage",
        verbose_name=_("commitment"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("commitment")]

    class Meta(Orderable.Meta):
        verbose_name = _("related commitment")


class UpdateRelatedConsultation(Orderable):
    """A link to a consultation page (any page type, so this app needs no consultations import)."""

    page = ParentalKey(UpdatePage, on_delete=models.CASCADE, related_name="related_consultations")
    consultation = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("consultation"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("consultation")]

    class Meta(Orderable.Meta):
        verbose_name = _("related consultation")
