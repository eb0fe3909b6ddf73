"""The crisis check: figures on the held-out report split, every example from issue 14, the model.

The floors are what the check reaches on the report split of
``tests/moderation/data/crisis.tsv`` (texts the model never trains on); run
``bench/safety.py`` for the figures per class. Issue 14's targets (recall 95 %,
false positives 5 % on an independent set) are higher than these floors; the
floors stop a change from making things worse.
"""

from __future__ import annotations

import numpy as np
import pytest

from moderation import crisis_model
from moderation.crisis import CrisisFinding, find_crisis, find_crisis_language, suggests_crisis
from moderation.safety_data import crisis_examples, split_of
from moderation.textnorm import normalise, units

URGENCY = ("emergency", "self", "other")


def _outcome(findings):
    return min((f.kind for f in findings), key=URGENCY.index) if findings else None


def test_the_splits_are_fixed_and_disjoint():
    train, report = crisis_examples("train"), crisis_examples("report")
    assert len(train) + len(report) == len(crisis_examples()) >= 800
    assert not {e.text for e in train} & {e.text for e in report}
    assert all(split_of(e.text) == "report" for e in report)
    assert {e.label for e in report} == {"self", "emergency", "other", "none"}


def test_recall_and_false_positives_on_the_report_split():
    examples = crisis_examples("report")
    positives = [e for e in examples if e.label != "none"]
    negatives = [e for e in examples if e.label == "none"]
    found = [e for e in positives if find_crisis(e.text)]
    false_alarms = [e for e in negatives if find_crisis(e.text)]
    right = [e for e in found if _outcome(find_crisis(e.text)) == e.label]
    recall, fp_rate = len(found) / len(positives), len(false_alarms) / len(negatives)
    print(f"\ncrisis, report split: recall {recall:.1%}, false positives {fp_rate:.1%}, "
          f"right response {len(right) / len(positives):.1%}")
    # A floor against regressions, not the target (95 %): batches 5 and 6 (independent writers, batch 6 the
    # hardest indirect phrasing) added 201 report texts.
    assert recall >= 0.80
    assert fp_rate <= 0.12
    assert len(right) / len(found) >= 0.9


