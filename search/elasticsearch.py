"""Search through Elasticsearch 8 or later, when Wagtail's default search backend is one (the base
settings make it so when ``ELASTICSEARCH_URL`` is set). Otherwise nothing here runs.

The same search as on PostgreSQL, the same contracts:

- **The index.** Each ``SearchEntry`` row is one document, in the index Wagtail's backend names
  for the model (``INDEX_PREFIX`` + ``site_search_searchentry``), with the mapping Wagtail's
  mapping class builds from ``SearchEntry.search_fields`` (``entry_search_fields``): the title,
  summary and body once per content language (``title_tr``...), each analysed by its language's
  analyser, and filter fields for locale, kind, dates, page and document. A document fills only
  its own language's fields.
- **Analysers** (``INDEX_SETTINGS``, merged by the backend into its own index settings). Where
  Elasticsearch has a language analyser (English, Turkish, French, Spanish, Bengali) it is
  rebuilt as a custom analyser from the same filters, in the order Elasticsearch's reference
  gives, because a built-in analyser cannot take an extra filter: ``asciifolding`` with
  ``preserve_original`` goes in just before the stemmer, so both "onarım" and its folded
  "onarim" are stemmed and indexed, and "onarim" typed on a phone finds "onarım". Where there is
  none (Urdu, Yiddish, Somali, and Polish, whose stemmer is the separate analysis-stempel
  plugin), the analyser is the standard tokenizer, ``lowercase`` and the same folding; Urdu also
  maps its digits to ASCII ones (``decimal_digit``), and Yiddish drops Hebrew vowel points first,
  as ``search.text.fold`` does for SQLite. A content language missing from ``ANALYSERS`` gets the
  folding-only ``portal_folded``.
- **Writes.** ``search.indexing`` stays the only writer: after each change to rows commits, it
  calls ``sync_on_commit`` and each entry's document is written or deleted to match its row. An
  Elasticsearch that is down is logged and never fails a publish; ``rebuild_search_index`` (and
  Wagtail's ``update_index``) rebuild the whole index from the table with Wagtail's rebuilder.
  Documents left behind by rows deleted in cascade (a page deleted outright) stay until then, and
  are never shown: hits are read back from the table.
- **Queries** (``search_body``). Every word must match, in title, summary or body of the
  visitor's language or the default language, with ``fuzziness: AUTO`` (and as a prefix from
  ``PREFIX_MIN_LENGTH`` letters, like PostgreSQL), or one of its synonyms as a phrase; quoted
  phrases as phrases. Titles weigh more than summaries, summaries more than body; the current-item
  boost and the fallback factor are those of ``search.text``. Matches are highlighted between
  ``search.text.MARK_START`` and ``MARK_END``, not ``<mark>``: the selectors escape the fragment
  and only then turn those characters into ``<mark>``, so no text from the index can ever reach
  the page as markup, not even a literal "<mark>" in a document.
- **Who sees what** is still decided in the database: ``search`` returns entry ids, scores and
  highlights, and ``search.selectors`` keeps only the ids ``visible_entries`` allows, so a page
  made private after indexing is hidden at once, and the topic, estate and type counts come from
  the table. Elasticsearch returns at most ``MAX_HITS`` entries per search.

Why ``SearchEntry`` is a Wagtail ``Indexed`` model, and why the database backend still never
indexes it: being ``Indexed`` is what lets Wagtail's own mapping class, index naming, settings
merging, bulk writer and rebuilder handle it, with nothing of theirs copied here. But
``get_indexed_models`` would then hand it to every backend. So ``search_auto_update = False``
keeps Wagtail's save and delete signals off it (``search.indexing`` writes after commit instead),
and ``get_indexed_objects`` is empty unless the backend is Elasticsearch: on the database backend
``update_index`` finds nothing to index, and no ``wagtailsearch`` row or signal handler is added.

The backend the settings name, ``search.elasticsearch_backend``, is Wagtail's Elasticsearch 8
backend with ``INDEX_SETTINGS`` added. At the top this module imports only what needs no app
registry; models and the backend come inside functions.
"""

