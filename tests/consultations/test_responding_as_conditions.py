"""A question shown only for some answers to "responding as": the demo's "council home" question.

A council tenant has already said where they live, so "Do you live in a council home?" is asked
only of leaseholders, other residents and people answering for someone else. Skipped, it is not
asked: not on the step, not on "check your answers", not stored, not counted in the results.
"""

import uuid

import pytest

from consultations import services
from consultations.analysis.results import consultation_results
from consultations.blocks import SurveyStreamBlock, survey_errors
from consultations.builder import question, section
from consultations.demo import strategy_survey
from consultations.models import ResponseDraft

from .conftest import make_consultation
from .test_journey import token_of

pytestmark = pytest.mark.django_db

LABEL = "Do you live in a council home?"


@pytest.fixture
def demo_page(consultation_index, estates):
    return make_consultation(consultation_index, slug="demo-strategy", survey=strategy_survey())


def _responding_as(client, page, respondent_type):
    base = page.get_url()
    client.get(base + "respond/")
    token = token_of(client.get(base + "respond/responding-as/"))
    step = client.post(
        base + "respond/responding-as/", {"token": token, "respondent_type": respondent_type}
    )
    return step["Location"], token


def test_a_council_tenant_is_not_asked_if_they_live_in_a_council_home(client, demo_page):
    about, token = _responding_as(client, demo_page, "tenant")
    assert about.endswith("/respond/section/about-you/")
    html = client.get(about).content.decode()
    assert "Which estate do you live on?" in html and LABEL not in html
    # Nothing else on the step is required, so it goes on without an answer to the question.
    step = client.post(about, {"token": token, "q-council-home": "yes"})
    assert step["Location"].endswith("/respond/section/involvement/")
    assert "council-home" not in ResponseDraft.objects.get().answers  # ignored, not stored


def test_a_leaseholder_is_asked_and_must_answer(client, demo_page):
    about, token = _responding_as(client, demo_page, "leaseholder")
    assert LABEL in client.get(about).content.decode()
    html = client.post(about, {"token": token}).content.decode()
    assert f"Select an answer to “{LABEL}”." in html
    step = client.post(about, {"token": token, "q-council-home": "no"})
    assert step["Location"].endswith("/respond/section/involvement/")
    assert ResponseDraft.objects.get().answers == {"council-home": "no"}


def test_changing_to_tenant_drops_the_answer_and_check_your_answers_leaves_it_out(
    client, demo_page
):
    about, token = _responding_as(client, demo_page, "other_resident")
    client.post(about, {"token": token, "q-council-home": "dont_know"})
    base = demo_page.get_url()
    check = base + "respond/check/"
    assert LABEL in client.get(check).content.decode()
    client.post(
        base + "respond/responding-as/?return=check", {"token": token, "respondent_type": "tenant"}
    )
    assert "council-home" not in ResponseDraft.objects.get().answers
    assert LABEL not in client.get(check).content.decode()


def test_stored_answers_and_results_treat_the_skipped_question_as_not_asked(demo_page):
    answers = {"ways": ["online"], "how-often": "monthly", "join-panel": "no"}
    answers |= {"agree-aims": "agree", "rating-now": 4, "privacy": True}
    answers |= {"priorities": ["repairs", "panel", "safety"]}
    answers |= {"services": {"repairs": "good", "cleaning": "fair", "complaints": "poor"}}

    def send(respondent_type, **more):
        return services.submit_response(
            consultation=demo_page,
            token=uuid.uuid4(),
            answers={**answers, **more},
            language="en",
            respondent_type=respondent_type,
        ).response

    tenant = send("tenant", **{"council-home": "no"})  # a stale or tampered answer
    assert "council-home" not in tenant.answers
    send("leaseholder", **{"council-home": "yes"})
    with pytest.raises(services.SurveyInvalid) as invalid:
        send("on_behalf")  # asked, required, and not answered
    assert "council-home" in invalid.value.errors
    result = next(
        r
        for r in consultation_results(consultation=demo_page).questions
        if r.question["id"] == "council-home"
    )
    assert result.answered == 1  # of two responses: the tenant was not asked
    assert [(bar.value, bar.count, bar.percent) for bar in result.bars][0] == ("yes", 1, 100.0)


def test_editors_may_use_responding_as_in_conditions_with_its_values_only():
    def errors(values):
        stream = SurveyStreamBlock().to_python(
            [
                section(
                    "one",
                    "One",
                    [question("yes_no", "home", LABEL, show_if=("responding-as", values))],
                )
            ]
        )
        return survey_errors(stream)

    assert errors(["leaseholder", "on_behalf"]) == {}
    problem = errors(["tenants"])[0]["questions"].block_errors[0].block_errors["condition"]
    assert problem.messages == ["Question responding-as has no option tenants."]
