"""Searching: who may see what, matching, ranking, snippets, suggestions and facets.

``run_search`` is the one entry point. Visibility is decided here, from the live page tree and
its view restrictions at the moment of the search, never from what the index stored: a page made
private after it was indexed is hidden at once, and a document is shown only through a page the
visitor may see and only from a collection the visitor may see.

Matching and snippets come from PostgreSQL full text search, or from SQLite's folded text, or,
when Elasticsearch is configured, from Elasticsearch (``search.elasticsearch``): its hits are
entry ids read back through ``visible_entries``, so the rules above hold whichever engine
matched. If Elasticsearch fails, the search is logged and answered by the database instead.
"""

import collections
import contextlib
import dataclasses
import datetime
import difflib
import logging
import re
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection, transaction
from django.db.models import Case, Exists, F, FloatField, OuterRef, Q, Subquery, Value, When
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from wagtail.documents import get_document_model
from wagtail.models import (
    BaseViewRestriction,
    Collection,
    CollectionViewRestriction,
    Locale,
    Page,
    PageViewRestriction,
)

from search import elasticsearch
from search.models import SearchEntry, SearchFacet, SearchTerm, Synonym, ZeroResultQuery
from search.text import (
    CURRENT_BOOST,
    FALLBACK_FACTOR,
    MARK_END,
    MARK_START,
    ParsedQuery,
    config_for,
    fold,
    words,
)

SNIPPET_SOURCE_CHARACTERS = 20_000
SNIPPET_LENGTH = 240
_WORD_RUN = re.compile(r"\w+")

logger = logging.getLogger(__name__)


class Sort:
    RELEVANCE = "relevance"
    NEWEST = "newest"


@dataclass
class SearchFilters:
    kinds: list[str] = field(default_factory=list)
    topic: str = ""
    estate: str = ""
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    sort: str = Sort.RELEVANCE

    def any(self) -> bool:
        """Whether anything narrows the results (the order does not)."""
        return bool(self.kinds or self.topic or self.estate or self.date_from or self.date_to)


# --- Who may see what ---------------------------------------------------------------------------


def _allows(restriction: BaseViewRestriction, user, group_ids: set[int]) -> bool:
    if restriction.restriction_type == BaseViewRestriction.NONE:
        return True
    if restriction.restriction_type == BaseViewRestriction.LOGIN:
        return user.is_authenticated
    if restriction.restriction_type == BaseViewRestriction.GROUPS:
        if not user.is_authenticated:
            return False
        if user.is_superuser:
            return True
        return bool(group_ids & {group.pk for group in restriction.groups.all()})
    # A password restriction is never lifted by search, even for a visitor who has typed the
    # password: the password belongs to the page, not to the search results page.
    return False


def hidden_for(user) -> tuple[Q, Q]:
    """(pages, collections) ``user`` may not see: drafts and what is under a restriction that
    keeps ``user`` out. Few rows on any real site, so search leaves them out rather than joining
    every entry to the page tree (``search.migrations.0004`` indexes drafts on PostgreSQL)."""
    group_ids = set(user.groups.values_list("pk", flat=True)) if user.is_authenticated else set()
    hidden = Q(live=False)
    # The path through a subquery: a join could read the whole page tree for a few restrictions.
    page_path = Page.objects.filter(pk=OuterRef("page_id")).values("path")
    restrictions = PageViewRestriction.objects.annotate(page_path=Subquery(page_path))
    for restriction in restrictions.prefetch_related("groups"):
        if not _allows(restriction, user, group_ids):
            hidden |= Q(path__startswith=restriction.page_path)
    collections = Q()
    for restriction in CollectionViewRestriction.objects.select_related(
        "collection"
    ).prefetch_related("groups"):
        if not _allows(restriction, user, group_ids):
            collections |= Q(path__startswith=restriction.collection.path)
    return hidden, collections


def visible_entries(user):
    """Every index entry ``user`` may see: pages and documents, in every language."""
    pages, collections = hidden_for(user)
    entries = SearchEntry.objects.exclude(page__in=Page.objects.filter(pages).values("pk"))
    if collections:
        documents = get_document_model().objects.filter(
            collection__in=Collection.objects.filter(collections).values("pk")
        )
        entries = entries.exclude(document__in=documents.values("pk"))
    return entries


