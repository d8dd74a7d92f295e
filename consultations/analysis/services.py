"""Analysts' writes: themes, theme coding and erasing a respondent (audit-logged)."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from wagtail.log_actions import log

from consultations import services as consultation_services
from consultations.analysis import results
from consultations.models import (
    AnswerTheme,
    ConsultationPage,
    DismissedSuggestion,
    Response,
    Theme,
)

BATCH = 1000


class ThemeExists(Exception):
    pass


@transaction.atomic
def create_theme(
    *, consultation: ConsultationPage, name: str, description: str = "", user=None
) -> Theme:
    """A new theme for this consultation; raises ``ThemeExists`` if the name is taken."""
    name = " ".join(name.split())[:100]
    try:
        with transaction.atomic():
            return Theme.objects.create(
                consultation=consultation.canonical(),
                name=name,
                description=description.strip()[:255],
                created_by=user,
            )
    except IntegrityError:
        raise ThemeExists(name) from None


@transaction.atomic
def delete_theme(*, theme: Theme) -> None:
    theme.delete()


@transaction.atomic
def set_answer_themes(
    *, response: Response, key: str, themes: list[Theme], user=None
) -> list[AnswerTheme]:
    """Make ``themes`` exactly the themes of one free-text answer (idempotent)."""
    wanted = {t.pk for t in themes if t.consultation_id == response.consultation_id}
    AnswerTheme.objects.filter(response=response, question_id=key).exclude(
        theme_id__in=wanted
    ).delete()
    have = set(
        AnswerTheme.objects.filter(response=response, question_id=key).values_list(
            "theme_id", flat=True
        )
    )
    AnswerTheme.objects.bulk_create(
        [
            AnswerTheme(theme_id=pk, response=response, question_id=key, coded_by=user)
            for pk in sorted(wanted - have)
        ],
        ignore_conflicts=True,
    )
    return list(AnswerTheme.objects.filter(response=response, question_id=key))


@transaction.atomic
def code_answers(
    *,
    consultation: ConsultationPage,
    key: str,
    response_ids: list[int],
    add: list[Theme] = (),
    remove: list[Theme] = (),
    user=None,
) -> int:
    """Add ``add`` to and take ``remove`` from the ``key`` answers of many responses at once.

    Responses of other consultations and themes of other consultations are ignored; adding a
    theme an answer already has changes nothing (idempotent). Returns how many answers the
    action covered.
    """
    page = consultation.canonical()
    ids = sorted(
        set(
            Response.objects.filter(consultation=page, pk__in=list(response_ids)).values_list(
                "pk", flat=True
            )
        )
    )
    adding = sorted({t.pk for t in add if t.consultation_id == page.pk})
    removing = sorted({t.pk for t in remove if t.consultation_id == page.pk} - set(adding))
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        if removing:
            AnswerTheme.objects.filter(
                response_id__in=chunk, question_id=key, theme_id__in=removing
            ).delete()
        AnswerTheme.objects.bulk_create(
            [
                AnswerTheme(theme_id=theme, response_id=pk, question_id=key, coded_by=user)
                for pk in chunk
                for theme in adding
            ],
            ignore_conflicts=True,
            batch_size=BATCH,
        )
    return len(ids)


@transaction.atomic
def accept_suggestion(
    *, consultation: ConsultationPage, key: str, name: str, response_ids: list[int], user=None
) -> tuple[Theme, bool]:
    """Code the answers of one accepted (or several merged) suggestions with the theme ``name``.

    An existing theme of that name is used, so accepting under an existing name merges into it.
    Returns the theme and whether it was created.
    """
    page = consultation.canonical()
    name = " ".join(name.split())[:100]
    theme = Theme.objects.filter(consultation=page, name__iexact=name).first()
    created = theme is None
    if created:
        theme = create_theme(consultation=page, name=name, user=user)
    code_answers(consultation=page, key=key, response_ids=response_ids, add=[theme], user=user)
    return theme, created


@transaction.atomic
def dismiss_suggestion(*, consultation: ConsultationPage, key: str, signature: str, user=None):
    """Hide a suggested theme an analyst rejected (nothing is coded)."""
    DismissedSuggestion.objects.get_or_create(
        consultation=consultation.canonical(),
        question_id=key,
        signature=signature,
        defaults={"dismissed_by": user},
    )


@transaction.atomic
def erase_respondent_data(*, response: Response, erase_answers: bool, user=None) -> None:
    """Erase one respondent's personal data (and answers if asked), logged without the data."""
    consultation_services.erase_respondent(response=response, erase_answers=erase_answers)
    if erase_answers:
        AnswerTheme.objects.filter(response=response).delete()
        # Counted results must not keep counting the erased answers.
        transaction.on_commit(
            lambda: results.forget_results(consultation_id=response.consultation_id)
        )
    log(
        instance=response.consultation,
        action="consultations.erase_respondent",
        user=user,
        data={"reference": response.reference, "answers_erased": erase_answers},
    )
