"""Exactly once: replayed, double-clicked and concurrent submissions store one response."""

import threading
import uuid

import pytest
from django.db import IntegrityError, connection, connections

from consultations import services
from consultations.models import Response, SurveySnapshot

from .test_analysis import answers
from .test_journey import walk

# Why the concurrency tests run on PostgreSQL only (CI runs the suite on both databases).
NEEDS_POSTGRESQL = (
    "the race needs several connections inserting at the same moment, the second waiting on "
    "the first's unique token; Django's SQLite test database is one shared-cache in-memory "
    "database whose table locks refuse a second writer at once ('database table is locked') "
    "instead. The unique token that makes submitting exactly-once holds on SQLite too (the "
    "replay tests above run there)."
)


class InsertRace:
    """Hold every thread at its INSERT into ``model``'s table until all have reached it; count.

    Installed with ``connection.execute_wrapper`` in each thread (Django's own hook, around the
    real SQL), so every thread has passed the service's "already stored?" check before any row
    exists: the race is certain, not a matter of timing.
    """

    def __init__(self, parties: int, model=Response):
        self.barrier = threading.Barrier(parties, timeout=30)
        self.lock = threading.Lock()
        self.attempts = 0
        self.refused = 0
        self.table = f'"{model._meta.db_table}"'

    def __call__(self, execute, sql, params, many, context):
        if not (sql.lstrip().upper().startswith("INSERT") and self.table in sql):
            return execute(sql, params, many, context)
        with self.lock:
            self.attempts += 1
        self.barrier.wait()
        try:
            return execute(sql, params, many, context)
        except IntegrityError:
            with self.lock:
                self.refused += 1
            raise


def race(threads: int, submit, model=Response) -> tuple[InsertRace, list[Exception]]:
    """Run ``submit()`` in ``threads`` threads that all reach the INSERT into ``model`` together."""
    insert_race, failures = InsertRace(threads, model), []

    def run():
        try:
            with connection.execute_wrapper(insert_race):
                submit()
        except Exception as exc:  # noqa: BLE001 (reported by the caller)
            failures.append(exc)
        finally:
            connections.close_all()

    workers = [threading.Thread(target=run) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return insert_race, failures


# Valid answers to the full survey (conftest.full_survey), with a few choices of their own.
VALID = answers(how="panel", topics=["panel"], rating=3, years=4)


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
    services.snapshot_survey(consultation=consultation)  # the race is over the response only
    token = uuid.uuid4()
    references = []

    def submit():
        result = services.submit_response(
            consultation=consultation, token=token, answers=VALID, language="en"
        )
        references.append(result.response.reference)

    insert_race, failures = race(8, submit)
    assert failures == []
    # All eight tried to store it at once; the unique token refused seven, which then found
    # and returned the one stored.
    assert (insert_race.attempts, insert_race.refused) == (8, 7)
    assert len(references) == 8 and len(set(references)) == 1
    assert Response.objects.count() == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_different_forms_are_all_kept(consultation):
    if connection.vendor != "postgresql":
        pytest.skip(NEEDS_POSTGRESQL)
    services.snapshot_survey(consultation=consultation)

    def submit():
        services.submit_response(
            consultation=consultation, token=uuid.uuid4(), answers=VALID, language="pl"
        )

    insert_race, failures = race(10, submit)
    assert failures == []
    assert (insert_race.attempts, insert_race.refused) == (10, 0)  # all at once, none refused
    assert Response.objects.count() == 10
    assert Response.objects.values("snapshot").distinct().count() == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_first_responses_share_one_survey_snapshot(consultation):
    if connection.vendor != "postgresql":
        pytest.skip(NEEDS_POSTGRESQL)
    # Publishing stored a snapshot; without it the first responses must store one themselves.
    SurveySnapshot.objects.filter(consultation=consultation).delete()

    def submit():
        services.submit_response(
            consultation=consultation, token=uuid.uuid4(), answers=VALID, language="en"
        )

    insert_race, failures = race(6, submit, model=SurveySnapshot)
    assert failures == []
    # All six tried to store the survey's first snapshot at once; five were refused by its
    # unique version and used the one stored.
    assert (insert_race.attempts, insert_race.refused) == (6, 5)
    assert SurveySnapshot.objects.count() == 1 and Response.objects.count() == 6
