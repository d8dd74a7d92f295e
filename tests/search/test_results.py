"""Site search as residents and panel members use it: every page type and document, in their
language with English fallback, never showing what they may not see."""

import datetime
import logging

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.utils import timezone
from wagtail.models import PageViewRestriction

from portal.models import StandardPage
from portal.roles import PANEL_MEMBERS
from search.models import DocumentText, SearchEntry
from tests.news.conftest import add_commitment, add_event, add_update, london, publish, translate
from tests.search.conftest import (
    LANGUAGES,
    document_block,
    docx_bytes,
    encrypted_pdf_bytes,
    make_document,
    odt_bytes,
    pdf_bytes,
)

pytestmark = pytest.mark.django_db
postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="stemming, unaccent and ts_headline are PostgreSQL's; SQLite matches folded words",
)


def results_of(client, language, query, **params):
    response = client.get(f"/{language}/search/", {"q": query, **params})
    assert response.status_code == 200
    return response.content.decode()


def titles(html):
    """Result titles in order."""
    import re

    return re.findall(
        r'<h3 class="govuk-heading-s[^"]*"><a class="govuk-link" href="[^"]*">([^<]*)</a>', html
    )


def add_page(parent, title, **fields):
    page = parent.add_child(instance=StandardPage(title=title, **fields))
    return publish(page)


# --- Every public page type ---------------------------------------------------------------------


def test_every_kind_of_page_is_found_with_its_type_and_date(
    client, home_page, updates_index, events_index, plan, panel_section, estate
):
    add_update(updates_index, title="Lighthouse estate update", slug="lighthouse-update")
    add_event(
        events_index,
        title="Lighthouse estate walkabout",
        slug="lighthouse-walk",
        start=london(timezone.localdate() + datetime.timedelta(days=3), 14),
        estate=estate,
    )
    add_commitment(plan, title="Lighthouse repairs commitment", slug="lighthouse-commitment")
    add_page(home_page, "Lighthouse information", introduction="About the lighthouse.")
    panel_section["upcoming"].title = "Panel meeting on the lighthouse"
    publish(panel_section["upcoming"])

    html = results_of(client, "en", "lighthouse")
    assert "5 results" in html
    for label in ["Update", "Event", "Commitment", "Page", "Panel meeting"]:
        assert f'portal-search-results__type">{label}</strong>' in html
    assert '<time datetime="' in html


def test_summary_words_rank_above_body_words(client, home_page):
    add_page(home_page, "Garden notes", body=[{"type": "text", "value": "<p>About compost.</p>"}])
    add_page(home_page, "Compost collection", introduction="Collections.")
    assert titles(results_of(client, "en", "compost"))[0] == "Compost collection"


def test_open_consultations_and_upcoming_events_rank_above_past_ones(client, events_index):
    today = timezone.localdate()
    add_event(
        events_index,
        title="Bulb planting day",
        slug="past",
        start=london(today - datetime.timedelta(days=30), 10),
    )
    add_event(
        events_index,
        title="Bulb planting day",
        slug="next",
        start=london(today + datetime.timedelta(days=30), 10),
    )
    html = results_of(client, "en", "bulb planting")
    dates = html.split('<time datetime="')[1:]
    assert dates[0].startswith(str(today + datetime.timedelta(days=30)))


# --- Nothing leaks --------------------------------------------------------------------------------


@pytest.fixture
def secrets(home_page, panel_section, locales):
    """Private, members-only, draft and password-protected content in every language."""
    papers_file = make_document(
        "Zephyrine members paper", "members.pdf", pdf_bytes("Zephyrine legal advice")
    )
    private_file = make_document(
        "Zephyrine private file", "private.pdf", pdf_bytes("Zephyrine notes")
    )
    papers = panel_section["papers"]
    papers.title = "Zephyrine papers for members"
    papers.body = [document_block(papers_file)]
    publish(papers)
    login_only = add_page(
        home_page, "Zephyrine residents only", body=[document_block(private_file)]
    )
    PageViewRestriction.objects.create(page=login_only, restriction_type="login")
    secret = add_page(home_page, "Zephyrine password page")
    PageViewRestriction.objects.create(page=secret, restriction_type="password", password="letmein")
    draft = home_page.add_child(instance=StandardPage(title="Zephyrine draft", live=False))
    draft.save_revision()
    public = add_page(home_page, "Zephyrine public page")
    for code in LANGUAGES[1:]:
        for page in (papers, login_only, secret, public):
            translate(page, locales[code])
    return {"papers": papers, "login_only": login_only, "public": public}


