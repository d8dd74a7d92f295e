"""The search index: one row per page (and per document, in each language that links to it).

Apps never write here. ``search.indexing`` fills the rows from each page's Wagtail
``search_fields`` when a page is published, and from ``DocumentText`` when a document's text has
been extracted. Who may see a row is decided when searching, from the page that holds it
(``search.selectors``), never from what was true when the row was written.

With Elasticsearch configured, each row is also a document there (``search.elasticsearch``).
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page
from wagtail.search import index

from search import elasticsearch


class Kind(models.TextChoices):
    """What a result is, as a resident would call it (the label shown next to each result)."""

    PAGE = "page", _("Page")
    UPDATE = "update", _("Update")
    CONSULTATION = "consultation", _("Consultation")
    EVENT = "event", _("Event")
    MEETING = "meeting", _("Panel meeting")
    COMMITMENT = "commitment", _("Commitment")
    DOCUMENT = "document", _("Document")


@elasticsearch.with_text_in_each_language
class SearchEntry(index.Indexed, models.Model):
    """A searchable page or document in one language."""

    # The page itself, or for a document the page that holds it in this language.
    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="+")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    locale = models.ForeignKey(Locale, on_delete=models.CASCADE, related_name="+")
    # Rows for the same content in different languages share a group: a page's translation key,
    # or the document. A default-language row is shown in another language only when its group
    # has no row in that language.
    group = models.CharField(max_length=80, db_index=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    title = models.TextField()
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    # Lower-cased, accent-free copy of title, summary and body: what SQLite matches against.
    folded = models.TextField(blank=True)
    date = models.DateField(null=True, blank=True)
    # The last day a consultation is open or an event or meeting takes place: until then it ranks
    # above past ones of equal relevance.
    current_until = models.DateField(null=True, blank=True)
    # Filled on PostgreSQL only, with the text search configuration of the row's language.
    vector = SearchVectorField(null=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        constraints = [
            models.UniqueConstraint(
                fields=["page"], condition=models.Q(document=None), name="search_entry_one_per_page"
            ),
            models.UniqueConstraint(
                fields=["document", "locale"], name="search_entry_one_per_document_language"
            ),
        ]
        indexes = [models.Index(fields=["locale", "kind"])]

    # For Elasticsearch only: this table is the database engines' index. ``search.indexing``
    # writes the documents after commit, so Wagtail's save signals stay off (see
    # ``search.elasticsearch`` for the whole arrangement).
    search_fields = elasticsearch.entry_search_fields()
    search_auto_update = False

    def __str__(self):
        return self.title

    @classmethod
    def get_indexed_objects(cls):
        """Every entry for Elasticsearch; none for Wagtail's database backend, which would only
        copy this table into its own."""
        if not elasticsearch.enabled():
            return cls.objects.none()
        return cls.objects.select_related("locale")


class SearchFacet(models.Model):
    """A filterable value of an entry: its topics and estates."""

    class Name(models.TextChoices):
        TOPIC = "topic", _("Topic")
        ESTATE = "estate", _("Estate")

    entry = models.ForeignKey(SearchEntry, on_delete=models.CASCADE, related_name="facets")
    name = models.CharField(max_length=20, choices=Name.choices)
    value = models.CharField(max_length=100)
    # Topics: the English label, translated when shown; estates: the estate's name.
    label = models.CharField(max_length=200)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["entry", "name", "value"], name="search_facet_once")
        ]
        indexes = [models.Index(fields=["name", "value"])]

    def __str__(self):
        return f"{self.name}: {self.label}"


class SearchTerm(models.Model):
    """A word that occurs in the index in a language: what "did you mean" suggests from."""

    locale = models.ForeignKey(Locale, on_delete=models.CASCADE, related_name="+")
    word = models.CharField(max_length=60)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["locale", "word"], name="search_term_once")]

    def __str__(self):
        return self.word


class DocumentText(models.Model):
    """The text extracted from a document's file, and how extraction went."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to be read")
        EXTRACTED = "extracted", _("Text extracted")
        UNREADABLE = "unreadable", _("Could not be read (indexed by title)")
        UNSUPPORTED = "unsupported", _("Format not read (indexed by title)")

    document = models.OneToOneField(
        "wagtaildocs.Document", on_delete=models.CASCADE, related_name="search_text"
    )
    text = models.TextField(blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    # The file the text came from: a replaced file is read again.
    file_name = models.CharField(max_length=255, blank=True)
    extracted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("document text")
        verbose_name_plural = _("document texts")

    def __str__(self):
        return str(self.document)


class Synonym(models.Model):
    """Words that mean the same to residents, in one language: any one finds them all."""

    locale = models.ForeignKey(
        Locale, on_delete=models.CASCADE, related_name="+", verbose_name=_("language")
    )
    terms = models.CharField(
        _("words that mean the same"),
        max_length=500,
        help_text=_(
            "Separate them with commas, for example: mould, mold. A term can be several words, "
            "for example: ASB, antisocial behaviour."
        ),
    )

    class Meta:
        verbose_name = _("search synonym")
        verbose_name_plural = _("search synonyms")
        ordering = ["locale", "terms"]

    def __str__(self):
        return self.terms

    def term_list(self) -> list[str]:
        return [term.strip() for term in self.terms.split(",") if term.strip()]


class ZeroResultQuery(models.Model):
    """A query that found nothing, counted per language and day, so editors can fill the gap.

    Holds no personal data: only the words searched for (lower case, as matched), never who
    searched, from where, or when beyond the day. Rows not seen for ``KEEP_DAYS`` are deleted.
    """

    KEEP_DAYS = 90

    locale = models.ForeignKey(
        Locale, on_delete=models.CASCADE, related_name="+", verbose_name=_("language")
    )
    query = models.CharField(_("search"), max_length=200)
    count = models.PositiveIntegerField(_("times searched"), default=0)
    last_searched_on = models.DateField(_("last searched on"))

    class Meta:
        verbose_name = _("search with no results")
        verbose_name_plural = _("searches with no results")
        constraints = [
            models.UniqueConstraint(fields=["locale", "query"], name="zero_result_query_once")
        ]

    def __str__(self):
        return self.query