def test_ordinary_posts_stay_quiet():
    """The demo community's texts are everyday health-forum writing the model never saw."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
    from safety import ordinary_posts

    texts = ordinary_posts()
    flagged = [text for text in texts if find_crisis(text)]
    assert len(texts) > 300 and len(flagged) / len(texts) <= 0.04, flagged


ISSUE_EXAMPLES = [
    ("I just want to go to sleep and not wake up.", "self"),
    ("Started cutting again last night.", "self"),
    ("How many paracetamol would it take?", "self"),
    ("kms", "self"),
    ("i want to unalive myself", "self"),
    ("been thinking about the sewer slide", "self"),
    ("im going to kil myself", "self"),
    ("i wanna die", "self"),
    ("gonna OD tonight", "self"),
    ("I've decided to end my life on Friday, I have the pills ready.", "self"),
    ("This is my last post. Goodbye everyone.", "self"),
    ("I swallowed everything in the cabinet.", "emergency"),
    ("I just took 40 pills.", "emergency"),
    ("My daughter says she wants to die.", "other"),
    ("My son said he wants to kill himself.", "other"),
    ("I'm willing to die on this hill.", None),
    ("She's killing it at work.", None),
    ("I'm dying to know what the results say.", None),
    ("Does Chantix increase suicidal thoughts?", None),
    ("PHQ-9 item 9, thoughts that you would be better off dead or of hurting yourself: not at all.", None),
    ("Two years ago I tried to end my life; today I'm doing well.", None),
    ("I was scared I'd die when they said cancer.", None),
    ("My grandmother died last year and I still miss her.", None),
    ("A new study links isotretinoin to suicide risk in teenagers.", None),
]


@pytest.mark.parametrize("text, outcome", ISSUE_EXAMPLES)
def test_every_example_from_the_issue_gets_the_right_outcome(text, outcome):
    assert _outcome(find_crisis(text)) == outcome


# How members describe taking a medicine as meant (drug reviews are full of it), beside what an
# overdose sounds like with the same amount words ("every", "all", "whole", a number).
AS_MEANT = ["Took it every morning through June and the sneezing eased.",
            "I took it every day for three months and it helped.", "Took them all week with food, no problems.",
            "I've taken 20 mg for two years now.", "I took it for 14 days as the GP said.",
            "Took the whole course of antibiotics, ten days.", "I took it every night before bed.",
            "Have had 50 units of insulin a day for years.", "I took it all summer for hay fever."]
OVERDOSES = ["I took every pill in the house", "I've taken all my tablets at once",
             "took the whole bottle of paracetamol", "took 40 tablets an hour ago", "Took all of them, sorry",
             "took 30 of my sertraline"]


@pytest.mark.parametrize("text", AS_MEANT)
def test_taking_a_medicine_as_meant_is_not_an_emergency(text):
    assert find_crisis(text) == []


@pytest.mark.parametrize("text", OVERDOSES)
def test_an_overdose_with_the_same_amount_words_still_is(text):
    assert _outcome(find_crisis(text)) == "emergency"


# "Hope I ..." is how people wish each other and themselves well; it is a crisis only with a dark
# ending. Until 4 December 2026 "I hope I get better soon." showed the crisis resources.
HOPEFUL = ["I hope I get better soon.", "I hope I can go back to work next week.",
           "Hoping I can get an earlier appointment.", "I hope I can come off the steroids by spring.",
           "My girlfriend said on the phone that she's feeling much better."]
HOPING_TO_DIE = [("I hope I die in my sleep tonight.", "self"),
                 ("Sometimes I hope I get hit by a bus on the way to work.", "self"),
                 ("Purged 4 times today and I'm hoping my heart just gives out.", "self"),
                 ("He rang me on the phone, he's standing on the edge of the bridge.", "emergency")]


@pytest.mark.parametrize("text", ["my best friend keeps saying she's gonna kms and gave me her hoodie to keep",
                                  "kid in our group chat just said hes gonna kys tonight and left the chat"])
def test_slang_after_someone_else_as_the_subject_is_someone_else_at_risk(text):
    assert _outcome(find_crisis(text)) == "other"


@pytest.mark.parametrize(("text", "outcome"), [
    ("been thinking about ctb a lot since the diagnosis", "self"),
    ("im not suicidal i just wish i'd never been born", "self"),
    ("ty for everything guys. logging off for good.", "self"),
    ("I've done it. Drank the bleach from under the sink.", "emergency"),
    ("scratched my arms with a compass til they bled again", "self"),
    ("Dad said if mum goes he is going with her.", "other"),
])
def test_phrasings_from_the_sixth_batch_get_the_right_outcome(text, outcome):
    assert _outcome(find_crisis(text)) == outcome


@pytest.mark.parametrize("text", ["I'm not suicidal, I promise.", "I would never hurt myself but I get why people do.",
                                  "This is my last post as a mod, thanks for having me."])
def test_a_denial_without_a_contrast_and_a_farewell_as_a_mod_stay_quiet(text):
    assert find_crisis(text) == []


@pytest.mark.parametrize("text", HOPEFUL)
def test_hoping_to_get_better_is_not_a_crisis(text):
    assert find_crisis(text) == []


@pytest.mark.parametrize(("text", "outcome"), HOPING_TO_DIE)
def test_hoping_to_die_still_is_and_a_phone_call_is_not_a_dying_phone(text, outcome):
    assert _outcome(find_crisis(text)) == outcome


def test_a_risky_sentence_buried_in_a_long_post_is_found_with_its_offsets():
    before = "I had my knee replaced in March and the physio has been great so far. " * 40
    risky = "Honestly some nights I just want to go to sleep and not wake up."
    after = " Anyway, does anyone know how long it is until I can drive again?" * 40
    text = before + risky + after
    findings = find_crisis(text)
    assert [f.kind for f in findings] == ["self"]
    assert findings[0].text == risky and text[findings[0].start : findings[0].end] == risky
    assert isinstance(findings[0], CrisisFinding) and 0 < findings[0].score <= 1


def test_one_word_is_not_enough_and_empty_text_is_fine():
    for text in ("suicide", "die", "kill", "self-harm", "overdose", "", "   "):
        assert not suggests_crisis(text), text


def test_the_older_wrappers_keep_working():
    assert find_crisis_language("Honestly I just want to die.") == ["Honestly I just want to die."]
    assert suggests_crisis("I want to kill myself.") and not suggests_crisis("This migraine is killing me.")


@pytest.mark.parametrize("written, normalised", [
    ("I wanna KMS rn", "i want to kill myself rn"),
    ("su1c1dal and s**cidal", "suicidal and suicidal"),
    ("i wannaa dieeee", "i want to die"),
    ("walked 5 kms today", "walked 5 kms today"),
    ("I\u2019m gonna OD", "i'm going to overdose"),
    ("evry1 wud b beter off w/o me", "everyone would b better off without me"),
    ("shes gonna kms", "she's going to kill themselves"),
    ("he said i should kys", "he said i should kill yourself"),
    ("She ran 5 kms today", "she ran 5 kms today"),
])
def test_normalisation_spells_out_slang_typos_and_leetspeak(written, normalised):
    assert normalise(written) == normalised


def test_units_are_sentences_with_short_fragments_joined_and_run_ons_cut():
    text = "Hi. I am ok.\n\nSo the thing is I want to die. " + "word " * 300
    spans = units(text)
    assert text[spans[0][0] : spans[0][1]] == "Hi. I am ok."
    assert text[spans[1][0] : spans[1][1]] == "So the thing is I want to die."
    assert all(end - start <= 400 for start, end in spans)


def test_the_fast_scorer_gives_the_pipelines_probabilities():
    # Trained here: the process's model may have come from the cache, which keeps no pipeline.
    model = crisis_model.train()
    texts = [normalise(e.text) for e in crisis_examples("report")] + ["", "a", "!!!", "don't i'm"]
    fast = np.array([[row[c] for c in model.classes] for row in model.scores(texts)])
    assert np.allclose(fast, model.pipeline.predict_proba(texts), atol=1e-9)


def test_the_model_cache_round_trips_without_pickle(tmp_path, monkeypatch):
    monkeypatch.setattr(crisis_model, "_models", {})
    trained = crisis_model.get_model(tmp_path)
    (stored,) = tmp_path.iterdir()
    assert stored.suffix == ".npz" and crisis_model.cache_key() in stored.name
    monkeypatch.setattr(crisis_model, "_models", {})
    loaded = crisis_model.get_model(tmp_path)
    assert loaded is not trained and loaded.pipeline is None
    texts = ["i want to die", "my knee hurts after physio"]

    def flat(model):
        return [row[c] for row in model.scores(texts) for c in model.classes]

    assert flat(loaded) == pytest.approx(flat(trained))
    stored.write_bytes(b"not a model")  # a damaged cache file is replaced, not trusted
    monkeypatch.setattr(crisis_model, "_models", {})
    assert flat(crisis_model.get_model(tmp_path)) == pytest.approx(flat(trained))
