"""A test-only URLconf whose views fail the way production code can fail."""

from django.conf.urls.i18n import i18n_patterns
from django.db import DatabaseError, OperationalError
from django.template import engines
from django.urls import path

from portal.urls import urlpatterns as portal_urlpatterns


def broken_template(request):
    template = engines["django"].from_string("{% load no_such_library %}")
    return template.render({}, request)


def database_down(request):
    raise DatabaseError("connection to server at 127.0.0.1 failed")


def operational_error(request):
    """A query that fails while the database itself is fine (a bug, a lock timeout)."""
    raise OperationalError("no such table: missing")


handler404 = "portal.views.page_not_found"
handler500 = "portal.views.server_error"

urlpatterns = [
    *i18n_patterns(
        path("broken-template/", broken_template),
        path("database-down/", database_down),
        path("operational-error/", operational_error),
    ),
    *portal_urlpatterns,
]
