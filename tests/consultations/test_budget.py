""" "Share out a budget": amounts per option that add up exactly to a total, end to end.

The question in the full survey (``conftest.full_survey``) shares out £1,000 between Repairs (at
least £100), Green spaces (at most £500) and Community hall; it is optional.
"""

import csv
import io
import random
import uuid

import openpyxl
import pytest
from django.db import connection
from django.http import QueryDict
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from consultations import exports, questions, services, survey
from consultations.analysis import results
from consultations.analysis.questions import survey_questions
from consultations.models import Response, ResponseDraft
from consultations.questions import budget as budget_mod
from consultations.questions.base import MISSING
from portal.translation import translate_instance

from .test_admin import PAPER_ANSWERS, analyst, urls  # noqa: F401  (the analyst fixture)
from .test_journey import GOOD_ANSWERS, token_of, walk
from .test_validation import VALID_VIEWS

pytestmark = pytest.mark.django_db

BUDGET = questions.get("budget")
MONEY = {
    "id": "budget",
    "type": "budget",
    "label": "How would you share out £100,000?",
    "required": True,
    "total": 100_000,
    "unit": "money",
    "options": [
        {"value": "repairs", "label": "Repairs", "min": 10_000, "max": None},
        {"value": "green", "label": "Green spaces", "min": None, "max": None},
        {"value": "hall", "label": "Community hall", "min": None, "max": 50_000},
    ],
}
POINTS = {
    **MONEY,
    "label": "Give 100 points",
    "total": 100,
    "unit": "points",
    "options": [{**o, "min": None, "max": None} for o in MONEY["options"]],
}


def posted(question, **amounts) -> survey.QuestionForm:
    data = QueryDict(mutable=True)
    for option, text in amounts.items():
        data[f"q-{question['id']}-{option}"] = text
    form = survey.QuestionForm(question, data=data)
    form.is_valid()
    return form


# --- reading what a resident typed -----------------------------------------------------------
@pytest.mark.parametrize(
    "amounts, stored",
    [
        ({"repairs": "40000", "green": "30000", "hall": "30000"}, (40_000, 30_000, 30_000)),
        ({"repairs": "£60,000", "green": " 40 000 ", "hall": ""}, (60_000, 40_000, 0)),
        # Digits in the resident's own script are digits.
        ({"repairs": "۵۰۰۰۰", "green": "৫০০০০"}, (50_000, 50_000, 0)),
    ],
)
def test_whole_amounts_that_add_up_are_stored_for_every_option(amounts, stored):
    form = posted(MONEY, **amounts)
    assert form.error == ""
    assert form.value == dict(zip(["repairs", "green", "hall"], stored, strict=True))


@pytest.mark.parametrize(
    "amounts, message",
    [
        (
            {"repairs": "40000", "green": "30000", "hall": "20000"},
            "Your amounts add up to £90,000. Add £10,000 more.",
        ),
        (
            {"repairs": "50000", "green": "30000", "hall": "30000"},
            "Your amounts add up to £110,000. Take off £10,000.",
        ),
        ({"repairs": "5000", "green": "95000"}, "Give “Repairs” at least £10,000."),
        ({"repairs": "40000", "hall": "60000"}, "Give “Community hall” at most £50,000."),
        ({"repairs": "ten thousand"}, "Enter a whole number for “Repairs”, like £25."),
        ({"repairs": "10000.50", "green": "89999.50"}, "Enter a whole number for “Repairs”"),
        ({"repairs": "-10000", "green": "110000"}, "Enter 0 or more for “Repairs”."),
        ({}, "Enter how you would share out the total for “How would you share out £100,000?”."),
    ],
)
def test_each_mistake_has_its_own_message(amounts, message):
    form = posted(MONEY, **amounts)
    assert message in form.error
    assert form.raw["amounts"]["repairs"] == amounts.get("repairs", "")  # kept to show again


@pytest.mark.parametrize(
    "amounts, message",
    [
        ({"repairs": "50", "green": "45"}, "Your points add up to 95. Add 5 more points."),
        ({"repairs": "50", "green": "49"}, "Your points add up to 99. Add 1 more point."),
        ({"repairs": "50", "green": "55"}, "Your points add up to 105. Take off 5 points."),
    ],
)
def test_points_say_how_many_points_are_off(amounts, message):
    assert posted(POINTS, **amounts).error == message


