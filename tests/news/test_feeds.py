"""RSS and Atom feeds parse cleanly and link to the right language with absolute addresses."""

import feedparser
import pytest

from .conftest import add_update, translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def updates(updates_index):
    add_update(updates_index, title="Repairs news", slug="repairs-news", topics=["repairs"])
    add_update(
        updates_index, title="Complaints news", slug="complaints-news", topics=["complaints"]
    )
    return updates_index


@pytest.mark.parametrize(("kind", "content_type"), [("rss", "rss+xml"), ("atom", "atom+xml")])
def test_feed_of_all_updates_parses_with_absolute_links(client, updates, kind, content_type):
    response = client.get(f"{updates.url}feed/{kind}/")
    assert response["Content-Type"].startswith(f"application/{content_type}")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == ("rss20" if kind == "rss" else "atom10")
    titles = {entry.title for entry in feed.entries}
    assert titles == {"Repairs news", "Complaints news"}
    for entry in feed.entries:
        assert entry.link.startswith("http://testserver/en/updates/")
        assert entry.summary == "Summary."
    assert feed.feed.link.startswith("http://testserver/en/updates/")
    assert feed.feed.get("language", "en") == "en"


def test_topic_feed_carries_only_that_topic(client, updates):
    for kind in ("rss", "atom"):
        feed = feedparser.parse(client.get(f"{updates.url}topic/repairs/{kind}/").content)
        assert not feed.bozo
        assert [entry.title for entry in feed.entries] == ["Repairs news"]
        assert "Repairs" in feed.feed.title
    assert client.get(f"{updates.url}topic/unknown/rss/").status_code == 404


def test_translated_feed_is_in_that_language_and_links_to_the_translation(client, updates, locales):
    ur = locales["ur"]
    urdu_index = translate(updates, ur, {"Updates": "خبریں"})
    for page in updates.get_children().specific():
        translate(page, ur, {"Repairs news": "مرمت کی خبریں"})
    response = client.get(f"{urdu_index.url}feed/rss/")
    feed = feedparser.parse(response.content)
    assert not feed.bozo
    assert feed.feed.language == "ur"
    assert "مرمت کی خبریں" in {entry.title for entry in feed.entries}
    for entry in feed.entries:
        assert entry.link.startswith("http://testserver/ur/")
    atom = feedparser.parse(client.get(f"{urdu_index.url}feed/atom/").content)
    assert not atom.bozo
    assert all(entry.link.startswith("http://testserver/ur/") for entry in atom.entries)
