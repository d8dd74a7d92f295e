"""The relevance test set (``bench.search.RELEVANCE``: 44 queries in English, Turkish, Urdu,
French and Polish) over the demo content: the pages each query must find are in its top 3."""

import pytest
from django.core.management import call_command

from bench.search import RELEVANCE, evaluate

pytestmark = pytest.mark.django_db

# Floors, not targets: ``python -m bench.search`` prints the figures and the queries that miss.
MIN_PRECISION_AT_3 = 0.6
MIN_MRR = 0.7


@pytest.fixture
def demo(db):
    call_command("load_demo_content", "--responses", "0", verbosity=0)


def test_the_relevance_set_finds_the_expected_pages_near_the_top(demo):
    result = evaluate()
    misses = [
        (language, query) for language, query, rank in result["ranks"] if not rank or rank > 3
    ]
    assert len(RELEVANCE) >= 40
    assert result["precision"] >= MIN_PRECISION_AT_3, misses
    assert result["mrr"] >= MIN_MRR, misses
