"""Grouping free-text answers by their words, on the server, in plain Python.

Two jobs, both deterministic (the same answers always give the same groups) and both run on the
text only, so nothing leaves the server and SQLite and PostgreSQL give the same result:

* ``group_answers``: identical answers (after ``normalise``) and near-identical ones, whose
  sets of words (a final "s" folded, so "lift" and "lifts" are one word) overlap by at least
  ``NEAR_IDENTICAL`` (Jaccard similarity). Candidate pairs come from a prefix filter over the
  rarest words, so only texts that can reach the threshold are compared. Words rather than
  character trigrams: rare words make the filter selective, where trigrams are shared by
  almost every answer and the comparison became quadratic (``bench/themes.py``).
* ``suggest_themes``: clusters of answers that use the same telling words (TF-IDF weights,
  spherical k-means on cosine similarity), each with its most telling words and a sample.
  Suggestions are only suggestions: coding happens when an analyst accepts one.

Both work on distinct normalised texts, weighted by how many answers share them, so a campaign
of thousands of identical answers costs no more than one.
"""

from __future__ import annotations

import hashlib
import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

NEAR_IDENTICAL = 0.75
CAMPAIGN_SIZE = 10  # identical answers from this many responses are flagged as a campaign
MAX_SUGGESTIONS = 12
MIN_SUGGESTION_SIZE = 3
WORD = re.compile(r"\w+")

# Words too common to tell one answer from another, per language. Rare enough words are also
# dropped by document frequency (``suggest_themes``), so these lists only need the commonest.
STOP_WORDS = {
    "en": """a about after all also am an and any are as at be been but by can could do does
        for from get got had has have he her here his how i if in into is it its just me more
        my no not now of on one or our out please should so some than that the their them
        then there these they this to too up us very was we were what when where which who
        why will with would you your""",
    "tr": """ve ile bir bu da de için çok daha ama gibi ne ben biz siz o en mi mı mu mü var
        yok olarak olan daha şu her""",
    "pl": """i w z na do nie to się że jest o a od po jak ale czy za tak co są dla być ten
        przez już""",
    "es": """el la los las de del y en a que un una por para con no es se lo al más su sus
        como pero muy hay""",
    "fr": """le la les de des du et en un une à au aux que qui pour par pas ne est sur avec
        plus nous vous il elle ce se sont très""",
    "bn": """এবং ও এ এই যে না করে হয় আমি আমরা জন্য থেকে কি""",
    "ur": """اور کے کی کا میں ہے سے کو پر یہ وہ ہیں کہ نہیں بھی ایک""",
    "yi": """און די דער דאָס אין איז צו פֿון מיט אויף ניט נישט מיר זיי ער זי אַ""",
}
STOP_WORDS = {language: frozenset(words.split()) for language, words in STOP_WORDS.items()}


def normalise(text: str) -> str:
    """Text as compared: compatibility forms folded, case folded, punctuation and symbols
    dropped, white space collapsed. "Fix the LIFTS!!" and "fix the lifts" are the same."""
    text = unicodedata.normalize("NFKC", text).casefold()
    kept = [" " if unicodedata.category(char)[0] in "PSZC" else char for char in text]
    return " ".join("".join(kept).split())


def word_set(normalised: str) -> frozenset[str]:
    """The distinct words of a normalised text, a plural "s" folded (``lifts`` → ``lift``)."""
    return frozenset(w[:-1] if len(w) > 3 and w.endswith("s") else w for w in normalised.split())


def jaccard(a: frozenset, b: frozenset) -> float:
    if not a or not b:
        return 0.0
    shared = len(a & b)
    return shared / (len(a) + len(b) - shared)


def signature(response_ids: Iterable[int]) -> str:
    """A short stable name for a set of answers (the same members, the same signature)."""
    joined = ",".join(str(pk) for pk in sorted(response_ids))
    return hashlib.sha256(joined.encode()).hexdigest()[:16]


# --- identical and near-identical ---------------------------------------------------------------
@dataclass
class AnswerGroup:
    key: str  # the normalised text of the group's most common wording
    text: str  # that wording as first written
    response_ids: list[int]
    variants: int  # distinct normalised wordings in the group
    identical: int  # answers with exactly the most common wording

    @property
    def count(self) -> int:
        return len(self.response_ids)

    @property
    def campaign(self) -> bool:
        return self.identical >= CAMPAIGN_SIZE


