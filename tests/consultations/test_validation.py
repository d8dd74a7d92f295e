"""Bad input on every question type: a translated message beside the field, answers kept, no 500."""

import pytest

from consultations.models import ResponseDraft

from .test_journey import token_of

pytestmark = pytest.mark.django_db


VALID_VIEWS = {
    "q-how": "panel",
    "q-topics": ["panel"],
    "q-often": "monthly",
    "q-agree": "agree",
    "q-rating": "4",
    "q-priorities-panel": "1",
    "q-priorities-online": "2",
    "q-matrix-repairs": "good",
    "q-matrix-cleaning": "ok",
    "q-years": "3",
}


@pytest.mark.parametrize(
    "changes, field, message",
    [
        ({"q-how": ""}, "q-how", "Select an answer to “How should we involve you?”."),
        ({"q-how": "free-beer"}, "q-how", "Select one of the answers shown."),
        ({"q-how": "other", "q-how.other": ""}, "q-how", "Tell us what you mean by “Other”."),
        ({"q-how": "other", "q-how.other": "x" * 201}, "q-how", "200 characters or fewer"),
        ({"q-topics": []}, "q-topics", "Select at least one answer to “Which topics matter?”."),
        ({"q-topics": ["panel", "online", "more-meetings"]}, "q-topics", "no more than 2"),
        ({"q-topics": ["panel", "hacked"]}, "q-topics", "Select only the answers shown."),
        ({"q-often": "weekly"}, "q-often", "Select one of the answers shown."),
        ({"q-agree": "1"}, "q-agree", "Select one of the answers shown."),
        ({"q-rating": "6"}, "q-rating", "Select one of the answers shown."),
        ({"q-rating": "four"}, "q-rating", "Select one of the answers shown."),
        ({"q-nps": "11"}, "q-nps", "Select one of the answers shown."),
        (
            {"q-priorities-panel": "1", "q-priorities-online": "1"},
            "q-priorities",
            "one option only",
        ),
        ({"q-priorities-panel": "3"}, "q-priorities", "numbers 1 to 2"),
        ({"q-priorities-online": ""}, "q-priorities", "Rank 2 options"),
        ({"q-priorities-panel": "-1"}, "q-priorities", "numbers 1 to 2"),
        ({"q-matrix-cleaning": ""}, "q-matrix", "Answer every row of “How do you feel about”."),
        ({"q-matrix-cleaning": "superb"}, "q-matrix", "Select one of the answers shown."),
        ({"q-years": "ten"}, "q-years", "Enter a whole number, like 12."),
        ({"q-years": "1.5"}, "q-years", "Enter a whole number, like 12."),
        ({"q-years": "101"}, "q-years", "between 0 and 100"),
        ({"q-years": "9" * 40}, "q-years", "Enter a whole number, like 12."),
        (
            {"q-moved-day": "31", "q-moved-month": "2", "q-moved-year": "2020"},
            "q-moved",
            "real date",
        ),
        (
            {"q-moved-day": "1", "q-moved-month": "1", "q-moved-year": "3020"},
            "q-moved",
            "today or in the past",
        ),
        (
            {"q-moved-day": "x", "q-moved-month": "1", "q-moved-year": "2020"},
            "q-moved",
            "real date",
        ),
        ({"q-name_it": "x" * 41}, "q-name_it", "40 characters or fewer"),
        ({"q-comments": "y" * 201}, "q-comments", "200 characters or fewer (you have 201)"),
    ],
)
def test_bad_answer_shows_message_beside_field_and_keeps_answers(
    client, at_views, changes, field, message
):
    url, token = at_views
    data = {**VALID_VIEWS, **changes, "token": token}
    response = client.post(url, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html
    assert f'id="{field}-error"' in html and message in html
    kept = 'value="agree" checked' if field == "q-often" else 'value="monthly" selected'
    assert kept in html  # the other answers on the page are kept
    assert not ResponseDraft.objects.get().answers.get("often")  # nothing saved from this page


def test_required_text_email_postcode_and_consent(client, consultation):
    base = consultation.get_url()
    client.get(f"{base}respond/")
    token = token_of(client.get(f"{base}respond/responding-as/"))
    response = client.post(
        f"{base}respond/section/about/", {"token": token, "q-tenant": "yes", "q-postcode": "SW1A"}
    )
    assert "Enter a full UK postcode, like E8 1DY." in response.content.decode()
    assert 'value="SW1A"' in response.content.decode()
    assert not ResponseDraft.objects.exists()  # a draft starts with the first valid answer
    client.post(f"{base}respond/section/about/", {"token": token, "q-tenant": "no"})
    assert ResponseDraft.objects.get().answers == {"tenant": "no"}
    response = client.post(
        f"{base}respond/section/finally/",
        {"token": token, "q-contact": "not-an-email", "q-age": "25-64", "q-consent": ""},
    )
    html = response.content.decode()
    assert "like name@example.com" in html
    assert "Tick the box under “Privacy” to agree to the privacy notice." in html
    assert 'value="25-64" checked' in html


def test_missing_or_tampered_token_is_refused_with_message_and_answers_kept(client, at_views):
    url, token = at_views
    for bad in ({}, {"token": "not-a-uuid"}, {"token": "00000000-0000-0000-0000-000000000000"}):
        response = client.post(url, {**VALID_VIEWS, **bad})
        assert response.status_code == 200
        html = response.content.decode()
        assert "This form has expired or was already sent" in html
        assert 'value="monthly" selected' in html
        assert "often" not in ResponseDraft.objects.get().answers


def test_unknown_section_and_wrong_types_never_500(client, at_views, consultation):
    url, token = at_views
    base = consultation.get_url()
    assert client.get(f"{base}respond/section/nope/").status_code == 404
    response = client.post(url, {"token": token, "q-topics": ["a"] * 50, "q-years": ["1", "2"]})
    assert response.status_code == 200


def test_each_unanswered_question_is_named_in_the_summary_and_beside_its_field(client, at_views):
    """Two "Select an answer" messages in one summary would not say which question is which."""
    url, token = at_views
    data = {
        **VALID_VIEWS,
        "q-how": "",
        "q-often": "",
        "q-agree": "",
        "q-rating": "",
        "token": token,
    }
    del data["q-topics"], data["q-matrix-cleaning"], data["q-priorities-panel"]
    del data["q-priorities-online"], data["q-years"]
    html = client.post(url, data).content.decode()
    expected = [  # (where the summary links to, the field, its message)
        ("q-how-more-meetings", "q-how", "Select an answer to “How should we involve you?”."),
        (
            "q-topics-more-meetings",
            "q-topics",
            "Select at least one answer to “Which topics matter?”.",
        ),
        ("q-often", "q-often", "Select an answer to “How often?”."),
        (
            "q-agree-strongly_agree",
            "q-agree",
            "Select an answer to “Do you agree with the strategy?”.",
        ),
        ("q-rating-1", "q-rating", "Select an answer to “Rate our service”."),
        (
            "q-priorities-more-meetings",
            "q-priorities",
            "Rank the options for “Rank these priorities”.",
        ),
        ("q-matrix-repairs-good", "q-matrix", "Answer every row of “How do you feel about”."),
        ("q-years", "q-years", "Enter a number for “How many years have you lived here?”."),
    ]
    summary = html.split('govuk-error-summary__list">')[1].split("</ul>")[0]
    for anchor, field, message in expected:
        assert f'<a href="#{anchor}">{message}</a>' in summary
        beside = html.split(f'id="{field}-error"')[1].split("</p>")[0]
        assert message in beside
    assert summary.count("<li>") == len(expected)
