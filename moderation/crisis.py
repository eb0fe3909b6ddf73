"""Crisis language: a writer at risk, an emergency in progress, or someone else in danger.

A post is as risky as its riskiest sentence, so ``find_crisis`` cuts the text
into sentences (``moderation.textnorm``), normalises each one (slang, typos,
leetspeak) and reads it twice: the lexicon (``moderation.crisis_lexicon``)
catches the unambiguous phrases, and a classifier trained on the labelled
data in the repository (``moderation.crisis_model``) scores every sentence, so
a risky sentence buried in a long post about knee surgery is found, and so are
phrasings no pattern lists. Guards shared by both stages
(``moderation.crisis_guards``) keep idioms, side-effect questions, screening
answers, fear at diagnosis and recovery stories told in the past from raising
the alarm.

Each finding says which response fits: ``self`` (crisis resources),
``emergency`` (harm already done or happening now: call the emergency number
or poison control first) or ``other`` (someone else at risk: how to help them,
whom to call). A finding never blocks a post: the author sees the resources
first, and the post goes to the top of the review queue as urgent. Figures on
the held-out part of the data are in bench/README.md ("Health safety").
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from moderation import crisis_guards as guards
from moderation import crisis_lexicon as lexicon
from moderation.crisis_model import get_model
from moderation.textnorm import normalise, units

KINDS = ("self", "emergency", "other")
# The model alone flags a sentence at this P(any risk): the best recall with false positives <= 5 % in
# 5-fold cross-validation on the train part, with the risk-word rule of crisis_guards.model_may_flag
# (0.5: 91.4 % / 4.8 %; 0.6: 90.1 % / 3.3 %; without the rule, 0.6: 91.1 % / 5.2 %).
MODEL_THRESHOLD = 0.5
LEXICON_SCORE = 0.95  # what an unambiguous phrase scores at least

_cache_dir: Path | None = None


@dataclass(frozen=True)
class CrisisFinding:
    kind: str  # "self", "emergency" or "other"
    text: str  # the sentence, as written
    score: float  # 0..1, how sure
    start: int
    end: int


def configure(cache_dir: str | Path | None) -> None:
    """Keep the trained model under ``cache_dir`` so later processes load it instead of training."""
    global _cache_dir
    _cache_dir = Path(cache_dir) if cache_dir else None


def find_crisis(text: str) -> list[CrisisFinding]:
    """Every sentence of ``text`` that suggests crisis, in order; empty if none."""
    if not text or not text.strip():
        return []
    pieces = [(span, normalise(text[span[0] : span[1]])) for span in units(text)]
    pieces = [(span, sentence) for span, sentence in pieces if lexicon.worth_reading(sentence)]
    if not pieces:
        return []
    scores = get_model(_cache_dir).scores([sentence for _, sentence in pieces])
    in_recovery = guards.recovery(text.lower().replace("\u2019", "'"))
    found = []
    for ((start, end), sentence), score in zip(pieces, scores, strict=True):
        risk = 1.0 - score["none"]
        hit = lexicon.matches(sentence)
        if hit is None and (risk < MODEL_THRESHOLD or not guards.model_may_flag(sentence, risk)):
            continue
        kind = hit[0] if hit else max(KINDS, key=score.__getitem__)
        if kind == "self" and lexicon.about_someone_else(sentence) and not lexicon.first_person(sentence):
            kind = "other"
        if guards.guarded(sentence, kind) or (in_recovery and guards.past_only(sentence)):
            continue
        score = max(risk, LEXICON_SCORE) if hit else risk
        found.append(CrisisFinding(kind, text[start:end], score, start, end))
    return found


def find_crisis_language(text: str) -> list[str]:
    """The sentences of ``text`` that suggest crisis; empty if none (kept for older callers)."""
    return [finding.text for finding in find_crisis(text)]


def suggests_crisis(text: str) -> bool:
    return bool(find_crisis(text))
