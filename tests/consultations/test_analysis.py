"""Results for staff: each option counted, breakdowns, over time, free text, themes, erasure."""

import datetime
import uuid
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from wagtail.models import PageLogEntry

from consultations import services
from consultations.analysis import freetext, results
from consultations.analysis import services as analysis_services
from consultations.analysis.questions import survey_questions
from consultations.models import AnswerTheme, RespondentDetails, Response

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")


def answers(**changes) -> dict:
    """A valid set of answers to ``conftest.full_survey`` with ``changes`` applied."""
    base = {
        "tenant": "no",
        "how": "online",
        "topics": ["more-meetings"],
        "often": "monthly",
        "agree": "agree",
        "rating": 4,
        "priorities": ["panel", "online"],
        "matrix": {"repairs": "good", "cleaning": "ok"},
        "years": 3,
        "consent": True,
    }
    base.update(changes)
    return {key: value for key, value in base.items() if value is not None}


def respond(consultation, *, language="en", channel="online", when=None, details=None, **changes):
    """Store one response through the same service the online journey uses."""
    return services.submit_response(
        consultation=consultation,
        token=uuid.uuid4(),
        answers=answers(**changes),
        language=language,
        channel=channel,
        submitted_at=when,
        details=details,
        check_open=False,
        send_receipt=False,
    ).response


def bars_of(result) -> dict[str, tuple[int, float]]:
    return {bar.value: (bar.count, bar.percent) for bar in result.bars}


def question(res, question_id):
    return next(q for q in res.questions if q.question["id"] == question_id)


def test_multiple_choice_counts_each_option_never_combinations(consultation):
    respond(consultation, topics=["more-meetings", "online"])
    respond(consultation, topics=["more-meetings"], language="ur")
    respond(consultation, topics=["online", "panel"], language="tr")
    with pytest.raises(services.SurveyInvalid):  # required: an empty answer is never stored
        respond(consultation, topics=None, language="yi")
    res = results.consultation_results(consultation=consultation)
    topics = question(res, "topics")
    assert topics.answered == 3
    assert bars_of(topics) == {
        "more-meetings": (2, 66.7),
        "online": (2, 66.7),
        "panel": (1, 33.3),
    }
    labels = [bar.label for bar in topics.bars]
    assert labels == ["More meetings", "Online surveys", "A panel"]
    assert not any("," in label for label in labels), "no combination rows"


@pytest.fixture
def mixed_responses(consultation, estates):
    day = datetime.datetime(2025, 6, 10, 9, tzinfo=LONDON)
    respond(
        consultation,
        when=day,
        estate=estates[0].pk,
        agree="agree",
        how="other",
        **{"how.other": "Door knocking"},
    )
    respond(
        consultation,
        language="ur",
        when=day,
        estate=estates[0].pk,
        agree="disagree",
        priorities=["online", "panel"],
        matrix={"repairs": "poor", "cleaning": "ok"},
    )
    respond(
        consultation,
        language="ur",
        channel="paper",
        when=day + datetime.timedelta(days=2),
        estate=estates[1].pk,
        agree="agree",
        years=10,
        comments="Evening meetings please",
    )
    respond(
        consultation,
        language="pl",
        channel="phone",
        when=day + datetime.timedelta(days=2),
        agree="strongly_agree",
        years=20,
        matrix={"repairs": "poor", "cleaning": "good"},
    )
    return consultation


def test_breakdowns_and_responses_over_time(mixed_responses, estates):
    res = results.consultation_results(consultation=mixed_responses)
    assert res.total == 4
    assert [(bar.label, bar.count) for bar in res.breakdowns["language"]] == [
        ("Urdu", 2),
        ("English", 1),
        ("Polish", 1),
    ]
    channels = {bar.label: bar.count for bar in res.breakdowns["channel"]}
    assert channels == {"Online": 2, "Paper": 1, "Phone": 1}
    estates_seen = {bar.label: (bar.count, bar.percent) for bar in res.breakdowns["estate"]}
    assert estates_seen == {
        "Kings Crescent": (2, 50.0),
        "Woodberry Down": (1, 25.0),
        "No estate given": (1, 25.0),
    }
    # UK days, with the day without responses shown as zero.
    assert res.over_time == [
        (datetime.date(2025, 6, 10), 2),
        (datetime.date(2025, 6, 11), 0),
        (datetime.date(2025, 6, 12), 2),
    ]


def test_each_question_type_is_summarised(mixed_responses):
    res = results.consultation_results(consultation=mixed_responses)
    agree = question(res, "agree")
    assert bars_of(agree)["agree"] == (2, 50.0)
    assert bars_of(agree)["strongly_agree"] == (1, 25.0)
    assert bars_of(agree)["neither"] == (0, 0.0)
    assert [bar.label for bar in agree.bars][0] == "Strongly agree"

    matrix = question(res, "matrix")
    repairs = next(row for row in matrix.rows if row["label"] == "Repairs")
    assert {cell.label: cell.count for cell in repairs["cells"]} == {"Good": 2, "OK": 0, "Poor": 2}

    ranking = question(res, "priorities")
    assert ranking.columns == ["1", "2"]
    first = ranking.rows[0]
    assert first["label"] == "A panel" and [c for c, _p in first["cells"]] == [3, 1]
    assert first["mean_rank"] == 1.25

    years = question(res, "years")
    assert years.kind == "number" and years.stats == {"mean": 9.0, "min": 3, "max": 20}

    how = question(res, "how")
    assert bars_of(how)["other"] == (1, 25.0) and how.other_answered == 1

    comments = question(res, "comments")
    assert comments.kind == "text" and comments.answered == 1


