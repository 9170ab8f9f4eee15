"""Property-based test of the API from its own OpenAPI schema (schemathesis): whatever the parameters,
no server error, and every answer is what the schema says (status codes, content types, bodies)."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
schemathesis = pytest.importorskip("schemathesis")

from hypothesis import HealthCheck, settings  # noqa: E402
from schemathesis.checks import (  # noqa: E402
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from tipkb.web import create_app  # noqa: E402
from web_fixtures import build_store  # noqa: E402

# Built at import: schemathesis makes one test per operation when the module is collected.
_folder = tempfile.TemporaryDirectory(prefix="tipkb-schema-")
_app = create_app(build_store(Path(_folder.name) / "kb.db"))
schema = schemathesis.openapi.from_asgi("/openapi.json", _app)
# Valid and invalid parameters both: a malformed request must be a 4xx, never a 5xx.
schema.config.generation.update(modes=list(schemathesis.GenerationMode))


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_api_from_its_schema(case: Any) -> None:
    case.call_and_validate(
        checks=[
            not_a_server_error,
            status_code_conformance,
            content_type_conformance,
            response_schema_conformance,
        ]
    )


def test_schema_covers_the_api() -> None:
    paths = set(schema.raw_schema["paths"])
    assert {"/api/flows", "/api/countries/{country}", "/api/search", "/api/documents/{doc_id}"} <= paths
