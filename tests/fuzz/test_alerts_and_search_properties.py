"""Email alerts (subscribe, confirm, manage, stop) and search with its filters: any input gets
a page with a message, never a server error; a valid subscription is stored as it was asked for
and an invalid one stores nothing."""

from urllib.parse import quote

import pytest
from hypothesis import given
from hypothesis import strategies as st

from portal.alerts.forms import SubscribeForm
from portal.alerts.models import Subscriber

from .strategies import hostile, hostile_values

pytestmark = pytest.mark.django_db

SUBSCRIBE = "/en/alerts/"
SEARCH_FIELDS = ["q", "type", "topic", "estate", "date_from", "date_to", "sort", "page", "x"]
SCRIPT = "<script>alert(1)</script>"


@pytest.fixture
def site(home_page, updates_index, events_index, estate, consultation, panel_section, settings):
    """Every app's pages, so every alert topic and search filter has something behind it.

    No rate limits: every example must reach the form (tests/portal/test_rate_limits.py and
    tests/alerts test the limits themselves)."""
    settings.PORTAL_RATE_LIMITS = {}
    return {"topics": [key for key, _label in SubscribeForm().fields["topics"].choices]}


@given(
    form=st.dictionaries(
        st.sampled_from(["email", "topics", "language", "frequency", "consent", "x"]),
        hostile_values,
        max_size=5,
    )
)
def test_any_alert_request_gets_a_message_and_stores_nothing_it_refused(client, site, form, tried):
    tried["POST alerts subscribe (hostile)"] += 1
    before = Subscriber.objects.count()
    response = client.post(SUBSCRIBE, form)
    assert response.status_code in (302, 400), form
    if response.status_code == 400:
        assert 'class="govuk-error-summary"' in response.content.decode()
        assert Subscriber.objects.count() == before
    assert SCRIPT not in response.content.decode()


@given(
    local=st.from_regex(r"[a-z0-9]{1,20}", fullmatch=True),
    data=st.data(),
    language=st.sampled_from(["en", "tr", "pl", "es", "fr", "bn", "ur", "yi"]),
    frequency=st.sampled_from(["immediate", "weekly"]),
)
def test_a_valid_alert_request_is_stored_as_asked(
    client, site, local, data, language, frequency, tried
):
    tried["POST alerts subscribe (valid)"] += 1
    topics = data.draw(st.lists(st.sampled_from(site["topics"]), min_size=1, unique=True))
    # Examples share the test's database: each asks for a new address.
    email = f"{local}.{tried['POST alerts subscribe (valid)']}@example.org"
    form = {"email": email, "topics": topics, "language": language, "frequency": frequency}
    response = client.post(SUBSCRIBE, form)
    assert response.status_code == 302, response.content.decode()[:3000]
    subscriber = Subscriber.objects.get(email=email)
    assert (subscriber.language, subscriber.frequency) == (language, frequency)
    assert set(topics) <= set(subscriber.subscriptions.values_list("topic", flat=True))


@given(
    token=hostile,
    route=st.sampled_from(["confirm", "manage", "stop"]),
    post=st.booleans(),
    form=st.dictionaries(
        st.sampled_from(["topics", "language", "frequency", "action"]), hostile_values, max_size=4
    ),
)
def test_any_alert_link_with_any_token_never_gives_a_server_error(
    client, site, token, route, post, form, tried
):
    tried[f"{'POST' if post else 'GET'} alerts {route}/<token>/"] += 1
    path = f"{SUBSCRIBE}{route}/{quote(token, safe='')}/"
    response = client.post(path, form) if post else client.get(path)
    assert response.status_code < 500, (path, form)
    assert SCRIPT not in response.content.decode()


@given(params=st.dictionaries(st.sampled_from(SEARCH_FIELDS), hostile_values, max_size=5))
def test_any_search_with_any_filters_gets_results_or_a_message(client, site, params, tried):
    tried["GET search with filters"] += 1
    response = client.get("/en/search/", params)
    assert response.status_code == 200, params
    assert SCRIPT not in response.content.decode()
