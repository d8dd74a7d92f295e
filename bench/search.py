"""Search quality and speed.

    .venv/bin/python -m bench.search                  # precision at 3 and MRR over the demo
    .venv/bin/python -m bench.search --pages 100000   # latency at scale (PostgreSQL)

Quality: ``RELEVANCE`` holds queries residents type, in English, Turkish, Urdu, French and
Polish, each with the demo pages (by English title) that must be in its top 3. A result counts
as the expected page in its own language or as its English fallback. The demo is loaded into
the bench database first if it is not there.

Speed: ``--pages N`` adds N generated index rows in eight languages and ``--documents``
(default 5,000) document rows, straight into the search index (bulk insert, then the vectors
computed in SQL with each language's configuration), reports that indexing time, then times
``--rounds`` of the query set through the same selector calls as the search page (match,
count, first page of ten, snippets) and prints median and p95. Generated rows are index rows,
not Wagtail pages: building 100,000 pages through the page tree would take hours here, and
searching reads only the index (the page tree is joined for visibility). The per-page cost of
indexing a real page through ``search.indexing.index_page`` is timed separately.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time

from bench import common

# (language, query, English titles of pages that must be in the top 3)
RELEVANCE = [
    ("en", "repairs backlog", ["Clear the repairs backlog"]),
    ("en", "repairs older than three months", ["No repair older than three months"]),
    (
        "en",
        "repair",
        [
            "No repair older than three months",
            "Clear the repairs backlog",
            "New repairs system goes live",
        ],
    ),
    ("en", "damp", ["How we are tackling damp and mould"]),
    ("en", "mould", ["How we are tackling damp and mould"]),
    ("en", "damp and mould", ["How we are tackling damp and mould"]),
    (
        "en",
        "advisory panel",
        ["Housing Advisory Panel members appointed", "Set up the Housing Advisory Panel"],
    ),
    ("en", "panel members appointed", ["Housing Advisory Panel members appointed"]),
    ("en", "engagement strategy", ["Have your say on the draft resident engagement strategy"]),
    ("en", "have your say", ["Have your say on the draft resident engagement strategy"]),
    ("en", "complaints", ["Answer complaints on time"]),
    ("en", "IT systems", ["Move to new, secure IT systems"]),
    ("en", "secure IT", ["Move to new, secure IT systems"]),
    ("en", "repairs operatives", ["Thirty more repairs operatives recruited"]),
    ("en", "recruited", ["Thirty more repairs operatives recruited"]),
    ("en", "new repairs system", ["New repairs system goes live"]),
    ("en", "repairs surgeries", ["Repairs surgeries on your estate this winter"]),
    ("en", "winter", ["Repairs surgeries on your estate this winter"]),
    ("en", "improvement plan", ["Housing improvement plan"]),
    ("en", "repiars backlog", ["Clear the repairs backlog"]),
    (
        "tr",
        "onarım",
        [
            "No repair older than three months",
            "Clear the repairs backlog",
            "New repairs system goes live",
        ],
    ),
    (
        "tr",
        "onarim",
        [
            "No repair older than three months",
            "Clear the repairs backlog",
            "New repairs system goes live",
        ],
    ),
    ("tr", "biriken onarımlar", ["Clear the repairs backlog"]),
    ("tr", "rutubet", ["How we are tackling damp and mould"]),
    ("tr", "küf", ["How we are tackling damp and mould"]),
    (
        "tr",
        "danışma kurulu",
        ["Housing Advisory Panel members appointed", "Set up the Housing Advisory Panel"],
    ),
    ("tr", "şikayetler", ["Answer complaints on time"]),
    ("tr", "onarım sistemi", ["New repairs system goes live"]),
    ("tr", "iyileştirme planı", ["Housing improvement plan"]),
    ("tr", "strateji taslağı", ["Have your say on the draft resident engagement strategy"]),
    (
        "ur",
        "مرمت",
        [
            "No repair older than three months",
            "Clear the repairs backlog",
            "New repairs system goes live",
        ],
    ),
    ("ur", "پھپھوندی", ["How we are tackling damp and mould"]),
    ("ur", "نمی", ["How we are tackling damp and mould"]),
    (
        "ur",
        "ایڈوائزری پینل",
        ["Housing Advisory Panel members appointed", "Set up the Housing Advisory Panel"],
    ),
    ("ur", "شکایات", ["Answer complaints on time"]),
    ("ur", "آئی ٹی نظام", ["Move to new, secure IT systems"]),
    ("ur", "حکمت عملی", ["Have your say on the draft resident engagement strategy"]),
    ("ur", "بہتری کا منصوبہ", ["Housing improvement plan"]),
    (
        "fr",
        "réparations",
        [
            "Repairs surgeries on your estate this winter",
            "New repairs system goes live",
            "Thirty more repairs operatives recruited",
        ],
    ),
    ("fr", "moisissures", ["How we are tackling damp and mould"]),
    ("fr", "humidite", ["How we are tackling damp and mould"]),
    ("fr", "comité consultatif", ["Housing Advisory Panel members appointed"]),
    ("pl", "pleśń", ["How we are tackling damp and mould"]),
    ("pl", "system napraw", ["New repairs system goes live"]),
]


def evaluate(relevance=RELEVANCE, *, cutoff: int = 3) -> dict:
    """Precision at ``cutoff`` and mean reciprocal rank over ``relevance``, with each query's
    first relevant rank (``None`` when no expected page is in the results at all)."""
    from django.contrib.auth.models import AnonymousUser
    from wagtail.models import Locale, Page

    from search import selectors
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
        )
        groups = list(outcome.entries.values_list("group", flat=True)[:20])
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
    # here, so the index is built directly.
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


def generate(*, pages: int, documents: int) -> float:
    """Add generated index rows; returns the seconds it took (insert plus vectors)."""
    from django.db import connection, transaction
    from wagtail.models import Locale

    from portal.models import StandardPage
    from search.models import Kind, SearchEntry
    from search.text import config_for, fold

    existing = SearchEntry.objects.filter(group__startswith="bench:").count()
    wanted = pages + documents
    if existing >= wanted:
        print(f"{existing} generated rows already there")
        return 0.0
    home = StandardPage.objects.live().public().filter(depth=3).first()
    holder = home or StandardPage.objects.live().first()
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    codes = list(WORDS)
    rng = random.Random(11)
    kinds = [Kind.UPDATE, Kind.EVENT, Kind.CONSULTATION, Kind.PAGE, Kind.MEETING, Kind.COMMITMENT]
    started = time.perf_counter()
    batch = []
    for number in range(existing, wanted):
        code = codes[number % len(codes)]
        words = WORDS[code]
        is_document = number >= pages
        title = _sentence(rng, words, rng.randint(3, 7))
        summary = _sentence(rng, words, rng.randint(10, 25))
        body = _sentence(rng, words, rng.randint(80, 400 if is_document else 200))
        batch.append(
            SearchEntry(
                page=holder,
                locale=locales[code],
                group=f"bench:{number // len(codes)}",
                kind=Kind.DOCUMENT if is_document else rng.choice(kinds),
                title=title,
                summary=summary,
                body=body,
                folded=fold(f"{title} {summary} {body}"),
            )
        )
        if len(batch) == 2000:
            SearchEntry.objects.bulk_create(batch)
            batch = []
    SearchEntry.objects.bulk_create(batch)
    with transaction.atomic(), connection.cursor() as cursor:
        for code, locale in locales.items():
            config = config_for(code)
            cursor.execute(
                f"""UPDATE {SearchEntry._meta.db_table} SET vector =
                    setweight(to_tsvector(%(c)s::regconfig, title), 'A')
                    || setweight(to_tsvector(%(c)s::regconfig, summary), 'B')
                    || setweight(to_tsvector(%(c)s::regconfig, body), 'D')
                    WHERE locale_id = %(l)s AND vector IS NULL""",  # noqa: S608
                {"c": config, "l": locale.pk},
            )
        cursor.execute(
            """INSERT INTO site_search_searchterm (locale_id, word)
               SELECT DISTINCT locale_id, lower(w) FROM site_search_searchentry,
                   regexp_split_to_table(title, '\\s+') AS w
               WHERE "group" LIKE 'bench:%%' AND length(w) BETWEEN 3 AND 40
               ON CONFLICT DO NOTHING"""
        )
        cursor.execute("ANALYZE site_search_searchentry")
    return time.perf_counter() - started


def time_queries(*, rounds: int) -> list[float]:
    from django.contrib.auth.models import AnonymousUser
    from django.test import RequestFactory
    from wagtail.models import Locale

    from search import selectors
    from search.text import parse_query

    request = RequestFactory().get("/en/search/")
    request.user = AnonymousUser()
    timings = []
    for _round in range(rounds):
        for language, query in QUERIES:
            locale = Locale.objects.get(language_code=language)
            started = time.perf_counter()
            outcome = selectors.run_search(
                parsed=parse_query(query),
                filters=selectors.SearchFilters(),
                user=request.user,
                locale=locale,
            )
            entries = outcome.entries.select_related("page", "document", "locale")
            entries.count()
            page = list(entries[:10])
            selectors.decorate(page, outcome, request=request, locale=locale)
            selectors.kind_counts(outcome.unfiltered)
            timings.append((time.perf_counter() - started) * 1000)
    return timings


def time_page_indexing(limit: int = 200) -> float:
    from wagtail.models import Page

    from search import indexing

    pages = list(Page.objects.live().filter(depth__gt=2).specific()[:limit])
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
        seconds = generate(pages=args.pages, documents=args.documents)
        print(
            f"Indexed {args.pages} generated pages and {args.documents} documents"
            f" in {seconds:.1f} s"
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
