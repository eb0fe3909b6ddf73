"""A property-based run of the OpenAPI document against the real app (schemathesis, through
its WSGI support): for every operation, generated requests, valid and invalid ones, sent
with a site administrator's read+write token on the access-walk community (a private group
with a canary, an article, a comment, a flagged post). Every answer must be no server
error, a documented status, a documented content type, and a body and headers that match
the document. Examples are bounded (``EXAMPLES`` per operation and mode) so the whole run
takes well under a minute; path parameters are also drawn from the community's real ids,
slugs and usernames so the happy paths are exercised, not only 404s.

(Schemathesis's pytest plugin needs a pytest older than this project's, so the run drives
its Hypothesis strategies directly: the same generation and the same checks.)
"""
from __future__ import annotations

import gc
import re

import hypothesis
import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.core.result import Ok
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.forum.routes.route_walk import build_walk_community

EXAMPLES = 6
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance,
          response_headers_conformance]
SETTINGS = hypothesis.settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=True,
                               phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck))


def _strategy(operation, known: dict):
    names = re.findall(r"{(\w+)}", operation.path)
    real = {name: known[name] for name in names if name in known}
    strategies = [operation.as_strategy(GenerationMode.POSITIVE),
                  operation.as_strategy(GenerationMode.NEGATIVE)]
    if real:
        strategies.append(operation.as_strategy(GenerationMode.POSITIVE, path_parameters=real))
    return st.one_of(strategies)


# Whoosh can leave a merged-away segment file for the garbage collector after hundreds of index
# writes; the files are collected (and their warnings with them) at the end of this test.
@pytest.mark.filterwarnings("ignore::ResourceWarning", "ignore::pytest.PytestUnraisableExceptionWarning")
def test_every_operation_answers_as_documented(app, make_user, make_group, add_member, make_thread, make_token):
    community = build_walk_community(app, make_user, make_group, add_member, make_thread)
    known = {**community.public, "username": "ann"}
    headers = {"Authorization": f"Bearer {make_token('root', 'write')}"}
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations() if isinstance(result, Ok)]
    assert len(operations) >= 30
    failures = []
    client = app.test_client()  # closes each response, as a server does (so the request's jobs have run)
    for operation in operations:
        @SETTINGS
        @given(case=_strategy(operation, known))
        def run(case):
            response = case.call(headers=headers, session=client)
            case.validate_response(response, checks=CHECKS, headers=headers)

        try:
            run()
        except Exception as error:  # noqa: BLE001 - every operation's failure is reported together
            failures.append(f"{operation.method.upper()} {operation.path}: {error}")
    gc.collect()
    assert not failures, "\n\n".join(failures)
