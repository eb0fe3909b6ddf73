"""The model stage of the crisis check: TF-IDF n-grams and logistic regression.

Character n-grams (2 to 5, inside word boundaries) carry misspellings and word
pieces no lexicon lists ("suicidle", "overdosing", "cutting"); word n-grams (1
and 2) carry phrasing ("not wake", "without me", "took all"). One multinomial
logistic regression over both gives four classes (none, self, emergency,
other), so one score says how risky a sentence is and which response fits.
Chosen by measurement (5-fold cross-validation on the train part, lexicon and
model together; bench/README.md, "Health safety"; on the first 695 train texts):
words and characters beat words alone (recall 97.4 % vs 95.2 %, false positives
3.2 % vs 4.7 %), and C = 8 beat C = 2 (recall 92.9 %) and C = 30 (false
positives 5.0 %). It trains
in about half a second on the CPU from data in the repository and needs
nothing downloaded; a sentence-embedding model would need an ONNX runtime and a
model file that no package we install ships.

The model is trained at first use in the process (``get_model``) from the
``train`` part only; the ``report`` part is never seen. Training needs
scikit-learn (about 1.5 s to import, 0.5 s to fit); scoring does not, because
``CrisisModel`` applies the fitted weights itself. A caller may pass a cache
directory: the weights are then stored there as plain arrays (``numpy.savez``,
loaded with ``allow_pickle=False``, so a file in the cache can never run code)
under a key made of a hash of the data, the scikit-learn version and the
settings, and the next process loads them in milliseconds instead of training.
"""

from __future__ import annotations

import itertools
import os
import re
import threading
from pathlib import Path

from moderation.safety_data import crisis_examples, data_digest
from moderation.textnorm import normalise, units

CLASSES = ("none", "self", "emergency", "other")
C = 8.0  # inverse regularisation, chosen by cross-validation on the train part
CLASS_WEIGHT = None  # "balanced" did no better in cross-validation (93.4 % / 4.9 % at its best threshold)

TOKEN_PATTERN = r"(?u)\b[\w']+\b"
_TOKEN = re.compile(TOKEN_PATTERN)
_lock = threading.Lock()
_models: dict[str, CrisisModel] = {}


