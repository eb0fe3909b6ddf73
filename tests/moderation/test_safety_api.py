"""The library's contract with the web app: one check over title and body, outcomes, resources."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from moderation.safety import CRISIS_RESOURCES, Resource, SafetyCheck, check, redact_text, resources_for

ROOT = Path(__file__).resolve().parents[2]


def test_check_reads_title_and_body_once_each_and_says_what_it_found():
    result = check("Call me on 07700 900123", "I just took 40 pills. My son says he wants to die.")
    assert isinstance(result, SafetyCheck) and result.needs_attention and not result.redacted
    assert [f.kind for f in result.crisis] == ["emergency", "other"]
    assert result.outcome == "emergency"  # the most urgent wins
    assert result.crisis_phrases == ["I just took 40 pills.", "My son says he wants to die."]
    assert result.personal_labels == ["a phone number"]


def test_nothing_found_needs_no_attention():
    result = check("Knee replacement", "Physio twice a week, 500 mg paracetamol when needed.")
    assert not result.needs_attention and result.outcome is None and result.crisis_phrases == []
    assert check("", "").outcome is None


@pytest.mark.parametrize("texts, outcome", [
    (("I want to kill myself",), "self"),
    (("My daughter says she wants to die",), "other"),
    (("My daughter says she wants to die", "and I want to kill myself"), "self"),
    (("I swallowed everything in the cabinet",), "emergency"),
])
def test_the_outcome_is_the_most_urgent_finding(texts, outcome):
    assert check(*texts).outcome == outcome


def test_redact_text_uses_the_findings_it_is_given():
    title, body = "Ring 07700 900123", "or email ann.s@example.org"
    result = check(title, body)
    assert redact_text(title, result.personal) == "Ring [phone removed]"
    assert redact_text(body, result.personal) == "or email [email removed]"
    assert redact_text(body) == "or email [email removed]" and redact_text("") == ""


@pytest.mark.parametrize("outcome", ["self", "emergency", "other"])
def test_every_outcome_has_resources_with_tel_links(outcome):
    resources = resources_for(outcome)
    assert resources and all(isinstance(r, Resource) for r in resources)
    for resource in resources:
        assert resource.region and resource.label and resource.text
        assert (resource.number is None) == (resource.tel is None)
        if resource.tel:
            assert resource.tel.startswith("tel:") and resource.tel[4:].lstrip("+").isdigit()
    numbers = {r.number for r in resources}
    assert {"988", "116 123", "13 11 14"} <= numbers
    assert any(r.region == "Elsewhere" and "findahelpline.com" in r.text for r in resources)


def test_an_emergency_puts_the_emergency_numbers_and_poison_control_first():
    resources = resources_for("emergency")
    first = [r.number for r in resources[:6]]
    assert first[:2] == ["911", "1-800-222-1222"] and "999" in first and "000" in first
    assert resources[1].tel == "tel:+18002221222"
    assert resources_for("other")[0].label == "If they are in danger now"
    with pytest.raises(KeyError):
        resources_for("unknown")


def test_the_older_crisis_resources_pairs_stay_for_the_current_panel():
    assert all(len(pair) == 2 for pair in CRISIS_RESOURCES)
    text = " ".join(what for _, what in CRISIS_RESOURCES)
    assert "call or text 988" in text and "Samaritans free on 116 123" in text


def test_the_library_needs_neither_flask_nor_the_forum():
    code = ("import sys; import moderation.safety, moderation.crisis, moderation.personal_data; "
            "moderation.safety.check('I want to die', 'call 07700 900123'); "
            "bad = [m for m in sys.modules if m == 'flask' or m.startswith('forum')]; print(bad)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