def in_language(entries, *, locale: Locale, default: Locale):
    """Entries in ``locale``, and default-language ones for content with none in ``locale``."""
    if locale == default:
        return entries.filter(locale=locale)
    translated = entries.filter(locale=locale, group=OuterRef("group"))
    return entries.filter(Q(locale=locale) | (Q(locale=default) & ~Exists(translated)))


# --- Matching and ranking -----------------------------------------------------------------------


def _is_postgres() -> bool:
    return connection.vendor == "postgresql"


def _tsquery(parsed: ParsedQuery, language_code: str) -> SearchQuery:
    return SearchQuery(parsed.tsquery_text(), search_type="raw", config=config_for(language_code))


def _matching_postgres(entries, parsed: ParsedQuery, *, locale: Locale, default: Locale):
    today = timezone.localdate()
    queries = {
        locale.pk: _tsquery(parsed, locale.language_code),
        default.pk: _tsquery(parsed, default.language_code),
    }
    condition = Q()
    ranks = []
    for locale_id, query in queries.items():
        condition |= Q(locale_id=locale_id, vector=query)
        ranks.append(When(locale_id=locale_id, then=SearchRank(F("vector"), query)))
    return entries.filter(condition).annotate(
        relevance=Case(*ranks, default=Value(0.0), output_field=FloatField())
        * Case(When(current_until__gte=today, then=Value(CURRENT_BOOST)), default=Value(1.0))
        * Case(When(locale_id=locale.pk, then=Value(1.0)), default=Value(FALLBACK_FACTOR))
    )


def _matching_sqlite(entries, parsed: ParsedQuery, *, locale: Locale, default: Locale):
    """No stemming: every word (folded) or one of its synonyms must occur; titles rank first."""
    today = timezone.localdate()
    for word in parsed.words:
        condition = Q(folded__contains=fold(word))
        for alternative in parsed.synonyms.get(fold(word), []):
            condition |= Q(folded__contains=fold(" ".join(alternative)))
        entries = entries.filter(condition)
    for phrase in parsed.phrases:
        entries = entries.filter(folded__contains=fold(" ".join(phrase)))
    title_hits = [When(title__icontains=word, then=Value(1.0)) for word in parsed.all_words]
    return entries.annotate(
        relevance=Case(*title_hits, default=Value(0.1), output_field=FloatField())
        * Case(When(current_until__gte=today, then=Value(CURRENT_BOOST)), default=Value(1.0))
        * Case(When(locale_id=locale.pk, then=Value(1.0)), default=Value(FALLBACK_FACTOR))
    )


def matching(entries, parsed: ParsedQuery, *, locale: Locale, default: Locale):
    if _is_postgres():
        return _matching_postgres(entries, parsed, locale=locale, default=default)
    return _matching_sqlite(entries, parsed, locale=locale, default=default)


def matching_elasticsearch(
    entries, parsed: ParsedQuery, *, locale: Locale, default: Locale, filters: "SearchFilters"
):
    """(``entries`` that Elasticsearch matched, with its scores as relevance; their snippets).

    Raises ``elasticsearch.Unavailable``. The kind filter is left out, as in ``run_search``'s
    other attempts, so the type counts see every kind.
    """
    hits = elasticsearch.search(
        parsed, locale=locale, default=default, filters=dataclasses.replace(filters, kinds=[])
    )
    if not hits:
        return entries.none().annotate(relevance=Value(0.0, output_field=FloatField())), {}
    found = entries.filter(pk__in=[hit.entry_id for hit in hits]).annotate(
        relevance=Case(
            *[When(pk=hit.entry_id, then=Value(hit.score)) for hit in hits],
            default=Value(0.0),
            output_field=FloatField(),
        )
    )
    return found, {hit.entry_id: _marked(hit.highlight) for hit in hits if hit.highlight}


