"""Writes for consultations: survey snapshots, drafts, submitting, erasing and retention.

Every function takes keyword-only arguments and runs in a transaction. ``submit_response`` is
exactly-once per form token: the token is unique in the database, so a replayed, double-clicked
or concurrent submission returns the response already stored and stores nothing new.
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from consultations import questions, survey
from consultations.models import (
    Channel,
    ConsultationPage,
    ConsultationSettings,
    RespondentDetails,
    Response,
    ResponseDraft,
    SurveySnapshot,
    definition_digest,
    new_reference,
)
from news.models import Estate
from portal.mail import send_or_log


class EmailNotSent(Exception):
    """The mail server could not be reached or refused the message (already logged)."""


def _send(subject: str, body: str, to: str, *, what: str) -> None:
    if not send_or_log(subject, body, to, what=what):
        raise EmailNotSent(what)


class SurveyInvalid(Exception):
    """The answers break the survey's rules; ``errors`` maps question id → message."""

    def __init__(self, errors: dict[str, str]):
        super().__init__(errors)
        self.errors = errors


class ConsultationNotOpen(Exception):
    pass


class AlreadyResponded(Exception):
    def __init__(self, response: Response):
        super().__init__(response.reference)
        self.response = response


@dataclass(frozen=True)
class Submission:
    response: Response
    created: bool


@transaction.atomic
def snapshot_survey(*, consultation: ConsultationPage, revision=None) -> SurveySnapshot:
    """The snapshot of the consultation's current survey, created if the questions changed."""
    page = consultation.canonical()
    definition = page.survey_definition()
    digest = definition_digest(definition)
    existing = SurveySnapshot.objects.filter(consultation=page, digest=digest).first()
    if existing:
        return existing
    for _attempt in range(3):
        version = (
            SurveySnapshot.objects.filter(consultation=page).aggregate(v=Max("version"))["v"] or 0
        ) + 1
        try:
            with transaction.atomic():
                return SurveySnapshot.objects.create(
                    consultation=page,
                    version=version,
                    definition=definition,
                    digest=digest,
                    revision=revision,
                )
        except IntegrityError:  # a concurrent request stored this version or this digest
            existing = SurveySnapshot.objects.filter(consultation=page, digest=digest).first()
            if existing:
                return existing
    raise RuntimeError("could not store a survey snapshot")


def estates_for(definition: dict):
    if any(
        questions.for_question(q).chooses_estate
        for s in definition["sections"]
        for q in s["questions"]
    ):
        return list(Estate.objects.order_by("name"))
    return []


