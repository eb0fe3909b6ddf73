"""The API's protocol: problem+json errors, ETags and 304, CORS only when configured, the
OpenAPI document and the docs page (no CDN, linked from the footer)."""
import re

from tests.forum.apps import other_app


def test_errors_are_problem_json_with_a_clear_detail(api_as, community):
    ann = api_as("ann")
    for path, method, status in [("/api/v1/nothing-here", "get", 404), ("/api/v1/threads/99999999", "get", 404),
                                 ("/api/v1/threads/1", "post", 405), ("/api/v1/threads/abc", "get", 404)]:
        response = getattr(ann.client, method)(path, headers={"Authorization": f"Bearer {ann.token}"})
        assert response.status_code == status and response.mimetype == "application/problem+json", path
        body = response.json
        assert body["status"] == status and body["detail"] and body["instance"] == path and body["title"]
    assert "GET" in ann.client.post("/api/v1/threads/1", headers={"Authorization": f"Bearer {ann.token}"}).headers["Allow"]


def test_bad_query_values_list_the_fields(api_as, community):
    response = api_as("ann").get(f"/api/v1/threads/{community['thread']}?page=0&sort=loudest")
    assert response.status_code == 422
    assert {(e["location"], e["field"]) for e in response.json["errors"]} == {("query", "page"), ("query", "sort")}


def test_nul_bytes_huge_strings_and_unicode_digits_are_not_500s(api_as, community):
    ann = api_as("ann")
    for path in ["/api/v1/search?q=%00", "/api/v1/search?q=" + "a" * 5000, "/api/v1/threads/%D9%A3",
                 "/api/v1/groups/%00/threads", "/api/v1/users/" + "x" * 300, "/api/v1/articles?after=%00"]:
        assert ann.get(path).status_code < 500, path
    assert ann.post(f"/api/v1/threads/{community['thread']}/posts", json={"body": "\x00\x00"}).status_code == 422


def test_reads_carry_an_etag_and_answer_304_when_unchanged(api_as, community, reply_as):
    ann = api_as("ann")
    first = ann.get(f"/api/v1/threads/{community['thread']}")
    tag = first.headers["ETag"]
    assert first.headers["Vary"] == "Authorization" and "private" in first.headers["Cache-Control"]
    again = ann.get(f"/api/v1/threads/{community['thread']}", headers={"If-None-Match": tag})
    assert again.status_code == 304 and again.data == b"" and again.headers["ETag"] == tag
    reply_as("bob", community["thread"], "Something new")
    assert ann.get(f"/api/v1/threads/{community['thread']}", headers={"If-None-Match": tag}).status_code == 200


def test_cors_is_off_unless_origins_are_configured(app_config, api_as, community, make_token):
    ann = api_as("ann")
    response = ann.get("/api/v1/me", headers={"Origin": "https://app.example.org"})
    assert "Access-Control-Allow-Origin" not in response.headers
    with other_app({**app_config, "API_CORS_ORIGINS": ["https://app.example.org"]}) as configured:
        client = configured.test_client()
        preflight = client.options("/api/v1/me", headers={"Origin": "https://app.example.org",
                                                          "Access-Control-Request-Method": "GET",
                                                          "Access-Control-Request-Headers": "Authorization"})
        assert preflight.status_code == 200
        assert preflight.headers["Access-Control-Allow-Origin"] == "https://app.example.org"
        assert "Access-Control-Allow-Credentials" not in preflight.headers
        allowed = client.get("/api/v1/me", headers={"Origin": "https://app.example.org",
                                                    "Authorization": f"Bearer {ann.token}"})
        assert allowed.json["username"] == "ann" and "ETag" in allowed.headers["Access-Control-Expose-Headers"]
        other = client.get("/api/v1/me", headers={"Origin": "https://evil.example", "Authorization": f"Bearer {ann.token}"})
        assert "Access-Control-Allow-Origin" not in other.headers


def test_the_openapi_document_and_the_docs_page(client):
    spec = client.get("/api/v1/openapi.json")
    assert spec.status_code == 200 and spec.json["openapi"].startswith("3.1")
    assert spec.json["components"]["securitySchemes"]["token"]["scheme"] == "bearer"
    assert "/api/v1/threads/{thread_id}" in spec.json["paths"]
    docs = client.get("/api/v1/docs")
    html = docs.get_data(as_text=True)
    assert docs.status_code == 200 and "GET /api/v1/threads/{thread_id}" in html and 'id="schema-Post"' in html
    assert not re.search(r'<(script|link)[^>]+(src|href)="(https?:)?//', html), "nothing loads from another site"
    assert 'href="/api/v1/docs"' in client.get("/").get_data(as_text=True), "linked from the footer"
