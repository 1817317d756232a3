"""Rule families for prose extraction, loaded from versioned data in `rules/<version>/`.

One `pattern_*` function per rule family; each returns the rules as data
(EntityRuler / Matcher token patterns or small typed tables) so that the rules
can be reviewed and versioned without touching code.  Nothing here knows the
sample documents: the rules describe phrasings, not names.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import MISSING, dataclass
from functools import cache
from pathlib import Path
from typing import Literal

from pipeline.text.dates import DateExpr, DateRules, find_dates, pattern_dates  # noqa: F401 (re-exported)

RULES_VERSION = "v1"
RULES_DIR = Path(__file__).parent / "rules" / RULES_VERSION

TokenPattern = list[dict[str, object]]


class RuleDataError(ValueError):
    """A rule file is missing or malformed."""


def _load_json(name: str) -> object:
    path = RULES_DIR / name
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise RuleDataError(f"cannot load rule file {path}: {exc}") from exc


def _load_jsonl(name: str) -> list[dict[str, object]]:
    path = RULES_DIR / name
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
        return [json.loads(line) for line in lines if line.strip()]
    except (OSError, json.JSONDecodeError) as exc:
        raise RuleDataError(f"cannot load rule file {path}: {exc}") from exc


# ------------------------------------------------------------------ lexicon


@dataclass(frozen=True)
class NameLexicon:
    non_name_words: frozenset[str]
    generic_heads: frozenset[str]
    camelcase_stopwords: frozenset[str]
    legal_forms: frozenset[str]
    cluster_nouns: frozenset[str]
    policy_heads: frozenset[str]
    role_titles: frozenset[str]
    generic_modifiers: frozenset[str]
    context_blockers: frozenset[str]
    person_titles: frozenset[str]
    non_cluster_org_words: frozenset[str]
    org_heads: frozenset[str]
    non_cluster_descriptors: frozenset[str]
    collective_descriptors: frozenset[str]  # "as a loose group of five glassworks": members, no company
    headline_words: frozenset[str] = frozenset()
    pronouns: frozenset[str] = frozenset()
    title_modifiers: frozenset[str] = frozenset()  # "the National Cluster Association": a name's first word
    legal_form_modifiers: frozenset[str] = frozenset()  # "founded as a non-profit company": a legal form
    legal_form_heads: frozenset[str] = frozenset()  # "established as a foundation": a legal form by itself
    association_legal_forms: frozenset[str] = frozenset()  # "OptoNet e.V.": a non-profit association's form
    abbreviated_legal_forms: frozenset[str] = frozenset()  # "Kft.", "z.s.": no sentence end, dropped from a name
    membership_words: frozenset[str] = frozenset()
    member_headlines: frozenset[str] = frozenset()
    policy_topic_words: frozenset[str] = frozenset()
    context_nouns: frozenset[str] = frozenset()  # nouns that make a sentence about clusters without being cluster nouns
    context_heads: tuple[tuple[str, str], ...] = ()  # (label, lower-case head phrase), longest first
    grouping_heads: frozenset[str] = frozenset()  # "X, the association of electronics firms": a cluster
    business_members: frozenset[str] = frozenset()  # ... when what it groups are firms
    enumeration_openers: frozenset[str] = frozenset()  # "two", "both": "two clusters, X and Y"
    enumeration_heads: tuple[tuple[str, str], ...] = ()  # (label, plural head) introducing a list of names


@cache
def pattern_name_lexicon() -> NameLexicon:
    """Word lists behind the name patterns (`rules/v1/name_lexicon.json`).

    >>> lex = pattern_name_lexicon()
    >>> "the" in lex.non_name_words, "policy" in lex.generic_heads, "manager" in lex.role_titles
    (True, True, True)
    >>> ("CLUSTER", "cluster") in lex.context_heads
    True
    """
    data = _load_json("name_lexicon.json")
    if not isinstance(data, dict):
        raise RuleDataError("name_lexicon.json must be an object")
    words = {
        key: frozenset(str(w).lower() for w in data[key])
        for key in NameLexicon.__dataclass_fields__
        if key not in ("context_heads", "enumeration_heads")
    }
    heads = sorted(
        ((str(label), str(h).lower()) for label, hs in data["context_heads"].items() for h in hs),
        key=lambda lh: (-len(lh[1]), lh),
    )
    listed = sorted(
        ((str(label), str(h).lower()) for label, hs in data["enumeration_heads"].items() for h in hs),
        key=lambda lh: (-len(lh[1]), lh),
    )
    return NameLexicon(**words, context_heads=tuple(heads), enumeration_heads=tuple(listed))


# upper-case letters of Latin-1 and Latin Extended-A ("Öst", "Łódź", "Šibenik") as a regex class
UPPER = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.isupper() and c.lower() != c)
_NAME_WORD = re.compile(rf"^[{UPPER}][\w&'’.\-]*$|^[{UPPER}0-9]+[{UPPER}][\w\-]*$|^[a-z][{UPPER}][a-z][\w\-]*$")  # "iTech"
_CAMEL = re.compile(r"^[A-Z][a-z]+(?:[A-Z][A-Za-z]*|[0-9][A-Za-z0-9]*)+$")


def is_name_word(text: str) -> bool:
    """A token that can be part of a proper name (Title, UPPER, CamelCase).

    >>> [is_name_word(w) for w in ["Wood", "ICT", "HealthTech", "the", "Clusters", "The", "It", "IT", "iTech", "iOS"]]
    [True, True, True, False, False, False, False, True, True, False]
    """
    lex = pattern_name_lexicon()
    low = text.lower()
    if low in lex.pronouns and not text.isupper():
        return False  # "It", "Your" (but "IT" in "Vistula IT Klaster")
    return bool(_NAME_WORD.match(text)) and low not in lex.non_name_words and low not in lex.cluster_nouns


def is_camelcase_name(text: str) -> bool:
    """A single CamelCase / alphanumeric brand token: 'SurfMat', 'BioMan4R2', 'SocialTech4EU'.

    >>> [is_camelcase_name(w) for w in ["SurfMat", "InfoComm", "BioMan4R2", "Wood", "PhD", "ClusterClusters"]]
    [True, True, True, False, False, False]
    """
    lex = pattern_name_lexicon()
    low = text.lower()
    return bool(_CAMEL.match(text)) and low not in lex.camelcase_stopwords and "cluster" not in low


# -------------------------------------------------------------- name rules


@cache
def pattern_cluster_names() -> tuple[dict[str, object], ...]:
    """EntityRuler patterns (label CLUSTER) for cluster names written with "cluster".

    Families (pattern `id`):
    - x_cluster: "Automotive Cluster", "the Luxembourg Wood Cluster", "ELBE Eurocluster",
      "Luxembourg Materials & Manufacturing Cluster", "West of Scotland Space Cluster" (a compass word and "of" before
      the place)
    - x_lower_cluster: "the Luxembourg Wood cluster"
    - x_cluster_y: "Cluster Maritime Luxembourgeois asbl", "Hydrogen Cluster Bavaria"
    - cluster_for_x: "Cluster for Logistics"
    - lower_cluster_for_x: "a cluster for the creative industries" (name = "cluster for the creative industries")
    - cluster_named: "the cluster Danish Sound Cluster" (name = what follows "cluster")
    - prefix_cluster: a lower-case brand prefix glued to "Cluster" ("gi-Cluster", "si-Cluster")
    - cluster_association: an association of clusters ("Latvian Cluster Network", "Union of Slovak Clusters", "Federation of ICT
      Clusters of Bulgaria", "Clusters of Sweden")
    - compound_cluster: a compound ending in a cluster noun before its place ("Holzcluster Thüringen",
      "Automobilcluster Ostdeutschland"), or alone ("Autoklastr", "Biocluster"; not "Supercluster")
    - status_prefix: a programme level's prefix before the name ("NCE Arctic Seafood", "Arena Hydrogen Fjord"; not
      the level "Arena Pro")

    >>> {"cluster_for_x", "cluster_named", "lower_cluster_for_x"} <= {p["id"] for p in pattern_cluster_names()}
    True
    """
    return tuple(_load_jsonl("cluster_names.jsonl"))


@cache
def pattern_policy_names() -> tuple[dict[str, object], ...]:
    """EntityRuler patterns (label POLICY) for initiatives and cluster policies.

    - cluster_initiative: "Luxembourg Cluster Initiative", "Cluster Initiative", "Joint Cluster Initiatives"
    - cluster_policy: "Flanders Innovation Clusters policy",
      "Business and Competitive Cluster policies", "Danish Cluster Programme"
    - initiative_anaphor: "the Initiative" (name = "Initiative")
    - x_programme: a name before a lower-case programme head ("Vinnväxt programme", "InoLink measure",
      "CzechTrade scheme", "Key National Cluster status")

    >>> {"cluster_initiative", "cluster_policy", "initiative_anaphor"} <= {p["id"] for p in pattern_policy_names()}
    True
    """
    return tuple(_load_jsonl("policy_names.jsonl"))


# ------------------------------------------------------------ event rules


@dataclass(frozen=True)
class EventRules:
    triggers: tuple[tuple[str, tuple[str, ...]], ...]  # (qualifier, token sequence)
    nominal: frozenset[str]
    announce: str
    lineage: tuple[tuple[str, ...], ...]
    passive_aux: frozenset[str]
    adverbs: frozenset[str]
    date_blockers: frozenset[str]
    fronted_openers: frozenset[str] = frozenset()
    structured_label: str = r"^$"
    intransitive_followers: frozenset[str] = frozenset()
    possessed_activities: frozenset[str] = frozenset()
    nominal_documents: frozenset[str] = frozenset()
    legal_form_nouns: frozenset[str] = frozenset()
    merger_nouns: frozenset[str] = frozenset()  # "formed through the merger of A and B": the new organisation
    person_founders: frozenset[str] = frozenset()
    company_verbs: frozenset[str] = frozenset()
    object_since_verbs: frozenset[str] = frozenset()
    held_since_verbs: frozenset[str] = frozenset()  # "has held the status ... since": a status, no start
    succession_verbs: frozenset[str] = frozenset()  # "was followed in 2007 by the X programme"
    held_since_nouns: frozenset[str] = frozenset()
    object_since_openers: frozenset[str] = frozenset()
    person_subjects: frozenset[str] = frozenset()  # "who has led the association since 2016": a tenure
    change_since_verbs: frozenset[str] = frozenset()  # "has grown since 2015": a change, not the start
    own_lineage: frozenset[str] = frozenset()  # "X goes back to 2011": the organisation's own start
    unified_openers: frozenset[str] = frozenset()  # "continue as one organisation: X"
    unified_nouns: frozenset[str] = frozenset()
    object_heads: frozenset[str] = frozenset()
    qualified_followers: tuple[tuple[str, frozenset[str]], ...] = ()
    publication_day_words: frozenset[str] = frozenset()  # "the Ministry today unveiled": the page's date
    policy_only: frozenset[tuple[str, ...]] = frozenset()  # "its first call in 2013" starts a programme, never an organisation


def inflected(seq: tuple[str, ...], forms: Mapping[str, tuple[str, ...]]) -> list[tuple[str, ...]]:
    """A trigger written once with a verb's base form in angle brackets, in every form of that verb:
    an idiom is one rule however a writer conjugates it.

    >>> inflected(("<get>", "off", "the", "ground"), {"get": ("get", "got")})
    [('get', 'off', 'the', 'ground'), ('got', 'off', 'the', 'ground')]
    >>> inflected(("set", "up"), {"get": ("get", "got")})
    [('set', 'up')]
    """
    out: list[tuple[str, ...]] = [()]
    for word in seq:
        verb = word[1:-1] if word.startswith("<") and word.endswith(">") and word != WILDCARD_NAME else None
        if verb is not None and verb not in forms:
            raise RuleDataError(f"events.json: no verb_forms for {word}")
        choices = forms[verb] if verb is not None else (word,)
        out = [prefix + (choice,) for prefix in out for choice in choices]
    return out


@cache
def pattern_event_triggers() -> EventRules:
    """Event verbs/nouns with the qualifier they give, lineage cues, passive auxiliaries.

    "was created in 2001" -> created; "has announced the creation of" -> announced;
    "set up in 2019" -> set up; "dating back to the late 1980s" -> lineage (never a start).

    >>> rules = pattern_event_triggers()
    >>> ("set up", ("set", "up")) in rules.triggers, "creation" in rules.nominal
    (True, True)
    """
    data = _load_json("events.json")
    if not isinstance(data, dict):
        raise RuleDataError("events.json must be an object")
    forms = {str(k): tuple(v) for k, v in data.get("verb_forms", {}).items()}
    triggers = tuple(
        (qualifier, expanded)
        for qualifier, seqs in data["triggers"].items()
        for seq in seqs
        for expanded in inflected(tuple(seq), forms)
    )
    return EventRules(
        triggers=triggers,
        nominal=frozenset(data["nominal"]),
        announce=str(data["announce"]),
        lineage=tuple(tuple(seq) for seq in data["lineage"]),
        passive_aux=frozenset(data["passive_aux"]),
        adverbs=frozenset(data["adverbs"]),
        date_blockers=frozenset(data["date_blockers"]),
        fronted_openers=frozenset(data["fronted_openers"]),
        structured_label=str(data["structured_label"]),
        intransitive_followers=frozenset(data["intransitive_followers"]),
        possessed_activities=frozenset(data["possessed_activities"]),
        nominal_documents=frozenset(data.get("nominal_documents", ())),
        legal_form_nouns=frozenset(data.get("legal_form_nouns", ())),
        merger_nouns=frozenset(data.get("merger_nouns", ())),
        person_founders=frozenset(data.get("person_founders", ())),
        company_verbs=frozenset(data.get("company_verbs", ())),
        object_since_verbs=frozenset(data.get("object_since_verbs", ())),
        held_since_verbs=frozenset(data.get("held_since_verbs", ())),
        succession_verbs=frozenset(data.get("succession_verbs", ())),
        held_since_nouns=frozenset(data.get("held_since_nouns", ())),
        object_since_openers=frozenset(data.get("object_since_openers", ())),
        person_subjects=frozenset(data.get("person_subjects", ())),
        own_lineage=frozenset(data.get("own_lineage", ())),
        change_since_verbs=frozenset(data.get("change_since_verbs", ())),
        unified_openers=frozenset(data.get("unified_openers", ())),
        unified_nouns=frozenset(data.get("unified_nouns", ())),
        object_heads=frozenset(data.get("object_heads", ())),
        qualified_followers=tuple(
            (qualifier, frozenset(words)) for qualifier, words in data.get("qualified_followers", {}).items()
        ),
        policy_only=frozenset(tuple(seq) for seq in data.get("policy_only", ())),
        publication_day_words=frozenset(data.get("publication_day_words", ())),
    )


@dataclass(frozen=True)
class DiscourseRules:
    anaphors: tuple[tuple[str, tuple[str, ...]], ...]  # (entity type: cluster | policy | any, tokens)
    not_followed_by: frozenset[str]
    possessives: frozenset[str]
    blocked_modifiers: frozenset[str] = frozenset()
    possessive_topic: frozenset[str] = frozenset()  # "our", "us": never the subject of an event
    described_determiners: frozenset[str] = frozenset()  # "the", "its": "its cluster grant scheme"
    described_cluster_words: frozenset[str] = frozenset()  # "cluster", "pole"
    described_heads: frozenset[str] = frozenset()  # "programme", "scheme", "title"
    described_blocked: frozenset[str] = frozenset()  # "the previous cluster programme"
    pair_openers: tuple[tuple[str, ...], ...] = ()  # "both", "the two"
    pair_heads: frozenset[str] = frozenset()  # "clusters", "networks"
    subject_only_heads: frozenset[str] = frozenset()  # "The ecosystem came together …", not "… to the ecosystem"


@cache
def pattern_anaphors() -> DiscourseRules:
    """References to an entity named elsewhere: "the cluster", "the programme", "it".

    >>> rules = pattern_anaphors()
    >>> ("cluster", ("the", "cluster")) in rules.anaphors, ("any", ("it",)) in rules.anaphors
    (True, True)
    """
    data = _load_json("discourse.json")
    if not isinstance(data, dict):
        raise RuleDataError("discourse.json must be an object")
    return DiscourseRules(
        anaphors=tuple((str(kind), tuple(seq)) for kind, seqs in data["anaphors"].items() for seq in seqs),
        not_followed_by=frozenset(data["not_followed_by"]),
        possessives=frozenset(data["possessives"]),
        blocked_modifiers=frozenset(data["blocked_modifiers"]),
        possessive_topic=frozenset(data.get("possessive_topic", ())),
        described_determiners=frozenset(data["descriptive_policy"]["determiners"]),
        described_cluster_words=frozenset(data["descriptive_policy"]["cluster_words"]),
        described_heads=frozenset(data["descriptive_policy"]["heads"]),
        described_blocked=frozenset(data["descriptive_blocked"]),
        pair_openers=tuple(tuple(o) for o in data["pair_references"]["openers"]),
        pair_heads=frozenset(data["pair_references"]["heads"]),
        subject_only_heads=frozenset(data.get("subject_only_heads", ())),
    )


@cache
def pattern_described_policy() -> TokenPattern:
    """A programme described, not named: "the regional cluster programme", "its cluster grant
    scheme", "the competitiveness pole policy", "the accredited innovation cluster title", "the
    French competitiveness poles policy" (a capitalised word: a place's adjective, see `described_policy`)
    (discourse.json, `descriptive_policy`)."""
    rules = pattern_anaphors()
    # content words only: "the oldest cluster in that programme" describes a cluster, not a programme
    # (or a hyphen joining them: "the national competitiveness-pole policy")
    free = {
        "TEXT": {"REGEX": r"^(?:[^\W\d_]+|-)$"},
        "IS_UPPER": False,
        "IS_TITLE": False,
        "IS_STOP": False,
        "LOWER": {"NOT_IN": sorted(rules.described_blocked)},
    }
    return [
        {"LOWER": {"IN": sorted(rules.described_determiners)}},
        {"IS_TITLE": True, "IS_ALPHA": True, "OP": "?"},  # a place's adjective: "the French competitiveness poles policy"
        {**free, "OP": "{0,3}"},
        {"LOWER": {"IN": sorted(rules.described_cluster_words)}},
        {**free, "OP": "{0,2}"},
        {"LOWER": {"IN": sorted(rules.described_heads)}},
    ]


@dataclass(frozen=True)
class SyntaxRules:
    determiners: frozenset[str]
    relatives: frozenset[str]
    past_irregular: frozenset[str]
    name_joiners: frozenset[str]
    place_prepositions: frozenset[str]
    apposition_openers: frozenset[str]
    copulas: frozenset[str]
    pronoun_objects: frozenset[str]
    perfect_aux: frozenset[str]
    articles: frozenset[str]
    indefinite_openers: frozenset[str]
    possessive_determiners: frozenset[str]
    reference_determiners: frozenset[str]
    coordinators: frozenset[str]
    name_prepositions: frozenset[str]
    name_connectors: frozenset[str]
    name_tail_words: frozenset[str]
    place_or_origin_prepositions: frozenset[str]
    date_prepositions: frozenset[str]
    period_openers: frozenset[str]
    rename_fillers: frozenset[str]
    headline_openers: frozenset[str]
    clause_followers: frozenset[str]
    stop_after_for: frozenset[str]
    complement_prepositions: frozenset[str]
    possessive_markers: frozenset[str]
    reference_heads: frozenset[str]
    we_are_verbs: frozenset[str] = frozenset()
    abbreviations: frozenset[str] = frozenset()
    we_count_tail: tuple[str, ...] = ()  # "there are 41 of us"
    naming_words: frozenset[str] = frozenset()  # "a new scheme called the X Scheme"
    apposition_head_stops: frozenset[str] = frozenset()
    member_cues: frozenset[str] = frozenset()
    manager_verbs: frozenset[str] = frozenset()
    reflexives: frozenset[str] = frozenset()
    singular_aux: frozenset[str] = frozenset()  # "its training centre has trained ... since it opened"
    neuter_possessives: frozenset[str] = frozenset()
    government_heads: frozenset[str] = frozenset()  # "the Basque Government": a place's public body
    membership_verbs: frozenset[str] = frozenset()  # "X … today counts 115 member companies"
    membership_nouns: frozenset[str] = frozenset()
    reference_point_prepositions: frozenset[str] = frozenset()  # "five years after its initiation"
    membership_obliques: frozenset[str] = frozenset()
    membership_time_words: frozenset[str] = frozenset()  # "… which now has 90 member organisations"
    question_words: frozenset[str] = frozenset()  # "What is the national cluster policy?": no name
    first_person_possessives: frozenset[str] = frozenset()  # "We began our work in 2008"
    title_nouns: frozenset[str] = frozenset()  # "obtained the title of Accredited Innovation Cluster"
    aside_participles: frozenset[str] = frozenset()  # "The cluster, led by the X Association, was started"
    circumstance_prepositions: frozenset[str] = frozenset()  # "… under the X Fund, which …. It has …"
    agent_prepositions: frozenset[str] = frozenset()  # "X works with Agrolab. It …": a partner, maybe "it"
    compass_words: frozenset[str] = frozenset()  # "North Jutland": a place with its direction, no organisation
    origin_prepositions: frozenset[str] = frozenset()  # "eight wineries from Tikveš set it up": a place  # "… from Gdynia, set up in 2016, which has 74 members"
    purpose_prepositions: frozenset[str] = frozenset()  # "the scheme for the support of industrial clusters"


_OPTIONAL_SYNTAX = frozenset(k for k, f in SyntaxRules.__dataclass_fields__.items() if f.default is not MISSING)


@cache
def pattern_syntax() -> SyntaxRules:
    """Function words the positional rules step over or stop at (rules/v1/syntax.json).

    "launched the X Programme" (determiner), "X, which started in 2002" (relative), "X, the food
    cluster of the region, was set up" and "X, previously known as Y, was founded" (apposition
    openers: X is the subject).

    >>> rules = pattern_syntax()
    >>> "the" in rules.determiners, "which" in rules.relatives, "previously" in rules.apposition_openers
    (True, True, True)
    """
    data = _load_json("syntax.json")
    if not isinstance(data, dict):
        raise RuleDataError("syntax.json must be an object")
    try:
        sets = {
            k: frozenset(str(w) for w in data[k])
            for k in SyntaxRules.__dataclass_fields__
            if k != "we_count_tail" and (k in data or k not in _OPTIONAL_SYNTAX | {"we_are_verbs"})
        }
        return SyntaxRules(**sets, we_count_tail=tuple(str(w) for w in data.get("we_count_tail", ())))
    except KeyError as exc:
        raise RuleDataError(f"syntax.json: missing list {exc}") from exc


WILDCARD_WORD = "*"  # one optional lower-case word: "came into * existence" ("came into legal existence")
WILDCARD_NAME = "<name>"  # one to five capitalised words: "brought <name> into being"


def _token_pattern(word: str) -> dict[str, object]:
    if word == WILDCARD_WORD:
        return {"IS_ALPHA": True, "IS_LOWER": True, "OP": "?"}
    if word == WILDCARD_NAME:
        return {"IS_TITLE": True, "OP": "{1,5}"}
    return {"LOWER": word}


def matcher_patterns(sequences: tuple[tuple[str, ...], ...]) -> list[TokenPattern]:
    """Lower-case token sequences -> Matcher patterns; "*" is one optional lower-case word and
    "<name>" one to five capitalised words.

    >>> matcher_patterns((("set", "up"),))
    [[{'LOWER': 'set'}, {'LOWER': 'up'}]]
    >>> matcher_patterns((("into", "*", "existence"),))[0][1]
    {'IS_ALPHA': True, 'IS_LOWER': True, 'OP': '?'}
    """
    return [[_token_pattern(word) for word in seq] for seq in sequences]


# ----------------------------------------------------------- rename rules


@dataclass(frozen=True)
class RenameCue:
    tokens: tuple[str, ...]
    direction: Literal["forward", "backward"]
    in_parentheses: bool


@cache
def pattern_rename_cues() -> tuple[RenameCue, ...]:
    """Rename cues, longest first.

    forward (old before, new after): "InfoComm (2002, then renamed ICT)",
    "BioHealth (2008, now HealthTech)", "X was replaced by Y", "renamed the X";
    backward (current before, former after): "X, formerly Y", "X ... formerly known as Y".

    >>> cues = pattern_rename_cues()
    >>> all(len(a.tokens) >= len(b.tokens) for a, b in zip(cues, cues[1:]))
    True
    """
    data = _load_json("renames.json")
    if not isinstance(data, dict):
        raise RuleDataError("renames.json must be an object")
    cues = [RenameCue(tuple(c["tokens"]), c["direction"], bool(c["in_parentheses"])) for c in data["cues"]]
    return tuple(sorted(cues, key=lambda c: (-len(c.tokens), c.tokens)))


# ------------------------------------------------------------ count rules


@dataclass(frozen=True)
class CountRules:
    number_words: dict[str, int]
    approximators: dict[str, str]
    member_nouns: frozenset[str]
    member_modifiers: frozenset[str]
    membership_cues: frozenset[str]
    cluster_count_nouns: frozenset[str]
    cluster_count_modifiers: frozenset[str]
    org_nouns: tuple[tuple[str, str], ...]
    participation_cues: tuple[str, ...]
    country_fallback_cues: tuple[str, ...]
    policy_links: tuple[str, ...]
    region_words: frozenset[str]
    present_cues: frozenset[str] = frozenset()
    founder_cues: frozenset[str] = frozenset()
    non_count_modifiers: frozenset[str] = frozenset()
    increment_verbs: frozenset[str] = frozenset()  # "has added six companies": newcomers
    membership_heads: frozenset[str] = frozenset()
    total_prepositions: frozenset[str] = frozenset()
    strong_heads: frozenset[str] = frozenset()
    member_kinds: frozenset[str] = frozenset()
    past_cues: frozenset[str] = frozenset()
    elliptic_verbs: frozenset[str] = frozenset()
    purpose_markers: frozenset[str] = frozenset()
    number_heads: frozenset[str] = frozenset()
    present_openers: tuple[str, ...] = ()
    founder_verbs: frozenset[str] = frozenset()
    partial_openers: tuple[str, ...] = ()
    ongoing_openers: frozenset[str] = frozenset()
    moment_relatives: frozenset[str] = frozenset()
    membership_verbs: frozenset[str] = frozenset()
    non_member_plurals: frozenset[str] = frozenset()
    threshold_qualifiers: frozenset[str] = frozenset()
    threshold_cues: tuple[str, ...] = ()
    change_openers: frozenset[str] = frozenset()  # "From 47 partners … it has grown to 390": the old count
    change_closers: frozenset[str] = frozenset()


@cache
def pattern_count_nouns() -> CountRules:
    """Counts with their subject.

    "More than 1,450 companies and institutions are involved in the Cluster Initiative"
    -> member_count 1450 "more than"; "six clusters supported by the Luxembourg Cluster
    Initiative" -> cluster_count 6; "46 cluster organisations registered on the ECCP from
    Belgium" -> cluster_organisations 46.

    >>> rules = pattern_count_nouns()
    >>> rules.number_words["six"], rules.approximators["over"]
    (6, 'more than')
    """
    data = _load_json("counts.json")
    if not isinstance(data, dict):
        raise RuleDataError("counts.json must be an object")
    return CountRules(
        number_words={str(k): int(v) for k, v in data["number_words"].items()},
        approximators={str(k): str(v) for k, v in data["approximators"].items()},
        member_nouns=frozenset(data["member_nouns"]),
        member_modifiers=frozenset(data["member_modifiers"]),
        membership_cues=frozenset(data["membership_cues"]),
        cluster_count_nouns=frozenset(data["cluster_count_nouns"]),
        cluster_count_modifiers=frozenset(data["cluster_count_modifiers"]),
        org_nouns=tuple((a, b) for a, b in data["org_nouns"]),
        participation_cues=tuple(data["participation_cues"]),
        country_fallback_cues=tuple(data["country_fallback_cues"]),
        policy_links=tuple(data["policy_links"]),
        region_words=frozenset(data["region_words"]),
        present_cues=frozenset(data["present_cues"]),
        founder_cues=frozenset(data["founder_cues"]),
        non_count_modifiers=frozenset(data.get("non_count_modifiers", ())),
        increment_verbs=frozenset(data.get("increment_verbs", ())),
        membership_heads=frozenset(data.get("membership_heads", ())),
        total_prepositions=frozenset(data.get("total_prepositions", ())),
        strong_heads=frozenset(data.get("strong_heads", ())),
        member_kinds=frozenset(data.get("member_kinds", ())),
        past_cues=frozenset(data.get("past_cues", ())),
        elliptic_verbs=frozenset(data.get("elliptic_verbs", ())),
        purpose_markers=frozenset(data.get("purpose_markers", ())),
        number_heads=frozenset(data.get("number_heads", ())),
        present_openers=tuple(data.get("present_openers", ())),
        founder_verbs=frozenset(data.get("founder_verbs", ())),
        partial_openers=tuple(data.get("partial_openers", ())),
        ongoing_openers=frozenset(data.get("ongoing_openers", ())),
        moment_relatives=frozenset(data.get("moment_relatives", ())),
        membership_verbs=frozenset(data.get("membership_verbs", ())),
        non_member_plurals=frozenset(data.get("non_member_plurals", ())),
        threshold_qualifiers=frozenset(data.get("threshold_qualifiers", ())),
        threshold_cues=tuple(data.get("threshold_cues", ())),
        change_openers=frozenset(data.get("change_openers", ())),
        change_closers=frozenset(data.get("change_closers", ())),
    )


@cache
def pattern_countries() -> dict[str, str]:
    """Country names -> ISO code, for country-level counts.

    >>> pattern_countries()["Belgium"]
    'BE'
    """
    data = _load_json("countries.json")
    if not isinstance(data, dict):
        raise RuleDataError("countries.json must be an object")
    return {str(k): str(v) for k, v in data.items()}


# ------------------------------------------------------------- date rules
# Dates are read by one shared module, `pipeline.text.dates` (re-exported here).
