"""Language facts Django lacks, merged into ``django.conf.locale.LANG_INFO`` by the settings.

Yiddish is written right to left in Hebrew script; Django ships no locale data for it, so its
name, its name in Yiddish and its direction are declared here.
"""

EXTRA_LANG_INFO = {
    "yi": {
        "bidi": True,
        "code": "yi",
        "name": "Yiddish",
        "name_local": "ייִדיש",
    },
}
