"""Theme coding of free-text answers: analysts define themes per consultation and tag answers.

An ``AnswerTheme`` tags one free-text answer (``question_id`` of the response's answers, or
``"<question id>.other"`` for an "Other (please specify)" text) with one theme. Counting tags per
theme gives the theme counts on the results page and in outcomes.

An ``OutcomeTheme`` is one "you said, we did" item of a published outcome, linked to the theme it
answers so the page can say how many responses raised it. Its words are translated with the page
(wagtail-localize); the theme link is the same in every language.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable, TranslatableMixin

from .pages import ConsultationPage
from .responses import Response


class Theme(models.Model):
    consultation = models.ForeignKey(
        ConsultationPage,
        verbose_name=_("consultation"),
        on_delete=models.CASCADE,
        related_name="themes",
    )
    name = models.CharField(_("name"), max_length=100)
    description = models.CharField(_("description"), max_length=255, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["consultation", "name"]
        constraints = [
            models.UniqueConstraint(fields=["consultation", "name"], name="theme_name_once")
        ]

    def __str__(self):
        return self.name


class AnswerTheme(models.Model):
    theme = models.ForeignKey(
        Theme, verbose_name=_("theme"), on_delete=models.CASCADE, related_name="codings"
    )
    response = models.ForeignKey(
        Response, verbose_name=_("response"), on_delete=models.CASCADE, related_name="codings"
    )
    question_id = models.CharField(_("question"), max_length=80)
    coded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    coded_at = models.DateTimeField(_("coded"), default=timezone.now)

    class Meta:
        verbose_name = _("answer theme")
        verbose_name_plural = _("answer themes")
        constraints = [
            models.UniqueConstraint(
                fields=["theme", "response", "question_id"], name="answer_theme_once"
            )
        ]
        indexes = [models.Index(fields=["response", "question_id"], name="answer_theme_by_answer")]

    def __str__(self):
        return f"{self.response_id}/{self.question_id}: {self.theme_id}"


class DismissedSuggestion(models.Model):
    """A suggested theme an analyst rejected, hidden while its answers stay the same.

    ``signature`` names the suggestion's set of answers (``analysis.similarity.signature``); when
    new answers change the cluster it is a new suggestion and is shown again.
    """

    consultation = models.ForeignKey(
        ConsultationPage, on_delete=models.CASCADE, related_name="dismissed_suggestions"
    )
    question_id = models.CharField(_("question"), max_length=80)
    signature = models.CharField(max_length=32)
    dismissed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    dismissed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("rejected theme suggestion")
        verbose_name_plural = _("rejected theme suggestions")
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "question_id", "signature"],
                name="suggestion_dismissed_once",
            )
        ]

    def __str__(self):
        return f"{self.question_id}: {self.signature}"


class OutcomeTheme(TranslatableMixin, Orderable):
    page = ParentalKey(ConsultationPage, on_delete=models.CASCADE, related_name="outcome_themes")
    theme = models.ForeignKey(
        Theme,
        verbose_name=_("theme"),
        # Deleting a theme in the analysis tools must not change a published outcome's words;
        # the item stays, without its count.
        null=True,
        on_delete=models.SET_NULL,
        related_name="outcome_links",
        help_text=_("A theme from the analysis of responses: the page shows how many raised it."),
    )
    heading = models.CharField(
        _("heading"),
        max_length=150,
        help_text=_("What residents raised, in plain words, for example “Evening appointments”."),
    )
    you_said = models.TextField(_("you said"), max_length=1000)
    we_did = models.TextField(_("we did"), max_length=1000)

    panels = [
        FieldPanel("theme"),
        FieldPanel("heading"),
        FieldPanel("you_said"),
        FieldPanel("we_did"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("outcome theme")
        verbose_name_plural = _("outcome themes")

    def __str__(self):
        return self.heading
