"""Search quality and speed.

    .venv/bin/python -m bench.search                  # precision at 3 and MRR over the demo
    .venv/bin/python -m bench.search --pages 100000   # latency at scale (PostgreSQL)

Quality: ``RELEVANCE`` holds queries residents type, in English, Turkish, Urdu, French and
Polish, each with the demo pages (by English title) that must be in its top 3. A result counts
as the expected page in its own language or as its English fallback. The demo is loaded into
the bench database first if it is not there.

Speed: ``--pages N`` adds N generated pages in eight languages (live, public Wagtail pages of
the base type under a "Bench search pages" holder in each language, bulk-inserted with their
tree paths worked out in advance: building 100,000 pages through the page tree one by one would
take hours here) and ``--documents`` (default 5,000) document rows on real documents in an
unrestricted collection, each with its index row, then the vectors computed in SQL with each
language's configuration. It reports that indexing time, then times ``--rounds`` of the query
set through the same selector calls as the search page (counts by type, first page of ten
with snippets, topic and estate filters; visibility checked against the page tree as for any
search), after one untimed round that warms the connection up, and prints median and p95.
Drop the bench database to remove them. The per-page cost of
indexing a real page through ``search.indexing.index_page`` is timed separately.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
import uuid

from bench import common

# English titles of the demo pages the queries below expect.
BACKLOG = "Clear the repairs backlog"
THREE_MONTHS = "No repair older than three months"
REPAIRS_SYSTEM = "New repairs system goes live"
DAMP = "How we are tackling damp and mould"
PANEL_APPOINTED = "Housing Advisory Panel members appointed"
PANEL_COMMITMENT = "Set up the Housing Advisory Panel"
STRATEGY = "Have your say on the draft resident engagement strategy"
COMPLAINTS = "Answer complaints on time"
IT_SYSTEMS = "Move to new, secure IT systems"
OPERATIVES = "Thirty more repairs operatives recruited"
SURGERIES = "Repairs surgeries on your estate this winter"
PLAN = "Housing improvement plan"
REPAIR_PAGES = [THREE_MONTHS, BACKLOG, REPAIRS_SYSTEM]
PANEL_PAGES = [PANEL_APPOINTED, PANEL_COMMITMENT]

# (language, query, English titles of pages that must be in the top 3)
RELEVANCE = [
    ("en", "repairs backlog", [BACKLOG]),
    ("en", "repairs older than three months", [THREE_MONTHS]),
    ("en", "repair", REPAIR_PAGES),
    ("en", "damp", [DAMP]),
    ("en", "mould", [DAMP]),
    ("en", "damp and mould", [DAMP]),
    ("en", "advisory panel", PANEL_PAGES),
    ("en", "panel members appointed", [PANEL_APPOINTED]),
    ("en", "engagement strategy", [STRATEGY]),
    ("en", "have your say", [STRATEGY]),
    ("en", "complaints", [COMPLAINTS]),
    ("en", "IT systems", [IT_SYSTEMS]),
    ("en", "secure IT", [IT_SYSTEMS]),
    ("en", "repairs operatives", [OPERATIVES]),
    ("en", "recruited", [OPERATIVES]),
    ("en", "new repairs system", [REPAIRS_SYSTEM]),
    ("en", "repairs surgeries", [SURGERIES]),
    ("en", "winter", [SURGERIES]),
    ("en", "improvement plan", [PLAN]),
    ("en", "repiars backlog", [BACKLOG]),
    ("tr", "onarım", REPAIR_PAGES),
    ("tr", "onarim", REPAIR_PAGES),
    ("tr", "biriken onarımlar", [BACKLOG]),
    ("tr", "rutubet", [DAMP]),
    ("tr", "küf", [DAMP]),
    ("tr", "danışma kurulu", PANEL_PAGES),
    ("tr", "şikayetler", [COMPLAINTS]),
    ("tr", "onarım sistemi", [REPAIRS_SYSTEM]),
    ("tr", "iyileştirme planı", [PLAN]),
    ("tr", "strateji taslağı", [STRATEGY]),
    ("ur", "مرمت", REPAIR_PAGES),
    ("ur", "پھپھوندی", [DAMP]),
    ("ur", "نمی", [DAMP]),
    ("ur", "ایڈوائزری پینل", PANEL_PAGES),
    ("ur", "شکایات", [COMPLAINTS]),
    ("ur", "آئی ٹی نظام", [IT_SYSTEMS]),
    ("ur", "حکمت عملی", [STRATEGY]),
    ("ur", "بہتری کا منصوبہ", [PLAN]),
    ("fr", "réparations", [SURGERIES, REPAIRS_SYSTEM, OPERATIVES]),
    ("fr", "moisissures", [DAMP]),
    ("fr", "humidite", [DAMP]),
    ("fr", "comité consultatif", [PANEL_APPOINTED]),
    ("pl", "pleśń", [DAMP]),
    ("pl", "system napraw", [REPAIRS_SYSTEM]),
]


def evaluate(relevance=RELEVANCE, *, cutoff: int = 3) -> dict:
    """Precision at ``cutoff`` and mean reciprocal rank over ``relevance``, with each query's
    first relevant rank (``None`` when no expected page is in the results at all)."""
    from django.contrib.auth.models import AnonymousUser
    from wagtail.models import Locale, Page

    from search import selectors
    from search.models import SearchEntry
    from search.text import parse_query

    default = Locale.get_default()
    precisions, reciprocal_ranks, ranks = [], [], []
    for language, query, expected_titles in relevance:
        locale = Locale.objects.get(language_code=language)
        keys = set(
            Page.objects.filter(locale=default, title__in=expected_titles).values_list(
                "translation_key", flat=True
            )
        )
        assert keys, f"no demo page titled {expected_titles}"
        expected = {f"page:{key}" for key in keys}
        outcome = selectors.run_search(
            parsed=parse_query(query),
            filters=selectors.SearchFilters(),
            user=AnonymousUser(),
            locale=locale,
            limit=20,
        )
        group_of = dict(
            SearchEntry.objects.filter(pk__in=outcome.ids[:20]).values_list("pk", "group")
        )
        groups = [group_of[pk] for pk in outcome.ids[:20]]
        top = groups[:cutoff]
        precisions.append(sum(group in expected for group in top) / min(cutoff, len(expected)))
        first = next((rank for rank, group in enumerate(groups, 1) if group in expected), None)
        reciprocal_ranks.append(1 / first if first else 0.0)
        ranks.append((language, query, first))
    return {
        "precision": statistics.mean(precisions),
        "mrr": statistics.mean(reciprocal_ranks),
        "ranks": ranks,
    }


def _ensure_demo() -> None:
    from django.core.management import call_command

    from news.models import CommitmentPage  # noqa: PLC0415 (the bench may read any app)

    # The other benches load the demo without its translations; the relevance set needs them.
    if not CommitmentPage.objects.filter(locale__language_code="tr").exists():
        print("Loading the demo content with its translations (once)...", flush=True)
        call_command("load_demo_content")
    # bench.settings queue tasks in the database (production's backend) and no worker runs
    # here, so the index is built directly; not once generated pages are there, which the
    # command would walk one by one and whose rows it would delete.
    from wagtail.models import Page

    if not Page.objects.filter(translation_key=HOLDER_KEY).exists():
        call_command("rebuild_search_index")


# --- Scale ----------------------------------------------------------------------------------------

WORDS = {
    "en": [
        "repairs",
        "backlog",
        "damp",
        "mould",
        "heating",
        "boiler",
        "estate",
        "tenants",
        "leaseholders",
        "panel",
        "meeting",
        "consultation",
        "strategy",
        "complaints",
        "windows",
        "roof",
        "lifts",
        "safety",
        "rent",
        "service",
        "charge",
        "caretaker",
        "cleaning",
        "garden",
        "parking",
        "recycling",
        "noise",
        "neighbours",
        "community",
        "hall",
        "youth",
        "club",
    ],
    "tr": [
        "onarım",
        "onarımlar",
        "rutubet",
        "küf",
        "ısıtma",
        "kombi",
        "site",
        "kiracılar",
        "kurul",
        "toplantı",
        "danışma",
        "strateji",
        "şikâyet",
        "pencere",
        "çatı",
        "asansör",
        "güvenlik",
        "kira",
        "hizmet",
        "bedeli",
        "temizlik",
        "bahçe",
        "otopark",
        "geri",
        "dönüşüm",
        "gürültü",
        "komşular",
        "topluluk",
        "salonu",
        "gençlik",
    ],
    "pl": [
        "naprawy",
        "zaległości",
        "wilgoć",
        "pleśń",
        "ogrzewanie",
        "kocioł",
        "osiedle",
        "najemcy",
        "panel",
        "spotkanie",
        "konsultacje",
        "strategia",
        "skargi",
        "okna",
        "dach",
        "windy",
        "bezpieczeństwo",
        "czynsz",
        "sprzątanie",
        "ogród",
    ],
    "es": [
        "reparaciones",
        "humedad",
        "moho",
        "calefacción",
        "caldera",
        "barrio",
        "inquilinos",
        "panel",
        "reunión",
        "consulta",
        "estrategia",
        "quejas",
        "ventanas",
        "tejado",
        "ascensores",
        "seguridad",
        "alquiler",
        "limpieza",
    ],
    "fr": [
        "réparations",
        "humidité",
        "moisissures",
        "chauffage",
        "chaudière",
        "cité",
        "locataires",
        "comité",
        "réunion",
        "consultation",
        "stratégie",
        "plaintes",
        "fenêtres",
        "toit",
        "ascenseurs",
        "sécurité",
        "loyer",
        "ménage",
    ],
    "bn": [
        "মেরামত",
        "স্যাঁতসেঁতে",
        "ছত্রাক",
        "গরম",
        "বয়লার",
        "এস্টেট",
        "ভাড়াটে",
        "প্যানেল",
        "সভা",
        "পরামর্শ",
        "কৌশল",
        "অভিযোগ",
        "জানালা",
        "ছাদ",
        "লিফট",
        "নিরাপত্তা",
        "ভাড়া",
        "পরিষ্কার",
    ],
    "ur": [
        "مرمت",
        "نمی",
        "پھپھوندی",
        "ہیٹنگ",
        "بوائلر",
        "اسٹیٹ",
        "کرایہ",
        "دار",
        "پینل",
        "اجلاس",
        "مشاورت",
        "حکمت",
        "شکایات",
        "کھڑکیاں",
        "چھت",
        "لفٹ",
        "حفاظت",
        "کرایہ",
        "صفائی",
        "باغ",
    ],
    "yi": [
        "פֿאַרריכטונג",
        "פֿײַכטקייט",
        "שימל",
        "הייצונג",
        "קעסל",
        "עסטעיט",
        "דינגער",
        "פּאַנעל",
        "זיצונג",
        "באַראַטונג",
        "סטראַטעגיע",
        "קלאָגעס",
        "פֿענצטער",
        "דאַך",
        "ליפֿט",
        "זיכערקייט",
        "דירה־געלט",
    ],
}
QUERIES = [
    ("en", "repairs"),
    ("en", "damp mould"),
    ("en", '"service charge"'),
    ("en", "boiler heating"),
    ("en", "repiars"),
    ("tr", "onarım"),
    ("tr", "kombi ısıtma"),
    ("pl", "pleśń"),
    ("es", "humedad"),
    ("fr", "réparations"),
    ("bn", "মেরামত"),
    ("ur", "مرمت"),
    ("yi", "פֿאַרריכטונג"),
    ("en", "caretaker garden parking"),
    ("fr", "humidite"),
]


def _sentence(rng, words, length):
    return " ".join(rng.choice(words) for _ in range(length))


HOLDER_KEY = uuid.UUID("6c1f3b8e-2f1a-4f57-9a39-0be0c1a5e0b1")  # the bench holders' translation key
COLLECTION = "Bench search documents"
BATCH = 4000


def _holders() -> dict:
    from wagtail.models import Page, Site

    holders = {
        p.locale.language_code: p
        for p in Page.objects.filter(translation_key=HOLDER_KEY).select_related("locale")
    }
    if len(holders) < len(WORDS):
        now = timezone_now()
        root = Site.objects.get(is_default_site=True).root_page
        for home in root.get_translations(inclusive=True).select_related("locale"):
            code = home.locale.language_code
            if code in WORDS and code not in holders:
                holder = Page(
                    title="Bench search pages",
                    slug="bench-search",
                    locale=home.locale,
                    translation_key=HOLDER_KEY,
                    live=True,
                    first_published_at=now,
                    last_published_at=now,
                )
                home.add_child(instance=holder)
                holders[code] = holder
    return holders


def timezone_now():
    from django.utils import timezone

    return timezone.now()


def _under(holders, prefix=""):
    from django.db.models import Q

    condition = Q()
    for holder in holders.values():
        condition |= Q(**{f"{prefix}path__startswith": holder.path})
    return condition


def generate(*, pages: int, documents: int) -> tuple[float, float]:
    """Add generated live public pages (bulk, with treebeard paths), documents in a public
    collection, and their index rows; returns (seconds in all, seconds of it for vectors)."""
    import datetime

    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from wagtail.documents import get_document_model
    from wagtail.models import Collection, Page

    from search.models import DocumentText, Kind, SearchEntry, SearchTerm
    from search.text import config_for, fold, words

    Document = get_document_model()
    codes = list(WORDS)
    holders = _holders()
    started = time.perf_counter()
    collection = Collection.objects.filter(name=COLLECTION).first()
    if collection is None:
        collection = Collection.get_first_root_node().add_child(name=COLLECTION)
    generated = Page.objects.filter(_under(holders), depth=holders["en"].depth + 1)
    existing = generated.count()
    per_document = len(codes)
    wanted_documents = -(-documents // per_document)
    existing_documents = Document.objects.filter(collection=collection).count()
    if existing >= pages and existing_documents >= wanted_documents:
        print(f"{existing} generated pages and {existing_documents} documents already there")
        return 0.0, 0.0
    page_type = ContentType.objects.get_for_model(Page).pk
    kinds = [Kind.UPDATE, Kind.EVENT, Kind.CONSULTATION, Kind.PAGE, Kind.MEETING, Kind.COMMITMENT]
    current = {Kind.EVENT, Kind.CONSULTATION, Kind.MEETING}
    base = datetime.datetime(2026, 12, 1, 10, tzinfo=datetime.UTC)
    for first in range(existing, pages, BATCH):
        rows, entries = [], []
        for number in range(first, min(pages, first + BATCH)):
            group, index = divmod(number, len(codes))
            code = codes[index]
            holder = holders[code]
            rng = random.Random(number)
            group_rng = random.Random(f"group:{group}")
            kind = group_rng.choice(kinds)
            published = base - datetime.timedelta(days=group_rng.randint(0, 1095))
            title = _sentence(rng, WORDS[code], rng.randint(3, 7))
            summary = _sentence(rng, WORDS[code], rng.randint(10, 25))
            body = _sentence(rng, WORDS[code], rng.randint(80, 200))
            key = uuid.uuid5(HOLDER_KEY, f"page:{group}")
            slug = f"bench-{group + 1}"
            rows.append(
                Page(
                    path=Page._get_path(holder.path, holder.depth + 1, group + 1),
                    depth=holder.depth + 1,
                    numchild=0,
                    title=title,
                    draft_title=title,
                    slug=slug,
                    live=True,
                    has_unpublished_changes=False,
                    url_path=f"{holder.url_path}{slug}/",
                    content_type_id=page_type,
                    first_published_at=published,
                    last_published_at=published,
                    translation_key=key,
                    locale_id=holder.locale_id,
                )
            )
            entries.append(
                SearchEntry(
                    locale_id=holder.locale_id,
                    group=f"page:{key}",
                    kind=kind,
                    title=title,
                    summary=summary,
                    body=body,
                    folded=fold(f"{title} {summary} {body}"),
                    date=published.date(),
                    current_until=published.date() + datetime.timedelta(days=30)
                    if kind in current
                    else None,
                )
            )
        with transaction.atomic():
            Page.objects.bulk_create(rows, batch_size=2000)
            for row, entry in zip(rows, entries, strict=True):
                entry.page_id = row.pk
            SearchEntry.objects.bulk_create(entries, batch_size=2000)
            for holder in holders.values():
                Page.objects.filter(pk=holder.pk).update(
                    numchild=Page.objects.filter(
                        path__startswith=holder.path, depth=holder.depth + 1
                    ).count()
                )
    groups = max(pages, existing) // len(codes)
    if wanted_documents > existing_documents and not groups:
        raise SystemExit("--documents needs --pages of at least eight (one page per language)")
    for first in range(existing_documents, wanted_documents, 500):
        numbers = range(first, min(wanted_documents, first + 500))
        docs, texts = [], []
        for number in numbers:
            rng = random.Random(f"document:{number}")
            language = WORDS[codes[number % len(codes)]]
            docs.append(
                Document(
                    title=_sentence(rng, language, rng.randint(3, 7)),
                    collection=collection,
                    file=f"documents/bench/bench-document-{number + 1}.pdf",
                    file_hash="",
                    file_size=100_000,
                )
            )
            texts.append(_sentence(rng, language, rng.randint(80, 400)))
        paths = {
            (number, code): Page._get_path(
                holders[code].path, holders[code].depth + 1, number % groups + 1
            )
            for number in numbers
            for code in codes
        }
        held = {
            path: (pk, title)
            for path, pk, title in Page.objects.filter(path__in=paths.values()).values_list(
                "path", "pk", "title"
            )
        }
        with transaction.atomic():
            Document.objects.bulk_create(docs)
            DocumentText.objects.bulk_create(
                [
                    DocumentText(
                        document=doc,
                        text=text,
                        status=DocumentText.Status.EXTRACTED,
                        file_name=doc.file.name,
                        extracted_at=timezone_now(),
                    )
                    for doc, text in zip(docs, texts, strict=True)
                ]
            )
            entries = []
            for number, doc, text in zip(numbers, docs, texts, strict=True):
                count = min(per_document, documents - number * per_document)
                for code in codes[:count]:
                    page_id, page_title = held[paths[number, code]]
                    entries.append(
                        SearchEntry(
                            page_id=page_id,
                            document=doc,
                            locale_id=holders[code].locale_id,
                            group=f"document:{doc.pk}",
                            kind=Kind.DOCUMENT,
                            title=doc.title,
                            summary=page_title,
                            body=text,
                            folded=fold(f"{doc.title} {page_title} {text}"),
                            date=doc.created_at.date(),
                        )
                    )
            SearchEntry.objects.bulk_create(entries, batch_size=2000)
    vectors_started = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cursor:
        for code, holder in holders.items():
            cursor.execute(
                f"""UPDATE {SearchEntry._meta.db_table} SET vector =
                    setweight(to_tsvector(%(c)s::regconfig, title), 'A')
                    || setweight(to_tsvector(%(c)s::regconfig, summary), 'B')
                    || setweight(to_tsvector(%(c)s::regconfig, body), 'D')
                    WHERE locale_id = %(l)s AND vector IS NULL""",  # noqa: S608
                {"c": config_for(code), "l": holder.locale_id},
            )
        vectors = time.perf_counter() - vectors_started
        # The words indexing would remember: each language's own, and the documents' in all.
        every = {w.casefold() for ws in WORDS.values() for item in ws for w in words(item)}
        SearchTerm.objects.bulk_create(
            [
                SearchTerm(locale_id=holder.locale_id, word=word)
                for code, holder in holders.items()
                for word in (
                    every
                    if documents
                    else {w.casefold() for item in WORDS[code] for w in words(item)}
                )
                if 3 <= len(word) <= 40
            ],
            ignore_conflicts=True,
        )
    # As autovacuum leaves a live site: statistics, and the visibility map that lets the language
    # check read the (language, group) index alone (``search.migrations.0004``). Bulk inserts
    # leave it unset until a vacuum, so without this the bench would time a state no site stays in.
    with connection.cursor() as cursor:
        for table in ("site_search_searchentry", "wagtailcore_page", "wagtaildocs_document"):
            cursor.execute(f"VACUUM ANALYZE {table}")  # nosec B608: this module's table names
    return time.perf_counter() - started, vectors


def time_queries(*, rounds: int) -> list[float]:
    from django.contrib.auth.models import AnonymousUser
    from django.test import RequestFactory
    from wagtail.models import Locale

    from search import selectors
    from search.text import parse_query

    request = RequestFactory().get("/en/search/")
    request.user = AnonymousUser()
    timings = []
    # Round 0 warms up, untimed: a new database connection loads each language's stemming
    # dictionaries on its first search in that language (about a second in all here), which a
    # server's persistent connections pay once, not per search.
    for round_number in range(rounds + 1):
        for language, query in QUERIES:
            locale = Locale.objects.get(language_code=language)
            started = time.perf_counter()
            # What the search page does (``search.views``), but for rendering the template.
            with selectors.searching():
                outcome = selectors.run_search(
                    parsed=parse_query(query),
                    filters=selectors.SearchFilters(),
                    user=request.user,
                    locale=locale,
                )
                ids = outcome.ids[:10]
                selectors.decorate(ids, outcome, request=request, locale=locale)
            if round_number:
                timings.append((time.perf_counter() - started) * 1000)
    return timings


def time_page_indexing(limit: int = 200) -> float:
    from wagtail.models import Page

    from search import indexing

    generated = Page.objects.filter(translation_key=HOLDER_KEY)
    pages = Page.objects.live().filter(depth__gt=2)
    for holder in generated:
        pages = pages.exclude(path__startswith=holder.path)
    pages = list(pages.specific()[:limit])
    started = time.perf_counter()
    for page in pages:
        indexing.index_page(page=page)
    return (time.perf_counter() - started) * 1000 / max(len(pages), 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=0)
    parser.add_argument("--documents", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    common.setup()
    _ensure_demo()
    result = evaluate()
    print(
        f"Relevance over {len(RELEVANCE)} queries: precision at 3 {result['precision']:.3f},"
        f" MRR {result['mrr']:.3f}"
    )
    for language, query, rank in result["ranks"]:
        if rank != 1:
            print(f"  [{language}] {query!r}: first expected page at rank {rank}")
    if args.pages:
        seconds, vectors = generate(pages=args.pages, documents=args.documents)
        print(
            f"Indexed {args.pages} generated pages and {args.documents} document rows"
            f" in {seconds:.1f} s (pages, documents and rows inserted, then vectors:"
            f" {vectors:.1f} s)"
        )
        print(f"Indexing a real demo page: {time_page_indexing():.1f} ms per page")
        timings = time_queries(rounds=args.rounds)
        timings.sort()
        p95 = timings[max(0, int(len(timings) * 0.95) - 1)]
        print(
            f"{len(timings)} searches: median {statistics.median(timings):.1f} ms, "
            f"p95 {p95:.1f} ms, worst {timings[-1]:.1f} ms"
        )


if __name__ == "__main__":
    main()
