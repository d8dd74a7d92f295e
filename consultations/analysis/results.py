"""Results of a consultation for staff: counts, percentages, breakdowns and responses over time.

Every option is counted on its own: a multiple-choice answer ``["a", "b"]`` adds one to "a" and
one to "b", never to a combination "a, b"; percentages are of the respondents who answered that
question, so for multiple choice they add up to more than 100. Answers from every language count
together because they are stored by question id and option value.

On PostgreSQL the counting runs in the database, one table scan per kind of answer (values with
``GROUPING SETS``, lists and matrices with ``jsonb_array_elements_text``/``jsonb_each_text``);
elsewhere (the embedded SQLite default) the same counts are made by streaming the answers. The
number of queries does not grow with the number of questions or responses.
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.db.models import Count
from django.db.models.functions import TruncDate
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from consultations import questions as question_types
from consultations.analysis.questions import survey_questions
from consultations.models import Channel, ConsultationPage, Response
from consultations.questions.counting import Bar, Counts, Split, percent
from news.models import Estate

LONDON = ZoneInfo("Europe/London")
BREAKDOWNS = {"language": "language", "channel": "channel", "estate": "estate_id"}
NOT_GIVEN = ""


@dataclass
class QuestionResult:
    question: dict
    kind: str  # the type's ``results_kind``: choice | matrix | ranking | number | text | ...
    answered: int
    percent_answered: float
    bars: list[Bar] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)  # matrix columns / ranks
    rows: list[dict] = field(default_factory=list)  # matrix rows / ranking options
    stats: dict[str, Any] = field(default_factory=dict)
    split: Split | None = None
    other_answered: int = 0
    template_name: str = ""  # the type's summary template (``results_template_name``)

    @property
    def free_text(self) -> bool:
        """Analysts can read and code these answers into themes."""
        return question_types.for_question(self.question).free_text


@dataclass
class Results:
    total: int
    over_time: list[tuple[datetime.date, int]]
    breakdowns: dict[str, list[Bar]]
    questions: list[QuestionResult]
    by: str


# --- counting ------------------------------------------------------------------------------
# Count rows are keyed (answer key, value, matrix row or None, rank position or None, group).
CountKey = tuple[str, str, str | None, int | None, str]


@dataclass(frozen=True)
class Keys:
    """Which answer keys to count, by the shape of their stored value."""

    scalar: list[str]  # one value each (single choice, yes/no, rating, estate, consent...)
    arrays: list[str]  # lists (multiple choice, ranking): each element counted, with its rank
    objects: list[str]  # dicts (matrix): each row's column counted
    present: list[str]  # every key whose answered count is wanted (includes the above)


def keys_for(questions: list[dict]) -> Keys:
    by_shape: dict[str | None, list[str]] = {"scalar": [], "array": [], "object": []}
    for question in questions:
        shape = question_types.for_question(question).count_shape
        by_shape.setdefault(shape, []).append(question["id"])
    present = [q["id"] for q in questions] + [f"{q['id']}.other" for q in questions]
    return Keys(
        scalar=by_shape["scalar"],
        arrays=by_shape["array"],
        objects=by_shape["object"],
        present=present,
    )


def _group_sql(by: str) -> str:
    """SQL for the breakdown column: only ever one of ``BREAKDOWNS``' own column names."""
    column = BREAKDOWNS.get(by)
    return f"COALESCE(r.{column}::text, '')" if column else "''"


