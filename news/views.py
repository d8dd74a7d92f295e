"""Thin views behind the news pages' routes: they validate, call a service and redirect."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from news.forms import RSVPForm
from news.services import EventFull, RSVPClosed, create_rsvp


def event_rsvp(request, *, event):
    """POST an RSVP: redirect to the event with a confirmation, or show the form's errors."""
    form = RSVPForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
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
            messages.success(
                request,
                ngettext(
                    "Thank you, %(name)s. We have saved %(count)s place for you.",
                    "Thank you, %(name)s. We have saved %(count)s places for you.",
                    rsvp.places,
                )
                % {"name": rsvp.name, "count": rsvp.places},
            )
            return redirect(event.url + "#rsvp")
    return event.render(request, context_overrides={"rsvp_form": form})