@pytest.mark.parametrize(
    "text, message",
    [
        ("100\x00", "characters in it that we cannot store"),
        ("9" * 10_000, "at most £50,000"),
        ("1" + "0" * 40, "at most £50,000"),
        ("-" + "9" * 40, "Enter 0 or more"),
        ("x" * 10_000, "Enter a whole number"),
        ("²", "Enter a whole number"),  # a superscript is not a digit
        ("1e5", "Enter a whole number"),
        ("0x10", "Enter a whole number"),
    ],
)
def test_hostile_input_gets_a_message(text, message):
    form = posted(MONEY, repairs="50000", hall=text)
    assert message in form.error


@pytest.mark.parametrize(
    "language, typed, stored",
    [
        # Each language's own way of grouping thousands, as the page shows amounts.
        ("tr", {"repairs": "60.000", "green": "40.000"}, (60_000, 40_000, 0)),
        ("fr", {"repairs": "60\u00a0000", "green": "40\u202f000"}, (60_000, 40_000, 0)),
        ("bn", {"repairs": "৬০,০০০", "green": "40,000"}, (60_000, 40_000, 0)),
        ("ur", {"repairs": "۶۰٬۰۰۰", "hall": "۴۰,۰۰۰"}, (60_000, 0, 40_000)),
        ("en", {"repairs": "1,00,000"}, (100_000, 0, 0)),  # commas anywhere, as before
    ],
)
def test_amounts_typed_with_the_languages_separators_are_read(language, typed, stored):
    with translation.override(language):
        form = posted(MONEY, **typed)
    assert form.error == ""
    assert form.value == dict(zip(["repairs", "green", "hall"], stored, strict=True))


@pytest.mark.parametrize(
    "language, typed, message",
    [
        # A full stop only groups thousands where the language writes them that way.
        ("en", "60.000", "Enter a whole number for “Repairs”, like £25."),
        ("tr", "60.5", "“Repairs” için tam sayı girin, örneğin £25."),
        ("tr", "6.0000", "“Repairs” için tam sayı girin, örneğin £25."),
    ],
)
def test_a_full_stop_that_is_not_a_thousands_separator_gets_a_message(language, typed, message):
    with translation.override(language):
        form = posted(MONEY, repairs=typed, green="40000")
    assert form.error == message


@pytest.mark.parametrize(
    "language, shown, separator, grouping",
    [
        ("en", "£100,000", ",", "3"),
        ("tr", "£100.000", ".", "3"),
        ("fr", "£100\u00a0000", "\u00a0", "3"),
        ("bn", "£1,00,000", ",", "3,2,0"),  # lakhs: portal/formats/bn
        ("ur", "£100,000", ",", "3"),  # portal/formats/ur (Django has no Urdu formats)
    ],
)
def test_amounts_are_shown_grouped_as_the_language_writes_them(
    language, shown, separator, grouping
):
    answer = {"budget": {"repairs": 100_000, "green": 0, "hall": 0}}
    question = {**MONEY, "total": 100_000, "options": MONEY["options"]}
    with translation.override(language):
        assert BUDGET.display(question, answer)[0] == f"Repairs: {shown}"
        assert shown in budget_mod.off_by_message(question, 0)  # "… Add £100,000 more."
        context = BUDGET.widget_context(posted(question), {})
    assert context["total"] == shown
    # The running total groups its digits the same way (budget.js reads these).
    assert (context["separator"], context["grouping"]) == (separator, grouping)


def test_an_optional_budget_left_empty_is_not_answered():
    form = posted({**MONEY, "required": False}, repairs="", green="  ")
    assert form.error == "" and form.value is MISSING


# Bounded by the Hypothesis profile (tests/conftest.py: ``ci`` by default, ``fuzz`` for more).
@given(
    st.dictionaries(
        st.sampled_from(["repairs", "green", "hall"]),
        st.one_of(st.text(max_size=20), st.integers(-(10**15), 10**15).map(str)),
    )
)
def test_any_typed_text_is_either_a_valid_share_or_a_message(amounts):
    form = posted(MONEY, **amounts)
    if form.error:
        assert isinstance(form.error, str)
        return
    if form.value is MISSING:
        return
    assert sum(form.value.values()) == MONEY["total"]
    assert form.value["repairs"] >= 10_000 and form.value["hall"] <= 50_000
    again = survey.QuestionForm(MONEY, data=survey.AnswersData(MONEY, {"budget": form.value}))
    assert again.is_valid() and again.value == form.value


