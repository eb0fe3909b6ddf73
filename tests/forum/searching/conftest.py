"""The app's search glue runs against every backend, like the library's contract tests."""
from tests.search.conftest import app_config, backend_name, post, search  # noqa: F401
