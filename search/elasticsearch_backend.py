"""Wagtail's Elasticsearch 8 backend, carrying the site search's analysers in its index settings.

The base settings name this module as the search backend when ``ELASTICSEARCH_URL`` is set, by
its dotted path, so the settings import nothing from the apps. ``INDEX_SETTINGS`` in the
backend's configuration still applies, over ours, for a deployment that needs to tune them
(shards and replicas, for instance).
"""

import copy

from modelsearch.utils import deep_update
from wagtail.search.backends.elasticsearch8 import Elasticsearch8SearchBackend

from search.elasticsearch import INDEX_SETTINGS


class PortalElasticsearchBackend(Elasticsearch8SearchBackend):
    def __init__(self, params):
        configured = params.get("INDEX_SETTINGS", {})
        super().__init__({**params, "INDEX_SETTINGS": copy.deepcopy(INDEX_SETTINGS)})
        self.settings = deep_update(self.settings, copy.deepcopy(configured))


SearchBackend = PortalElasticsearchBackend
