"""What the API and the pages show, computed once, one module per page or view (the datasette
pattern): each view calls ``tipkb.query`` and returns plain dicts (with links to documents and
sentences); ``api`` renders them as JSON, ``pages`` as HTML. The package re-exports every view.

- ``common``: page sizes, a page of a list, ``NotFound``; ``places``: the region tree, place pages,
  codes of typed places; ``documents``: documents, their facts and sentences, evidence links;
- one module per view: ``search``, ``facts``, ``flows``, ``country``, ``tiers``, ``statistics``,
  ``network``, ``changes``, ``ask``."""

from tipkb.web.views.apidocs import EXAMPLES, api_endpoints
from tipkb.web.views.ask import CONTROL, ask_view
from tipkb.web.views.changes import changes_view
from tipkb.web.views.common import (
    CHART_METRICS,
    CHOICES,
    DEFAULT_LIMIT,
    DOC_ID,
    DOC_ID_PATTERN,
    MAX_LIMIT,
    NotFound,
    clean,
    page,
    url_with,
    whole_page,
)
from tipkb.web.views.country import (
    conflict_list,
    conflict_rows,
    country_list,
    country_rows,
    profile_view,
    tier_years,
)
from tipkb.web.views.documents import (
    DocInfo,
    DocumentFacts,
    covered_countries,
    document_facts,
    document_ids,
    document_info,
    document_list,
    document_pages,
    document_sentences,
    document_view,
    evidence_links,
    fact_dicts,
    highlight,
    linked,
    linked_page,
)
from tipkb.web.views.export import MEDIA, Download, export_download
from tipkb.web.views.facts import facts_view
from tipkb.web.views.flows import FlowFilters, flow_page_rows, with_sentences
from tipkb.web.views.network import network_svg_view, network_view
from tipkb.web.views.places import (
    Position,
    country_code,
    in_region,
    place_link,
    positions,
    region_groups,
    regions,
    year_range,
)
from tipkb.web.views.search import search_view
from tipkb.web.views.statistics import chart_links, chart_series, country_statistics, statistic_rows
from tipkb.web.views.tiers import BROAD_COVERAGE, opening_year, tier_map, tier_rows, world_view

__all__ = [
    "MEDIA",
    "Download",
    "export_download",
    "EXAMPLES",
    "api_endpoints",
    "tier_years",
    "with_sentences",
    "flow_page_rows",
    "world_view",
    "country_list",
    "conflict_list",
    "statistic_rows",
    "tier_rows",
    "linked_page",
    "clean",
    "whole_page",
    "MAX_LIMIT",
    "DEFAULT_LIMIT",
    "DOC_ID",
    "DOC_ID_PATTERN",
    "CHART_METRICS",
    "NotFound",
    "url_with",
    "page",
    "CHOICES",
    "region_groups",
    "regions",
    "in_region",
    "Position",
    "positions",
    "place_link",
    "country_code",
    "year_range",
    "DocInfo",
    "document_info",
    "document_list",
    "document_ids",
    "evidence_links",
    "linked",
    "fact_dicts",
    "DocumentFacts",
    "document_facts",
    "document_view",
    "covered_countries",
    "highlight",
    "document_sentences",
    "document_pages",
    "search_view",
    "facts_view",
    "FlowFilters",
    "country_rows",
    "profile_view",
    "conflict_rows",
    "tier_map",
    "BROAD_COVERAGE",
    "opening_year",
    "chart_links",
    "country_statistics",
    "chart_series",
    "network_view",
    "network_svg_view",
    "changes_view",
    "CONTROL",
    "ask_view",
]