import contextlib
import contextvars
import datetime
import functools
import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.signals import setting_changed
from django.db import transaction
from django.utils import timezone

from search.text import (
    CURRENT_BOOST,
    FALLBACK_FACTOR,
    MARK_END,
    MARK_START,
    PREFIX_MIN_LENGTH,
    ParsedQuery,
    fold,
)

logger = logging.getLogger(__name__)

# --- Analysers ----------------------------------------------------------------------------------

FOLDING = "portal_folding"
FALLBACK_ANALYSER = "portal_folded"

_TOKEN_FILTERS = {
    FOLDING: {"type": "asciifolding", "preserve_original": True},
    "portal_english_possessive": {"type": "stemmer", "language": "possessive_english"},
    "portal_english_stop": {"type": "stop", "stopwords": "_english_"},
    "portal_english_stemmer": {"type": "stemmer", "language": "english"},
    "portal_turkish_lowercase": {"type": "lowercase", "language": "turkish"},
    "portal_turkish_stop": {"type": "stop", "stopwords": "_turkish_"},
    "portal_turkish_stemmer": {"type": "stemmer", "language": "turkish"},
    "portal_french_elision": {
        "type": "elision",
        "articles_case": True,
        "articles": [
            *("l", "m", "t", "qu", "n", "s", "j", "d", "c"),
            *("jusqu", "quoiqu", "lorsqu", "puisqu"),
        ],
    },
    "portal_french_stop": {"type": "stop", "stopwords": "_french_"},
    "portal_french_stemmer": {"type": "stemmer", "language": "light_french"},
    "portal_spanish_stop": {"type": "stop", "stopwords": "_spanish_"},
    "portal_spanish_stemmer": {"type": "stemmer", "language": "light_spanish"},
    "portal_bengali_stop": {"type": "stop", "stopwords": "_bengali_"},
    "portal_bengali_stemmer": {"type": "stemmer", "language": "bengali"},
}
_CHAR_FILTERS = {
    # Hebrew points and accents (not the maqaf or sof pasuq), which YIVO spelling writes and
    # residents often leave out: "אַ" is found by "א".
    "portal_hebrew_points": {
        "type": "pattern_replace",
        "pattern": "[\\u0591-\\u05bd\\u05bf\\u05c1\\u05c2\\u05c4\\u05c5\\u05c7]",
        "replacement": "",
    },
}


def _custom(*filters: str, char_filters: tuple[str, ...] = ()) -> dict:
    analyser = {"type": "custom", "tokenizer": "standard", "filter": list(filters)}
    if char_filters:
        analyser["char_filter"] = list(char_filters)
    return analyser


# Content language (its base code) -> analyser. Every one folds accents (FOLDING).
ANALYSERS: dict[str, dict] = {
    # Elasticsearch's "english", "turkish", "french", "spanish" and "bengali", plus folding.
    "en": _custom(
        "portal_english_possessive",
        "lowercase",
        "portal_english_stop",
        FOLDING,
        "portal_english_stemmer",
    ),
    "tr": _custom(
        "apostrophe",
        "portal_turkish_lowercase",
        "portal_turkish_stop",
        FOLDING,
        "portal_turkish_stemmer",
    ),
    "fr": _custom(
        "portal_french_elision", "lowercase", "portal_french_stop", FOLDING, "portal_french_stemmer"
    ),
    "es": _custom("lowercase", "portal_spanish_stop", FOLDING, "portal_spanish_stemmer"),
    "bn": _custom(
        "lowercase",
        "decimal_digit",
        "indic_normalization",
        "bengali_normalization",
        "portal_bengali_stop",
        FOLDING,
        "portal_bengali_stemmer",
    ),
    # No analyser built in: the standard tokenizer, lower case and folding.
    "pl": _custom("lowercase", FOLDING),  # the stempel plugin would add "polish_stem"
    "ur": _custom("lowercase", "decimal_digit", FOLDING),
    "yi": _custom("lowercase", FOLDING, char_filters=("portal_hebrew_points",)),
    "so": _custom("lowercase", FOLDING),
}

