"""Text rules shared by indexing and querying: folding, query parsing, configurations, and the
ranking and highlighting conventions every engine (PostgreSQL, SQLite, Elasticsearch) follows.

PostgreSQL matches with a text search configuration per language (``config_for``), created by
``search.migrations.0002_postgres_text_search``: a copy of PostgreSQL's own configuration for
the language (``simple`` where PostgreSQL has no stemmer) with ``unaccent`` in front, so
"onarim" finds "onarım" and "ecole" finds "école". SQLite has no stemming; it matches the
``folded`` column, which ``fold`` makes the same way from both sides.
"""

import re
import unicodedata
from dataclasses import dataclass, field

# The stemmer PostgreSQL ships for each of our languages; the others have none and use simple.
STEMMERS = {"en": "english", "fr": "french", "es": "spanish", "tr": "turkish", "yi": "yiddish"}
CONFIG_PREFIX = "portal_search_"
CURRENT_BOOST = 1.3  # open consultations, upcoming events and meetings
FALLBACK_FACTOR = 0.9  # a result in the visitor's language first, at equal relevance
# Private-use characters around each match in a snippet, turned into <mark> once the snippet is
# escaped (``search.selectors``). Indexed text never contains them (``search.indexing``).
MARK_START, MARK_END = "\ue000", "\ue001"
# Words shorter than this are matched whole; longer ones also match as a prefix, which catches
# inflections the stemmers leave apart (Turkish "onarım" is stemmed "onar", "onarımlar" "onarim").
PREFIX_MIN_LENGTH = 4
_WORD = re.compile(r"\w+")
_PHRASE = re.compile(r'"([^"]*)"')
# Letters that Unicode does not decompose into a base letter and a mark.
_FOLD_EXTRA = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "ß": "ss", "đ": "d", "ħ": "h"})


def config_for(language_code: str) -> str:
    """The PostgreSQL text search configuration for content in ``language_code``."""
    return CONFIG_PREFIX + STEMMERS.get(language_code.split("-")[0], "simple")


def fold(text: str) -> str:
    """Lower case, without accents: how SQLite compares words."""
    text = text.casefold().translate(_FOLD_EXTRA)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def words(text: str) -> list[str]:
    return _WORD.findall(text)


@dataclass
class ParsedQuery:
    """A visitor's query as words and quoted phrases; nothing else in it is syntax."""

    words: list[str] = field(default_factory=list)
    phrases: list[list[str]] = field(default_factory=list)
    # Folded word -> other ways of saying it (each a list of words), from editors' synonyms.
    synonyms: dict[str, list[list[str]]] = field(default_factory=dict)

    def __bool__(self):
        return bool(self.words or self.phrases)

    @property
    def all_words(self) -> list[str]:
        return [*self.words, *(word for phrase in self.phrases for word in phrase)]

    def tsquery_text(self) -> str:
        """Input for ``to_tsquery``: every part must match; phrases word after word.

        Only ``\\w`` characters reach the quotes, so nothing the visitor typed is an operator.
        """
        parts = []
        for word in self.words:
            options = [f"'{word}':*" if len(word) >= PREFIX_MIN_LENGTH else f"'{word}'"]
            for alternative in self.synonyms.get(fold(word), []):
                options.append("(" + " <-> ".join(f"'{part}'" for part in alternative) + ")")
            parts.append(options[0] if len(options) == 1 else "(" + " | ".join(options) + ")")
        parts += [
            "(" + " <-> ".join(f"'{word}'" for word in phrase) + ")" for phrase in self.phrases
        ]
        return " & ".join(parts)

    def as_text(self) -> str:
        """The query written back: words, then phrases in quotes."""
        return " ".join([*self.words, *('"' + " ".join(phrase) + '"' for phrase in self.phrases)])


def parse_query(query: str) -> ParsedQuery:
    """Quoted phrases and the words outside them; an unclosed quote is just a word boundary."""
    parsed = ParsedQuery()
    for phrase in _PHRASE.findall(query):
        phrase_words = words(phrase)
        if len(phrase_words) > 1:
            parsed.phrases.append(phrase_words)
        else:
            parsed.words.extend(phrase_words)
    parsed.words.extend(words(_PHRASE.sub(" ", query)))
    return parsed
