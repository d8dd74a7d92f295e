"""Search through Elasticsearch: the index settings and mapping Wagtail's backend would send, the
queries, the writes, and what a resident sees when the cluster answers or does not.

No cluster runs here. The offline tests give the backend's client a transport that records each
request and answers as Elasticsearch 8 does (``RecordingTransport``, through the client's own
``transport_class`` option), or a closed port. The tests at the end need a live cluster and run
only when ``ELASTICSEARCH_URL`` is set.
"""

import datetime
import io
import json
import logging
import os
import socket
import subprocess
import sys
import uuid

import pytest
from django.conf import settings as django_settings
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db.models.signals import post_delete, post_save
from elastic_transport import (
    ApiResponseMeta,
    HttpHeaders,
    NodeConfig,
    Transport,
    TransportApiResponse,
)
from wagtail.models import Locale, PageViewRestriction

from search import elasticsearch
from search.models import SearchEntry, Synonym
from search.selectors import SearchFilters, with_synonyms
from search.text import CURRENT_BOOST, FALLBACK_FACTOR, MARK_END, MARK_START, parse_query
from tests.news.conftest import translate
from tests.search.test_results import add_page, results_of, titles

pytestmark = pytest.mark.django_db

LIVE_URL = os.environ.get("ELASTICSEARCH_URL")
live_only = pytest.mark.skipif(
    not LIVE_URL, reason="needs a live Elasticsearch 8 cluster: set ELASTICSEARCH_URL"
)

# Filters Elasticsearch has without plugins, that the analysers may name without defining.
BUILT_IN_FILTERS = {
    "lowercase",
    "apostrophe",
    "decimal_digit",
    "indic_normalization",
    "bengali_normalization",
}


def backend_settings(url: str, **options) -> dict:
    """``WAGTAILSEARCH_BACKENDS`` as the base settings write it, for ``url``, in an index of
    this test's own."""
    return {
        "default": {
            "BACKEND": "search.elasticsearch_backend",
            "URLS": [url],
            "INDEX_PREFIX": f"test_{uuid.uuid4().hex[:8]}__",
            "ATOMIC_REBUILD": False,
            "TIMEOUT": 2,
            "OPTIONS": options,
        }
    }


class RecordingTransport(Transport):
    """Stands in for a cluster: keeps each request, answers as Elasticsearch 8 does, and returns
    ``search_hits`` for a search."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.requests: list[tuple[str, str, object]] = []
        self.search_hits: list[dict] = []

    def perform_request(self, method, target, *, body=None, **kwargs):
        path = target.split("?")[0]
        if path.endswith("/_bulk"):
            body = [json.loads(line) for line in body]
        self.requests.append((method, path, body))
        if path.endswith("/_search"):
            answer = {"hits": {"hits": self.search_hits}}
        elif path.endswith("/_bulk"):
            actions = [line for line in body if "index" in line or "delete" in line]
            answer = {
                "errors": False,
                "items": [{kind: {"status": 200} for kind in action} for action in actions],
            }
        else:
            answer = {"acknowledged": True, "result": "updated"}
        meta = ApiResponseMeta(
            status=200,
            http_version="1.1",
            headers=HttpHeaders(
                {"x-elastic-product": "Elasticsearch", "content-type": "application/json"}
            ),
            duration=0.0,
            node=NodeConfig("http", "localhost", 9200),
        )
        return TransportApiResponse(meta, answer)

    def documents_written(self) -> dict[str, dict]:
        """Entry id -> the document last written for it to the entries' index."""
        written = {}
        prefix = f"/{elasticsearch.index_name()}/_doc/"
        for method, path, body in self.requests:
            if path.startswith(prefix) and method in ("PUT", "POST"):
                written[path.removeprefix(prefix)] = body
        return written

    def documents_deleted(self) -> list[str]:
        prefix = f"/{elasticsearch.index_name()}/_doc/"
        return [
            path.removeprefix(prefix)
            for method, path, _body in self.requests
            if method == "DELETE" and path.startswith(prefix)
        ]


@pytest.fixture
def cluster(settings):
    """Elasticsearch configured, answering through a ``RecordingTransport``."""
    settings.WAGTAILSEARCH_BACKENDS = backend_settings(
        "http://localhost:9200", transport_class=RecordingTransport
    )
    return elasticsearch.backend().es.transport


