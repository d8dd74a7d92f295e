"""The demo panel meetings' papers, as real PDFs that each name their own meeting.

Every meeting gets an agenda and an officer's report on its topic; every meeting after the first
also gets the draft minutes of the meeting before. Each paper's title starts with its meeting's
title and its text gives the meeting's date, so a paper can never pass for another meeting's.
Meeting dates are relative to today, so a paper is rendered again only when its date moves.
"""

from __future__ import annotations

import datetime

from django.utils import timezone
from wagtail.models import Collection

from portal.demo.documents import ensure_pdf_document
from portal.pdf import BulletList, Heading, Paragraph, PdfDocument

LOCATION = "Hackney Town Hall, Mare Street, E8 1EA"
SECRETARY = "Tom Bennett, Head of Housing Engagement"

# Per meeting slug: the agenda's main item and the officer's report (paragraphs, then figures).
REPORTS = {
    "meeting-1-repairs-backlog": (
        "The repairs backlog",
        "the Head of Repairs",
        [
            "The cyber attack took the repairs system offline for eleven weeks. Repairs were "
            "logged on paper and many were lost, so the backlog grew while residents waited.",
            "The new repairs system went live last month. Every open repair has been entered "
            "again from paper records and from calls to residents, and the oldest are being "
            "booked first.",
            "The improvement plan's targets are that no repair is older than three months and "
            "that the backlog is cleared within a year.",
        ],
        [
            "Open repairs: 4,120, of which 650 are older than three months.",
            "Repairs completed last month: 2,310, up from 1,540 the month before.",
            "Appointments kept: 81%.",
        ],
    ),
    "meeting-2-complaints": (
        "Complaints",
        "the Head of Complaints",
        [
            "The Housing Ombudsman's complaint handling code asks landlords to acknowledge a "
            "complaint within five working days and answer it within ten at the first stage.",
            "Too many complaints waited for an answer while records were rebuilt after the "
            "cyber attack. A new team has cleared the oldest, and handling times will be "
            "published on the portal every month.",
        ],
        [
            "Complaints received last quarter: 1,184.",
            "Answered at the first stage within ten working days: 58%, against a target of 90%.",
            "Complaints escalated to the Housing Ombudsman: 37.",
        ],
    ),
    "meeting-3-damp-and-mould": (
        "Damp and mould",
        "Rahim Uddin, independent expert, and the Head of Repairs",
        [
            "Damp and mould harm residents' health, above all children's and older people's. "
            "Every report must be inspected quickly and the cause fixed, not only the mould "
            "cleaned away.",
            "Since the last meeting, surveyors have inspected the homes with the oldest damp "
            "reports. This report proposes inspecting every home with a damp report within ten "
            "working days.",
        ],
        [
            "Homes with an open damp or mould report: 512.",
            "Inspected within ten working days last month: 64%.",
            "Homes where the cause has been fixed: 198.",
        ],
    ),
    "meeting-4-resident-engagement": (
        "The resident engagement strategy",
        "Tom Bennett, Head of Housing Engagement",
        [
            "The draft resident engagement strategy is out for consultation for 12 weeks. "
            "Residents can respond online, on paper, by phone or at estate events.",
            "This report asks the panel for its own response to the draft, and in particular "
            "to the three new powers the strategy gives the panel.",
        ],
        [
            "Responses so far: online, on paper and by phone, in all eight languages.",
            "Estate events held: on each of the five estates in the consultation.",
            "Documents: the draft strategy, an Easy Read version and summaries in eight languages.",
        ],
    ),
}


def meeting_date(start: datetime.datetime) -> str:
    """The date and time as the papers print them, for example "Tuesday 3 March 2026, 6pm"."""
    start = timezone.localtime(start)  # in London, however the database returned it
    hour = start.hour % 12 or 12
    suffix = "am" if start.hour < 12 else "pm"
    time = f"{hour}{suffix}" if not start.minute else f"{hour}.{start.minute:02d}{suffix}"
    return f"{start:%A} {start.day} {start:%B %Y}, {time}"