def filtered(entries, filters: SearchFilters):
    """``entries`` narrowed by topic, estate and dates. The type filter is left to ``found``,
    which counts every type before choosing the page's."""
    for name, value in (("topic", filters.topic), ("estate", filters.estate)):
        if value:
            entries = entries.filter(
                pk__in=SearchFacet.objects.filter(name=name, value=value).values("entry_id")
            )
    if filters.date_from:
        entries = entries.filter(date__gte=filters.date_from)
    if filters.date_to:
        entries = entries.filter(date__lte=filters.date_to)
    return entries


# --- Snippets -----------------------------------------------------------------------------------


def _marked(text: str) -> str:
    """``text`` escaped, its sentinels turned into ``<mark>`` (indexed text has no sentinels)."""
    safe = escape(text)
    marked = safe.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")
    return mark_safe(marked)  # noqa: S308  # nosec B703 B308  # (escaped above; only <mark> added)


def _snippets_postgres(entries, parsed: ParsedQuery, *, locale: Locale, default: Locale):
    options = (
        f"StartSel={MARK_START}, StopSel={MARK_END}, MaxFragments=2, MaxWords=25, MinWords=10,"
        ' FragmentDelimiter=" … "'
    )
    ids = [entry.pk for entry in entries]
    if not ids:
        return {}
    table = SearchEntry._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"""SELECT id, ts_headline(
                    (CASE WHEN locale_id = %(locale)s THEN %(config)s
                          ELSE %(default_config)s END)::regconfig,
                    left(CASE WHEN body <> '' THEN body ELSE summary END, %(limit)s),
                    CASE WHEN locale_id = %(locale)s
                         THEN to_tsquery(%(config)s::regconfig, %(query)s)
                         ELSE to_tsquery(%(default_config)s::regconfig, %(query)s) END,
                    %(options)s)
                FROM {table} WHERE id = ANY(%(ids)s)""",  # noqa: S608  # nosec B608  # (our table; values are parameters)
            {
                "locale": locale.pk,
                "config": config_for(locale.language_code),
                "default_config": config_for(default.language_code),
                "limit": SNIPPET_SOURCE_CHARACTERS,
                "query": parsed.tsquery_text(),
                "options": options,
                "ids": ids,
            },
        )
        return {pk: _marked(text) for pk, text in cursor.fetchall()}


def _snippets_python(entries, parsed: ParsedQuery):
    """Around the first matching word, with every matching word marked (case and accents aside)."""
    needles = {fold(word) for word in parsed.all_words}
    snippets = {}
    for entry in entries:
        source = entry.body or entry.summary
        tokens = source[:SNIPPET_SOURCE_CHARACTERS].split()
        first = next(
            (i for i, token in enumerate(tokens) if any(n in fold(token) for n in needles)), 0
        )
        window = tokens[max(0, first - 8) : first + 30]

        def mark(match):
            word = match.group()
            return (
                f"{MARK_START}{word}{MARK_END}" if any(n in fold(word) for n in needles) else word
            )

        marked = [_WORD_RUN.sub(mark, token) for token in window]
        text = " ".join(marked)
        snippets[entry.pk] = _marked(("… " if first > 8 else "") + text)
    return snippets


def snippets_for(entries, parsed: ParsedQuery, *, locale: Locale, default: Locale) -> dict:
    if _is_postgres():
        return _snippets_postgres(entries, parsed, locale=locale, default=default)
    return _snippets_python(entries, parsed)


# --- Suggestions --------------------------------------------------------------------------------


def _closest_word(word: str, locale_ids: list[int]) -> str | None:
    word = word.casefold()
    if _is_postgres():
        with connection.cursor() as cursor:
            cursor.execute(
                f"""SELECT word FROM {SearchTerm._meta.db_table}
                    WHERE locale_id = ANY(%s) AND word %% %s AND word <> %s
                    ORDER BY similarity(word, %s) DESC, word LIMIT 1""",  # noqa: S608  # nosec B608
                [locale_ids, word, word, word],
            )
            row = cursor.fetchone()
            return row[0] if row else None
    candidates = SearchTerm.objects.filter(
        locale_id__in=locale_ids, word__startswith=word[:1]
    ).values_list("word", flat=True)[:5000]
    matches = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.75)
    return matches[0] if matches and matches[0] != word else None


