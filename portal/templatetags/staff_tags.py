"""Template filters for the shared sign-in pages: is this a staff sign-in?"""

from django import template

from portal import staff_access

register = template.Library()


@register.filter
def can_reach_admin(user) -> bool:
    return staff_access.can_reach_admin(user)


@register.filter
def is_admin_destination(next_url) -> bool:
    """True when the sign-in was asked for on the way to the admin (``?next=/admin/...``)."""
    return bool(next_url) and staff_access.is_admin_path(str(next_url))