@transaction.atomic
def submit_response(
    *,
    consultation: ConsultationPage,
    token: uuid.UUID,
    answers: dict[str, Any],
    language: str,
    channel: str = Channel.ONLINE,
    respondent=None,
    respondent_type: str = "",
    details: dict[str, Any] | None = None,
    entered_by=None,
    submitted_at=None,
    check_open: bool = True,
    send_receipt: bool = True,
) -> Submission:
    """Store one response exactly once per ``token``.

    Raises ``SurveyInvalid`` (answers break the rules; nothing stored), ``ConsultationNotOpen``
    (online responses outside the dates) or ``AlreadyResponded`` (one response per account).
    ``details`` may hold ``name``, ``email``, ``address``, ``wants_updates``, ``receipt``.
    """
    existing = Response.objects.filter(token=token).select_related("consultation").first()
    if existing:
        return Submission(existing, False)
    page = consultation.canonical()
    if check_open and not page.is_open:
        raise ConsultationNotOpen
    snapshot = snapshot_survey(consultation=page)
    clean, errors = survey.validate_answers(
        snapshot.definition,
        answers,
        estates=estates_for(snapshot.definition),
        respondent_type=respondent_type or "",
    )
    if errors:
        raise SurveyInvalid(errors)
    account_key = (
        respondent.pk
        if respondent is not None and page.one_response_per_account and channel == Channel.ONLINE
        else None
    )
    estate_id = next(
        (
            clean[q["id"]]
            for q in snapshot.questions()
            if questions.for_question(q).chooses_estate and isinstance(clean.get(q["id"]), int)
        ),
        None,
    )
    for _attempt in range(5):
        try:
            with transaction.atomic():
                response = Response.objects.create(
                    consultation=page,
                    snapshot=snapshot,
                    reference=new_reference(),
                    token=token,
                    submitted_at=submitted_at or timezone.now(),
                    language=language[:10],
                    channel=channel,
                    respondent=respondent,
                    account_key=account_key,
                    respondent_type=respondent_type or "",
                    answers=clean,
                    estate_id=estate_id,
                    entered_by=entered_by,
                )
            break
        except IntegrityError:
            existing = Response.objects.filter(token=token).first()
            if existing:  # the same form was stored meanwhile by a concurrent request
                return Submission(existing, False)
            if account_key is not None:
                previous = Response.objects.filter(
                    consultation=page, account_key=account_key
                ).first()
                if previous:
                    raise AlreadyResponded(previous) from None
            # otherwise the random reference collided: try another
    else:
        raise RuntimeError("could not allocate a response reference")
    details = details or {}
    if any(details.get(key) for key in ("name", "email", "address", "wants_updates")):
        RespondentDetails.objects.create(
            response=response,
            name=(details.get("name") or "")[:120],
            email=(details.get("email") or "")[:254],
            address=(details.get("address") or "")[:500],
            wants_updates=bool(details.get("wants_updates")) and bool(details.get("email")),
            receipt_requested=bool(details.get("receipt")) and bool(details.get("email")),
        )
        if send_receipt and details.get("receipt") and details.get("email"):
            transaction.on_commit(lambda: send_receipt_email(response_id=response.pk))
    ResponseDraft.objects.filter(token=token).delete()
    return Submission(response, True)


def send_receipt_email(*, response_id: int) -> bool:
    """Email the respondent their reference and answers, in the language they responded in.

    Returns whether a receipt was sent now.
    """
    response = Response.objects.select_related("consultation", "snapshot", "details").get(
        pk=response_id
    )
    details = response.details
    if not details.email or details.receipt_sent_at:
        return False
    with translation.override(response.language):
        page = localised(response.consultation, response.language)
        definition = page.survey_definition()
        estates = estates_for(definition)
        lines = [
            (q["label"], survey.display_answer(q, response.answers, estates))
            for q in survey.visible_questions(
                definition, response.answers, respondent_type=response.respondent_type
            )
            if q["id"] in response.answers
        ]
        subject = _("Your response to %(title)s: %(reference)s") % {
            "title": page.title,
            "reference": response.reference,
        }
        body = render_to_string(
            "components/consultations/email/receipt.txt",
            {"page": page, "response": response, "lines": lines},
        )
    try:
        _send(subject, body, details.email, what=f"receipt for {response.reference}")
    except EmailNotSent:
        # The response is stored and the confirmation page shows the reference; the receipt is
        # left unsent (``receipt_sent_at`` empty) rather than failing the resident's request.
        return False
    RespondentDetails.objects.filter(pk=details.pk).update(receipt_sent_at=timezone.now())
    return True


RECEIPT_RETRY_DAYS = 7


def send_pending_receipts(*, now=None) -> int:
    """Send receipts asked for in the last week that the mail server did not take at the time.

    Returns how many were sent; each is sent once (``send_receipt_email`` checks and records it).
    """
    since = (now or timezone.now()) - timedelta(days=RECEIPT_RETRY_DAYS)
    pending = RespondentDetails.objects.filter(
        receipt_requested=True,
        receipt_sent_at__isnull=True,
        anonymised_at__isnull=True,
        response__submitted_at__gte=since,
    ).exclude(email="")
    return sum(
        send_receipt_email(response_id=response_id)
        for response_id in pending.values_list("response_id", flat=True).iterator()
    )


