"""Results of a consultation for staff: counts, percentages, breakdowns and responses over time.

Every option is counted on its own: a multiple-choice answer ``["a", "b"]`` adds one to "a" and
one to "b", never to a combination "a, b"; percentages are of the respondents who answered that
question, so for multiple choice they add up to more than 100. Answers from every language count
together because they are stored by question id and option value.

On PostgreSQL the counting runs in the database in one query (``jsonb_each`` over the answers);
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
from django.db import connection
from django.db.models import Avg, Count, FloatField, Max, Min
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import Cast, TruncDate
from django.utils.translation import gettext as _

from consultations import survey
from consultations.analysis.questions import FREE_TEXT_TYPES, survey_questions
from consultations.models import Channel, ConsultationPage, Response
from news.models import Estate

LONDON = ZoneInfo("Europe/London")
BREAKDOWNS = {"language": "language", "channel": "channel", "estate": "estate_id"}
NOT_GIVEN = ""


@dataclass
class Bar:
    value: str
    label: str
    count: int
    percent: float


@dataclass
class Split:
    """Counts of each option per group (language, channel or estate)."""

    groups: list[tuple[str, str]]
    rows: list[dict]  # {"label", "cells": [(count, percent), ...]} one cell per group


@dataclass
class QuestionResult:
    question: dict
    kind: str  # choice | matrix | ranking | number | text | other
    answered: int
    percent_answered: float
    bars: list[Bar] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)  # matrix columns / ranks
    rows: list[dict] = field(default_factory=list)  # matrix rows / ranking options
    stats: dict[str, Any] = field(default_factory=dict)
    split: Split | None = None
    other_answered: int = 0


@dataclass
class Results:
    total: int
    over_time: list[tuple[datetime.date, int]]
    breakdowns: dict[str, list[Bar]]
    questions: list[QuestionResult]
    by: str


def percent(count: int, of: int) -> float:
    return round(100 * count / of, 1) if of else 0.0


# --- counting ------------------------------------------------------------------------------
# Count rows are keyed (answer key, value, matrix row or None, rank position or None, group).
CountKey = tuple[str, str, str | None, int | None, str]

_PG_COUNTS = """
SELECT e.key, x.val, x.sub, x.pos, {group} AS grp, count(*)
FROM consultations_response r
CROSS JOIN LATERAL jsonb_each(r.answers) e
CROSS JOIN LATERAL (
    SELECT a.val, NULL::text AS sub, a.pos::int AS pos
    FROM jsonb_array_elements_text(
        CASE WHEN jsonb_typeof(e.value) = 'array' THEN e.value ELSE '[]'::jsonb END
    ) WITH ORDINALITY AS a(val, pos)
    UNION ALL
    SELECT o.value #>> '{{}}', o.key, NULL
    FROM jsonb_each(
        CASE WHEN jsonb_typeof(e.value) = 'object' THEN e.value ELSE '{{}}'::jsonb END
    ) AS o
    UNION ALL
    SELECT e.value #>> '{{}}', NULL, NULL
    WHERE jsonb_typeof(e.value) NOT IN ('array', 'object')
) x
WHERE r.consultation_id = %s AND e.key = ANY(%s)
GROUP BY 1, 2, 3, 4, 5
"""

_PG_ANSWERED = """
SELECT k.key, {group} AS grp, count(*)
FROM consultations_response r CROSS JOIN LATERAL jsonb_object_keys(r.answers) AS k(key)
WHERE r.consultation_id = %s AND k.key = ANY(%s)
GROUP BY 1, 2
"""


def _group_sql(by: str) -> str:
    column = BREAKDOWNS.get(by)
    return f"COALESCE(r.{column}::text, '')" if column else "''"


def count_answers_in_database(
    *, consultation_id: int, keys: list[str], by: str = ""
) -> tuple[Counter, Counter]:
    """``(counts, answered)`` computed by PostgreSQL (two queries)."""
    group = _group_sql(by)
    counts: Counter = Counter()
    answered: Counter = Counter()
    with connection.cursor() as cursor:
        cursor.execute(_PG_COUNTS.format(group=group), [consultation_id, keys])
        for key, val, sub, pos, grp, n in cursor.fetchall():
            counts[(key, val, sub, pos, grp)] += n
        cursor.execute(_PG_ANSWERED.format(group=group), [consultation_id, keys])
        for key, grp, n in cursor.fetchall():
            answered[(key, grp)] += n
    return counts, answered


def _as_text(value) -> str:
    if value is True:
        return "true"
    if value is False:
        return "false"
    return str(value)


def count_answers_in_python(
    *, consultation_id: int, keys: list[str], by: str = ""
) -> tuple[Counter, Counter]:
    """The same counts as ``count_answers_in_database``, streaming answers (any database)."""
    wanted = set(keys)
    column = BREAKDOWNS.get(by)
    fields = ["answers", column] if column else ["answers"]
    counts: Counter = Counter()
    answered: Counter = Counter()
    rows = Response.objects.filter(consultation_id=consultation_id).values_list(*fields)
    for row in rows.iterator(chunk_size=2000):
        answers = row[0]
        grp = NOT_GIVEN if not column or row[1] is None else str(row[1])
        for key, value in answers.items():
            if key not in wanted:
                continue
            answered[(key, grp)] += 1
            if isinstance(value, list):
                for pos, item in enumerate(value, start=1):
                    counts[(key, _as_text(item), None, pos, grp)] += 1
            elif isinstance(value, dict):
                for row_value, column_value in value.items():
                    counts[(key, _as_text(column_value), row_value, None, grp)] += 1
            else:
                counts[(key, _as_text(value), None, None, grp)] += 1
    return counts, answered


def count_answers(
    *, consultation_id: int, keys: list[str], by: str = ""
) -> tuple[Counter, Counter]:
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


def option_labels(question: dict, estates: list) -> list[tuple[str, str]]:
    if question["type"] == "consent":
        return [("true", question.get("statement") or _("Agreed"))]
    return [(value, str(label)) for value, label in survey.options(question, estates)]


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

    keys = [q["id"] for q in questions] + [f"{q['id']}.other" for q in questions]
    counts, answered = count_answers(consultation_id=page.pk, keys=keys, by=by)
    groups = sorted({grp for (_key, grp) in answered}) if by else []
    group_pairs = group_labels(by, groups, estate_names) if by else []
    stats = _number_stats(responses, [q for q in questions if q["type"] == "number"])

    results = []
    for question in questions:
        qid = question["id"]
        n = sum(v for (key, _grp), v in answered.items() if key == qid)
        result = QuestionResult(
            question=question,
            kind="choice",
            answered=n,
            percent_answered=percent(n, total),
            other_answered=sum(v for (key, _grp), v in answered.items() if key == f"{qid}.other"),
        )
        qtype = question["type"]
        if qtype in FREE_TEXT_TYPES or qtype in {"email", "postcode", "date"}:
            result.kind = "text"
        elif qtype == "number":
            result.kind = "number"
            result.stats = stats.get(qid, {})
        elif qtype == "matrix":
            _matrix(result, counts)
        elif qtype == "ranking":
            _ranking(result, counts)
        else:
            _choices(result, counts, answered, estate_list, group_pairs)
        results.append(result)

    return Results(
        total=total,
        over_time=_over_time(responses),
        breakdowns=_breakdowns(responses, total, estate_names),
        questions=results,
        by=by,
    )


def _choices(result, counts, answered, estates, group_pairs) -> None:
    qid = result.question["id"]
    per_value: Counter = Counter()
    per_value_group: Counter = Counter()
    for (key, val, _sub, _pos, grp), n in counts.items():
        if key == qid:
            per_value[val] += n
            per_value_group[(val, grp)] += n
    labels = option_labels(result.question, estates)
    known = {value for value, _label in labels}
    # Values no longer offered (e.g. an estate since removed) still count, under their value.
    labels += [(value, value) for value in sorted(per_value) if value not in known]
    result.bars = [
        Bar(value, label, per_value[value], percent(per_value[value], result.answered))
        for value, label in labels
    ]
    if group_pairs:
        in_group = {grp: answered[(qid, grp)] for grp, _label in group_pairs}
        rows = []
        for value, label in labels:
            cells = []
            for grp, _glabel in group_pairs:
                n = per_value_group[(value, grp)]
                cells.append((n, percent(n, in_group[grp])))
            rows.append({"label": label, "cells": cells})
        result.split = Split(groups=group_pairs, rows=rows)


def _matrix(result, counts) -> None:
    result.kind = "matrix"
    qid = result.question["id"]
    columns = result.question.get("columns", [])
    result.columns = [c["label"] for c in columns]
    per_cell: Counter = Counter()
    per_row: Counter = Counter()
    for (key, val, sub, _pos, _grp), n in counts.items():
        if key == qid:
            per_cell[(sub, val)] += n
            per_row[sub] += n
    result.rows = [
        {
            "label": row["label"],
            "answered": per_row[row["value"]],
            "cells": [
                Bar(
                    c["value"],
                    c["label"],
                    per_cell[(row["value"], c["value"])],
                    percent(per_cell[(row["value"], c["value"])], per_row[row["value"]]),
                )
                for c in columns
            ],
        }
        for row in result.question.get("rows", [])
    ]


def _ranking(result, counts) -> None:
    """Per option: how many put it at each rank, and its mean rank among those who ranked it."""
    result.kind = "ranking"
    qid = result.question["id"]
    rank_count = result.question.get("rank_count") or len(result.question.get("options", []))
    result.columns = [str(n) for n in range(1, rank_count + 1)]
    per_rank: Counter = Counter()
    for (key, val, _sub, pos, _grp), n in counts.items():
        if key == qid and pos:
            per_rank[(val, pos)] += n
    rows = []
    for option in result.question.get("options", []):
        ranks = [per_rank[(option["value"], n)] for n in range(1, rank_count + 1)]
        ranked = sum(ranks)
        mean = sum(n * c for n, c in enumerate(ranks, start=1)) / ranked if ranked else None
        rows.append(
            {
                "label": option["label"],
                "cells": [(c, percent(c, result.answered)) for c in ranks],
                "ranked": ranked,
                "mean_rank": round(mean, 2) if mean is not None else None,
                "first": Bar(option["value"], option["label"], ranks[0] if ranks else 0, 0.0),
            }
        )
    for row in rows:
        row["first"].percent = percent(row["first"].count, result.answered)
    result.rows = sorted(rows, key=lambda r: (r["mean_rank"] is None, r["mean_rank"] or 0))


def _number_stats(responses, questions: list[dict]) -> dict[str, dict]:
    if not questions:
        return {}
    aggregates = {}
    for index, question in enumerate(questions):
        value = Cast(KeyTextTransform(question["id"], "answers"), FloatField())
        aggregates |= {
            f"mean{index}": Avg(value),
            f"min{index}": Min(value),
            f"max{index}": Max(value),
        }
    row = responses.aggregate(**aggregates)
    return {
        q["id"]: {
            "mean": round(row[f"mean{i}"], 1) if row[f"mean{i}"] is not None else None,
            "min": _whole(row[f"min{i}"]),
            "max": _whole(row[f"max{i}"]),
        }
        for i, q in enumerate(questions)
    }


def _whole(value):
    return int(value) if value is not None else None


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
