from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from .fields import optional_page

# The defaults are marked for translation so residents see the banner in their language; text an
# editor types instead shows as typed.
DEFAULT_PHASE_BANNER_TAG = gettext_noop("Beta")
DEFAULT_PHASE_BANNER_TEXT = gettext_noop(
    "This is a new service. Tell us what you think so we can improve it."
)


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    """Per-site details editors change without a release: contact details, banner, key pages."""

    council_name = models.CharField(_("council name"), max_length=120, default="London Borough")
    phase_banner_tag = models.CharField(
        _("phase banner tag"), max_length=20, default=DEFAULT_PHASE_BANNER_TAG
    )
    phase_banner_text = models.CharField(
        _("phase banner text"),
        max_length=255,
        blank=True,
        default=DEFAULT_PHASE_BANNER_TEXT,
    )
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    contact_address = models.TextField(_("contact address"), blank=True)
    contact_hours = models.CharField(_("opening hours"), max_length=200, blank=True)

    accessibility_page = optional_page(_("accessibility statement page"))
    privacy_page = optional_page(_("privacy notice page"))
    contact_page = optional_page(_("contact page"))
    cookies_page = optional_page(_("cookies page"))

    panels = [
        FieldPanel("council_name"),
        MultiFieldPanel(
            [FieldPanel("phase_banner_tag"), FieldPanel("phase_banner_text")],
            heading=_("Phase banner"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("contact_address"),
                FieldPanel("contact_hours"),
            ],
            heading=_("Contact details"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("accessibility_page"),
                FieldPanel("privacy_page"),
                FieldPanel("contact_page"),
                FieldPanel("cookies_page"),
            ],
            heading=_("Footer pages"),
        ),
    ]

    class Meta:
        verbose_name = _("site settings")
