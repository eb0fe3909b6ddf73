"""Snippets mark the same words whether every word is checked or only ``SearchedWords.candidates``."""
import random
from pathlib import Path

from search.snippets import SearchedWords, make_snippet
from search.text import WORD, stem, words

ROOT = Path(__file__).resolve().parents[2]
# How people write about health: the crisis development set (many writers) and the medical synonyms.
TEXTS = [line.split("\t")[2].replace("\\n", " ") for line in (ROOT / "tests/moderation/data/crisis.tsv").read_text().splitlines()
         if line.strip() and not line.startswith("#")]
VOCABULARY = sorted({w.lower() for text in TEXTS + [(ROOT / "search/data/medical_synonyms.txt").read_text()]
                     for w in WORD.findall(text)})


def test_a_words_stem_differs_from_it_only_in_its_last_three_letters():
    """What ``candidates`` relies on, over every word of the texts and of the synonym list."""
    assert len(VOCABULARY) > 3000
    wrong = [w for w in VOCABULARY if len(stem(w)) >= 3 and not w.startswith(stem(w)[:max(1, len(stem(w)) - 3)])]
    assert wrong == []


def test_candidates_mark_exactly_what_checking_every_word_marks():
    rnd = random.Random(11)
    for _ in range(300):
        text = " ".join(rnd.sample(TEXTS, 3))
        searched = set(rnd.sample(words(text), 2)) | {rnd.choice(VOCABULARY)}
        every_word = SearchedWords(searched)
        assert every_word.candidates is not WORD or any(len(stem(w)) < 3 for w in searched)
        brute = make_snippet(text, lambda w, s=every_word: s(w))  # a plain function: every word checked
        assert make_snippet(text, every_word) == brute
        assert "<mark>" in brute


def test_a_short_stem_checks_every_word():
    words = SearchedWords({"ox"})
    assert words.candidates is WORD and "<mark>Oxen</mark>" not in make_snippet("Oxen and an ox", words)
    assert "<mark>ox</mark>" in make_snippet("Oxen and an ox", words)