def _paper(*, meeting_title: str, start, kind: str, blocks: list, collection: Collection):
    title = f"{meeting_title}: {kind}"
    stem = f"{meeting_title.split(':')[0]}-{kind}".lower().replace(" ", "-")
    heading = [
        Heading(title),
        Paragraph(
            f"Housing Advisory Panel. {meeting_title}, {meeting_date(start)}, at {LOCATION}."
        ),
    ]
    pdf = PdfDocument(
        title=title,
        language="en-GB",
        subject=f"Housing Advisory Panel, {meeting_title}, {meeting_date(start)}",
        blocks=heading + blocks,
    )
    return ensure_pdf_document(title=title, stem=stem, collection=collection, pdf=pdf)


def public_papers(*, slug: str, title: str, start, previous, collection: Collection) -> list:
    """The meeting's public papers: agenda, report, and the previous meeting's draft minutes.

    ``previous`` is the previous meeting's ``(slug, title, start)``, or None for the first.
    """
    topic, presenter, paragraphs, figures = REPORTS[slug]
    items = [
        "Welcome and apologies (Dr Amara Okafor, chair)",
        "Declarations of interest",
    ]
    if previous:
        items.append("Minutes of the last meeting and the action log")
    items += [f"{topic} ({presenter})", "Any other business"]
    papers = [
        _paper(
            meeting_title=title,
            start=start,
            kind="agenda",
            blocks=[
                Paragraph("The meeting is open to the public and streamed live."),
                Heading("Agenda", 2),
                BulletList(tuple(items), numbered=True),
                Paragraph(f"Panel secretary: {SECRETARY}."),
            ],
            collection=collection,
        ),
        _paper(
            meeting_title=title,
            start=start,
            kind="report",
            blocks=[
                Heading(f"Report: {topic}", 2),
                Paragraph(f"Presented by {presenter}."),
                *[Paragraph(text) for text in paragraphs],
                Heading("The figures", 2),
                BulletList(tuple(figures)),
                Heading("What the panel is asked to do", 2),
                Paragraph("Note the report, question the officers, and agree any actions."),
            ],
            collection=collection,
        ),
    ]
    if previous:
        _previous_slug, previous_title, previous_start = previous
        papers.append(
            _paper(
                meeting_title=title,
                start=start,
                kind="draft minutes of the previous meeting",
                blocks=[
                    Heading(f"Draft minutes: {previous_title}", 2),
                    Paragraph(
                        f"The draft minutes of {previous_title}, held on "
                        f"{meeting_date(previous_start)}, for the panel to approve at this "
                        "meeting."
                    ),
                    Paragraph(
                        "Officers presented the latest figures. Tenant members described what "
                        "residents on their estates are seeing. The panel agreed the actions "
                        "in the action log and asked for a progress report at this meeting."
                    ),
                ],
                collection=collection,
            )
        )
    return papers


def members_only_paper(*, title: str, start, collection: Collection):
    """A confidential paper for the damp and mould meeting, for panel members only."""
    return _paper(
        meeting_title=title,
        start=start,
        kind="legal advice on disrepair claims (confidential)",
        blocks=[
            Heading("Legal advice on disrepair claims", 2),
            Paragraph(
                "Confidential: for panel members only. This paper contains legal advice to the "
                "council and must not be shared."
            ),
            Paragraph(
                "The council faces disrepair claims from residents whose homes have damp and "
                "mould. The advice summarises the council's duties, the claims received since "
                "the cyber attack and how settling them early would help residents."
            ),
        ],
        collection=collection,
    )


def members_guide(*, collection: Collection):
    """The panel's general members-only paper, belonging to no one meeting."""
    title = "Panel members' guide: confidentiality and declarations of interest"
    pdf = PdfDocument(
        title=title,
        language="en-GB",
        blocks=[
            Heading(title),
            Paragraph("For panel members only."),
            Heading("Confidential papers", 2),
            Paragraph(
                "Some papers contain legal advice or residents' personal details. Read them "
                "only on the portal, do not forward them, and do not discuss them in public."
            ),
            Heading("Declarations of interest", 2),
            Paragraph(
                "Tell the panel secretary about any interest that a resident might think "
                "affects your judgement, and declare it at the start of any meeting where it "
                "is relevant. Declarations are published on the panel members page."
            ),
        ],
    )
    return ensure_pdf_document(
        title=title, stem="panel-members-guide", collection=collection, pdf=pdf
    )
