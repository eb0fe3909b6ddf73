"""Who to call, for each crisis outcome: the one data module the panel, the post and the API read.

``response_for(outcome)`` gives what the author sees for "self" (risk to the
writer), "emergency" (an overdose taken, an injury: harm done or happening
now) and "other" (someone else at risk): a heading, a sentence, and sections
of resources in the order to show them. For an emergency the emergency
numbers and poison control come first, before anything else; for someone
else at risk, how to help comes before whom to call.

Each resource has a region, a label, a short sentence, the number as people
write it (or None for a website or a text-only line) and its ``tel:`` form,
which the page makes a tap-to-call link. Numbers are the national public
services, checked against the services' own sites.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Resource:
    region: str  # "US", "UK and Ireland", "Australia", "Canada", "New Zealand", "Everywhere", "Elsewhere"
    label: str
    text: str
    number: str | None = None
    tel: str | None = None  # e.g. "tel:+18002221222"; None when there is no number to call


@dataclass(frozen=True)
class Section:
    heading: str
    resources: tuple[Resource, ...]


@dataclass(frozen=True)
class Response:
    """What the author sees for one outcome, most urgent part first."""

    outcome: str
    heading: str
    intro: str
    sections: tuple[Section, ...]
    publish_note: str  # what publishing anyway means, under the resources


def _r(region: str, label: str, text: str, number: str | None = None) -> Resource:
    tel = None
    if number:
        digits = "".join(c for c in number if c.isdigit())
        tel = f"tel:{digits}" if len(digits) <= 6 or region != "US" else f"tel:+1{digits[-10:]}"
    return Resource(region, label, text, number, tel)


US_911 = _r("US", "Emergency", "Call 911 now if someone's life is in danger.", "911")
POISON_US = _r("US", "Poison Control", "Call Poison Control now after an overdose or poisoning, even if you "
               "feel fine.", "1-800-222-1222")
UK_999 = _r("UK and Ireland", "Emergency", "Call 999 or 112 now if someone's life is in danger.", "999")
EU_112 = _r("UK and Ireland", "Emergency (EU)", "112 works across the UK, Ireland and Europe.", "112")
NHS_111 = _r("UK", "NHS 111", "Call 111 for urgent advice, including after taking too much of a medicine.",
             "111")
AU_000 = _r("Australia", "Emergency", "Call 000 now if someone's life is in danger.", "000")
POISON_AU = _r("Australia", "Poisons Information Centre", "Call 13 11 26 for advice after an overdose or "
               "poisoning.", "13 11 26")
CA_911 = _r("Canada", "Emergency", "Call 911 now if someone's life is in danger.", "911")
NZ_111 = _r("New Zealand", "Emergency", "Call 111 now if someone's life is in danger.", "111")
POISON_NZ = _r("New Zealand", "National Poisons Centre", "Call 0800 764 766 (0800 POISON) after an overdose "
               "or poisoning.", "0800 764 766")
LOCAL = _r("Elsewhere", "Emergency", "Call your local emergency number now.")

_EMERGENCY_NUMBERS = (US_911, POISON_US, UK_999, EU_112, NHS_111, AU_000, POISON_AU, CA_911, NZ_111,
                      POISON_NZ, LOCAL)
_DANGER_NOW = (US_911, UK_999, EU_112, AU_000, CA_911, NZ_111)
_CRISIS_LINES = (
    _r("US", "988 Suicide & Crisis Lifeline", "Call or text 988, any time.", "988"),
    _r("US", "Crisis Text Line", "Text HOME to 741741 if you'd rather not talk."),
    _r("UK and Ireland", "Samaritans", "Call free on 116 123, any time.", "116 123"),
    _r("UK", "Shout", "Text SHOUT to 85258 if you'd rather not talk."),
    _r("Australia", "Lifeline", "Call 13 11 14, any time.", "13 11 14"),
    _r("Canada", "988 Suicide Crisis Helpline", "Call or text 988, any time.", "988"),
    _r("New Zealand", "Need to talk?", "Call or text 1737, any time.", "1737"),
    _r("Elsewhere", "Find a helpline", "Find a free, confidential helpline near you at findahelpline.com."),
)
_HELPING_SOMEONE = (
    _r("Everywhere", "If they are in danger now",
       "Stay with them if you safely can, remove what they could use to hurt themselves, and call the "
       "emergency number."),
    _r("Everywhere", "Ask and listen",
       "Ask them directly whether they are thinking about suicide; it does not put the idea in their head. "
       "Listen without judging, and tell them you want to help."),
    _r("Everywhere", "Help them reach support",
       "Offer to sit with them while they call a crisis line or their doctor, or call together. You can "
       "call a crisis line yourself, too, for advice on how to help."),
)

RESPONSES: dict[str, Response] = {
    "emergency": Response(
        "emergency", "Call your emergency number or poison control now",
        "If you or someone else has taken too much of a medicine or is hurt, get help now, before anything "
        "else, even if you feel fine. Tap a number to call.",
        (Section("Call now", _EMERGENCY_NUMBERS),
         Section("When you are safe: someone to talk to, any time", _CRISIS_LINES)),
        "Please call first: your post is kept below and can wait. If you publish it, our moderators see it "
        "at once."),
    "self": Response(
        "self", "You matter, and help is available right now",
        "It sounds like you may be going through something very hard. Before you post, please consider "
        "reaching out: these lines are free, confidential and open any time.",
        (Section("Talk to someone now", _CRISIS_LINES),
         Section("If you are in danger now, call your local emergency number", _DANGER_NOW)),
        "You can still share your post with the community. Our moderators will also see it, and may check "
        "in with you."),
    "other": Response(
        "other", "How to help someone who may be at risk",
        "It sounds like someone you care about may be in danger. Here is what you can do, and whom to call.",
        (Section("What you can do", _HELPING_SOMEONE),
         Section("If they are in danger now, call the emergency number", _DANGER_NOW + (POISON_US,)),
         Section("Crisis lines, for them and for you", _CRISIS_LINES)),
        "You can still post to ask the community for support. Our moderators will also see it."),
}
RESOURCES: dict[str, tuple[Resource, ...]] = {
    outcome: tuple(r for section in response.sections for r in section.resources)
    for outcome, response in RESPONSES.items()
}


def response_for(outcome: str) -> Response:
    """What to show for ``outcome`` ("self", "emergency" or "other"). Raises KeyError for any other."""
    return RESPONSES[outcome]


def resources_for(outcome: str) -> list[Resource]:
    """Every resource to show for ``outcome``, in order. Raises KeyError for an unknown outcome."""
    return list(RESOURCES[outcome])
