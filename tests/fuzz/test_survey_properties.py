"""Every question type, whatever is posted: never a server error; a refused page stores nothing
and says why beside the field; an accepted value is stored exactly as the rules say."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from consultations.models import ResponseDraft
from portal.text import has_unstorable_characters
from tests.consultations.test_journey import GOOD_ANSWERS, walk
from tests.consultations.test_validation import VALID_VIEWS

from .strategies import hostile, hostile_values, raw_bodies, typed_text

pytestmark = pytest.mark.django_db

VIEWS_FIELDS = [
    "q-how",
    "q-how.other",
    "q-topics",
    "q-often",
    "q-agree",
    "q-rating",
    "q-nps",
    "q-priorities-panel",
    "q-priorities-online",
    "q-priorities-more-meetings",
    "q-matrix-repairs",
    "q-matrix-cleaning",
    "q-years",
    "q-moved-day",
    "q-moved-month",
    "q-moved-year",
    "q-name_it",
    "q-comments",
]
DIGITS = "0123456789"
SCRIPTS = {"ascii": DIGITS, "urdu": "۰۱۲۳۴۵۶۷۸۹", "bengali": "০১২৩৪৫৬৭৮৯", "arabic": "٠١٢٣٤٥٦٧٨٩"}


def _clear(draft_answers_to_keep=("tenant",)):
    draft = ResponseDraft.objects.get()
    draft.answers = {k: v for k, v in draft.answers.items() if k in draft_answers_to_keep}
    draft.save(update_fields=["answers"])


def _stored_values_are_clean(answers):
    for value in answers.values():
        values = value if isinstance(value, list) else [value]
        if isinstance(value, dict):
            values = list(value.values())
        for item in values:
            assert not (isinstance(item, str) and has_unstorable_characters(item)), answers


@given(changes=st.dictionaries(st.sampled_from(VIEWS_FIELDS), hostile_values, max_size=6))
def test_any_answers_to_any_question_type_never_give_a_server_error(
    at_views, client, changes, tried
):
    url, token = at_views
    _clear()
    tried["survey step: every question type"] += 1
    response = client.post(url, {**VALID_VIEWS, **changes, "token": token})
    assert response.status_code in (200, 302)
    answers = ResponseDraft.objects.get().answers
    if response.status_code == 200:
        html = response.content.decode()
        assert "There is a problem" in html
        assert re.search(r'id="q-[a-z_]+-error"', html), "a message sits beside a field"
        assert "often" not in answers, "a refused page stores nothing"
    else:
        _stored_values_are_clean(answers)


@given(body=raw_bodies)
def test_raw_request_bodies_never_give_a_server_error(at_views, client, body, tried):
    url, _token = at_views
    tried["survey step: raw bytes"] += 1
    response = client.post(url, body, content_type="application/x-www-form-urlencoded")
    assert response.status_code < 500


@given(text=typed_text)
def test_a_long_answer_a_resident_could_type_is_stored_exactly(at_views, client, text, tried):
    url, token = at_views
    _clear()
    tried["long text: valid values"] += 1
    response = client.post(url, {**VALID_VIEWS, "q-comments": text, "token": token})
    expected = text.replace("\r\n", "\n").strip()
    answers = ResponseDraft.objects.get().answers
    if not expected:
        assert response.status_code == 302 and "comments" not in answers
    elif len(expected) > 200:
        assert (
            response.status_code == 200 and "200 characters or fewer" in response.content.decode()
        )
    else:
        assert response.status_code == 302, response.content.decode()[:2000]
        assert answers["comments"] == expected


@given(
    years=st.integers(min_value=-(10**15), max_value=10**15),
    script=st.sampled_from(sorted(SCRIPTS)),
)
def test_a_number_in_any_script_is_stored_as_that_number_or_refused(
    at_views, client, years, script, tried
):
    url, token = at_views
    _clear()
    tried["number: integers in four scripts"] += 1
    digits = str(abs(years)).translate(str.maketrans(DIGITS, SCRIPTS[script]))
    posted = ("-" if years < 0 else "") + digits
    response = client.post(url, {**VALID_VIEWS, "q-years": posted, "token": token})
    answers = ResponseDraft.objects.get().answers
    if 0 <= years <= 100:
        assert response.status_code == 302
        assert answers["years"] == years
    else:
        assert response.status_code == 200 and "years" not in answers
        assert 'id="q-years-error"' in response.content.decode()


@given(order=st.permutations(["panel", "online", "more-meetings"]))
def test_a_valid_ranking_is_stored_in_the_order_given(at_views, client, order, tried):
    url, token = at_views
    _clear()
    tried["ranking: valid orders"] += 1
    ranks = {f"q-priorities-{value}": str(n) for n, value in enumerate(order[:2], start=1)}
    ranks[f"q-priorities-{order[2]}"] = ""
    response = client.post(url, {**VALID_VIEWS, **ranks, "token": token})
    assert response.status_code == 302
    assert ResponseDraft.objects.get().answers["priorities"] == list(order[:2])


@given(name=hostile, email=hostile)
def test_your_details_never_give_a_server_error_and_store_only_clean_text(
    client, consultation, name, email, tried
):
    if not ResponseDraft.objects.exists():
        walk(client, consultation, answers=GOOD_ANSWERS)
    draft = ResponseDraft.objects.get()
    tried["your details: name and email"] += 1
    url = f"{consultation.get_url()}respond/your-details/"
    response = client.post(url, {"token": str(draft.token), "name": name, "email": email})
    assert response.status_code in (200, 302)
    draft.refresh_from_db()
    for value in draft.details.values():
        assert not (isinstance(value, str) and has_unstorable_characters(value))


@given(email=hostile)
def test_save_for_later_never_gives_a_server_error(at_views, client, consultation, email, tried):
    tried["save for later: email"] += 1
    url = f"{consultation.get_url()}respond/save/"
    response = client.post(url, {"email": email})
    assert response.status_code in (200, 302)
