from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


@register_setting(icon="lock")
class ConsultationSettings(BaseGenericSetting):
    """Privacy settings for consultation responses."""

    retention_days = models.PositiveIntegerField(
        _("keep personal details for (days after closing)"),
        default=365,
        help_text=_(
            "After this many days from a consultation's closing, apply_retention removes names, "
            "email addresses and addresses from its responses. Answers are kept."
        ),
    )

    panels = [FieldPanel("retention_days")]

    class Meta:
        verbose_name = _("consultation privacy settings")
