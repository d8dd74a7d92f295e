"""What the responding journey keeps in a resident's browser session, and for how long.

Per consultation (keyed by the canonical page's pk) the session holds at most:

- ``draft``: an anonymous resident's draft pk (signed-in residents' drafts are found by account);
- ``sent``: the response this session sent, as ``{"token", "reference", "shown"}``. The token
  proves that a repeated "Send" (or an old step's form) is this session's own; ``shown`` records
  that the confirmation with the reference has been seen, so it is shown once per session.

Nothing personal (names, email addresses, answers) is ever kept in the session: those live in
the draft until it is sent and then in the response.

Anonymous respondents' sessions end when the browser closes (``set_expiry(0)``) and after
``settings.RESPONDENT_SESSION_IDLE_MINUTES`` without a journey request (the whole session is
flushed). Signed-in residents keep the session their sign-in gave them.
"""

from __future__ import annotations

import functools
import time

from django.conf import settings

DRAFT = "consultations:draft:%s"
SENT = "consultations:sent:%s"
LAST_SEEN = "consultations:last_seen"
_PREFIXES = ("consultations:draft:", "consultations:sent:")


class FormExpired(Exception):
    """The posted form is not this session's: show the generic "this form has expired" page."""


class SentByThisSession(Exception):
    """The posted form is one this session (or account) already sent: go to the confirmation."""

    def __init__(self, response):
        super().__init__(response.reference)
        self.response = response


def idle_limit_seconds() -> int:
    return settings.RESPONDENT_SESSION_IDLE_MINUTES * 60


def _anonymous(request) -> bool:
    return not request.user.is_authenticated


def _holds_journey(session) -> bool:
    return any(key.startswith(_PREFIXES) for key in session.keys())  # noqa: SIM118 (a session is not iterable)


def end_if_idle(request) -> None:
    """Flush an anonymous respondent's session that has been idle longer than the limit."""
    if not _anonymous(request) or not request.session.session_key:
        return
    last_seen = request.session.get(LAST_SEEN)
    if last_seen is not None and time.time() - last_seen > idle_limit_seconds():
        request.session.flush()


def _last_seen_resolution() -> int:
    """How stale the noted time of the last request may get before it is noted again: a
    minute (a tenth of a shorter limit). Every noting writes the session to its store."""
    return min(60, idle_limit_seconds() // 10)


def keep_short(request) -> None:
    """Make an anonymous respondent's session end with the browser, and note this request.

    The session is written only when either changes: the expiry once, the time of the last
    request when it is older than ``_last_seen_resolution()``, so steps taken in quick
    succession leave the session store alone (an idle session may live that much longer).
    """
    if _anonymous(request) and _holds_journey(request.session):
        session = request.session
        if not session.get_expire_at_browser_close():
            session.set_expiry(0)
        now = int(time.time())
        last_seen = session.get(LAST_SEEN)
        if last_seen is None or now - last_seen >= _last_seen_resolution():
            session[LAST_SEEN] = now


def journey(*, expired, to_confirmation):
    """Decorate a responding-journey view: idle sessions end first, journey sessions stay short.

    The view may raise ``FormExpired`` or ``SentByThisSession`` from any step; ``expired`` and
    ``to_confirmation`` (views, since they render or redirect) answer them.
    """

    def decorate(view):
        @functools.wraps(view)
        def wrapped(request, page, *args, **kwargs):
            end_if_idle(request)
            try:
                response = view(request, page, *args, **kwargs)
            except FormExpired:
                response = expired(request, page)
            except SentByThisSession as sent:
                response = to_confirmation(request, page, sent.response)
            keep_short(request)
            return response

        return wrapped

    return decorate


# --- per-consultation state -------------------------------------------------------------------
def draft_pk(request, page) -> int | None:
    return request.session.get(DRAFT % page.canonical().pk)


def remember_draft(request, page, draft) -> None:
    request.session[DRAFT % page.canonical().pk] = draft.pk


def forget_draft(request, page) -> None:
    request.session.pop(DRAFT % page.canonical().pk, None)


def sent(request, page) -> dict | None:
    record = request.session.get(SENT % page.canonical().pk)
    return record if isinstance(record, dict) else None


def remember_sent(request, page, response) -> None:
    """Record that this session sent ``response``; its confirmation has not been shown yet."""
    key = SENT % page.canonical().pk
    record = request.session.get(key)
    if isinstance(record, dict) and record.get("token") == str(response.token):
        return  # a repeated "Send": keep whether the reference was already shown
    request.session[key] = {
        "token": str(response.token),
        "reference": response.reference,
        "shown": False,
    }


def mark_shown(request, page) -> None:
    key = SENT % page.canonical().pk
    record = request.session.get(key)
    if isinstance(record, dict) and not record.get("shown"):
        request.session[key] = {**record, "shown": True}


def forget_sent(request, page) -> None:
    request.session.pop(SENT % page.canonical().pk, None)
