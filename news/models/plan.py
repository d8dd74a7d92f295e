"""The housing improvement plan: one plan page per locale, a page per commitment, measurements.

Measurements are figures, the same in every language: they belong to a commitment whatever its
locale and are looked up through the commitment's ``translation_key``, so a measurement staff
record once shows on every translation of the commitment. Staff record them with the
``news.add_measurement`` permission (see ``news.permissions``), separate from page editing.
"""

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Locale
from wagtail.search import index

from news.status import STATUS_TAG_CLASSES, CommitmentStatus, Measure, Point, derive_status
from portal.models import BasePage, OnePerLocaleMixin

from .mixins import london_today


class Theme(models.TextChoices):
    REPAIRS = "repairs", _("Repairs")
    DAMP_AND_MOULD = "damp-and-mould", _("Damp and mould")
    COMPLAINTS = "complaints", _("Complaints")
    ENGAGEMENT = "engagement", _("Resident engagement")
    IT_AND_DATA = "it-and-data", _("IT and data")
    WORKFORCE = "workforce", _("Workforce")


class ImprovementPlanPage(OnePerLocaleMixin, BasePage):
    """The public tracker: every commitment of the plan at a glance, with its derived status."""

    parent_page_types = ["portal.HomePage"]
    subpage_types = ["news.CommitmentPage"]
    template = "pages/news/improvement_plan_page.html"

    content_panels = [
        *BasePage.content_panels,
        HelpPanel(
            content=_(
                "Statuses are worked out from each commitment's measurements, target and "
                "target date; nobody types them in. The rules are explained to residents at "
                "the foot of the tracker page."
            )
        ),
    ]

    class Meta:
        verbose_name = _("improvement plan")

    def get_context(self, request, *args, **kwargs):
        from news.selectors import plan_commitments

        context = super().get_context(request, *args, **kwargs)
        context["commitments"] = plan_commitments(plan=self)
        context["statuses"] = CommitmentStatus
        return context


