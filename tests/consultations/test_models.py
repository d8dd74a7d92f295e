from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from consultations.builder import question, section
from consultations.models import ConsultationPage, Status
from consultations.models.pages import ConsultationQuerySet

from .conftest import make_consultation

pytestmark = pytest.mark.django_db


def test_status_follows_dates_and_outcome(consultation):
    now = timezone.now()
    assert consultation.status == Status.OPEN
    assert consultation.status_at(consultation.opens_at - timedelta(seconds=1)) == Status.UPCOMING
    assert consultation.status_at(consultation.opens_at) == Status.OPEN
    assert consultation.status_at(consultation.closes_at) == Status.CLOSED
    consultation.outcome_published_at = consultation.closes_at + timedelta(days=30)
    assert consultation.status_at(consultation.closes_at + timedelta(days=29)) == Status.CLOSED
    assert consultation.status_at(consultation.closes_at + timedelta(days=30)) == Status.OUTCOME
    assert consultation.time_left is not None and consultation.time_left < timedelta(days=78)
    assert now < consultation.closes_at


def test_queryset_lifecycle_methods_chain(consultation_index):
    open_ = make_consultation(consultation_index, slug="open")
    upcoming = make_consultation(consultation_index, slug="soon", opens=5, closes=90)
    closed = make_consultation(consultation_index, slug="closed", opens=-100, closes=-10)
    done = make_consultation(
        consultation_index,
        slug="done",
        opens=-200,
        closes=-100,
        outcome_published_at=timezone.now() - timedelta(days=1),
    )
    objects = ConsultationPage.objects.live()
    assert isinstance(objects, ConsultationQuerySet)
    assert list(objects.open()) == [open_]
    assert list(objects.upcoming()) == [upcoming]
    assert set(objects.closed()) == {closed, done}
    assert list(objects.awaiting_outcome()) == [closed]
    assert list(objects.with_outcome()) == [done]
    assert list(objects.with_status("outcome")) == [done]


def test_closing_must_follow_opening(consultation):
    consultation.closes_at = consultation.opens_at
    with pytest.raises(ValidationError) as error:
        consultation.full_clean()
    assert "closes_at" in error.value.message_dict


def _survey_errors(survey):
    block = ConsultationPage._meta.get_field("survey").stream_block
    value = block.to_python(survey)
    with pytest.raises(ValidationError) as error:
        block.clean(value)
    return str(error.value.as_json_data())


def test_clean_rejects_condition_on_later_question():
    survey = [
        section("one", "One", [question("short_text", "a", "A", show_if=("b", ["yes"]))]),
        section("two", "Two", [question("yes_no", "b", "B", include_dont_know=True)]),
    ]
    assert "earlier section" in _survey_errors(survey)


def test_clean_rejects_unknown_question_option_and_duplicates():
    assert "no question with the id nope" in _survey_errors(
        [section("one", "One", [question("short_text", "a", "A", show_if=("nope", ["x"]))])]
    )
    assert "no option maybe" in _survey_errors(
        [
            section("one", "One", [question("yes_no", "b", "B", include_dont_know=False)]),
            section("two", "Two", [question("short_text", "a", "A")], show_if=("b", ["maybe"])),
        ]
    )


def test_a_duplicated_section_or_question_gets_its_own_id_and_the_original_keeps_its_own():
    block = ConsultationPage._meta.get_field("survey").stream_block
    survey = [
        section("one", "One", [question("email", "a", "A"), question("postcode", "a", "A copy")]),
        section("one", "One copy", [question("short_text", "b", "B")]),
    ]
    cleaned = block.clean(block.to_python(survey))
    first, copy = cleaned[0].value, cleaned[1].value
    assert first["section_id"] == "one" and copy["section_id"].startswith("s-")
    ids = [child.value["question_id"] for child in first["questions"]]
    assert ids[0] == "a" and ids[1].startswith("q-")
    assert copy["questions"][0].value["question_id"] == "b"


def test_question_and_section_ids_cannot_be_typed_in_the_admin():
    block = ConsultationPage._meta.get_field("survey").stream_block
    section_block = block.child_blocks["section"]
    question_block = section_block.child_blocks["questions"].child_blocks["single_choice"]
    for id_block in (
        section_block.child_blocks["section_id"],
        question_block.child_blocks["question_id"],
    ):
        html = id_block.field.widget.render("id", "q-1234abcd")
        assert "readonly" in html and 'value="q-1234abcd"' in html
    # Conditions name an earlier question by its id, so they stay editable.
    condition = question_block.child_blocks["condition"].child_blocks["question_id"]
    assert "readonly" not in condition.field.widget.render("c", "")


def test_clean_rejects_min_above_max():
    survey = [
        section(
            "one",
            "One",
            [
                question(
                    "multiple_choice",
                    "m",
                    "M",
                    options=[("a", "A"), ("b", "B"), ("c", "C")],
                    min_choices=3,
                    max_choices=2,
                ),
                question("number", "n", "N", min_value=5, max_value=1),
            ],
        )
    ]
    errors = _survey_errors(survey)
    assert "fewest choices cannot be more" in errors
    assert "smallest allowed cannot be more" in errors


def test_clean_fills_missing_ids_and_option_values():
    block = ConsultationPage._meta.get_field("survey").stream_block
    raw = [
        section(
            "",
            "One",
            [
                question(
                    "single_choice",
                    "",
                    "Pick",
                    options=[("", "Green spaces"), ("", "Green spaces")],
                )
            ],
        )
    ]
    value = block.clean(block.to_python(raw))
    first = value[0].value
    assert first["section_id"].startswith("s-")
    q = first["questions"][0].value
    assert q["question_id"].startswith("q-")
    assert [o["value"] for o in q["options"]] == ["green-spaces", "green-spaces-2"]


def test_full_survey_is_valid_and_defines_every_type(consultation):
    block = ConsultationPage._meta.get_field("survey").stream_block
    block.clean(consultation.survey)
    types = {
        q["type"] for s in consultation.survey_definition()["sections"] for q in s["questions"]
    }
    assert types == set(block.child_blocks["section"].child_blocks["questions"].child_blocks)