@pytest.fixture
def unreachable(settings):
    """Elasticsearch configured at a port nothing listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.WAGTAILSEARCH_BACKENDS = backend_settings(f"http://127.0.0.1:{port}")


def locale(pk: int, code: str) -> Locale:
    return Locale(pk=pk, language_code=code)


ENGLISH, TURKISH = locale(1, "en"), locale(2, "tr")


def clauses(body) -> list[dict]:
    return body["query"]["function_score"]["query"]["bool"]["must"]


def conditions(body) -> list[dict]:
    return body["query"]["function_score"]["query"]["bool"]["filter"]


def multi_matches(clause) -> list[dict]:
    """The multi_match queries in a word's clause (or the clause itself, for a phrase)."""
    if "multi_match" in clause:
        return [clause["multi_match"]]
    return [option["multi_match"] for option in clause["bool"]["should"]]


# --- Analysers and mapping ----------------------------------------------------------------------


def content_codes() -> list[str]:
    return [code for code, _name in django_settings.WAGTAIL_CONTENT_LANGUAGES]


def test_every_content_language_has_an_analyser_of_its_own():
    analysers = elasticsearch.INDEX_SETTINGS["settings"]["analysis"]["analyzer"]
    assert {"en", "tr", "ur", "pl", "bn", "yi"} <= set(content_codes())
    for code in content_codes():
        assert elasticsearch.analyser_for(code) == f"portal_{code}", code
        assert f"portal_{code}" in analysers
    # Somali, asked for by residents' groups, is ready for when it is enabled.
    assert elasticsearch.analyser_for("so") == "portal_so"
    assert elasticsearch.analyser_for("en-gb") == "portal_en"
    assert elasticsearch.analyser_for("xx") == elasticsearch.FALLBACK_ANALYSER


def test_the_mapping_gives_each_language_field_its_analyser(cluster):
    mapping = elasticsearch.mapping()
    assert isinstance(mapping, elasticsearch.backend().mapping_class)
    properties = mapping.get_mapping()["properties"]
    for code in content_codes():
        for part in elasticsearch.PARTS:
            field = properties[f"{part}_{code}"]
            assert field["type"] == "text"
            assert field["analyzer"] == f"portal_{code}"
            # Not copied into Wagtail's catch-all fields: only search_body searches them.
            assert "copy_to" not in field and "include_in_all" not in field
        assert properties[f"body_{code}"]["index_options"] == "offsets"
    assert properties["locale_id_filter"]["type"] == "integer"
    assert properties["kind_filter"]["type"] == "keyword"
    assert properties["date_filter"]["type"] == "date"
    assert properties["current_until_filter"]["type"] == "date"
    assert properties["page_id_filter"]["type"] == "integer"
    assert properties["document_id_filter"]["type"] == "integer"


def test_the_index_settings_define_every_analyser_the_mapping_names_and_all_fold_accents(
    cluster,
):
    analysis = elasticsearch.backend().settings["settings"]["analysis"]
    # Merged into the backend's own settings, not replacing them.
    assert "edgengram_analyzer" in analysis["analyzer"]
    properties = elasticsearch.mapping().get_mapping()["properties"]
    named = {field["analyzer"] for field in properties.values() if "analyzer" in field}
    named.discard("edgengram_analyzer")
    assert named == {f"portal_{code}" for code in content_codes()}
    for name in {*named, "portal_so", elasticsearch.FALLBACK_ANALYSER}:
        analyser = analysis["analyzer"][name]
        filters = analyser["filter"]
        for filter_name in filters:
            assert filter_name in analysis["filter"] or filter_name in BUILT_IN_FILTERS, (
                name,
                filter_name,
            )
        for char_filter in analyser.get("char_filter", []):
            assert char_filter in analysis["char_filter"]
        folding = [
            f for f in filters if analysis["filter"].get(f, {}).get("type") == "asciifolding"
        ]
        assert folding and analysis["filter"][folding[0]]["preserve_original"], name
        # Folded after lower-casing (Turkish İ/ı first) and before stemming, so the folded form
        # is stemmed as the query will be.
        position = filters.index(folding[0])
        assert position > max(i for i, f in enumerate(filters) if "lowercase" in f), name
        stemmers = [
            i
            for i, f in enumerate(filters)
            if analysis["filter"].get(f, {}).get("type") == "stemmer"
            and "possessive" not in analysis["filter"][f]["language"]
        ]
        assert all(position < i for i in stemmers), name
    turkish = analysis["analyzer"]["portal_tr"]["filter"]
    assert analysis["filter"][turkish[-1]] == {"type": "stemmer", "language": "turkish"}
    assert "portal_hebrew_points" in analysis["analyzer"]["portal_yi"]["char_filter"]


