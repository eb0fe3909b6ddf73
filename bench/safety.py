"""Health-safety figures: how well the crisis and personal-data checks do, and how fast.

    .venv/bin/python bench/safety.py            # the report split (never trained on)
    .venv/bin/python bench/safety.py --part train

Prints, on the labelled sets in tests/moderation/data/: recall per positive class,
false-positive rate per negative class, overall recall, precision and false-positive
rate, crisis figures by outcome (found, and given the right response), personal-data
figures by kind (the whole marked span removed, by a finding of the right kind);
then the first-use cost of the crisis model (import and training: time and memory),
the time of each check on a 20,000-character post and on 100,000-character
adversarial inputs. Record the output in bench/README.md ("Health safety").
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from moderation.safety_data import crisis_examples, personal_examples  # noqa: E402

URGENCY = ("emergency", "self", "other")


def _rate(hits: int, total: int) -> str:
    return f"{hits / total:6.1%} ({hits}/{total})" if total else "     -"


def _overall(tp: int, fn: int, fp: int, tn: int) -> str:
    precision = tp / (tp + fp) if tp + fp else 0.0
    return (f"recall {_rate(tp, tp + fn)}  precision {precision:.1%}  "
            f"false positives {_rate(fp, fp + tn)}")


def crisis_report(part: str) -> None:
    from moderation.crisis import find_crisis

    by_class: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    by_outcome: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # found, right response, total
    tp = fn = fp = tn = 0
    for example in crisis_examples(part):
        findings = find_crisis(example.text)
        flagged = bool(findings)
        by_class[example.kind][0] += flagged
        by_class[example.kind][1] += 1
        if example.label == "none":
            fp, tn = fp + flagged, tn + (not flagged)
            continue
        tp, fn = tp + flagged, fn + (not flagged)
        outcome = min((f.kind for f in findings), key=URGENCY.index) if findings else None
        row = by_outcome[example.label]
        row[0] += flagged
        row[1] += outcome == example.label
        row[2] += 1
    print(f"\nCrisis ({part} split, {tp + fn} positives, {fp + tn} hard negatives)")
    for kind in sorted(by_class):
        hits, total = by_class[kind]
        what = "false positives" if kind.startswith("neg/") else "recall"
        print(f"  {kind:28} {what:16} {_rate(hits, total)}")
    for label in URGENCY:
        found, right, total = by_outcome[label]
        print(f"  outcome {label:19} found {_rate(found, total)}  right response {_rate(right, total)}")
    print(f"  overall: {_overall(tp, fn, fp, tn)}")


def _covered(example, findings, same_kind: bool) -> bool:
    for start, end in example.spans:
        for i in range(start, end):
            char = example.text[i]
            if not (char.isdigit() or (example.label in ("address", "email") and char.isalnum())):
                continue
            if not any(f.start <= i < f.end and (f.kind == example.label or not same_kind) for f in findings):
                return False
    return True


def personal_report(part: str) -> None:
    from moderation.personal_data import find_personal_data

    by_class: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    by_label: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # right kind, any kind, total
    tp = fn = fp = tn = 0
    for example in personal_examples(part):
        findings = find_personal_data(example.text)
        if example.label == "none":
            flagged = bool(findings)
            fp, tn = fp + flagged, tn + (not flagged)
        else:
            flagged = _covered(example, findings, same_kind=True)
            tp, fn = tp + flagged, fn + (not flagged)
            row = by_label[example.label]
            row[0] += flagged
            row[1] += _covered(example, findings, same_kind=False)
            row[2] += 1
        by_class[example.kind][0] += flagged
        by_class[example.kind][1] += 1
    print(f"\nPersonal data ({part} split, {tp + fn} items to remove, {fp + tn} look-alikes)")
    for kind in sorted(by_class):
        hits, total = by_class[kind]
        what = "false positives" if kind.startswith("none/") else "removed whole"
        print(f"  {kind:28} {what:16} {_rate(hits, total)}")
    for label in sorted(by_label):
        right, anyk, total = by_label[label]
        print(f"  kind {label:22} right kind {_rate(right, total)}  removed (any kind) {_rate(anyk, total)}")
    print(f"  overall: {_overall(tp, fn, fp, tn)}")


def ordinary_posts() -> list[str]:
    """The texts of the demo community (forum/demo/content.py, read as data, not imported):
    ordinary health-forum writing, none of it a crisis, none of it in the training data."""
    import ast

    source = (Path(__file__).resolve().parent.parent / "forum" / "demo" / "content.py").read_text()
    return [node.value for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and len(node.value) > 40]


def ordinary_report() -> None:
    from moderation.crisis import find_crisis
    from moderation.personal_data import find_personal_data

    texts = ordinary_posts()
    crisis = sum(bool(find_crisis(text)) for text in texts)
    personal = sum(bool(find_personal_data(text)) for text in texts)
    print(f"\nOrdinary posts (the demo community's {len(texts)} texts, never trained on)")
    print(f"  crisis flagged {_rate(crisis, len(texts))}  personal data flagged {_rate(personal, len(texts))}")


def _time(function, text: str, runs: int = 5) -> float:
    """Median CPU milliseconds (CPU time, so other work on a shared machine does not count)."""
    times = []
    for _ in range(runs):
        start = time.process_time()
        function(text)
        times.append(time.process_time() - start)
    return statistics.median(times) * 1000


def adversarial_inputs(size: int = 100_000) -> dict[str, str]:
    """The hostile inputs the tests use too: runs and repeats that make naive patterns slow."""
    def fill(unit: str) -> str:
        return (unit * (size // len(unit) + 1))[:size]

    return {
        "spaces": " " * size, "digits": "7" * size, "dots": "." * size, "a.a.a": fill("a."),
        "digit groups": fill("12 34 "), "DOB DOB": fill("DOB "), "born + spaces": "born" + " " * (size - 4),
        "a@a@": fill("a@"), "at dot": fill("jane at gmail dot "), "MRN": fill("MRN "),
        "street": fill("12 Elm Street, "), "kill kill": fill("kill myself "), "want to": fill("I want to "),
        "newlines": fill("\n"), "leet": fill("k1ll "),
    }


def timing() -> None:
    from moderation.crisis import find_crisis
    from moderation.personal_data import find_personal_data

    load = os.getloadavg()[0]
    print(f"\nTiming (load average {load:.1f} on {os.cpu_count()} CPUs while measuring)")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start, cpu = time.perf_counter(), time.process_time()
    find_crisis("first use: import scikit-learn and train the model")
    first, first_cpu = time.perf_counter() - start, time.process_time() - cpu
    grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss) / 1024
    print(f"  crisis model first use (import + train): {first:.2f} s ({first_cpu:.2f} s CPU), "
          f"peak memory +{grown:.0f} MB")
    paragraph = ("My rheumatologist changed my methotrexate to 20 mg weekly and my ALT was 45 last time. "
                 "The fatigue is worse in the afternoons, and I've been pacing with short walks. "
                 "Has anyone tried splitting the dose? I'm on folic acid 5 mg six days a week too. ")
    post = (paragraph * (20_000 // len(paragraph) + 1))[:19_900] + " I want to kill myself."
    # The hard negatives of the data set, one after another: distinct sentences, dense with risk words.
    dense = " ".join(e.text for e in crisis_examples() if e.label == "none")[:19_950] + " I want to die."
    for name, function in (("crisis", find_crisis), ("personal data", find_personal_data)):
        print(f"  {name:14} 20,000-character post: {_time(function, post):7.1f} ms CPU; "
              f"20,000 characters of hard negatives: {_time(function, dense):7.1f} ms CPU")
    worst: dict[str, tuple[float, str]] = {}
    for label, text in adversarial_inputs().items():
        for name, function in (("crisis", find_crisis), ("personal data", find_personal_data)):
            took = _time(function, text, runs=1)
            if took > worst.get(name, (0.0, ""))[0]:
                worst[name] = (took, label)
    for name, (took, label) in worst.items():
        print(f"  {name:14} slowest 100,000-character adversarial input: {took:7.1f} ms CPU ({label})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--part", choices=("report", "train"), default="report")
    args = parser.parse_args()
    timing()
    crisis_report(args.part)
    personal_report(args.part)
    ordinary_report()


if __name__ == "__main__":
    main()
