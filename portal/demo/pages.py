"""The one way every app's demo makes a page: find it by slug under its parent, or create it,
set its fields, then publish a revision. Running the demo again updates the same page."""

from wagtail.models import Page


def ensure_page(parent: Page, model: type[Page], slug: str, **fields) -> Page:
    """The live ``model`` page at ``slug`` under ``parent``, created or updated, then published.

    ``fields`` may include child relations and parental many-to-many fields (a list of items or
    objects); they are saved with the revision. The page is returned as published, in the
    parent's locale.
    """
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = parent.add_child(instance=model(slug=slug, locale=parent.locale, **fields))
    else:
        for name, value in fields.items():
            setattr(page, name, value)
    page.save_revision().publish()
    return model.objects.get(pk=page.pk)
