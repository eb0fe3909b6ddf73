"""What the author should see before publishing: crisis resources, personal data.

``check(title, body)`` runs both checks once over the texts and is read-only;
the posting forms call it and, when it finds something, show a panel with the
choices instead of publishing. ``redact_text`` takes the findings already made,
so "Remove these details" does not run the check again. Nothing is changed
without the author pressing a button.

``SafetyCheck.outcome`` says which crisis response fits (``emergency`` first,
then ``self``, then ``other``); ``response_for(outcome)`` gives what to show
for it and ``resources_for(outcome)`` the lines to call, with ``tel:`` links. ``CRISIS_RESOURCES`` keeps the older
(where, what) pairs for the page that still shows them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from moderation.crisis import CrisisFinding, find_crisis
from moderation.personal_data import Finding, find_personal_data, redact
from moderation.resources import RESOURCES, Resource, Response, resources_for, response_for

__all__ = ["CRISIS_RESOURCES", "RESOURCES", "Resource", "Response", "SafetyCheck", "check", "redact_text",
           "resources_for", "response_for"]

OUTCOMES = ("emergency", "self", "other")  # most urgent first

CRISIS_RESOURCES = (
    (
        "If you are in danger now",
        "call your local emergency number (911 in the US and Canada, "
        "999 or 112 in the UK and Ireland, 112 in the EU, 000 in Australia).",
    ),
    ("US", "call or text 988 (Suicide & Crisis Lifeline), any time."),
    ("UK and Ireland", "call Samaritans free on 116 123, any time, or text SHOUT to 85258."),
    ("Elsewhere", "find a helpline near you at findahelpline.com."),
)


@dataclass
class SafetyCheck:
    crisis: list[CrisisFinding] = field(default_factory=list)
    personal: list[Finding] = field(default_factory=list)
    redacted: bool = False

    @property
    def needs_attention(self) -> bool:
        return bool(self.crisis or self.personal)

    @property
    def outcome(self) -> str | None:
        """The most urgent crisis outcome found: "emergency", "self", "other", or None."""
        kinds = {finding.kind for finding in self.crisis}
        return next((kind for kind in OUTCOMES if kind in kinds), None)

    @property
    def personal_labels(self) -> list[str]:
        return sorted({f.label for f in self.personal})

    @property
    def crisis_phrases(self) -> list[str]:
        """The sentences that raised the crisis check, for the moderators' note."""
        return [finding.text for finding in self.crisis]


def check(*texts: str) -> SafetyCheck:
    """Crisis and personal-data findings in ``texts`` (e.g. a title and a body), each text read once."""
    result = SafetyCheck()
    for text in texts:
        if text:
            result.crisis += find_crisis(text)
            result.personal += find_personal_data(text)
    return result


def redact_text(text: str, findings: list[Finding] | None = None) -> str:
    """``text`` with personal data replaced by markers; ``findings`` from an earlier check are reused."""
    return redact(text, findings) if text else text
