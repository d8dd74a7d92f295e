from functools import reduce
from operator import or_

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class MultilingualSitemap(Sitemap):
    """Every live, public page of the site in every locale.

    Wagtail's own sitemap walks the descendants of the site's root page, which holds only the
    default locale's tree; translated trees are the root page's translations, so they are added
    here. ``public()`` drops pages behind view restrictions (private panel papers, for one).
    """

    def items(self):
        root = self.get_wagtail_site().root_page
        roots = root.get_translations(inclusive=True)
        in_a_tree = reduce(or_, (Q(path__startswith=r.path) for r in roots))
        return (
            Page.objects.filter(in_a_tree)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )
