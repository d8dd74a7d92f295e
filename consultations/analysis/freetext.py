"""Free-text answers for reading and theme coding, and counts per theme."""

from __future__ import annotations

from django.db.models import Count, Prefetch, Q, QuerySet, TextField
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import Cast

from consultations.models import AnswerTheme, ConsultationPage, Response, Theme


def free_text_answers(
    *, consultation: ConsultationPage, key: str, search: str = "", theme: Theme | None = None
) -> QuerySet[Response]:
    """Responses that answered ``key`` (a question id or ``"<id>.other"``), oldest first.

    Each response has ``text`` (the answer) and ``answer_codings`` (its themes for this answer,
    prefetched), so a page of answers costs a fixed number of queries.
    """
    # Cast to plain text so ``text`` takes ordinary text lookups. Left a JSON key transform,
    # ``exclude(text="")`` becomes ``JSON_EXTRACT('', '$')`` on SQLite, which fails with
    # "malformed JSON" (PostgreSQL's ``->>`` hid the difference).
    responses = (
        Response.objects.filter(consultation=consultation.canonical())
        .annotate(text=Cast(KeyTextTransform(key, "answers"), TextField()))
        .filter(text__isnull=False)
        .exclude(text="")
        .only("id", "reference", "submitted_at", "language", "channel")
        .prefetch_related(
            Prefetch(
                "codings",
                queryset=AnswerTheme.objects.filter(question_id=key).select_related("theme"),
                to_attr="answer_codings",
            )
        )
        .order_by("submitted_at", "id")
    )
    search = search.strip()
    if search:
        responses = responses.filter(
            Q(text__icontains=search) | Q(reference__iexact=search.upper())
        )
    if theme is not None:
        responses = responses.filter(codings__theme=theme, codings__question_id=key)
    return responses


def themes_with_counts(*, consultation: ConsultationPage) -> QuerySet[Theme]:
    """The consultation's themes, each with ``answers`` (tagged answers) and ``respondents``."""
    return (
        Theme.objects.filter(consultation=consultation.canonical())
        .annotate(
            answers=Count("codings"),
            respondents=Count("codings__response", distinct=True),
        )
        .order_by("-answers", "name")
    )
