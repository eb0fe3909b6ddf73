"""Import lines that once crashed with a raw traceback: each gets its own line number and a plain
message, ``--check`` calls the file invalid, and nothing is written."""
from __future__ import annotations

import pytest

from tests.forum.test_import import GOOD, app, counts, run_import, write  # noqa: F401 (fixture)

BAD = [
    ('{"type": "user", "id": "u9", "username": "big", "email": "b@example.org", "created_at": "2024-03-01T00:00:00Z",'
     ' "role": "member", "views": ' + "9" * 4400 + "}", "number is too long"),
    ("[" * 200_000 + "]" * 200_000, "nested more than"),
    ('{"type": "user", "id": "u9", "username": "edge", "email": "e@example.org", '
     '"created_at": "9999-12-31T23:00:00-05:00", "role": "member"}', "outside the calendar"),
    ('{"type": "user", "id": "u9", "username": "nul", "email": "n@example.org", '
     '"created_at": "2024-03-01T00:00:00Z", "role": "member", "display_name": "a\\u0000b"}', "NUL"),
    ('{"type": "post", "id": "p9", "thread": "t1", "author": "u1", "body": "lone \\ud800 half", '
     '"created_at": "2024-03-09T00:00:00Z"}', "surrogate"),
]


@pytest.mark.parametrize("line, message", BAD, ids=["4400 digits", "deep brackets", "calendar edge", "NUL",
                                                    "lone surrogate"])
@pytest.mark.parametrize("check_only", [True, False])
def test_a_bad_line_is_named_with_its_line_number_and_nothing_is_written(app, tmp_path, line, message,  # noqa: F811
                                                                         check_only):
    records = GOOD[:6] + [line] + GOOD[6:]
    path = write(tmp_path, records)
    result = run_import(app, path, "--workers", "0", *(["--check"] if check_only else []))
    assert result.exit_code != 0, result.output
    assert "Traceback" not in result.output
    assert "line 7" in result.output and message in result.output, result.output
    assert counts(app) == (0, 0, 0, 0)
