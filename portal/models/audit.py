"""The security audit log: who signed in, failed, was locked out or changed a second factor.

Rows are written only through ``portal.audit.record``. They hold no password, code, secret or
attempted email address, and the client IP is cut to its network (see ``portal.audit``). A row
outlives its account (``user`` becomes empty when the account is deleted) so the log keeps its
shape without keeping the person.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEvent(models.Model):
    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    action = models.CharField(_("what happened"), max_length=64, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    ip_network = models.CharField(_("network"), max_length=64, blank=True)
    details = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit log")
        default_permissions = ("view",)

    def __str__(self) -> str:
        from portal.audit import action_label

        return f"{action_label(self.action)} ({self.at:%Y-%m-%d %H:%M})"

    @property
    def action_label(self) -> str:
        from portal.audit import action_label

        return action_label(self.action)
