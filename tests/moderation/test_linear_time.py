"""Every safety check is linear in the length of the text, whatever the text holds.

Runs of spaces, digits and dots, repeated labels ("DOB DOB DOB", "MRN MRN"),
"born" followed by 100,000 spaces, "a.a.a..." and "a@a@a@..." made the old
patterns quadratic (25 CPU-seconds for one post). Each check gets each
100,000-character input and must finish well under a second of CPU time (CPU
time, so other work on the machine does not make the test flaky).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

from moderation.crisis import find_crisis
from moderation.crisis_guards import guarded
from moderation.crisis_lexicon import matches, worth_reading
from moderation.personal_data import find_personal_data
from moderation.pii_numbers import find_numbers
from moderation.pii_phones import find_phones
from moderation.pii_text import find_addresses, find_birth_dates, find_emails
from moderation.textnorm import normalise, units

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from safety import adversarial_inputs  # noqa: E402

CHECKS = {
    "find_crisis": find_crisis, "find_personal_data": find_personal_data, "find_phones": find_phones,
    "find_numbers": find_numbers, "find_emails": find_emails, "find_birth_dates": find_birth_dates,
    "find_addresses": find_addresses, "normalise": normalise, "units": units,
    "lexicon": lambda text: (matches(text), guarded(text), worth_reading(text)),
}
INPUTS = adversarial_inputs(100_000)
LIMIT = 0.8  # CPU seconds


@pytest.fixture(scope="module", autouse=True)
def trained_model():
    find_crisis("the model is trained before any timing starts")


@pytest.mark.parametrize("name", sorted(INPUTS))
@pytest.mark.parametrize("check", sorted(CHECKS))
def test_every_check_is_fast_on_every_hostile_input(check, name):
    text = INPUTS[name]
    assert len(text) == 100_000
    start = time.process_time()
    CHECKS[check](text)
    assert time.process_time() - start < LIMIT, f"{check} on {name}"


def test_a_20000_character_post_is_checked_in_well_under_a_tenth_of_a_second():
    paragraph = ("My rheumatologist changed my methotrexate to 20 mg weekly and my ALT was 45 last time. "
                 "Call the clinic on 0161 496 0000 if you want the leaflet. ")
    post = (paragraph * 200)[:19_950] + " I want to kill myself."
    for check in (find_crisis, find_personal_data):
        start = time.process_time()
        check(post)
        assert time.process_time() - start < 0.1
