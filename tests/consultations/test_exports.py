"""Exports parsed back with real parsers: every answer, in every language, in the right column."""

import csv
import datetime
import io
from zoneinfo import ZoneInfo

import openpyxl
import pytest
from django.http import StreamingHttpResponse

from consultations import exports
from tests.consultations.test_analysis import respond

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")
WHEN = datetime.datetime(2025, 6, 10, 18, 30, tzinfo=LONDON)


@pytest.fixture
def responses(consultation, estates):
    """The same survey answered in four languages and three channels."""
    return {
        "en": respond(
            consultation,
            when=WHEN,
            tenant="yes",
            tenancy="Secure",
            estate=estates[0].pk,
            how="other",
            **{"how.other": "Door knocking"},
            topics=["more-meetings", "panel"],
            comments="Evening meetings, please.",
        ),
        "ur": respond(
            consultation,
            language="ur",
            when=WHEN + datetime.timedelta(minutes=1),
            how="panel",
            topics=["online"],
            priorities=["online", "more-meetings"],
            matrix={"repairs": "poor", "cleaning": "good"},
            comments="شام کو ملاقاتیں",
            age="prefer_not_to_say",
        ),
        "yi": respond(
            consultation,
            language="yi",
            channel="paper",
            when=WHEN + datetime.timedelta(minutes=2),
            agree="strongly_disagree",
            rating=1,
            years=40,
            comments="מיטינגז אין אָוונט",
        ),
        "tr": respond(
            consultation,
            language="tr",
            channel="phone",
            when=WHEN + datetime.timedelta(minutes=3),
            estate="not_listed",
            moved="2019-02-01",
            postcode="N16 5AA",
            comments="Akşam toplantıları",
        ),
    }


EXPECTED = {
    "en": {
        "Reference": None,  # filled in from the response
        "Submitted (UK time)": "2025-06-10 18:30:00",
        "Language": "English",
        "Channel": "Online",
        "Estate": "Kings Crescent",
        "Do you live in a council home?": "Yes",
        "Which estate do you live on?": "Kings Crescent",
        "How should we involve you?": "Other",
        "How should we involve you?: Other (please specify)": "Door knocking",
        "Which topics matter?: More meetings": "1",
        "Which topics matter?: Online surveys": "0",
        "Which topics matter?: A panel": "1",
        "Rank these priorities: rank 1": "A panel",
        "Rank these priorities: rank 2": "Online surveys",
        "How do you feel about: Repairs": "Good",
        "How do you feel about: Cleaning": "OK",
        "Your tenancy type": "Secure",
        "Any other comments?": "Evening meetings, please.",
        "Privacy": "Agreed",
    },
    "ur": {
        "Language": "Urdu",
        "Do you live in a council home?": "No",
        "How should we involve you?": "A panel",
        "How should we involve you?: Other (please specify)": "",
        "Which topics matter?: More meetings": "0",
        "Which topics matter?: Online surveys": "1",
        "Rank these priorities: rank 1": "Online surveys",
        "Rank these priorities: rank 2": "More meetings",
        "How do you feel about: Repairs": "Poor",
        "How do you feel about: Cleaning": "Good",
        "Your tenancy type": "",
        "Any other comments?": "شام کو ملاقاتیں",
        "Your age group": "Prefer not to say",
    },
    "yi": {
        "Language": "Yiddish",
        "Channel": "Paper",
        "Do you agree with the strategy?": "Strongly disagree",
        "Rate our service": "1",
        "How many years have you lived here?": "40",
        "Any other comments?": "מיטינגז אין אָוונט",
        "Estate": "",
    },
    "tr": {
        "Language": "Turkish",
        "Channel": "Phone",
        "Which estate do you live on?": "My estate is not listed",
        "When did you move in?": "2019-02-01",
        "What is your postcode?": "N16 5AA",
        "Any other comments?": "Akşam toplantıları",
        "How many years have you lived here?": "3",
    },
}


def check_rows(headers, rows, responses):
    assert len(headers) == len(set(headers)), "every column has its own heading"
    assert [row[headers.index("Reference")] for row in rows] == [
        responses[lang].reference for lang in ("en", "ur", "yi", "tr")
    ]
    for row, language in zip(rows, ("en", "ur", "yi", "tr"), strict=True):
        cells = dict(zip(headers, row, strict=True))
        for header, expected in EXPECTED[language].items():
            if expected is None:
                continue
            assert cells[header] == expected, (language, header)