def test_answers_split_by_language(mixed_responses):
    res = results.consultation_results(consultation=mixed_responses, by="language")
    agree = question(res, "agree")
    assert [label for _value, label in agree.split.groups] == ["English", "Polish", "Urdu"]
    row = next(r for r in agree.split.rows if r["label"] == "Agree")
    assert row["cells"] == [(1, 100.0), (0, 0.0), (1, 50.0)]


def test_counting_in_postgresql_matches_counting_in_python(mixed_responses):
    if connection.vendor != "postgresql":
        # The database counting is PostgreSQL SQL (``?``, GROUPING SETS, jsonb functions); on
        # SQLite ``count_answers`` always streams in Python, so there is nothing to compare.
        pytest.skip("compares PostgreSQL's own counting with the Python fallback")
    keys = results.keys_for(survey_questions(consultation=mixed_responses))
    assert "agree" in keys.scalar and "topics" in keys.arrays and "matrix" in keys.objects
    for by in ("", "language", "channel", "estate"):
        in_python = results.count_answers_in_python(
            consultation_id=mixed_responses.pk, keys=keys, by=by
        )
        in_database = results.count_answers_in_database(
            consultation_id=mixed_responses.pk, keys=keys, by=by
        )
        assert in_python == in_database
        assert in_python[0], "something was counted"


def test_results_ignore_other_consultations(mixed_responses, consultation_index):
    from tests.consultations.conftest import make_consultation

    other = make_consultation(consultation_index, slug="another")
    respond(other, topics=["panel"])
    res = results.consultation_results(consultation=mixed_responses)
    assert res.total == 4 and bars_of(question(res, "topics"))["panel"] == (0, 0.0)


def test_free_text_search_and_theme_counts(mixed_responses, admin_user):
    page = mixed_responses
    listed = list(freetext.free_text_answers(consultation=page, key="comments"))
    assert [r.text for r in listed] == ["Evening meetings please"]
    assert list(freetext.free_text_answers(consultation=page, key="comments", search="EVENING"))
    assert not list(freetext.free_text_answers(consultation=page, key="comments", search="noise"))
    others = list(freetext.free_text_answers(consultation=page, key="how.other"))
    assert [r.text for r in others] == ["Door knocking"]

    timing = analysis_services.create_theme(
        consultation=page, name="Meeting times", user=admin_user
    )
    outreach = analysis_services.create_theme(consultation=page, name="Outreach")
    with pytest.raises(analysis_services.ThemeExists):
        analysis_services.create_theme(consultation=page, name="  Meeting   times ")
    analysis_services.set_answer_themes(
        response=listed[0], key="comments", themes=[timing, outreach], user=admin_user
    )
    analysis_services.set_answer_themes(response=others[0], key="how.other", themes=[outreach])
    # Saving again with fewer themes removes the ones no longer ticked (idempotent).
    analysis_services.set_answer_themes(response=listed[0], key="comments", themes=[timing])
    analysis_services.set_answer_themes(response=listed[0], key="comments", themes=[timing])
    counts = {t.name: t.answers for t in freetext.themes_with_counts(consultation=page)}
    assert counts == {"Meeting times": 1, "Outreach": 1}
    tagged = list(freetext.free_text_answers(consultation=page, key="comments", theme=timing))
    assert [t.theme.name for t in tagged[0].answer_codings] == ["Meeting times"]


def test_erasing_a_respondent_removes_personal_data_and_codings(consultation, admin_user):
    response = respond(
        consultation,
        comments="I am Ada at 1 Example Road",
        details={"name": "Ada", "email": "ada@example.org", "address": "1 Example Road"},
    )
    theme = analysis_services.create_theme(consultation=consultation, name="Repairs")
    analysis_services.set_answer_themes(response=response, key="comments", themes=[theme])
    analysis_services.erase_respondent_data(response=response, erase_answers=True, user=admin_user)
    response.refresh_from_db()
    details = RespondentDetails.objects.get(response=response)
    assert (details.name, details.email, details.address) == ("", "", "")
    assert details.anonymised_at is not None
    assert response.answers == {} and not AnswerTheme.objects.exists()
    assert Response.objects.count() == 1, "the response still counts in totals"
    entry = PageLogEntry.objects.get(action="consultations.erase_respondent")
    assert entry.user == admin_user and entry.data == {
        "reference": response.reference,
        "answers_erased": True,
    }
    assert "Ada" not in str(entry.data)
