"""The demo meetings' papers: real PDFs, each naming the meeting it is attached to."""

import io
import random
from collections import Counter

import pytest
from django.contrib.auth.models import Group
from pypdf import PdfReader
from wagtail.documents.models import Document

from panel import demo as panel_demo
from panel import services
from panel.demo.papers import meeting_date
from panel.models import MeetingPage, PanelPapersPage
from portal import demo as site_demo
from portal.roles import PANEL_MEMBERS

pytestmark = pytest.mark.django_db


@pytest.fixture
def load(settings, tmp_path, django_capture_on_commit_callbacks):
    settings.MEDIA_ROOT = tmp_path

    def load():
        rng = random.Random(2020)
        options = {"skip_translations": True}  # papers are the same in every language
        with django_capture_on_commit_callbacks(execute=True):
            home = site_demo.load_site(rng=rng, options=options, stdout=io.StringIO())
            panel_demo.generate(home=home, rng=rng, options=options, stdout=io.StringIO())

    return load


def _text(document) -> tuple[PdfReader, str]:
    with document.open_file() as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    return reader, " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def _documents(stream) -> list[Document]:
    return [block.value["document"] for block in stream]


def test_every_meetings_papers_are_its_own_and_name_it(load, client, django_user_model):
    load()
    meetings = MeetingPage.objects.filter(locale__language_code="en").order_by("start")
    attached = Counter()
    for number, meeting in enumerate(meetings):
        papers = _documents(meeting.papers)
        # An agenda and a report, and from the second meeting on the previous one's minutes.
        assert len(papers) == (2 if number == 0 else 3), meeting.title
        private = PanelPapersPage.objects.child_of(meeting).first()
        if private:
            papers += _documents(private.body)
        for paper in papers:
            attached[paper.pk] += 1
            assert paper.title.startswith(f"{meeting.title}: ")
            reader, text = _text(paper)
            assert reader.metadata.title == paper.title
            assert meeting.title in text
            assert meeting_date(meeting.start) in text, (paper.title, meeting_date(meeting.start))
        if number:
            minutes = papers[2]
            previous = meetings[number - 1]
            _reader, text = _text(minutes)
            assert f"{previous.title}, held on {meeting_date(previous.start)}" in text
    assert set(attached.values()) == {1}, "a paper is attached to more than one meeting"

    # Public papers serve to anyone; members-only ones only to panel members.
    agenda = _documents(meetings[0].papers)[0]
    assert agenda.collection.name == services.PUBLIC_PAPERS_COLLECTION
    response = client.get(agenda.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    confidential = _documents(PanelPapersPage.objects.child_of(meetings[2]).get().body)[0]
    assert confidential.collection.name == services.PRIVATE_PAPERS_COLLECTION
    refused = client.get(confidential.url)
    assert refused.status_code == 302 and "login" in refused["Location"]
    member = django_user_model.objects.create_user("member", "member@example.org", "pw")
    member.groups.add(Group.objects.get(name=PANEL_MEMBERS))
    client.force_login(member)
    response = client.get(confidential.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")

    # Reloading the demo replaces nothing and adds nothing.
    files = dict(Document.objects.values_list("title", "file"))
    load()
    assert dict(Document.objects.values_list("title", "file")) == files
    assert len(files) == 2 + 3 + 3 + 3 + 1 + 1  # the meetings' papers, the guide, the advice
