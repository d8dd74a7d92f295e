"""Exactly once: replayed, double-clicked and concurrent submissions store one response."""

import threading
import uuid

import pytest
from django.db import connection, connections

from consultations import services
from consultations.models import Response

from .test_journey import walk

# Why the concurrency tests run on PostgreSQL only (CI's database): they need row locks and
# one database shared by several threads' connections.
NEEDS_POSTGRESQL = (
    "threads racing to store responses need PostgreSQL row locks and a database shared by "
    "their connections; SQLite serialises every write. CI runs this on PostgreSQL."
)

VALID = {
    "tenant": "no",
    "how": "panel",
    "topics": ["panel"],
    "often": "monthly",
    "agree": "agree",
    "rating": 3,
    "priorities": ["panel", "online"],
    "matrix": {"repairs": "good", "cleaning": "ok"},
    "years": 4,
    "consent": True,
}


@pytest.mark.django_db
def test_replayed_final_post_returns_same_reference(client, consultation):
    check, token = walk(client, consultation)
    first = client.post(check.request["PATH_INFO"], {"token": token})
    again = client.post(check.request["PATH_INFO"], {"token": token})
    assert first["Location"] == again["Location"]
    assert Response.objects.count() == 1
    reference = Response.objects.get().reference
    assert reference in client.get(again["Location"]).content.decode()
    # Even replaying an earlier step's form after submitting finds the stored response.
    step = client.post(
        consultation.get_url() + "respond/section/about/", {"token": token, "q-tenant": "no"}
    )
    assert step["Location"].endswith("/respond/confirmation/")
    assert Response.objects.count() == 1


@pytest.mark.django_db
def test_service_replay_stores_nothing_new(consultation):
    token = uuid.uuid4()
    first = services.submit_response(
        consultation=consultation, token=token, answers=VALID, language="en"
    )
    second = services.submit_response(
        consultation=consultation, token=token, answers={**VALID, "years": 99}, language="ur"
    )
    assert first.created and not second.created
    assert second.response.reference == first.response.reference
    assert Response.objects.get().answers["years"] == 4


@pytest.mark.django_db
def test_invalid_answers_store_nothing(consultation):
    with pytest.raises(services.SurveyInvalid) as error:
        services.submit_response(
            consultation=consultation,
            token=uuid.uuid4(),
            answers={**VALID, "rating": 42, "years": "x"},
            language="en",
        )
    assert set(error.value.errors) == {"rating", "years"}
    assert not Response.objects.exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_submissions_of_one_form_store_one_response(consultation):
    if connection.vendor != "postgresql":
        pytest.skip(NEEDS_POSTGRESQL)
    token = uuid.uuid4()
    barrier = threading.Barrier(8)
    references, failures = [], []

    def submit():
        try:
            barrier.wait()
            result = services.submit_response(
                consultation=consultation, token=token, answers=VALID, language="en"
            )
            references.append(result.response.reference)
        except Exception as exc:  # noqa: BLE001 (reported below)
            failures.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=submit) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert len(set(references)) == 1 and len(references) == 8
    assert Response.objects.count() == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_different_forms_are_all_kept(consultation):
    if connection.vendor != "postgresql":
        pytest.skip(NEEDS_POSTGRESQL)
    barrier = threading.Barrier(10)
    failures = []

    def submit():
        try:
            barrier.wait()
            services.submit_response(
                consultation=consultation, token=uuid.uuid4(), answers=VALID, language="pl"
            )
        except Exception as exc:  # noqa: BLE001
            failures.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=submit) for _ in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert Response.objects.count() == 10
    assert Response.objects.values("snapshot").distinct().count() == 1