class CommitmentPage(BasePage):
    """One promise of the plan, with an optional measure and its measurements over time."""

    theme = models.CharField(_("theme"), max_length=20, choices=Theme.choices)
    description = RichTextField(
        _("description"), blank=True, features=["bold", "italic", "link", "ul", "ol"]
    )
    target_date = models.DateField(_("target date"))

    measure_name = models.CharField(
        _("what is measured"),
        max_length=200,
        blank=True,
        help_text=_(
            "For example 'Repairs open for more than three months'. Leave blank for a "
            "milestone with no figure."
        ),
    )
    measure_unit = models.CharField(
        _("unit"), max_length=40, blank=True, help_text=_("For example 'repairs', '%' or 'days'.")
    )
    baseline_value = models.DecimalField(
        _("baseline value"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    baseline_date = models.DateField(_("baseline date"), null=True, blank=True)
    target_value = models.DecimalField(
        _("target value"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    lower_is_better = models.BooleanField(
        _("lower is better"),
        default=False,
        help_text=_("Tick when the figure should go down, such as a backlog of repairs."),
    )

    started_on = models.DateField(
        _("work started on"),
        null=True,
        blank=True,
        help_text=_("Milestones without a measure only: the day work began."),
    )
    delivered_on = models.DateField(
        _("delivered on"),
        null=True,
        blank=True,
        help_text=_("Milestones without a measure only: the day it was delivered."),
    )

    parent_page_types = ["news.ImprovementPlanPage"]
    subpage_types: list[str] = []
    template = "pages/news/commitment_page.html"

    search_fields = [*BasePage.search_fields, index.SearchField("description")]
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("theme"),
        FieldPanel("description"),
        FieldPanel("target_date"),
        MultiFieldPanel(
            [
                FieldPanel("measure_name"),
                FieldPanel("measure_unit"),
                FieldRowPanel([FieldPanel("baseline_value"), FieldPanel("baseline_date")]),
                FieldPanel("target_value"),
                FieldPanel("lower_is_better"),
            ],
            heading=_("Measure"),
        ),
        MultiFieldPanel(
            [FieldPanel("started_on"), FieldPanel("delivered_on")],
            heading=_("Milestone dates"),
        ),
    ]

    class Meta:
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")

    def clean(self):
        super().clean()
        measure_fields = {
            "baseline_value": self.baseline_value,
            "baseline_date": self.baseline_date,
            "target_value": self.target_value,
        }
        if self.measure_name:
            errors = {
                name: ValidationError(_("A measured commitment needs this."))
                for name, value in measure_fields.items()
                if value is None
            }
            if errors:
                raise ValidationError(errors)
            if self.target_date and self.baseline_date and self.baseline_date > self.target_date:
                raise ValidationError(
                    {"baseline_date": _("The baseline date must be before the target date.")}
                )
        elif any(value is not None for value in measure_fields.values()):
            raise ValidationError({"measure_name": _("Say what is measured.")})
        if self.started_on and self.delivered_on and self.delivered_on < self.started_on:
            raise ValidationError(
                {"delivered_on": _("The delivery date cannot be before work started.")}
            )

    @property
    def measure(self) -> Measure | None:
        if not self.measure_name or None in (
            self.baseline_value,
            self.baseline_date,
            self.target_value,
        ):
            return None
        return Measure(
            baseline_value=self.baseline_value,
            baseline_date=self.baseline_date,
            target_value=self.target_value,
            lower_is_better=self.lower_is_better,
        )

    def get_measurements(self):
        """Measurements of this commitment in any language, oldest first."""
        return Measurement.objects.filter(
            commitment__translation_key=self.translation_key
        ).order_by("date", "pk")

    def status_for(self, measurements, today: date | None = None) -> CommitmentStatus:
        return derive_status(
            today=today or london_today(),
            target_date=self.target_date,
            measure=self.measure,
            measurements=[Point(m.date, m.value) for m in measurements],
            started_on=self.started_on,
            delivered_on=self.delivered_on,
        )

    def get_context(self, request, *args, **kwargs):
        from news.charts import measurement_chart
        from news.selectors import related_updates

        context = super().get_context(request, *args, **kwargs)
        measurements = list(self.get_measurements())
        status = self.status_for(measurements)
        context.update(
            measurements=measurements,
            status=status,
            status_label=status.label,
            status_class=STATUS_TAG_CLASSES[status],
            chart=measurement_chart(commitment=self, measurements=measurements),
            related_updates=related_updates(commitment=self, limit=10),
        )
        return context


class Measurement(models.Model):
    """A dated figure for a commitment's measure, with where it came from."""

    commitment = models.ForeignKey(
        CommitmentPage,
        verbose_name=_("commitment"),
        on_delete=models.CASCADE,
        related_name="measurements",
    )
    date = models.DateField(_("date"), help_text=_("The day the figure describes."))
    value = models.DecimalField(_("value"), max_digits=12, decimal_places=2)
    source_note = models.CharField(
        _("source"),
        max_length=300,
        help_text=_("Where the figure comes from, for example 'Repairs system report'."),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    panels = [
        FieldPanel("commitment"),
        FieldPanel("date"),
        FieldPanel("value"),
        FieldPanel("source_note"),
    ]

    class Meta:
        verbose_name = _("measurement")
        verbose_name_plural = _("measurements")
        ordering = ["commitment", "date"]
        constraints = [
            models.UniqueConstraint(
                fields=["commitment", "date"], name="news_one_measurement_per_day"
            )
        ]

    def __str__(self) -> str:
        return f"{self.commitment.title}: {self.value} ({self.date:%Y-%m-%d})"

    def clean(self):
        super().clean()
        if self.commitment_id is None:
            return
        # One row per figure whichever translation staff picked, so the per-day rule holds.
        commitment = self.commitment
        default_copy = commitment.get_translation_or_none(Locale.get_default())
        if default_copy is not None and default_copy.pk != commitment.pk:
            self.commitment = commitment = default_copy
        if not commitment.measure_name:
            raise ValidationError(
                {"commitment": _("This commitment has no measure, so it takes no figures.")}
            )
        if self.date and self.date > london_today():
            raise ValidationError({"date": _("The date cannot be in the future.")})