def test_anonymous_visitors_never_find_private_pages_papers_drafts_or_their_documents(
    client, secrets
):
    for language in LANGUAGES:
        html = results_of(client, language, "zephyrine")
        assert titles(html) == ["Zephyrine public page"], language
        for leaked in ["members paper", "private file", "password", "draft", "for members"]:
            assert leaked not in html, (language, leaked)


def test_signed_in_residents_find_pages_for_residents_but_not_panel_papers(
    client, secrets, resident
):
    client.force_login(resident)
    for language in LANGUAGES:
        html = results_of(client, language, "zephyrine")
        assert sorted(titles(html)) == [
            "Zephyrine private file",
            "Zephyrine public page",
            "Zephyrine residents only",
        ], language
        for leaked in ["members paper", "password", "draft", "for members"]:
            assert leaked not in html, (language, leaked)


def test_panel_members_and_the_secretary_find_their_papers_and_documents(
    client, secrets, panel_member, secretary
):
    for user in (panel_member, secretary):
        client.force_login(user)
        found = titles(results_of(client, "en", "zephyrine"))
        assert "Zephyrine papers for members" in found
        assert "Zephyrine members paper" in found
        turkish = results_of(client, "tr", "zephyrine")
        assert "Zephyrine papers for members" in titles(turkish)


def test_a_page_made_private_after_indexing_disappears_at_once(client, home_page):
    page = add_page(home_page, "Quillwort survey")
    assert titles(results_of(client, "en", "quillwort")) == ["Quillwort survey"]
    PageViewRestriction.objects.create(page=page, restriction_type="login")
    assert titles(results_of(client, "en", "quillwort")) == []


def test_unpublished_pages_leave_the_index(client, home_page):
    page = add_page(home_page, "Marigold scheme")
    page.unpublish()
    assert titles(results_of(client, "en", "marigold")) == []
    assert not SearchEntry.objects.filter(page=page).exists()


# --- Languages ------------------------------------------------------------------------------------


def test_untranslated_pages_come_from_english_marked_in_english(client, home_page, locales):
    translate(home_page, locales["tr"])
    both = add_page(home_page, "Heron walk")
    translate(both, locales["tr"], {"Heron walk": "Balıkçıl yürüyüşü heron"})
    add_page(home_page, "Heron nesting notice")
    html = results_of(client, "tr", "heron")
    assert titles(html) == ["Balıkçıl yürüyüşü heron", "Heron nesting notice"]
    english_item = html.split('class="portal-search-results__item"')[2]
    assert english_item.startswith(' lang="en" dir="ltr"')
    assert "İngilizce" in english_item


def test_urdu_results_page_is_right_to_left_with_english_fallback_left_to_right(
    client, home_page, locales
):
    add_page(home_page, "Kingfisher repairs")
    html = results_of(client, "ur", "kingfisher")
    assert 'dir="rtl"' in html
    assert 'lang="en" dir="ltr"' in html


@postgres_only
def test_turkish_matching_folds_accents_and_stems(client, home_page, locales):
    translate(home_page, locales["tr"])
    for title in ["Onarım talepleri", "Onarımlar hakkında", "Acil onarımları bildirin"]:
        page = add_page(home_page, f"Page {title}")
        translate(page, locales["tr"], {f"Page {title}": title})
    for query in ["onarım", "onarim", "Onarımlar"]:
        assert len(titles(results_of(client, "tr", query))) >= 2, query


@postgres_only
def test_english_stemming_finds_other_forms(client, home_page):
    add_page(home_page, "No repair older than three months")
    assert titles(results_of(client, "en", "repairs")) == ["No repair older than three months"]


# --- Matching, snippets, spelling -----------------------------------------------------------------


def test_quoted_phrases_match_words_together(client, home_page):
    add_page(home_page, "Damp and mould advice")
    add_page(home_page, "Mould found, damp walls")
    assert titles(results_of(client, "en", '"damp and mould"')) == ["Damp and mould advice"]
    assert len(titles(results_of(client, "en", "damp mould"))) == 2


