"""Static files: versioned URLs are cached for a year; a changed file gets a new URL."""
from __future__ import annotations

import os
import re


def _asset_urls(html: str) -> list[str]:
    return re.findall(r'(?:href|src)="(/static/[^"]+)"', html)


def test_pages_link_versioned_static_files_that_are_cached_for_a_year(client):
    urls = _asset_urls(client.get("/").get_data(as_text=True))
    assert any(u.startswith("/static/css/askwell.css?v=") for u in urls), urls
    for url in urls:
        with client.get(url) as response:
            assert response.status_code == 200, url
            assert response.cache_control.max_age == 365 * 24 * 3600, url
            assert response.cache_control.immutable and response.cache_control.public, url


def test_an_unversioned_or_stale_url_is_revalidated(client):
    for url in ("/static/css/askwell.css", "/static/css/askwell.css?v=0000000000"):
        with client.get(url) as response:
            assert response.status_code == 200
            assert response.cache_control.no_cache and not response.cache_control.max_age


def test_the_version_changes_within_a_second_of_the_file_changing(app, tmp_path, monkeypatch):
    from flask import url_for

    from forum import static_files

    clock = [1000.0]
    monkeypatch.setattr(static_files.time, "monotonic", lambda: clock[0])
    app.static_folder = str(tmp_path)
    (tmp_path / "site.css").write_text("body { color: black; }")
    with app.test_request_context():
        before = url_for("static", filename="site.css")
    (tmp_path / "site.css").write_text("body { color: navy; }")
    os.utime(tmp_path / "site.css", (1, 1))
    with app.test_request_context():
        assert url_for("static", filename="site.css") == before  # looked up at most once a second
    clock[0] += static_files.RECHECK_SECONDS
    with app.test_request_context():
        after = url_for("static", filename="site.css")
    assert before != after and before.startswith("/static/site.css?v=")