def localised(page: ConsultationPage, language: str) -> ConsultationPage:
    translated = (
        ConsultationPage.objects.filter(
            translation_key=page.translation_key, locale__language_code=language
        )
        .live()
        .first()
    )
    return translated or page


# --- drafts (save and resume) ---------------------------------------------------------------
def _hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


@transaction.atomic
def start_draft(
    *,
    consultation: ConsultationPage,
    user=None,
    language: str = "",
    token: uuid.UUID | None = None,
) -> ResponseDraft:
    """The signed-in resident's draft for this consultation, or a new anonymous draft.

    ``token`` is the form token the new draft takes (a new one if not given); a token already
    claimed raises ``IntegrityError`` (it is unique).
    """
    page = consultation.canonical()
    fields = {"expires_at": page.closes_at, "language": language, "token": token or uuid.uuid4()}
    if user is not None and user.is_authenticated:
        draft, _created = ResponseDraft.objects.get_or_create(
            consultation=page, user=user, defaults=fields
        )
        return draft
    return ResponseDraft.objects.create(consultation=page, **fields)


@transaction.atomic
def save_draft_answers(
    *,
    draft: ResponseDraft,
    definition: dict,
    answers: dict[str, Any] | None = None,
    respondent_type: str | None = None,
    details: dict[str, Any] | None = None,
    language: str = "",
) -> ResponseDraft:
    """Merge answers from one step into the draft and drop answers made stale by conditions.

    A new ``respondent_type`` can hide questions too ("responding as" conditions).
    """
    if respondent_type is not None:
        draft.respondent_type = respondent_type
    if answers is not None or respondent_type is not None:
        merged = {**draft.answers, **(answers or {})}
        draft.answers = survey.prune_answers(
            definition, merged, respondent_type=draft.respondent_type
        )
    if details is not None:
        draft.details = details
    if language:
        draft.language = language
    draft.save()
    return draft


def clear_answers(*, draft: ResponseDraft, question_ids: list[str]) -> None:
    """Remove answers to these questions (a resident cleared an optional answer)."""
    cleared = set(question_ids)
    answers = {
        key: value for key, value in draft.answers.items() if key.split(".")[0] not in cleared
    }
    if answers != draft.answers:  # most steps clear nothing: no write
        ResponseDraft.objects.filter(pk=draft.pk).update(answers=answers)
        draft.answers = answers


@transaction.atomic
def issue_resume_key(*, draft: ResponseDraft) -> str:
    """A new secret for an anonymous resume link (only its hash is stored)."""
    key = secrets.token_urlsafe(24)
    draft.resume_key_hash = _hash(key)
    draft.save(update_fields=["resume_key_hash", "updated_at"])
    return key


def abandoned_before(now=None):
    """Anonymous drafts last changed at or before this moment are abandoned (and deleted)."""
    return (now or timezone.now()) - timedelta(days=settings.ANONYMOUS_DRAFT_RETENTION_DAYS)


def resume_link_works_until(*, draft: ResponseDraft):
    """When an anonymous draft's resume link stops working unless more answers are saved."""
    return min(
        draft.expires_at, draft.updated_at + timedelta(days=settings.ANONYMOUS_DRAFT_RETENTION_DAYS)
    )


def draft_for_resume_key(*, consultation: ConsultationPage, key: str) -> ResponseDraft | None:
    return ResponseDraft.objects.filter(
        consultation=consultation.canonical(),
        resume_key_hash=_hash(key),
        expires_at__gt=timezone.now(),
        updated_at__gt=abandoned_before(),
    ).first()


def send_resume_link(*, draft: ResponseDraft, email: str, url: str, page: ConsultationPage) -> None:
    """Email a resume link; raises ``EmailNotSent`` so the resident can be told to try again."""
    subject = _("Continue your response to %(title)s") % {"title": page.title}
    body = render_to_string(
        "components/consultations/email/resume.txt",
        {
            "page": page,
            "url": url,
            "draft": draft,
            "until": resume_link_works_until(draft=draft),
            "days": settings.ANONYMOUS_DRAFT_RETENTION_DAYS,
        },
    )
    _send(subject, body, email, what="resume link")


