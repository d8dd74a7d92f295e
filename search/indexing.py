"""Writes to the search index. Called from ``search.tasks``; nothing else writes there.

A page's text comes from its Wagtail ``search_fields``: the title weighs most, the introduction
next, everything else (body, agenda, venue...) least. A document is indexed in each language that
has a page linking to it, with that page's title beside its own and the text of its file.

With Elasticsearch configured, every row written or deleted here has its document written or
deleted once the transaction commits (``search.elasticsearch.sync_on_commit``).
"""

import logging

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from wagtail.documents import get_document_model
from wagtail.models import Page, ReferenceIndex
from wagtail.search import index

from portal.text import clean_typed_text
from search import elasticsearch
from search.kinds import kind_for
from search.models import DocumentText, Kind, SearchEntry, SearchFacet, SearchTerm
from search.text import MARK_END, MARK_START, config_for, fold, words

logger = logging.getLogger(__name__)

SUMMARY_FIELDS = {"introduction", "description", "search_description"}
MAX_TEXT = 200_000  # characters of body kept per entry: a whole report, not a data dump
TERM_LENGTHS = range(3, 41)


def _values(obj, fields):
    for field in fields:
        if isinstance(field, index.RelatedFields):
            related = field.get_value(obj)
            if related is None:
                continue
            related = related.all() if hasattr(related, "all") else [related]
            for item in related:
                for name, value in _values(item, field.fields):
                    yield name, value
        elif isinstance(field, index.SearchField):
            value = field.get_value(obj)
            yield field.field_name, value


def clean_text(text: str) -> str:
    """Text fit to index: no control characters, none of the snippets' private-use markers."""
    return clean_typed_text(text)[0].replace(MARK_START, "").replace(MARK_END, "")


def _as_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return " ".join(_as_text(item) for item in value)
    if isinstance(value, dict):
        return " ".join(_as_text(item) for item in value.values())
    # The private-use characters that mark matches in snippets never come from content.
    return clean_text(str(value)).strip()


def page_text(page) -> tuple[str, str, str]:
    """(title, summary, body) of a page from its search fields."""
    title, summary, body = page.title, [], []
    for name, value in _values(page, page.get_search_fields()):
        if name == "title":
            continue
        text = _as_text(value)
        if text:
            (summary if name in SUMMARY_FIELDS else body).append(text)
    return title, " ".join(summary), " ".join(body)[:MAX_TEXT]


def _write_vector(entry: SearchEntry) -> None:
    if connection.vendor != "postgresql":
        return
    config = config_for(entry.locale.language_code)
    with connection.cursor() as cursor:
        cursor.execute(
            f"""UPDATE {SearchEntry._meta.db_table} SET vector =
                setweight(to_tsvector(%(config)s::regconfig, title), 'A')
                || setweight(to_tsvector(%(config)s::regconfig, summary), 'B')
                || setweight(to_tsvector(%(config)s::regconfig, body), 'D')
            WHERE id = %(id)s""",  # noqa: S608  # nosec B608  # (our table name; values are parameters)
            {"config": config, "id": entry.pk},
        )


def _remember_words(entry: SearchEntry) -> None:
    found = {
        word.casefold()
        for word in words(f"{entry.title} {entry.summary} {entry.body}")
        if len(word) in TERM_LENGTHS and not word.isdigit()
    }
    SearchTerm.objects.bulk_create(
        [SearchTerm(locale_id=entry.locale_id, word=word) for word in found],
        ignore_conflicts=True,
    )


def _save_entry(*, lookup: dict, values: dict, facets: list[tuple[str, str, str]]) -> SearchEntry:
    for name in ("title", "summary", "body"):
        values[name] = clean_text(values[name])
    values["folded"] = fold(" ".join([values["title"], values["summary"], values["body"]]))
    entry, _created = SearchEntry.objects.update_or_create(**lookup, defaults=values)
    entry.facets.all().delete()
    SearchFacet.objects.bulk_create(
        [
            SearchFacet(entry=entry, name=name, value=value, label=label)
            for name, value, label in dict.fromkeys(facets)
        ]
    )
    _write_vector(entry)
    _remember_words(entry)
    elasticsearch.sync_on_commit([entry.pk])
    return entry