def count_answers_in_database(
    *, consultation_id: int, keys: Keys, by: str = ""
) -> tuple[Counter, Counter]:
    """``(counts, answered)`` computed by PostgreSQL: one table scan per kind of answer."""
    group = _group_sql(by)
    counts: Counter = Counter()
    answered: Counter = Counter()
    where = "FROM consultations_response r WHERE r.consultation_id = %s"
    with connection.cursor() as cursor:
        if keys.present:
            filters = ", ".join("count(*) FILTER (WHERE r.answers ? %s)" for _k in keys.present)
            cursor.execute(
                f"SELECT {group}, {filters} {where} GROUP BY 1", [*keys.present, consultation_id]
            )
            for grp, *numbers in cursor.fetchall():
                for key, n in zip(keys.present, numbers, strict=True):
                    if n:
                        answered[(key, grp)] += n
        if keys.scalar:
            # One scan, one hash aggregate per question (GROUPING SETS).
            columns = ", ".join(f"r.answers ->> %s AS v{i}" for i in range(len(keys.scalar)))
            names = [f"v{i}" for i in range(len(keys.scalar))]
            cursor.execute(
                f"SELECT grp, {', '.join(names)}, "  # noqa: S608  # nosec B608 # only aliases interpolated
                f"{', '.join(f'GROUPING({n})' for n in names)}, count(*) "
                f"FROM (SELECT {group} AS grp, {columns} {where}) s "
                f"GROUP BY GROUPING SETS ({', '.join(f'(grp, {n})' for n in names)})",
                [*keys.scalar, consultation_id],
            )
            width = len(names)
            for row in cursor.fetchall():
                grp, values, flags, n = row[0], row[1 : 1 + width], row[1 + width : -1], row[-1]
                index = flags.index(0)
                if values[index] is not None:
                    counts[(keys.scalar[index], values[index], None, None, grp)] += n
        for key in keys.arrays:
            cursor.execute(
                f"SELECT {group}, x.val, x.pos, count(*) "  # noqa: S608  # nosec B608 # a whitelisted column
                "FROM consultations_response r CROSS JOIN LATERAL "
                "jsonb_array_elements_text(r.answers -> %s) WITH ORDINALITY AS x(val, pos) "
                "WHERE r.consultation_id = %s AND jsonb_typeof(r.answers -> %s) = 'array' "
                "GROUP BY 1, 2, 3",
                [key, consultation_id, key],
            )
            for grp, val, pos, n in cursor.fetchall():
                counts[(key, val, None, pos, grp)] += n
        for key in keys.objects:
            cursor.execute(
                f"SELECT {group}, x.key, x.value, count(*) "  # noqa: S608  # nosec B608 # a whitelisted column
                "FROM consultations_response r CROSS JOIN LATERAL "
                "jsonb_each_text(r.answers -> %s) AS x "
                "WHERE r.consultation_id = %s AND jsonb_typeof(r.answers -> %s) = 'object' "
                "GROUP BY 1, 2, 3",
                [key, consultation_id, key],
            )
            for grp, row_value, column_value, n in cursor.fetchall():
                counts[(key, column_value, row_value, None, grp)] += n
    return counts, answered


def _as_text(value) -> str:
    if value is True:
        return "true"
    if value is False:
        return "false"
    return str(value)


def count_answers_in_python(
    *, consultation_id: int, keys: Keys, by: str = ""
) -> tuple[Counter, Counter]:
    """The same counts as ``count_answers_in_database``, streaming answers (any database)."""
    present, scalar = set(keys.present), set(keys.scalar)
    arrays, objects = set(keys.arrays), set(keys.objects)
    column = BREAKDOWNS.get(by)
    fields = ["answers", column] if column else ["answers"]
    counts: Counter = Counter()
    answered: Counter = Counter()
    rows = Response.objects.filter(consultation_id=consultation_id).values_list(*fields)
    for row in rows.iterator(chunk_size=2000):
        answers = row[0]
        grp = NOT_GIVEN if not column or row[1] is None else str(row[1])
        for key, value in answers.items():
            if key in present:
                answered[(key, grp)] += 1
            if key in arrays and isinstance(value, list):
                for pos, item in enumerate(value, start=1):
                    counts[(key, _as_text(item), None, pos, grp)] += 1
            elif key in objects and isinstance(value, dict):
                for row_value, column_value in value.items():
                    counts[(key, _as_text(column_value), row_value, None, grp)] += 1
            elif key in scalar and not isinstance(value, list | dict):
                counts[(key, _as_text(value), None, None, grp)] += 1
    return counts, answered


def count_answers(*, consultation_id: int, keys: Keys, by: str = "") -> tuple[Counter, Counter]:
    if connection.vendor == "postgresql":
        return count_answers_in_database(consultation_id=consultation_id, keys=keys, by=by)
    return count_answers_in_python(consultation_id=consultation_id, keys=keys, by=by)


# --- labels --------------------------------------------------------------------------------
def language_label(code: str) -> str:
    return str(dict(settings.LANGUAGES).get(code, code or _("Not recorded")))


def group_labels(by: str, values: list[str], estates: dict[str, str]) -> list[tuple[str, str]]:
    if by == "language":
        return [(v, language_label(v)) for v in values]
    if by == "channel":
        return [(v, str(dict(Channel.choices).get(v, v))) for v in values]
    return [(v, estates.get(v, _("No estate given"))) for v in values]


