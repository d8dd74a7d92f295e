import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.django_db, pytest.mark.smoke]


def test_demo_content_loads_and_home_page_serves_in_every_language(client, settings):
    call_command("load_demo_content", "--responses", "5", verbosity=0)
    for code, _name in settings.LANGUAGES:
        response = client.get(f"/{code}/")
        assert response.status_code == 200, code
        html = response.content.decode()
        rtl = code in {"ur", "yi"}
        assert f'lang="{code}" dir="{"rtl" if rtl else "ltr"}"' in html
