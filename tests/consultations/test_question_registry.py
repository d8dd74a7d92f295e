"""The question-type registry: every type round-trips its own random answer, and only the
registry names a question type.

Round trip, per registered type: ``random_answer`` → the form's inputs (``as_raw``) → ``parse``
(the same rules as the online form) → stored through the response service → shown on "check your
answers" → counted in results (PostgreSQL aggregates or the Python fallback, whichever this
database uses) → written to the export's columns.
"""

import random
import re
import uuid
from pathlib import Path

import pytest
from django.conf import settings

from consultations import exports, questions, services, survey
from consultations.analysis import results
from consultations.analysis.questions import survey_questions
from consultations.demo import strategy_survey
from consultations.demo.surveys import every_question_type
from consultations.models import Response

pytestmark = pytest.mark.django_db

ROOT = Path(settings.BASE_DIR)
REGISTRY = Path("consultations", "questions")
# The rule: a comparison with a type's name is a branch on that type.
BRANCH = re.compile(r"(qtype|question_type|block_type|type) ?== ?['\"]")
# Forms of account sign-in compare HTML input types (checkbox, email, password), not questions.
NOT_QUESTIONS = {Path("templates", "account"), Path("templates", "allauth")}


def _questions_by_type(consultation):
    by_type: dict[str, dict] = {}
    for question in survey_questions(consultation=consultation):
        by_type.setdefault(question["type"], question)
    return by_type


@pytest.mark.parametrize("survey", [every_question_type, strategy_survey])
def test_the_shared_and_the_demo_surveys_ask_one_question_of_every_registered_type(survey):
    asked = {q["type"] for s in survey() for q in s["value"]["questions"]}
    assert asked == {t.name for t in questions.all_types()}


def test_every_stream_block_is_a_registered_type_and_back():
    from consultations.blocks import QuestionStreamBlock

    block_names = set(QuestionStreamBlock().child_blocks)
    assert block_names == {t.name for t in questions.all_types()}
    for question_type in questions.all_types():
        child = QuestionStreamBlock().child_blocks[question_type.name]
        assert isinstance(child, question_type.block)


def test_a_type_cannot_be_registered_twice():
    with pytest.raises(ValueError, match="already registered"):
        questions.register(questions.get("short_text"))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_every_type_round_trips_its_random_answer(consultation, estates, seed):
    rng = random.Random(seed)
    by_type = _questions_by_type(consultation)
    assert set(by_type) == {t.name for t in questions.all_types()}
    given: dict = {}
    for name, question in by_type.items():
        question_type = questions.get(name)
        value = question_type.random_answer(question, estates, rng)
        # parse: the stored value read back from the form's inputs is the same value
        form = survey.QuestionForm(
            question, data=survey.AnswersData(question, {question["id"]: value}), estates=estates
        )
        assert form.is_valid(), (name, value, form.error)
        assert form.value == value, name
        given[question["id"]] = value
    # The "For tenants" section is only asked of tenants: keep its question visible.
    given["tenant"] = "yes"
    given.setdefault("tenancy", "Secure")
    for question in survey_questions(consultation=consultation):
        if question["id"] not in given:
            given[question["id"]] = questions.for_question(question).random_answer(
                question, estates, rng
            )

    # store: kept exactly as given (the stored format every older response has)
    submission = services.submit_response(
        consultation=consultation,
        token=uuid.uuid4(),
        answers=given,
        language="en",
        check_open=False,
        send_receipt=False,
    )
    stored = Response.objects.get(pk=submission.response.pk).answers
    assert stored == given

    counted = {
        r.question["id"]: r
        for r in results.consultation_results(consultation=consultation).questions
    }
    columns_of = {}
    for question in survey_questions(consultation=consultation):
        question_type = questions.for_question(question)
        qid = question["id"]
        # display: one or more lines of text, naming the chosen option where there is one
        lines = survey.display_answer(question, stored, estates)
        assert lines and all(isinstance(line, str) and line for line in lines), qid
        # count: answered once, and counted under its value where the type counts values
        result = counted[qid]
        assert result.answered == 1, qid
        assert result.kind == question_type.results_kind, qid
        if result.kind == "choice":
            chosen = stored[qid] if isinstance(stored[qid], list) else [stored[qid]]
            assert sum(bar.count for bar in result.bars) == len(chosen), qid
        elif result.kind == "number":
            assert result.stats["min"] == stored[qid] == result.stats["max"], qid
        elif result.kind == "matrix":
            assert sum(row["answered"] for row in result.rows) == len(stored[qid]), qid
        elif result.kind == "ranking":
            assert sum(row["ranked"] for row in result.rows) == len(stored[qid]), qid
        # export: the type's columns hold the answer (no column left blank for an answer)
        columns_of[qid] = question_type.export_columns(question, estates)
        cells = [column.cell(stored, frozenset()) for column in columns_of[qid]]
        assert cells and all(cell is not None for cell in cells), (qid, cells)

    # The whole export carries the same cells as each type's own columns.
    export_columns = exports.question_columns(survey_questions(consultation=consultation), estates)
    headers = [column.header for column in export_columns]
    for own in columns_of.values():
        for column in own:
            assert column.header in headers


def _source_files():
    for folder in ("consultations", "templates"):
        for path in sorted((ROOT / folder).rglob("*")):
            if path.suffix in {".py", ".html", ".txt"} and path.is_file():
                yield path.relative_to(ROOT)


def test_no_branch_on_a_question_types_name_outside_the_registry():
    branches = []
    for relative in _source_files():
        if relative.is_relative_to(REGISTRY) or relative.parts[0] == "migrations":
            continue
        if any(relative.is_relative_to(folder) for folder in NOT_QUESTIONS):
            continue
        for number, line in enumerate((ROOT / relative).read_text().splitlines(), start=1):
            if BRANCH.search(line):
                branches.append(f"{relative}:{number}: {line.strip()}")
    assert branches == []


def test_the_branch_rule_finds_a_branch():
    """The scan above would fail on a branch like the ones the registry replaced."""
    assert BRANCH.search('    if qtype == "matrix":')
    assert BRANCH.search('{% if f.type == "long_text" %}')
    assert not BRANCH.search("    return questions.for_question(question).display(question)")