# --- assembling ----------------------------------------------------------------------------
def consultation_results(*, consultation: ConsultationPage, by: str = "") -> Results:
    """Everything the results page shows, in a fixed number of queries."""
    page = consultation.canonical()
    by = by if by in BREAKDOWNS else ""
    responses = Response.objects.filter(consultation=page)
    total = responses.count()
    questions = survey_questions(consultation=page)
    estate_list = list(Estate.objects.order_by("name"))
    estate_names = {str(e.pk): e.name for e in estate_list}

    counted, answered = count_answers(consultation_id=page.pk, keys=keys_for(questions), by=by)
    groups = sorted({grp for (_key, grp) in answered}) if by else []
    of_type: dict[question_types.QuestionType, list[dict]] = {}
    for question in questions:
        of_type.setdefault(question_types.for_question(question), []).append(question)
    aggregates: dict[str, Any] = {}
    for question_type, its_questions in of_type.items():
        aggregates |= question_type.aggregate(responses, its_questions)
    counts = Counts(
        counted,
        answered=answered,
        groups=group_labels(by, groups, estate_names) if by else [],
        estates=estate_list,
        aggregates=aggregates,
    )

    results = []
    for question in questions:
        qid = question["id"]
        question_type = question_types.for_question(question)
        n = sum(v for (key, _grp), v in answered.items() if key == qid)
        result = QuestionResult(
            question=question,
            kind=question_type.results_kind,
            answered=n,
            percent_answered=percent(n, total),
            other_answered=sum(v for (key, _grp), v in answered.items() if key == f"{qid}.other"),
            template_name=question_type.results_template_name,
        )
        question_type.summarise(result, counts)
        results.append(result)

    return Results(
        total=total,
        over_time=_over_time(responses),
        breakdowns=_breakdowns(responses, total, estate_names),
        questions=results,
        by=by,
    )


def _over_time(responses) -> list[tuple[datetime.date, int]]:
    """Responses per day (UK dates), with days without responses filled in as zero."""
    rows = (
        responses.annotate(day=TruncDate("submitted_at", tzinfo=LONDON))
        .values("day")
        .annotate(n=Count("id"))
        .order_by("day")
    )
    per_day = {row["day"]: row["n"] for row in rows}
    if not per_day:
        return []
    day, last = min(per_day), max(per_day)
    days = []
    while day <= last:
        days.append((day, per_day.get(day, 0)))
        day += datetime.timedelta(days=1)
    return days


def _breakdowns(responses, total: int, estate_names: dict[str, str]) -> dict[str, list[Bar]]:
    breakdowns = {}
    for by, column in BREAKDOWNS.items():
        rows = responses.values(column).annotate(n=Count("id")).order_by("-n", column)
        values = [("" if r[column] is None else str(r[column]), r["n"]) for r in rows]
        labels = dict(group_labels(by, [v for v, _n in values], estate_names))
        breakdowns[by] = [Bar(v, labels[v], n, percent(n, total)) for v, n in values]
    return breakdowns


# --- cached results --------------------------------------------------------------------------
@dataclass
class Counted:
    results: Results
    counted_at: datetime.datetime
    max_age: int

    @property
    def fresh_until(self) -> datetime.datetime:
        return self.counted_at + datetime.timedelta(seconds=self.max_age)


def _generation_key(consultation_id: int) -> str:
    return f"consultation-results:{consultation_id}:generation"


def cached_results(*, consultation: ConsultationPage, by: str = "", recount=False) -> Counted:
    """``consultation_results`` counted at most ``CONSULTATION_RESULTS_MAX_AGE`` seconds ago.

    Counting a large consultation takes seconds, and analysts come back to the page often; new
    responses appear within the maximum age, or at once when ``recount`` is asked for. Erasing
    answers calls ``forget_results`` so erased answers are never counted from the cache.
    """
    page = consultation.canonical()
    by = by if by in BREAKDOWNS else ""
    cache = caches["results"]
    generation = cache.get(_generation_key(page.pk), 0)
    key = f"consultation-results:{page.pk}:{generation}:{by or '-'}:{translation.get_language()}"
    counted = None if recount else cache.get(key)
    if counted is None:
        max_age = settings.CONSULTATION_RESULTS_MAX_AGE
        counted = Counted(
            results=consultation_results(consultation=page, by=by),
            counted_at=timezone.now(),
            max_age=max_age,
        )
        cache.set(key, counted, timeout=max_age)
    return counted


def forget_results(*, consultation_id: int) -> None:
    """Make every cached count of this consultation stale (answers were changed or erased)."""
    cache = caches["results"]
    key = _generation_key(consultation_id)
    cache.set(key, cache.get(key, 0) + 1, timeout=None)
