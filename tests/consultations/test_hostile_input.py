"""Input a browser never sends but a person or a script can: NUL bytes and other control
characters, and digits that are not 0-9. Each is refused with a message beside its field, keeps
everything else that was typed, stores nothing from the page, and never gives a server error."""

import pytest

from consultations.models import ResponseDraft

from .test_validation import VALID_VIEWS

pytestmark = pytest.mark.django_db

UNSTORABLE = "characters in it that we cannot store"


@pytest.mark.parametrize(
    "changes, field, kept",
    [
        ({"q-comments": "Lifts\x00 broken"}, "q-comments", "Lifts broken"),
        ({"q-name_it": "Our\x00 panel"}, "q-name_it", 'value="Our panel"'),
        ({"q-comments": "bell\x07 rings"}, "q-comments", "bell rings"),
        ({"q-how": "other", "q-how.other": "Door\x00step"}, "q-how", 'value="Doorstep"'),
        ({"q-how": "panel\x00"}, "q-how", 'value="panel" checked'),
        ({"q-topics": ["panel\x00"]}, "q-topics", 'value="panel" checked'),
    ],
)
def test_control_characters_in_any_answer_are_refused_and_the_rest_kept(
    client, at_views, changes, field, kept
):
    url, token = at_views
    response = client.post(url, {**VALID_VIEWS, **changes, "token": token})
    assert response.status_code == 200
    html = response.content.decode()
    assert f'id="{field}-error"' in html and UNSTORABLE in html
    assert kept in html
    assert "\x00" not in html
    assert not ResponseDraft.objects.get().answers.get("often")


@pytest.mark.parametrize("rank", ["²", "①", "½", "Ⅱ"])
def test_a_ranking_of_digit_like_characters_is_refused_with_a_message(client, at_views, rank):
    url, token = at_views
    data = {**VALID_VIEWS, "q-priorities-panel": rank, "token": token}
    response = client.post(url, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="q-priorities-error"' in html and "numbers 1 to 2" in html


def test_digits_in_the_residents_own_script_are_real_numbers(client, at_views):
    url, token = at_views
    data = {
        **VALID_VIEWS,
        "q-priorities-panel": "۱",  # Urdu one
        "q-priorities-online": "২",  # Bengali two
        "q-years": "۱۲",
        "q-moved-day": "٣",  # Arabic-Indic three
        "q-moved-month": "4",
        "q-moved-year": "২০২০",
        "token": token,
    }
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    answers = ResponseDraft.objects.get().answers
    assert answers["priorities"] == ["panel", "online"]
    assert answers["years"] == 12
    assert answers["moved"] == "2020-04-03"


@pytest.mark.parametrize(
    "details, field",
    [
        ({"name": "Ada\x00 Lovelace", "email": ""}, "name"),
        ({"name": "Ada", "email": "ada\x00@example.org"}, "email"),
    ],
)
def test_control_characters_in_your_details_are_refused_and_kept_without_them(
    client, consultation, details, field
):
    from .test_journey import GOOD_ANSWERS, walk

    walk(client, consultation, answers=GOOD_ANSWERS)
    draft = ResponseDraft.objects.get()
    before = dict(draft.details)
    url = f"{consultation.get_url()}respond/your-details/"
    response = client.post(url, {"token": str(draft.token), **details})
    assert response.status_code == 200
    html = response.content.decode()
    assert f'id="{field}-error"' in html and UNSTORABLE in html
    assert "Ada" in html and "\x00" not in html
    draft.refresh_from_db()
    assert draft.details == before
