"""Is the database there? Used by ``/healthz`` and to tell an outage (503) from a bug (500)."""

import logging

from django.db import DEFAULT_DB_ALIAS, InterfaceError, OperationalError, connections

logger = logging.getLogger(__name__)

#: What Django raises when it cannot reach the database or loses the connection mid-request.
DATABASE_CONNECTION_ERRORS = (OperationalError, InterfaceError)


def database_is_reachable(alias: str = DEFAULT_DB_ALIAS) -> bool:
    """True if the database answers ``SELECT 1`` now, reconnecting if the connection broke.

    A connection left broken by an outage is closed first (outside a transaction), so the
    probe tries a fresh one instead of reporting the stale failure for the rest of its life.
    """
    connection = connections[alias]
    if not connection.in_atomic_block:
        connection.close_if_unusable_or_obsolete()
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DATABASE_CONNECTION_ERRORS as error:
        logger.warning("Database %s unreachable: %s", alias, error)
        return False
    return True