def test_an_entry_fills_only_its_own_language_fields(cluster, home_page, locales):
    translate(home_page, locales["tr"])
    page = add_page(home_page, "Repair requests")
    turkish = translate(page, locales["tr"], {"Repair requests": "Onarım talepleri"})
    entry = SearchEntry.objects.select_related("locale").get(page=turkish)
    document = elasticsearch.mapping().get_document(entry)
    assert document["title_tr"] == "Onarım talepleri"
    assert document["title_en"] is None and document["body_en"] is None
    assert document["locale_id_filter"] == locales["tr"].pk
    assert document["kind_filter"] == "page"
    assert document["page_id_filter"] == turkish.pk


# --- Queries ------------------------------------------------------------------------------------


def test_plain_words_must_each_match_with_typos_forgiven_titles_weighing_most(cluster):
    body = elasticsearch.search_body(
        parse_query("bin repairs"), locale=ENGLISH, default=ENGLISH, today=datetime.date(2026, 3, 1)
    )
    bin_clause, repairs_clause = clauses(body)
    fuzzy = multi_matches(bin_clause)[0]
    assert fuzzy["query"] == "bin" and fuzzy["fuzziness"] == "AUTO"
    assert fuzzy["fields"] == ["title_en^4", "summary_en^2", "body_en"]
    # Three letters are matched whole; from four, also as the start of a longer word.
    assert len(multi_matches(bin_clause)) == 1
    assert [m.get("type") for m in multi_matches(repairs_clause)] == [None, "phrase_prefix"]
    assert conditions(body) == [{"terms": {"locale_id_filter": [1]}}]
    functions = body["query"]["function_score"]["functions"]
    assert functions == [
        {
            "filter": {"range": {"current_until_filter": {"gte": "2026-03-01"}}},
            "weight": CURRENT_BOOST,
        }
    ]
    assert body["query"]["function_score"]["score_mode"] == "multiply"
    highlight = body["highlight"]
    assert highlight["pre_tags"] == [MARK_START] and highlight["post_tags"] == [MARK_END]
    assert set(highlight["fields"]) == {"body_en", "summary_en"}
    assert body["_source"] is False and body["size"] == elasticsearch.MAX_HITS


def test_a_quoted_phrase_is_matched_as_a_phrase_without_fuzziness(cluster):
    body = elasticsearch.search_body(
        parse_query('"damp and mould" advice'), locale=ENGLISH, default=ENGLISH
    )
    word, phrase = clauses(body)
    assert multi_matches(word)[0]["query"] == "advice"
    assert phrase == {
        "multi_match": {
            "query": "damp and mould",
            "fields": ["title_en^4", "summary_en^2", "body_en"],
            "type": "phrase",
        }
    }


def test_turkish_searches_turkish_fields_then_english_ones_as_typed(cluster):
    body = elasticsearch.search_body(parse_query("Onarım"), locale=TURKISH, default=ENGLISH)
    fuzzy = multi_matches(clauses(body)[0])[0]
    # The analysers fold accents on both sides: the word goes as typed.
    assert fuzzy["query"] == "Onarım"
    assert fuzzy["fields"] == [
        *("title_tr^4", "summary_tr^2", "body_tr"),
        *("title_en^4", "summary_en^2", "body_en"),
    ]
    assert conditions(body) == [{"terms": {"locale_id_filter": [2, 1]}}]
    fallback = body["query"]["function_score"]["functions"][1]
    assert fallback == {
        "filter": {"bool": {"must_not": [{"term": {"locale_id_filter": 2}}]}},
        "weight": FALLBACK_FACTOR,
    }
    assert set(body["highlight"]["fields"]) == {"body_tr", "summary_tr", "body_en", "summary_en"}


def test_a_synonym_is_another_way_for_the_word_to_match(cluster, locales):
    Synonym.objects.create(locale=locales["en"], terms="ASB, antisocial behaviour")
    english = locales["en"]
    parsed = with_synonyms(parse_query("ASB noise"), locales=[english])
    body = elasticsearch.search_body(parsed, locale=english, default=english)
    asb, noise = clauses(body)
    assert asb["bool"]["minimum_should_match"] == 1
    assert {"query": "antisocial behaviour", "type": "phrase"}.items() <= multi_matches(asb)[
        -1
    ].items()
    assert all(m["query"] == "noise" for m in multi_matches(noise))


