"""Editors' promoted results (Wagtail's search promotions), shown in each visitor's language.

Editors pick a page for a query once, in any language, in Wagtail's "Promoted search results".
A visitor searching in a language sees:
- the promoted page's translation into their language, when it is live and they may see it;
- otherwise the page itself, marked with its language, when it is in the default language (as
  ordinary results fall back to it);
- nothing for a page in another language with no translation into theirs.
The editor's description is the page language's text, so it is shown only beside that page;
a translation shows its own search description instead. An external link has no language of its
own and is shown in every language.

A query matches a promotion whatever its case, accents and punctuation ("Onarim" finds the
promotion for "onarım"). Searching never writes: Wagtail's ``Query.get`` would add a row for
every new query a visitor types, so promotions are looked up among the queries that have some.
"""

from __future__ import annotations

from dataclasses import dataclass

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Locale, Page

from search import selectors
from search.text import fold, words

MAX_SHOWN = 3


@dataclass
class Promoted:
    title: str
    url: str
    description: str
    locale: Locale | None  # the language of the text shown; None for an external link
    in_default_language: bool = False


def query_key(text: str) -> str:
    """``text`` as promotions are matched: its words, folded, one space apart."""
    return " ".join(words(fold(text)))


def _promotions_for(query: str) -> list[SearchPromotion]:
    key = query_key(query)
    if not key:
        return []
    promotions = SearchPromotion.objects.select_related("query", "page", "page__locale").order_by(
        "query_id", "sort_order", "pk"
    )
    return [promotion for promotion in promotions if query_key(promotion.query.query_string) == key]


def promoted(query: str, *, user, locale: Locale, request) -> list[Promoted]:
    """What editors promoted for ``query``, as ``user`` searching in ``locale`` may see it."""
    promotions = _promotions_for(query)
    if not promotions:
        return []
    default = Locale.get_default()
    keys = {promotion.page.translation_key for promotion in promotions if promotion.page_id}
    hidden, _collections = selectors.hidden_for(user)
    visible = (
        Page.objects.filter(translation_key__in=keys, locale__in=[locale, default])
        .exclude(hidden)
        .specific(defer=True)
        .select_related("locale")
    )
    by_key: dict = {}
    for page in visible:
        by_key.setdefault(page.translation_key, {})[page.locale_id] = page
    shown, seen = [], set()
    for promotion in promotions:
        if not promotion.page_id:
            if promotion.external_link_url and promotion.external_link_url not in seen:
                seen.add(promotion.external_link_url)
                shown.append(
                    Promoted(
                        title=promotion.external_link_text or promotion.external_link_url,
                        url=promotion.external_link_url,
                        description=promotion.description,
                        locale=None,
                    )
                )
            continue
        source = promotion.page
        if source.translation_key in seen:
            continue
        versions = by_key.get(source.translation_key, {})
        page = versions.get(locale.pk)
        if page is None and source.locale_id == default.pk:
            page = versions.get(default.pk)
        if page is None:
            continue
        seen.add(source.translation_key)
        if page.locale_id == source.locale_id:
            description = promotion.description or page.search_description
        else:
            description = page.search_description
        shown.append(
            Promoted(
                title=page.title,
                url=page.get_url(request),
                description=description,
                locale=page.locale,
                in_default_language=page.locale_id != locale.pk,
            )
        )
    return shown[:MAX_SHOWN]
