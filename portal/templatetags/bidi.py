"""Bidirectional isolation for values whose direction may differ from the page's.

A resident's name, an estate, an email address, a postcode or a reference may be written left to
right inside an Urdu or Yiddish sentence (or the other way round). Without isolation the Unicode
bidi algorithm lets it pull neighbouring punctuation and numbers to the wrong side. ``<bdi>``
gives the value its own direction, worked out from its first strong character.
"""

from django import template
from django.utils.html import format_html

register = template.Library()


@register.filter
def bdi(value):
    """``{{ member.name|bdi }}``: the value, escaped, inside ``<bdi>``; empty stays empty.

    Safe to pass to ``{% blocktranslate with name=member.name|bdi %}``: the result is marked
    safe, so the translation keeps the element instead of escaping it.
    """
    if value is None or value == "":
        return ""
    return format_html("<bdi>{}</bdi>", value)
