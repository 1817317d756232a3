"""Name normalisation for entity resolution.

Two names denote the same cluster only on evidence: the same core name after
normalisation (case, a leading article, a country qualifier, the word
"cluster", a legal form), a near-exact spelling, or an explicit rename.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from rapidfuzz import fuzz

from pipeline.text.regions import country_name, country_names

NEAR_EXACT = 90.0  # rapidfuzz ratio on core names: "InfoCom" ~ "InfoComm" is 93.3
SUGGEST = 70.0  # below NEAR_EXACT and above this: a review suggestion, never a merge
MIN_FUZZY_LEN = 5

_LEGAL = re.compile(r"\b(a\.?s\.?b\.?l|asbl|e\.?\s?v|gmbh|vzw|srl|sa|ltd|ry|z\.?s\.?|o\.?p\.?s)\b\.?", re.I)
_ARTICLE = re.compile(r"^(the|a|an)\s+", re.I)
_CLUSTER_WORD = re.compile(r"\bclusters?\b", re.I)
_CLUSTER_FOR = re.compile(r"^(?:cluster|pôle)\s+(?:for|of)\s+(?:the\s+)?", re.I)
_PUNCT = re.compile(r"[^\w&+]+")


def plain(text: str) -> str:
    """Case-folded, single-spaced, without a leading article."""
    return _ARTICLE.sub("", " ".join(text.split())).casefold()


def cluster_core(name: str, country: str | None) -> str:
    """The part of a cluster name that identifies it.

    >>> cluster_core("the Luxembourg Wood Cluster", "LU")
    'wood'
    >>> cluster_core("Cluster for Logistics", "LU")
    'logistics'
    >>> cluster_core("Luxembourg HealthTech Cluster", "LU")
    'healthtech'
    >>> cluster_core("Cluster Maritime Luxembourgeois asbl / CML", "LU")
    'maritime luxembourgeois cml'
    """
    text = plain(name)
    text = _CLUSTER_FOR.sub("", text)
    country_label = (country_name(country) or "").casefold()
    if country_label and text.startswith(country_label + " ") and len(text) > len(country_label) + 1:
        text = text[len(country_label) + 1 :]
    text = _LEGAL.sub(" ", text)
    text = _CLUSTER_WORD.sub(" ", text)
    text = _PUNCT.sub(" ", text)
    core = " ".join(text.split())
    return core or plain(name)


def near_exact(a: str, b: str) -> bool:
    if a == b:
        return True
    if min(len(a), len(b)) < MIN_FUZZY_LEN:
        return False
    return fuzz.ratio(a, b) >= NEAR_EXACT


def similarity(a: str, b: str) -> float:
    """A score for review suggestions: the best of ratio and token-set ratio."""
    return max(fuzz.ratio(a, b), fuzz.token_set_ratio(a, b))


@lru_cache(maxsize=4096)
def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def policy_tokens(name: str) -> tuple[str, ...]:
    """Singularised word tokens of a policy name, without a leading article."""
    return tuple(_singular(w) for w in _PUNCT.sub(" ", plain(name)).split())


def expand_coordination(name: str) -> list[str]:
    """'Business and Competitive Cluster policies' -> both short forms it abbreviates.

    >>> expand_coordination("Business and Competitive Cluster policies")
    ['Business Cluster policies', 'Competitive Cluster policies']
    >>> expand_coordination("Luxembourg Cluster Initiative")
    ['Luxembourg Cluster Initiative']
    """
    match = re.match(r"^(?:the\s+)?(\w[\w-]*)\s+and\s+(\w[\w-]*)\s+(.+)$", name.strip(), re.I)
    if not match:
        return [name]
    first, second, head = match.groups()
    return [f"{first} {head}", f"{second} {head}"]


def is_sub_phrase(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """True when `short` (two tokens or more) occurs contiguously in `long`."""
    if len(short) < 2 or len(short) > len(long):
        return False
    return any(long[i : i + len(short)] == short for i in range(len(long) - len(short) + 1))


# ------------------------------------------------------------------ variant keys


@dataclass(frozen=True)
class OrgNameWords:
    """What two sources vary when they name the same organisation (pipeline/models/data/org_names.json)."""

    legal_forms: tuple[tuple[str, ...], ...]
    legal_forms_anywhere: frozenset[str]
    cluster_words: frozenset[str]
    organisation_words: frozenset[str]
    joining_words: frozenset[str]
    generic_keys: frozenset[str]


@lru_cache(maxsize=1)
def org_name_words() -> OrgNameWords:
    text = resources.files("pipeline.models.data").joinpath("org_names.json").read_text("utf-8")
    data = json.loads(text)
    forms = sorted({tuple(form.split()) for form in data["legal_forms"]}, key=len, reverse=True)
    return OrgNameWords(
        legal_forms=tuple(forms),
        legal_forms_anywhere=frozenset(data["legal_forms_anywhere"]),
        cluster_words=frozenset(data["cluster_words"]),
        organisation_words=frozenset(data["organisation_words"]),
        joining_words=frozenset(data["joining_words"]),
        generic_keys=frozenset(data["generic_keys"]),
    )


def folded_tokens(name: str) -> list[str]:
    """Case, accents and punctuation folded away; '&' and '+' kept as words.

    >>> folded_tokens("Moravskoslezský klastr, z.s.p.o.")
    ['moravskoslezsky', 'klastr', 'z', 's', 'p', 'o']
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    return re.sub(r"[^\w&+]+|_", " ", text).split()


