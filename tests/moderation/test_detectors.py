"""Crisis language and personal data, measured on labelled examples.

The example files hold positives and look-alike negatives (figures of speech,
doses, lab values, plain dates). Each test prints recall and the
false-positive rate (run with ``-s`` to see them) and asserts a floor.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from moderation.crisis import find_crisis_language, suggests_crisis
from moderation.personal_data import find_personal_data, redact

DATA = Path(__file__).parent / "data"


def _examples(name: str) -> list[tuple[str, str]]:
    rows = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            label, text = line.split("\t", 1)
            rows.append((label, text))
    return rows


def _report(name, positives, negatives, hit) -> tuple[float, float, list, list]:
    missed = [text for text in positives if not hit(text)]
    false_alarms = [text for text in negatives if hit(text)]
    recall = 1 - len(missed) / len(positives)
    fp_rate = len(false_alarms) / len(negatives)
    print(
        f"\n{name}: {len(positives)} positives, {len(negatives)} look-alikes; "
        f"recall {recall:.1%}, false-positive rate {fp_rate:.1%}"
    )
    for text in missed:
        print(f"  missed: {text}")
    for text in false_alarms:
        print(f"  false alarm: {text}")
    return recall, fp_rate, missed, false_alarms


def test_crisis_patterns_recall_and_false_positives():
    rows = _examples("crisis_examples.tsv")
    positives = [t for label, t in rows if label == "1"]
    negatives = [t for label, t in rows if label == "0"]
    assert len(positives) >= 50 and len(negatives) >= 50
    recall, fp_rate, _, _ = _report("crisis language", positives, negatives, suggests_crisis)
    assert recall >= 0.9
    assert fp_rate <= 0.05


def test_crisis_detection_needs_more_than_one_word():
    for text in ("suicide", "die", "kill", "self-harm", "overdose"):
        assert not suggests_crisis(text), text
    assert find_crisis_language("Honestly I just want to die.") == ["I just want to die"]


def test_personal_data_recall_and_false_positives():
    rows = _examples("personal_data_examples.tsv")
    positives = [(kind, t) for kind, t in rows if kind != "none"]
    negatives = [t for kind, t in rows if kind == "none"]
    kinds = {kind for kind, _ in positives}
    assert kinds == {"email", "phone", "address", "dob", "id_number"}
    assert len(positives) >= 40 and len(negatives) >= 30
    expected = dict((t, k) for k, t in positives)
    recall, fp_rate, _, _ = _report(
        "personal data",
        [t for _, t in positives],
        negatives,
        lambda text: (
            (expected.get(text) in {f.kind for f in find_personal_data(text)})
            if text in expected
            else bool(find_personal_data(text))
        ),
    )
    for kind in sorted(kinds):
        texts = [t for k, t in positives if k == kind]
        found = sum(kind in {f.kind for f in find_personal_data(t)} for t in texts)
        print(f"  {kind}: {found}/{len(texts)}")
    assert recall >= 0.9
    assert fp_rate <= 0.05


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Call me on 555-123-4567 please.", "Call me on [phone removed] please."),
        ("My MRN is 123456789.", "My MRN is [number removed]."),
        ("DOB: 1990-07-22, email jo@example.org", "DOB: [date of birth removed], email [email removed]"),
        ("I live at 42 Elm Street.", "I live at [address removed]."),
        ("Nothing personal here, 500 mg twice a day.", "Nothing personal here, 500 mg twice a day."),
    ],
)
def test_redaction_replaces_only_what_was_found(text, expected):
    assert redact(text) == expected


def test_findings_say_what_and_where():
    text = "Text me at 07700 900123 or mail me at sam@example.org"
    findings = find_personal_data(text)
    assert [(f.kind, f.text) for f in findings] == [("phone", "07700 900123"), ("email", "sam@example.org")]
    assert findings[0].label == "a phone number"
    assert all(text[f.start : f.end] == f.text for f in findings)


def test_huge_and_hostile_input_is_handled_quickly():
    import time

    text = ("1" * 5000 + " a@" * 2000 + "I want to " * 2000)[:20_000]
    start = time.perf_counter()
    find_personal_data(text)
    find_crisis_language(text)
    assert time.perf_counter() - start < 2
