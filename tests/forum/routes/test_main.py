"""Home page, health check and the text-size control."""
def test_home_shows_popular_groups_and_recent_questions(client, make_user, make_group, make_thread):
    make_user("ann")
    slug = make_group("Asthma & COPD")
    make_thread("ann", slug, title="Which inhaler spacer do you use?")
    page = client.get("/").get_data(as_text=True)
    assert "Asthma &amp; COPD" in page and "Which inhaler spacer do you use?" in page
    assert "Community content is not medical advice; in an emergency call your local number" in page


def test_pages_have_landmarks_skip_link_and_labels(client):
    page = client.get("/register").get_data(as_text=True)
    for marker in ('<a class="skip-link" href="#main">', '<main id="main"', "<header", "<footer",
                   '<nav class="main-nav" aria-label="Main">', 'lang="en"'):
        assert marker in page
    import re
    inputs = re.findall(r'<input[^>]*id="([^"]+)"[^>]*>', page)
    visible = [i for i in inputs if i not in ("csrf_token",)]
    for input_id in visible:
        assert f'for="{input_id}"' in page, input_id


def test_healthz_reports_database_status(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json["status"] == "ok" and response.json["database"] == "ok"


def test_healthz_reports_a_broken_database(app_config, tmp_path):
    from forum import create_app

    app = create_app({**app_config, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/missing/dir/x.db"})
    response = app.test_client().get("/healthz")
    assert response.status_code == 503 and response.json["database"] == "unavailable"


def test_font_size_is_remembered_across_pages_without_javascript(client):
    response = client.post("/preferences/font-size", data={"size": "x-large", "next": "/groups"})
    assert response.status_code == 302 and response.headers["Location"] == "/groups"
    assert 'data-font-size="x-large"' in client.get("/groups").get_data(as_text=True)
    assert 'data-font-size="x-large"' in client.get("/").get_data(as_text=True)
    page = client.get("/").get_data(as_text=True)
    assert page.count('name="size"') == 8  # the wide header's control and the phone menu's
    assert 'value="x-large"\n' in page or 'value="x-large" class' in page


def test_font_size_ignores_unknown_values_and_foreign_redirects(client):
    response = client.post("/preferences/font-size", data={"size": "gigantic", "next": "https://evil.example"})
    assert response.headers["Location"] == "/"
    assert 'data-font-size="medium"' in client.get("/").get_data(as_text=True)