def test_snippets_mark_the_words_found_and_escape_the_content(client, home_page):
    add_page(
        home_page,
        "Bins",
        body=[
            {
                "type": "text",
                "value": "<p>Bins &lt;script&gt;alert(1)&lt;/script&gt; go out on Tuesday.</p>",
            }
        ],
    )
    html = results_of(client, "en", "tuesday")
    assert "<mark>Tuesday</mark>" in html
    assert "<script>alert" not in html


def test_a_misspelling_shows_results_for_the_correction(client, home_page):
    add_page(home_page, "Report repairs online")
    html = results_of(client, "en", "repiars")
    assert "There are no results for “repiars”." in html
    assert "Did you mean “repairs”?" in html
    assert titles(html) == ["Report repairs online"]


def test_no_results_page_suggests_what_to_do(client, home_page):
    html = results_of(client, "en", "xyzzyplugh")
    assert "0 results" in html and "Check the spelling." in html


@pytest.mark.parametrize(
    "query",
    ["🏠 repairs", "\u200frepairs\u200f", "repairs " * 24, "a" * 200, "--", "'\"", "\\x", "%_%"],
)
def test_any_query_gets_results_or_a_message(client, home_page, query):
    add_page(home_page, "Repairs")
    response = client.get("/en/search/", {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="results-heading"' in html or 'id="search-q-error"' in html


def test_ten_thousand_characters_get_a_message(client, home_page):
    html = results_of(client, "en", "x" * 10_000)
    assert "Enter 200 characters or fewer." in html


# --- Filters ------------------------------------------------------------------------------------


def test_filters_by_type_topic_estate_and_date_with_counts(
    client, home_page, updates_index, events_index, estate
):
    today = timezone.localdate()
    add_update(
        updates_index, title="Boiler news", slug="boiler-news", topics=["repairs"], days_ago=40
    )
    add_update(
        updates_index, title="Boiler complaints", slug="boiler-complaints", topics=["complaints"]
    )
    add_event(
        events_index,
        title="Boiler drop-in",
        slug="boiler-drop-in",
        start=london(today, 18),
        estate=estate,
    )
    html = results_of(client, "en", "boiler")
    assert "Update (2 results)" in html and "Event (1 result)" in html
    assert titles(results_of(client, "en", "boiler", type="event")) == ["Boiler drop-in"]
    assert titles(results_of(client, "en", "boiler", topic="repairs")) == ["Boiler news"]
    assert titles(results_of(client, "en", "boiler", estate=str(estate.pk))) == ["Boiler drop-in"]
    recent = results_of(client, "en", "boiler", date_from=str(today - datetime.timedelta(days=7)))
    assert "Boiler news" not in titles(recent) and len(titles(recent)) == 2
    newest = titles(results_of(client, "en", "boiler", sort="newest"))
    assert newest[-1] == "Boiler news"


def test_a_bad_date_gets_a_message_by_the_field_and_the_search_still_runs(client, home_page):
    add_page(home_page, "Lift outage")
    html = results_of(client, "en", "lift", date_from="2026-02-31")
    assert 'id="search-date-from-error"' in html
    assert "Enter a real date" in html
    assert titles(html) == ["Lift outage"]
    later = results_of(client, "en", "lift", date_from="2026-03-01", date_to="2026-01-01")
    assert "The end date must be the same as or after the start date." in later


def test_pagination_keeps_the_query_and_filters(client, home_page):
    for number in range(12):
        add_page(home_page, f"Window survey {number}", slug=f"window-{number}")
    html = results_of(client, "en", "window", type="page", sort="newest")
    assert 'href="?q=window&amp;type=page&amp;sort=newest&amp;page=2" rel="next"' in html


@pytest.mark.parametrize("sort", ["relevance", "newest"])
def test_the_second_page_goes_on_from_the_first_with_nothing_repeated_or_missed(
    client, home_page, sort
):
    expected = {f"Window survey {number}" for number in range(12)}
    for number in range(12):
        add_page(home_page, f"Window survey {number}", slug=f"window-{number}")
    first = titles(results_of(client, "en", "window", sort=sort))
    second = titles(results_of(client, "en", "window", sort=sort, page="2"))
    assert len(first) == 10 and len(second) == 2
    assert set(first + second) == expected


# --- Documents ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, data, label",
    [
        ("strategy.pdf", pdf_bytes("The tenancy strategy covers hedgehog habitats."), "PDF"),
        ("strategy.docx", docx_bytes("The tenancy strategy covers hedgehog habitats."), "DOCX"),
        ("strategy.odt", odt_bytes("The tenancy strategy covers hedgehog habitats."), "ODT"),
        ("strategy.txt", b"The tenancy strategy covers hedgehog habitats.", "TXT"),
    ],
)
def test_document_text_is_searched_and_shown_with_format_size_and_page(
    client, home_page, name, data, label
):
    document = make_document("Draft strategy", name, data)
    holder = add_page(home_page, "Consultation papers", body=[document_block(document)])
    assert DocumentText.objects.get(document=document).status == "extracted"
    html = results_of(client, "en", "hedgehog")
    assert titles(html) == ["Draft strategy"]
    assert f"{label} document" in html
    assert f'href="{holder.url}"' in html and "Consultation papers" in html
    assert "<mark>hedgehog</mark>" in html


@pytest.mark.parametrize(
    "name, data",
    [
        ("broken.pdf", b"%PDF-1.7 not really a pdf"),
        ("locked.pdf", encrypted_pdf_bytes("Secret hedgehog")),
        ("broken.docx", b"PK\x03\x04junk"),
    ],
)
def test_unreadable_documents_are_logged_and_found_by_title(client, home_page, caplog, name, data):
    with caplog.at_level(logging.WARNING, logger="search.tasks"):
        document = make_document("Otter report", name, data)
    assert DocumentText.objects.get(document=document).status == "unreadable"
    assert "could not be read" in caplog.text
    add_page(home_page, "Reports", body=[document_block(document)])
    assert titles(results_of(client, "en", "otter")) == ["Otter report"]


def test_a_replaced_file_is_read_again(client, home_page):
    from django.core.files.base import ContentFile

    document = make_document("Minutes", "minutes.txt", b"About badgers.")
    add_page(home_page, "Minutes page", body=[document_block(document)])
    assert titles(results_of(client, "en", "badgers")) == ["Minutes"]
    document.file = ContentFile(b"About ravens.", name="minutes-v2.txt")
    document.save()
    assert titles(results_of(client, "en", "badgers")) == []
    assert titles(results_of(client, "en", "ravens")) == ["Minutes"]


def test_a_document_in_a_private_collection_is_hidden(client, home_page):
    from wagtail.models import Collection, CollectionViewRestriction

    private = Collection.get_first_root_node().add_child(name="Restricted")
    restriction = CollectionViewRestriction.objects.create(
        collection=private, restriction_type="groups"
    )
    restriction.groups.add(Group.objects.get(name=PANEL_MEMBERS))
    document = make_document("Salamander briefing", "s.txt", b"salamander")
    document.collection = private
    document.save()
    add_page(home_page, "Briefings", body=[document_block(document)])
    assert titles(results_of(client, "en", "salamander")) == []


def test_a_search_runs_a_fixed_number_of_queries_however_many_pages_match(client, home_page):
    """The match is read once, for counts, order, the page of results and facets alike."""
    from django.test.utils import CaptureQueriesContext

    def queries_for_a_search():
        with CaptureQueriesContext(connection) as captured:
            html = results_of(client, "en", "gutter")
        statements = [
            query["sql"]
            for query in captured.captured_queries
            if not query["sql"].startswith(("SAVEPOINT", "RELEASE SAVEPOINT"))
        ]
        return len(statements), html

    for number in range(3):
        add_page(home_page, f"Gutter clearing {number}", slug=f"gutter-{number}")
    results_of(client, "en", "gutter")  # the site and the shared fragments are cached once
    few, html = queries_for_a_search()
    assert "3 results" in html
    for number in range(3, 25):
        add_page(home_page, f"Gutter clearing {number}", slug=f"gutter-{number}")
    results_of(client, "en", "gutter")
    many, html = queries_for_a_search()
    assert "25 results" in html
    assert many == few
    assert many <= 15
