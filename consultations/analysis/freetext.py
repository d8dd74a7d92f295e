"""Free-text answers for reading and theme coding, and counts per theme."""

from __future__ import annotations

import hashlib
import re

from django.core.cache import caches
from django.db.models import Count, Prefetch, Q, QuerySet, TextField, Value
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import Cast, Replace

from consultations.analysis import similarity
from consultations.models import AnswerTheme, ConsultationPage, Response, Theme

# Suggested themes are worked out again after this long even if no answer changed.
SUGGESTIONS_MAX_AGE = 60 * 60


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
        responses = responses.annotate(
            compact_reference=Replace("reference", Value("-"), Value(""))
        ).filter(_search_filter(search))
    if theme is not None:
        responses = responses.filter(codings__theme=theme, codings__question_id=key)
    return responses


REFERENCE_PART = re.compile(r"^[0-9A-Za-z]{3,}(-[0-9A-Za-z]*)?$|^[0-9A-Za-z]*-[0-9A-Za-z]{3,}$")


def _search_filter(search: str) -> Q:
    """Words in the answer, or part of a reference ("K7QM", "4xt2", "k7qm4xt2", "QM-4X").

    A reference part needs three characters, so a short word does not match references by chance.
    """
    matches = Q(text__icontains=search)
    if REFERENCE_PART.match(search):
        compact = search.replace("-", "").upper()
        matches |= Q(reference__icontains=search.upper()) | Q(compact_reference__icontains=compact)
    return matches


def answer_texts(
    *, consultation: ConsultationPage, key: str, language: str = "", uncoded: bool = False
) -> list[tuple[int, str]]:
    """``(response id, text)`` of every answer to ``key`` (in ``language`` if given).

    ``uncoded`` leaves out answers that already have a theme for this key.
    """
    responses = free_text_answers(consultation=consultation, key=key)
    if language:
        responses = responses.filter(language=language)
    if uncoded:
        responses = responses.exclude(codings__question_id=key)
    return list(responses.prefetch_related(None).values_list("id", "text"))


def suggestions_cache_key(
    consultation: ConsultationPage, key: str, language: str, answers: list[tuple[int, str]]
) -> str:
    digest = hashlib.sha256()
    for pk, text in answers:
        digest.update(f"{pk}\0{text}\0".encode())
    return (
        f"theme-suggestions:{consultation.canonical().pk}:{language}:"
        f"{hashlib.sha256(key.encode()).hexdigest()[:16]}:{digest.hexdigest()}"
    )


def suggested_themes(
    *, consultation: ConsultationPage, key: str, language: str
) -> list[similarity.Suggestion]:
    """``similarity.suggest_themes`` over the uncoded answers to ``key`` in ``language``.

    Clustering thousands of answers takes seconds and the analyst comes back to the page after
    every decision, so the outcome is remembered, keyed by a digest of the answers' ids and
    texts: coding, a new answer or an erasure changes the digest and the themes are worked out
    afresh. What is remembered holds response ids and telling words only, never an answer's
    text; the samples are read from the answers as they are now.
    """
    answers = answer_texts(consultation=consultation, key=key, language=language, uncoded=True)
    cache = caches["results"]
    cache_key = suggestions_cache_key(consultation, key, language, answers)
    remembered = cache.get(cache_key)
    if remembered is None:
        found = similarity.suggest_themes(answers, language=language)
        remembered = [(s.signature, s.words, s.response_ids, s.sample_ids) for s in found]
        cache.set(cache_key, remembered, timeout=SUGGESTIONS_MAX_AGE)
    texts = dict(answers)
    return [
        similarity.Suggestion(
            signature=signature,
            words=words,
            sample=[texts[pk] for pk in sample_ids if pk in texts],
            response_ids=ids,
            sample_ids=sample_ids,
        )
        for signature, words, ids, sample_ids in remembered
    ]


def answer_languages(*, consultation: ConsultationPage, key: str) -> list[tuple[str, int]]:
    """The languages answers to ``key`` were given in, with how many, most first."""
    rows = (
        free_text_answers(consultation=consultation, key=key)
        .prefetch_related(None)
        .values("language")
        .annotate(n=Count("id"))
        .order_by("-n", "language")
    )
    return [(row["language"], row["n"]) for row in rows]


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