INDEX_SETTINGS = {
    "settings": {
        "analysis": {
            "analyzer": {
                **{f"portal_{code}": analyser for code, analyser in ANALYSERS.items()},
                FALLBACK_ANALYSER: _custom("lowercase", FOLDING),
            },
            "filter": _TOKEN_FILTERS,
            "char_filter": _CHAR_FILTERS,
        }
    }
}


def analyser_for(language_code: str) -> str:
    """The analyser for content in ``language_code`` ("en-gb" is analysed as "en")."""
    base = language_code.split("-")[0].lower()
    return f"portal_{base}" if base in ANALYSERS else FALLBACK_ANALYSER


# --- The entries' fields ------------------------------------------------------------------------

PARTS = ("title", "summary", "body")
BOOSTS = {"title": 4, "summary": 2, "body": 1}


def text_field(part: str, language_code: str) -> str:
    """The document field holding ``part`` of entries in ``language_code``: ``title_tr``."""
    return f"{part}_{language_code.lower().replace('-', '_')}"


def content_languages() -> list[str]:
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


class TextInLanguage:
    """``entry.title_tr``: the entry's title if the entry is in Turkish, otherwise None.

    What Wagtail's mapping reads for the per-language fields (they are not columns).
    """

    def __init__(self, part: str, language_code: str):
        self.part = part
        self.language_code = language_code

    def __get__(self, entry, owner=None):
        if entry is None:
            return self
        if entry.locale.language_code != self.language_code:
            return None
        return getattr(entry, self.part)


def with_text_in_each_language(model):
    """Class decorator: give ``model`` a ``TextInLanguage`` for every part and content language."""
    for code in content_languages():
        for part in PARTS:
            setattr(model, text_field(part, code), TextInLanguage(part, code))
    return model


def entry_search_fields() -> list:
    """``SearchEntry.search_fields``: what Elasticsearch stores of an entry."""
    from wagtail.search import index

    fields = []
    for code in content_languages():
        for part in PARTS:
            extra = {
                "analyzer": analyser_for(code),
                # Searched only through search_body: no copy in Wagtail's catch-all _all_text.
                "include_in_all": False,
            }
            if part == "body":
                # Offsets in the postings let the highlighter skip re-analysing long bodies.
                extra["index_options"] = "offsets"
            fields.append(index.SearchField(text_field(part, code), es_extra=extra))
    fields += [
        index.FilterField(name)
        for name in ("locale", "kind", "date", "current_until", "page", "document")
    ]
    return fields


# --- The backend --------------------------------------------------------------------------------


class Unavailable(Exception):
    """Elasticsearch did not answer, or refused the request."""


@functools.cache
def _default_backend():
    from wagtail.search.backends import get_search_backend

    return get_search_backend()


def _forget_backend(*, setting, **kwargs):
    if setting == "WAGTAILSEARCH_BACKENDS":
        _default_backend.cache_clear()


setting_changed.connect(_forget_backend, dispatch_uid="search_elasticsearch_backend")


def backend():
    """Wagtail's default search backend if it is Elasticsearch 8 or later, else None.

    One instance per process, so its client keeps its connections between searches.
    """
    from wagtail.search.backends.elasticsearch8 import Elasticsearch8SearchBackend

    found = _default_backend()
    return found if isinstance(found, Elasticsearch8SearchBackend) else None


def enabled() -> bool:
    return backend() is not None


def _errors() -> tuple[type[Exception], ...]:
    from elasticsearch import ApiError, TransportError
    from elasticsearch.helpers import BulkIndexError

    return (ApiError, TransportError, BulkIndexError)


def mapping():
    """Wagtail's mapping of ``SearchEntry`` for the backend (Elasticsearch 8's if there is none)."""
    from wagtail.search.backends.elasticsearch8 import Elasticsearch8Mapping

    from search.models import SearchEntry

    search_backend = backend()
    mapping_class = search_backend.mapping_class if search_backend else Elasticsearch8Mapping
    return mapping_class(SearchEntry)


def _filter_field(name: str) -> str:
    """The document field that ``index.FilterField(name)`` became: ``locale_id_filter``."""
    entry_mapping = mapping()
    field = next(
        field
        for field in entry_mapping.model.get_filterable_search_fields()
        if field.field_name == name
    )
    return entry_mapping.get_field_column_name(field)