def _delete_entries(entries) -> None:
    elasticsearch.sync_on_commit(entries.values_list("pk", flat=True))
    entries.delete()


@transaction.atomic
def index_page(*, page: Page) -> SearchEntry | None:
    """Index a page as it is live now; a page that is not live is taken out."""
    page = page.specific
    kind = kind_for(page)
    if not page.live or not kind.indexed:
        remove_page(page=page)
        return None
    title, summary, body = page_text(page)
    facets = [("topic", value, label) for value, label in kind.topics(page)]
    facets += [("estate", value, label) for value, label in kind.estates(page)]
    return _save_entry(
        lookup={"page": page, "document": None},
        values={
            "locale_id": page.locale_id,
            "group": f"page:{page.translation_key}",
            "kind": kind.kind,
            "title": title,
            "summary": summary,
            "body": body,
            "date": kind.date(page),
            "current_until": kind.current_until(page),
        },
        facets=[(name, value, str(label)) for name, value, label in facets],
    )


@transaction.atomic
def remove_page(*, page: Page) -> None:
    """Take a page out, and move its documents to another page that links to them, if any."""
    held = list(
        SearchEntry.objects.filter(page=page, document__isnull=False).values_list(
            "document_id", flat=True
        )
    )
    _delete_entries(SearchEntry.objects.filter(page=page))
    Document = get_document_model()
    for document in Document.objects.filter(pk__in=held):
        index_document(document=document, ignore_page=page)


def documents_linked_from(page: Page):
    """The documents a page's current content links to."""
    Document = get_document_model()
    document_type = ContentType.objects.get_for_model(Document).pk
    ids = {
        object_id
        for content_type, object_id, *_rest in ReferenceIndex._extract_references_from_object(page)
        if content_type == document_type
    }
    return Document.objects.filter(pk__in=ids)


def _pages_linking_to(document):
    Document = get_document_model()
    references = ReferenceIndex.objects.filter(
        to_content_type=ContentType.objects.get_for_model(Document),
        to_object_id=str(document.pk),
        base_content_type=ContentType.objects.get_for_model(Page),
    )
    ids = {int(object_id) for object_id in references.values_list("object_id", flat=True)}
    return Page.objects.filter(pk__in=ids).live()


@transaction.atomic
def index_document(*, document, also_held_by: Page | None = None, ignore_page=None) -> None:
    """Index ``document`` once per language with a live page linking to it.

    The holding page in each language is a public one where there is one; whether a visitor may
    see the document is still decided when searching, from that page and the document's
    collection. ``also_held_by`` counts a page whose links the reference index may not have yet.
    """
    holders = list(_pages_linking_to(document).order_by("path"))
    if also_held_by is not None and also_held_by.live and also_held_by not in holders:
        holders.append(also_held_by)
    holders = [page for page in holders if page != ignore_page]
    public = set(
        Page.objects.filter(pk__in=[page.pk for page in holders])
        .public()
        .values_list("pk", flat=True)
    )
    by_locale = {}
    for page in sorted(holders, key=lambda page: page.pk not in public):
        by_locale.setdefault(page.locale_id, page)
    _delete_entries(SearchEntry.objects.filter(document=document).exclude(locale_id__in=by_locale))
    text = DocumentText.objects.filter(document=document).values_list("text", flat=True).first()
    for locale_id, page in by_locale.items():
        _save_entry(
            lookup={"document": document, "locale_id": locale_id},
            values={
                "page": page,
                "group": f"document:{document.pk}",
                "kind": Kind.DOCUMENT,
                "title": document.title,
                "summary": page.title,
                "body": (text or "")[:MAX_TEXT],
                "date": document.created_at.date() if document.created_at else None,
                "current_until": None,
            },
            facets=[],
        )
