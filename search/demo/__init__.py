"""Demo content for search: the promotions and synonyms a comms team would keep.

Promotions point at pages the other apps' demos made (found by slug in the default language), so
this generator runs after them. Each promoted query is one residents type in their own
language; the promotion names the English page and a visitor sees its translation (see
``search.promotions``). Running the generator again leaves one copy of each row.
"""

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Locale, Page

from search.models import Synonym

# Found and run by ``load_demo_content`` (portal.registry.demo_generators), after every page.
DEMO_NAME = "search"
DEMO_ORDER = 90

REPAIRS = "no-repair-older-than-three-months"
COMPLAINTS = "answer-complaints-on-time"
STRATEGY = "draft-resident-engagement-strategy"

# (query, the page's slug, the editor's description of the English page, or "")
PROMOTIONS = [
    (
        "repairs",
        REPAIRS,
        "How many repairs are more than three months old, and when we will have none.",
    ),
    ("onarım", REPAIRS, ""),
    ("naprawa", REPAIRS, ""),
    ("reparación", REPAIRS, ""),
    ("réparation", REPAIRS, ""),
    ("মেরামত", REPAIRS, ""),
    ("مرمت", REPAIRS, ""),
    ("פֿאַרריכטונג", REPAIRS, ""),
    (
        "complaints",
        COMPLAINTS,
        "How quickly we answer complaints, month by month.",
    ),
    (
        "have your say",
        STRATEGY,
        "Our open consultation: tell us how residents should shape the housing service.",
    ),
]

# language code -> groups of words that mean the same to residents
SYNONYMS = {
    "en": [
        "mould, mold",
        "ASB, antisocial behaviour, anti-social behaviour",
        "HAP, Housing Advisory Panel",
        "TRA, tenants and residents association",
        "repair, fix",
    ],
    "tr": ["onarım, tamir"],
    "es": ["reparación, arreglo"],
    "fr": ["moisissure, moisi"],
}


def generate(*, home, rng, options, stdout):
    default = Locale.get_default()
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    for code, groups in SYNONYMS.items():
        if code not in locales:
            continue
        for terms in groups:
            Synonym.objects.get_or_create(locale=locales[code], terms=terms)

    made = 0
    for order, (query_string, slug, description) in enumerate(PROMOTIONS):
        page = Page.objects.filter(slug=slug, locale=default).first()
        if page is None:
            stdout.write(f"  no page {slug!r} to promote for {query_string!r}; skipped")
            continue
        SearchPromotion.objects.update_or_create(
            query=Query.get(query_string),
            page=page,
            defaults={"sort_order": order, "description": description},
        )
        made += 1
    stdout.write(f"  {made} promoted results, {Synonym.objects.count()} synonym groups")