def index_name() -> str:
    from search.models import SearchEntry

    return backend().get_index_for_model(SearchEntry).name


# --- Writes -------------------------------------------------------------------------------------

_suspended = contextvars.ContextVar("search_elasticsearch_writes_suspended", default=False)


@contextlib.contextmanager
def writes_suspended():
    """No document writes inside (a rebuild writes them all at the end, in bulk)."""
    token = _suspended.set(True)
    try:
        yield
    finally:
        _suspended.reset(token)


def sync_on_commit(entry_ids) -> None:
    """Once the current transaction commits, make each entry's document match its row: written
    if the row is there, deleted if it is not. Nothing happens without Elasticsearch."""
    if _suspended.get() or not enabled():
        return
    entry_ids = list(entry_ids)  # now: a queryset of rows about to be deleted is empty later
    if entry_ids:
        transaction.on_commit(functools.partial(_sync, entry_ids))


def _sync(entry_ids: list[int]) -> None:
    from search.models import SearchEntry

    search_backend = backend()
    if search_backend is None:
        return
    rows = SearchEntry.objects.select_related("locale").in_bulk(entry_ids)
    try:
        for pk in entry_ids:
            if pk in rows:
                search_backend.add(rows[pk])
            else:
                search_backend.delete(SearchEntry(pk=pk))
    except _errors() as error:
        logger.warning(
            "Search entries %s could not be written to Elasticsearch; rebuild_search_index "
            "will catch up: %s",
            entry_ids,
            error,
        )


def rebuild(*, chunk_size: int = 500) -> int:
    """Recreate the entries' index from the table with Wagtail's rebuilder (a new index, then the
    alias moved to it, when ``ATOMIC_REBUILD`` is on). Returns how many entries were written."""
    from search.models import SearchEntry

    search_backend = backend()
    rebuilder = search_backend.rebuilder_class(search_backend.get_index_for_model(SearchEntry))
    written = 0
    try:
        index = rebuilder.start()
        index.add_model(SearchEntry)
        chunk = []
        for entry in SearchEntry.get_indexed_objects().order_by("pk").iterator(chunk_size):
            chunk.append(entry)
            if len(chunk) == chunk_size:
                index.add_items(SearchEntry, chunk)
                written += len(chunk)
                chunk = []
        if chunk:
            index.add_items(SearchEntry, chunk)
            written += len(chunk)
        rebuilder.finish()
    except _errors() as error:
        raise Unavailable(str(error)) from error
    return written


# --- Queries ------------------------------------------------------------------------------------

MAX_HITS = 500
FRAGMENT_SIZE = 150
FRAGMENT_DELIMITER = " … "
NO_MATCH_SIZE = 240  # characters of body (or summary) shown when only the title matched


def _text_fields(language_codes) -> list[str]:
    return [
        f"{text_field(part, code)}^{BOOSTS[part]}" if BOOSTS[part] != 1 else text_field(part, code)
        for code in language_codes
        for part in PARTS
    ]


def _word_clause(word: str, alternatives: list[list[str]], fields: list[str]) -> dict:
    """``word`` with a typo or two, as a prefix when long enough, or any of its synonyms."""
    options = [
        {
            "multi_match": {
                "query": word,
                "fields": fields,
                "fuzziness": "AUTO",
                # Typos are rarely in the first letter, and requiring it keeps fuzzy matching cheap.
                "prefix_length": 1,
            }
        }
    ]
    if len(word) >= PREFIX_MIN_LENGTH:
        options.append(
            {
                "multi_match": {
                    "query": word,
                    "fields": fields,
                    "type": "phrase_prefix",
                    "boost": 0.5,
                }
            }
        )
    options += [
        {"multi_match": {"query": " ".join(alternative), "fields": fields, "type": "phrase"}}
        for alternative in alternatives
    ]
    return {"bool": {"should": options, "minimum_should_match": 1}}


