"""Field shapes every app's models repeat.

An optional link to a page or an image: editors may leave it empty, deleting the target
empties it rather than deleting the linking row, and the target gets no reverse accessor.
The fields are plain ``ForeignKey``s, so migrations see exactly what they saw before.
"""

from django.db import models


def _optional_link(to: str, verbose_name, **options) -> models.ForeignKey:
    return models.ForeignKey(
        to,
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        **options,
    )


def optional_page(verbose_name, **options) -> models.ForeignKey:
    """An optional link to any Wagtail page."""
    return _optional_link("wagtailcore.Page", verbose_name, **options)


def optional_image(verbose_name, **options) -> models.ForeignKey:
    """An optional Wagtail image."""
    return _optional_link("wagtailimages.Image", verbose_name, **options)
