"""Thin views behind the news pages' routes: they validate, call a service and redirect.

Replying to an event is POST-redirect-GET: a saved reply's ``submission_key`` goes into the
resident's session and the browser is sent to the event's ``rsvp/confirmation/`` page, which
reads the reply back through the session only (never from an id in the address), so
refreshing it sends nothing and nobody else's reply can be shown.
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from news.forms import RSVPForm
from news.models import EventRSVP
from news.services import EventFull, RSVPClosed, cancel_rsvp, create_rsvp
from portal import ratelimit

SESSION_RSVP = "news:rsvp:%s"


def _session_key(event) -> str:
    return SESSION_RSVP % event.rsvp_event().pk


def _private(response):
    """Personal pages: never stored by the caching proxy, the browser or anything between."""
    patch_cache_control(response, private=True, no_store=True)
    return response


def sessions_rsvp(request, *, event) -> EventRSVP | None:
    """The reply this browser sent to ``event`` (in any language), if it still stands."""
    key = request.session.get(_session_key(event))
    if not key:
        return None
    return EventRSVP.objects.filter(event=event.rsvp_event(), submission_key=key).first()


def event_rsvp(request, *, event):
    """The reply form (GET) and sending it (POST): redirect to the confirmation page, or show the
    form again with its errors. An event that takes no replies, or is full, sends the visitor back
    to the event page, which says why."""
    if request.method != "POST":
        places_left = event.places_left()
        if not event.accepts_rsvps or places_left == 0:
            return redirect(event.url + "#rsvp")
        return _rsvp_form_page(request, event=event, form=RSVPForm(), places_left=places_left)
    form = RSVPForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        ratelimit.enforce(request, "rsvp", email=data["email"])
        try:
            rsvp = create_rsvp(
                event=event,
                name=data["name"],
                email=data["email"],
                places=data["places"],
                access_needs=data["access_needs"],
                language_code=get_language() or "",
                submission_key=data["submission_key"],
            )
        except RSVPClosed:
            form.add_error(None, _("This event is no longer taking replies."))
        except EventFull as full:
            if full.places_left == 0:
                form.add_error("places", _("Sorry, this event is full."))
            else:
                form.add_error(
                    "places",
                    ngettext(
                        "There is only %(count)s place left.",
                        "There are only %(count)s places left.",
                        full.places_left,
                    )
                    % {"count": full.places_left},
                )
        else:
            request.session[_session_key(event)] = str(rsvp.submission_key)
            return redirect(event.rsvp_confirmation_url())
    return _rsvp_form_page(request, event=event, form=form, places_left=event.places_left())


def _rsvp_form_page(request, *, event, form, places_left):
    response = TemplateResponse(
        request,
        "pages/news/event_rsvp.html",
        {"page": event, "self": event, "rsvp_form": form, "places_left": places_left},
    )
    return _private(response)


def rsvp_confirmation(request, *, event):
    """What was saved, how to add it to a calendar, and how to cancel; only for its sender."""
    from news.calendar_links import calendar_links

    rsvp = sessions_rsvp(request, event=event)
    if rsvp is None:
        return redirect(event.url)
    response = TemplateResponse(
        request,
        "pages/news/event_rsvp_confirmation.html",
        {
            "page": event,
            "self": event,
            "rsvp": rsvp,
            "calendar_links": calendar_links(event=event, request=request),
        },
    )
    return _private(response)


def rsvp_cancel(request, *, event):
    """POST: withdraw this browser's reply to ``event`` and say so on the event page."""
    rsvp = sessions_rsvp(request, event=event)
    if rsvp is not None:
        cancel_rsvp(rsvp=rsvp)
        messages.success(
            request,
            _("Your reply has been cancelled, %(name)s. Your places are free for others.")
            % {"name": rsvp.name},
        )
    request.session.pop(_session_key(event), None)
    return redirect(event.url)