class CrisisModel:
    """A fitted pipeline, and a faster way to apply it that gives the same numbers.

    scikit-learn's character n-gram analyser is pure Python and was most of
    the cost of a long post. ``char_wb`` n-grams never cross a word boundary,
    so a sentence's character counts are the sum of its words' counts: each
    word's feature indices are computed once and kept (words repeat, across
    sentences and posts), and the TF-IDF weighting, the per-block L2
    normalisation and the logistic regression are then a sparse product. A test
    checks that ``scores`` equals the pipeline's ``predict_proba``.
    """

    def __init__(self, classes, word_terms, word_idf, char_terms, char_idf, char_range, coef, intercept,
                 pipeline=None):
        self.classes = tuple(classes)
        self.pipeline = pipeline  # kept when trained in this process, for the equivalence test
        self._word_vocab = {term: i for i, term in enumerate(word_terms)}
        self._char_vocab = {term: i for i, term in enumerate(char_terms)}
        self._word_idf, self._char_idf = word_idf, char_idf
        import numpy as np

        self._idf = np.concatenate([word_idf, char_idf])
        self._char_range = tuple(int(n) for n in char_range)
        self._offset = len(word_terms)
        self._coef, self._intercept = coef, intercept
        self._word_cache: dict[str, tuple[int, ...]] = {}

    @classmethod
    def from_pipeline(cls, pipeline) -> CrisisModel:
        union = pipeline.named_steps["features"]
        words, chars = (vectorizer for _, vectorizer in union.transformer_list)
        classifier = pipeline.named_steps["classifier"]
        return cls(pipeline.classes_, _terms(words), words.idf_, _terms(chars), chars.idf_, chars.ngram_range,
                   classifier.coef_.T.copy(), classifier.intercept_, pipeline)

    def save(self, path: Path) -> None:
        """Arrays and strings only (``numpy.savez``, no pickle), so loading runs no code from the file."""
        import numpy as np

        by_index = lambda vocab: np.array(sorted(vocab, key=vocab.get), dtype=str)  # noqa: E731
        with open(path, "wb") as out:
            np.savez(out, classes=np.array(self.classes, dtype=str), word_terms=by_index(self._word_vocab),
                     word_idf=self._word_idf, char_terms=by_index(self._char_vocab), char_idf=self._char_idf,
                     char_range=np.array(self._char_range), coef=self._coef, intercept=self._intercept)

    @classmethod
    def load(cls, path: Path) -> CrisisModel:
        import numpy as np

        with np.load(path, allow_pickle=False) as stored:
            names = ("classes", "word_terms", "word_idf", "char_terms", "char_idf", "char_range", "coef",
                     "intercept")
            return cls(*(stored[name] for name in names))

    def scores(self, texts: list[str]) -> list[dict[str, float]]:
        """For each already-normalised text, the probability of each class."""
        if not texts:
            return []
        import numpy as np
        from scipy.sparse import csr_matrix

        columns: list[int] = []
        counts: list[int] = []
        blocks: list[int] = []  # 2 * row + (0 for words, 1 for characters): each block is L2-normalised
        for row, text in enumerate(texts):
            text = text.lower()
            for block, found, offset in ((0, self._word_counts(text), 0),
                                         (1, self._char_counts(text), self._offset)):
                columns.extend(index + offset for index in found)
                counts.extend(found.values())
                blocks.extend([2 * row + block] * len(found))
        columns_a = np.array(columns, dtype=np.int64)
        blocks_a = np.array(blocks, dtype=np.int64)
        weights = (1.0 + np.log(np.array(counts, dtype=np.float64))) * self._idf[columns_a]
        norms = np.sqrt(np.bincount(blocks_a, weights=weights * weights, minlength=2 * len(texts)))
        weights /= norms[blocks_a]
        shape = (len(texts), self._coef.shape[0])
        matrix = csr_matrix((weights, (blocks_a // 2, columns_a)), shape=shape)
        logits = matrix @ self._coef + self._intercept
        logits -= logits.max(axis=1, keepdims=True)
        probabilities = np.exp(logits)
        probabilities /= probabilities.sum(axis=1, keepdims=True)
        return [dict(zip(self.classes, map(float, row), strict=True)) for row in probabilities]

    def _word_counts(self, text: str) -> dict[int, int]:
        """Word unigrams and bigrams, as the pipeline's word vectoriser makes them."""
        counts: dict[int, int] = {}
        tokens = _TOKEN.findall(text)
        for gram in itertools.chain(tokens, map(" ".join, zip(tokens, tokens[1:], strict=False))):
            if (index := self._word_vocab.get(gram)) is not None:
                counts[index] = counts.get(index, 0) + 1
        return counts

    def _char_counts(self, text: str) -> dict[int, int]:
        counts: dict[int, int] = {}
        for word in text.split():
            cached = self._word_cache.get(word)
            if cached is None:
                cached = self._word_cache[word] = self._char_indices(word)
            for index in cached:
                counts[index] = counts.get(index, 0) + 1
        return counts

    def _char_indices(self, word: str) -> tuple[int, ...]:
        """Feature indices of one word's n-grams, as scikit-learn's ``char_wb`` analyser makes them."""
        padded, found = f" {word} ", []
        low, high = self._char_range
        for n in range(low, high + 1):
            for offset in range(max(1, len(padded) - n + 1)):
                if (index := self._char_vocab.get(padded[offset : offset + n])) is not None:
                    found.append(index)
            if len(padded) <= n:  # a short word counts once, as scikit-learn does
                break
        return tuple(found)


def training_texts(examples) -> tuple[list[str], list[str]]:
    """Normalised texts and labels to learn from.

    Every example is one text (a long negative post is represented by its
    sentences only), and every sentence of a negative example is a negative
    too: the model scores sentences, so it must learn that "My GP wants me to
    try it." out of a side-effect question is harmless. A positive post is
    kept whole (the row does not say which sentence is the risky one).
    """
    texts, labels = [], []
    for example in examples:
        spans = units(example.text)
        if example.label == "none" and len(spans) > 1:
            for start, end in spans:
                texts.append(normalise(example.text[start:end]))
                labels.append("none")
        if example.label != "none" or len(spans) <= 3:
            texts.append(normalise(example.text))
            labels.append(example.label)
    return texts, labels


def build_pipeline(c: float = C):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import FeatureUnion, Pipeline

    features = FeatureUnion([
        ("words", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, token_pattern=TOKEN_PATTERN)),
        ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2)),
    ])
    classifier = LogisticRegression(C=c, max_iter=1000, solver="newton-cg", class_weight=CLASS_WEIGHT)
    return Pipeline([("features", features), ("classifier", classifier)])


def train(examples=None, c: float = C) -> CrisisModel:
    """A model fitted on ``examples`` (by default the train part of the data)."""
    examples = crisis_examples("train") if examples is None else examples
    texts, labels = training_texts(examples)
    from threadpoolctl import threadpool_limits

    # One BLAS thread: on a small problem, more threads only wait for each other (on the shared
    # 2-CPU machines training took 3.4 s with the default threads and 1.2 s with one).
    with threadpool_limits(1):
        pipeline = build_pipeline(c).fit(texts, labels)
    return CrisisModel.from_pipeline(pipeline)


def _terms(vectorizer) -> list[str]:
    vocabulary = vectorizer.vocabulary_
    return sorted(vocabulary, key=vocabulary.get)


def cache_key(data_dir: Path | None = None) -> str:
    from importlib.metadata import version

    return f"crisis-{data_digest(data_dir)}-sklearn-{version('scikit-learn')}-c{C}"


def get_model(cache_dir: str | Path | None = None) -> CrisisModel:
    """The model for this process: trained once, or loaded from ``cache_dir`` if given."""
    key = cache_key()
    with _lock:
        if key not in _models:
            _models[key] = _load_or_train(key, Path(cache_dir) if cache_dir else None)
        return _models[key]


def _load_or_train(key: str, cache_dir: Path | None) -> CrisisModel:
    path = cache_dir / f"{key}.npz" if cache_dir else None
    if path is not None and path.is_file():
        try:
            return CrisisModel.load(path)
        except (OSError, ValueError, KeyError):  # truncated or foreign: train again and overwrite it
            path.unlink(missing_ok=True)
    model = train()
    if path is not None:
        cache_dir.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + f".{os.getpid()}.{threading.get_ident()}.tmp")
        model.save(tmp)
        tmp.replace(path)
    return model