def test_type_and_date_filters_narrow_the_search(cluster):
    filters = SearchFilters(
        kinds=["event", "update"],
        date_from=datetime.date(2026, 1, 1),
        date_to=datetime.date(2026, 1, 31),
    )
    body = elasticsearch.search_body(
        parse_query("boiler"), locale=ENGLISH, default=ENGLISH, filters=filters
    )
    assert conditions(body)[1:] == [
        {"terms": {"kind_filter": ["event", "update"]}},
        {"range": {"date_filter": {"gte": "2026-01-01", "lte": "2026-01-31"}}},
    ]


# --- Results through the search page -------------------------------------------------------------


def hit(entry: SearchEntry, score: float, highlight: dict | None = None) -> dict:
    return {"_id": str(entry.pk), "_score": score, "highlight": highlight or {}}


def test_results_come_in_elasticsearch_order_with_its_highlights_escaped(
    client, home_page, cluster
):
    first = add_page(home_page, "Bin collection days")
    second = add_page(home_page, "Bins and recycling")
    entries = {entry.page_id: entry for entry in SearchEntry.objects.all()}
    cluster.search_hits = [
        hit(
            entries[second.pk],
            3.0,
            {
                "body_en": [
                    f"Bins <script>alert(1)</script> and a literal <mark> go out on "
                    f"{MARK_START}Tuesday{MARK_END}."
                ]
            },
        ),
        hit(entries[first.pk], 1.0),
    ]
    html = results_of(client, "en", "tuesday")
    assert titles(html) == ["Bins and recycling", "Bin collection days"]
    assert "<mark>Tuesday</mark>" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>alert" not in html
    assert "a literal &lt;mark&gt; go out" in html
    searched = [body for method, path, body in cluster.requests if path.endswith("/_search")]
    assert len(searched) == 1
    assert searched[0]["highlight"]["pre_tags"] == [MARK_START]


def test_a_page_made_private_after_indexing_is_hidden_though_elasticsearch_finds_it(
    client, home_page, cluster
):
    public = add_page(home_page, "Quillwort survey")
    private = add_page(home_page, "Quillwort panel notes")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    cluster.search_hits = [
        hit(SearchEntry.objects.get(page=page), 1.0) for page in (private, public)
    ]
    html = results_of(client, "en", "quillwort")
    assert titles(html) == ["Quillwort survey"]
    assert "1 result" in html


def test_type_counts_see_every_kind_while_the_list_shows_the_one_chosen(
    client, home_page, events_index, cluster
):
    from tests.news.conftest import add_event, london

    add_page(home_page, "Boiler advice")
    add_event(
        events_index,
        title="Boiler drop-in",
        slug="boiler",
        start=london(datetime.date.today() + datetime.timedelta(days=3), 18),
    )
    cluster.search_hits = [
        hit(entry, 1.0) for entry in SearchEntry.objects.filter(title__startswith="Boiler")
    ]
    html = results_of(client, "en", "boiler", type="event")
    assert titles(html) == ["Boiler drop-in"]
    assert "Page (1 result)" in html and "Event (1 result)" in html
    searched = [body for method, path, body in cluster.requests if path.endswith("/_search")]
    assert all("kind_filter" not in json.dumps(body["query"]) for body in searched)


def test_when_elasticsearch_is_down_the_database_answers_and_it_is_logged(
    client, home_page, unreachable, caplog
):
    add_page(home_page, "Report repairs online")
    with caplog.at_level(logging.WARNING, logger="search.selectors"):
        html = results_of(client, "en", "repairs")
    assert titles(html) == ["Report repairs online"]
    assert "Elasticsearch could not search; the database searched instead" in caplog.text


# --- Writes -------------------------------------------------------------------------------------