def suggestion(parsed: ParsedQuery, *, locale: Locale, default: Locale) -> ParsedQuery | None:
    """The query with each word that is not in the index replaced by the closest one that is."""
    locale_ids = list({locale.pk, default.pk})
    known = set(
        SearchTerm.objects.filter(
            locale_id__in=locale_ids, word__in=[w.casefold() for w in parsed.all_words]
        ).values_list("word", flat=True)
    )
    changed = False

    def fix(word):
        nonlocal changed
        if word.casefold() in known or word.isdigit():
            return word
        closest = _closest_word(word, locale_ids)
        if closest:
            changed = True
            return closest
        return word

    corrected = ParsedQuery(
        words=[fix(word) for word in parsed.words],
        phrases=[[fix(word) for word in phrase] for phrase in parsed.phrases],
    )
    return corrected if changed else None


# --- Synonyms and queries that found nothing ---------------------------------------------------


def with_synonyms(parsed: ParsedQuery, *, locales: list[Locale]) -> ParsedQuery:
    """``parsed`` with each word's synonyms (from ``Synonym`` rows in ``locales``) attached."""
    asked = {fold(word) for word in parsed.words}
    if not asked:
        return parsed
    synonyms: dict[str, list[list[str]]] = {}
    for row in Synonym.objects.filter(locale__in=locales):
        terms = [words(term) for term in row.term_list()]
        terms = [term for term in terms if term]
        for term in terms:
            key = fold(" ".join(term))
            if key in asked:
                others = [other for other in terms if other != term]
                synonyms.setdefault(key, []).extend(others)
    parsed.synonyms = synonyms
    return parsed


def record_zero_results(parsed: ParsedQuery, *, locale: Locale) -> None:
    """Count a query that found nothing; only its words are kept (see ``ZeroResultQuery``)."""
    query = fold(parsed.as_text())[:200]
    today = timezone.localdate()
    updated = ZeroResultQuery.objects.filter(locale=locale, query=query).update(
        count=F("count") + 1, last_searched_on=today
    )
    if not updated:
        ZeroResultQuery.objects.bulk_create(
            [ZeroResultQuery(locale=locale, query=query, count=1, last_searched_on=today)],
            ignore_conflicts=True,
        )
    ZeroResultQuery.objects.filter(
        last_searched_on__lt=today - datetime.timedelta(days=ZeroResultQuery.KEEP_DAYS)
    ).delete()


# --- Facets -------------------------------------------------------------------------------------


def _order(sort: str) -> list:
    if sort == Sort.NEWEST:
        return [F("date").desc(nulls_last=True), "-relevance", "pk"]
    return ["-relevance", F("date").desc(nulls_last=True), "pk"]


# The same orders, over the (pk, kind, relevance, date) rows of ``found``'s statement.
_ORDER_SQL = {
    Sort.NEWEST: "date DESC NULLS LAST, relevance DESC, pk",
    Sort.RELEVANCE: "relevance DESC, date DESC NULLS LAST, pk",
}


@dataclass
class Found:
    """What one run of the match gives: counts by type, one page of ids, the facets among all."""

    counts: dict[str, int]
    ids: list[int]
    facets: list[tuple[str, str, str]]