def _strip_legal_tail(words: list[str], forms: tuple[tuple[str, ...], ...]) -> list[str]:
    stripped = True
    while stripped:
        stripped = False
        for form in forms:
            if len(words) > len(form) and tuple(words[-len(form) :]) == form:
                words = words[: -len(form)]
                stripped = True
                break
    return words


def _strip_country(words: list[str], country: str | None, joining: frozenset[str]) -> list[str]:
    for label in sorted((folded_tokens(n) for n in country_names(country)), key=len, reverse=True):
        n = len(label)
        i = 0
        while i + n <= len(words):
            if words[i : i + n] == label and len(words) > n:
                start = i
                while start > 0 and words[start - 1] in joining:
                    start -= 1
                words = words[:start] + words[i + n :]
                i = start
            else:
                i += 1
    return words


def variant_key(name: str, country: str | None) -> str | None:
    """A key two spellings of one organisation share though their cores differ.

    Folds what sources vary when they name the same cluster organisation: a
    trailing legal form, the word "cluster" in any language of the data, the
    organisation's own country (as a name or an adjective, before or after),
    "Association" and its kin, joining words and word order. Used only to merge
    names of the same country; never for record ids. None when nothing specific
    is left.

    >>> variant_key("Slovenian Wood Cluster", "SI") == variant_key("Wood Cluster of Slovenia", "SI")
    True
    >>> variant_key("Plastics Cluster Association", "AT") == variant_key("Plastics Cluster", "AT")
    True
    >>> variant_key("Moravian-Silesian Automotive Cluster, z.s.p.o.", "CZ")
    'automotive moravian silesian'
    >>> variant_key("Energy Cluster Association of the Basque Country", "ES")
    'basque country energy'
    >>> variant_key("Latvian Cluster Association", "LV") is None
    True
    >>> variant_key("Luxembourg Cluster Initiative", "LU") is None
    True
    """
    words_data = org_name_words()
    words = folded_tokens(name)
    words = _strip_legal_tail(words, words_data.legal_forms)
    drop = words_data.cluster_words | words_data.legal_forms_anywhere
    words = [w for w in words if w not in drop]
    words = _strip_country(words, country, words_data.joining_words)
    words = [w for w in words if w not in words_data.joining_words]
    specific = [w for w in words if w not in words_data.organisation_words]
    if not specific or (len(specific) == 1 and specific[0] in words_data.generic_keys):
        return None
    return " ".join(sorted(specific))
