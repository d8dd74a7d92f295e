"""Where responses live: survey snapshots, responses, personal details apart, and drafts.

Answer format (``Response.answers`` and ``ResponseDraft.answers``)
-----------------------------------------------------------------
A JSON object keyed by question id (``SurveySnapshot.definition`` lists the questions). Only
questions the respondent answered and whose conditions were met are present: a skipped optional
question or a question hidden by its condition has no key. Values never depend on the language:
options are stored by *value*, not label.

==================  ==========================================================================
question type       value
==================  ==========================================================================
short_text          str (stripped, at most the question's ``max_length``)
long_text           str (stripped, at most ``max_length``; line breaks kept as ``\\n``)
single_choice       str: one option value, or ``"other"``
multiple_choice     list[str]: option values in the survey's option order; may include
                    ``"other"``
dropdown            str: one option value
yes_no              ``"yes"`` | ``"no"`` | ``"dont_know"``
agreement           ``"strongly_agree"`` | ``"agree"`` | ``"neither"`` | ``"disagree"`` |
                    ``"strongly_disagree"``
rating              int within the question's ``min``..``max`` (1–5 or 0–10)
ranking             list[str]: option values, most important first (``rank_count`` long)
matrix              dict[str, str]: row value → column value (answered rows only)
number              int within ``min``..``max`` when set
date                str: ISO date ``"YYYY-MM-DD"``
email               str: an email address, domain lower-cased
postcode            str: upper-case UK postcode with one space, e.g. ``"E8 1DY"``
estate              int: ``news.Estate`` primary key, or ``"not_listed"``; the estate is also
                    copied to ``Response.estate`` for breakdowns
equality            str: one option value, ``"other"`` or ``"prefer_not_to_say"``
consent             ``True`` (only stored when given)
==================  ==========================================================================

"Other (please specify)" text is stored under the companion key ``"<question id>.other"`` (str);
question ids never contain a dot, so the two cannot collide.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .pages import ConsultationPage, RespondentType

# Crockford-style alphabet without look-alikes (no I, L, O, U, 0, 1) for references read aloud.
REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"


def new_reference() -> str:
    """A short reference residents can read out, e.g. ``"K7QM-4XT2"`` (~40 bits)."""
    chars = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))
    return f"{chars[:4]}-{chars[4:]}"


def definition_digest(definition: dict) -> str:
    return hashlib.sha256(
        json.dumps(definition, sort_keys=True, ensure_ascii=False).encode()
    ).hexdigest()


class SurveySnapshot(models.Model):
    """The survey's questions as JSON, one row per distinct published version.

    ``definition`` is ``consultations.blocks.survey_definition`` of the source-language page:
    ``{"format": 1, "sections": [{"id", "title", "description", "condition",
    "questions": [{"id", "type", "label", "hint", "required", "condition", ...type fields}]}]}``
    where a condition is ``{"question": <id>, "values": [<option value>, ...]}`` or ``None``.
    Editing questions after opening creates a new version; earlier responses keep pointing at
    the version they answered.
    """

    consultation = models.ForeignKey(
        ConsultationPage,
        verbose_name=_("consultation"),
        on_delete=models.CASCADE,
        related_name="survey_snapshots",
    )
    version = models.PositiveIntegerField(_("version"))
    definition = models.JSONField(_("questions"))
    digest = models.CharField(max_length=64)
    revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("survey version")
        ordering = ["consultation", "version"]
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "version"], name="survey_snapshot_version_once"
            ),
            models.UniqueConstraint(
                fields=["consultation", "digest"], name="survey_snapshot_digest_once"
            ),
        ]

    def __str__(self):
        return f"{self.consultation_id} v{self.version}"

    def questions(self) -> list[dict]:
        return [q for section in self.definition["sections"] for q in section["questions"]]


class Channel(models.TextChoices):
    ONLINE = "online", _("Online")
    PAPER = "paper", _("Paper")
    PHONE = "phone", _("Phone")
    EVENT = "event", _("Event")


class ResponseQuerySet(models.QuerySet):
    def for_consultation(self, page: ConsultationPage):
        return self.filter(consultation=page.canonical())


class Response(models.Model):
    """One submitted response. Personal details are in ``RespondentDetails``, not here.

    ``token`` is the one-time token carried by the response form: unique, so a replayed or
    concurrent submission of the same form finds the stored response instead of adding one.
    ``account_key`` is the respondent's user id only when the consultation allows one response
    per account (unique per consultation); otherwise null.
    """

    consultation = models.ForeignKey(
        ConsultationPage,
        verbose_name=_("consultation"),
        on_delete=models.PROTECT,
        related_name="responses",
    )
    snapshot = models.ForeignKey(
        SurveySnapshot,
        verbose_name=_("survey version"),
        on_delete=models.PROTECT,
        related_name="responses",
    )
    reference = models.CharField(_("reference"), max_length=9, unique=True, default=new_reference)
    token = models.UUIDField(_("form token"), unique=True, editable=False)
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now)
    language = models.CharField(_("language"), max_length=10)
    channel = models.CharField(
        _("channel"), max_length=10, choices=Channel.choices, default=Channel.ONLINE
    )
    respondent = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("respondent account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="consultation_responses",
    )
    account_key = models.BigIntegerField(null=True, blank=True, editable=False)
    respondent_type = models.CharField(
        _("responding as"),
        max_length=20,
        choices=RespondentType.choices,
        blank=True,
        default=RespondentType.NOT_GIVEN,
    )
    answers = models.JSONField(_("answers"), default=dict)
    estate = models.ForeignKey(
        "news.Estate",
        verbose_name=_("estate"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="consultation_responses",
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entered by (staff)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The staff member who typed in a paper, phone or event response."),
    )

    objects = ResponseQuerySet.as_manager()

    class Meta:
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        ordering = ["consultation", "submitted_at", "id"]
        # Given to Consultation analysts (consultations.analysis.permissions).
        permissions = [
            ("export_response", "Can export responses"),
            ("erase_response", "Can erase a respondent's personal data"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "account_key"], name="response_once_per_account"
            )
        ]
        indexes = [
            models.Index(fields=["consultation", "submitted_at"], name="response_by_time"),
            models.Index(fields=["consultation", "language"], name="response_by_language"),
            models.Index(fields=["consultation", "channel"], name="response_by_channel"),
            models.Index(fields=["consultation", "estate"], name="response_by_estate"),
            models.Index(fields=["respondent"], name="response_by_respondent"),
        ]

    def __str__(self):
        return self.reference


class RespondentDetails(models.Model):
    """Personal details, kept apart from answers so they can be anonymised or erased alone."""

    response = models.OneToOneField(
        Response, on_delete=models.CASCADE, related_name="details", primary_key=True
    )
    name = models.CharField(_("name"), max_length=120, blank=True)
    email = models.EmailField(_("email"), blank=True)
    address = models.TextField(_("address"), blank=True, max_length=500)
    wants_updates = models.BooleanField(_("wants to hear about the outcome"), default=False)
    receipt_requested = models.BooleanField(_("asked for a receipt"), default=False)
    receipt_sent_at = models.DateTimeField(null=True, blank=True)
    outcome_sent_at = models.DateTimeField(null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True)

    class Meta:
        verbose_name = _("respondent details")
        verbose_name_plural = _("respondent details")
        indexes = [models.Index(fields=["email"], name="respondent_by_email")]

    def __str__(self):
        return str(self.response)


class ResponseDraft(models.Model):
    """A response in progress: answers so far, saved at every step (save and resume).

    Signed-in residents have at most one draft per consultation (``user``); anonymous drafts are
    found through the browser session or a resume link carrying ``resume_key`` (stored hashed).
    ``token`` becomes the ``Response.token`` when submitted. Drafts expire when the consultation
    closes (``expires_at``).
    """

    consultation = models.ForeignKey(
        ConsultationPage, on_delete=models.CASCADE, related_name="response_drafts"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="consultation_drafts",
    )
    token = models.UUIDField(unique=True, default=uuid.uuid4, editable=False)
    resume_key_hash = models.CharField(max_length=64, blank=True, db_index=True)
    answers = models.JSONField(default=dict)
    respondent_type = models.CharField(max_length=20, blank=True)
    details = models.JSONField(default=dict, help_text="name, email, address, wants_updates")
    language = models.CharField(max_length=10, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    expires_at = models.DateTimeField()

    class Meta:
        verbose_name = _("response draft")
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "user"],
                condition=Q(user__isnull=False),
                name="response_draft_once_per_user",
            )
        ]
        indexes = [models.Index(fields=["expires_at"], name="response_draft_by_expiry")]

    def __str__(self):
        return f"draft {self.pk}"
