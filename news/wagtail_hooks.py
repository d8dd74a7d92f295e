"""Admin for the news section's records: measurements and event replies (with our own
audited export, ``news.exports``, in place of Wagtail's generic one)."""

from urllib.parse import urlencode

from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets.button import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, IndexView, SnippetViewSet

from news.exports import EXPORT_PERMISSION, EXPORT_RSVPS_ACTION, export_rsvps
from news.models import EventRSVP, Measurement


class MeasurementCreateView(CreateView):
    def save_instance(self):
        self.form.instance.recorded_by = self.request.user
        return super().save_instance()


class MeasurementViewSet(SnippetViewSet):
    model = Measurement
    icon = "table"
    menu_label = _("Plan measurements")
    menu_order = 250
    add_to_admin_menu = True
    add_view_class = MeasurementCreateView
    list_display = ["commitment", "date", "value", "source_note"]
    list_filter = ["date"]
    ordering = ["-date"]


class RSVPIndexView(IndexView):
    """The replies list, offering our downloads (of the event filtered on, if any)."""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.is_export = False  # Wagtail's unaudited ?export= is switched off

    @cached_property
    def header_more_buttons(self):
        buttons = super().header_more_buttons.copy()
        if not self.request.user.has_perm(EXPORT_PERMISSION):
            return buttons
        event = self.request.GET.get("event")
        query = "?" + urlencode({"event": event}) if event else ""
        for file_format, label in (
            ("xlsx", _("Download replies (XLSX)")),
            ("csv", _("Download replies (CSV)")),
        ):
            url = reverse("news_export_rsvps", args=[file_format]) + query
            buttons.append(Button(label, url=url, icon_name="download", priority=90))
        return buttons


class EventRSVPViewSet(SnippetViewSet):
    model = EventRSVP
    icon = "group"
    menu_label = _("Event replies")
    menu_order = 260
    add_to_admin_menu = True
    index_view_class = RSVPIndexView
    list_display = ["name", "event", "places", "email", "created_at"]
    list_filter = ["event"]
    ordering = ["event", "created_at"]

    def get_queryset(self, request):
        return EventRSVP.objects.select_related("event")


register_snippet(MeasurementViewSet)
register_snippet(EventRSVPViewSet)


@hooks.register("register_admin_urls")
def register_rsvp_export_url():
    route = "news/event-replies/export/<str:file_format>/"
    return [path(route, export_rsvps, name="news_export_rsvps")]


@hooks.register("register_log_actions")
def register_news_log_actions(actions):
    actions.register_action(EXPORT_RSVPS_ACTION, _("Export replies"), _("Replies exported"))