def search_body(
    parsed: ParsedQuery,
    *,
    locale,
    default,
    filters=None,
    today: datetime.date | None = None,
    size: int = MAX_HITS,
) -> dict:
    """The search request for ``parsed`` in ``locale`` with ``default``-language fallback.

    ``filters`` (a ``search.selectors.SearchFilters``) narrows by kinds and dates; topics and
    estates are left to the table. Scores multiply ``CURRENT_BOOST`` for an item current on
    ``today`` and ``FALLBACK_FACTOR`` for one not in ``locale``, as the database engines do.
    """
    today = today or timezone.localdate()
    codes = list(dict.fromkeys([locale.language_code, default.language_code]))
    fields = _text_fields(codes)
    locale_field = _filter_field("locale")
    must = [
        _word_clause(word, parsed.synonyms.get(fold(word), []), fields) for word in parsed.words
    ]
    must += [
        {"multi_match": {"query": " ".join(phrase), "fields": fields, "type": "phrase"}}
        for phrase in parsed.phrases
    ]
    conditions = [{"terms": {locale_field: list(dict.fromkeys([locale.pk, default.pk]))}}]
    if filters is not None:
        if filters.kinds:
            conditions.append({"terms": {_filter_field("kind"): list(filters.kinds)}})
        dates = {}
        if filters.date_from:
            dates["gte"] = filters.date_from.isoformat()
        if filters.date_to:
            dates["lte"] = filters.date_to.isoformat()
        if dates:
            conditions.append({"range": {_filter_field("date"): dates}})
    functions = [
        {
            "filter": {"range": {_filter_field("current_until"): {"gte": today.isoformat()}}},
            "weight": CURRENT_BOOST,
        }
    ]
    if locale.pk != default.pk:
        functions.append(
            {
                "filter": {"bool": {"must_not": [{"term": {locale_field: locale.pk}}]}},
                "weight": FALLBACK_FACTOR,
            }
        )
    highlighted = {
        text_field(part, code): {
            "fragment_size": FRAGMENT_SIZE,
            "number_of_fragments": 2 if part == "body" else 1,
            "no_match_size": NO_MATCH_SIZE,
        }
        for code in codes
        for part in ("body", "summary")
    }
    return {
        "query": {
            "function_score": {
                "query": {"bool": {"must": must, "filter": conditions}},
                "functions": functions,
                "score_mode": "multiply",
                "boost_mode": "multiply",
            }
        },
        "highlight": {
            "pre_tags": [MARK_START],
            "post_tags": [MARK_END],
            "fields": highlighted,
        },
        "size": size,
        "_source": False,
        "track_total_hits": False,
    }


@dataclass(frozen=True)
class Hit:
    entry_id: int
    score: float
    # Fragments of the body (or summary) with matches between MARK_START and MARK_END, as
    # Elasticsearch returned them: not escaped yet.
    highlight: str = ""


def _snippet(highlight: dict[str, list[str]]) -> str:
    """The body's fragments with a match, else the summary's, else whatever was returned."""
    by_part = {
        part: [
            fragment
            for name, fragments in highlight.items()
            if name.startswith(f"{part}_")
            for fragment in fragments
        ]
        for part in ("body", "summary")
    }
    for matched_only in (True, False):
        for part in ("body", "summary"):
            fragments = [
                fragment for fragment in by_part[part] if MARK_START in fragment or not matched_only
            ]
            if fragments:
                return FRAGMENT_DELIMITER.join(fragments)
    return ""


def hits_from_response(response) -> list[Hit]:
    return [
        Hit(
            entry_id=int(hit["_id"]),
            score=float(hit["_score"] or 0.0),
            highlight=_snippet(hit.get("highlight") or {}),
        )
        for hit in response["hits"]["hits"]
    ]


def search(parsed: ParsedQuery, *, locale, default, filters=None) -> list[Hit]:
    """The entries matching ``parsed``, best first (see ``search_body``). Raises ``Unavailable``.

    One attempt, no retries: a resident is waiting, and the database can answer instead.
    """
    body = search_body(parsed, locale=locale, default=default, filters=filters)
    try:
        client = backend().es.options(max_retries=0)
        response = client.search(index=index_name(), **body)
    except _errors() as error:
        raise Unavailable(str(error)) from error
    return hits_from_response(response)
