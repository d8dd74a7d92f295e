"""``{% alerts_url obj topic=... %}``: the "get email alerts" page with ``obj``'s topics ticked."""

from urllib.parse import urlencode

from django import template
from django.urls import reverse

from portal import registry

register = template.Library()


@register.simple_tag
def alerts_url(obj=None, **hints) -> str:
    url = reverse("alerts:subscribe")
    topics = registry.follow_topics(obj, **hints) if obj is not None else []
    return f"{url}?{urlencode([('topic', t) for t in topics])}" if topics else url
