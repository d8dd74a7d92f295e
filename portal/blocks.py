"""StreamField blocks shared by every app's pages.

Each block renders through its own template under
``templates/components/streamfield/blocks/``; feature apps reuse ``BodyStreamBlock`` or pick
individual blocks from here rather than defining look-alikes.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

BLOCK_TEMPLATES = "components/streamfield/blocks"


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading text"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Heading 2")), ("h3", _("Heading 3"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = f"{BLOCK_TEMPLATES}/heading_block.html"


class RichTextBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault(
            "features", ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]
        )
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Text")
        template = f"{BLOCK_TEMPLATES}/rich_text_block.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        help_text=_("Describe what the image shows for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = f"{BLOCK_TEMPLATES}/image_block.html"

    def clean(self, value):
        value = super().clean(value)
        if not (value.get("alt_text") or "").strip():
            raise StructBlockValidationError(
                block_errors={"alt_text": ValidationError(_("Enter alternative text."))}
            )
        return value


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Link text"),
        required=False,
        max_length=200,
        help_text=_("Leave blank to use the document's title."),
    )
    description = blocks.CharBlock(label=_("Description"), required=False, max_length=250)

    class Meta:
        icon = "doc-full"
        label = _("Document link")
        template = f"{BLOCK_TEMPLATES}/document_link_block.html"


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Button text"), max_length=80)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("Or external address"), required=False)

    class Meta:
        icon = "link"
        label = _("Call to action")
        template = f"{BLOCK_TEMPLATES}/call_to_action_block.html"

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            message = _("Choose a page or enter an address, not both.")
            raise StructBlockValidationError(
                block_errors={"page": ValidationError(message), "url": ValidationError(message)}
            )
        return value


class DetailsBlock(blocks.StructBlock):
    summary = blocks.CharBlock(label=_("Summary"), max_length=150)
    content = RichTextBlock(label=_("Content"))

    class Meta:
        icon = "arrow-down"
        label = _("Details (expandable)")
        template = f"{BLOCK_TEMPLATES}/details_block.html"


class AccordionSectionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Section heading"), max_length=150)
    content = RichTextBlock(label=_("Content"))

    class Meta:
        icon = "list-ul"
        label = _("Section")


class AccordionBlock(blocks.StructBlock):
    sections = blocks.ListBlock(AccordionSectionBlock(), min_num=1, label=_("Sections"))

    class Meta:
        icon = "list-ul"
        label = _("Accordion")
        template = f"{BLOCK_TEMPLATES}/accordion_block.html"


class InsetTextBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", ["bold", "link"])
        super().__init__(**kwargs)

    class Meta:
        icon = "openquote"
        label = _("Inset text")
        template = f"{BLOCK_TEMPLATES}/inset_text_block.html"


class WarningTextBlock(blocks.CharBlock):
    class Meta:
        icon = "warning"
        label = _("Warning text")
        template = f"{BLOCK_TEMPLATES}/warning_text_block.html"


class BodyStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    text = RichTextBlock()
    image = ImageBlock()
    document = DocumentLinkBlock()
    call_to_action = CallToActionBlock()
    details = DetailsBlock()
    accordion = AccordionBlock()
    inset_text = InsetTextBlock()
    warning_text = WarningTextBlock()

    class Meta:
        icon = "doc-full"
        label = _("Body")