# --- outcome --------------------------------------------------------------------------------
def notify_outcome(*, consultation: ConsultationPage, base_url: str = "") -> int:
    """Email respondents who asked to hear back, once each; returns how many were sent.

    A message the mail server refuses is left unsent, and the others still go.
    """
    page = consultation.canonical()
    if page.status != "outcome":
        return 0
    sent = 0
    pending = RespondentDetails.objects.filter(
        response__consultation=page,
        wants_updates=True,
        outcome_sent_at__isnull=True,
        anonymised_at__isnull=True,
    ).exclude(email="")
    for details in pending.select_related("response").iterator():
        with translation.override(details.response.language):
            localised_page = localised(page, details.response.language)
            subject = _("What we did after %(title)s") % {"title": localised_page.title}
            body = render_to_string(
                "components/consultations/email/outcome.txt",
                {"page": localised_page, "url": localised_page.get_full_url() or base_url},
            )
        with transaction.atomic():
            locked = (
                RespondentDetails.objects.select_for_update()
                .filter(pk=details.pk, outcome_sent_at__isnull=True)
                .first()
            )
            if locked is None:
                continue
            try:
                _send(subject, body, details.email, what=f"outcome for {details.response_id}")
            except EmailNotSent:
                continue  # left unsent: the daily send_outcome_emails tries again
            locked.outcome_sent_at = timezone.now()
            locked.save(update_fields=["outcome_sent_at"])
            sent += 1
    ConsultationPage.objects.filter(pk=page.pk).update(outcome_notified_at=timezone.now())
    return sent


# --- privacy --------------------------------------------------------------------------------
@transaction.atomic
def anonymise_details(*, details: RespondentDetails) -> None:
    details.name = ""
    details.email = ""
    details.address = ""
    details.wants_updates = False
    details.anonymised_at = timezone.now()
    details.save()


@transaction.atomic
def erase_respondent(*, response: Response, erase_answers: bool = False) -> None:
    """Erase one respondent's personal data: details, account link and (optionally) answers.

    Free-text answers may contain personal data, so ``erase_answers`` also removes the answers
    (the response row stays, so counts of responses stay true).
    """
    details = RespondentDetails.objects.filter(response=response).first()
    if details:
        anonymise_details(details=details)
    response.respondent = None
    response.account_key = None
    if erase_answers:
        response.answers = {}
        response.estate = None
    response.save(update_fields=["respondent", "account_key", "answers", "estate"])
    ResponseDraft.objects.filter(token=response.token).delete()


@transaction.atomic
def apply_retention(*, now=None, retention_days: int | None = None) -> dict[str, int]:
    """Anonymise personal details of responses to consultations closed longer than the setting.

    Also deletes every draft whose consultation has closed (``expires_at``), and anonymous drafts
    not changed for ``settings.ANONYMOUS_DRAFT_RETENTION_DAYS`` (their sessions ended long ago
    and their resume links have stopped working). A signed-in resident's draft stays until the
    consultation closes or the account is deleted. Submitted responses are not touched here
    beyond the anonymising above. Returns counts for the command's output.
    """
    now = now or timezone.now()
    if retention_days is None:
        retention_days = ConsultationSettings.load().retention_days
    cutoff = now - timedelta(days=retention_days)
    due = RespondentDetails.objects.filter(
        response__consultation__closes_at__lte=cutoff, anonymised_at__isnull=True
    )
    anonymised = due.update(name="", email="", address="", wants_updates=False, anonymised_at=now)
    drafts, _deleted = ResponseDraft.objects.filter(expires_at__lte=now).delete()
    abandoned, _deleted = ResponseDraft.objects.filter(
        user__isnull=True, updated_at__lte=abandoned_before(now)
    ).delete()
    return {
        "anonymised": anonymised,
        "drafts_deleted": drafts,
        "abandoned_drafts_deleted": abandoned,
    }
