"""Admin for the news section's records: measurements and event replies (with export)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import log
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, IndexView, SnippetViewSet

from news.models import EventRSVP, Measurement

EXPORT_RSVPS_ACTION = "news.export_rsvps"


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
    """The replies list; every export is written to the audit log against each event in it."""

    def render_to_response(self, context, **response_kwargs):
        if self.is_export:
            events = {}
            for rsvp in context["object_list"]:
                events.setdefault(rsvp.event_id, [rsvp.event, 0])[1] += 1
            for event, count in events.values():
                log(
                    instance=event,
                    action=EXPORT_RSVPS_ACTION,
                    user=self.request.user,
                    data={"count": count, "format": self.request.GET.get("export")},
                )
        return super().render_to_response(context, **response_kwargs)


class EventRSVPViewSet(SnippetViewSet):
    model = EventRSVP
    icon = "group"
    menu_label = _("Event replies")
    menu_order = 260
    add_to_admin_menu = True
    index_view_class = RSVPIndexView
    list_display = ["name", "event", "places", "email", "created_at"]
    list_filter = ["event"]
    list_export = [
        "event",
        "name",
        "email",
        "places",
        "access_needs",
        "language_code",
        "created_at",
    ]
    export_filename = "event-replies"
    ordering = ["event", "created_at"]

    def get_queryset(self, request):
        return EventRSVP.objects.select_related("event")


register_snippet(MeasurementViewSet)
register_snippet(EventRSVPViewSet)


@hooks.register("register_log_actions")
def register_news_log_actions(actions):
    actions.register_action(EXPORT_RSVPS_ACTION, _("Export replies"), _("Replies exported"))