def full_export(consultation):
    """Everything, equality-monitoring answers included (the view asks for a reason first)."""
    return exports.build_export(consultation=consultation, include_special_category=True)


def test_csv_export_puts_every_answer_in_its_column_in_every_language(consultation, responses):
    response = exports.csv_response(full_export(consultation))
    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="responses-strategy-')
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    headers, *rows = list(csv.reader(io.StringIO(text)))
    assert headers[:7] == [
        "Reference",
        "Submitted (UK time)",
        "Language",
        "Channel",
        "Responding as",
        "Estate",
        "Survey version",
    ]
    # Labels from the survey, one column per option, per matrix row and per rank.
    assert "Which topics matter?: A panel" in headers
    assert "How do you feel about: Cleaning" in headers
    assert "Rank these priorities: rank 2" in headers
    check_rows(headers, rows, responses)


def test_xlsx_export_puts_every_answer_in_its_column_in_every_language(consultation, responses):
    response = exports.xlsx_response(full_export(consultation))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    sheet = workbook.active
    headers, *rows = [list(row) for row in sheet.iter_rows(values_only=True)]

    def as_text(value):
        if value is None:
            return ""
        if isinstance(value, datetime.datetime):
            return value.isoformat(sep=" ")
        return str(value)

    check_rows(headers, [[as_text(v) for v in row] for row in rows], responses)
    # Numbers stay numbers and times are real spreadsheet dates.
    years = headers.index("How many years have you lived here?")
    assert rows[2][years] == 40
    assert rows[0][1] == datetime.datetime(2025, 6, 10, 18, 30)


DANGEROUS = ['=HYPERLINK("http://x")', "+44 20 1234", "-1+2", "@SUM(A1)"]


@pytest.mark.parametrize("text", DANGEROUS)
def test_csv_cells_that_would_run_as_formulas_are_neutralised(consultation, text):
    respond(consultation, comments=text)
    response = exports.csv_response(exports.build_export(consultation=consultation))
    raw = b"".join(response.streaming_content).decode("utf-8-sig")
    headers, row = list(csv.reader(io.StringIO(raw)))
    assert row[headers.index("Any other comments?")] == "'" + text


@pytest.mark.parametrize("text", ["\tTab", "\rReturn", "\t=SUM(A1)"])
def test_a_leading_tab_or_return_never_reaches_a_cell_and_would_be_neutralised(consultation, text):
    # Answers are stored without surrounding white space, so these never reach the export as
    # they were typed; what is left is neutralised like any other formula-like text...
    respond(consultation, comments=text)
    response = exports.csv_response(exports.build_export(consultation=consultation))
    headers, row = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    stored = row[headers.index("Any other comments?")]
    assert not stored.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert stored.lstrip("'") == text.strip()
    # ...and the neutraliser itself still treats a leading tab or return as a formula trigger,
    # for any value that does not pass through the survey (a spreadsheet reads both as one).
    assert exports.neutralise(text) == "'" + text


def test_xlsx_keeps_formula_like_text_as_text(consultation):
    respond(consultation, comments='=HYPERLINK("http://x")')
    response = exports.xlsx_response(exports.build_export(consultation=consultation))
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    headers = [c.value for c in next(workbook.active.iter_rows(max_row=1))]
    cell = workbook.active.cell(row=2, column=headers.index("Any other comments?") + 1)
    assert cell.data_type == "s" and cell.value == '=HYPERLINK("http://x")'


def test_neutralise_only_touches_text():
    assert exports.neutralise("=1+1") == "'=1+1"
    assert exports.neutralise("-5") == "'-5"
    assert exports.neutralise(-5) == -5
    assert exports.neutralise("Fine = good") == "Fine = good"


def test_rows_are_read_lazily_in_chunks(consultation, responses, django_assert_num_queries):
    export = exports.build_export(consultation=consultation, chunk_size=2)
    with django_assert_num_queries(0):
        iterator = iter(export.rows)
    rows = list(iterator)
    assert len(rows) == 4