def group_answers(
    answers: Iterable[tuple[int, str]], *, threshold: float = NEAR_IDENTICAL
) -> list[AnswerGroup]:
    """Groups of two or more answers that are identical or near-identical, largest first.

    ``answers`` are ``(response id, text)`` pairs.
    """
    members: dict[str, list[int]] = defaultdict(list)
    first_text: dict[str, str] = {}
    for pk, text in answers:
        key = normalise(text)
        if not key:
            continue
        members[key].append(pk)
        first_text.setdefault(key, text)
    keys = list(members)
    grams = [word_set(k) for k in keys]
    parent = list(range(len(keys)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in _similar_pairs(grams, threshold):
        a, b = root(i), root(j)
        if a != b:
            parent[max(a, b)] = min(a, b)

    clusters: dict[int, list[int]] = defaultdict(list)
    for i in range(len(keys)):
        clusters[root(i)].append(i)
    groups = []
    for indexes in clusters.values():
        ids = sorted(pk for i in indexes for pk in members[keys[i]])
        if len(ids) < 2:
            continue
        main = max(indexes, key=lambda i: (len(members[keys[i]]), -i))
        groups.append(
            AnswerGroup(
                key=keys[main],
                text=first_text[keys[main]],
                response_ids=ids,
                variants=len(indexes),
                identical=len(members[keys[main]]),
            )
        )
    groups.sort(key=lambda g: (-g.count, g.key))
    return groups


def _similar_pairs(grams: list[frozenset], threshold: float) -> Iterable[tuple[int, int]]:
    """Index pairs whose Jaccard similarity reaches ``threshold`` (prefix filtering).

    With tokens ordered rarest first, two sets with similarity at least t must share one of
    the first ``|A| - ceil(t·|A|) + 1`` tokens of each, so only those are indexed.
    """
    frequency = Counter(g for gs in grams for g in gs)
    index: dict[str, list[int]] = defaultdict(list)
    order = sorted(range(len(grams)), key=lambda i: len(grams[i]))
    for i in order:
        size = len(grams[i])
        if not size:
            continue
        ranked = sorted(grams[i], key=lambda g: (frequency[g], g))
        prefix = ranked[: size - math.ceil(threshold * size) + 1]
        candidates = set()
        for gram in prefix:
            candidates.update(index[gram])
        for j in candidates:
            # Sets visited in size order: a smaller set below t·|A| can never reach t.
            if len(grams[j]) >= threshold * size and jaccard(grams[i], grams[j]) >= threshold:
                yield j, i
        for gram in prefix:
            index[gram].append(i)


# --- suggested themes ----------------------------------------------------------------------------
@dataclass
class Suggestion:
    signature: str
    words: list[str]
    sample: list[str]
    response_ids: list[int] = field(repr=False)
    # The response whose answer each sample is (the texts can be read again from these).
    sample_ids: list[int] = field(default_factory=list, repr=False)

    @property
    def count(self) -> int:
        return len(self.response_ids)

    @property
    def name(self) -> str:
        """A first name for the theme the analyst may keep or change."""
        return ", ".join(self.words[:3])


def words_of(normalised: str, language: str) -> list[str]:
    stop = STOP_WORDS.get(language.split("-")[0], frozenset())
    return [w for w in WORD.findall(normalised) if len(w) > 1 and not w.isdigit() and w not in stop]


def suggest_themes(
    answers: Iterable[tuple[int, str]], *, language: str = "en", limit: int = MAX_SUGGESTIONS
) -> list[Suggestion]:
    """Clusters of answers sharing telling words, largest first (at most ``limit``).

    Each has its five most telling words (highest weight in the cluster's centre), a sample of
    the three answers nearest that centre and every member's response id.
    """
    members: dict[str, list[int]] = defaultdict(list)
    first_text: dict[str, str] = {}
    for pk, text in answers:
        key = normalise(text)
        if key:
            members[key].append(pk)
            first_text.setdefault(key, text)
    keys = list(members)
    weights = [len(members[k]) for k in keys]
    tokens = [words_of(k, language) for k in keys]
    total = sum(weights)
    document_frequency: Counter = Counter()
    for words, weight in zip(tokens, weights, strict=True):
        for word in set(words):
            document_frequency[word] += weight
    # A word in nearly every answer (the question's own subject) or in a single one tells
    # nothing about how answers differ.
    usable = {w for w, n in document_frequency.items() if n >= 2 and n <= 0.5 * total}
    vectors, kept = [], []
    for i, words in enumerate(tokens):
        counts = Counter(w for w in words if w in usable)
        if not counts:
            continue
        vector = {
            w: (1 + math.log(n)) * math.log(1 + total / document_frequency[w])
            for w, n in counts.items()
        }
        vectors.append(_unit(vector))
        kept.append(i)
    if len(kept) < MIN_SUGGESTION_SIZE:
        return []
    kept_weights = [weights[i] for i in kept]
    k = max(2, min(limit, round(math.sqrt(sum(kept_weights) / 4))))
    assignment, centres = _spherical_kmeans(vectors, kept_weights, k)

    suggestions = []
    for c, centre in enumerate(centres):
        in_cluster = [n for n, a in enumerate(assignment) if a == c]
        ids = sorted(pk for n in in_cluster for pk in members[keys[kept[n]]])
        if len(ids) < MIN_SUGGESTION_SIZE:
            continue
        words = [w for w, _ in sorted(centre.items(), key=lambda item: (-item[1], item[0]))[:5]]
        nearest = sorted(in_cluster, key=lambda n: (-_dot(vectors[n], centre), keys[kept[n]]))
        suggestions.append(
            Suggestion(
                signature=signature(ids),
                words=words,
                sample=[first_text[keys[kept[n]]] for n in nearest[:3]],
                response_ids=ids,
                sample_ids=[members[keys[kept[n]]][0] for n in nearest[:3]],
            )
        )
    suggestions.sort(key=lambda s: (-s.count, s.words))
    return suggestions


def _unit(vector: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
    return {w: v / norm for w, v in vector.items()}


def _dot(vector: dict[str, float], centre: dict[str, float]) -> float:
    return sum(v * centre.get(w, 0.0) for w, v in vector.items())


def _spherical_kmeans(
    vectors: list[dict[str, float]], weights: list[int], k: int, iterations: int = 12
) -> tuple[list[int], list[dict[str, float]]]:
    """Assign each vector to the nearest of ``k`` unit centres (cosine), weighted by count.

    Seeded deterministically, farthest first from the most common answer; centres keep their
    200 heaviest words so each step stays proportional to the answers' own words.
    """
    first = max(range(len(vectors)), key=lambda n: (weights[n], -n))
    centres = [vectors[first]]
    closest = [_dot(v, centres[0]) for v in vectors]
    while len(centres) < min(k, len(vectors)):
        candidate = min(range(len(vectors)), key=lambda n: (closest[n], -weights[n], n))
        if closest[candidate] >= 0.999:
            break  # everything left is already a centre's twin
        centres.append(vectors[candidate])
        closest = [max(c, _dot(v, centres[-1])) for c, v in zip(closest, vectors, strict=True)]
    assignment = [-1] * len(vectors)
    for _ in range(iterations):
        changed = False
        # Each centre's weights by word, so a vector is scored against every centre at once,
        # touching only the centres that share its words.
        postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for c, centre in enumerate(centres):
            for w, v in centre.items():
                postings[w].append((c, v))
        for n, vector in enumerate(vectors):
            scores = [0.0] * len(centres)
            for w, v in vector.items():
                for c, weight in postings.get(w, ()):
                    scores[c] += v * weight
            best = max(range(len(centres)), key=scores.__getitem__)  # first on ties
            if best != assignment[n]:
                assignment[n], changed = best, True
        if not changed:
            break
        sums: list[dict[str, float]] = [defaultdict(float) for _ in centres]
        for n, vector in enumerate(vectors):
            target = sums[assignment[n]]
            for w, v in vector.items():
                target[w] += v * weights[n]
        centres = [
            _unit(dict(sorted(s.items(), key=lambda item: -item[1])[:200])) if s else centres[c]
            for c, s in enumerate(sums)
        ]
    return assignment, centres
