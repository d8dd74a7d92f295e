from .base import BasePage, ListingFieldsMixin, SocialFieldsMixin
from .pages import HomePage, StandardPage
from .settings import SiteSettings

__all__ = [
    "BasePage",
    "HomePage",
    "ListingFieldsMixin",
    "SiteSettings",
    "SocialFieldsMixin",
    "StandardPage",
]
