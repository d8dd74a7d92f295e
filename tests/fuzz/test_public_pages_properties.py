"""Every public page, feed, calendar and form answers any query string and any posted form
without a server error."""

import pytest
from hypothesis import given
from hypothesis import strategies as st
from wagtail.models import Page

from tests.news.conftest import add_event, add_update, london

from .strategies import hostile, hostile_values

pytestmark = pytest.mark.django_db

# Parameters the site reads, and a few it does not.
PARAMETERS = ["q", "page", "topic", "status", "when", "estate", "month", "return", "sent", "x"]


@pytest.fixture
def site(client, updates_index, events_index, plan, estate, consultation, panel_section):
    import datetime

    add_update(updates_index, title="Repairs backlog halved", slug="backlog-halved")
    event = add_event(
        events_index,
        title="Estate walkabout",
        slug="walkabout",
        start=london(datetime.date.today() + datetime.timedelta(days=10), 18),
        estate=estate,
        capacity=30,
        rsvp_enabled=True,
    )
    paths = [page.url for page in Page.objects.live().public().specific() if page.url]
    paths += [
        "/en/search/",
        f"{updates_index.url}feed/rss/",
        f"{updates_index.url}feed/atom/",
        f"{events_index.url}calendar/",
        f"{events_index.url}estates/{estate.pk}/calendar/",
        f"{event.url}calendar/",
        f"{event.url}rsvp/",
        "/sitemap.xml",
    ]
    return {"paths": sorted(set(paths)), "event": event}


@given(data=st.data())
def test_any_query_string_on_any_public_page_never_gives_a_server_error(client, site, data, tried):
    path = data.draw(st.sampled_from(site["paths"]))
    params = data.draw(st.dictionaries(st.sampled_from(PARAMETERS), hostile_values, max_size=4))
    tried[f"GET {path}"] += 1
    response = client.get(path, params)
    assert response.status_code < 500, (path, params)


@given(
    form=st.dictionaries(
        st.sampled_from(["name", "email", "places", "access_needs", "submission_key", "x"]),
        hostile_values,
        max_size=5,
    )
)
def test_any_reply_to_an_event_never_gives_a_server_error(client, site, form, tried):
    tried["POST event reply"] += 1
    response = client.post(f"{site['event'].url}rsvp/", form)
    assert response.status_code < 500, form
    response = client.post(site["event"].url, form)
    assert response.status_code < 500, form


@given(query=hostile)
def test_any_search_gets_a_page_of_results_or_a_message(client, site, query, tried):
    tried["GET search ?q="] += 1
    response = client.get("/en/search/", {"q": query})
    assert response.status_code == 200


@given(
    page=st.one_of(
        hostile_values,
        st.integers(min_value=-(10**30), max_value=10**30).map(str),
        st.sampled_from(["٣", "৩", "²", "1e9", "9" * 5000]),
    ),
    kind=st.sampled_from(["", "update", "event"]),
)
def test_any_page_of_search_results_is_a_page_of_results(client, site, page, kind, tried):
    """The search reads only its page of ids (an offset), so any page number, however large
    or strange, is a page of results: the one asked for, or the first."""
    tried["GET search ?q=&page="] += 1
    response = client.get("/en/search/", {"q": "repairs", "page": page, "type": kind})
    assert response.status_code == 200, page


@given(
    form=st.dictionaries(
        st.sampled_from(["login", "email", "password", "password1", "password2", "code"]),
        hostile,
        max_size=4,
    ),
    path=st.sampled_from(
        ["/en/accounts/login/", "/en/accounts/signup/", "/en/accounts/password/reset/"]
    ),
)
def test_any_account_form_never_gives_a_server_error(client, site, form, path, tried):
    tried[f"POST {path}"] += 1
    response = client.post(path, form)
    assert response.status_code < 500, form
