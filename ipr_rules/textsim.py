"""Character n-grams for comparing Chinese text, which has no spaces between words."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

# Punctuation and spaces break n-grams: a gram never spans two phrases.
PHRASE_BREAKS = re.compile(r"[\s，。、；：！？,.;:!?“”\"'（）()《》〈〉【】\[\]…—-]+")


def ngrams(text: str, size: int) -> Counter[str]:
    grams: Counter[str] = Counter()
    for phrase in PHRASE_BREAKS.split(text):
        grams.update(phrase[i : i + size] for i in range(len(phrase) - size + 1))
    return grams


def tfidf_cosines(texts: Sequence[str], size: int) -> dict[tuple[int, int], float]:
    """Pairwise cosine similarity of TF-IDF weighted n-gram vectors, for i < j."""
    docs = [ngrams(text, size) for text in texts]
    frequency: Counter[str] = Counter(gram for doc in docs for gram in doc)
    count = len(docs)
    vectors = [{gram: tf * math.log(count / frequency[gram]) for gram, tf in doc.items()} for doc in docs]
    norms = [math.sqrt(sum(weight * weight for weight in vector.values())) for vector in vectors]
    result: dict[tuple[int, int], float] = {}
    for i in range(count):
        for j in range(i + 1, count):
            if not norms[i] or not norms[j]:
                continue
            dot = sum(weight * vectors[j].get(gram, 0.0) for gram, weight in vectors[i].items())
            result[(i, j)] = dot / (norms[i] * norms[j])
    return result


class TextIndex:
    """TF-IDF vectors of a fixed set of texts (the plan's tasks) to rank a new text against."""

    def __init__(self, texts: dict[str, str], size: int = 2) -> None:
        self.size = size
        docs = {key: ngrams(text, size) for key, text in texts.items()}
        frequency: Counter[str] = Counter(gram for doc in docs.values() for gram in doc)
        count = len(docs)
        self._idf = {gram: math.log((count + 1) / (seen + 1)) for gram, seen in frequency.items()}
        self._vectors = {key: self._weigh(doc) for key, doc in docs.items()}

    def _weigh(self, grams: Counter[str]) -> dict[str, float]:
        idf = self._idf
        return {gram: tf * idf[gram] for gram, tf in grams.items() if gram in idf}

    def scores(self, text: str, keys: Sequence[str]) -> dict[str, float]:
        vector = self._weigh(ngrams(text, self.size))
        return {key: _cosine(vector, self._vectors[key]) for key in keys}


def _cosine(first: dict[str, float], second: dict[str, float]) -> float:
    if len(first) > len(second):
        first, second = second, first
    dot = sum(weight * second.get(gram, 0.0) for gram, weight in first.items())
    if not dot:
        return 0.0
    norm = math.sqrt(sum(w * w for w in first.values())) * math.sqrt(sum(w * w for w in second.values()))
    return dot / norm