def test_publishing_writes_the_document_after_commit_and_unpublishing_deletes_it(
    home_page, cluster, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        page = add_page(home_page, "Estate walkabout", introduction="Meet your officer.")
    entry = SearchEntry.objects.get(page=page)
    document = cluster.documents_written()[str(entry.pk)]
    assert document["title_en"] == "Estate walkabout"
    assert document["summary_en"] == "Meet your officer."
    assert document["kind_filter"] == "page"
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert cluster.documents_deleted() == [str(entry.pk)]


def test_nothing_is_written_before_the_transaction_commits(home_page, cluster):
    add_page(home_page, "Estate walkabout")
    assert cluster.documents_written() == {}


def test_an_elasticsearch_outage_never_fails_a_publish(
    home_page, unreachable, django_capture_on_commit_callbacks, caplog
):
    with (
        caplog.at_level(logging.WARNING, logger="search.elasticsearch"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        page = add_page(home_page, "Estate walkabout")
    assert page.live and SearchEntry.objects.filter(page=page).exists()
    assert "could not be written to Elasticsearch" in caplog.text


def test_the_rebuild_command_rebuilds_the_index_in_bulk_with_settings_and_mapping(
    home_page, locales, cluster
):
    add_page(home_page, "Estate walkabout")
    translate(home_page, locales["tr"])
    output = io.StringIO()
    call_command("rebuild_search_index", stdout=output)
    name = elasticsearch.index_name()
    assert f"Wrote {SearchEntry.objects.count()} entries to Elasticsearch ({name})" in (
        output.getvalue()
    )
    created = next(
        body for method, path, body in cluster.requests if (method, path) == ("PUT", f"/{name}")
    )
    assert "portal_tr" in created["settings"]["analysis"]["analyzer"]
    mapping = next(body for method, path, body in cluster.requests if path == f"/{name}/_mapping")
    assert mapping["properties"]["title_tr"]["analyzer"] == "portal_tr"
    bulk = [
        line for method, path, body in cluster.requests if path.endswith("/_bulk") for line in body
    ]
    written = {line["pk"]: line for line in bulk if "pk" in line}
    assert set(written) == {str(pk) for pk in SearchEntry.objects.values_list("pk", flat=True)}
    assert cluster.documents_written() == {}  # no entry by entry writes on top


# --- Without Elasticsearch ----------------------------------------------------------------------


def test_on_the_database_backend_wagtail_indexes_no_search_entries(home_page):
    from wagtail.search.models import IndexEntry

    assert not elasticsearch.enabled()
    add_page(home_page, "Estate walkabout")
    call_command("update_index", verbosity=0)
    entry_type = ContentType.objects.get_for_model(SearchEntry)
    assert SearchEntry.objects.exists()
    assert not IndexEntry.objects.filter(content_type=entry_type).exists()
    assert not post_save.has_listeners(SearchEntry)
    assert not post_delete.has_listeners(SearchEntry)


# --- A live cluster -----------------------------------------------------------------------------


@pytest.fixture
def live_index(settings, home_page, locales):
    """The demo's kind of content, indexed in an index of this test's own on the live cluster."""
    settings.WAGTAILSEARCH_BACKENDS = backend_settings(LIVE_URL)
    translate(home_page, locales["tr"])
    repairs = add_page(
        home_page,
        "Report repairs online",
        body=[{"type": "text", "value": "<p>Tell us about repairs by Tuesday.</p>"}],
    )
    translate(repairs, locales["tr"], {"Report repairs online": "Onarım taleplerini bildirin"})
    add_page(home_page, "Bin collection days")
    elasticsearch.rebuild()
    yield
    from search.models import SearchEntry as Entry

    elasticsearch.backend().get_index_for_model(Entry).delete()


@live_only
def test_live_onarim_finds_the_turkish_onarim_page(client, live_index):
    html = results_of(client, "tr", "onarim")
    assert "Onarım taleplerini bildirin" in titles(html)


@live_only
def test_live_a_typo_finds_the_page_without_a_correction(client, live_index):
    html = results_of(client, "en", "repiars")
    assert titles(html) == ["Report repairs online"]
    assert "There are no results for" not in html


@live_only
def test_live_highlights_mark_the_words_found(client, live_index):
    html = results_of(client, "en", "tuesday")
    assert "<mark>Tuesday</mark>" in html


def test_the_settings_with_elasticsearch_url_give_the_backend_its_analysers():
    """What a deployment gets from ELASTICSEARCH_URL alone (a fresh process, nothing overridden):
    Wagtail's Elasticsearch 8 backend, with every language's analyser in its index settings."""
    script = (
        "import django; django.setup()\n"
        "from wagtail.search.backends import get_search_backend\n"
        "backend = get_search_backend()\n"
        "print(type(backend).__mro__[1].__name__)\n"
        "print(sorted(backend.settings['settings']['analysis']['analyzer']))\n"
        "print(backend.get_index_for_model(__import__('search.models').models.SearchEntry).name)\n"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "ELASTICSEARCH_URL": "http://127.0.0.1:9",  # never contacted: the backend connects lazily
        "ELASTICSEARCH_INDEX": "council",
    }
    out = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert out[0] == "Elasticsearch8SearchBackend"
    analysers = out[1]
    for code, _name in django_settings.WAGTAIL_CONTENT_LANGUAGES:
        assert elasticsearch.analyser_for(code) in analysers, code
    assert out[2] == "council__site_search_searchentry"
