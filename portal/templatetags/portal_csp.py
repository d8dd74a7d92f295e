"""The request's Content-Security-Policy nonce for templates rendered without the request.

Wagtail renders some inline scripts from form widget and panel templates, whose context has no
``request``; ``{% csp_nonce_attribute %}`` writes ``nonce="…"`` from the request being handled
(see ``portal.headers.PortalCSPMiddleware``). Templates that have the request use
``{{ request.csp_nonce }}`` directly.
"""

import re

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from portal.headers import current_nonce

register = template.Library()


@register.simple_tag
def csp_nonce_attribute():
    nonce = current_nonce()
    return format_html(' nonce="{}"', nonce) if nonce else ""


_INLINE_SCRIPT_TAG = re.compile(r"<script(?![^>]*\b(?:src|nonce)=)([^>]*)>", re.IGNORECASE)


@register.filter(is_safe=True)
def nonce_inline_scripts(html):
    """A template's own rendered markup with the nonce on each inline ``<script>`` it writes.

    For blocks of third-party admin templates (``{% filter nonce_inline_scripts %}{{ block.super
    }}{% endfilter %}``) whose inline scripts the admin's CSP would otherwise block. Only for
    markup the templates wrote, never for text a user entered: it would let that text run.
    """
    nonce = current_nonce()
    if not nonce or not isinstance(html, SafeString):
        return html
    return mark_safe(  # noqa: S308  # nosec B308 B703  # (template output, already safe)
        _INLINE_SCRIPT_TAG.sub(lambda m: f'<script nonce="{nonce}"{m.group(1)}>', html)
    )
