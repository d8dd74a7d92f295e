"""Page-tree rules and what residents see when each page type and shared block renders."""

import pytest
import wagtail_factories
from django.core.exceptions import ValidationError
from wagtail.blocks import StreamValue
from wagtail.models import Page
from wagtail.rich_text import RichText
from wagtail.test.utils import WagtailPageTestCase

from portal.blocks import BodyStreamBlock, CallToActionBlock, ImageBlock
from portal.models import HomePage, StandardPage


@pytest.mark.django_db
class TestPageTree(WagtailPageTestCase):
    def test_standard_pages_nest_under_the_home_page_and_each_other(self):
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanCreateAt(StandardPage, StandardPage)
        self.assertCanNotCreateAt(Page, StandardPage)

    def test_home_page_sits_at_the_root_only(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertCanNotCreateAt(StandardPage, HomePage)
        self.assertCanNotCreateAt(HomePage, HomePage)


def test_one_home_page_per_locale(home_page):
    root = Page.get_first_root_node()
    assert not HomePage.can_create_at(root)
    home_page.delete()
    assert HomePage.can_create_at(root)


@pytest.fixture
def image(db):
    return wagtail_factories.ImageFactory(title="Estate garden")


@pytest.fixture
def document(db):
    return wagtail_factories.DocumentFactory(title="Resident engagement strategy")


@pytest.fixture
def full_page(home_page, image, document):
    target = home_page.add_child(instance=StandardPage(title="Repairs", slug="repairs"))
    body = [
        ("heading", {"text": "Before you start", "level": "h2"}),
        ("heading", {"text": "Who can apply", "level": "h3"}),
        ("text", RichText("<p>Most repairs are <b>free</b> for tenants.</p>")),
        ("image", {"image": image, "alt_text": "Raised beds on the Kings Crescent estate",
                   "caption": "The new garden"}),
        ("document", {"document": document, "title": "", "description": "Draft, 12 pages"}),
        ("call_to_action", {"text": "Report a repair", "page": target, "url": ""}),
        ("call_to_action", {"text": "Housing Ombudsman", "page": None,
                            "url": "https://www.housing-ombudsman.org.uk/"}),
        ("details", {"summary": "Help with the form",
                     "content": RichText("<p>Call us and we will fill it in with you.</p>")}),
        ("accordion", {"sections": [
            {"heading": "Leaseholders", "content": RichText("<p>Service charges apply.</p>")},
            {"heading": "Tenants", "content": RichText("<p>No charge.</p>")},
        ]}),
        ("inset_text", RichText("<p>Emergency repairs are answered in 4 hours.</p>")),
        ("warning_text", "Do not touch exposed wires."),
    ]  # fmt: skip
    page = home_page.add_child(
        instance=StandardPage(
            title="Getting a repair done",
            slug="getting-a-repair-done",
            introduction="How to report a repair and what happens next.",
            body=body,
        )
    )
    page.save_revision().publish()
    return page


def test_standard_page_renders_every_shared_block(client, full_page, image):
    response = client.get(full_page.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert '<h1 class="govuk-heading-xl">Getting a repair done</h1>' in html
    assert "How to report a repair and what happens next." in html
    assert '<h2 class="govuk-heading-l">Before you start</h2>' in html
    assert '<h3 class="govuk-heading-m">Who can apply</h3>' in html
    assert "Most repairs are <b>free</b> for tenants." in html
    assert 'alt="Raised beds on the Kings Crescent estate"' in html
    assert "<figcaption" in html and "The new garden" in html
    # A document link without its own title shows the document's, isolated (its own language).
    assert "><bdi>Resident engagement strategy</bdi></a>" in html
    assert "Draft, 12 pages" in html
    assert 'href="/en/repairs/"' in html and "Report a repair" in html
    assert 'href="https://www.housing-ombudsman.org.uk/"' in html
    assert '<span class="govuk-details__summary-text">Help with the form</span>' in html
    assert html.count('class="govuk-details portal-accordion__section"') == 2
    assert '<div class="govuk-inset-text"><p>Emergency repairs are answered in 4 hours.</p>' in html
    assert 'class="govuk-warning-text"' in html
    assert '<span class="govuk-visually-hidden">Warning</span> Do not touch exposed wires.' in html
    # Breadcrumbs lead home.
    assert 'class="govuk-breadcrumbs__link" href="/en/">Home</a>' in html


def test_home_page_renders_introduction_and_body(client, home_page):
    home_page.introduction = "Have your say on housing."
    home_page.body = [("heading", {"text": "Latest", "level": "h2"})]
    home_page.save_revision().publish()
    html = client.get("/en/").content.decode()
    assert '<h1 class="govuk-heading-xl">Housing engagement</h1>' in html
    assert "Have your say on housing." in html
    assert '<h2 class="govuk-heading-l">Latest</h2>' in html


def test_an_image_without_alternative_text_is_refused(image):
    with pytest.raises(ValidationError) as error:
        ImageBlock().clean({"image": image, "alt_text": "  ", "caption": ""})
    assert "alt_text" in error.value.block_errors  # the error is shown beside the field


@pytest.mark.parametrize(
    ("page", "url"),
    [(True, "https://example.org/"), (False, "")],
    ids=["both", "neither"],
)
def test_a_call_to_action_needs_a_page_or_an_address_not_both(home_page, page, url):
    value = {"text": "Go", "page": home_page if page else None, "url": url}
    with pytest.raises(ValidationError) as error:
        CallToActionBlock().clean(value)
    assert "Choose a page or enter an address, not both." in str(error.value.block_errors["url"])


def test_a_body_with_a_bad_block_fails_validation_as_a_whole(image):
    stream = BodyStreamBlock()
    value = StreamValue(stream, [("image", {"image": image, "alt_text": "", "caption": ""})])
    with pytest.raises(ValidationError):
        stream.clean(value)