def found(entries, *, sort: str, kinds: list[str], offset: int, limit: int) -> Found:
    """Run the match ``entries`` (a queryset with ``relevance``) once: the number of matches of
    each type, the ids of the types ``kinds`` (all if empty) from ``offset`` in the order ``sort``
    asks for, at most ``limit`` of them, and the (name, value, label) of the facets among every
    match.

    The match is the costly part of a search (the text index, the visibility and language checks,
    the rank of each row). On PostgreSQL one statement runs it and keeps its rows on the server:
    only the counts, one page of ids and the facets come back. The matches are never sorted as a
    whole: the page is the first ``offset + limit`` of a bounded top-N sort, which at 12,000
    matches takes a fifth of the time a full sort of them does.
    """
    if not _is_postgres():
        rows = list(entries.order_by(*_order(sort)).values_list("pk", "kind"))
        chosen = [pk for pk, kind in rows if not kinds or kind in kinds]
        facets = SearchFacet.objects.filter(entry__in=entries.order_by().values("pk"))
        return Found(
            counts=dict(collections.Counter(kind for _pk, kind in rows)),
            ids=chosen[offset : offset + limit],
            facets=list(facets.values_list("name", "value", "label").distinct()),
        )
    matched = entries.order_by().values_list("pk", "kind", "relevance", "date")
    sql, params = matched.query.sql_with_params()
    order = _ORDER_SQL.get(sort, _ORDER_SQL[Sort.RELEVANCE])
    with connection.cursor() as cursor:
        cursor.execute(
            f"""WITH found AS MATERIALIZED (
                    SELECT matched.pk, matched.kind, matched.relevance, matched.date
                    FROM ({sql}) AS matched)
                SELECT 1, count(*), NULL::bigint, kind, NULL, NULL, NULL FROM found GROUP BY kind
                UNION ALL
                SELECT 2, row_number() OVER (ORDER BY {order}), pk, NULL, NULL, NULL, NULL
                FROM (SELECT * FROM found WHERE %s OR kind = ANY(%s::text[])
                      ORDER BY {order} LIMIT %s OFFSET %s) AS page
                UNION ALL
                SELECT 3, NULL, NULL, NULL, name, value, label FROM (
                    SELECT DISTINCT name, value, label FROM {SearchFacet._meta.db_table}
                    WHERE entry_id IN (SELECT pk FROM found)) AS options""",  # noqa: S608  # nosec B608  # (Django's own SQL for the match, with its parameters; our table; a fixed order)
            (*params, not kinds, list(kinds), limit, offset),
        )
        rows = cursor.fetchall()
    page = sorted((row[1], row[2]) for row in rows if row[0] == 2)
    return Found(
        counts={row[3]: row[1] for row in rows if row[0] == 1},
        ids=[pk for _position, pk in page],
        facets=[tuple(row[4:]) for row in rows if row[0] == 3],
    )


def facet_options(rows) -> dict[str, list[tuple[str, str]]]:
    """Facet name -> (value, label) of that name, by label, from (name, value, label) rows."""
    options: dict[str, set[tuple[str, str]]] = {}
    for name, value, label in rows:
        options.setdefault(name, set()).add((value, label))
    return {
        name: sorted(values, key=lambda row: row[1].casefold()) for name, values in options.items()
    }


# --- The search -----------------------------------------------------------------------------------


@contextlib.contextmanager
def searching():
    """A transaction for one search, on PostgreSQL without JIT compilation.

    PostgreSQL compiles a query to machine code when its estimated cost is high, which full
    text queries over many rows are; compiling takes far longer than running them (seconds, at
    100,000 entries), so a search turns it off for its own transaction only.
    """
    with transaction.atomic():
        if _is_postgres():
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL jit = off")
        yield


@dataclass
class SearchOutcome:
    ids: list  # one page of the matching entries' ids, of the chosen types, in the chosen order
    parsed: ParsedQuery
    # Kind -> number of matching entries, before the type filter.
    kind_counts: dict = field(default_factory=dict)
    total: int = 0  # number of matches of the chosen types
    offset: int = 0  # where ``ids`` start among them
    limit: int = 10  # how many ``ids`` were asked for
    default: Locale | None = None  # the default language, which results fall back to
    suggestion: ParsedQuery | None = None
    corrected_from: ParsedQuery | None = None  # set when results are for ``suggestion``
    # Entry id -> snippet, when Elasticsearch matched (it highlights as it searches).
    highlights: dict | None = None
    # Facet name -> (value, label) options among every match (for the topic and estate filters).
    facets: dict = field(default_factory=dict)
    # The match and the filters, to read another page of it (``page_of``).
    matching: object = None
    filters: SearchFilters | None = None