@given(
    st.integers(1, 10**7),
    st.lists(st.tuples(st.integers(0, 100), st.integers(0, 100)), min_size=2, max_size=6),
    st.integers(0, 2**32),
)
def test_the_random_answer_is_always_a_valid_share(total, shares, seed):
    """For any total and limits an editor could save, the generator's answer passes ``parse``."""
    options = []
    for index, (low, high) in enumerate(shares):
        low, high = sorted((low, high))
        options.append(
            {
                "value": f"o{index}",
                "label": f"Option {index}",
                "min": total * low // 100 // len(shares) or None,
                "max": None if high == 100 else max(total * high // 100, total // len(shares) + 1),
            }
        )
    question = {**MONEY, "total": total, "options": options}
    value = BUDGET.random_answer(question, (), random.Random(seed))
    form = survey.QuestionForm(question, data=survey.AnswersData(question, {"budget": value}))
    assert form.is_valid(), (value, form.error)
    assert form.value == value


# --- the resident's journey ------------------------------------------------------------------
BUDGET_ANSWERS = {"q-budget-repairs": "400", "q-budget-green": "250", "q-budget-hall": "350"}


def test_the_journey_stores_the_amounts_and_shows_them_to_check(
    client, consultation, django_capture_on_commit_callbacks
):
    answers = {**GOOD_ANSWERS, "views": {**GOOD_ANSWERS["views"], **BUDGET_ANSWERS}}
    check, token = walk(client, consultation, answers=answers)
    html = check.content.decode()
    assert "Repairs: £400" in html and "Community hall: £350" in html
    with django_capture_on_commit_callbacks(execute=True):
        client.post(check.request["PATH_INFO"], {"token": token})
    assert Response.objects.get().answers["budget"] == {"repairs": 400, "green": 250, "hall": 350}


def test_the_page_labels_each_amount_and_loads_the_running_total(client, at_views):
    url, _token = at_views
    html = client.get(url).content.decode()
    assert '<label class="govuk-label" for="q-budget-repairs">Repairs</label>' in html
    assert '<div class="govuk-input__prefix" aria-hidden="true">£</div>' in html
    assert 'id="q-budget-green-hint">At most £500<' in html
    assert 'data-budget-status aria-live="polite" hidden' in html  # shown by the script only
    assert "consultations/budget.js" in html
    assert "Share out £1,000 between the options below" in html


def test_without_javascript_the_server_says_how_far_off_the_total_is(client, at_views):
    url, token = at_views
    off = {**BUDGET_ANSWERS, "q-budget-hall": "250"}
    response = client.post(url, {**VALID_VIEWS, **off, "token": token})
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("Your amounts add up to £900. Add £100 more.") == 2  # summary and field
    assert 'href="#q-budget-repairs"' in html  # the summary links to the first amount
    assert 'value="400"' in html and 'value="250"' in html  # what was typed is kept
    assert "budget" not in ResponseDraft.objects.get().answers


def test_the_journey_in_urdu_has_urdu_messages_and_takes_urdu_digits(client, consultation, locales):
    urdu = translate_instance(
        instance=consultation, locale=locales["ur"], strings={"Repairs": "مرمت"}
    )
    base = urdu.get_url()
    client.get(f"{base}respond/")
    token = token_of(client.get(f"{base}respond/responding-as/"))
    client.post(f"{base}respond/responding-as/", {"token": token, "respondent_type": "tenant"})
    client.post(f"{base}respond/section/about/", {"token": token, "q-tenant": "yes"})
    url = f"{base}respond/section/views/"
    html = client.get(url).content.decode()
    assert 'lang="ur" dir="rtl"' in html and ">مرمت</label>" in html
    off = {**VALID_VIEWS, **BUDGET_ANSWERS, "q-budget-hall": "250", "token": token}
    html = client.post(url, off).content.decode()
    assert "آپ کی رقوم کا مجموعہ £900 ہے۔ مزید £100 شامل کریں۔" in html
    below = {**off, "q-budget-repairs": "50", "q-budget-hall": "700"}
    assert "“مرمت” کو کم از کم £100 دیں۔" in client.post(url, below).content.decode()
    urdu_digits = {**off, "q-budget-repairs": "۴۰۰", "q-budget-hall": "۳۵۰"}
    response = client.post(url, urdu_digits)
    assert response.status_code == 302
    stored = ResponseDraft.objects.get().answers["budget"]
    assert stored == {"repairs": 400, "green": 250, "hall": 350}


# --- results, analysts' views and exports ----------------------------------------------------
SHARES = [
    {"repairs": 100, "green": 500, "hall": 400},
    {"repairs": 300, "green": 300, "hall": 400},
    {"repairs": 1000, "green": 0, "hall": 0},
    {"repairs": 600, "green": 400, "hall": 0},
]


@pytest.fixture
def shared(consultation, estates):
    rng = random.Random(4)
    for share in SHARES:
        answers = {
            q["id"]: questions.for_question(q).random_answer(q, estates, rng)
            for q in survey_questions(consultation=consultation)
        }
        services.submit_response(
            consultation=consultation,
            token=uuid.uuid4(),
            answers={**answers, "tenant": "no", "how": "panel", "budget": share},
            language="en",
            check_open=False,
            send_receipt=False,
        )
    return consultation


def budget_result(consultation):
    with translation.override("en"):
        counted = results.consultation_results(consultation=consultation).questions
    return {r.question["id"]: r for r in counted}["budget"]


def test_results_give_mean_median_and_distribution_per_option(shared):
    result = budget_result(shared)
    assert result.kind == "budget" and result.answered == 4
    rows = {row["value"]: row for row in result.rows}
    assert rows["repairs"]["mean"] == "£500" and rows["repairs"]["median"] == "£450"
    assert (rows["repairs"]["min"], rows["repairs"]["max"]) == ("£100", "£1,000")
    assert rows["hall"]["median_value"] == 200 and rows["green"]["mean_value"] == 300
    # Fifths of £1,000: £0-£200, £200-£400, £400-£600, £600-£800, £800-£1,000.
    assert result.columns[0] == "£0 to £200" and result.columns[-1] == "£800 to £1,000"
    assert [n for n, _percent in rows["repairs"]["cells"]] == [1, 1, 0, 1, 1]
    assert [n for n, _percent in rows["hall"]["cells"]] == [2, 0, 2, 0, 0]


def test_the_database_and_python_counts_agree(shared):
    keys = results.keys_for(survey_questions(consultation=shared))
    in_python = results.count_answers_in_python(consultation_id=shared.pk, keys=keys)
    budget_counts = {k: n for k, n in in_python[0].items() if k[0] == "budget"}
    assert budget_counts[("budget", "400", "hall", None, "")] == 2
    if connection.vendor == "postgresql":
        in_database = results.count_answers_in_database(consultation_id=shared.pk, keys=keys)
        assert {k: n for k, n in in_database[0].items() if k[0] == "budget"} == budget_counts


def test_analysts_see_the_summary_and_can_enter_a_paper_budget(client, shared, analyst):  # noqa: F811
    client.force_login(analyst)
    page = client.get(urls(shared)["results"]).content.decode()
    assert "How would you share out £1,000?: amounts per option" in page
    assert "£0 to £200" in page and "£450" in page
    form = client.get(urls(shared)["enter"]).content.decode()
    assert 'name="q-budget-repairs"' in form and "The amounts must add up to £1,000." in form


def test_assisted_entry_stores_a_paper_budget_and_says_how_far_off_one_is(
    client,
    consultation,
    analyst,  # noqa: F811
):
    client.force_login(analyst)
    url = urls(consultation)["enter"]
    off = {**PAPER_ANSWERS, **BUDGET_ANSWERS, "q-budget-hall": "250", "token": str(uuid.uuid4())}
    html = client.post(url, off).content.decode()
    assert "Your amounts add up to £900. Add £100 more." in html
    assert 'value="250"' in html and not Response.objects.exists()
    # As written on the paper form: Bengali digits, a comma.
    paper = {**off, "q-budget-repairs": "৪০০", "q-budget-hall": "3,50"}
    assert client.post(url, paper).status_code == 302
    assert Response.objects.get().answers["budget"] == {"repairs": 400, "green": 250, "hall": 350}


def test_exports_have_one_number_column_per_option(shared):
    export = exports.build_export(consultation=shared)
    text = b"".join(exports.csv_response(export).streaming_content).decode("utf-8-sig")
    headers, *rows = list(csv.reader(io.StringIO(text)))
    column = headers.index("How would you share out £1,000?: Repairs")
    assert headers[column + 1 : column + 3] == [
        "How would you share out £1,000?: Green spaces",
        "How would you share out £1,000?: Community hall",
    ]
    assert sorted(row[column] for row in rows) == sorted(str(s["repairs"]) for s in SHARES)
    workbook = openpyxl.load_workbook(
        io.BytesIO(
            b"".join(
                exports.xlsx_response(exports.build_export(consultation=shared)).streaming_content
            )
        )
    )
    sheet_rows = list(workbook.active.iter_rows(values_only=True))
    assert sorted(row[column] for row in sheet_rows[1:]) == sorted(s["repairs"] for s in SHARES)


def test_check_your_answers_in_points_writes_the_unit_out():
    with translation.override("en"):
        lines = BUDGET.display(POINTS, {"budget": {"repairs": 1, "green": 99, "hall": 0}})
    assert lines == ["Repairs: 1 point", "Green spaces: 99 points", "Community hall: 0 points"]
