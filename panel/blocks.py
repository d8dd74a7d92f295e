"""Blocks for meeting agendas and minutes; documents reuse ``portal.blocks.DocumentLinkBlock``."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from portal.blocks import DocumentLinkBlock, RichTextBlock

BLOCK_TEMPLATES = "components/panel/blocks"


class AgendaItemBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Item"), max_length=200)
    summary = blocks.TextBlock(label=_("Summary"), required=False, max_length=600)
    presenter = blocks.CharBlock(label=_("Presented by"), required=False, max_length=120)

    class Meta:
        icon = "list-ol"
        label = _("Agenda item")
        template = f"{BLOCK_TEMPLATES}/agenda_item_block.html"


class AgendaBlock(blocks.StreamBlock):
    item = AgendaItemBlock()

    class Meta:
        icon = "list-ol"
        label = _("Agenda")


class PapersBlock(blocks.StreamBlock):
    document = DocumentLinkBlock()

    class Meta:
        icon = "doc-full"
        label = _("Papers")


class MinutesItemBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Item"), max_length=200)
    discussion = RichTextBlock(label=_("Discussion"), required=False)
    decisions = blocks.ListBlock(
        blocks.CharBlock(max_length=500, label=_("Decision")),
        label=_("Decisions"),
        default=[],
        min_num=0,
    )

    class Meta:
        icon = "doc-full-inverse"
        label = _("Minutes item")
        template = f"{BLOCK_TEMPLATES}/minutes_item_block.html"


class MinutesBlock(blocks.StreamBlock):
    item = MinutesItemBlock()

    class Meta:
        icon = "doc-full-inverse"
        label = _("Minutes")
