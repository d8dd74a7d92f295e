import pytest

pytestmark = pytest.mark.django_db


def test_panel_pages_render(client, panel_section):
    for key in ("panel", "members_page", "index", "action_log", "past", "upcoming"):
        response = client.get(panel_section[key].url)
        assert response.status_code == 200, key
        print(key, response.content.decode()[-3000:])
