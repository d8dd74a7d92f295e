from .audit import AuditEvent
from .base import BasePage, ListingFieldsMixin, OnePerLocaleMixin, SocialFieldsMixin
from .navigation import MainMenu, MainMenuItem
from .pages import HomePage, StandardPage
from .settings import SiteSettings

__all__ = [
    "AuditEvent",
    "BasePage",
    "HomePage",
    "ListingFieldsMixin",
    "MainMenu",
    "MainMenuItem",
    "OnePerLocaleMixin",
    "SiteSettings",
    "SocialFieldsMixin",
    "StandardPage",
]