def run_search(
    *,
    parsed: ParsedQuery,
    filters: SearchFilters,
    user,
    locale: Locale,
    offset: int = 0,
    limit: int = 10,
) -> SearchOutcome:
    """Entries matching ``parsed`` that ``user`` may see, in ``locale`` or the default language:
    their counts by type, facets, and the ids of ``limit`` of them from ``offset``.

    When nothing matches and a spelling correction does, the results are the correction's and
    ``corrected_from`` holds what the visitor typed.
    """
    default = Locale.get_default()
    base = in_language(visible_entries(user), locale=locale, default=default)
    parsed = with_synonyms(parsed, locales=[locale, default])
    use_elasticsearch = elasticsearch.enabled()

    def attempt(query):
        """(matching entries, their snippets if the engine made them already)."""
        nonlocal use_elasticsearch
        if use_elasticsearch:
            try:
                found, highlights = matching_elasticsearch(
                    base, query, locale=locale, default=default, filters=filters
                )
                return filtered(found, filters), highlights
            except elasticsearch.Unavailable as error:
                logger.warning(
                    "Elasticsearch could not search; the database searched instead: %s", error
                )
                use_elasticsearch = False
        found = matching(base, query, locale=locale, default=default)
        return filtered(found, filters), None

    def run(entries) -> Found:
        return found(entries, sort=filters.sort, kinds=filters.kinds, offset=offset, limit=limit)

    entries, highlights = attempt(parsed)
    result = run(entries)
    outcome = SearchOutcome(
        ids=result.ids,
        parsed=parsed,
        kind_counts=result.counts,
        default=default,
        highlights=highlights,
        facets=facet_options(result.facets),
        matching=entries,
        filters=filters,
        offset=offset,
        limit=limit,
    )
    if not outcome.kind_counts:
        corrected = suggestion(parsed, locale=locale, default=default)
        if corrected is not None:
            corrected = with_synonyms(corrected, locales=[locale, default])
            corrected_entries, corrected_highlights = attempt(corrected)
            corrected_result = run(corrected_entries)
            if corrected_result.counts:
                outcome.suggestion = corrected
                outcome.ids = corrected_result.ids
                outcome.facets = facet_options(corrected_result.facets)
                outcome.kind_counts = corrected_result.counts
                outcome.matching = corrected_entries
                outcome.parsed = corrected
                outcome.corrected_from = parsed
                outcome.highlights = corrected_highlights
        unfiltered_search = not (
            filters.topic or filters.estate or filters.date_from or filters.date_to
        )
        if outcome.corrected_from is None and unfiltered_search:
            record_zero_results(parsed, locale=locale)
    outcome.total = sum(
        count
        for kind, count in outcome.kind_counts.items()
        if not filters.kinds or kind in filters.kinds
    )
    return outcome


def page_of(outcome: SearchOutcome, *, offset: int, limit: int) -> list[int]:
    """Ids of another page of ``outcome``'s matches (the match runs again)."""
    if offset == outcome.offset and limit <= outcome.limit:
        return outcome.ids[:limit]
    filters = outcome.filters
    return found(
        outcome.matching, sort=filters.sort, kinds=filters.kinds, offset=offset, limit=limit
    ).ids


def decorate(ids, outcome: SearchOutcome, *, request, locale: Locale) -> list[SearchEntry]:
    """The entries ``ids`` (a page of results, in order) with their URL, snippet and language flag.

    Ranking reads only ids, so sorting every match never carries their text; the page's own
    entries are read here, with their pages and documents, in one query, and their snippets in
    another.
    """
    ids = list(ids)
    entries = SearchEntry.objects.select_related("page", "document", "locale")
    if outcome.highlights is not None or _is_postgres():
        # Snippets come from the engine, not from the text here: leave the long columns unread.
        entries = entries.defer("body", "folded", "vector")
    found = entries.in_bulk(ids)
    results = [found[pk] for pk in ids if pk in found]
    if outcome.highlights is not None:
        snippets = outcome.highlights
    else:
        snippets = snippets_for(results, outcome.parsed, locale=locale, default=outcome.default)
    for entry in results:
        entry.snippet = snippets.get(entry.pk, "")
        entry.in_default_language = entry.locale_id != locale.pk
        if entry.document_id:
            entry.url = entry.document.url
            entry.holder_url = entry.page.get_url(request)
        else:
            entry.url = entry.page.get_url(request)
    return results
