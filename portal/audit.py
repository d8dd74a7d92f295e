"""The security audit log's one way in: ``record(action, *, user=None, request=None, **details)``.

Any app may call ``record``; ``portal`` writes sign-ins, failures, lockouts and second-factor
changes itself (the receivers below, connected in ``PortalConfig.ready``). Administrators read
the log in the admin (Settings → Audit log); nobody can change it there.

Contract:

* ``action`` is a short stable code. The portal's own are in ``Action``; an app logging its own
  (say ``"rsvp_export"``) names it with ``register_action(code, label)`` so the admin shows a
  translated label. Unregistered codes are stored and shown as they are.
* ``details`` are JSON-serialisable facts about the event (counts, an object's id, a format).
  Never personal data beyond the account, and never a secret: keys that name one (password,
  code, token, secret…) raise ``ValueError`` so the mistake shows in tests, not in the log.
* The client IP is reduced to its network (IPv4 /24, IPv6 /48) before it is stored, taken from
  the trusted proxy's header the same way the rate limits see it.
"""

from __future__ import annotations

import ipaddress
import logging

from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

FORBIDDEN_DETAIL_WORDS = ("password", "code", "token", "secret", "otp", "credential")
IPV4_PREFIX = 24
IPV6_PREFIX = 48


class Action:
    SIGNED_IN = "signed_in"
    SIGNED_OUT = "signed_out"
    SIGN_IN_FAILED = "sign_in_failed"
    SECOND_FACTOR_FAILED = "second_factor_failed"
    LOCKED_OUT = "locked_out"
    SIGNED_OUT_IDLE = "signed_out_idle"
    FACTOR_ADDED = "factor_added"
    FACTOR_REMOVED = "factor_removed"
    RECOVERY_CODES_RENEWED = "recovery_codes_renewed"
    FACTOR_RESET = "factor_reset"
    PERSONAL_DATA_EXPORTED = "personal_data_exported"


_labels: dict[str, object] = {
    Action.SIGNED_IN: _("Signed in"),
    Action.SIGNED_OUT: _("Signed out"),
    Action.SIGN_IN_FAILED: _("Sign-in failed"),
    Action.SECOND_FACTOR_FAILED: _("Wrong second-factor code"),
    Action.LOCKED_OUT: _("Refused: too many attempts"),
    Action.SIGNED_OUT_IDLE: _("Signed out after inactivity"),
    Action.FACTOR_ADDED: _("Second factor added"),
    Action.FACTOR_REMOVED: _("Second factor removed"),
    Action.RECOVERY_CODES_RENEWED: _("New recovery codes made"),
    Action.FACTOR_RESET: _("Second factor reset by an administrator"),
    Action.PERSONAL_DATA_EXPORTED: _("Personal data downloaded"),
}


def register_action(code: str, label) -> None:
    """Give an app's own action code a (lazily translated) label for the admin."""
    _labels[code] = label


def action_label(code: str) -> str:
    return str(_labels.get(code, code))


def action_choices() -> list[tuple[str, str]]:
    return [(code, str(label)) for code, label in _labels.items()]


def minimise_ip(ip: str | None) -> str:
    """The network an address belongs to: enough to see a pattern, not to find a household."""
    if not ip:
        return ""
    try:
        address = ipaddress.ip_address(ip)
    except ValueError:
        return ""
    prefix = IPV4_PREFIX if address.version == 4 else IPV6_PREFIX
    return str(ipaddress.ip_network(f"{address}/{prefix}", strict=False))


def client_network(request) -> str:
    if request is None:
        return ""
    from allauth.account.adapter import get_adapter

    try:
        ip = get_adapter(request).get_client_ip(request)
    except Exception:  # noqa: BLE001 (no usable address is no reason to lose the event)
        ip = None
    return minimise_ip(ip)


def _check_details(details: dict) -> None:
    for key in details:
        lowered = key.lower()
        if any(word in lowered for word in FORBIDDEN_DETAIL_WORDS):
            raise ValueError(f"Audit details must not carry secrets: {key!r}")


def record(action: str, *, user=None, request=None, **details):
    """Write one audit event and return it. ``user`` may be None (an unknown account) or an
    anonymous user; ``request`` gives the client's network."""
    from portal.models import AuditEvent

    _check_details(details)
    if user is not None and not getattr(user, "is_authenticated", False):
        user = None
    if user is not None and user.pk is None:
        user = None
    return AuditEvent.objects.create(
        action=action, user=user, ip_network=client_network(request), details=details
    )


# --- Receivers: sign-ins and second factors ---------------------------------------------------


def _on_signed_in(sender, request, user, **kwargs):
    record(Action.SIGNED_IN, user=user, request=request)


def _on_signed_out(sender, request, user, **kwargs):
    if user is not None:
        record(Action.SIGNED_OUT, user=user, request=request)


def _on_factor_added(sender, request, user, authenticator, **kwargs):
    record(Action.FACTOR_ADDED, user=user, request=request, kind=authenticator.type)


def _on_factor_removed(sender, request, user, authenticator, **kwargs):
    record(Action.FACTOR_REMOVED, user=user, request=request, kind=authenticator.type)


def _on_factor_reset(sender, request, user, authenticator, **kwargs):
    record(Action.RECOVERY_CODES_RENEWED, user=user, request=request, kind=authenticator.type)


def _on_factor_failed(sender, request, user, authenticator, **kwargs):
    record(Action.SECOND_FACTOR_FAILED, user=user, request=request, kind=authenticator.type)


def connect_signals() -> None:
    from allauth.mfa import signals as mfa_signals
    from django.contrib.auth import signals as auth_signals

    auth_signals.user_logged_in.connect(_on_signed_in, dispatch_uid="portal_audit_signed_in")
    auth_signals.user_logged_out.connect(_on_signed_out, dispatch_uid="portal_audit_signed_out")
    mfa_signals.authenticator_added.connect(_on_factor_added, dispatch_uid="portal_audit_added")
    mfa_signals.authenticator_removed.connect(
        _on_factor_removed, dispatch_uid="portal_audit_removed"
    )
    mfa_signals.authenticator_reset.connect(_on_factor_reset, dispatch_uid="portal_audit_reset")
    mfa_signals.authentication_failed.connect(_on_factor_failed, dispatch_uid="portal_audit_failed")
