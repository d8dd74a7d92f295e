"""Consultation pages: the index (one per locale) and the consultation with its survey.

Lifecycle: ``upcoming`` (before ``opens_at``) → ``open`` → ``closed`` (we are considering your
views) → ``outcome`` (the "We asked, you said, we did" outcome is published). It is derived from
the dates and ``outcome_published_at``, never typed in: use the chainable QuerySet methods
(``ConsultationPage.objects.live().open()``) and the ``status`` property.

Responses are stored against the *source* page (the one in the default locale, see
``canonical()``), so answers given on every translation combine.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Orderable, PageManager
from wagtail.search import index

from consultations.admin_forms import ConsultationPageForm
from consultations.blocks import SurveyStreamBlock, survey_definition
from portal.blocks import DocumentLinkBlock
from portal.locales import default_locale_id
from portal.models import BasePage, OnePerLocaleMixin
from portal.models.base import PortalPageQuerySet

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class Status(models.TextChoices):
    UPCOMING = "upcoming", _("Upcoming")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed: we are considering your views")
    OUTCOME = "outcome", _("Outcome published")


class Topic(models.TextChoices):
    """Consultation topics: a fixed, translated list so filters work in every language."""

    ENGAGEMENT = "engagement", _("Resident engagement")
    REPAIRS = "repairs", _("Repairs and maintenance")
    SAFETY = "safety", _("Building safety")
    ESTATES = "estates", _("Estates and green spaces")
    RENTS = "rents", _("Rents and service charges")
    HOUSING = "housing", _("Housing strategy and allocations")
    COMPLAINTS = "complaints", _("Complaints and customer service")
    OTHER = "other", _("Other")


class RespondentType(models.TextChoices):
    """Who a resident says they are responding as."""

    TENANT = "tenant", _("A council tenant")
    LEASEHOLDER = "leaseholder", _("A leaseholder")
    OTHER_RESIDENT = "other_resident", _("Another resident")
    ORGANISATION = "organisation", _("An organisation")
    ON_BEHALF = "on_behalf", _("On behalf of someone else")
    NOT_GIVEN = "", _("Not given")


class ConsultationQuerySet(PortalPageQuerySet):
    def upcoming(self, now=None):
        return self.filter(opens_at__gt=now or timezone.now())

    def open(self, now=None):
        now = now or timezone.now()
        return self.filter(opens_at__lte=now, closes_at__gt=now)

    def closed(self, now=None):
        """Closed for responses, whether or not the outcome is published yet."""
        return self.filter(closes_at__lte=now or timezone.now())

    def awaiting_outcome(self, now=None):
        now = now or timezone.now()
        return self.closed(now).exclude(outcome_published_at__lte=now)

    def with_outcome(self, now=None):
        now = now or timezone.now()
        return self.closed(now).filter(outcome_published_at__lte=now)

    def with_status(self, status: str, now=None):
        return {
            Status.UPCOMING: self.upcoming,
            Status.OPEN: self.open,
            Status.CLOSED: self.awaiting_outcome,
            Status.OUTCOME: self.with_outcome,
        }[Status(status)](now)


ConsultationManager = PageManager.from_queryset(ConsultationQuerySet)


class ConsultationIndexPage(OnePerLocaleMixin, BasePage):
    """Lists open, upcoming and closed consultations; filter by topic and estate."""

    parent_page_types = ["portal.HomePage"]
    subpage_types = ["consultations.ConsultationPage"]
    template = "pages/consultations/consultation_index_page.html"

    class Meta:
        verbose_name = _("consultation index page")

    def get_context(self, request, *args, **kwargs):
        from consultations import selectors

        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.consultation_listing(index=self, params=request.GET))
        return context


class ConsultationDocumentBlock(DocumentLinkBlock):
    kind = blocks.ChoiceBlock(
        label=_("Kind of document"),
        choices=[
            ("full", _("Full version")),
            ("easy_read", _("Easy Read")),
            ("other_language", _("Other language")),
            ("large_print", _("Large print")),
            ("audio", _("Audio")),
            ("supporting", _("Supporting document")),
        ],
        default="full",
    )

    class Meta:
        icon = "doc-full"
        label = _("Consultation document")
        template = "components/consultations/document_block.html"


class DocumentStreamBlock(blocks.StreamBlock):
    document = ConsultationDocumentBlock()


class RelatedPagesBlock(blocks.StreamBlock):
    page = blocks.PageChooserBlock(label=_("Event or page"))


class ConsultationPage(RoutablePageMixin, BasePage):
    """A 12-week (or other) consultation with its survey and, once closed, its outcome.

    Response settings: ``allow_anonymous`` (else sign-in is required), ``ask_responding_as``,
    ``one_response_per_account`` and ``offer_email_receipt``. The survey's questions are
    ``consultations.blocks`` blocks; a ``SurveySnapshot`` is stored per published version.
    """

    why_consulting = RichTextField(_("why we are consulting"), features=RICH_TEXT_FEATURES)
    what_can_change = RichTextField(_("what can change"), blank=True, features=RICH_TEXT_FEATURES)
    who_can_respond = RichTextField(_("who can respond"), blank=True, features=RICH_TEXT_FEATURES)
    opens_at = models.DateTimeField(_("opens"), help_text=_("UK time."))
    closes_at = models.DateTimeField(_("closes"), help_text=_("UK time."))
    estates = ParentalManyToManyField(
        "news.Estate", verbose_name=_("estates"), blank=True, related_name="consultations"
    )
    documents = StreamField(DocumentStreamBlock(), blank=True, verbose_name=_("documents"))
    other_formats = models.TextField(
        _("ask for another format"),
        blank=True,
        max_length=600,
        help_text=_("How to ask for Braille, large print, audio or another language."),
    )
    related_pages = StreamField(
        RelatedPagesBlock(), blank=True, verbose_name=_("related events and pages")
    )
    contact_name = models.CharField(_("contact name"), max_length=120, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)

    survey = StreamField(SurveyStreamBlock(), blank=True, verbose_name=_("survey"))
    allow_anonymous = models.BooleanField(
        _("anonymous responses allowed"),
        default=True,
        help_text=_("If unticked, residents must sign in to respond."),
    )
    ask_responding_as = models.BooleanField(_("ask who they are responding as"), default=True)
    one_response_per_account = models.BooleanField(
        _("one response per account"),
        default=False,
        help_text=_("Signed-in residents can respond only once."),
    )
    offer_email_receipt = models.BooleanField(_("offer an email receipt"), default=True)

    outcome_published_at = models.DateTimeField(
        _("outcome published"),
        null=True,
        blank=True,
        help_text=_("Set when the outcome below is ready to show (it shows once closed)."),
    )
    outcome_summary = RichTextField(
        _("you said (summary of responses)"), blank=True, features=RICH_TEXT_FEATURES
    )
    outcome_changes = RichTextField(
        _("we did (what changed)"), blank=True, features=RICH_TEXT_FEATURES
    )
    outcome_not_changed = RichTextField(
        _("what did not change, and why"), blank=True, features=RICH_TEXT_FEATURES
    )
    outcome_notified_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = ConsultationManager()

    parent_page_types = ["consultations.ConsultationIndexPage"]
    subpage_types: list[str] = []
    template = "pages/consultations/consultation_page.html"

    content_panels = [
        *BasePage.content_panels,
        FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")], heading=_("Dates")),
        FieldPanel("why_consulting"),
        FieldPanel("what_can_change"),
        FieldPanel("who_can_respond"),
        MultiFieldPanel(
            [InlinePanel("topic_links", label=_("Topics")), FieldPanel("estates")],
            heading=_("Topics and estates"),
        ),
        FieldPanel("documents"),
        FieldPanel("other_formats"),
        FieldPanel("related_pages"),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_email"), FieldPanel("contact_phone")],
            heading=_("Contact"),
        ),
    ]
    survey_panels = [
        MultiFieldPanel(
            [
                FieldPanel("allow_anonymous"),
                FieldPanel("ask_responding_as"),
                FieldPanel("one_response_per_account"),
                FieldPanel("offer_email_receipt"),
            ],
            heading=_("Responding"),
        ),
        FieldPanel("survey"),
    ]
    outcome_panels = [
        FieldPanel("outcome_published_at"),
        FieldPanel("outcome_summary"),
        FieldPanel("outcome_changes"),
        FieldPanel("outcome_not_changed"),
        InlinePanel(
            "outcome_themes",
            heading=_("What residents raised, and what we did"),
            label=_("Theme"),
            help_text=_(
                "Link each item to a theme from the analysis of responses, so residents see how "
                "many responses raised it."
            ),
        ),
    ]
    base_form_class = ConsultationPageForm
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(survey_panels, heading=_("Survey")),
            ObjectList(outcome_panels, heading=_("Outcome")),
            ObjectList(BasePage.promote_panels, heading=_("Promote")),
            ObjectList(BasePage.settings_panels, heading=_("Settings")),
        ]
    )
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("why_consulting"),
        index.SearchField("what_can_change"),
        index.SearchField("outcome_summary"),
        index.FilterField("opens_at"),
        index.FilterField("closes_at"),
    ]

    class Meta:
        verbose_name = _("consultation")

    def clean(self):
        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError(
                {"closes_at": _("The closing date must be after the opening date.")}
            )
        if (
            self.outcome_published_at
            and self.closes_at
            and self.outcome_published_at < self.closes_at
        ):
            raise ValidationError(
                {"outcome_published_at": _("The outcome can only be published after closing.")}
            )

    # --- lifecycle ---------------------------------------------------------------------------
    def status_at(self, now) -> Status:
        if now < self.opens_at:
            return Status.UPCOMING
        if now < self.closes_at:
            return Status.OPEN
        if self.outcome_published_at and self.outcome_published_at <= now:
            return Status.OUTCOME
        return Status.CLOSED

    @property
    def status(self) -> Status:
        return self.status_at(timezone.now())

    @property
    def is_open(self) -> bool:
        return self.status == Status.OPEN

    @property
    def time_left(self):
        """Time until closing (a ``timedelta``), or ``None`` unless open."""
        now = timezone.now()
        return self.closes_at - now if self.status_at(now) == Status.OPEN else None

    def get_context(self, request, *args, **kwargs):
        from consultations import selectors

        context = super().get_context(request, *args, **kwargs)
        context["respond_url"] = self.url + self.reverse_subpage("respond")
        context["related_pages"] = selectors.related_pages(page=self)
        if self.status == Status.OUTCOME:
            context["response_count"] = selectors.response_count(consultation=self)
            context["outcome_themes"] = selectors.outcome_themes(consultation=self)
        return context

    # --- responding (thin routes; the journey lives in consultations.views) ------------------
    @path("respond/", name="respond")
    def respond_route(self, request):
        from consultations import views

        return views.start(request, self)

    @path("respond/responding-as/", name="responding_as")
    def responding_as_route(self, request):
        from consultations import views

        return views.responding_as(request, self)

    @path("respond/section/<slug:section_id>/", name="respond_section")
    def section_route(self, request, section_id):
        from consultations import views

        return views.section_step(request, self, section_id)

    @path("respond/your-details/", name="your_details")
    def details_route(self, request):
        from consultations import views

        return views.your_details(request, self)

    @path("respond/check/", name="check")
    def check_route(self, request):
        from consultations import views

        return views.check_answers(request, self)

    @path("respond/confirmation/", name="confirmation")
    def confirmation_route(self, request):
        from consultations import views

        return views.confirmation(request, self)

    @path("respond/save/", name="save_for_later")
    def save_route(self, request):
        from consultations import views

        return views.save_for_later(request, self)

    @path("respond/resume/<str:key>/", name="resume")
    def resume_route(self, request, key):
        from consultations import views

        return views.resume(request, self, key)

    def topics(self) -> list[str]:
        return [Topic(link.topic).label for link in self.topic_links.all()]

    # --- survey ------------------------------------------------------------------------------
    def canonical(self) -> ConsultationPage:
        """The source-language page responses and snapshots are stored against.

        Read once per page object: a responding step asks for it many times.
        """
        if "_canonical" not in self.__dict__:
            default_id = default_locale_id() or Locale.get_default().pk
            self._canonical = (
                self
                if self.locale_id == default_id
                else ConsultationPage.objects.filter(
                    translation_key=self.translation_key, locale_id=default_id
                ).first()
                or self
            )
        return self._canonical

    def survey_definition(self) -> dict:
        return survey_definition(self.survey)


class ConsultationTopicLink(Orderable):
    page = ParentalKey(ConsultationPage, on_delete=models.CASCADE, related_name="topic_links")
    topic = models.CharField(_("topic"), max_length=20, choices=Topic.choices)

    panels = [FieldPanel("topic")]

    class Meta(Orderable.Meta):
        verbose_name = _("topic")
        constraints = [
            models.UniqueConstraint(fields=["page", "topic"], name="consultation_topic_once")
        ]
        indexes = [models.Index(fields=["topic"])]

    def __str__(self):
        return Topic(self.topic).label
