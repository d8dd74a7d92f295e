"""Analysts' writes: themes, theme coding and erasing a respondent (audit-logged)."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from wagtail.log_actions import log

from consultations import services as consultation_services
from consultations.analysis import results
from consultations.models import AnswerTheme, ConsultationPage, Response, Theme


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
