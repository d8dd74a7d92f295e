"""Staff views: what each announcement sent (editors), who subscribes to what (administrators).

Editors (``alerts.view_alertitem``) see counts per announcement. Administrators
(``alerts.view_subscriber``) see subscriber counts per topic, language and frequency, never an
address; only ``alerts.view_subscriber_addresses`` may download the addresses, and every
download is recorded (``ExportRecord``) and listed on the same page.
"""

import csv

from django.core.paginator import Paginator
from django.http import StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from portal import registry
from portal.alerts import selectors
from portal.alerts.models import ExportRecord, Subscriber

VIEW_ITEMS = "alerts.view_alertitem"
VIEW_COUNTS = "alerts.view_subscriber"
EXPORT_ADDRESSES = "alerts.view_subscriber_addresses"


class PermissionMixin:
    permission = VIEW_ITEMS

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)


class ItemsView(PermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "wagtailadmin/alerts/items.html"
    page_title = gettext_lazy("Email alerts sent")
    header_icon = "mail"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = Paginator(selectors.items_with_counts(), 50).get_page(self.request.GET.get("p"))
        context.update(items=page, can_see_counts=self.request.user.has_perm(VIEW_COUNTS))
        return context


def topic_labels() -> dict[str, str]:
    return {t.key: str(t.label) for s in registry.alert_sources() for t in s.topics()}


class SubscribersView(PermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    permission = VIEW_COUNTS
    template_name = "wagtailadmin/alerts/subscribers.html"
    page_title = gettext_lazy("Email alert subscribers")
    header_icon = "mail"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        counts = selectors.subscriber_counts()
        labels = topic_labels()
        for row in counts["by_topic"]:
            row["label"] = labels.get(row["topic"], row["topic"])
        context.update(
            counts=counts,
            can_export=self.request.user.has_perm(EXPORT_ADDRESSES),
            exports=ExportRecord.objects.select_related("user")[:20],
        )
        return context


class _Echo:
    def write(self, value):
        return value


class ExportAddressesView(PermissionMixin, View):
    permission = EXPORT_ADDRESSES

    def get(self, request):
        active = Subscriber.objects.active().order_by("pk")
        ExportRecord.objects.create(
            user=request.user, what="alert subscriber addresses", rows=active.count()
        )
        writer = csv.writer(_Echo())

        def rows():
            yield writer.writerow(["email", "language", "frequency", "confirmed_at"])
            for s in active.values_list(
                "email", "language", "frequency", "confirmed_at"
            ).iterator():
                yield writer.writerow([s[0], s[1], s[2], s[3].isoformat()])

        response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
        stamp = timezone.now().strftime("%Y%m%d-%H%M")
        response["Content-Disposition"] = f'attachment; filename="alert-subscribers-{stamp}.csv"'
        response["Cache-Control"] = "private, no-store"
        return response
