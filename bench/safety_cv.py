"""Choose the crisis check's settings by cross-validation on the train part, never the report part.

    .venv/bin/python bench/safety_cv.py                       # the current settings
    .venv/bin/python bench/safety_cv.py --sure 0.65 0.8 --threshold 0.5 0.6

Splits the train part of tests/moderation/data/crisis.tsv into five folds (by a hash of each
text, so a run is repeatable); for each fold, fits the model on the other four and runs the
whole ``find_crisis`` pipeline (lexicon, guards, model) on the held-out fold. Prints recall
and false positives over the five folds, and the share of the demo community's ordinary posts
flagged by a model fitted on the whole train part, for every combination of the settings given:
``--sure`` (the model alone flags a sentence without a risk word only when at least this sure,
``moderation.crisis_guards.SURE``) and ``--threshold`` (``moderation.crisis.MODEL_THRESHOLD``).
"""
from __future__ import annotations

import argparse
import hashlib
import itertools
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.safety import ordinary_posts  # noqa: E402
from moderation import crisis, crisis_guards  # noqa: E402
from moderation.crisis_model import train  # noqa: E402
from moderation.safety_data import crisis_examples  # noqa: E402

FOLDS = 5


def fold_of(text: str) -> int:
    return int(hashlib.sha256(text.encode()).hexdigest(), 16) % FOLDS


def _flagged(model, texts: list[str], sure: float, threshold: float) -> list[bool]:
    crisis.get_model = lambda *_args: model  # the pipeline reads the model through this name
    crisis_guards.SURE, crisis.MODEL_THRESHOLD = sure, threshold
    return [bool(crisis.find_crisis(text)) for text in texts]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sure", type=float, nargs="+", default=[crisis_guards.SURE])
    parser.add_argument("--threshold", type=float, nargs="+", default=[crisis.MODEL_THRESHOLD])
    args = parser.parse_args()

    examples = crisis_examples("train")
    folds = [[e for e in examples if fold_of(e.text) == k] for k in range(FOLDS)]
    models = [train([e for e in examples if fold_of(e.text) != k]) for k in range(FOLDS)]
    whole = train(examples)
    ordinary = ordinary_posts()
    print(f"{len(examples)} train texts in {FOLDS} folds; {len(ordinary)} ordinary posts")
    print("sure  threshold  recall   false positives  ordinary posts flagged")
    for sure, threshold in itertools.product(args.sure, args.threshold):
        tp = fn = fp = tn = 0
        for model, fold in zip(models, folds, strict=True):
            for example, flagged in zip(fold, _flagged(model, [e.text for e in fold], sure, threshold), strict=True):
                positive = example.label != "none"
                tp += positive and flagged
                fn += positive and not flagged
                fp += not positive and flagged
                tn += not positive and not flagged
        everyday = sum(_flagged(whole, ordinary, sure, threshold))
        print(f"{sure:4.2f}  {threshold:9.2f}  {100 * tp / (tp + fn):5.1f} %  {100 * fp / (fp + tn):13.1f} %"
              f"  {100 * everyday / len(ordinary):6.1f} % ({everyday})")


if __name__ == "__main__":
    main()
