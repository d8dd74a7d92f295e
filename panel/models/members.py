"""Panel members: a snippet the panel secretary keeps, shown on the public member list."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from portal.models.fields import optional_image


class MemberRole(models.TextChoices):
    CHAIR = "chair", _("Chair")
    INDEPENDENT_EXPERT = "independent_expert", _("Independent expert")
    TENANT = "tenant", _("Tenant")
    LEASEHOLDER = "leaseholder", _("Leaseholder")
    COUNCILLOR = "councillor", _("Councillor")
    OFFICER = "officer", _("Council officer")


# The order members are listed in: the chair first, then the residents the panel serves.
ROLE_ORDER = [
    MemberRole.CHAIR,
    MemberRole.TENANT,
    MemberRole.LEASEHOLDER,
    MemberRole.INDEPENDENT_EXPERT,
    MemberRole.COUNCILLOR,
    MemberRole.OFFICER,
]


class PanelMemberQuerySet(models.QuerySet):
    def current(self, on: datetime.date | None = None):
        """Members whose term has started and not ended on ``on`` (default: today in London)."""
        on = on or timezone.localdate()
        return self.filter(term_start__lte=on).filter(
            models.Q(term_end__isnull=True) | models.Q(term_end__gte=on)
        )

    def past(self, on: datetime.date | None = None):
        """Members whose term ended before ``on``."""
        on = on or timezone.localdate()
        return self.filter(term_end__lt=on)

    def in_listing_order(self):
        return self.annotate(
            role_order=models.Case(
                *(models.When(role=role, then=i) for i, role in enumerate(ROLE_ORDER)),
                default=len(ROLE_ORDER),
                output_field=models.IntegerField(),
            )
        ).order_by("role_order", "name")


class PanelMember(index.Indexed, models.Model):
    """A member of the Housing Advisory Panel, past or present.

    Not translatable: a member is one person whatever the language, so meetings in every
    language point at the same row; role labels are translated through the interface.
    """

    name = models.CharField(_("name"), max_length=120)
    role = models.CharField(_("role"), max_length=30, choices=MemberRole.choices)
    biography = models.TextField(
        _("short biography"),
        max_length=1000,
        blank=True,
        help_text=_("A few sentences in plain language: who they are and what they bring."),
    )
    photo = optional_image(_("photo"))
    photo_alt_text = models.CharField(
        _("photo description"),
        max_length=250,
        blank=True,
        help_text=_("Describe the photo for people who cannot see it."),
    )
    term_start = models.DateField(_("term starts"))
    term_end = models.DateField(
        _("term ends"), null=True, blank=True, help_text=_("Leave blank if the term is open.")
    )
    declarations_of_interest = models.TextField(
        _("declarations of interest"),
        blank=True,
        help_text=_("Interests the member has declared. Leave blank if there are none."),
    )

    objects = PanelMemberQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("biography"),
        MultiFieldPanel([FieldPanel("photo"), FieldPanel("photo_alt_text")], heading=_("Photo")),
        FieldRowPanel([FieldPanel("term_start"), FieldPanel("term_end")], heading=_("Term")),
        FieldPanel("declarations_of_interest"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("panel member")
        verbose_name_plural = _("panel members")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        super().clean()
        errors = {}
        if self.photo_id and not self.photo_alt_text.strip():
            errors["photo_alt_text"] = _("Describe the photo, or remove it.")
        if self.term_start and self.term_end and self.term_end < self.term_start:
            errors["term_end"] = _("The term must end on or after the day it starts.")
        if errors:
            raise ValidationError(errors)

    def is_current(self, on: datetime.date | None = None) -> bool:
        on = on or timezone.localdate()
        return self.term_start <= on and (self.term_end is None or self.term_end >= on)
