"""The OpenAPI schema generates without warnings or errors and documents what the API really does."""
from io import StringIO

import pytest
import yaml
from django.core.management import call_command


def _generate(*flags) -> dict:
    out = StringIO()
    call_command("spectacular", "--validate", *flags, stdout=out)
    return yaml.safe_load(out.getvalue())


@pytest.fixture(scope="module")
def schema() -> dict:
    return _generate()


def _parameters(schema, path, method="get") -> set[str]:
    return {p["name"] for p in schema["paths"][path][method].get("parameters", [])}


def test_schema_generates_without_warnings():
    assert _generate("--fail-on-warn")["openapi"].startswith("3.")


def test_schema_lists_every_claim_filter(schema):
    assert {"q", "status", "source", "source_kind", "stance", "voice", "document", "outlet", "published_after",
            "published_before", "ordering", "page_size"} <= _parameters(schema, "/api/claims/")


def test_schema_documents_as_of(schema):
    assert "as_of" in _parameters(schema, "/api/claims/{id}/")


def test_schema_documents_export_formats_and_content_types(schema):
    operation = schema["paths"]["/api/claims/export/"]["get"]
    assert set(operation["responses"]["200"]["content"]) == {"text/csv", "application/x-ndjson",
                                                             "application/ld+json"}
    assert {"format", "q", "status"} <= _parameters(schema, "/api/claims/export/")


def test_schema_describes_errors_with_the_error_component(schema):
    response = schema["paths"]["/api/sources/"]["post"]["responses"]["409"]
    assert response["content"]["application/json"]["schema"]["$ref"] == "#/components/schemas/Error"


@pytest.mark.parametrize("url", ["/api/schema/", "/api/docs/"])
def test_anonymous_visitors_cannot_read_the_schema(api, db, url):
    assert api(None).get(url).status_code in (401, 403)


@pytest.mark.parametrize("url", ["/api/schema/", "/api/docs/"])
def test_users_without_a_role_cannot_read_the_schema(api, outsider, url):
    assert api(outsider).get(url).status_code == 403


@pytest.mark.parametrize("url", ["/api/schema/", "/api/docs/"])
def test_viewer_reads_the_schema(api, viewer, url):
    assert api(viewer).get(url).status_code == 200


def test_swagger_ui_loads_its_files_from_our_own_static_files(viewer):
    from django.test import Client

    client = Client()
    client.force_login(viewer)
    page = client.get("/api/docs/").content.decode()
    assert "cdn" not in page.lower() and "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui.css" in page
    assert "<script>" not in page.replace(" ", "")  # the split view serves its script from a URL: CSP holds
    script = client.get("/api/docs/?script=")
    assert script.status_code == 200 and "SwaggerUIBundle" in script.content.decode()


@pytest.mark.parametrize("path", ["/api/no-such-thing/", "/api/claims/1/nonsense/", "/api/"])
def test_unknown_api_routes_answer_in_the_error_shape(api, viewer, path):
    response = api(viewer).get(path)
    assert response.status_code == 404 and response["Content-Type"] == "application/json"
    assert set(response.json()["error"]) == {"code", "message", "fields"}
    assert response.json()["error"]["code"] == "not_found"
