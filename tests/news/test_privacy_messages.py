"""A message naming a resident ("Your reply has been cancelled, Ayşe.") never goes in a cookie."""

import pytest

from .test_rsvp import event, post  # noqa: F401 (event is the fixture the test asks for)


@pytest.mark.django_db
def test_a_cancelled_reply_names_the_resident_on_the_page_but_in_no_cookie(client, event):  # noqa: F811
    post(client, event, name="Ayşe Quintrell")
    cancelled = client.post(f"{event.url}rsvp/cancel/")
    assert "messages" not in cancelled.cookies and "messages" not in client.cookies
    assert all("Quintrell" not in morsel.value for morsel in client.cookies.values())
    assert (
        "Your reply has been cancelled, Ayşe Quintrell." in client.get(event.url).content.decode()
    )
