"""The request's Content-Security-Policy nonce for templates rendered without the request.

Wagtail renders some inline scripts from form widget and panel templates, whose context has no
``request``; ``{% csp_nonce_attribute %}`` writes ``nonce="…"`` from the request being handled
(see ``portal.headers.PortalCSPMiddleware``). Templates that have the request use
``{{ request.csp_nonce }}`` directly.
"""

from django import template
from django.utils.html import format_html

from portal.headers import current_nonce

register = template.Library()


@register.simple_tag
def csp_nonce_attribute():
    nonce = current_nonce()
    return format_html(' nonce="{}"', nonce) if nonce else ""
