"""Which fields of a page wagtail-localize translates: all it would, except the slug.

A slug is part of an address, not resident-facing text: a translation takes its source's slug
(the English one), so no editor has a segment to fill before a translation can be published.
"""

import threading

from wagtail_localize.fields import SynchronizedField, get_translatable_fields


class DerivedSlugTranslatableFields:
    """``translatable_fields`` for page models: wagtail-localize's own derivation, with ``slug``
    synchronised (copied from the source) instead of translatable.

    wagtail-localize derives the fields only when a model has no ``translatable_fields``; while
    it derives them for a class this descriptor reports itself absent (AttributeError), so the
    derivation is the library's, not a copy of it.
    """

    def __init__(self):
        self._cache: dict[type, list] = {}
        self._deriving = threading.local()

    def __get__(self, instance, owner):
        if owner in self._cache:
            return self._cache[owner]
        deriving = getattr(self._deriving, "classes", None)
        if deriving is None:
            deriving = self._deriving.classes = set()
        if owner in deriving:
            raise AttributeError("translatable_fields")
        deriving.add(owner)
        try:
            fields = get_translatable_fields(owner)
        finally:
            deriving.discard(owner)
        fields = [
            SynchronizedField("slug", overridable=False) if field.field_name == "slug" else field
            for field in fields
        ]
        self._cache[owner] = fields
        return fields
