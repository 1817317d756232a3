"""Prose claims: mentions, dated events, renames, descriptions and counts.

Everything is bound inside one sentence (or a parenthesis right after a name):
a year becomes a `created_year` / `starting_year` only when a cluster or policy
mention is connected to it by an event trigger (passive "X was launched in 2002",
apposition "X, established in March 2015", nominal "the creation of X",
active "... launched X in 2002") or by "X (2002, ...)" in a list that follows an
event.  Anything else (agencies, funding periods, restructurings, objectives,
related-news dates, years that date another event) yields no date claim.

Binding: with a statistical parser (`NlpSettings.parser`) the dependency parse binds a
trigger to its subject first (nsubjpass, object, relative and reduced relative clauses,
fronted participles, coordination); the positional rules are the fallback and the only
rules on `spacy.blank("en")`: passive, apposition, "X (founded in ...)", nominal "of",
fronted "Created in 2004, X" / "Since its launch in 2005, X", coordination "X and Y were".

Discourse: the page topic (a headline name the page says is a cluster) and the names
read so far stand behind "the cluster", "the programme", "it" and "its creation"; a claim
made through such a reference keeps its sentence as the quote and carries the
antecedent's mention as `extra_evidence` (method `<prefix>.coreference`).  Names made
clusters by context (apposition, copula, parenthesis, page topic) are looked up again
across the page (in-page gazetteer) and `known_names` can bring names from elsewhere.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import pairwise
from typing import Literal

from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from pipeline.backend.guards import split_for_nlp
from pipeline.datamodel.attributes import cluster_organisations_attribute
from pipeline.datamodel.claims import Claim, ClaimValue, Evidence, SubjectType
from pipeline.datamodel.document import Block, Document
from pipeline.datamodel.results import MentionNote
from pipeline.models.nlp.binder import BinderCandidate, BinderModel, ClaimDraft, How, PairContext, binder_model, choose, pair_features, with_page_features
from pipeline.models.nlp.context import CONTEXT_FAMILIES, TOPIC_SPLIT, find_context_names, is_person, topic_name
from pipeline.models.nlp.patterns import (
    UPPER,
    CountRules,
    DateExpr,
    find_dates,
    is_camelcase_name,
    is_name_word,
    pattern_anaphors,
    pattern_count_nouns,
    pattern_countries,
    pattern_dates,
    pattern_event_triggers,
    pattern_name_lexicon,
    pattern_rename_cues,
    pattern_syntax,
)
from pipeline.models.nlp.pipeline import build_nlp, described_policy, in_cluster_context, possessor_place
from pipeline.models.nlp.settings import NlpSettings
from pipeline.models.nlp.structured import (
    describes_non_cluster,
    find_fields,
    item_head,
    job_start_field,
    section_subject,
    start_field_line,
    table_cell,
)
from pipeline.text.regions import count_places, country_code, country_in_name, is_place, names_a_place, region_of
from pipeline.text.dates import is_negated_until
from pipeline.text.evidence import block_evidence
from pipeline.text.numbers import parse_int

__all__ = ["MAX_MENTION_NOTES", "SKIPPED_KINDS", "ProseResult", "extract_prose", "extract_prose_claims"]

MAX_MENTION_NOTES = 200  # the per-page mention list stays small

SKIPPED_KINDS = frozenset({"furniture", "meta", "page_title"})
_QUOTE_CHARS = frozenset('“”"„«»')
_SYNTAX = pattern_syntax()
_DETERMINERS = _SYNTAX.determiners
_RELATIVES = _SYNTAX.relatives
_NAME_AFTER = re.compile(
    r"\s*(?:the\s+|a\s+)?(?P<name>[A-Z][\w&'’\-]*(?:\s+(?:(?:&|and|of|for|-)\s+)?[A-Z][\w&'’\-]*)*)"
)


DESCRIBED_FAMILY = "descriptive_policy"  # "the regional cluster programme" naming itself
_WEAK_FAMILIES = frozenset({"x_org_head", "ner_org", DESCRIBED_FAMILY})
_PAST_IRREGULAR = _SYNTAX.past_irregular
_APPOSITION = re.compile(
    # "X, the wine cluster of Moravia, …" and "X, Moravia's wine cluster, …" (a possessive name opens it too)
    rf"^\s*,\s*(?:(?:{'|'.join(sorted(map(re.escape, _SYNTAX.apposition_openers | _SYNTAX.aside_participles)))})\b"
    r"|(?-i:[A-Z])[\w-]*['’]s\s)[^;:()]*,\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Mention:
    span: Span
    name: str
    subject_type: SubjectType
    ref: str | None = None  # a reference ("the cluster", "it"): the entity type it stands for
    resolved: _Antecedent | None = None  # what the reference was already found to stand for ("Both clusters")


@dataclass(frozen=True)
class _Antecedent:
    name: str
    subject_type: SubjectType
    evidence: Evidence  # the antecedent's mention (method `<prefix>.coreference`)
    block: int = -1  # index of the block it was read in; -1 for the page topic
    end: int = 0  # character offset of its end in that block
    oblique: bool = False  # the complement of another noun ("an initiative of the X Association")
    described: bool = False  # a programme described, not named ("the national cluster policy"): never "it"


@dataclass
class _Discourse:
    """The page's topic and the entities named so far, for "the cluster", "the programme", "it"."""

    topic: _Antecedent | None = None
    history: list[_Antecedent] = field(default_factory=list)
    acronyms: dict[str, str] = field(default_factory=dict)  # "FBA" -> "Forest Bioeconomy Alliance Finland"
    successor: _Antecedent | None = None  # what a merger on the page formed ("the new organisation")
    fallback: _Antecedent | None = None  # the one cluster a page without a topic names, if any
    speaker: _Antecedent | None = None  # the one cluster a page without a topic names beside programmes: "we"
    renamed: dict[str, _Antecedent] = field(default_factory=dict)  # old name -> the new one
    typed: dict[str, str] = field(default_factory=dict)  # names an event typed -> label, for later blocks
    pending: list[Claim] = field(default_factory=list)  # start dates used only when nothing better is said
    page_docs: list[Doc] = field(default_factory=list)  # every block of the page (who is a member of what)
    pairs: list[BinderCandidate] | None = None  # (subject, date) pairs for the learned binder, when read
    rejected_dates: set[tuple[int, int]] = field(default_factory=set)  # (block, date token) the rules refused

    def resolve(
        self,
        kind: str,
        before: list[_Antecedent],
        *,
        plain: Callable[[_Antecedent], bool],
        head: str | None = None,
        described: Callable[[_Antecedent, str], bool] | None = None,
    ) -> _Antecedent | None:
        """The nearest compatible antecedent; "it" (kind "any") only within its block and only
        when no other proper name stands between (`plain`), else the topic. A definite reference
        is also compatible with a name that ends in its head noun ("the initiative" -> "Slovenian
        Wood Initiative", whatever type the name was given), and with a name the page described by
        that noun ("Fiberforum Väst, a regional initiative for …" -> "the initiative")."""

        def compatible(a: _Antecedent) -> bool:
            return (
                a.subject_type == kind
                or (head is not None and a.name.split()[-1].lower() == head)
                or (head is not None and described is not None and described(a, head))
            )

        if head is not None and kind != "any":
            # "the network" after "Pirkanmaa Manufacturing Network ... Smart Marine Tampere": the name
            # headed by the reference's own noun, before a nearer one headed otherwise
            same_head = next(
                (a for a in reversed(before) if a.subject_type == kind and a.name.split()[-1].lower() == head), None
            )
            nearest = next((a for a in reversed(before) if compatible(a)), None)
            is_topic = self.topic is not None and nearest is not None and nearest.name == self.topic.name
            if same_head is not None and nearest is not None and nearest.name.split()[-1].lower() != head and not is_topic:
                # (unless the nearer name is what the page is about: "... run together as Norwegian
                # Innovation Clusters. Today the programme supports 38 clusters." under that headline)
                return same_head
            if (
                kind == "policy"
                and same_head is None
                and nearest is not None
                and not is_topic
                and nearest.name.split()[-1].lower() in pattern_name_lexicon().policy_heads
                and self.topic is not None
                and self.topic.subject_type == "policy"
            ):
                # "… the NCE scheme began in 2006. With the newcomers, the programme supports 36
                # clusters" on a page about Norwegian Innovation Clusters: the page's programme, not
                # a part of it named by another head
                return self.topic
        oblique: _Antecedent | None = None
        for antecedent in reversed(before):
            if kind == "any" and antecedent.described:
                # "X runs the national cluster programme. It was established in 2018": X's, not the programme's
                continue
            if kind == "any" and antecedent.oblique:
                # "an initiative of the X Association ... It brings together": not what "it" is,
                # unless nothing else was named ("the 20th year of X's programme. … set it up")
                oblique = oblique or (antecedent if plain(antecedent) else None)
                continue
            if kind == "any":
                if plain(antecedent):
                    return antecedent
                oblique = None
                break
            if compatible(antecedent):
                return antecedent
        if oblique is not None:
            return oblique
        if self.topic is not None and (kind == "any" or compatible(self.topic)):
            return self.topic
        if self.fallback is not None and (kind == "any" or compatible(self.fallback)):
            return self.fallback
        return None


@dataclass
class _Ctx:
    document: Document
    block: Block
    doc: Doc
    country: str | None
    prefix: str
    depth: list[int]  # parenthesis depth per token
    quoted: list[bool]  # inside “...” per token
    claims: list[Claim]
    discourse: _Discourse = field(default_factory=_Discourse)
    block_index: int = 0
    section: str | None = None  # the heading above the block when it names an organisation
    under_heading: bool = False  # the block comes right after a heading (a directory entry's text)


# ----------------------------------------------------------------- helpers


def _subject_type(span: Span) -> SubjectType:
    """POLICY mentions, and names ending in a plural cluster noun ("Croatian Competitiveness
    Clusters", "Norwegian Innovation Clusters"): a programme of clusters, not one organisation."""
    if span.label_ == "POLICY":
        return "policy"
    if (span.id_ or span.ent_id_) == "cluster_association":
        return "cluster"  # "Union of Slovak Clusters": an association of clusters is one organisation
    lex = pattern_name_lexicon()
    last = span[-1].lower_ if len(span) > 1 else ""
    # "Leading-Edge Cluster Competition", "Cluster Excellence Label": a programme's name too
    return "policy" if last in lex.policy_topic_words and (last.endswith("s") or last not in lex.org_heads) else "cluster"


def _clean_name(text: str) -> str:
    """The name without a leading article or a trailing legal form ("Pannon Klaszter Kft." ->
    "Pannon Klaszter", "Agro Sp. z o.o." -> "Agro")."""
    name = re.sub(r"^(?:the|The|a|A|an|An)\s+", "", " ".join(text.split())).strip(" ,;:")
    words = name.split()
    forms = pattern_name_lexicon().abbreviated_legal_forms
    while len(words) > 1 and words[-1].lower().rstrip(".") in forms:
        words.pop()
    return " ".join(words).strip(" ,;:")


def _evidence(ctx: _Ctx, start: int, end: int, family: str) -> Evidence:
    return block_evidence(ctx.document, ctx.block, f"{ctx.prefix}.{family}", start, end)


def _add(
    ctx: _Ctx,
    *,
    subject_type: SubjectType,
    subject_name: str,
    attribute: str,
    value: ClaimValue,
    quote: tuple[int, int],
    family: str,
    qualifier: str | None = None,
    precision: str | None = None,
    extra_evidence: list[Evidence] | None = None,
) -> None:
    evidence = _evidence(ctx, quote[0], quote[1], family)
    claim = Claim.create(
        extra_evidence=extra_evidence,
        subject_type=subject_type,
        subject_name=subject_name,
        attribute=attribute,
        value=value,
        evidence=evidence,
        country=country_in_name(subject_name) or ctx.country,  # a round-up page names clusters of several
        qualifier=qualifier,
        precision=precision,
    )
    if all(c.id != claim.id for c in ctx.claims):
        ctx.claims.append(claim)


def _markers(doc: Doc) -> tuple[list[int], list[int | bool]]:
    depth: list[int] = []
    quoted: list[bool] = []
    level, inside = 0, False
    for token in doc:
        if token.text == "(":
            depth.append(level)
            level += 1
        elif token.text == ")":
            level = max(0, level - 1)
            depth.append(level)
        else:
            depth.append(level)
        if token.text in _QUOTE_CHARS:
            inside = not inside
        quoted.append(inside)
        if token.is_sent_end:
            level, inside = 0, False
    return depth, quoted


def _in_sent(sent: Span, group: str) -> list[Span]:
    """The spans of `doc.spans[group]` (or of `doc.ents` for group "ents") that start in `sent`.

    Grouped once per document and kept in `doc.user_data` (sentences never change after the
    pipeline; the entity grouping is dropped when the gazetteer changes `doc.ents`), so long
    blocks stay linear instead of scanning every span for every sentence.
    """
    doc = sent.doc
    cache = doc.user_data.setdefault("by_sent", {})
    if group not in cache:
        starts = [s.start for s in doc.sents]
        grouped: dict[int, list[Span]] = {}
        for span in doc.ents if group == "ents" else doc.spans[group]:
            grouped.setdefault(starts[bisect_right(starts, span.start) - 1], []).append(span)
        cache[group] = grouped
    return cache[group].get(sent.start, [])


def _references(sent: Span) -> list[_Mention]:
    """'the cluster', 'the programme', 'it', 'we' in `sent` (span group "anaphors")."""
    return [
        _Mention(s, s.text, "policy" if s.label_ == "policy" else "cluster", ref=s.label_)
        for s in _in_sent(sent, "anaphors")
    ]


def _subject_references(sent: Span) -> list[_Mention]:
    """References that can be the subject of an event: not a possessive "our" ("our training
    calendar was established") or an object "us"; "our launch" is read by `_possessive_ref`."""
    possessive = pattern_anaphors().possessive_topic
    return [r for r in _references(sent) if not (r.ref == "topic" and r.span.text.lower() in possessive)]


def _mentions(sent: Span) -> list[_Mention]:
    return [
        _Mention(ent, _clean_name(ent.text), _subject_type(ent))
        for ent in _in_sent(sent, "ents")
        if _clean_name(ent.text)
    ]


def _open_paren_before(ctx: _Ctx, i: int) -> int | None:
    """Index of the '(' that encloses token i."""
    target = ctx.depth[i] - 1
    for j in range(i - 1, -1, -1):
        if ctx.doc[j].text == "(" and ctx.depth[j] == target:
            return j
    return None


def _close_paren_after(ctx: _Ctx, open_i: int) -> int:
    for j in range(open_i + 1, len(ctx.doc)):
        if ctx.doc[j].text == ")" and ctx.depth[j] == ctx.depth[open_i]:
            return j
    return len(ctx.doc) - 1


_OF_COMPLEMENT = re.compile(
    rf"^\s+(?:of|for)\s+(?:the\s+)?[{UPPER}][\w'’&.-]*(?:\s+(?:(?:of|for|and|&)\s+)?[{UPPER}][\w'’&.-]*){{0,6}}\s*$"
)


def _owner_before_complement(ctx: _Ctx, mentions: list[_Mention], k: int, level: int) -> _Mention | None:
    """'X of the Danish Board of Business Development takes effect': the mention whose capitalised
    'of'/'for' complement ends at token k is the subject (the complement names an owner, not the subject)."""
    if k < 0 or not ctx.doc[k].text[:1].isupper() or any(m.span.end == k + 1 for m in mentions):
        return None
    found = _nearest_before(ctx, mentions, k + 1, level=level)
    if found is None or found.ref is not None:
        return None
    between = ctx.block.text[found.span.end_char : ctx.doc[k].idx + len(ctx.doc[k].text)]
    return found if _OF_COMPLEMENT.match(between) else None


def _before_parenthesis(doc: Doc, close: int) -> int:
    """The token before the '(' that the ')' at `close` closes ('X (alias)' -> X's last token)."""
    depth = 0
    for j in range(close, -1, -1):
        depth += {")": 1, "(": -1}.get(doc[j].text, 0)
        if depth == 0:
            return j - 1
    return close


def _object_relative(ctx: _Ctx, subject: _Mention, mentions: list[_Mention]) -> _Mention | None:
    """The antecedent of an object relative pronoun right before an active trigger's subject:
    "X (si-Cluster), which Corallia set up in 2009" -> X (Corallia set it up; it is not new)."""
    doc = ctx.doc
    i = _article_start(doc, subject.span.start)  # "which the Patras Business Network set up"
    if i < 2 or doc[i - 1].lower_ not in _RELATIVES:
        return None
    found = _named_before_relative(doc, i - 1, 0, mentions)
    return found if found is not subject else None


def _named_before_relative(doc: Doc, rel: int, floor: int, mentions: list[_Mention]) -> _Mention | None:
    """The name the relative pronoun at `rel` stands for: the one ending right before it, past a
    comma and a parenthesised alias ("X (si-Cluster), which …"), or past a lower-case apposition
    ("X, the network of subcontractors that …")."""
    j = rel - 1
    if doc[j].text == "," and j > floor:
        j -= 1
    if doc[j].text == ")":
        j = _before_parenthesis(doc, j)
    found = next((m for m in mentions if m.span.end == j + 1 and m.ref is None), None)
    if found is None and doc[rel - 1].text != ",":
        # "X, the network of subcontractors that the council and 30 firms set up in 2013": the
        # name the apposition before the relative describes
        comma = next((k for k in range(rel - 1, max(floor, rel - 11), -1) if doc[k].text in ",;:()"), None)
        if (
            comma is not None
            and doc[comma].text == ","
            and doc[comma + 1].lower_ in _SYNTAX.articles
            and all((t.is_alpha and t.is_lower) or t.text == "-" for t in doc[comma + 1 : rel])
        ):
            found = next((m for m in mentions if m.span.end == comma and m.ref is None), None)
    return found


def _relative_clause_object(ctx: _Ctx, trigger: Span, mentions: list[_Mention]) -> _Mention | None:
    """An active trigger without an object of its own at the end of a relative clause whose subject
    is written out: what the relative pronoun stands for was created ("The association Košice IT
    Valley, which IT companies, the city and two universities founded in 2007, accepted …").
    Never when an auxiliary or copula stands in the clause ("which has grown since it was founded"),
    nor when a name ends right before the trigger ("which works with Y founded in 2001")."""
    doc = ctx.doc
    rules = pattern_event_triggers()
    sent = trigger.sent
    if trigger[0].lower_ in rules.nominal or _has_object(doc, trigger):
        return None
    rel = next((i for i in range(trigger.start - 1, sent.start, -1) if doc[i].lower_ in _RELATIVES), None)
    if rel is None or rel + 2 > trigger.start - 1 or rel - sent.start < 2:
        return None
    first = doc[rel + 1]
    if not (first.lower_ in _DETERMINERS or first.like_num or first.text[:1].isupper()):
        return None  # "which works with …": the relative pronoun is the clause's subject
    clause = doc[rel + 1 : trigger.start]
    verbs = rules.passive_aux | _SYNTAX.perfect_aux | _SYNTAX.copulas
    if any(t.lower_ in verbs or t.text in ")–—;:" for t in clause) or ctx.depth[rel] != ctx.depth[trigger.start]:
        return None
    if any(m.span.end == trigger.start for m in mentions):
        return None
    return _named_before_relative(doc, rel, sent.start, mentions)


def _bare_reference(ctx: _Ctx, trigger: Span) -> _Mention | None:
    """A sentence that opens with a bare cluster noun, as translated pages write ("Cluster was
    established in 12 March 2010"): a reference to the cluster the page speaks of."""
    doc = ctx.doc
    rules = pattern_event_triggers()
    sent = trigger.sent
    head = doc[sent.start]
    if not (head.is_title and head.lower_ in pattern_name_lexicon().cluster_nouns) or trigger.start <= sent.start:
        return None
    between = doc[sent.start + 1 : trigger.start]
    if any(t.lower_ not in rules.passive_aux and t.lower_ not in rules.adverbs and t.lower_ not in _SYNTAX.perfect_aux for t in between):
        return None
    ref = _Mention(doc[sent.start : sent.start + 1], head.text, "cluster", ref="cluster")
    antecedent = _resolve(ctx, ref)
    return _Mention(ref.span, antecedent.name, antecedent.subject_type, ref=ref.ref) if antecedent else None


def _nearest_before(ctx: _Ctx, mentions: list[_Mention], i: int, *, level: int) -> _Mention | None:
    before = [m for m in mentions if m.span.end <= i and ctx.depth[m.span.start] == level]
    return max(before, key=lambda m: m.span.end) if before else None


def _article_start(doc: Doc, i: int) -> int:
    """The first token of the articles standing right before token i ("the X": the index of "the")."""
    while i > 0 and doc[i - 1].lower_ in _SYNTAX.articles:
        i -= 1
    return i


def _programme_for(doc: Doc, mention: _Mention) -> bool:
    """'the recognition scheme for X', 'the support programme of X': the noun X complements is a
    programme word, so the phrase names X's programme, not another thing of X's."""
    i = _article_start(doc, mention.span.start)
    return i >= 2 and doc[i - 2].lower_ in pattern_name_lexicon().policy_heads


def _complement_of_noun(doc: Doc, mention: _Mention) -> bool:
    """The mention is the complement of a lower-case noun ("the strategy of the cluster") or
    the possessor of one ("the cluster's new strategy")."""
    if mention.span.end < len(doc) and doc[mention.span.end].lower_ in _SYNTAX.possessive_markers:
        return True
    i = _article_start(doc, mention.span.start)
    return (
        i >= 2
        and doc[i - 1].lower_ in _SYNTAX.complement_prepositions
        and doc[i - 2].is_alpha
        and doc[i - 2].is_lower
        and doc[i - 2].lower_ not in _SYNTAX.articles
    )


def _apposition_relative(ctx: _Ctx, mention: _Mention, i: int) -> bool:
    """"X, the network of water firms in Leeuwarden that was set up in 2008": a singular relative
    clause closing an apposition of X, after a plural noun it cannot agree with, is about X."""
    doc = ctx.doc
    start = mention.span.end
    if start + 2 >= i or doc[start].text != "," or doc[start + 1].lower_ not in _SYNTAX.articles:
        return False
    rel = next((k for k in range(start + 2, i) if doc[k].lower_ in _RELATIVES), None)
    if rel is None or rel + 1 > i:
        return False
    # "X, the life-sciences cluster of the Maltese islands, which was formed in 2019": the
    # apposition closed by a comma before the relative
    closed = doc[rel - 1].text == "," and rel - 1 > start + 2
    # "…, which came into being in 2009": a verb that shows no number, right after the closed apposition
    verb_first = closed and any(e.start == rel + 1 for e in doc.spans["events"])
    if doc[rel + 1].lower_ not in _SYNTAX.singular_aux and not verb_first:
        return False
    rules = pattern_event_triggers()
    verbs = rules.passive_aux | _SYNTAX.perfect_aux | _SYNTAX.copulas
    inside = doc[start + 2 : rel - 1 if closed else rel]
    if any(t.text in ";:()" or t.lower_ in verbs or t.lower_ in _RELATIVES for t in inside):
        return False
    if closed and (
        not inside[0].is_lower or any(t.text in ",–—" or t.lower_ in _SYNTAX.coordinators for t in inside)
    ):
        return False  # "X, the Bulgarian Cluster of Y, the Z clusters and W, which was …": a list of names
    commas = [t.i for t in inside if t.text == ","]
    listed = bool(commas) and any(t.lower_ in _SYNTAX.coordinators for t in doc[commas[-1] + 1 : rel])
    if commas and not listed:
        return False  # commas of a list only: "the network of firms, institutes and governments that was …"
    if closed and any(t.lower_ in pattern_name_lexicon().cluster_nouns for t in inside[:4]):
        return True  # "X, the wood-processing cluster of the Celje region, which …": the cluster is X
    before = doc[rel - 2 if closed else rel - 1]
    plural = before.is_lower and before.lower_.endswith("s") and not before.lower_.endswith("ss")
    # a singular noun right before "that was" may be what it describes ("the network of the
    # university that was founded in 1990"); a plural noun, a place or a list cannot be
    return plural or before.is_title or listed


def _apposition_end(ctx: _Ctx, mention: _Mention, i: int) -> int:
    """Index of the comma closing an apposition right after `mention` and before token i, else -1."""
    doc = ctx.doc
    start = mention.span.end
    if start >= i or doc[start].text != ",":
        return -1
    close = next((k for k in range(start + 1, i) if doc[k].text == ","), None)
    if close is None:
        return -1
    between = ctx.block.text[doc[start].idx - ctx.doc[0].idx : doc[close].idx - ctx.doc[0].idx + 1]
    last = max(k for k in range(start + 1, i) if doc[k].text == ",")
    rules = pattern_event_triggers()
    if last > close and all(
        doc[k].lower_ in rules.passive_aux or doc[k].lower_ in rules.adverbs or doc[k].lower_ in _SYNTAX.perfect_aux
        for k in range(last + 1, i)
    ):
        # "X, a network of suppliers, integrators and the Nuremberg institutes, was set up": a list
        # inside the apposition; the comma right before the verb closes it
        whole = ctx.block.text[doc[start].idx - ctx.doc[0].idx : doc[last].idx - ctx.doc[0].idx + 1]
        if _APPOSITION.match(whole):
            return last
    return close if _APPOSITION.match(between) else -1


def _before_apposition(ctx: _Ctx, found: _Mention, mentions: list[_Mention], i: int) -> _Mention:
    """'X, previously known as Y, was founded': the name before the apposition Y stands in."""
    for m in mentions:
        if m.span.end < found.span.start and _apposition_end(ctx, m, i) >= found.span.end:
            return m
    return found


def _blocked(ctx: _Ctx, mention: _Mention, i: int) -> bool:
    """A proper name or an unrelated relative clause between a mention and its trigger."""
    lex = pattern_name_lexicon()
    doc = ctx.doc
    base = ctx.depth[mention.span.start]
    heads = lex.cluster_nouns | lex.policy_heads | _SYNTAX.reference_heads
    if _apposition_relative(ctx, mention, i):
        return False
    skip_to = _apposition_end(ctx, mention, i)
    town_end = -1
    if mention.span.end + 1 < i and doc[mention.span.end].lower_ in _SYNTAX.place_prepositions:
        # "Ocean Robotics Arena in Trondheim, which was set up in 2021": the name's town, no other name
        k = mention.span.end + 1
        while k < i and doc[k].is_title and doc[k].is_alpha:
            k += 1
        if k < i and doc[k].text == ",":
            town_end = k - 1
            skip_to = max(skip_to, town_end)
    for j in range(mention.span.end, i):
        if j <= skip_to:
            continue  # "X, the Romanian cluster association, was set up": an apposition, not a name
        token = doc[j]
        if ctx.depth[j] > base or ctx.quoted[j] or token.text in _QUOTE_CHARS:
            continue
        if token.text[:1].isupper() and token.is_alpha and not token.is_sent_start:
            return True
        if token.lower_ in _RELATIVES:
            k = j - 1
            while k >= mention.span.end and (doc[k].is_punct or doc[k].text in ("#",)):
                k -= 1
            if k >= mention.span.end and doc[k].lower_ not in heads and k > town_end:
                return True
    return False


# ------------------------------------------------------------------ events


@dataclass(frozen=True)
class _DateTok:
    expr: DateExpr
    start: int  # token indices
    end: int


def _sentence_dates(ctx: _Ctx, sent: Span, *, blockers: bool = True) -> list[_DateTok]:
    """The dates of the sentence (with `blockers`: less those after "until", "by", "before" ...),
    read once per sentence and kept in the doc's user data (the rules and the binder both ask)."""
    cache = ctx.doc.user_data.setdefault("sentence_dates", {})
    key = (sent.start, blockers)
    if key not in cache:
        cache[key] = _read_sentence_dates(ctx, sent, blockers=blockers)
    return list(cache[key])


def _read_sentence_dates(ctx: _Ctx, sent: Span, *, blockers: bool) -> list[_DateTok]:
    rules = pattern_event_triggers()
    out = []
    for expr in find_dates(sent.text, published=ctx.document.published):
        if expr.anchor == "other" and blockers:
            continue  # without blockers (after "dates back to") "to 2010" is the date itself
        span = ctx.doc.char_span(
            sent.start_char + expr.start, sent.start_char + expr.end, alignment_mode="expand"
        )
        if span is None or expr.precision == "range":
            continue
        prev = ctx.doc[span.start - 1] if span.start > sent.start else None
        # "set up nearly two decades ago", "set up last year": the "up" ends the trigger, it blocks nothing
        closes_trigger = prev is not None and any(e.end == prev.i + 1 for e in ctx.doc.spans["events"])
        if (
            blockers
            and prev is not None
            and prev.lower_ in rules.date_blockers
            and not closes_trigger
            and not is_negated_until(sent.text, expr.start)
        ):
            continue
        out.append(_DateTok(expr, span.start, span.end))
    return out


def _add_event(
    ctx: _Ctx,
    subject: _Mention,
    value: ClaimValue,
    precision: str | None,
    *,
    quote: tuple[int, int],
    qualifier: str | None,
    date_evidence: Evidence | None = None,
) -> None:
    """A dated event of a cluster (`created_year`) or policy (`starting_year`).

    A reference ("the cluster", "it") is replaced by its antecedent, whose mention
    becomes a second evidence item (method `coreference`); a date read from another
    cell of the row (`_row_date`) is one more.
    """
    extra: list[Evidence] = [date_evidence] if date_evidence is not None else []
    if subject.ref is not None:
        antecedent = subject.resolved or _resolve(ctx, subject)
        if antecedent is None:
            return
        if subject.ref in ("cluster", "policy"):
            # "The parent network itself dates back to 2002 ... It has 140 members": a described
            # reference makes its antecedent the entity last spoken of
            ctx.discourse.history.append(replace(antecedent, block=ctx.block_index, end=subject.span.end_char))
        subject = _Mention(subject.span, antecedent.name, antecedent.subject_type)
        extra = [antecedent.evidence, *extra]
    if _page_place(ctx.document.text, subject.name):
        return  # "Bremen (2014)", "ICI opened its Wilton site in 1949" on a page that meets "in Bremen"
    _add(
        ctx,
        subject_type=subject.subject_type,
        subject_name=subject.name,
        attribute=_date_attribute(subject),
        value=value,
        quote=quote,
        family="event",
        qualifier=qualifier,
        precision=precision,
        extra_evidence=extra,
    )


@lru_cache(maxsize=256)
def _page_place(text: str, name: str) -> bool:
    """A one-word name the page writes after a place preposition, on its own ("in Trieste", "at
    Wilton"): a town, never an organisation founded."""
    if " " in name or not name[:1].isupper():
        return False
    preps = "|".join(sorted(map(re.escape, _SYNTAX.place_prepositions)))
    return re.search(rf"\b(?:{preps})\s+{re.escape(name)}\b(?!\s*[-–]?\s*[A-Z])", text) is not None


def _antecedent_of(ctx: _Ctx, mention: _Mention) -> _Antecedent:
    evidence = _evidence(ctx, mention.span.start_char, mention.span.end_char, "coreference")
    return _Antecedent(mention.name, mention.subject_type, evidence, ctx.block_index, mention.span.end_char)


def _plain_between(ctx: _Ctx, antecedent: _Antecedent, ref: _Mention) -> bool:
    """Same block, and no capitalised word outside a mention between antecedent and reference
    ("The ICT Cluster works with Luxinnovation. It was founded in 1984": "It" is not the cluster)."""
    if antecedent.block not in (ctx.block_index, ctx.block_index - 1):
        return False
    doc = ctx.doc
    ents = [(e.start, e.end) for e in doc.ents]
    start = antecedent.end if antecedent.block == ctx.block_index else 0
    agent = -1  # "X was set up in 2009 by Elmarco and the University of Liberec. It now has …": founders, no referent
    for token in doc[: ref.span.start]:
        if token.idx < start or any(a <= token.i < b for a, b in ents):
            continue
        if token.lower_ == "by" and token.sent.start < ref.span.sent.start and _passive_before(doc, token.i):
            agent = token.sent.end
        if token.i < agent:
            continue
        if token.text[:1].isupper() and token.is_alpha and not token.is_sent_start:
            if (
                token.text in pattern_countries()
                or token.lower_ in pattern_dates().months
                or (
                    token.i > 0
                    and doc[token.i - 1].lower_ in _SYNTAX.place_or_origin_prepositions | _SYNTAX.origin_prepositions
                )
                or is_place(_capitalised_run(doc, token.i))  # "… cluster policy in the Czech Republic. It was …"
            ):
                # "... the cluster programme of Norway. It was ...", "eight wineries from Tikveš set it
                # up": a place, not a referent
                continue
            return False
    return True


def _capitalised_run(doc: Doc, i: int) -> str:
    """The run of capitalised words around token `i` ("Czech Republic" around "Republic")."""
    start = end = i
    while start > 0 and doc[start - 1].is_alpha and doc[start - 1].text[:1].isupper():
        start -= 1
    while end + 1 < len(doc) and doc[end + 1].is_alpha and doc[end + 1].text[:1].isupper():
        end += 1
    return doc[start : end + 1].text


def _passive_before(doc: Doc, i: int) -> bool:
    """A passive event ("was set up in 2009", "was founded") in the clause before token `i` ("by")."""
    rules = pattern_event_triggers()
    k = i - 1
    while k >= doc[i].sent.start and doc[k].text not in ",;:":
        if doc[k].lower_ in rules.passive_aux:
            return True
        k -= 1
    return False


def _resolve(ctx: _Ctx, ref: _Mention) -> _Antecedent | None:
    """The nearest compatible name before the reference (this sentence, earlier text), else the topic."""
    sent = ref.span.sent
    before = [
        _antecedent_of(ctx, m)
        for m in _mentions(sent)
        if m.span.end <= ref.span.start
        and ctx.depth[m.span.start] == ctx.depth[ref.span.start]
        and not _held_title(ctx.doc, m)
    ]
    if ref.ref == "successor":
        return ctx.discourse.successor
    if ref.ref == "any" and ref.span.start == sent.start and sent.start > 0:
        # "The cluster was one of the first under the X programme, which … launched in 2003. It now
        # brings together 95 firms": "It" opening a sentence continues the subject of the one before
        subject = _previous_subject(ctx, ctx.doc[sent.start - 1].sent)
        if subject is not None:
            return subject
    if ref.ref == "any" and _possessed_subject_before(ctx, ref):
        return None  # "its joint training centre has trained 900 apprentices since it opened in 2007"
    if ref.ref == "topic":  # "we": the page topic, else the first cluster the page names
        return (
            ctx.discourse.topic
            or next((a for a in ctx.discourse.history if a.subject_type == "cluster"), None)
            or ctx.discourse.speaker
        )
    earlier = [
        a
        for a in ctx.discourse.history
        if a.block < ctx.block_index or (a.block == ctx.block_index and a.end <= ref.span.start_char)
    ]
    seen = {(a.block, a.end) for a in earlier}
    before = [*earlier, *(a for a in before if (a.block, a.end) not in seen)]
    head = ref.span[-1].lower_ if ref.ref in ("cluster", "policy") and len(ref.span) > 1 else None
    described = described_policy(ref.span) if ref.ref == "policy" else None
    if described is not None and possessor_place(ref.span) is not None:
        # "Croatia's cluster programme", "Catalonia started its cluster policy": the place's own
        return _antecedent_of(ctx, _Mention(ref.span, described, "policy"))
    if described is not None and len(ref.span) > 3:
        # "the regional cluster programme" that no earlier name holds: the phrase names the programme
        return _described_match(ref, before, ctx.discourse.topic) or _antecedent_of(
            ctx, _Mention(ref.span, described, "policy")
        )
    found = _modifier_match(ref, before, ctx.discourse.topic)
    found = found or ctx.discourse.resolve(
        ref.ref or "any",
        before,
        plain=lambda a: _plain_between(ctx, a, ref),
        head=head,
        described=lambda a, noun: noun in _described_heads(ctx.document.text, a.name),
    )
    if found is None and described is not None:  # "the cluster programme" on a page naming none before it
        return _antecedent_of(ctx, _Mention(ref.span, described, "policy"))
    if found is None:  # "Since the creation of the cluster in 2011, ... joined X": the name comes later
        after = [
            m
            for m in _mentions(sent)
            if m.span.start >= ref.span.end and (ref.ref == "any" or m.subject_type == ref.ref)
        ]
        found = _antecedent_of(ctx, after[0]) if after else None
    if ref.ref == "cluster" and (found is None or found.block < ctx.block_index):
        found = _opening_name_before(ctx, ref) or found
    if found is not None and found.name in ctx.discourse.renamed and found.block < ctx.block_index:
        return ctx.discourse.renamed[found.name]  # "It now brings together ...": the renamed organisation
    return found


def _previous_subject(ctx: _Ctx, prev: Span) -> _Antecedent | None:
    """The cluster or programme that opens sentence `prev` as its subject (a name, or a reference
    such as "The network", resolved), when a verb follows it."""
    doc = ctx.doc
    first = prev.start + (1 if doc[prev.start].lower_ in _SYNTAX.articles else 0)
    opening = next(
        (m for m in [*_mentions(prev), *_subject_references(prev)] if m.span.start in (prev.start, first)),
        None,
    )
    if opening is None or opening.ref not in (None, "cluster", "policy") or ctx.depth[opening.span.start]:
        return None
    after = doc[opening.span.end] if opening.span.end < prev.end else None
    if after is None or not (after.is_alpha and after.is_lower) or after.lower_ in _SYNTAX.complement_prepositions:
        return None  # "The cluster of the valley …", "The network and the agency …": no plain subject
    if after.lower_ in _SYNTAX.coordinators or _complement_of_noun(doc, opening):
        return None
    relative = next(
        (t.i for t in prev if t.lower_ in _RELATIVES and t.i > prev.start and doc[t.i - 1].text == ","), prev.end
    )
    for t in doc[opening.span.end : relative]:
        if t.is_alpha and t.text[:1].isupper() and not _circumstantial(doc, t.i, opening.span.end):
            return None  # "X works with Agrolab. It was founded …": another name outside a relative clause
    if opening.ref is not None:
        return _resolve(ctx, opening)
    return _antecedent_of(ctx, opening)


def _circumstantial(doc: Doc, i: int, floor: int) -> bool:
    """The capitalised word at `i` belongs to a phrase opened by a preposition of circumstance
    ("under the Regional Technology Fund", "in Galway"), not to an object or partner ("works
    with Agrolab", "runs the Baltic Photonics Cluster")."""
    j = i - 1
    while (
        j > floor
        and i - j <= 16
        and doc[j].lower_ not in _SYNTAX.circumstance_prepositions
        and (doc[j].is_alpha or doc[j].like_num or doc[j].text in ("&", ","))
        and not (doc[j].is_lower and doc[j].lower_ in _SYNTAX.agent_prepositions)
    ):
        j -= 1  # back over the name ("the Kaunas Chamber of Commerce"), its modifiers and a list
    return doc[j].lower_ in _SYNTAX.circumstance_prepositions


def _opening_name_before(ctx: _Ctx, ref: _Mention) -> _Antecedent | None:
    """"The cluster" opening a sentence or a clause after a semicolon, on a page without a topic
    and with no name before it in its paragraph: the organisation name that opened the sentence
    or clause before it ("Life Science Nord presented its strategy in Kiel. The cluster was formed
    in 2004 …", "X presented its projects; the cluster was formed …"), when it is no person,
    place, agency or company."""
    doc = ctx.doc
    sent = ref.span.sent
    if ctx.discourse.topic is not None:
        return None
    if ref.span.start == sent.start and sent.start > 0:
        before = doc[sent.start - 1].sent
    elif ref.span.start > sent.start + 1 and doc[ref.span.start - 1].text == ";":
        before = doc[sent.start : ref.span.start - 1]
    else:
        return None
    names = _unrecognised_names(ctx, before, _mentions(before))
    if not names or names[0].span.start != before.start or ctx.depth[before.start]:
        return None
    span = names[0].span
    name = names[0].name
    words = [t.lower_ for t in span]
    lex = pattern_name_lexicon()
    body = ctx.document.text
    if (
        len(span) < 2
        or name in pattern_countries()
        or all(names_a_place(w) or w.lower() in _SYNTAX.compass_words for w in name.split())  # "North Jutland"
        or set(words) & (lex.non_cluster_org_words | lex.role_titles | lex.person_titles | lex.legal_forms)
        or _person_like(name, body)
        or _member_of_a_cluster(name, ctx.discourse.page_docs)
    ):
        return None
    return _antecedent_of(ctx, names[0])


def _person_like(name: str, body: str) -> bool:
    """A two-word name whose last word the page uses alone ("Anna Berg ... Berg said"), or that a
    role title follows: a person."""
    words = name.split()
    if len(words) == 2 and re.search(rf"(?<!{re.escape(words[0])} ){re.escape(words[-1])}\b", body):
        return True
    return is_person(name, body)


def _held_title(doc: Doc, mention: _Mention) -> bool:
    """The name of a title or status a holder obtains ("obtained the title of Accredited Innovation
    Cluster", "the status of National Cluster"): no entity a later "the cluster" stands for."""
    i = _article_start(doc, mention.span.start)
    return i >= 2 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ in _SYNTAX.title_nouns


def _indefinite_predicate(doc: Doc, mention: _Mention) -> bool:
    """A name after "a"/"an" is a status the subject takes ("Recognised by the Government as a
    Competitiveness Pole"), no entity a later reference or timeline entry stands for."""
    i = mention.span.start
    return i > 0 and doc[i - 1].lower_ in _SYNTAX.indefinite_openers and mention.subject_type == "cluster"


def _possessed_subject_before(ctx: _Ctx, ref: _Mention) -> bool:
    """"it" after a possessed common noun that is the subject of its clause ("its training centre
    has trained 900 people since it opened in 2007"): "it" is that thing, not the organisation."""
    doc = ctx.doc
    sent = ref.span.sent
    for i in range(sent.start, ref.span.start):
        if doc[i].lower_ not in _SYNTAX.neuter_possessives:
            continue
        for j in range(i + 2, min(i + 6, ref.span.start)):
            if not (doc[j - 1].is_alpha and doc[j - 1].is_lower):
                break
            if doc[j].lower_ in _SYNTAX.singular_aux:
                return True
    return False


@lru_cache(maxsize=256)
def _described_heads(text: str, name: str) -> frozenset[str]:
    """The nouns the text describes `name` by, in an apposition or after a copula: "X, a regional
    initiative for …", "X is the national network of …", "X (an association of …)" -> initiative,
    network, association. A reference with such a head ("the initiative") may stand for X.

    >>> sorted(_described_heads("Fiberforum Väst, a regional initiative for fibres, grew.", "Fiberforum Väst"))
    ['initiative']
    >>> sorted(_described_heads("Kemora is the process-industry cluster of the valley.", "Kemora"))
    ['cluster']
    >>> sorted(_described_heads("Kemora works with a regional initiative.", "Kemora"))
    []
    >>> sorted(_described_heads("Vinnvaxt is Vinnova's long-term programme for regions.", "Vinnvaxt"))
    ['programme']
    """
    heads = "|".join(sorted({re.escape(seq[-1]) for _, seq in pattern_anaphors().anaphors if len(seq) == 2}))
    found = set()
    link = r"(?:\s*,\s*|\s*\(\s*|\s+(?:is|was|remains|acts\s+as)\s+)"
    for m in re.finditer(
        rf"{re.escape(name)}{link}(?:a|an|the|one\s+of\s+the|[{UPPER}][\w-]*['’]s)\s+((?:[\w’'-]+\s+){{0,4}}?)({heads})\b", text
    ):
        if not set(m.group(1).split()) & _SYNTAX.complement_prepositions:
            found.add(m.group(2))
    return frozenset(found)


def _modifier_match(ref: _Mention, before: list[_Antecedent], topic: _Antecedent | None) -> _Antecedent | None:
    """A reference with a describing word ("the maritime cluster", "the cork cluster") stands for the
    nearest name before it that holds that word ("Malta Maritime Cluster"), when several were named.

    >>> from spacy.lang.en import English
    >>> doc = English()("The cork cluster has 74 members.")
    >>> ev = Evidence(doc_id="d", uri="d.html", quote="x", method="nlp.coreference")
    >>> names = [_Antecedent(n, "cluster", ev) for n in ("Portuguese Cork Cluster", "Tâmega Footwear Cluster")]
    >>> _modifier_match(_Mention(doc[0:3], "The cork cluster", "cluster", ref="cluster"), names, None).name
    'Portuguese Cork Cluster'
    """
    if ref.ref not in ("cluster", "policy") or len(ref.span) < 3:
        return None
    words = {t.lower_ for t in ref.span[1:-1] if t.is_alpha and t.is_lower}
    if ref.ref == "policy":  # "the government's cluster development scheme": "cluster" tells no programme apart
        words -= pattern_anaphors().described_cluster_words
    if not words:
        return None

    def holds(a: _Antecedent) -> bool:
        return bool(words & {w.lower().strip(",.()") for w in a.name.split()[:-1]})

    candidates = [*before, *([topic] if topic is not None else [])]
    return next((a for a in reversed(candidates) if a.subject_type == ref.ref and holds(a)), None)


def _described_mentions(ctx: _Ctx, sent: Span) -> list[_Mention]:
    """Programmes described, not named, that stand for no name the page gave before ("The regional
    cluster programme, which the county started in 2016, …"): each is a mention of its own, named by
    its words, and no longer a reference (it is read like a name, as subject or object)."""
    found: list[_Mention] = []
    for ref in _references(sent):
        name = described_policy(ref.span) if ref.ref == "policy" else None
        antecedent = _resolve(ctx, ref) if name is not None else None
        if antecedent is not None and antecedent.name == name and antecedent.evidence.quote == ref.span.text:
            found.append(_Mention(ref.span[1:], name, "policy"))  # a name's span holds no determiner
    if found:
        promoted = {(m.span.start - 1, m.span.end) for m in found}
        ctx.doc.spans["anaphors"] = [s for s in ctx.doc.spans["anaphors"] if (s.start, s.end) not in promoted]
    return found


def _described_match(ref: _Mention, before: list[_Antecedent], topic: _Antecedent | None) -> _Antecedent | None:
    """A programme described by its words ("the cluster development programme") stands for the
    nearest named programme that holds every describing word other than the cluster word
    ("Cluster Development Programme of Enterprise Estonia"); a name sharing only "cluster" is
    another programme."""
    rules = pattern_anaphors()
    words = {t.lower_ for t in ref.span[1:-1]} - rules.described_cluster_words
    if not words:
        return None

    def holds(a: _Antecedent) -> bool:
        # (a described antecedent with another head is another programme: "the regional cluster
        # policy" is no "regional cluster programme")
        same_head = not a.described or a.name.split()[-1].lower() == ref.span[-1].lower_
        return same_head and words <= {w.lower().strip(",.()") for w in a.name.split()}

    candidates = [*before, *([topic] if topic is not None else [])]
    return next((a for a in reversed(candidates) if a.subject_type == "policy" and holds(a)), None)


def _date_attribute(mention: _Mention) -> str:
    return "starting_year" if mention.subject_type == "policy" else "created_year"


def _fronted_subject(ctx: _Ctx, trigger: Span, mentions: list[_Mention]) -> _Mention | None:
    """'Created in 2004, X ...', 'Since its launch in 2005, the programme ...': the subject
    follows the first comma of a sentence that opens with the trigger."""
    rules = pattern_event_triggers()
    doc = ctx.doc
    sent = trigger.sent
    k = sent.start
    while k < trigger.start and doc[k].lower_ in rules.fronted_openers:
        k += 1
    if k != trigger.start:
        return None
    level = ctx.depth[trigger.start]
    # the subject follows the comma that closes the fronted phrase; commas of a list inside it
    # ("Founded in 2009 by towns, firms and a university, the organisation ...") are passed over
    for comma in (j for j in range(trigger.end, sent.end) if doc[j].text == "," and ctx.depth[j] == level):
        j = comma + 1
        while j < sent.end and (doc[j].lower_ in _DETERMINERS or doc[j].lower_ in rules.adverbs):
            j += 1
        found = next((m for m in mentions if m.span.start in (j, comma + 1)), None)
        if found is None:
            # "Established in 2010, the Moravian wine cluster Vinoteq now has ...": the name after its descriptor
            head = _descriptor_head(doc, j, sent.end)
            if head is not None:
                found = next((m for m in mentions if m.span.start == head + 1), None) or _named_after_noun(ctx, head + 1)
        if found is None and j < sent.end:
            # "Founded in 2016 in Santarém, AgroTejo brings together ...": the name no rule typed
            named = _named_after_noun(ctx, j)
            found = named if named is not None and _page_subject_like(ctx, named.name) else None
        if found is not None:
            return found
    return None


MAX_DESCRIPTOR_WORDS = 4


def _descriptor_head(doc: Doc, j: int, stop: int) -> int | None:
    """The cluster noun closing a short descriptor before a name ("Moravian wine cluster Vinoteq",
    "regional food network NordAgri"): its index, when a capitalised name follows it."""
    lex = pattern_name_lexicon()
    heads = lex.cluster_nouns | lex.org_heads
    for k in range(j, min(j + MAX_DESCRIPTOR_WORDS + 1, stop - 1)):
        if doc[k].is_lower and doc[k].lower_ in heads:
            return k if doc[k + 1].text[:1].isupper() and is_name_word(doc[k + 1].text) else None
        if not doc[k].is_alpha and doc[k].text != "-":
            return None
    return None


def _possessive_ref(ctx: _Ctx, trigger: Span) -> _Mention | None:
    """'its creation' / 'their launch': a reference to the nearest antecedent."""
    i = trigger.start - 1
    while i >= 0 and (ctx.doc[i].like_num or ctx.doc[i].text[:1].isdigit()):
        i -= 1  # "its 20th anniversary"
    if i >= 0 and ctx.doc[i].lower_ in pattern_anaphors().possessives:
        if _non_cluster_sentence_subject(ctx, trigger.sent, i):
            return None  # "The university, founded in 1945, celebrates its 80th anniversary": the university's
        return _Mention(ctx.doc[i : i + 1], ctx.doc[i].text, "cluster", ref="any")
    if i >= 0 and any(r.ref == "topic" and r.span.start == i for r in _references(trigger.sent)):
        return _Mention(ctx.doc[i : i + 1], ctx.doc[i].text, "cluster", ref="topic")  # "since our launch in 2014"
    return None


def _non_cluster_sentence_subject(ctx: _Ctx, sent: Span, before: int) -> bool:
    """The sentence opens with a definite noun phrase headed by an agency, university or company noun
    ("The university, founded in 1945, ...", "The chamber ..."), and no cluster name stands between it
    and token `before`: a possessive there is that organisation's."""
    doc = ctx.doc
    lex = pattern_name_lexicon()
    k = sent.start
    if k >= before or doc[k].lower_ not in _SYNTAX.articles:
        return False
    words = []
    for t in doc[k + 1 : min(k + 4, before)]:
        if not t.is_alpha:
            break
        words.append(t.lower_)
    if not words or not (set(words) & (lex.non_cluster_org_words | lex.non_cluster_descriptors)):
        return False
    if any(r.span.start < before and r.ref in ("cluster", "policy") for r in _references(sent)):
        return False  # "The association ... has managed the cluster since its launch": "its" may be the cluster's
    return not any(e.start < before and e.label_ in ("CLUSTER", "POLICY") for e in sent.ents)


def _coordinated(ctx: _Ctx, found: _Mention, mentions: list[_Mention]) -> list[_Mention]:
    """'X and Y were founded in 2004' / 'X, Y and Z were ...': every coordinated subject."""
    out = [found]
    current = found
    while True:
        i = current.span.start - 1
        while i >= 0 and ctx.doc[i].lower_ in _DETERMINERS:
            i -= 1
        if i < 1 or ctx.doc[i].lower_ not in ("and", ",", "&"):
            break
        prev = next((m for m in mentions if m.span.end == i and m.ref is None), None)
        if prev is None or prev.subject_type != found.subject_type:
            break
        out.insert(0, prev)
        current = prev
    return out


def _mention_at(token: Token, mentions: list[_Mention]) -> _Mention | None:
    return next((m for m in mentions if m.span.start <= token.i < m.span.end), None)


def _from_token(token: Token, mentions: list[_Mention]) -> list[_Mention]:
    """The mention holding `token`, with the mentions coordinated with it ("X and Y")."""
    first = _mention_at(token, mentions)
    if first is None:
        return []
    out = [first]
    for conj in token.conjuncts:
        other = _mention_at(conj, mentions)
        if other is not None and other not in out and other.subject_type == first.subject_type:
            out.append(other)
    return out


def _dep_subjects(ctx: _Ctx, trigger: Span, mentions: list[_Mention]) -> list[_Mention]:
    """Subjects from the dependency parse (only when a statistical parser ran).

    nominal: "the creation of X" (prep/pobj), "its creation" (poss); relative and reduced
    relative clauses: "X, which was founded", "X, established in" (relcl/acl -> head noun);
    passive: nsubjpass; active: the object ("launched X"), else the subject of an
    intransitive trigger ("X started in 2010"); fronted participle: "Created in 2004, X ..."
    (advcl -> the main clause's subject); coordinated verbs share their subject.
    """
    rules = pattern_event_triggers()
    verb = trigger[0]
    children = list(verb.children)
    if verb.lower_ in rules.nominal:
        for child in children:
            if child.dep_ == "prep" and child.lower_ == "of":
                return next((_from_token(p, mentions) for p in child.children if p.dep_ == "pobj"), [])
            if child.dep_ == "poss":
                return _from_token(child, mentions) or (
                    [_possessive_ref(ctx, trigger)] if _possessive_ref(ctx, trigger) else []
                )
        return []
    if verb.dep_ == "relcl" or (verb.dep_ == "acl" and verb.tag_ == "VBN"):
        return _from_token(verb.head, mentions)
    for child in children:
        if child.dep_ == "nsubjpass":
            return _from_token(child, mentions)
    passive = any(c.dep_ == "auxpass" for c in children)
    if not passive:
        for dep in ("dobj", "nsubj"):
            found = next((c for c in children if c.dep_ == dep), None)
            if found is not None:
                return _from_token(found, mentions)
    if verb.dep_ == "advcl" and verb.tag_ == "VBN":
        main = verb.head
        subject = next((c for c in main.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return _from_token(subject, mentions) if subject is not None else []
    if verb.dep_ == "conj" and verb.head.i != verb.i:
        head = ctx.doc[verb.head.i : verb.head.i + 1]
        return _dep_subjects(ctx, head, mentions)
    return []


def _trigger_subject(ctx: _Ctx, trigger: Span, mentions: list[_Mention]) -> list[_Mention]:
    """Every subject an event trigger is bound to: from the parse when there is one,
    else (or when the parse finds none) from the positional rules (see module docstring)."""
    if ctx.doc.has_annotation("DEP"):
        found_dep = _dep_subjects(ctx, trigger, mentions)
        if found_dep:
            return found_dep
    if trigger.label_ == "merged":  # "A and B merged in 2020 to form C": C is what was created
        merged = _merger_result(ctx, trigger, mentions)
        return [merged] if merged is not None else []
    pair = _pair_reference(ctx, trigger)
    if pair:
        return pair
    successor = _passive_successor(ctx, trigger, mentions)
    if successor is not None:
        return successor
    found = (
        _trigger_subject_one(ctx, trigger, mentions)
        or _apposition_participle(ctx, trigger, mentions)
        or _unnamed_subject(ctx, trigger)
        or _described_reference(ctx, trigger)
        or _list_item_subject(ctx, trigger, mentions)
        or _conjoined_subject(ctx, trigger, mentions)
        or _relative_clause_object(ctx, trigger, mentions)
        or _bare_reference(ctx, trigger)
    )
    if found is None:
        return []
    return _coordinated(ctx, found, mentions) if found.ref is None else [found]


def _passive_successor(ctx: _Ctx, trigger: Span, mentions: list[_Mention]) -> list[_Mention] | None:
    """"It was followed in 2007 by the COOPERATION programme": a passive succession verb created its
    agent. Returns [agent], [] when the agent is no name (nothing the page names was created), or None
    when the trigger is no passive succession."""
    rules = pattern_event_triggers()
    doc = ctx.doc
    if trigger[0].lower_ not in rules.succession_verbs or trigger.start == 0:
        return None
    if doc[trigger.start - 1].lower_ not in rules.passive_aux:
        return None
    by = next((k for k in range(trigger.start + 1, trigger.sent.end) if doc[k].lower_ == "by"), None)  # "replaced by"
    k = by + 1 if by is not None else trigger.sent.end
    while k < trigger.sent.end and doc[k].lower_ in _DETERMINERS:
        k += 1
    return [m for m in mentions if m.span.start == k and m.ref is None][:1]


def _pair_reference(ctx: _Ctx, trigger: Span) -> list[_Mention]:
    """"Both clusters were established in 2019": a sentence that opens with a pair reference and goes
    straight to its event stands for the last two organisations the page named before it."""
    rules = pattern_anaphors()
    events = pattern_event_triggers()
    doc = ctx.doc
    sent = trigger.sent
    words = [t.lower_ for t in doc[sent.start : trigger.start]]
    opener = next((o for o in rules.pair_openers if tuple(words[: len(o)]) == o), None)
    if opener is None or len(words) <= len(opener):
        return []
    headed = words[len(opener)] in rules.pair_heads  # "Both clusters were …"; a bare "Both were …" too
    if not headed and len(opener) > 1:
        return []
    rest = words[len(opener) + int(headed) :]
    if any(w not in events.passive_aux and w not in events.adverbs and w not in _SYNTAX.perfect_aux for w in rest):
        return []
    named: list[_Antecedent] = []
    for a in reversed(ctx.discourse.history):
        if a.subject_type == "cluster" and not a.oblique and all(a.name != b.name for b in named):
            named.append(a)
        if len(named) == 2:
            break
    if len(named) < 2:
        return []
    span = doc[sent.start : sent.start + len(opener) + int(headed)]
    return [_Mention(span, a.name, "cluster", ref="cluster", resolved=a) for a in reversed(named)]


_LIST_ITEM = re.compile(r"/li(?:\[\d+\])?$")
_ITEM_SEPARATORS = frozenset({"–", "—", "-", "(", ":"})


def _section_opening(ctx: _Ctx, trigger: Span, sent: Span) -> list[_Mention]:
    """A directory entry's text opening with a subjectless trigger right under the heading that
    names the entry ("<h2>Micronarc</h2><p>Active since 2006; microtechnology firms …</p>",
    "<h2>Inno Biotech Basel</h2><p>Founded 2011. Life sciences start-ups.</p>"): the heading's
    organisation, not the page's topic."""
    rules = pattern_event_triggers()
    doc = ctx.doc
    if not ctx.under_heading or ctx.section is None or sent.start != 0 or re.match(rules.structured_label, sent.text):
        return []  # ("Founded: Mar 3, 2010": a field, which the field rules read)
    if ctx.discourse.topic is not None and ctx.section == ctx.discourse.topic.name:
        return []
    k = trigger.start - 1
    while k >= 0 and (doc[k].lower_ in rules.adverbs or doc[k].lower_ in rules.passive_aux):
        k -= 1
    if k >= 0 or _has_object(doc, trigger):
        return []  # "The agency launched …": a subject of its own, or an object
    return [_Mention(trigger, ctx.section, _type_of_name(ctx.section))]


def _field_owner(ctx: _Ctx, trigger: Span, sent: Span) -> list[_Mention]:
    """Whose field a 'Label: value' line with an event trigger is: the organisation its section's
    heading names ("Cluster Development Scheme – round 5" above "Duration: open-ended (running since
    1 October 2019)"), where the field rules do not read the line themselves, else the page's topic
    ("Time period: open ended, started on 01 June 1999")."""
    doc = ctx.doc
    colon = next((t.i for t in sent if t.text == ":"), None)
    if colon is not None and any(
        doc[i].is_alpha and doc[i].text[:1].isupper() for i in range(colon + 1, trigger.start)
    ):
        return []  # "Host organisation: Bayern Innovativ GmbH, incorporated 1995": another body's date
    topic = ctx.discourse.topic
    if ctx.section is not None and (topic is None or ctx.section != topic.name):
        if start_field_line(sent.text):
            return []  # "Foundation: 2008" under "Addict – …": the field rules give it to the section
        return [_Mention(trigger, ctx.section, _type_of_name(ctx.section))]
    if topic is None:
        return []
    return [_Mention(trigger, topic.name, topic.subject_type, ref="topic")]


def _list_item_subject(ctx: _Ctx, trigger: Span, mentions: list[_Mention]) -> _Mention | None:
    """In a list item that opens with a name and a dash, parenthesis or colon, a participle or
    verbless clause after it is about that name ("Pirkanmaa Food Chain – launched March 2020",
    "Oulu Health Alliance – roots going back to 2004, formally established in 2008", "Arctic Drone
    Hub (est. 2016)"); never across a company or agency word, nor for an active verb with an object.
    A later sentence of the item that opens with its trigger is about that name too ("Micronarc –
    micro- and nanotechnology. Active since 2006.", "Alp ICT – software firms. Founded 2009.")."""
    rules = pattern_event_triggers()
    lex = pattern_name_lexicon()
    doc = ctx.doc
    if not _LIST_ITEM.search(ctx.block.locator or ""):
        return None
    k = trigger.start - 1
    while k >= 0 and (doc[k].lower_ in rules.adverbs or doc[k].lower_ in rules.passive_aux):
        k -= 1
    if trigger.sent.start != 0 and k >= trigger.sent.start:
        return None  # a later sentence with its own subject
    if k < 0 or not (doc[k].is_punct or doc[k].like_num) or _has_object(doc, trigger):
        return None  # "X – the agency launched a call": another subject, or an object
    opening = mentions if trigger.sent.start == 0 else _mentions(doc[0 : trigger.sent.start])
    named = next((m for m in opening if m.span.start == 0 and m.ref is None), None)
    end = named.span.end if named is not None else _name_end(doc, 0, trigger.start)
    heading = named is not None and doc[end].text == "." and end + 1 == trigger.sent.start
    # ("Vinnytsia IT Cluster. Launched in 2017, the youngest of the three counts 35 members.")
    if end <= 0 or end >= trigger.start or (doc[end].text not in _ITEM_SEPARATORS and not heading):
        return None
    if any(t.lower_ in lex.non_cluster_descriptors for t in doc[end : trigger.start]):
        return None  # "Kemira – a chemical company founded in 1920"
    if named is not None:
        return named
    span = doc[0:end]
    words = {t.lower_ for t in span}
    if words & (lex.non_cluster_org_words | lex.role_titles | lex.person_titles | lex.legal_forms):
        return None
    if len(span) < 2 and not (is_camelcase_name(span.text) or span.text.isupper()):
        return None
    return _Mention(span, _clean_name(span.text), "cluster")


def _direct_object(ctx: _Ctx, trigger: Span) -> bool:
    """A noun phrase right after an active trigger ("opened an office", "launched the X Programme"),
    not a preposition ("opened its doors to …") nor a time phrase ("came into being a year later")."""
    doc = ctx.doc
    if trigger.end >= trigger.sent.end or not _has_object(doc, trigger):
        return False
    nxt = doc[trigger.end]
    if _LATER.match(ctx.block.text[nxt.idx - doc[0].idx :]):
        return False
    return nxt.lower_ in _DETERMINERS or nxt.is_title or nxt.like_num


def _conjoined_subject(ctx: _Ctx, trigger: Span, mentions: list[_Mention]) -> _Mention | None:
    """The subject of the sentence for a trigger in a second verb phrase ("The X Programme was
    designed in 2015 and opened for applications in 2016"): the name that opens the sentence,
    when no other name stands between it and the 'and'; never for an active trigger with an object."""
    rules = pattern_event_triggers()
    doc = ctx.doc
    sent = trigger.sent
    k = trigger.start - 1
    while k > sent.start and (doc[k].lower_ in rules.adverbs or doc[k].lower_ in rules.passive_aux):
        k -= 1
    if k <= sent.start or doc[k].lower_ not in _SYNTAX.coordinators or _has_object(doc, trigger):
        return None
    start = sent.start
    while start < k and doc[start].lower_ in _SYNTAX.articles:
        start += 1
    first = next((m for m in mentions if m.span.start == start), None)
    if first is None or first.span.end >= k or not doc[first.span.end].is_lower:
        return None  # "X and Y launched ...": a coordinated subject, not a second verb phrase
    if any(first.span.end <= m.span.start < k and ctx.depth[m.span.start] == 0 for m in mentions):
        return None  # "X works with Y and opened ...": the nearer name may be the subject
    return first


def _merger_result(ctx: _Ctx, trigger: Span, mentions: list[_Mention]) -> _Mention | None:
    """The name right after 'to form' / 'merged into': a known mention or a run of name words."""
    doc = ctx.doc
    j = trigger.end
    while j < len(doc) and doc[j].lower_ in _DETERMINERS:
        j += 1
    known = next((m for m in mentions if m.span.start == j and m.ref is None), None)
    if known is not None:
        return known
    end = j
    while end < trigger.sent.end and is_name_word(doc[end].text):
        end += 1
    if end == j:
        return None
    return _Mention(doc[j:end], _clean_name(doc[j:end].text), "cluster")


def _has_object(doc: Doc, trigger: Span) -> bool:
    """An active trigger followed by an object ("launched the programme", "founded a company")."""
    rules = pattern_event_triggers()
    if trigger.end >= len(doc):
        return False
    nxt = doc[trigger.end]
    after_num = doc[trigger.end + 1] if trigger.end + 1 < len(doc) else None
    year = nxt.text.isdigit() and len(nxt.text) == 4
    if (nxt.like_num or nxt.lower_ in _SYNTAX.indefinite_openers) and trigger.label_ == "anniversary":
        return False  # "X turns 20 this year", "X celebrates a quarter of a century": an age, not an object
    if nxt.like_num and not year and after_num is not None and after_num.is_alpha and after_num.is_lower:
        return True  # "registered 12 new members": a counted object, not a date
    qualified = any(q == trigger.label_ and nxt.lower_ in words for q, words in rules.qualified_followers)
    dated = nxt.lower_.rstrip(".") in pattern_dates().months and after_num is not None and after_num.like_num
    if nxt.like_num or nxt.lower_ in rules.intransitive_followers or qualified or dated:  # "opens for applications", "launched March 2020"
        if nxt.lower_ in _SYNTAX.possessive_determiners | _SYNTAX.first_person_possessives:
            after = doc[trigger.end + 1] if trigger.end + 1 < len(doc) else None
            return after is None or after.lower_ not in rules.possessed_activities
        return False
    return True


def _acronym_expansion(text: str, short: str) -> str | None:
    """What "(SHORT)" abbreviates in `text`: the words before it whose initials it is
    ("the Galician Innovation Agency (GAIN)" -> "Galician Innovation Agency")."""
    for m in re.finditer(rf"\(\s*{re.escape(short)}\s*\)", text):
        words = re.findall(r"[\w'’&-]+", text[max(0, m.start() - 120) : m.start()])
        for n in range(1, min(len(words), 8) + 1):
            candidate = " ".join(words[-n:])
            if is_acronym_of(short, candidate) or (n >= 2 and _letters_in_order(short, words[-n:])):
                return candidate
    return None


def _letters_in_order(short: str, words: list[str]) -> bool:
    """'GAIN' from 'Galician Innovation Agency': the first word's initial, then the other letters in order."""
    if not words[0][:1].isupper() or words[0][0].lower() != short[0].lower():
        return False
    rest = iter("".join(words).lower()[1:])
    return all(ch in rest for ch in short[1:].lower())


def _non_cluster_name(ctx: _Ctx, name: str) -> bool:
    """The name is, or abbreviates, an agency, ministry, university or company."""
    lex = pattern_name_lexicon()
    words = {w.lower() for w in name.split()}
    if name.isupper():
        expansion = _acronym_expansion(ctx.document.text, name)
        words |= {w.lower() for w in expansion.split()} if expansion else set()
    return bool(words & lex.non_cluster_org_words)


def _founding_document(ctx: _Ctx, trigger: Span) -> _Mention | None:
    """"The founding assembly was held in Zagreb on 7 April 2008", "twenty firms signed the founding
    charter in December 2000": a definite founding document or meeting without "of X" founded the
    organisation the page speaks of (resolved like "the cluster")."""
    rules = pattern_event_triggers()
    doc = ctx.doc
    j = trigger.end
    if trigger.start == 0 or doc[trigger.start - 1].lower_ not in _SYNTAX.articles:
        return None
    if j >= len(doc) or doc[j].lower_ not in rules.nominal_documents or (j + 1 < len(doc) and doc[j + 1].lower_ == "of"):
        return None
    ref = _Mention(doc[trigger.start - 1 : j + 1], doc[trigger.start - 1 : j + 1].text, "cluster", ref="cluster")
    antecedent = _resolve(ctx, ref)
    if antecedent is None or antecedent.subject_type != "cluster":
        return None
    return _Mention(ref.span, antecedent.name, antecedent.subject_type, ref=ref.ref)


def _unnamed_subject(ctx: _Ctx, trigger: Span) -> _Mention | None:
    """On a cluster page, a proper name no rule has typed yet as the subject right before a
    passive or intransitive trigger ("Odense Robotics kicked off in 2015", "Neogames Finland was
    set up in 2003"): two or more name words, or one CamelCase / upper-case brand word, and no
    agency, university or company word (family `event_subject`)."""
    rules = pattern_event_triggers()
    lex = pattern_name_lexicon()
    doc = ctx.doc
    if trigger[0].lower_ in rules.nominal:
        return None
    k = trigger.start - 1
    while k >= 0 and (
        doc[k].lower_ in rules.adverbs
        or doc[k].lower_ in rules.passive_aux
        or doc[k].lower_ in _SYNTAX.perfect_aux
        or (doc[k].lower_ in _SYNTAX.reflexives and k == trigger.start - 1 and k > 0 and doc[k - 1].lower_ in rules.passive_aux)
    ):
        k -= 1  # "X had been set up", "Oslo Medtech has worked since 2007", "X was itself founded"
    passive = k + 1 < trigger.start and any(
        doc[i].lower_ in rules.passive_aux for i in range(k + 1, trigger.start)
    )
    if not passive and _has_object(doc, trigger):
        return None  # "Innovation Norway launched the programme": the launcher, not a new cluster
    if k > trigger.sent.start + 1 and doc[k].lower_ in _RELATIVES and doc[k - 1].text == ",":
        k -= 1  # "X, which has been operating since 2002": the name the relative clause is about
    apposed = k > trigger.sent.start and doc[k].text == ","
    if apposed and passive and (opening := _apposition_opening(ctx, k)) is not None:
        k = opening  # "Welfare Tech, the oldest of the three, was founded in 2007": the name before it
    if apposed:  # "X (NCE), introduced in 2006"
        k -= 1
        if doc[k].text == ")" and k >= 2 and doc[k - 2].text == "(":
            k -= 3
    end = k + 1
    start = _name_start(doc, end, trigger.sent.start)
    if (
        end - start <= 2
        and start - 2 >= trigger.sent.start
        and doc[start - 1].lower_ in _PLACE_PREPOSITIONS
        and (is_name_word(doc[start - 2].text) or doc[start - 2].lower_ in lex.org_heads)
    ):  # "The Maritime Centre of Expertise in Turku started in 1999": the name before its place
        end = start - 1
        start = _name_start(doc, end, trigger.sent.start)
    if start == end or ctx.depth[start] != ctx.depth[trigger.start]:
        return None
    span = doc[start:end]
    if (
        start - 2 >= trigger.sent.start
        and doc[start - 1].lower_ in _PLACE_PREPOSITIONS
        and doc[start - 2].is_alpha
        and doc[start - 2].is_lower
    ):
        return None  # "the network of firms in Northern Savonia had been set up": a place, not the subject
    if start > 0 and doc[start - 1].lower_ in lex.non_cluster_descriptors:
        return None  # "the software company Nordsoft Systems was founded in 1998"
    if _complement_of_noun(doc, _Mention(span, span.text, "cluster")):
        return None  # "the new test hall of Lusatia Energy Network took shape in 2019": the hall did
    if start > 1 and doc[start - 1].text == "," and doc[start - 2].lower_ in lex.non_cluster_descriptors:
        return None  # "Its funder, Skillnet Ireland, was set up in 1999": apposition to a non-cluster noun
    if start > 0 and doc[start - 1].text in ("/", "\\", "&") and not doc[start - 1].whitespace_:
        return None  # "Grundvand A/S": the tail of a legal form or a glued name, not a name
    words = [t.lower_ for t in span]
    company_forms = lex.legal_forms - lex.association_legal_forms  # "Nordsoft Ltd", never "OptoNet e.V."
    if set(words) & (lex.non_cluster_org_words | lex.role_titles | lex.person_titles | company_forms):
        return None
    if span.text in pattern_countries() or (
        len(span) == 1 and not (is_camelcase_name(span.text) or span.text.isupper())
    ):
        return None
    if len(span) > 1 and span[-1].is_lower and span[-1].is_alpha:
        return None  # "Aquaculture network turns fourteen": a headline's description, not a name
    linked = any(t.lower_ in _SYNTAX.name_prepositions for t in span)  # "House of Energy" names its field
    if not linked and span[-1].lower_ in lex.generic_heads and span[-1].lower_ not in lex.org_heads:
        return None  # "The Lublin Science and Technology Park was founded in 2005": a site, not a cluster
    if start == trigger.sent.start and len(span) == 1 and not (span.text.isupper() or is_camelcase_name(span.text)):
        return None  # "Founded ...", "Later ...": any word is capitalised there; "Micro2Nano was founded" is a name
    if _non_cluster_name(ctx, span.text):
        return None  # "GAIN, created in 2012, ..." where GAIN is "the Galician Innovation Agency (GAIN)"
    if apposed and not _page_subject_like(ctx, _clean_name(span.text)):
        return None  # "Bayern Innovativ, founded in 1995, coordinates ...": a name the page only passes by
    return _Mention(span, _clean_name(span.text), "cluster")


def _reference_point(doc: Doc, trigger: Span) -> bool:
    """A nominal trigger after "after its" / "before their" ("five years after its initiation"):
    the event is a point of reference for another one."""
    k = trigger.start
    return (
        trigger[0].lower_ in pattern_event_triggers().nominal
        and k >= 2
        and doc[k - 1].lower_ in _SYNTAX.possessive_determiners
        and doc[k - 2].lower_ in _SYNTAX.reference_point_prepositions
    )


def _reference_in_noun_phrase(doc: Doc, found: _Mention) -> bool:
    """The reference stands in a place phrase after a lower-case noun ("the oldest laser company in
    our cluster", "a start-up within the network"): that noun heads the subject, not the reference."""
    k = found.span.start - 1
    return (
        k >= 1
        and len(found.span) > 1  # "… since it was established": a pronoun opens its own clause
        and doc[k].lower_ in _SYNTAX.circumstance_prepositions
        and doc[k - 1].is_alpha
        and doc[k - 1].is_lower
        and doc[k - 1].lower_ not in pattern_event_triggers().passive_aux
    )


def _apposition_participle(ctx: _Ctx, trigger: Span, mentions: list[_Mention]) -> _Mention | None:
    """A past participle right after the cluster noun that heads an apposition is about the name
    before the apposition ("Green-Tech Latvia, the green and smart technology cluster founded in
    2013, is one of the signatories": Green-Tech Latvia was founded)."""
    doc = ctx.doc
    lex = pattern_name_lexicon()
    head = trigger.start - 1
    first = trigger[0].lower_
    if head < 2 or doc[head].lower_ not in lex.cluster_nouns or not (first.endswith("ed") or first in _PAST_IRREGULAR):
        return None
    a = head - 1
    while a > trigger.sent.start and (doc[a].is_lower or doc[a].text == "-") and doc[a].lower_ not in _SYNTAX.articles:
        a -= 1
    if doc[a].lower_ not in _SYNTAX.articles or a - 1 <= trigger.sent.start or doc[a - 1].text != ",":
        return None
    end = a - 1
    named = next((m for m in mentions if m.span.end == end and m.ref is None), None)
    return named or _unnamed_name_ending(ctx, end, trigger.sent.start)


def _apposition_opening(ctx: _Ctx, close: int) -> int | None:
    """The comma opening an apposition that the comma at `close` ends (", the oldest of the three,"),
    within the sentence and twelve tokens, else None."""
    doc = ctx.doc
    floor = max(doc[close].sent.start + 1, close - 12)
    opening = next((o for o in range(close - 2, floor - 1, -1) if doc[o].text == ","), None)
    if opening is None:
        return None
    between = ctx.block.text[doc[opening].idx - doc[0].idx : doc[close].idx - doc[0].idx + 1]
    lex = pattern_name_lexicon()
    inside = doc[opening + 1 : close]
    if inside[0].lower_ not in _SYNTAX.articles or any(t.is_alpha and not t.is_lower for t in inside):
        return None  # "SPRI, which organises the event, …", "A sister initiative, the network Energy Saxony, …"
    words = {t.lower_ for t in inside}
    if words & (lex.non_cluster_org_words | lex.non_cluster_descriptors | lex.role_titles | lex.person_titles):
        return None  # "SKZ, the plastics research centre, was founded in 1961": no cluster
    return opening if _APPOSITION.match(between) else None


def _described_reference(ctx: _Ctx, trigger: Span) -> _Mention | None:
    """A reference with a description after "of" as the subject of a passive ("two years after
    the network of forest-industry firms and researchers in Northern Savonia had been set up"):
    the reference stands for the organisation the page named before (`_resolve`)."""
    rules = pattern_event_triggers()
    doc = ctx.doc
    k = trigger.start - 1
    while k >= 0 and (doc[k].lower_ in rules.adverbs or doc[k].lower_ in _SYNTAX.perfect_aux):
        k -= 1
    if k < 0 or doc[k].lower_ not in rules.passive_aux:
        return None
    while k > 0 and doc[k - 1].lower_ in rules.passive_aux | _SYNTAX.perfect_aux:
        k -= 1
    heads = {(seq[0], seq[1]) for kind, seq in pattern_anaphors().anaphors if kind == "cluster" and len(seq) == 2}
    for of in range(k - 1, max(trigger.sent.start, k - 14), -1):
        token = doc[of]
        if token.lower_ == "of" and of >= 2 and (doc[of - 2].lower_, doc[of - 1].lower_) in heads:
            span = doc[of - 2 : of]
            antecedent = _resolve(ctx, _Mention(span, span.text, "cluster", ref="cluster"))
            if antecedent is None or antecedent.subject_type != "cluster":
                return None
            return _Mention(span, antecedent.name, antecedent.subject_type, ref="cluster")
        if token.is_punct and token.text != "-" or token.lower_ in _SYNTAX.articles or token.lower_ in _RELATIVES:
            return None  # another phrase has begun before the description
    return None


def _page_subject_like(ctx: _Ctx, name: str) -> bool:
    """A name no rule typed is taken as a cluster only when the page is about it: in a title or
    heading, named again, or headed by a cluster or organisation noun."""
    lex = pattern_name_lexicon()
    if {w.lower() for w in name.split()} & (lex.cluster_nouns | lex.org_heads):
        return True
    if _member_of_a_cluster(name, ctx.discourse.page_docs):
        return False  # the member company whose page this is ("Founded in 1995, Kvarner Propeleri ...")
    titles = [b.text for b in ctx.document.blocks if b.kind in ("title", "page_title", "heading")]
    introduced = re.search(rf"{re.escape(name)}\s*\(\s*[A-Z][A-Z0-9]+\s*\)", ctx.document.text)  # "X (NCE)"
    return (
        bool(introduced)
        or any(name in t for t in titles)
        or ctx.document.text.count(name) >= 2
        or _called_the_cluster_next(ctx.doc, name)
    )


def _called_the_cluster_next(doc: Doc, name: str) -> bool:
    """The sentence that opens with the name is followed by one that opens with a cluster reference
    ("NCE Arctic Seafood, established in 2015 in Tromsø, keeps its status … The cluster has 110
    members"): the text itself calls the name a cluster."""
    for here, after in pairwise(doc.sents):
        if not here.text.startswith(name):
            continue
        return any(a.start == after.start and a.label_ == "cluster" for a in doc.spans.get("anaphors", []))
    return False


_PLACE_PREPOSITIONS = _SYNTAX.place_prepositions
# what opens an inserted participle clause: "X, founded in ...", "X (founded 2007)", "X – founded in 2007 –"
_OPENERS = frozenset({",", "(", "–", "—"})


def _name_start(doc: Doc, end: int, floor: int) -> int:
    """Where the name ending before token `end` starts (name words, organisation heads, 'of'/'for'/'&'
    between name words)."""
    lex = pattern_name_lexicon()
    start = end
    while start > floor and (
        is_name_word(doc[start - 1].text)
        or doc[start - 1].lower_ in lex.org_heads
        # "OptoNet e.V. was founded": a legal form closing the name
        or (start == end and doc[start - 1].lower_ in lex.legal_forms and start - 2 >= floor and is_name_word(doc[start - 2].text))
        or (
            # "Terroirs du Nord", "Pôle Mer de Bretagne": a Romance or Germanic joiner between name words
            (
                doc[start - 1].lower_ in _SYNTAX.name_prepositions
                or doc[start - 1].lower_ in _INNER_JOINERS
                # "Agro-Picardie", "Mont-Blanc Industries": a hyphen glued between name words
                or (doc[start - 1].text == "-" and start - 2 >= floor and not doc[start - 2].whitespace_ and not doc[start - 1].whitespace_)
            )
            and start - 2 >= floor
            and is_name_word(doc[start - 2].text)
            and start < end
        )
    ):
        start -= 1
    return start


_INNER_JOINERS = _SYNTAX.name_joiners - _SYNTAX.coordinators - _SYNTAX.articles - {"-"}


def _counted_subject(doc: Doc, aux: int) -> bool:
    """The passive auxiliary at `aux` follows a counted plural noun ("twelve clusters were
    constituted", "the first 20 networks were labelled"): that noun phrase is the subject.

    >>> import spacy
    >>> doc = spacy.blank("en")("and twelve clusters were constituted during 2013")
    >>> _counted_subject(doc, 3), _counted_subject(spacy.blank("en")("the Tech Cluster was set up"), 3)
    (True, False)
    """
    if aux < 2:
        return False
    noun = doc[aux - 1]
    if not (noun.is_alpha and noun.is_lower and noun.lower_.endswith("s")):
        return False
    return any(t.like_num for t in doc[max(0, aux - 3) : aux - 1])


def _trigger_subject_one(ctx: _Ctx, trigger: Span, mentions: list[_Mention]) -> _Mention | None:
    rules = pattern_event_triggers()
    doc = ctx.doc
    inner = [t for t in trigger[1:-1] if t.is_title]
    if inner:  # "brought Cyber Östergötland into being": the name inside the trigger was created
        span = doc[inner[0].i : inner[-1].i + 1]
        named = next((m for m in mentions if m.span.start == span.start), None)
        return named or _Mention(span, _clean_name(span.text), "cluster")
    pronoun = next((t for t in trigger[1:] if t.lower_ in _SYNTAX.pronoun_objects), None)
    if pronoun is not None:  # "eleven companies set it up in 2012": what "it" stands for was created
        ref = _Mention(doc[pronoun.i : pronoun.i + 1], pronoun.text, "cluster", ref="topic" if pronoun.lower_ == "us" else "any")
        antecedent = _resolve(ctx, ref)
        return _Mention(ref.span, antecedent.name, antecedent.subject_type, ref=ref.ref) if antecedent else None
    level = ctx.depth[trigger.start]
    if trigger[0].lower_ in rules.nominal:
        after = doc[trigger.end].lower_ if trigger.end < len(doc) else ""
        if after in pattern_name_lexicon().role_titles and after not in rules.nominal_documents:
            return None  # "our founding chair, who retired in 2015": a person's role, not an event
        owner = _possessor_of(ctx, trigger, mentions)
        if owner is not None:  # "Since NorAqua Kyst's establishment in 2012"
            return owner
        j = trigger.end
        if j + 1 < len(doc) and doc[j].lower_ in rules.nominal_documents and doc[j + 1].lower_ == "of":
            j += 1  # "the founding charter of X": the charter founded X
        if j < len(doc) and doc[j].lower_ == "of":
            j += 1
            start = j
            while j < len(doc) and doc[j].lower_ in _DETERMINERS:
                j += 1
            found = next((m for m in mentions if m.span.start in (j, start)), None)
            lex = pattern_name_lexicon()
            if found is None and j + 1 < len(doc) and (doc[j].lower_ in lex.org_heads or doc[j].lower_ in lex.cluster_nouns):
                # "Founding of the association MetalTec Steiermark": the name its noun introduces
                found = next((m for m in mentions if m.span.start == j + 1), None) or _named_after_noun(ctx, j + 1)
            return found
        fronted = _fronted_subject(ctx, trigger, mentions)
        if fronted is not None:
            return fronted
        return _possessive_ref(ctx, trigger) or _founding_document(ctx, trigger)
    fronted = _fronted_subject(ctx, trigger, mentions)
    if fronted is not None:
        return fronted
    k = trigger.start - 1
    until = pattern_dates().negated_until
    negated_until = any(t.lower_ in until for t in doc[trigger.end : trigger.sent.end])
    while k >= 0 and (
        doc[k].lower_ in rules.adverbs
        or doc[k].text in _QUOTE_CHARS
        or (doc[k].lower_ in _SYNTAX.perfect_aux and k == trigger.start - 1)
        # "X was itself founded in 2007" (but "The SKZ itself was founded": another body, contrasted)
        or (doc[k].lower_ in _SYNTAX.reflexives and k == trigger.start - 1 and k > 0 and doc[k - 1].lower_ in rules.passive_aux)
        or (negated_until and doc[k].lower_ in pattern_dates().negations)  # "was not registered until 2014"
    ):
        k -= 1  # 'The "Upper Austria Cluster Programme" started', 'X has worked since 2007'
    if k >= 0 and doc[k].text == ")" and any(m.span.end == _before_parenthesis(doc, k) + 1 for m in mentions):
        k = _before_parenthesis(doc, k)  # "X (Clusterinitiative Saar) opens": the alias is X's
    prev = doc[k] if k >= 0 else None
    if prev is not None and prev.lower_ in rules.passive_aux and (dashed := _before_dashed_aside(ctx, mentions, k, level)):
        return dashed  # "X (ABC), a technology district — the name Italians give to a cluster — was constituted"
    # "is establishing a centre" (but "is celebrating its 20th anniversary" dates the subject)
    progressive = trigger[0].lower_.endswith("ing") and trigger.label_ != "anniversary" and _has_object(doc, trigger)
    if prev is not None and prev.lower_ in rules.passive_aux and not progressive and _counted_subject(doc, k):
        return None  # "…, and twelve clusters were constituted during 2013": the counted clusters were
    if prev is not None and prev.lower_ in rules.passive_aux and not progressive:
        found = _nearest_before(ctx, mentions, trigger.start, level=level)
        if found is not None:
            found = _before_apposition(ctx, found, mentions, trigger.start)
        relative = found is not None and any(doc[x].lower_ in _RELATIVES for x in range(found.span.end, trigger.start))
        if (
            found is not None
            and not relative
            and found.ref is None
            and _held_title(doc, found)
            and not _blocked(ctx, found, trigger.start)
        ):
            # "The status of Key National Cluster was introduced in 2015": the status is a programme
            return _Mention(found.span, found.name, "policy")
        if found is not None and not relative and _complement_of_noun(doc, found):
            return None  # "the yearly budget of our cluster was set up in 2019": the budget was
        if found is not None and found.ref is not None and _reference_in_noun_phrase(doc, found):
            return None  # "The oldest laser company in our cluster was established in 1983": the company was
        if found is not None and (opener := _enclosing_relative(doc, found, k)) is not None:
            # "The Moravian Wine Fund, which finances it, was set up in 1995": the fund was, not "it"
            found = next((m for m in mentions if m.span.end == opener - 1 and ctx.depth[m.span.start] == level), None)
        if found is not None and not _blocked(ctx, found, trigger.start):
            return found
        return None
    j = trigger.end
    while j < len(doc) and doc[j].lower_ in _DETERMINERS:
        j += 1
    if j + 2 < len(doc) and doc[j].lower_ in rules.object_heads and doc[j + 1].lower_ == "of":
        j += 2  # "introduced the recognition of the Lombardy Technology Clusters": what is recognised
        while j < len(doc) and doc[j].lower_ in _DETERMINERS:
            j += 1
    if j + 1 < len(doc) and doc[j].is_title and doc[j].lower_ in pattern_name_lexicon().non_name_words:
        # "launched the Regional Technology Clustering Fund": the name rules leave out "Regional"
        j = j if any(m.span.start == j for m in mentions) else j + 1
    obj = next((m for m in mentions if m.span.start == j and m.ref is None), None)
    if obj is None and prev is not None and prev.text not in _OPENERS:
        # "introduced a national cluster programme, the X Programme" / "… called the X Programme"
        obj = _named_after_descriptor(ctx, j, trigger.sent.end, mentions)
    if obj is None and prev is not None and prev.text not in _OPENERS:
        obj = _object_after_date(ctx, j, mentions)  # "started in 2017 the scheme Regional Innovation Vouchers"
    if obj is None and prev is not None and prev.text not in _OPENERS:
        obj = _created_object(ctx, j, trigger.sent.end)
    if obj is None and prev is not None and prev.text not in _OPENERS:
        # "19 shipyards and suppliers founded the klaster in September 2013": a reference as object
        # "The Ministry launched the initiative with a public notice in 2012": a programme too, but not
        # a possessed one ("the Basque Country started its cluster policy in 1991": the region's own)
        ref = next(
            (
                m
                for m in mentions
                if m.span.start == trigger.end
                and (
                    m.ref == "cluster"
                    or (m.ref == "policy" and m.span[0].lower_ not in _SYNTAX.possessive_determiners)
                    # "The agency MITA launched it in 2016": a past trigger's "it"
                    or (m.ref == "any" and len(m.span) == 1 and trigger[-1].lower_.endswith("ed"))
                )
                # "founded the research centre CRS4": a noun naming what follows it, no reference
                and not (m.span.end < len(doc) and is_name_word(doc[m.span.end].text))
            ),
            None,
        )
        antecedent = _resolve(ctx, ref) if ref is not None else None
        if antecedent is not None:
            obj = _Mention(ref.span, antecedent.name, antecedent.subject_type, ref=ref.ref)
    if obj is not None and prev is not None and prev.text not in _OPENERS:
        return obj  # "In 2004 we launched the X Programme": the object is what was launched
    if prev is not None and prev.text not in _OPENERS and _has_object(doc, trigger):
        return None  # "X launched a call in 2019": X launched something, it was not created
    if prev is not None and prev.text == ";" and _dash_list_item(ctx, trigger.sent):
        # "Medtech Bern – the canton's medical-technology cluster; active since 2006": a list item
        found = _nearest_before(ctx, mentions, k, level=level)
        between = ctx.block.text[found.span.end_char : prev.idx + 1] if found is not None else ""
        if found is not None and _APPOSITION.match(_dash_apposition(between[:-1] + ",")):
            return found
    if prev is not None and prev.text == "," and k > trigger.sent.start and _direct_object(ctx, trigger):
        # "X, the aquaculture cluster of Troms, opened an office in 2024": X did something, it was not created;
        # only a named object ("…, launched the Y Programme in 2016") was
        return next((m for m in mentions if m.span.start == j and m.ref is None), None)
    owner = _owner_before_complement(ctx, mentions, k, level) if prev is not None and prev.text not in _OPENERS else None
    if owner is not None:
        return owner  # "The Danish cluster programme of the Board of Business Development takes effect"
    if prev is not None and (prev.text in _OPENERS or any(m.span.end == k + 1 for m in mentions)):
        # "X, established in ...", "X (founded in 2007)", "X started in ...", "X (alias), in force since ..."
        end = k if prev.text in _OPENERS else k + 1
        if prev.text == "," and k > 0 and doc[k - 1].text == ")":
            end = _before_parenthesis(doc, k - 1) + 1
        found = next((m for m in mentions if m.span.end == end), None)
        if (
            found is not None
            and prev.text not in _OPENERS
            and found.ref is None
            and _complement_of_noun(doc, found)
            and not _programme_for(doc, found)
        ):
            return None  # "The new statutes of the X took effect in 2019": the statutes did, not X
        if found is None and prev.text != "(":
            # "X (ACS), founded in 2008", "X (Graz, AT) – set up in 2005": step back over the parenthesis
            found = next((m for m in mentions if m.span.end == _parenthesis_start(ctx, end)), None)
        if found is None and prev.text != "(":
            # 'the Niš Construction Cluster "Dunđer", established in 2007': step back over a quoted alias
            found = next((m for m in mentions if m.span.end == _quote_start(ctx, end)), None)
        if found is None and prev.text in _OPENERS and prev.text != "(":
            # "X, the game cluster of Kokkola, started ...": step back over the apposition
            found = _nearest_before(ctx, mentions, k, level=level)
            if found is not None and found.ref is not None and found.span.start >= 2 and doc[found.span.start - 1].text == ",":
                # "WestBIO, the bio-economy cluster for the west of Ireland, opened …": the apposition's
                # own head is no subject; the name before it is
                found = next((m for m in mentions if m.span.end == found.span.start - 1 and m.ref is None), found)
            between = ctx.block.text[found.span.end_char : prev.idx + 1] if found is not None else ""
            if not _APPOSITION.match(_dash_apposition(between)):
                found = None
        if found is None and prev.text == ",":
            found = _copula_subject(ctx, trigger, mentions)  # "X was the first ... cluster, founded in 1997"
        if found is not None and prev.text not in _OPENERS and (created := _object_relative(ctx, found, mentions)):
            return created  # "X (si-Cluster), which Corallia set up in 2009, has ...": X was set up
        if found is not None and prev.text == "," and (opener := _enclosing_relative(doc, found, trigger.start)) is not None:
            # "The Life Sciences Park, which hosts the cluster, opened in 2013": the park did, not "the cluster"
            return next((m for m in mentions if m.span.end == opener - 1 and ctx.depth[m.span.start] == level), None)
        return found
    j = trigger.end
    while j < len(doc) and doc[j].lower_ in _DETERMINERS:
        j += 1
    found = next((m for m in mentions if m.span.start == j), None)
    if found is None:
        found = _relative_antecedent(ctx, trigger, mentions)
    return found if found is not None else _copula_subject(ctx, trigger, mentions)


_DASHES = frozenset({"–", "—"})
_NAME_THEN_APPOSITION = re.compile(r"^\s*(?:\([^()]*\))?\s*(?:,\s*(?:a|an|the|one)\b[^,;:()–—]*)?\s*$", re.IGNORECASE)


def _before_dashed_aside(ctx: _Ctx, mentions: list[_Mention], aux: int, level: int) -> _Mention | None:
    """The name before an aside set off by a pair of dashes that ends right before the auxiliary
    ("X, a technology district — the Italian word for a cluster — was founded"), with only its
    parenthesised acronym and an apposition between the name and the first dash."""
    doc = ctx.doc
    if aux < 1 or doc[aux - 1].text not in _DASHES:
        return None
    opening = next((j for j in range(aux - 2, doc[aux].sent.start, -1) if doc[j].text in _DASHES), None)
    if opening is None:
        return None
    found = _nearest_before(ctx, mentions, opening, level=level)
    if found is None or found.ref is not None:
        return None
    between = ctx.block.text[found.span.end_char : doc[opening].idx - doc[0].idx]
    return found if _NAME_THEN_APPOSITION.match(between) else None


def _enclosing_relative(doc: Doc, found: _Mention, aux: int) -> int | None:
    """The relative pronoun opening a comma-enclosed clause that holds `found` and closes right
    before the auxiliary at `aux` ("X, which finances it, was set up"): its index, else None."""
    if aux < 1 or doc[aux - 1].text != ",":
        return None
    for r in range(found.span.start - 1, doc[aux].sent.start, -1):
        if doc[r].text == ",":
            return None
        if doc[r].lower_ in _RELATIVES and r >= 1 and doc[r - 1].text == ",":
            return r
    return None


def _object_after_date(ctx: _Ctx, j: int, mentions: list[_Mention]) -> _Mention | None:
    """A policy named after the trigger's date, as translated agency English writes it ("The region
    started in 2017 the scheme Regional Innovation Vouchers"): "in/on <date>", then a determiner and up
    to two lower-case words ("the scheme"), then the policy's name."""
    doc = ctx.doc
    sent_end = doc[j].sent.end if j < len(doc) else j
    if j >= sent_end or doc[j].lower_ not in _SYNTAX.date_prepositions:
        return None
    date = next((d for d in _sentence_dates(ctx, doc[j].sent) if d.start == j + 1), None)
    if date is None:
        return None
    k = date.end
    if k < sent_end and doc[k].lower_ in _DETERMINERS:
        k += 1
    for step in range(3):
        found = next((m for m in mentions if m.span.start == k + step and m.ref is None), None)
        if found is not None:
            return found if found.subject_type == "policy" else None
        if k + step >= sent_end or not (doc[k + step].is_alpha and doc[k + step].is_lower):
            return None
        if doc[k + step].lower_ in _SYNTAX.circumstance_prepositions:
            return None  # "set up in 2021 under the X Fund": the fund it was set up under
    return None


def _possessor_of(ctx: _Ctx, trigger: Span, mentions: list[_Mention]) -> _Mention | None:
    """The name whose "'s" stands before a nominal trigger, one lower-case modifier allowed
    between ("X's establishment in 2012", "X's official launch")."""
    doc = ctx.doc
    k = trigger.start - 1
    if k >= 0 and doc[k].is_alpha and doc[k].is_lower and doc[k].lower_ not in _DETERMINERS:
        k -= 1
    if k < 1 or doc[k].lower_ not in _SYNTAX.possessive_markers:
        return None
    named = next((m for m in mentions if m.span.end == k and m.ref is None), None)
    return named or _name_before(ctx, k, trigger.sent.start)  # a name the event itself types


def _parenthesis_start(ctx: _Ctx, end: int) -> int:
    """The index of the "(" whose ")" is token end-1 (a place or acronym after a name), else `end`.

    "Green Tech Cluster Styria (Graz, AT) – set up in 2005": the name ends where "(" starts."""
    if end <= 0 or ctx.doc[end - 1].text != ")":
        return end
    level = ctx.depth[end - 1]
    return next((j for j in range(end - 2, -1, -1) if ctx.doc[j].text == "(" and ctx.depth[j] == level), end)


_LEADING_PARENTHESIS = re.compile(r"^\s*\([^()]*\)")
_LEADING_DASH = re.compile(r"^\s*[–—]")


def _quote_start(ctx: _Ctx, end: int) -> int:
    """Index of the opening quote of a short quoted alias ending at token `end` - 1, else -1."""
    doc = ctx.doc
    if end < 3 or doc[end - 1].text not in _QUOTE_CHARS:
        return -1
    for k in range(end - 2, max(end - 8, 0) - 1, -1):
        if doc[k].text in _QUOTE_CHARS:
            return k
    return -1


def _dash_list_item(ctx: _Ctx, sent: Span) -> bool:
    """A sentence shaped like a list item: a name, a dash and a description ("Medtech Bern – the
    canton's medical-technology cluster; active since 2006")."""
    doc = ctx.doc
    return any(doc[k].text in ("–", "—") for k in range(sent.start + 1, min(sent.start + 8, sent.end)))


def _dash_apposition(between: str) -> str:
    """The text between a name and its participle read as a comma apposition: a parenthesis after
    the name is skipped and a dash opens the apposition like a comma ("X (Rovereto, IT) – the
    energy district of Trentino, established in 2012")."""
    return _LEADING_DASH.sub(",", _LEADING_PARENTHESIS.sub("", between), count=1)


def _copula_subject(ctx: _Ctx, trigger: Span, mentions: list[_Mention]) -> _Mention | None:
    """'X is a private non-profit association created in 2008', 'X is the network founded by
    ...': a participle qualifying the description that a copula gives its subject."""
    doc = ctx.doc
    sent = trigger.sent
    word = trigger[0].lower_
    if not (word.endswith("ed") or word in _PAST_IRREGULAR) or trigger.start == sent.start:
        return None
    for k in range(trigger.start - 1, max(sent.start, trigger.start - 12) - 1, -1):
        token = doc[k]
        if token.text == "," and k == trigger.start - 1:
            continue  # "X was the first food cluster in the country, founded in 1997 by ..."
        if token.text == "," and k + 1 < trigger.start and doc[k + 1].lower_ in _SYNTAX.indefinite_openers:
            # "SkogsKraft, a bioeconomy cluster started by forestry firms in 1999, ...": the apposition's name
            named = next((m for m in mentions if m.span.end == k and m.ref is None), None)
            return named or _unnamed_name_ending(ctx, k, sent.start)
        if token.is_punct and token.text != "-":
            return None
        if token.text[:1].isupper() and not token.is_sent_start and token.text not in pattern_countries():
            return None  # another name in the description: "X is a member of Y founded in ..."
        if token.lower_ in _SYNTAX.copulas:
            if k + 1 >= trigger.start or doc[k + 1].lower_ not in _DETERMINERS | {"one"}:
                return None
            end = k
            if k > sent.start and doc[k - 1].text == ")":  # "X (Bulgarian: ...) is a ... association founded"
                end = next((x for x in range(k - 2, sent.start - 1, -1) if doc[x].text == "("), k)
            return next((m for m in mentions if m.span.end == end and m.ref is None), None)
    return None


def _relative_antecedent(ctx: _Ctx, trigger: Span, mentions: list[_Mention]) -> _Mention | None:
    """'X, which started in 2002', 'X, which the ministry had launched in 2007': the name the
    relative clause hangs on (no other name between the relative pronoun and the trigger)."""
    doc = ctx.doc
    sent = trigger.sent
    rel = next(
        (
            i
            for i in range(trigger.start - 1, max(sent.start, trigger.start - 16) - 1, -1)
            if doc[i].lower_ in _RELATIVES
        ),
        None,
    )
    if rel is None or any(rel < m.span.start < trigger.start for m in mentions):
        return None
    i = rel - 1
    if i >= sent.start and doc[i].text == ",":
        i -= 1
    if i >= sent.start and doc[i].text == ")":
        i = _before_parenthesis(doc, i)  # "X (alias), which ...": the alias is X's
    found = next((m for m in mentions if m.span.end == i + 1 and m.ref is None), None)
    if found is None and doc[rel - 1].text == ",":
        # "RoboKlynge Fyn, which the municipality set up in 2015, ...": a name no rule typed yet
        found = _unnamed_name_ending(ctx, i + 1, sent.start)
        if found is not None and not _page_subject_like(ctx, found.name):
            found = None  # "... depend on the Malta Freeport, which opened in 1988": passed by
    if found is None:
        # "X, the wood-processing cluster of the Celje region, which came into being in 2009": the
        # relative closes X's apposition
        prior = _nearest_before(ctx, mentions, rel, level=ctx.depth[rel])
        if prior is not None and prior.ref is None and _apposition_relative(ctx, prior, trigger.start):
            found = prior
    return found


def _name_end(doc: Doc, start: int, stop: int) -> int:
    """Where the name starting at token `start` ends (name words, organisation heads and legal
    forms, 'of'/'for'/'&'/'-' between name words)."""
    lex = pattern_name_lexicon()
    end = start

    def name_like(token: Token) -> bool:
        return is_name_word(token.text) or (token.text[:1].isupper() and token.lower_ in lex.cluster_nouns)

    while end < stop and (
        name_like(doc[end])
        or (end > start and (doc[end].lower_ in lex.org_heads or doc[end].lower_ in lex.legal_forms))
        or (
            doc[end].lower_ in _NAME_JOINERS
            and end > start
            and doc[end].lower_ not in _SYNTAX.coordinators | _SYNTAX.articles
            and any(name_like(doc[k]) for k in range(end + 1, min(end + 3, stop)))
        )
    ):
        end += 1
    return end


def _named_after_noun(ctx: _Ctx, start: int) -> _Mention | None:
    """The proper name right after an organisation noun ("the association MetalTec Steiermark")."""
    lex = pattern_name_lexicon()
    doc = ctx.doc
    end = _name_end(doc, start, doc[start].sent.end)
    while end > start and doc[end - 1].lower_ in lex.legal_forms:
        end -= 1
    if end <= start:
        return None
    span = doc[start:end]
    if {t.lower_ for t in span} & (lex.non_cluster_org_words | lex.role_titles | lex.person_titles):
        return None
    return _Mention(span, _clean_name(span.text), "cluster")


def _named_after_descriptor(ctx: _Ctx, j: int, stop: int, mentions: list[_Mention]) -> _Mention | None:
    """A created object told first by a lower-case descriptor and then by its name: "a national
    cluster programme, the Cluster Excellence Programme", "a new scheme called the X Scheme",
    "a regional network known as X"."""
    lex = pattern_name_lexicon()
    doc = ctx.doc
    heads = lex.policy_heads | lex.cluster_nouns | lex.org_heads
    naming = _SYNTAX.naming_words
    k = j
    while k < min(j + MAX_DESCRIPTOR_WORDS + 1, stop) and doc[k].is_alpha and doc[k].is_lower and doc[k].lower_ not in naming:
        k += 1  # "a national cluster programme": lower-case words that end in a programme or cluster noun
    if k == j or k >= stop or doc[k - 1].lower_ not in heads:
        return None
    while k < stop and (doc[k].text == "," or doc[k].lower_ in naming or doc[k].lower_ in _SYNTAX.articles):
        k += 1
    if k == j or not any(doc[x].text == "," or doc[x].lower_ in naming for x in range(j, k)):
        return None
    return next((m for m in mentions if m.span.start == k and m.ref is None), None) or _created_object(ctx, k, stop)


def _created_object(ctx: _Ctx, start: int, stop: int) -> _Mention | None:
    """The organisation an active creation verb makes, named right after it although no rule typed
    it ("the county and the university set up Agrovalley", "fourteen moulders formed
    Kunststoff-Netzwerk Franken e.V."): a proper name that the page puts in its title or repeats,
    without agency, university or company words (a legal form such as 'e.V.' is dropped)."""
    lex = pattern_name_lexicon()
    doc = ctx.doc
    end = _name_end(doc, start, stop)
    while end > start and doc[end - 1].lower_ in lex.legal_forms:
        end -= 1
    if end <= start:
        return None
    span = doc[start:end]
    words = {t.lower_ for t in span}
    if words & (lex.non_cluster_org_words | lex.role_titles | lex.person_titles | lex.headline_words):
        return None
    if span.text in pattern_countries() or (len(span) == 1 and span.text.lower() in lex.generic_heads):
        return None
    name = _clean_name(span.text)
    titles = [b.text for b in ctx.document.blocks if b.kind in ("title", "page_title", "heading")]
    topic = ctx.discourse.topic.name if ctx.discourse.topic is not None else None
    if topic is not None and is_acronym_of(name, topic):
        return _Mention(span, topic, "cluster")  # "... signed the papers that created SAM"
    introduced = end + 2 < len(doc) and doc[end].text == "(" and doc[end + 1].text.isupper() and doc[end + 2].text == ")"
    headed = bool(words & (lex.cluster_nouns | lex.org_heads))  # "the Klastr MoraviaTech", "X Network"
    if not (introduced or headed or name == topic or any(name in t for t in titles) or ctx.document.text.count(name) >= 2):
        return None  # neither "X (ABBR)", the page's title nor repeated: maybe not an organisation
    return _Mention(span, name, "cluster")


def _unnamed_name_ending(ctx: _Ctx, end: int, floor: int) -> _Mention | None:
    """A proper name ending before token `end` that no rule has typed: two or more name words or
    one CamelCase / upper-case brand word, without agency, university or company words."""
    lex = pattern_name_lexicon()
    doc = ctx.doc
    start = _name_start(doc, end, floor)
    if start >= end:
        return None
    span = doc[start:end]
    words = {t.lower_ for t in span}
    if words & (lex.non_cluster_org_words | lex.role_titles | lex.person_titles | lex.legal_forms):
        return None
    if span.text in pattern_countries():
        return None
    if len(span) == 1 and not (is_camelcase_name(span.text) or span.text.isupper()):
        return None
    if start > 0 and doc[start - 1].lower_ in lex.non_cluster_descriptors:
        return None
    return _Mention(span, _clean_name(span.text), "cluster")


def _skipped_apposition(trigger: Span, date: _DateTok) -> int:
    """Tokens of an apposition between a trigger's object and its date ("began the X programme,
    the AEI programme as you all call it, in 2007"): not counted in the distance."""
    doc = trigger.doc
    # a parenthesis between them ("the X Clusters (Cluster Tecnologici Lombardi) in 2014") is not counted either
    opens = [k for k in range(trigger.end, date.start) if doc[k].text == "("]
    closes = [k for k in range(trigger.end, date.start) if doc[k].text == ")"]
    skipped = closes[-1] - opens[0] + 1 if opens and closes and closes[-1] > opens[0] else 0
    commas = [k for k in range(trigger.end, date.start) if doc[k].text == ","]
    if len(commas) < 2:
        return skipped
    between = doc[commas[0] : commas[1] + 1].text
    # "..., itself founded in 1797, ...": an aside with an event of its own is skipped as well
    aside = any(commas[0] < e.start < commas[1] for e in doc.spans["events"])
    return commas[1] - commas[0] + 1 if _APPOSITION.match(between) or aside else 0


def _dated_aside(trigger: Span, date: _DateTok) -> bool:
    """The date sits in a comma-enclosed aside with an event of its own, between the trigger and
    the trigger's date ("was launched by the chamber, itself founded in 1797, and four utilities
    in 2016": 1797 dates the chamber)."""
    doc = trigger.doc
    commas = [k for k in range(trigger.end, date.start) if doc[k].text == ","]
    if not commas:
        return False
    close = next((k for k in range(date.end, trigger.sent.end) if doc[k].text == ","), None)
    return close is not None and any(
        commas[-1] < e.start < date.start for e in doc.spans["events"] if e.start >= trigger.end
    )


def _nearest_date(trigger: Span, dates: list[_DateTok], used: set[int]) -> _DateTok | None:
    free = [d for d in dates if id(d) not in used]
    doc = trigger.doc
    holding = next((d for d in free if d.start <= trigger.start and trigger.end <= d.end), None)
    if holding is not None:
        return holding  # "marks a decade since its foundation": the date phrase holds the trigger
    after = [
        d
        for d in free
        if d.start >= trigger.end
        and d.start - trigger.end - _skipped_apposition(trigger, d) <= 12
        and not _dated_aside(trigger, d)
        and not any(doc[k].text == ";" for k in range(trigger.end, d.start))  # "…its first call; … in 2003"
        # "formed by 14 companies that had met at a hackathon in 2016": the date is the relative clause's
        and not any(doc[k].lower_ in _RELATIVES and doc[k - 1].text != "," for k in range(trigger.end + 1, d.start))
        and not _opens_coordinated_clause(doc, trigger, d)
        # "was replaced by the X Cluster, established in March 2015": the aside's own event is nearer
        and not any(trigger.end <= e.start and e.end <= d.start and doc[e.start - 1].text == "," for e in doc.spans["events"])
    ]
    if after:
        return min(after, key=lambda d: d.start)
    before = [d for d in free if d.end <= trigger.start]
    return max(before, key=lambda d: d.end) if before else None


def _opens_coordinated_clause(doc: Doc, trigger: Span, date: _DateTok) -> bool:
    """", and in 2020 the cluster was renamed": after the trigger, a date led by ", and in" opens a
    clause of its own ("the Hub, opened the same year, and in 2020 ..." does not date the opening)."""
    k = date.start
    return (
        k - 3 >= trigger.end
        and doc[k - 1].lower_ in _SYNTAX.date_prepositions
        and doc[k - 2].lower_ in _SYNTAX.coordinators
        and doc[k - 3].text == ","
    )


def _value(expr: DateExpr) -> tuple[int | str, str]:
    return expr.value, expr.precision


def _events(ctx: _Ctx, sent: Span, mentions: list[_Mention], prev_sent: Span | None) -> None:
    rules = pattern_event_triggers()
    doc = ctx.doc
    dates = _sentence_dates(ctx, sent)
    used: set[int] = set()
    events = _in_sent(sent, "events")
    announced = any(e.label_ == rules.announce for e in events)
    prev_events = _in_sent(prev_sent, "events") if prev_sent is not None else []
    sent_span = (sent.start_char, sent.end_char)

    # 1. lineage cues: "has cluster policies dating back to the late 1980s" -> lineage, never a start
    for cue in _in_sent(sent, "lineage"):
        # the lineage's own date follows the cue closely; a later date belongs to another clause
        after = [d for d in dates if cue.end <= d.start <= cue.end + 6]
        if not after and cue.end + 1 < sent.end and doc[cue.end].lower_ == "to":
            # "dates back to 2010": "to" blocks end dates elsewhere, not after a lineage cue
            after = [d for d in _sentence_dates(ctx, sent, blockers=False) if d.start == cue.end + 1]
        subject = _nearest_before(ctx, mentions, cue.start, level=ctx.depth[cue.start])
        verb = cue.start - 1 if cue.start > sent.start and doc[cue.start - 1].lower_ in _SYNTAX.reflexives else cue.start
        own = next(  # "Our association dates back to 2010", "The network itself dates back to 2002"
            (m for m in [*mentions, *_subject_references(sent)] if m.span.end == verb and m.subject_type == "cluster"),
            None,
        )
        if after:
            used.add(id(after[0]))
            value, precision = _value(after[0].expr)
            # "Our association dates back to 2010", "X goes back to 2011": the organisation's own start
            # ("goes back" only to a bare date, and not of "the origins of X": "goes back to a workshop in 1999")
            plain = cue[0].lower_.startswith("dat") or (
                after[0].start <= cue.end + 1 and own is not None and not _complement_of_noun(doc, own)
            )
            own_start = own is not None and plain and cue[0].lower_ in rules.own_lineage
            if own_start and precision in ("year", "month", "day"):
                _add_event(ctx, own, value, precision, quote=sent_span, qualifier="dates back to")
            elif subject is not None and (cue[0].lower_.startswith("dat") or cue[0].lower_ not in rules.own_lineage):
                # ("the origins of X go back to 2003": no lineage of X's either)
                _add_event(ctx, subject, value, precision, quote=sent_span, qualifier="lineage")

    # 2. "InfoComm (2002, then renamed ICT)" after an event in this or the previous sentence
    context_events = [e for e in events if e.label_ != rules.announce] or [
        e for e in prev_events if e.label_ != rules.announce
    ]
    for mention in mentions:
        i = mention.span.end
        if i + 1 >= len(doc) or doc[i].text != "(":
            continue
        date = next((d for d in dates if d.start == i + 1 and isinstance(d.expr.value, int)), None)
        if (
            date is None
            and mention.subject_type == "policy"
            and doc[i + 1].lower_ in rules.object_since_openers
            and (since := next((d for d in dates if d.start == i + 2 and isinstance(d.expr.value, int)), None))
            and doc[since.end].text == ")"
            # "Gold label of the European Cluster Excellence Initiative (since 2017)": the label's holding
            and not _complement_of_noun(doc, mention)
        ):
            # "the Norwegian Centres of Expertise programme (from 2006)": the programme's own period
            used.add(id(since))
            value, precision = _value(since.expr)
            quote = (mention.span.start_char, doc[since.end].idx + 1)
            _add_event(ctx, mention, value, precision, quote=quote, qualifier="since")
            continue
        if date is None:
            continue
        used.add(id(date))
        if not context_events:
            continue
        close = _close_paren_after(ctx, i)
        qualifier = rules.announce if announced else context_events[0].label_
        value, precision = _value(date.expr)
        quote = (mention.span.start_char, doc[close].idx + 1)
        _add_event(ctx, mention, value, precision, quote=quote, qualifier=qualifier)

    _since_opening(ctx, sent, mentions, dates)
    _perfect_since(ctx, sent, mentions, dates)
    _unified_organisation(ctx, sent, mentions, dates)
    _object_since(ctx, sent, mentions, dates)
    _policy_of_year(ctx, mentions, _sentence_dates(ctx, sent, blockers=False), used, sent_span)

    # 3. event triggers bound to a subject
    triggers = [e for e in events if e.label_ != rules.announce] or events
    candidates = sorted([*mentions, *_subject_references(sent)], key=lambda m: m.span.start)
    # a trigger inside parentheses takes its own date first ("set up the X (founded 1999) and the
    # Y (founded 1998)": 1999 is X's founding, not what "set up" is nearest to)
    for trigger in sorted(triggers, key=lambda t: -ctx.depth[t.start]):
        subjects = _trigger_subject(ctx, trigger, candidates)
        if (
            not subjects
            and re.match(rules.structured_label, sent.text)
            and not job_start_field(sent.text, ctx.document.blocks)
        ):
            subjects = _field_owner(ctx, trigger, sent)
        if not subjects:
            subjects = _section_opening(ctx, trigger, sent)
        if not subjects:
            continue
        if trigger.label_ == rules.announce and not _passive_before(doc, trigger.start) and trigger[0].lower_ not in rules.nominal:
            continue  # "…, Automotive Cluster Bulgaria announced on Wednesday": the announcer, not a launch
        qualifier = rules.announce if announced else trigger.label_
        row_evidence: Evidence | None = None
        if trigger.label_ == "anniversary":  # only "its 20th anniversary" dates a founding
            date = _nearest_date(trigger, [d for d in dates if d.expr.precision == "approximate"], used)
        elif _reference_point(doc, trigger):
            # "In 2016 it received the label, five years after its initiation": not dated by 2016
            date = _nearest_date(trigger, [d for d in dates if d.start >= trigger.end], used)
        else:
            date = _nearest_date(trigger, dates, used)
        later = _years_later(ctx, sent, trigger) if date is None or date.start < trigger.start else None
        if later is not None:
            # "The idea was born in 2008, and the cluster was founded two years later": 2010, not 2008
            date = None
            value, precision = later, "year"
        elif date is not None:
            used.add(id(date))
            value, precision = _value(date.expr)
        elif announced and ctx.document.published:
            # an announcement dates the event by the page's publication year
            value, precision = int(ctx.document.published[:4]), "year"
        elif ctx.document.published and _on_publication_day(doc, trigger):
            # "the Ministry today unveiled the new Cluster Programme": the page's own date
            value, precision = int(ctx.document.published[:4]), "day"
        elif (row := _row_date(ctx)) is not None:
            value, precision, row_evidence = row  # "| 2007 | Foundation of the Vaasa Energy Cluster |"
        else:
            continue
        if _founded_as_company(ctx, trigger, date):
            _rejected(ctx, date)
            continue  # "X was founded in 1987 as a small sawmill": a company's founding, not a cluster's
        following = tuple(t.lower_ for t in doc[trigger.start : min(trigger.start + 4, sent.end)])
        bound = len(subjects)
        if any(following[: len(seq)] == seq for seq in rules.policy_only):
            # "Its first call for joint projects, in 2013, ...": an organisation's call is an activity, not its start
            subjects = [s for s in subjects if s.subject_type == "policy"]
        subjects = [
            m
            for m in subjects
            if not _described_as_non_cluster(ctx, m, trigger)
            and not _manager_of(ctx, m, trigger)
            and not _description_of_name(ctx, m, candidates)
            # "The first chip factory opened in Dresden in 1994": a town is never founded here
            and not (m.ref is None and is_place(m.name))
            # "Business Upper Austria, the agency that manages it, was formed in 2014": "it" is the
            # object of the manager's relative clause, not what was formed
            and not (m.ref == "any" and m.span.start > 0 and doc[m.span.start - 1].lower_ in _SYNTAX.manager_verbs)
            # "Vestergaard Automation was founded in 1987 by two brothers", "X was founded in 1998 and
            # employs 640 people": a name no rule typed, told like a company
            and not (m.ref is None and not any(m.span == c.span for c in mentions) and _company_story(doc, trigger))
        ]
        if len(subjects) < bound:
            _rejected(ctx, date)
        # a legal form taken on, or a label awarded ("In 2010 the cluster was labelled a pôle de
        # compétitivité"): the organisation's start only when the page gives no other
        legal_form = _legal_form_after(doc, trigger, sent) or trigger.label_ == "labelled"
        for subject in subjects:
            before = len(ctx.claims)
            _add_event(ctx, subject, value, precision, quote=sent_span, qualifier=qualifier, date_evidence=row_evidence)
            if legal_form:
                # "It was set up as a foundation in 2019": a legal form taken on, the start only when
                # the page gives no other ("… started out in 2017 as a network of five start-ups")
                ctx.discourse.pending.extend(ctx.claims[before:])
                del ctx.claims[before:]
            if subject.ref is None and not any(subject.span == m.span for m in mentions):
                ctx.discourse.history.append(_antecedent_of(ctx, subject))  # a name typed by its event
                mentions.append(subject)  # ... is a mention for the rest of the sentence (its counts)
                ctx.discourse.typed.setdefault(subject.name, "POLICY" if subject.subject_type == "policy" else "CLUSTER")
            if subject.ref is None and (
                trigger.label_ == "merged"
                # (the merged follow the noun: "created through a merger of A, founded in 2013, and B")
                or any(t.lower_ in rules.merger_nouns and t.i > subject.span.end for t in sent)
            ):
                # "A and B merged to form C", "C was formed through the merger of A and B": C is "the new cluster"
                ctx.discourse.successor = _antecedent_of(ctx, subject)
        if date is not None:
            # "X was founded in 2008 and the Y in 2011": the same event for the gapped subject
            gapped = _gapped(ctx, date, candidates, dates, used)
            if gapped is not None:
                other, other_date = gapped
                used.add(id(other_date))
                value, precision = _value(other_date.expr)
                _add_event(ctx, other, value, precision, quote=sent_span, qualifier=qualifier)


def _company_story(doc: Doc, trigger: Span) -> bool:
    """The clause of the trigger tells a company's story: founded by people ("by two brothers",
    "by three researchers") or employing staff ("and employs 640 people")."""
    rules = pattern_event_triggers()
    sent = trigger.sent
    words = [t.lower_ for t in doc[trigger.end : sent.end]]
    if any(w in rules.company_verbs for w in words):
        return True
    for k, w in enumerate(words[:-1]):
        if w == "by":
            after = words[k + 1 : k + 4]
            return any(a in rules.person_founders for a in after)
    return False


def _legal_form_after(doc: Doc, trigger: Span, sent: Span) -> bool:
    """The trigger is followed by "as a/an" and a legal form noun ("set up as a foundation",
    "incorporated as a non-profit company"), or holds one ("registered as an association")."""
    rules = pattern_event_triggers()
    if any(t.lower_ in rules.legal_form_nouns for t in trigger):
        return True  # "Two years later we registered as an association"
    k = trigger.end
    if k < sent.end and doc[k].lower_ in _SYNTAX.pronoun_objects:
        k += 1  # "the members registered it as an association"
    if k + 2 >= sent.end or doc[k].lower_ != "as" or doc[k + 1].lower_ not in _SYNTAX.articles:
        return False
    words = [t.lower_ for t in doc[k + 2 : min(k + 5, sent.end)]]
    return any(w in rules.legal_form_nouns for w in words[:3]) and not any(
        w in pattern_name_lexicon().cluster_nouns for w in words
    )


def _row_date(ctx: _Ctx) -> tuple[int, str, Evidence] | None:
    """A table cell whose row opens with a cell holding only a date ("| 2007 | Foundation of the Vaasa
    Energy Cluster by 25 companies |"): the event in the cell happened then. The date's cell is
    returned as evidence of its own."""
    here = table_cell(ctx.block.locator)
    if here is None or here[1] < 2:
        return None
    blocks = ctx.document.blocks
    k = next((i for i, b in enumerate(blocks) if b is ctx.block), 0)
    before = table_cell(blocks[k - 1].locator) if k > 0 else None
    if before is None or before[0] != here[0]:
        return None
    cell = blocks[k - 1]
    dates = find_dates(cell.text, published=ctx.document.published)
    if len(dates) != 1 or not isinstance(dates[0].value, int) or cell.text.strip() != dates[0].text:
        return None
    evidence = block_evidence(ctx.document, cell, f"{ctx.prefix}.event", dates[0].start, dates[0].end)
    return dates[0].value, dates[0].precision, evidence


def _rejected(ctx: _Ctx, date: _DateTok | None) -> None:
    """The rules bound this date's event to a subject and then judged it no cluster's founding
    (a company's, a manager's, an activity's): the learned binder leaves the date alone."""
    if date is not None:
        ctx.discourse.rejected_dates.add((ctx.block_index, date.start))


def _on_publication_day(doc: Doc, trigger: Span) -> bool:
    """'today' right before the trigger (an auxiliary between allowed) or right after it: the
    event happened on the day the page was published ("X today launched", "was launched today")."""
    words = pattern_event_triggers().publication_day_words
    k = trigger.start - 1
    while k >= 0 and doc[k].lower_ in pattern_event_triggers().passive_aux | _SYNTAX.perfect_aux:
        k -= 1
    return (k >= 0 and doc[k].lower_ in words) or (trigger.end < len(doc) and doc[trigger.end].lower_ in words)


LATER_WINDOW = 400  # characters before the sentence in which "a year later" finds its year
_LATER = re.compile(
    # "three years later", "two years earlier", "the year before." (a bare "before"/"after": not "before the reform")
    # "the same year", "that year", "on that date", "on the same day": the year named last
    r"\b(?P<same>the\s+same\s+year|that\s+(?:same\s+)?year|on\s+(?:that|the\s+same)\s+(?:date|day))\b|"
    r"\b(?:the\s+(?:(?P<one_back>year\s+(?:before|earlier)(?=\s*[,.;)])|previous\s+year)"
    r"|(?P<one>year\s+(?:after|later)(?=\s*[,.;)])|following\s+year|next\s+year))"
    r"|(?P<n>\d{1,2}|[a-z]+)\s+(?P<unit>years?)\s+"
    r"(?:(?P<back>earlier|before(?=\s*[,.;)]))|later|after(?=\s*[,.;)])))\b",
    re.IGNORECASE,
)


def _years_later(ctx: _Ctx, sent: Span, trigger: Span) -> int | None:
    """'a year later' / 'three years later' / 'two years earlier' / 'the year before' / 'the same
    year' after the trigger, counted from the last year the block named before the trigger ("… was born in 2007. Its
    sister network came into being a year later" -> 2008; "X was set up in 1999; Y had been set up
    the year before" -> 1998)."""
    rules = pattern_dates()
    m = _LATER.search(sent.text)
    if m is None:
        return None
    if re.match(r"\s*,?\s*(?:in|on)\s+(?:\w+\s+)?(?:1[89]|20)\d\d\b", sent.text[m.end() :]):
        return None  # "Two years later, in 2008, 31 of them founded …": the year is written out
    if m.group("same"):
        n, unit, back = 0, "year", False
    elif m.group("one") or m.group("one_back"):
        n, unit, back = 1, "year", bool(m.group("one_back"))
    else:
        raw = m.group("n").lower()
        n = int(raw) if raw.isdigit() else rules.number_words.get(raw)
        unit, back = m.group("unit"), bool(m.group("back"))
    if n is None:
        return None
    # the sentence up to the trigger, the block before it, else the end of the previous paragraph
    start = ctx.block.start + trigger.start_char
    before = ctx.document.text[max(0, start - LATER_WINDOW) : start]
    earlier = [
        d.value
        for d in find_dates(before, published=ctx.document.published)
        if isinstance(d.value, int) and d.anchor == "own"
    ]
    shift = n * rules.relative_units[unit.lower()]
    return earlier[-1] + (-shift if back else shift) if earlier else None


def _founded_as_company(ctx: _Ctx, trigger: Span, date: _DateTok | None) -> bool:
    """The event is followed by "as a(n) <up to three words> <company noun>" ("founded in 1987 as a
    small sawmill", "set up as a family business"): what was founded is a company. The head stops
    at "of"/"for"/",", and a cluster or organisation noun keeps it a cluster ("as an initiative of
    twenty companies", "as a network of suppliers")."""
    doc = ctx.doc
    lex = pattern_name_lexicon()
    k = max(trigger.end, date.end if date is not None else 0)
    if k + 2 >= trigger.sent.end or doc[k].lower_ != "as" or doc[k + 1].lower_ not in _SYNTAX.indefinite_openers | _SYNTAX.articles:
        return False  # "as a small sawmill", "as the development agency of the six counties"
    for t in doc[k + 2 : min(k + 6, trigger.sent.end)]:
        if t.lower_ in _SYNTAX.apposition_head_stops or not (t.is_alpha or t.text == "-"):
            break
        if t.lower_ in lex.cluster_nouns | lex.org_heads | lex.context_nouns:
            return False  # "as the business cluster for water technology": a cluster, whatever modifies it
    for t in doc[k + 2 : min(k + 6, trigger.sent.end)]:
        if t.lower_ in lex.cluster_nouns | lex.org_heads | lex.context_nouns:
            return False  # "founded in 1999 as an initiative of twenty companies": the initiative was
        if t.lower_ in _SYNTAX.apposition_head_stops:
            return False  # the head ends before "of", "for", ",": what follows describes it
        if t.lower_ in lex.collective_descriptors and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "of":
            return False  # "started in 2011 as a loose group of five glassworks": its members
        glued = (
            f"{t.lower_}-{doc[t.i + 2].lower_}"
            if t.i + 2 < len(doc) and doc[t.i + 1].text == "-" and not t.whitespace_ and not doc[t.i + 1].whitespace_
            else ""
        )  # "as a start-up project": the compound split by the tokenizer
        if glued and t.i + 3 < len(doc) and doc[t.i + 3].lower_ in _SYNTAX.apposition_head_stops:
            return False  # "began in 2021 as a spin-off of the Satakunta robotics network": of a network
        if (
            t.i == k + 2
            and t.lower_ in lex.legal_form_heads
            and not (t.i + 1 < len(doc) and doc[t.i + 1].lower_ in _SYNTAX.complement_prepositions)
        ):
            # "established in 2019 as a foundation by ten firms": a legal form, no company founded
            # ("as a foundation for forest research" still describes a research foundation)
            return False
        if t.lower_ in lex.non_cluster_descriptors or glued in lex.non_cluster_descriptors:
            modifiers = doc[k + 2 : t.i].text.lower()
            # "founded as a non-profit company": a legal form, not a business
            return not any(re.search(rf"(?<![\w-]){re.escape(m)}(?![\w-])", modifiers) for m in lex.legal_form_modifiers)
        if not (t.is_alpha or t.text == "-"):
            return False
    return False


def _described_as_non_cluster(ctx: _Ctx, subject: _Mention, trigger: Span) -> bool:
    """An apposition between the name and its trigger says what the name is, and it is a company, a
    spin-off, a maker or an agency ("SmartFab, a spin-off company set up in 2022", "Lindner, the Fürth
    maker of sensors founded in 1984"): the founding is not a cluster's. The head words are those
    before the apposition's first "of"/"for"/","; a cluster noun or an organisation head among them
    ("a network of suppliers") keeps the name a cluster."""
    doc = ctx.doc
    k = subject.span.end
    if subject.ref is None and (_described_after(doc, trigger) or _managing_agent(doc, subject)):
        return True
    if subject.ref is not None or k + 2 >= trigger.start or doc[k].text != ",":
        return False
    if doc[k + 1].lower_ not in _SYNTAX.articles:
        return False
    return _non_cluster_head(doc[k + 2 : trigger.start])


def _non_cluster_head(tokens: Span, *, stop_at_punct: bool = False) -> bool:
    """The head words of a description (up to six, before "of"/"for"/"," or, with `stop_at_punct`,
    any punctuation) name a company, an agency or an authority, and no cluster or organisation noun
    ("a spin-off company", "the managing authority"; not "a network of suppliers")."""
    lex = pattern_name_lexicon()
    head: list[str] = []
    for t in tokens:
        if t.lower_ in _SYNTAX.apposition_head_stops or (stop_at_punct and t.is_punct) or len(head) >= 6:
            break
        head.append(t.lower_)
    words = set(head)
    return not words & (lex.cluster_nouns | lex.org_heads | lex.context_nouns) and bool(
        words & lex.non_cluster_descriptors
    )


def _described_after(doc: Doc, trigger: Span) -> bool:
    """A coordinated copula after the event says the subject is no cluster ("ADR Vest was founded
    in 1998 and is the managing authority of the Regional Programme")."""
    sent = trigger.sent
    for k in range(trigger.end, sent.end - 3):
        if (
            doc[k].lower_ in _SYNTAX.coordinators
            and doc[k + 1].lower_ in _SYNTAX.copulas
            and doc[k + 2].lower_ in _SYNTAX.articles
        ):
            return _non_cluster_head(doc[k + 3 : min(k + 8, sent.end)], stop_at_punct=True)
    return False


def _managing_agent(doc: Doc, subject: _Mention) -> bool:
    """The name is the agent of a managing participle ("It is run by the Vilnius Optics Association,
    established in 1996"): the cluster's manager, whose founding is not the cluster's, unless its
    own name says it is a cluster ("It is run by the Iceland Ocean Cluster, which … founded in 2011")."""
    i = _article_start(doc, subject.span.start)
    if any(t.lower_ in pattern_name_lexicon().cluster_nouns for t in subject.span):
        return False
    return (
        i >= 2
        and doc[i - 1].lower_ == "by"
        and doc[i - 2].lower_ in pattern_event_triggers().object_since_verbs
        and i - 3 >= subject.span.sent.start
        and doc[i - 3].lower_ in pattern_event_triggers().passive_aux
    )


def _policy_of_year(
    ctx: _Ctx, mentions: list[_Mention], dates: list[_DateTok], used: set[int], quote: tuple[int, int]
) -> None:
    """'under the Carinthian Cluster Programme of 2006', 'the Cluster Act of 2004': a programme's
    name followed by "of" and one year (not a period) is dated by that year (qualifier "of")."""
    doc = ctx.doc
    for mention in mentions:
        i = mention.span.end
        if mention.subject_type != "policy" or i + 1 >= len(doc) or doc[i].lower_ != "of":
            continue
        date = next((d for d in dates if d.start == i + 1 and d.expr.precision == "year"), None)
        if date is None or id(date) in used:
            continue
        used.add(id(date))
        value, precision = _value(date.expr)
        _add_event(ctx, mention, value, precision, quote=quote, qualifier="of")


def _description_of_name(ctx: _Ctx, subject: _Mention, mentions: list[_Mention]) -> bool:
    """A lower-case description followed by the proper name it describes ("The cluster for information
    technology, Euronest IT&C Hub, was launched in 2014"): the name, not the description, is the subject."""
    doc = ctx.doc
    k = subject.span.end
    if subject.ref is not None or not subject.name[:1].islower() or k + 1 >= len(doc) or doc[k].text != ",":
        return False
    return any(m.ref is None and m.span.start == k + 1 and m.name[:1].isupper() for m in mentions)


def _attributive(doc: Doc, i: int) -> bool:
    """A participle inside a noun phrase ("the best managed clusters", "a jointly run network"):
    an adjective after an article, not a verb."""
    return (i >= 1 and doc[i - 1].lower_ in _SYNTAX.articles) or (
        i >= 2 and doc[i - 2].lower_ in _SYNTAX.articles and doc[i - 1].is_alpha and doc[i - 1].is_lower
    )


def _manager_of(ctx: _Ctx, subject: _Mention, trigger: Span) -> bool:
    """The subject manages, runs or hosts a cluster named or referred to after the trigger ("The
    association, created in 2004, has managed the cluster since ...", "X, founded in 2009, hosts the
    Y Cluster"): the subject is the cluster's manager, so the trigger before that verb dates the
    manager, not the cluster."""
    doc = ctx.doc
    sent = trigger.sent
    if trigger.start < subject.span.end:
        return False
    # after the trigger, or in an apposition before it ("Corallia, the organisation that manages the cluster, was set up")
    verb = next(
        (
            t.i
            for t in doc[subject.span.end : sent.end]
            if t.lower_ in _SYNTAX.manager_verbs
            and ctx.depth[t.i] == ctx.depth[subject.span.start]
            and not trigger.start <= t.i < trigger.end
            and not _attributive(doc, t.i)
        ),
        None,
    )
    if verb is None:
        return False
    j = verb + 1
    while j < sent.end and (doc[j].lower_ in _DETERMINERS or doc[j].lower_ in pattern_event_triggers().adverbs):
        j += 1
    lex = pattern_name_lexicon()
    object_ref = any(r.span.start == j and r.ref == "cluster" for r in _references(sent))
    object_name = any(
        e.start == j and e.label_ == "CLUSTER" and _clean_name(e.text) != subject.name for e in sent.ents
    )
    return object_ref or object_name or (j < sent.end and doc[j].lower_ in lex.cluster_nouns)


_SINCE = re.compile(r"^\s*Since\s+(?:19|20)\d\d\b")
_FROM_ONWARDS = re.compile(r"^\s*From\s+(?:19|20)\d\d\s+(?:onwards?|on)\b")


def _unified_organisation(ctx: _Ctx, sent: Span, mentions: list[_Mention], dates: list[_DateTok]) -> None:
    """A merger told as a result: "From 1 January 2021 A and B continue as one organisation:
    PolymerHub Oost", "Since 1 January 2019, A … and B … form a single pole: Vegepolys Valley" —
    the name after "one/single <organisation noun>" and a comma or colon was created on the date
    that opens the sentence."""
    doc = ctx.doc
    rules = pattern_event_triggers()
    if any(e.label_ == "merged" for e in _in_sent(sent, "events")):
        return  # "A and B merged on 1 January 2024 into a single organisation, C": the merger rule reads it
    for i in range(sent.start + 1, sent.end - 3):
        if doc[i].lower_ not in rules.unified_openers or doc[i + 1].lower_ not in rules.unified_nouns:
            continue
        k = i + 2
        if doc[k].text not in (",", ":"):
            continue
        k += 1
        named = next((m for m in mentions if m.span.start == k and m.ref is None), None)
        end = max(_name_end(doc, k, sent.end), named.span.end if named is not None else k)
        if end <= k:
            continue
        if named is None or end > named.span.end:  # "PolymerHub Oost", not only its brand word
            named = _Mention(doc[k:end], _clean_name(doc[k:end].text), named.subject_type if named else "cluster")
        date = max((d for d in dates if d.start < i and isinstance(d.expr.value, int)), key=lambda d: d.start, default=None)
        if date is None:
            continue
        value, precision = _value(date.expr)
        _add_event(ctx, named, value, precision, quote=(sent.start_char, sent.end_char), qualifier="merged")


def _add_pending_event(ctx: _Ctx, subject: _Mention, date: _DateTok, sent: Span, *, qualifier: str) -> None:
    """A weak start date (a "Since 2011 X has …" opening, an object's or a perfect verb's "since"):
    kept apart in `discourse.pending` and used only when the page gives the organisation no other."""
    value, precision = _value(date.expr)
    before = len(ctx.claims)
    _add_event(ctx, subject, value, precision, quote=(sent.start_char, sent.end_char), qualifier=qualifier)
    ctx.discourse.pending.extend(ctx.claims[before:])
    del ctx.claims[before:]


def _since_opening(ctx: _Ctx, sent: Span, mentions: list[_Mention], dates: list[_DateTok]) -> None:
    """"Since 2011 DWI has turned questions into pilots": the organisation has been active since
    that year. Kept apart (`discourse.pending`) and used only when the page gives the organisation
    no other start date."""
    doc = ctx.doc
    onwards = _FROM_ONWARDS.match(sent.text)
    if not (_SINCE.match(sent.text) or onwards) or not dates or dates[0].start != sent.start + 1:
        return
    j = dates[0].end + (1 if onwards else 0)  # "From 2006 onwards, the X Programme funded ..."
    j += 1 if j < sent.end and doc[j].text == "," else 0
    while onwards and j < sent.end and doc[j].lower_ in _SYNTAX.articles:
        j += 1
    subject = next((m for m in [*mentions, *_subject_references(sent)] if m.span.start == j), None)
    if subject is None and not onwards and j + 1 < sent.end and doc[j].lower_ in _SYNTAX.articles:
        # "Since 2015 the Catalonia Clusters programme has accredited …": a name after its article
        subject = next(
            (m for m in mentions if m.span.start == j + 1 and m.ref is None and m.subject_type == "policy"), None
        )
    if subject is None and j < sent.end:
        subject = _known_name_at(ctx, j, sent.end)  # "Since 2011 DWI has ...": DWI as the page introduced it
    if subject is None or subject.span.end >= sent.end:
        return
    if onwards:
        # a programme's activity from a year onwards dates the programme, not an organisation's work
        if subject.subject_type != "policy" or not doc[subject.span.end].is_alpha or not doc[subject.span.end].is_lower:
            return
    elif doc[subject.span.end].lower_ not in _SYNTAX.perfect_aux:
        return  # ("Since 2015 the Catalonia Clusters programme has accredited …": a programme's too)
    elif _holds_since(doc, subject.span.end + 1, sent.end):
        return  # "Since 2013 the association has held the status of a Key National Cluster"
    _add_pending_event(ctx, subject, dates[0], sent, qualifier="since")


def _perfect_since(ctx: _Ctx, sent: Span, mentions: list[_Mention], dates: list[_DateTok]) -> None:
    """"X has linked the blade makers of West Jutland since 2003", "X, a network of suppliers, has
    worked for the region since 2006": a cluster doing its work since a year has existed since
    then. A weak start, kept apart (`discourse.pending`) like a "Since 2011 X has …" opening; never
    for a change or a status ("has grown since 2015", "has been a member since 2010")."""
    doc = ctx.doc
    rules = pattern_event_triggers()
    for mention in mentions:
        if mention.subject_type != "cluster" or mention.ref is not None:
            continue
        aux = max(mention.span.end, _apposition_end(ctx, mention, sent.end) + 1)
        if aux + 1 >= sent.end or doc[aux].lower_ not in _SYNTAX.perfect_aux:
            continue
        verb = aux + 1
        while verb < sent.end and doc[verb].lower_ in rules.adverbs:
            verb += 1
        if verb >= sent.end or doc[verb].lower_ in rules.change_since_verbs or _holds_since(doc, verb, sent.end):
            continue
        if not (doc[verb].lower_.endswith("ed") or doc[verb].lower_ in _PAST_IRREGULAR):
            continue
        j = verb + 1
        while j < sent.end and doc[j].lower_ in _DETERMINERS:
            j += 1
        if doc[verb].lower_ in rules.object_since_verbs or any(m.span.start == j for m in mentions):
            continue  # "LIAA has implemented the Cluster Programme since 2009": the object's age (`_object_since`)
        since = next((k for k in range(verb + 1, sent.end) if doc[k].lower_ == "since"), None)
        if since is None or any(
            t.text in ";:()" or t.lower_ in _RELATIVES or t.lower_ in _SYNTAX.perfect_aux for t in doc[verb + 1 : since]
        ):
            continue
        date = next((d for d in dates if d.start == since + 1 and isinstance(d.expr.value, int)), None)
        if date is None:
            continue
        _add_pending_event(ctx, mention, date, sent, qualifier="active since")


def _holds_since(doc: Doc, k: int, stop: int) -> bool:
    """Token k opens "held the status of …", "been a member of …": what the organisation holds
    since a year, not its own start."""
    rules = pattern_event_triggers()
    if k >= stop or doc[k].lower_ not in rules.held_since_verbs:
        return False
    return any(t.lower_ in rules.held_since_nouns for t in doc[k + 1 : min(k + 4, stop)])


def _object_since(ctx: _Ctx, sent: Span, mentions: list[_Mention], dates: list[_DateTok]) -> None:
    """"The association has run the cluster since 2012", "the ministry has managed the X Programme
    since 2007": the object has existed since that year. Kept apart (`discourse.pending`) like a
    "Since 2011 X has ..." opening: used only when the page gives the organisation no other start."""
    doc = ctx.doc
    rules = pattern_event_triggers()
    for k in range(sent.start + 1, sent.end - 3):
        if doc[k].lower_ not in rules.object_since_verbs or doc[k - 1].lower_ not in _SYNTAX.perfect_aux:
            continue
        tenure = k >= 2 and doc[k - 2].lower_ in rules.person_subjects
        j = k + 1
        while j < sent.end and doc[j].lower_ in _DETERMINERS:
            j += 1
        obj = next(
            (m for m in [*mentions, *_references(sent)] if m.span.start in (k + 1, j) and m.ref != "topic"), None
        )
        if obj is None:
            continue
        if obj.span.end < sent.end and doc[obj.span.end].lower_ == "since":
            date = next((d for d in dates if d.start == obj.span.end + 1 and isinstance(d.expr.value, int)), None)
        elif doc[sent.start].lower_ in rules.object_since_openers:
            # "From 2016 onwards the agency has run Programa Clusters Galicia": the opening dates the object
            date = next((d for d in dates if d.start == sent.start + 1 and isinstance(d.expr.value, int)), None)
        else:
            date = None
        if date is None:
            continue
        if tenure:
            _rejected(ctx, date)
            continue  # "its director, who has led the association since 2016": a tenure, not the organisation's age
        if obj.ref is not None:
            antecedent = _resolve(ctx, obj)
            if antecedent is None:
                continue
            obj = _Mention(obj.span, antecedent.name, antecedent.subject_type, ref=obj.ref)
        _add_pending_event(ctx, obj, date, sent, qualifier="active since")


def _known_name_at(ctx: _Ctx, start: int, stop: int) -> _Mention | None:
    """A name at token `start` that the page already used for an organisation, or the acronym
    the page introduced for one ("Delta Water Innovators (DWI)" ... "DWI")."""
    doc = ctx.doc
    end = _name_end(doc, start, stop)
    if end <= start:
        return None
    text = _clean_name(doc[start:end].text)
    known = {a.name: a for a in ctx.discourse.history}
    if text in known:
        return _Mention(doc[start:end], text, known[text].subject_type)
    expansion = _acronym_expansion(ctx.document.text, text) if text.isupper() else None
    full = next((name for name in known if expansion and (name == expansion or name.endswith(expansion))), None)
    return _Mention(doc[start:end], full, known[full].subject_type) if full else None


def _gapped(
    ctx: _Ctx, date: _DateTok, mentions: list[_Mention], dates: list[_DateTok], used: set[int]
) -> tuple[_Mention, _DateTok] | None:
    doc = ctx.doc
    j = date.end
    if j >= len(doc) or doc[j].lower_ != "and":
        return None
    j += 1
    while j < len(doc) and doc[j].lower_ in _DETERMINERS:
        j += 1
    other = next((m for m in mentions if m.span.start == j and m.ref is None), None)
    if other is None or other.span.end >= len(doc) or doc[other.span.end].lower_ not in _SYNTAX.date_prepositions:
        return None
    nxt = next((d for d in dates if d.start == other.span.end + 1 and id(d) not in used), None)
    return (other, nxt) if nxt is not None else None


# ----------------------------------------------------------------- renames


def _renames(ctx: _Ctx, sent: Span, mentions: list[_Mention]) -> list[tuple[str, SubjectType, int]]:
    cues = pattern_rename_cues()
    doc = ctx.doc
    extra: list[tuple[str, SubjectType, int]] = []
    for span in _in_sent(sent, "renames"):
        cue = cues[int(span.label_)]
        inside = ctx.depth[span.start] > 0
        if cue.in_parentheses and not inside:
            continue
        # the name after the cue: a mention if one starts there, else a capitalised phrase
        j = span.end
        while j < len(doc) and doc[j].lower_ in _SYNTAX.rename_fillers:
            j += 1
        after_mention = next((m for m in mentions if m.span.start == j), None)
        if after_mention is not None and _longer_name_after(ctx, after_mention):
            after_mention = None  # "under the name SloTech Mobility": the whole name, not the brand "SloTech"
        if after_mention is not None:
            after_name, after_end = after_mention.name, after_mention.span.end_char
        else:
            m = (
                _NAME_AFTER.match(ctx.block.text, doc[span.end - 1].idx + len(doc[span.end - 1].text))
                if j < len(doc)
                else None
            )
            if m is None or m.group("name").lower() in pattern_name_lexicon().non_name_words:
                if cue.direction == "forward" and not inside:
                    _founded_as_then_renamed(ctx, sent, span, mentions)
                continue
            after_name, after_end = m.group("name"), m.end("name")
        if inside:
            open_i = _open_paren_before(ctx, span.start)
            if open_i is None:
                continue
            before = _nearest_before(ctx, mentions, open_i + 1, level=ctx.depth[open_i])
            close = _close_paren_after(ctx, open_i)
            quote_end = doc[close].idx + 1
        else:
            before = _nearest_before(ctx, mentions, span.start, level=ctx.depth[span.start])
            if before is not None and span[0].lower_ == "will" and _owned_noun_between(ctx, before.span.end, span.start):
                before = None  # "X said that its spring fair will be called Y": the fair is renamed
            quote_end = sent.end_char
        coref: list[Evidence] = []
        nearer = [
            r for r in _references(sent)
            if r.ref in ("cluster", "policy") and before is not None and before.span.end <= r.span.start and r.span.end <= span.start
        ]
        if nearer and not inside:
            # "... moved into the X Hub, and in 2020 the cluster was renamed Y": the reference right
            # before the cue is what was renamed, not the name further back
            before = None
        if before is None and not inside:
            # "In 2015 the cluster was renamed Foodvalley": the reference's antecedent
            refs = [r for r in _references(sent) if r.span.end <= span.start]
            antecedent = _resolve(ctx, refs[-1]) if refs else None
            # (a described programme has no name to rename: "the scheme … under the name X" names it)
            if antecedent is not None and antecedent.name != _clean_name(after_name) and not antecedent.described:
                before = _Mention(refs[-1].span, antecedent.name, antecedent.subject_type)
                coref = [antecedent.evidence]
        if before is None and not inside and span.start == sent.start and cue.direction == "backward":
            # "Formerly known as the Shannon Food Forum, the network changed its name in 2016"
            before, coref = _fronted_rename_subject(ctx, sent, span.end)
        if (
            before is None
            and not inside
            and cue.direction == "forward"
            and (
                span.start == sent.start
                # "2010 Renamed …", "2012 – New name: …"
                or (span.start - sent.start in (1, 2) and _LEADING_YEAR.match(sent.text) and all(
                    t.like_num or t.is_punct for t in doc[sent.start : span.start]
                ))
            )
        ):
            # a timeline entry "2010 Renamed Steel & Metal Styria": the organisation the page last named
            new_name = _clean_name(after_name)
            last = next(
                (
                    a
                    for a in reversed(ctx.discourse.history)
                    if a.subject_type == "cluster"
                    and a.name != new_name
                    and (a.block < ctx.block_index or a.end <= sent.start_char)  # named before the entry
                ),
                None,
            )
            if span[-1].text == ":" and not re.match(r"\s*(?:[.,;(]|$)", ctx.block.text[after_end:]):
                last = None  # "New name: the X Association becomes Y": a clause of its own, not a name
            if last is not None:
                before, coref = _Mention(span, last.name, "cluster"), [last.evidence]
        if before is None and inside and span.start == (_open_paren_before(ctx, span.start) or -2) + 1:
            # a field value "2016 (as Trondheim Marine Robotics Forum)": the section's or page's organisation
            subject = ctx.section or (ctx.discourse.topic.name if ctx.discourse.topic is not None else None)
            if subject is not None and subject != _clean_name(after_name):
                before = _Mention(span, subject, "cluster")
        if before is None and not inside and span.start == sent.start and ctx.section:
            # a directory entry under its heading: "Formerly Vilnius Machine Cluster; renamed in 2019"
            before = _Mention(span, ctx.section, "cluster")
        if before is None and after_mention is not None:
            # "Brainport Industries (formerly Brainport Suppliers Network)": the other side of a rename
            # of a recognised cluster is the same organisation, even when its name has no cluster head
            before = _name_before(ctx, open_i if inside else span.start, sent.start)
        if before is None:
            continue
        quote = (before.span.start_char, quote_end) if inside else (sent.start_char, sent.end_char)
        old, new = (before.name, after_name) if cue.direction == "forward" else (after_name, before.name)
        # an acronym stands for the name it abbreviates on this page ("FBA" -> its full name)
        old = ctx.discourse.acronyms.get(_clean_name(old), old)
        new = ctx.discourse.acronyms.get(_clean_name(new), new)
        _add(
            ctx,
            subject_type=before.subject_type,
            subject_name=_clean_name(old),
            attribute="renamed_to",
            value=_clean_name(new),
            quote=quote,
            family="rename",
            qualifier="rename",
            extra_evidence=coref,
        )
        if after_mention is None:
            extra.append((_clean_name(after_name), before.subject_type, after_end))
        # later references to the organisation mean its current name
        renamed = _Antecedent(_clean_name(new), before.subject_type, _evidence(ctx, *quote, "coreference"))
        ctx.discourse.renamed[_clean_name(old)] = renamed
    return extra


def _founded_as_then_renamed(ctx: _Ctx, sent: Span, cue: Span, mentions: list[_Mention]) -> None:
    """"The cluster was founded in 2011 as the Baltic Smart Grid Forum and renamed in 2016": the
    name after "as" is the old name, the sentence's subject (a name, or what its reference stands
    for) the current one."""
    doc = ctx.doc
    k = cue.start - 1
    rules = pattern_event_triggers()
    while k > sent.start and doc[k].lower_ in rules.passive_aux | rules.adverbs:
        k -= 1
    if doc[k].lower_ not in _SYNTAX.coordinators and doc[k].text != ",":
        return  # "... as X and renamed in 2016", "founded 2009 as X, present name since 2014"
    as_i = next((x for x in range(k - 1, sent.start, -1) if doc[x].lower_ == "as"), None)
    if as_i is None or not any(sent.start <= e.start < as_i for e in _in_sent(sent, "events")):
        return
    m = _NAME_AFTER.match(ctx.block.text, doc[as_i].idx + len(doc[as_i].text))
    if m is None or ctx.block.text[m.end("name") : doc[k].idx].strip():
        return  # the name after "as" must run up to the "and" before the cue
    old = _clean_name(m.group("name"))
    candidates = sorted([*mentions, *_subject_references(sent)], key=lambda c: c.span.start)
    first = candidates[0] if candidates else None
    if first is None or first.span.start > sent.start + 1:
        return  # the sentence does not open with its subject
    coref: list[Evidence] = []
    if first.ref is not None:
        antecedent = _resolve(ctx, first)
        if antecedent is None:
            return
        new, subject_type, coref = antecedent.name, antecedent.subject_type, [antecedent.evidence]
    else:
        new, subject_type = first.name, first.subject_type
    if old.casefold() == new.casefold():
        return
    _add(
        ctx,
        subject_type=subject_type,
        subject_name=old,
        attribute="renamed_to",
        value=new,
        quote=(sent.start_char, sent.end_char),
        family="rename",
        qualifier="rename",
        extra_evidence=coref,
    )


def _owned_noun_between(ctx: _Ctx, start: int, stop: int) -> bool:
    """A possessive determiner and a lower-case noun between a name and a rename cue ("X said
    that its spring fair will be called Y"): the cue is about that noun, not about X."""
    doc = ctx.doc
    refs = {w for kind, tokens in pattern_anaphors().anaphors if kind != "policy" for w in tokens[1:]}
    for j in range(start, stop - 1):
        if doc[j].lower_ in _SYNTAX.possessive_determiners:
            nouns = [t for t in doc[j + 1 : stop] if t.is_alpha and t.is_lower]
            if nouns and nouns[-1].lower_ not in refs | {"name"}:
                return True
    return False


def _longer_name_after(ctx: _Ctx, mention: _Mention) -> bool:
    """A one-word brand mention followed by more capitalised name words ("SloTech Mobility")."""
    doc = ctx.doc
    end = mention.span.end
    return (
        len(mention.span) == 1
        and end < len(doc)
        and doc[end].is_alpha
        and doc[end].text[:1].isupper()
        and doc[end].lower_ not in pattern_name_lexicon().non_name_words
    )


def _fronted_rename_subject(ctx: _Ctx, sent: Span, after_cue: int) -> tuple[_Mention | None, list[Evidence]]:
    """The subject after the comma that closes a fronted "Formerly known as Y," phrase."""
    doc = ctx.doc
    comma = next((k for k in range(after_cue, sent.end) if doc[k].text == ","), None)
    if comma is None:
        return None, []
    names = [m for m in _mentions(sent) if m.span.start == comma + 1]
    if names:
        return names[0], []
    k = comma + 1
    refs = [r for r in _subject_references(sent) if r.span.start == k]
    if not refs:
        return None, []
    earlier = [a for a in ctx.discourse.history if a.block < ctx.block_index]  # not the former name itself
    kind = refs[0].ref or "any"
    antecedent = ctx.discourse.resolve(kind, earlier, plain=lambda a: True) if kind != "topic" else ctx.discourse.topic
    if antecedent is None:
        return None, []
    return _Mention(refs[0].span, antecedent.name, antecedent.subject_type), [antecedent.evidence]


def _name_before(ctx: _Ctx, i: int, floor: int) -> _Mention | None:
    """The proper name right before token i (a comma between allowed): two or more name words,
    or one CamelCase / upper-case brand; never an agency, university, company or country."""
    lex = pattern_name_lexicon()
    doc = ctx.doc
    end = i - 1 if i - 1 > floor and doc[i - 1].text == "," else i
    start = _name_start(doc, end, floor)
    if start == end or ctx.depth[start] != ctx.depth[end - 1]:
        return None
    span = doc[start:end]
    if {t.lower_ for t in span} & (lex.non_cluster_org_words | lex.role_titles | lex.person_titles):
        return None
    if span.text in pattern_countries() or (
        len(span) == 1 and not (is_camelcase_name(span.text) or span.text.isupper())
    ):
        return None
    return _Mention(span, _clean_name(span.text), "cluster")


# ------------------------------------------------------------- description

_DESCRIPTION = re.compile(r"\(\s*(?P<desc>[A-Z][^()\d]*?\s[^()\d]*?)\s*\)")


def _descriptions(ctx: _Ctx, mentions: list[_Mention]) -> None:
    doc = ctx.doc
    cues = pattern_rename_cues()
    for mention in mentions:
        i = mention.span.end
        if i >= len(doc) or doc[i].text != "(":
            continue
        m = _DESCRIPTION.match(ctx.block.text, doc[i].idx)
        if m is None:
            continue
        desc = " ".join(m.group("desc").split())
        if any(desc.lower().startswith(" ".join(c.tokens)) for c in cues):
            continue
        _add(
            ctx,
            subject_type=mention.subject_type,
            subject_name=mention.name,
            attribute="description",
            value=desc,
            quote=(mention.span.start_char, m.end()),
            family="description",
        )


def is_acronym_of(short: str, name: str) -> bool:
    """'CML' abbreviates 'Cluster Maritime Luxembourgeois asbl' (initials of capitalised words).

    >>> is_acronym_of("CML", "Cluster Maritime Luxembourgeois asbl")
    True
    >>> is_acronym_of("ICT", "Cluster for Logistics")
    False
    >>> is_acronym_of("SAM", "Silesia Automotive & Advanced Manufacturing")
    True
    """
    if not (2 <= len(short) <= 8 and short.isupper() and short.isalpha()):
        return False
    initials = "".join(w[0] for w in re.split(r"[\s\-/]+", name) if w[:1].isupper()).upper()
    if initials == short:
        return True
    # one initial left out ("SAM" for "Silesia Automotive & Advanced Manufacturing")
    if len(initials) != len(short) + 1 or initials[0] != short[0] or initials[-1] != short[-1]:
        return False
    return any(initials[:k] + initials[k + 1 :] == short for k in range(1, len(initials) - 1))


def _abbreviations(ctx: _Ctx, mentions: list[_Mention]) -> None:
    """'Name / ABBR' or 'Name (ABBR)': the acronym is another name of the same subject."""
    text = ctx.block.text  # == ctx.doc.text, without rebuilding it from tokens
    for first, second in zip(mentions, mentions[1:]):
        between = text[first.span.end_char : second.span.start_char]
        if between.strip() not in ("/", "(") or not is_acronym_of(second.name, first.name):
            continue
        end = second.span.end_char + (
            1
            if between.strip() == "(" and text[second.span.end_char : second.span.end_char + 1] == ")"
            else 0
        )
        _add(
            ctx,
            subject_type=first.subject_type,
            subject_name=first.name,
            attribute="abbreviation",
            value=second.name,
            quote=(first.span.start_char, end),
            family="abbreviation",
        )


# ------------------------------------------------------------------ counts

_THOUSANDS = re.compile(r"^\d{1,3}(?:[.,]\d{3})+$")


def _number(token_text: str) -> int | None:
    rules = pattern_count_nouns()
    low = token_text.lower()
    if low in rules.number_words:
        return rules.number_words[low]
    if _THOUSANDS.match(token_text):
        return int(re.sub(r"[.,]", "", token_text))
    return parse_int(token_text)  # '46¹' passes isdigit() but not int()


_TENS = frozenset({20, 30, 40, 50, 60, 70, 80, 90})


def _compound_number(doc: Doc, i: int, end: int) -> tuple[int, int] | None:
    """A written tens word and its unit ("twenty-two", "thirty five") as (value, last token index)."""
    tens = _number(doc[i].text)
    if tens not in _TENS or not doc[i].is_alpha:
        return None
    k = i + 2 if i + 2 < end and doc[i + 1].text == "-" else i + 1
    unit = _number(doc[k].text) if k < end and doc[k].is_alpha else None
    return (tens + unit, k) if unit is not None and 1 <= unit <= 9 else None


def _approximator(doc: Doc, i: int, floor: int) -> str | None:
    rules = pattern_count_nouns()
    for n in (3, 2, 1):
        if i - n < floor:
            continue
        phrase = " ".join(t.lower_ for t in doc[i - n : i])
        if phrase in rules.approximators:
            return rules.approximators[phrase]
    return None


def _place_after(doc: Doc, j: int, stop: int) -> tuple[str, bool] | None:
    """'in the Flemish region' / 'from Belgium' / 'in Luxembourg' after token j."""
    rules = pattern_count_nouns()
    countries = pattern_countries()
    k = j
    while k < stop:
        if doc[k].lower_ in _SYNTAX.period_openers and k + 1 < stop:
            a = k + 1
            if doc[a].lower_ == "the":
                a += 1
            b = a
            while b < stop and doc[b].text[:1].isupper() and doc[b].is_alpha:
                b += 1
            if b > a:
                if b < stop and doc[b].lower_ in rules.region_words:
                    return doc[k + 1 : b + 1].text.removeprefix("the ").strip(), True
                name = doc[a:b].text
                if name in countries:
                    return name, False
                if name.upper() != name:
                    return name, True
        if _number(doc[k].text) is not None and k > j:
            return None
        k += 1
    return None


def _counts(ctx: _Ctx, sent: Span, mentions: list[_Mention]) -> None:
    rules = pattern_count_nouns()
    countries = pattern_countries()
    doc = ctx.doc
    lowered = sent.text.lower()
    words = {t.lower_ for t in sent}
    sent_span = (sent.start_char, sent.end_char)
    compounds = {i: _compound_number(doc, i, sent.end) for i in range(sent.start, sent.end)}
    inner = {k for i, c in compounds.items() if c is not None for k in range(i + 1, c[1] + 1)}
    number_positions = [t.i for t in sent if _number(t.text) is not None and t.i not in inner]
    for pos, first in enumerate(number_positions):
        value = _number(doc[first].text)
        i = first
        if compounds[first] is not None:  # "Twenty-two clusters": the count ends at its last word
            value, i = compounds[first]
        if value is None or (i + 1 < len(doc) and doc[i + 1].text in ("%", "percent")):
            continue
        if value < 2:
            continue  # "associates on one territory companies …": one is no count of members or clusters
        if first > 0 and doc[first - 1].text in (":", "(") and _member_total_before(doc, first, rules):
            continue  # "federates 210 members: 150 companies, 35 laboratories ...": the total's breakdown
        if 1900 <= value <= 2099 and doc[i].text.isdigit() and len(doc[i].text) == 4:
            continue
        if _after_partial_opener(doc, first, sent.start, rules):
            continue  # "Together with the 16 clusters selected in 2023, 28 clusters ...": a part
        if first > sent.start and doc[first - 1].lower_ in rules.increment_verbs:
            continue  # "has added six companies to its membership": newcomers, not the count
        if (
            first > sent.start
            and doc[first - 1].lower_ in rules.change_openers
            and any(doc[k - 1].lower_ in rules.change_closers for k in number_positions[pos + 1 :])
        ):
            continue  # "From 47 partner companies in the first year it has grown to 390 partners": the old count
        j = i + 1
        while (
            j < sent.end
            and j - i <= 3
            and (
                doc[j].lower_ in rules.member_modifiers
                or doc[j].lower_ in rules.cluster_count_modifiers
                or doc[j].text == "+"  # "120+ member companies"
                or (j > i + 1 or doc[j].text[:1].isupper())
                and is_name_word(doc[j].text)  # "50 Romanian clusters"
            )
        ):
            j += 1
        if j < sent.end and doc[j].lower_ not in rules.member_nouns:
            j = _member_noun_ahead(doc, j, min(i + 5, sent.end), rules) or j
        counted_by_verb = (
            j < sent.end
            and doc[j].lower_ not in rules.member_nouns | rules.cluster_count_nouns
            and _after_membership_verb(doc, sent, first, j, rules)
        )  # "today it unites 27 collectors, processors and exporters": whatever a membership verb counts
        strong = (
            i + 3 < sent.end
            and doc[i + 1].text == "-"
            and doc[i + 2].lower_ == "strong"
            and doc[i + 3].lower_ in rules.strong_heads
        )  # "our 300-strong community": the count of the members
        if strong:
            j = i + 2
        if counted_by_verb:
            j, strong = next(k for k in range(i + 1, min(i + 3, sent.end)) if _plural_noun(doc[k])), True
        total = _membership_total(doc, sent, i, rules)
        # "... had 40 members; today it has 120": the member noun is understood from earlier
        elliptic = (
            (j >= sent.end or doc[j].is_punct)
            and first > sent.start
            and doc[first - 1].lower_ in rules.elliptic_verbs
            and any(t.lower_ in rules.member_nouns for t in doc[sent.start : first])
        )
        if elliptic:
            j, strong = first, True
        counted = _counted_noun_before(doc, sent, first, rules)
        if counted is not None and (j >= sent.end or doc[j].lower_ not in rules.cluster_count_nouns):
            j = counted  # "the number of funded clusters rose to 15": the noun counted comes first
        if j >= sent.end and not total:
            continue
        qualifier = _approximator(doc, first, sent.start)
        if total:
            _membership_total_claim(ctx, sent, value, qualifier)
            continue
        stop = number_positions[pos + 1] if pos + 1 < len(number_positions) else sent.end
        pair = (doc[j].lower_, doc[j + 1].lower_ if j + 1 < sent.end else "")
        if pair in rules.org_nouns:
            place = _place_after(doc, j + 2, stop)
            if place is None and _policy_cluster_organisations(ctx, sent, mentions, value, qualifier):
                continue  # "The scheme has since funded 17 cluster organisations": clusters under a policy
            if place is None:
                named = [c for c in countries if re.search(rf"\b{re.escape(c)}\b", sent.text)]
                if named:
                    place = (named[0], False)
                elif ctx.country and any(cue in lowered for cue in rules.country_fallback_cues):
                    place = (ctx.country, False)
            if place is not None:
                _add(
                    ctx,
                    subject_type="country",
                    subject_name=place[0],
                    attribute=cluster_organisations_attribute(
                        (region_of(ctx.country, place[0]) or place[0]) if place[1] else None
                    ),
                    value=value,
                    quote=sent_span,
                    family="count",
                    qualifier="region" if place[1] else qualifier,
                )
            continue
        if doc[j].lower_ in rules.cluster_count_nouns:
            if first >= 2 and doc[first - 2].lower_ in rules.purpose_markers:
                continue  # "set up in 2012 to support 20 clusters": a target, not a count
            if _past_clause(doc, sent, first, rules, years=False):
                continue  # "under which 19 clusters had been recognised for 2009-2014": history
            policies = [m for m in mentions if m.subject_type == "policy" and ctx.depth[m.span.start] == 0]
            coref_count: list[Evidence] = []
            if not policies:
                # "The programme's 31 clusters ...", "The number of supported clusters rose to 25"
                owner = _possessing_policy(ctx, sent, first, rules)
                if owner is not None:
                    policies, coref_count = [owner[0]], [owner[1].evidence]
            if not policies:
                # "In 2021, the programme served 44 clusters": the programme the reference stands for
                refs = [r for r in _references(sent) if r.ref in ("policy", "any")]
                antecedent = _resolve(ctx, refs[0]) if refs else None
                if (
                    antecedent is None
                    and not refs
                    and not _mentions(sent)
                    and not any(t.lower_ in pattern_name_lexicon().policy_heads for t in sent)
                    and words & rules.present_cues  # "Twenty-one clusters currently hold recognition"
                ):
                    # "Twenty-two clusters have been certified.": the programme the text is about
                    topic = ctx.discourse.topic
                    antecedent = next(
                        (a for a in reversed(ctx.discourse.history) if a.subject_type == "policy"),
                        topic if topic is not None and topic.subject_type == "policy" else None,
                    )
                    refs = [_Mention(sent[0:1], sent[0].text, "policy", ref="policy")]
                if antecedent is not None and antecedent.subject_type == "policy":  # "... take part in it"
                    policies = [_Mention(refs[0].span, antecedent.name, "policy")]
                    coref_count = [antecedent.evidence]
            clusters_here = [
                m
                for m in mentions
                if m.subject_type == "cluster"
                and ctx.depth[m.span.start] == 0
                # "the network today unites 17 clusters, including the Latvian IT Cluster": a member, not
                # the association (a name after the count stands for it only with no punctuation between)
                and not (m.span.start > j and any(t.text in ",;:" for t in doc[j : m.span.start]))
            ]
            founders = words & (rules.founder_cues - {"by"})  # "Nine clusters … signed the founding agreement"
            member_coref: list[Evidence] = []
            if not policies and not clusters_here and words & rules.membership_cues and not founders:
                # "Today the federation has eight member clusters": the association the reference stands for
                cluster_refs = [r for r in _references(sent) if r.ref == "cluster"]
                antecedent = _grouping_antecedent(ctx, cluster_refs[0]) if cluster_refs else None
                if antecedent is not None and antecedent.subject_type == "cluster":
                    clusters_here = [_Mention(cluster_refs[0].span, antecedent.name, "cluster")]
                    member_coref = [antecedent.evidence]
            if not policies and clusters_here and words & rules.membership_cues and not founders:
                # "CLUSTERO represents around 50 Romanian clusters": an association's member clusters
                subject = clusters_here[0]
                _add(
                    ctx,
                    subject_type="cluster",
                    subject_name=subject.name,
                    attribute="member_count",
                    value=value,
                    quote=sent_span,
                    family="count",
                    qualifier=qualifier,
                    extra_evidence=member_coref,
                )
                continue
            if policies:
                subject = min(policies, key=lambda m: abs(m.span.start - j))
                _add(
                    ctx,
                    subject_type="policy",
                    subject_name=subject.name,
                    attribute="cluster_count",
                    value=value,
                    quote=sent_span,
                    family="count",
                    qualifier=qualifier,
                    extra_evidence=coref_count,
                )
            elif not any(cue in lowered for cue in rules.participation_cues):
                named = [c for c in countries if re.search(rf"\b{re.escape(c)}\b", sent.text)]
                if named:
                    _add(
                        ctx,
                        subject_type="country",
                        subject_name=named[0],
                        attribute="cluster_count",
                        value=value,
                        quote=sent_span,
                        family="count",
                        qualifier=qualifier,
                    )
            continue
        founding = any(  # a past founding told in the same clause ("started in 2010 when six firms joined")
            sent.start <= e.start < i
            and (e[0].lower_.endswith("ed") or e[0].lower_ in _PAST_IRREGULAR)
            and not any(doc[x].text in (",", ";") for x in range(e.end, i))
            for e in _in_sent(sent, "events")
        )
        if doc[j].lower_ in rules.member_nouns and (
            (i > sent.start and doc[i - 1].lower_ in rules.founder_cues)
            or (j + 1 < sent.end and doc[j + 1].lower_ in rules.founder_cues)
            or " ".join(t.lower_ for t in doc[j + 1 : min(j + 3, sent.end)]) in rules.founder_verbs
            or (j + 1 < sent.end and doc[j + 1].lower_ in rules.founder_verbs)
            or (founding and not words & rules.present_cues)
            or _founding_segment(doc, sent, i, j, rules)
        ):
            continue  # "set up in 2010 by eight firms", "when six firms joined": founders, not members
        if (strong or doc[j].lower_ in rules.member_nouns) and _past_clause(doc, sent, first, rules):
            continue  # "In 2015 it had 40 members", "30 companies took part in the trip": not today's count
        if (strong or doc[j].lower_ in rules.member_nouns) and (
            words & rules.membership_cues or _network_of(doc, i, sent.start)
        ):
            if _breakdown_after_colon(doc, sent, first, rules):
                continue  # "has 38 members: 31 yards and service firms, 5 marinas …": a part of the total
            if qualifier in rules.threshold_qualifiers and any(c in lowered for c in rules.threshold_cues):
                continue  # "open to any cluster with at least 20 member companies": an entry threshold
            candidates = [m for m in mentions if ctx.depth[m.span.start] == 0]
            coref: list[Evidence] = []
            if not candidates and first > sent.start and doc[first - 1].lower_ in _SYNTAX.possessive_determiners:
                # "Its 36 members include bus operators ...": whose members the possessive says
                owner = _resolve(ctx, _Mention(doc[first - 1 : first], doc[first - 1].text, "cluster", ref="any"))
                if owner is not None and owner.subject_type == "cluster":
                    candidates, coref = [_Mention(doc[first - 1 : first], owner.name, "cluster")], [owner.evidence]
            if not candidates:
                # "Today the cluster counts more than 80 members": the reference's antecedent
                refs = [r for r in _references(sent) if ctx.depth[r.span.start] == 0]
                antecedent = _resolve(ctx, refs[0]) if refs else None
                if antecedent is None and not refs and not _mentions(sent):
                    # "X ... . More than 200 companies and research bodies are members.": the paragraph's cluster
                    antecedent = _block_cluster(ctx, sent)
                if antecedent is None:
                    continue
                if not refs:
                    refs = [_Mention(sent[0:1], antecedent.name, antecedent.subject_type)]
                candidates = [_Mention(refs[0].span, antecedent.name, antecedent.subject_type)]
                coref = [antecedent.evidence]
            # a name right after the count ("120 members of the X Cluster"), not one in a later
            # clause ("X, which brings together 30 coordinators, takes part in the Council of Y")
            after = [
                m
                for m in candidates
                if m.span.start > j and not any(t.text in ",;:" for t in doc[j : m.span.start])
            ]
            before_count = [m for m in candidates if m.span.end <= first]
            later = [m for m in candidates if m.span.start > j]
            if after:
                subject = min(after, key=lambda m: m.span.start)
            elif before_count:
                subject = max(before_count, key=lambda m: m.span.end)
                k = subject.span.start - 1
                k -= 1 if k > 0 and doc[k].lower_ in _SYNTAX.articles else 0
                oblique = k > 0 and doc[k].lower_ in _SYNTAX.circumstance_prepositions | _SYNTAX.complement_prepositions
                # "X, a cluster … set up under the Y Fund, now has 85 members": X, not the name in its apposition
                subject = subject if not oblique else next(
                    (
                        m
                        for m in sorted(before_count, key=lambda m: m.span.start)
                        if m.span.end < subject.span.start and _apposition_end(ctx, m, first) >= subject.span.end
                    ),
                    subject,
                )
            else:
                subject = min(later, key=lambda m: m.span.start) if later else max(candidates, key=lambda m: m.span.end)
            if _counted_in(ctx, subject.name, sent):
                continue  # a later part of an enumeration already summed
            parts = _enumerated_counts(doc, j, sent.end)
            _add(
                ctx,
                subject_type=subject.subject_type,
                subject_name=subject.name,
                attribute="member_count",
                value=value + sum(parts),
                quote=sent_span,
                family="count_sum" if parts else "count",  # "60 companies, 8 institutes and 3 universities": 71
                qualifier=qualifier,
                extra_evidence=coref,
            )


def _grouping_antecedent(ctx: _Ctx, ref: _Mention) -> _Antecedent | None:
    """What "the association" that has clusters as members stands for: the last name the page
    described with that noun or headed by it ("ClusterNet Bulgaria, the national association of
    clusters"), before a nearer member cluster ("… the Varna Marine Network, launched in 2012.
    Today the association unites 22 clusters"); else the usual antecedent."""
    head = ref.span[-1].lower_
    named = [*ctx.discourse.history, *([ctx.discourse.topic] if ctx.discourse.topic is not None else [])]
    for antecedent in reversed(named):
        if antecedent.subject_type == "cluster" and (
            antecedent.name.split()[-1].lower() == head or head in _described_heads(ctx.document.text, antecedent.name)
        ):
            return antecedent
    return _resolve(ctx, ref)


def _block_cluster(ctx: _Ctx, sent: Span) -> _Antecedent | None:
    """The one cluster named earlier in the same paragraph, when the sentence names nothing."""
    here = {
        a.name: a
        for a in ctx.discourse.history
        if a.block == ctx.block_index and a.end <= sent.start_char and a.subject_type == "cluster" and not a.oblique
    }
    return next(iter(here.values())) if len(here) == 1 else None


def _member_total_before(doc: Doc, first: int, rules: CountRules) -> bool:
    """A number and a member noun end right before the ':' or '(' at first-1 ("210 members: ...",
    which may end a sentence of its own)."""
    k = first - 2
    return k >= 1 and doc[k].lower_ in rules.member_nouns and _number(doc[k - 1].text) is not None


def _plural_noun(token: Token) -> bool:
    return token.is_alpha and token.is_lower and len(token.text) > 3 and token.lower_.endswith("s")


def _after_membership_verb(doc: Doc, sent: Span, first: int, j: int, rules: CountRules) -> bool:
    """The count is the object of a membership verb and counts plural nouns ("unites 27 collectors,
    processors and exporters", "brings together 32 sawmills"), approximators allowed between."""
    words = {w for phrase in rules.approximators for w in phrase.split()}
    k = first - 1
    while k >= sent.start and doc[k].is_lower and doc[k].lower_ in words:
        k -= 1
    if k < sent.start:
        return False
    verb = doc[k].lower_ if doc[k].lower_ != "together" or k == sent.start else f"{doc[k - 1].lower_} together"
    nouns = [doc[x] for x in range(first + 1, min(sent.end, first + 3)) if _plural_noun(doc[x])]
    return verb in rules.membership_verbs and bool(nouns) and nouns[0].lower_ not in rules.non_member_plurals


def _founding_segment(doc: Doc, sent: Span, i: int, j: int, rules: CountRules) -> bool:
    """The count stands in a comma-delimited part of the sentence that tells a past founding and
    holds no present cue ("The network, created in 2017 by KTU and eleven food companies, now has
    38 members": eleven founded it; 38 is today's count; "Twelve firms founded X in 2008")."""
    start = next((k + 1 for k in range(i - 1, sent.start - 1, -1) if doc[k].text in (",", ";")), sent.start)
    end = next((k for k in range(j + 1, sent.end) if doc[k].text in (",", ";")), sent.end)
    if any(t.lower_ in rules.present_cues for t in doc[start:end]):
        return False
    return any(
        (start <= e.start < i or j < e.start < end) and (e[0].lower_.endswith("ed") or e[0].lower_ in _PAST_IRREGULAR)
        for e in _in_sent(sent, "events")
    )
def _breakdown_after_colon(doc: Doc, sent: Span, first: int, rules: CountRules) -> bool:
    """The number at `first` follows a ':' that follows a member count ('38 members: 31 firms, ...')."""
    colon = next((k for k in range(first - 1, sent.start, -1) if doc[k].text == ":"), None)
    if colon is None:
        return False
    return any(
        _number(doc[k].text) is not None and doc[k + 1].lower_ in rules.member_nouns for k in range(sent.start, colon - 1)
    )


def _after_partial_opener(doc: Doc, first: int, floor: int, rules: CountRules) -> bool:
    """The number at `first` follows "together with (the)", "in addition to (the)", ...: a part of a total."""
    k = first - 1
    if k >= floor and doc[k].lower_ in _SYNTAX.articles:
        k -= 1
    before = " ".join(t.lower_ for t in doc[max(floor, k - 2) : k + 1])
    return any(before == o or before.endswith(" " + o) for o in rules.partial_openers)


def _enumerated_counts(doc: Doc, noun: int, end: int) -> list[int]:
    """The further counts of an enumeration of member kinds after the member noun at `noun`:
    "60 companies, 8 research institutes and 3 universities" -> [8, 3]. Each part is a number
    followed by one to three lower-case words, joined by a comma or "and"."""
    parts: list[int] = []
    k = noun + 1
    while k < end:
        while k < end and (doc[k].text == "," or doc[k].lower_ in _SYNTAX.coordinators or "\n" in doc[k].text):
            k += 1  # a line break joins too: "52 companies<br>4 knowledge institutions"
        if k == noun + 1 or k >= end:
            return parts  # no joiner: the enumeration ended
        value = _number(doc[k].text)
        if value is None or (1900 <= value <= 2099 and len(doc[k].text) == 4):
            return parts
        words = 0
        k += 1
        kinds = pattern_count_nouns().member_kinds
        while k < end and words < 3 and doc[k].is_alpha and doc[k].is_lower and doc[k].lower_ not in _SYNTAX.coordinators:
            words += 1
            k += 1
            if doc[k - 1].lower_ in kinds:
                break  # "2 polytechnics of the valley": the kind noun ends the part
        if words == 0 or doc[k - 1].lower_ not in pattern_count_nouns().member_kinds:
            return parts  # "120 members and 4 staff": staff are not members
        parts.append(value)
        noun = k - 1
    return parts


def _clause_start(doc: Doc, sent: Span, i: int) -> int:
    """First token of the clause holding token i (after the last ';', ':' or ', and'/'and' before it)."""
    for k in range(i - 1, sent.start - 1, -1):
        if doc[k].text in (";", ":") or (doc[k].lower_ in _SYNTAX.coordinators and k < i - 1):
            return k + 1
    return sent.start


def _past_clause(doc: Doc, sent: Span, i: int, rules: CountRules, *, years: bool = True) -> bool:
    """The count at token i is told in the past: its clause holds a past cue ('had', 'took', a
    year) and no present cue ('today', 'now', 'has')."""
    clause_start = _clause_start(doc, sent, i)
    start = max(clause_start, i - 6)  # the count's own clause, not a fronted founding
    clause = doc[clause_start:i].text.lower()
    if any(opener in clause for opener in rules.present_openers):
        return False  # "As of 2024 it had 120 members": the latest count
    end = next(
        (k for k in range(i + 1, sent.end) if doc[k].text in (";", ":", ",") or doc[k].lower_ in _SYNTAX.coordinators),
        sent.end,
    )
    words = {doc[k].lower_ for k in range(start, end)}
    if words & rules.present_cues:
        return False
    year = years and any(
        _LEADING_YEAR.match(doc[k].text)
        and len(doc[k].text) == 4
        and not (
            k > sent.start
            and doc[k - 1].lower_ in rules.ongoing_openers  # "active since 2006, with 160"
            and not any(t.lower_ in rules.moment_relatives for t in doc[k + 1 : k + 3])  # "since 2012, when nine firms"
        )
        and not _founding_date_before_comma(doc, sent, k, i)
        for k in range(start, i)
    )
    return bool(words & rules.past_cues) or year


def _founding_date_before_comma(doc: Doc, sent: Span, k: int, i: int) -> bool:
    """The year at token k dates a founding told in its own comma segment, and the count at token i
    stands after that comma ("X – created in 2013, 21 member companies"): a directory line giving the
    start and today's count, not a past count."""
    commas = [c for c in range(k + 1, i) if doc[c].text == ","]
    if not commas:
        return False
    seg_start = next((c + 1 for c in range(k - 1, sent.start - 1, -1) if doc[c].text in (",", ";", "–", "—")), sent.start)
    return any(seg_start <= e.start < k for e in _in_sent(sent, "events"))


def _counted_in(ctx: _Ctx, name: str, sent: Span) -> bool:
    """A member count of `name` was already read in this sentence (the first of an enumeration)."""
    quote = sent.text.strip()
    return any(
        c.subject_name == name and c.attribute == "member_count" and c.evidence.quote == quote for c in ctx.claims
    )


def _counted_noun_before(doc: Doc, sent: Span, i: int, rules: CountRules) -> int | None:
    """'The number of funded clusters rose to 15': the cluster noun after a number head, when the
    count follows a total preposition ('to', 'reached', 'at'); else None."""
    if i == sent.start or doc[i - 1].lower_ not in rules.total_prepositions:
        return None
    heads = [t.i for t in doc[sent.start : i] if t.lower_ in rules.number_heads]
    if not heads:
        return None
    return next((k for k in range(heads[-1] + 1, i) if doc[k].lower_ in rules.cluster_count_nouns), None)


def _possessing_policy(
    ctx: _Ctx, sent: Span, i: int, rules: CountRules
) -> tuple[_Mention, _Antecedent] | None:
    """The programme a count of clusters belongs to when the sentence says so without naming it:
    "the programme's 31 clusters" (a possessed policy noun) or "the number of supported clusters
    rose to 25" (a total of the programme in discussion)."""
    doc = ctx.doc
    lex = pattern_name_lexicon()
    possessed = (
        i >= 2 and doc[i - 1].lower_ in _SYNTAX.possessive_markers and doc[i - 2].lower_ in lex.policy_heads
    ) or (i >= 1 and doc[i - 1].lower_ in _SYNTAX.possessive_determiners)  # "its 13 clusters"
    total = (
        i > sent.start
        and doc[i - 1].lower_ in rules.total_prepositions
        and any(t.lower_ in rules.number_heads for t in doc[sent.start : i])
    )
    if not (possessed or total):
        return None
    its = doc[i - 1].lower_ in _SYNTAX.possessive_determiners
    span = doc[i - 1 : i] if its or not possessed else doc[i - 2 : i - 1]
    antecedent = _resolve(ctx, _Mention(span, span.text, "policy", ref="any" if its else "policy"))
    if antecedent is None or antecedent.subject_type != "policy":
        return None
    return _Mention(span, antecedent.name, "policy"), antecedent


def _policy_cluster_organisations(
    ctx: _Ctx, sent: Span, mentions: list[_Mention], value: int, qualifier: str | None
) -> bool:
    """A count of cluster organisations in a sentence whose subject is a policy (named, or a
    policy reference such as 'the scheme') is the policy's cluster count; True when claimed."""
    policies = [m for m in mentions if m.subject_type == "policy" and ctx.depth[m.span.start] == 0]
    coref: list[Evidence] = []
    if not policies:
        refs = [r for r in _references(sent) if r.ref in ("policy", "any")]  # "the scheme", "it"
        antecedent = _resolve(ctx, refs[0]) if refs else None
        if antecedent is None or antecedent.subject_type != "policy":
            return False
        policies, coref = [_Mention(refs[0].span, antecedent.name, "policy")], [antecedent.evidence]
    _add(
        ctx,
        subject_type="policy",
        subject_name=policies[0].name,
        attribute="cluster_count",
        value=value,
        quote=(sent.start_char, sent.end_char),
        family="count",
        qualifier=qualifier,
        extra_evidence=coref,
    )
    return True


def _member_noun_ahead(doc: Doc, j: int, limit: int, rules: CountRules) -> int | None:
    """The member noun after lower-case modifiers ('45 machinery firms', 'over 120 high-tech
    suppliers'); None when a word between is a non-count modifier ('12 new members') or not a modifier.
    """
    for k in range(j, limit):
        if doc[k].lower_ in rules.member_nouns:
            return k if k > j else None
        if doc[k].lower_ in rules.non_count_modifiers:
            return None
        if not (doc[k].text == "-" or (doc[k].is_alpha and doc[k].is_lower)):
            return None
        if doc[k].lower_ in rules.membership_cues or doc[k].lower_ in rules.founder_cues:
            return None
        if doc[k].lower_ in _SYNTAX.articles or doc[k].lower_ in _SYNTAX.possessive_determiners:
            return None  # "a team of 8 people supports the members": another phrase has begun
        if doc[k].lower_ in pattern_name_lexicon().cluster_nouns or doc[k].lower_ in rules.cluster_count_nouns:
            return None  # "17 cluster organisations" are organisations of a count of their own
    return None


def _network_of(doc: Doc, i: int, sent_start: int) -> bool:
    """'a network of (over) 120 firms', 'an alliance of 40 companies': an organisation head before 'of'."""
    lex = pattern_name_lexicon()
    approximator_words = {w for a in pattern_count_nouns().approximators for w in a.split()}
    k = i - 1
    while k > sent_start and doc[k].lower_ in approximator_words and doc[k].lower_ != "of":
        k -= 1
    if k <= sent_start or doc[k].lower_ != "of":
        return False
    return doc[k - 1].lower_ in lex.org_heads or doc[k - 1].lower_ in lex.cluster_nouns


def _membership_total(doc: Doc, sent: Span, i: int, rules: CountRules) -> bool:
    """'Membership has grown to 290 (organisations)', 'Membership rose from 58 ... to 81': the number
    after a total preposition in a sentence whose subject is a membership noun (never a day of a
    date: 'Membership at 31 December 2024: 64')."""
    if i + 1 < len(doc) and doc[i + 1].lower_.rstrip(".") in pattern_dates().months:
        return False
    heads = [t.i for t in sent if t.lower_ in rules.membership_heads and t.i < i]
    if not heads or i == sent.start:
        return False
    if doc[i - 1].lower_ == "of" and heads[-1] == i - 2:
        return True  # "it has a membership of 85", "a current membership of 85 firms"
    if doc[i - 1].lower_ not in rules.total_prepositions:
        return False
    # "Membership ...", "Our membership ...", "The membership ...", "…, and membership now stands at 57"
    h = heads[-1]
    joined = any(
        k >= sent.start and (doc[k].lower_ in _SYNTAX.coordinators or doc[k].text == ";") for k in (h - 1, h - 2)
    )
    return heads[0] - sent.start <= 2 or joined


def _membership_total_claim(ctx: _Ctx, sent: Span, value: int, qualifier: str | None) -> None:
    names = [m for m in _mentions(sent) if ctx.depth[m.span.start] == 0 and m.subject_type == "cluster"]
    coref: list[Evidence] = []
    if names:
        name, subject_type = names[0].name, names[0].subject_type
    else:
        head = next(t for t in sent if t.lower_ in pattern_count_nouns().membership_heads)
        antecedent = _resolve(ctx, _Mention(sent.doc[head.i : head.i + 1], head.text, "cluster", ref="cluster"))
        if antecedent is None:
            return
        name, subject_type, coref = antecedent.name, antecedent.subject_type, [antecedent.evidence]
    _add(
        ctx,
        subject_type=subject_type,
        subject_name=name,
        attribute="member_count",
        value=value,
        quote=(sent.start_char, sent.end_char),
        family="count",
        qualifier=qualifier,
        extra_evidence=coref,
    )


_LEADING_YEAR = re.compile(r"^\s*((?:19|20)\d\d)\b")


def _we_are_count(ctx: _Ctx, sent: Span) -> None:
    """"We are 47 now: cooperatives, start-ups ...": the first-person page's member count (the
    number stands alone, followed by a present cue or a colon, never by a noun: "we are 20 years old")."""
    rules = pattern_count_nouns()
    toks = [t for t in sent if not t.is_space]
    while toks and toks[0].lower_ in rules.present_cues:
        toks = toks[1:]  # "Now there are 41 of us."
    if len(toks) >= 5 and toks[0].lower_ == "there" and tuple(t.lower_ for t in toks[3:5]) == _SYNTAX.we_count_tail:
        # "there are 41 of us": the first person's count, as "we are 41"
        toks = [toks[0], toks[1], toks[2], toks[4 if len(toks) == 5 else 5]]
    elif len(toks) < 4 or toks[0].lower_ != "we":
        return
    if toks[1].lower_ not in pattern_syntax().we_are_verbs:
        return
    value = _number(toks[2].text)
    nxt = toks[3]
    if value is None or not (nxt.lower_ in rules.present_cues or nxt.text in (":", ",", ".", ";")):
        return
    # "we" stands for the page topic, else the first cluster the page named (as in `_resolve`)
    topic = ctx.discourse.topic or next((a for a in ctx.discourse.history if a.subject_type == "cluster"), None)
    if topic is None or topic.subject_type != "cluster":
        return
    if any(c.attribute == "member_count" and c.evidence.quote == sent.text.strip() for c in ctx.claims):
        return
    _add(
        ctx,
        subject_type="cluster",
        subject_name=topic.name,
        attribute="member_count",
        value=value,
        quote=(sent.start_char, sent.end_char),
        family="count",
        extra_evidence=[topic.evidence],
    )


def _terse_count(ctx: _Ctx, sent: Span) -> None:
    """A line that is only a member count, of the page's subject: "57 members", "2023 – 57
    members", "Over 120 member companies". A line led by a year counts only when no other line
    of the page is led by a later year (a timeline's last entry; earlier ones are history)."""
    rules = pattern_count_nouns()
    doc = ctx.doc
    tokens = [t for t in sent if not t.is_punct or t.text in ("+",)]
    if tokens and tokens[0].lower_ in rules.present_cues and tokens[0].text[:1].isupper():
        tokens = tokens[1:]  # "Today: 73 members, 9 working groups and one shared test lab"
    cut = next((k for k, t in enumerate(tokens) if k >= 1 and t.lower_ in rules.member_nouns), None)
    enumerated = 0
    while cut is not None and cut + 1 < len(tokens) and tokens[cut + 1].lower_ in rules.member_nouns:
        cut += 1  # "210 member companies": the noun phrase ends at its last member noun
    if cut is not None and cut + 1 < len(tokens) and tokens[cut + 1].lower_ in _SYNTAX.place_or_origin_prepositions:
        tokens = tokens[: cut + 1]  # "210 member companies in the cantons of Jura and Bern"
    elif cut is not None and cut + 2 < len(tokens) and tokens[cut + 1].lower_ == "and" or (
        cut is not None
        and cut + 1 < len(tokens)
        and tokens[cut + 1].i == tokens[cut].i + 2
        and doc[tokens[cut].i + 1].text == ","
        and _number(tokens[cut + 1].text) is not None
    ):
        # "73 members, 9 working groups and ...": the member count leads; "44 companies and 3 research
        # organisations are members", "26 companies, 3 schools": further member kinds add to it
        # (not a breakdown: "56, including start-ups, … and two universities")
        if not any(t.is_punct for t in doc[tokens[0].i : tokens[cut].i]):
            enumerated = sum(_enumerated_counts(doc, tokens[cut].i, sent.end))
        tokens = tokens[: cut + 1]
    elif cut is not None and cut <= 3 and tokens[cut].i + 1 < sent.end and doc[tokens[cut].i + 1].text == ",":
        tokens = tokens[: cut + 1]  # "190 members, most of them small firms.": a remark on the count follows
    if not 2 <= len(tokens) <= 7 or sent.start != 0 or sent.end != len(doc):
        return
    if any(
        e.start > tokens[-1].i and (e[0].lower_.endswith("ed") or e[0].lower_ in _PAST_IRREGULAR)
        for e in _in_sent(sent, "events")
    ):
        return  # "Twelve firms and two universities founded X in 2008": the founders, a sentence
    lead = _LEADING_YEAR.match(sent.text)
    if lead is not None:
        year = int(lead.group(1))
        later = [
            int(m.group(1))
            for b in ctx.document.blocks
            if (m := _LEADING_YEAR.match(b.text)) is not None and int(m.group(1)) > year
        ]
        if later:
            return
        tokens = tokens[1:]
    approx = tokens[0].lower_ if tokens and tokens[0].lower_ in rules.approximators else None
    if approx is not None:
        tokens = tokens[1:]
    if len(tokens) < 2 or tokens[0].like_num is False and _number(tokens[0].text) is None:
        return
    value = _number(tokens[0].text)
    compound = _compound_number(doc, tokens[0].i, sent.end)
    if compound is not None:  # "Forty-eight members"
        value = compound[0]
        tokens = [t for t in tokens if t.i > compound[1]]
        tokens.insert(0, doc[compound[1]])
    noun = tokens[-1].lower_
    between = {t.lower_ for t in tokens[1:-1]}
    if value is None or noun not in rules.member_nouns or between & rules.non_count_modifiers:
        return
    if any("\n" in t.text for t in sent):  # "52 companies<br>4 knowledge institutions": lines of one count, the sum
        first_noun = next(t.i for t in tokens[1:] if t.lower_ in rules.member_nouns)
        value += sum(_enumerated_counts(doc, first_noun, sent.end))
    else:
        value += enumerated
    if any(c.attribute == "member_count" and c.evidence.quote == sent.text.strip() for c in ctx.claims):
        return
    subject = ctx.discourse.topic or ctx.discourse.fallback
    if subject is None:
        return
    _add(
        ctx,
        subject_type=subject.subject_type,
        subject_name=subject.name,
        attribute="member_count",
        value=value,
        quote=(sent.start_char, sent.end_char),
        family="count",
        qualifier=rules.approximators.get(approx) if approx else None,
        extra_evidence=[subject.evidence],
    )


# -------------------------------------------------------------------- main


def _topic(
    document: Document, selected: Sequence[Block], sdocs: list[Doc], prefix: str
) -> _Antecedent | None:
    """The page's topic: a name in the headline (title block, else the <head> title) that the page
    repeats, on a page that talks about clusters. A page headed "About us" or "Our story" names
    its subject only in <head> (og:title, <title>): that name is the topic when the page repeats
    it or speaks of itself ("we", "the cluster")."""
    if document.media_type != "html":
        return None  # a web page's headline names what it is about; a PDF's title rarely a cluster
    lex = pattern_name_lexicon()
    signals = lex.cluster_nouns | lex.org_heads
    talks = any(t.lower_ in signals for d in sdocs for t in d)
    profile = _profile_page(document, selected)
    self_referring = _self_referring(sdocs) or profile
    # a page that speaks of "the programme" / "the scheme" is about a programme its headline may name
    policy_talk = any(r.ref == "policy" for sdoc in sdocs for sent in sdoc.sents for r in _references(sent))
    if not talks and not self_referring and not policy_talk:
        return None  # a page about clusters, networks, alliances... or one speaking of itself
    referred = _cluster_referring(sdocs)  # the page calls its subject "the cluster", "we"
    title_block = next((b for b in selected if b.kind == "title"), None)
    head_blocks = [b for b in document.blocks if b.kind == "page_title"]
    body = "\n".join(b.text for b in selected if b is not title_block)
    named = _described_by_headline(document, title_block, selected, sdocs, prefix) if title_block is not None else None
    if named is not None:
        return named
    leading = _headline_entity(selected, sdocs, title_block)
    if leading is not None and title_block is not None:
        ctx = _Ctx(document, title_block, sdocs[0], None, prefix, [], [], [])
        evidence = _evidence(ctx, leading.start_char, leading.end_char, "coreference")
        return _Antecedent(_clean_name(leading.text), _subject_type(leading), evidence)
    candidates: list[tuple[Block | None, str]] = [
        (title_block, title_block.text if title_block is not None else (document.title or ""))
    ]
    candidates.extend((b, b.text) for b in head_blocks)
    for source, title in candidates:
        if not title:
            continue
        from_head = source is not None and source in head_blocks
        # a title that starts with a name needs no repetition on a page that speaks of its subject;
        # the site part of "<headline> | <site>" does (the site may be an agency or a portal)
        relaxed = referred or (from_head and self_referring)
        # "About us | Lakeside Robotics Cluster" over "We were founded in 2012 …": the site's own page
        own_page = self_referring and _generic_first_part(title)
        name = topic_name(title, body, repeated=not relaxed, site=(profile or own_page) and from_head)
        programme = (
            name is not None
            and policy_talk
            and (not _clusterish(name, title, sdocs, referred=referred) or _described_as_policy(document.text, name))
            and _programme_topic(name, sdocs)
        )
        if name is None or not (programme or _clusterish(name, title, sdocs, referred=referred)):
            continue
        if not programme and _member_of_a_cluster(name, sdocs):
            continue  # a member company's own page ("We have been members of the cluster since ...")
        block = source if source is not None and name in source.text else None
        block = block or next((b for b in selected if b is not title_block and name in b.text), None)
        if block is None:
            continue
        start = block.text.index(name)
        ctx = _Ctx(document, block, sdocs[0], None, prefix, [], [], [])
        subject_type: SubjectType = "policy" if programme or _policy_name(name) else "cluster"
        return _Antecedent(name, subject_type, _evidence(ctx, start, start + len(name), "coreference"))
    if policy_talk and title_block is not None:
        return _described_headline(document, title_block, sdocs, prefix)
    return None


def _described_by_headline(
    document: Document, title_block: Block, selected: Sequence[Block], sdocs: list[Doc], prefix: str
) -> _Antecedent | None:
    """A headline that opens with a description in sentence case ("Dairy cluster of Thessaly opens
    to …") over a body naming the cluster it describes ("Terra Thessalia Lactis, the dairy cluster of
    Thessaly, will …"): that name is the topic."""
    title_doc = sdocs[next(i for i, b in enumerate(selected) if b is title_block)]
    leading = next((e for e in title_doc.ents if e.start == 0 and e.label_ == "CLUSTER"), None)
    if leading is None or len(leading) < 2 or not all(t.is_lower or not t.is_alpha for t in leading[1:]):
        return None
    described = leading.text.lower()
    for block, sdoc in zip(selected, sdocs):
        if block.kind == "title":
            continue
        for found in find_context_names(block.text):
            if found.family != "apposition" or found.description_end <= found.end:
                continue
            if described in block.text[found.end : found.description_end].lower():
                ctx = _Ctx(document, block, sdoc, None, prefix, [], [], [])
                return _Antecedent(found.name, "cluster", _evidence(ctx, found.start, found.end, "coreference"))
    return None


def _described_headline(document: Document, title_block: Block, sdocs: list[Doc], prefix: str) -> _Antecedent | None:
    """A programme page headed by what the programme is ("Cluster programme", "National cluster
    strategy") and speaking of "the programme": the headline's words name the programme."""
    rules = pattern_anaphors()
    part = TOPIC_SPLIT.split(title_block.text.strip())[0]
    words = part.split()
    if not 2 <= len(words) <= 5 or words[-1].lower() not in rules.described_heads:
        return None
    if not any(w.lower() in rules.described_cluster_words for w in words[:-1]):
        return None
    lead = 0  # "Upper Austrian cluster programme": a place's adjective may open the description
    while lead < len(words) - 2 and words[lead][:1].isupper() and names_a_place(" ".join(words[: lead + 1])):
        lead += 1
    if lead and not names_a_place(" ".join(words[:lead])):
        lead = 0
    if any(not w.isalpha() or (k > max(lead - 1, 0) and not w.islower()) for k, w in enumerate(words)):
        return None  # "Cluster Excellence Programme": a proper name, which `topic_name` reads
    ctx = _Ctx(document, title_block, sdocs[0], None, prefix, [], [], [])
    return _Antecedent(part, "policy", _evidence(ctx, 0, len(part), "coreference"))


def _headline_entity(selected: Sequence[Block], sdocs: list[Doc], title_block: Block | None) -> Span | None:
    """A headline that opens with a cluster's or programme's name and goes on as a sentence
    ("Holzcluster Thüringen welcomes new members", "The Baltic Wood Cluster turns ten"): that name
    is the page's topic when the body names it too."""
    if title_block is None:
        return None
    sdoc = sdocs[next(i for i, b in enumerate(selected) if b is title_block)]
    start = 1 if len(sdoc) > 1 and sdoc[0].lower_ in _SYNTAX.articles else 0
    ent = next((e for e in sdoc.ents if e.start == start and e.label_ in ("CLUSTER", "POLICY")), None)
    whole = (
        ent is not None
        and ent.end == len(sdoc)
        and any(t.is_lower and t.is_alpha for t in ent)  # "Upper Austrian cluster programme": no title-case name
    )
    if ent is None or (not whole and (ent.end >= len(sdoc) or not sdoc[ent.end].is_lower)):
        return None  # the whole headline is a name, or a name list: `topic_name` reads those
    name = _clean_name(ent.text)
    body = [d for b, d in zip(selected, sdocs) if b is not title_block]
    if not any(_clean_name(e.text) == name for d in body for e in d.ents):
        return None  # the body names it otherwise ("Tourism Cluster …" over "the Icelandic Tourism Cluster")
    return ent


def _generic_first_part(title: str) -> bool:
    """The headline's first segment is generic ("About us", "Who we are", "Our history")."""
    lex = pattern_name_lexicon()
    parts = TOPIC_SPLIT.split(title.strip())
    words = [w.lower().strip(".,!?") for w in parts[0].split()] if len(parts) >= 2 else []
    return bool(words) and all(w in lex.headline_words for w in words)


def _member_of_a_cluster(name: str, sdocs: list[Doc]) -> bool:
    """The page's own organisation is a member of a cluster, so a headline name that is no cluster by
    its words is that member, not the cluster: "we" before a member cue and a cluster after it ("We
    have been members of the cluster since 2013", "we joined the Ebro Water Cluster"), or the name
    right before a member cue ("Kvarner Propeleri joins the X Cluster")."""
    lex = pattern_name_lexicon()
    if {w.lower() for w in name.split()} & (lex.cluster_nouns | lex.org_heads | lex.context_nouns):
        return False
    cues = _SYNTAX.member_cues
    for sdoc in sdocs:
        for sent in sdoc.sents:
            first_person = [r.span.end for r in _references(sent) if r.ref == "topic" and r.span.text.lower() == "we"]
            for cue in (t for t in sent if t.lower_ in cues):
                after = sdoc[cue.i + 1 : sent.end]
                clusters = any(t.lower_ in lex.cluster_nouns for t in after) or any(
                    e.label_ == "CLUSTER" and e.start > cue.i for e in sent.ents
                )
                if not clusters:
                    continue
                if any(end <= cue.i for end in first_person):
                    return True
                if name in sdoc[max(sent.start, cue.i - 4) : cue.i].text:
                    return True
    return False


def _profile_page(document: Document, selected: Sequence[Block]) -> bool:
    """A fact sheet whose fields give a start date and a member count but no subject of their
    own ("Founded / 2011", "Members / 96" under "Facts and figures"): the page speaks of the
    organisation its <head> title names."""
    fields = [f for f in find_fields(selected, document.published) if f.subject is None]
    starts = [f for f in fields if f.attribute == "start"]
    members = [f for f in fields if f.attribute == "member_count"]
    # one organisation's sheet: one start and one member count (a directory has one per entry)
    return len(starts) == 1 and len(members) == 1


def _described_as_policy(text: str, name: str) -> bool:
    """The text calls the name a programme and never a cluster or network ("Vinnväxt is Vinnova's
    long-term programme for regional innovation environments")."""
    heads = _described_heads(text, name)
    lex = pattern_name_lexicon()
    return bool(heads & lex.policy_heads) and not heads & (lex.cluster_nouns | lex.org_heads)


def _programme_topic(name: str, sdocs: list[Doc]) -> bool:
    """A headline name that the body repeats, on a page speaking of "the programme"/"the scheme",
    that no rule took for anything else and that is no agency or institution ("Sweden – Vinnväxt")."""
    lex = pattern_name_lexicon()
    words = name.split()
    if name in pattern_countries() or (
        # "Centre of Expertise Programme" is a programme, "Innovation Norway" an agency
        not _policy_name(name) and any(w.lower() in lex.non_cluster_org_words for w in words)
    ):
        return False
    if any(e.text == name and e.label_ not in ("CLUSTER", "POLICY") for sdoc in sdocs for e in sdoc.ents):
        return False
    return sum(sdoc.text.count(name) for sdoc in sdocs) >= 2


def _policy_name(name: str) -> bool:
    """'Cluster Support Scheme', 'Accredited Innovation Cluster status', 'National Technology
    Clusters': a programme's name, not a cluster organisation's."""
    words = name.split()
    return len(words) > 1 and words[-1].lower() in pattern_name_lexicon().policy_topic_words


def _sole_cluster(
    document: Document, selected: Sequence[Block], sdocs: list[Doc], prefix: str, *, policies: bool = False
) -> _Antecedent | None:
    """A page with a generic headline ("Frequently asked questions") that names one cluster
    organisation and no other cluster or policy is about that organisation; with `policies`, a
    page that names one cluster organisation and any programmes (an interview: "Are you one of
    the X Clusters? … the X Clusters programme was launched in 2015 …") speaks for it with "we"."""
    names: dict[str, tuple[int, int, int]] = {}
    aliases: set[str] = set()
    for index, sdoc in enumerate(sdocs):
        for ent in sdoc.ents:
            if ent.label_ not in ("CLUSTER", "POLICY"):
                continue
            name = _clean_name(ent.text)
            if ent.label_ == "POLICY" and policies:
                continue
            if ent.label_ == "POLICY" or not name:
                return None
            names.setdefault(name, (index, ent.start_char, ent.end_char))
            if ent.end + 2 < len(sdoc) and sdoc[ent.end].text == "(" and sdoc[ent.end + 2].text == ")":
                aliases.add(sdoc[ent.end + 1].text)  # "Anatolian Rail Transport Systems Cluster (ARUS)"
    # ... "ARUS" later on: one organisation under its short name
    names = {
        n: v for n, v in names.items() if n not in aliases and not any(o != n and is_acronym_of(n, o) for o in names)
    }
    if len(names) != 1:
        return None
    (name, (index, start, end)), = names.items()
    ctx = _Ctx(document, selected[index], sdocs[index], None, prefix, [], [], [])
    offset = selected[index].text.index(name, start) if name in selected[index].text[start:] else start
    return _Antecedent(name, "cluster", _evidence(ctx, offset, offset + len(name), "coreference"))


def _cluster_referring(sdocs: list[Doc]) -> bool:
    """The page speaks of its subject as a cluster without naming it ("the food cluster", "our
    network"), or speaks in the first person ("we", "our launch") on a page about clusters."""
    refs = {r.ref for sdoc in sdocs for sent in sdoc.sents for r in _references(sent)}
    if "cluster" in refs:
        return True
    lex = pattern_name_lexicon()
    signals = lex.cluster_nouns | lex.org_heads | lex.membership_words  # "our members", "a network of 100 firms"
    tokens = {t.lower_ for sdoc in sdocs for t in sdoc}
    if "topic" in refs and tokens & signals:
        return True
    # a page about a network or cluster that counts its members ("The 100th member joins")
    return bool(tokens & lex.membership_words and tokens & (lex.cluster_nouns | lex.org_heads))


def _self_referring(sdocs: list[Doc]) -> bool:
    """The page speaks of its subject without naming it: first person or a bare cluster reference."""
    return any(r.ref == "topic" or r.ref == "cluster" for sdoc in sdocs for sent in sdoc.sents for r in _references(sent))


def _clusterish(name: str, title: str, sdocs: list[Doc], *, referred: bool = False) -> bool:
    """The page says its topic is a cluster: the headline has a cluster noun, a rule already
    took the name as a cluster, a sentence names it together with a cluster noun, or (`referred`)
    the page calls its unnamed subject "the cluster", "the network" or "we"."""
    lex = pattern_name_lexicon()
    if any(w.lower() in lex.non_cluster_org_words for w in name.split()) or name in pattern_countries():
        return False
    if referred:
        return True
    if any(w.lower().strip(",.:;!?") in lex.cluster_nouns for w in title.split()):
        return True
    if (
        name.split()[-1].lower() in lex.org_heads
    ):  # "Forest Bioeconomy Alliance Finland" keeps its head inside
        return True
    if any(w.lower() in lex.org_heads for w in name.split()):
        return True
    page_talks = any(t.lower_ in lex.cluster_nouns for sdoc in sdocs for t in sdoc)
    if page_talks and sum(name in sdoc.text for sdoc in sdocs) >= 3:
        return True  # the headline name, repeated on a page about clusters
    for sdoc in sdocs:
        if any(e.text == name and e.label_ == "CLUSTER" for e in sdoc.ents):
            return True
        # a paragraph that names it and talks of a cluster, pole, network...
        if name in sdoc.text and any(
            t.lower_ in lex.cluster_nouns or t.lower_ in lex.org_heads for t in sdoc
        ):
            return True
    return False


def _acronyms(sdocs: list[Doc]) -> dict[str, str]:
    """'Name (ABBR)' / 'Name / ABBR' on the page: ABBR -> Name."""
    out: dict[str, str] = {}
    for sdoc in sdocs:
        ents = list(sdoc.ents)
        for prev, ent in zip(ents, ents[1:]):
            if (ent.id_ or ent.ent_id_) == "acronym" and ent.start - prev.end == 1:
                out.setdefault(ent.text, _clean_name(prev.text))
    return out


def _gazetteer(sdocs: list[Doc], topic: _Antecedent | None) -> dict[str, str]:
    """Names recognised from context (apposition, copula, ...) anywhere on the page -> label; the
    page topic with the label of its type (a programme page's topic is a POLICY)."""
    names: dict[str, str] = {}
    for sdoc in sdocs:
        for ent in sdoc.ents:
            if ent.ent_id_ in CONTEXT_FAMILIES or ent.ent_id_ == "acronym":
                names.setdefault(ent.text, ent.label_)
    if topic is not None:
        names.setdefault(topic.name, "POLICY" if topic.subject_type == "policy" else "CLUSTER")
    return names


def _list_entries(blocks: Sequence[Block]) -> dict[str, str]:
    """Names that open the entries of a list of cluster organisations -> label CLUSTER: two or more
    items of one list open with a name and a dash ("BioAlps – life sciences. …", "Glasslab – glass
    and crystal. Founded 2013."), and the list speaks of clusters (a cluster noun in an entry's
    description, or in the headline or the paragraph that introduces the list)."""
    lex = pattern_name_lexicon()
    nouns = lex.cluster_nouns | frozenset(h for label, h in lex.context_heads if label == "CLUSTER")

    def clustery(text: str) -> bool:
        low = text.lower()
        return any(re.search(rf"\b{re.escape(n)}s?\b", low) for n in nouns)

    groups: dict[str, list[tuple[int, str, str]]] = {}
    for i, block in enumerate(blocks):
        locator = block.locator or ""
        if block.kind != "list_item" or not _LIST_ITEM.search(locator):
            continue
        entry = item_head(block.text)
        if entry is not None and not any(c in entry[1][:1] for c in "–—-") and not describes_non_cluster(entry[1]):
            groups.setdefault(_LIST_ITEM.sub("", locator), []).append((i, *entry))
    out: dict[str, str] = {}
    for entries in groups.values():
        if len(entries) < 2:
            continue
        first = entries[0][0]
        intro = next((b.text for b in reversed(blocks[:first]) if b.kind != "list_item"), "")
        title = next((b.text for b in blocks if b.kind == "title"), "")
        if any(clustery(rest.split(".")[0]) for _i, _name, rest in entries) or clustery(intro) or clustery(title):
            for _i, name, _rest in entries:
                out.setdefault(name, "CLUSTER")
    return out


def _apply_gazetteer(sdoc: Doc, names: dict[str, str], topic: str | None, family: str = "gazetteer") -> None:
    """Later (or earlier) occurrences of a page's context names are mentions too."""
    if not names:
        return
    lex = pattern_name_lexicon()
    extra: list[Span] = []
    text = sdoc.text
    for name, label in names.items():
        family = "page_topic" if name == topic else family
        for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
            span = sdoc.char_span(m.start(), m.end(), label=label)
            if span is None or any(t.ent_iob_ in ("B", "I") for t in span):
                continue
            if span.end < len(sdoc) and sdoc[span.end].lower_ in lex.generic_heads:
                continue  # "the Agrinova project": a modifier, not the cluster
            extra.append(Span(sdoc, span.start, span.end, label=label, span_id=family))
    if extra:
        sdoc.ents = filter_spans([*sdoc.ents, *extra])
        covered = {i for e in extra for i in range(e.start, e.end)}
        sdoc.spans["anaphors"] = [
            a for a in sdoc.spans["anaphors"] if not covered.intersection(range(a.start, a.end))
        ]
        sdoc.user_data.pop("by_sent", None)


@dataclass(frozen=True)
class ProseResult:
    """What the prose extractor gives for one document: claims, and the page's mention list."""

    claims: list[Claim]
    mentions: list[MentionNote]
    pairs: list[BinderCandidate] = field(default_factory=list)  # with `collect_pairs` (training)


def _mention_notes(block: Block, sdoc: Doc, notes: dict[tuple[str, bool, str | None], MentionNote]) -> None:
    for ent in sdoc.ents:
        key = (ent.text, True, ent.ent_id_ or None)
        notes.setdefault(
            key,
            MentionNote(text=ent.text, label=ent.label_, taken=True, family=key[2], locator=block.locator),
        )
    for span in sdoc.spans.get("rejected", []):
        key = (span.text, False, span.label_)
        notes.setdefault(
            key,
            MentionNote(
                text=span.text, label="CLUSTER", taken=False, reason=span.label_, locator=block.locator
            ),
        )


def extract_prose_claims(
    doc: Document,
    *,
    country: str | None,
    blocks: Sequence[Block] | None = None,
    method_prefix: str = "nlp",
    known_names: Mapping[str, str] | None = None,
) -> list[Claim]:
    """Claims from the prose blocks of `doc` (kinds "furniture" and "meta" are skipped).

    Methods: `<prefix>.mention`, `.event`, `.rename`, `.description`, `.count`, and
    `.coreference` on the extra evidence of a claim made through a reference.
    """
    return extract_prose(
        doc, country=country, blocks=blocks, method_prefix=method_prefix, known_names=known_names
    ).claims


def extract_prose(
    doc: Document,
    *,
    country: str | None,
    blocks: Sequence[Block] | None = None,
    method_prefix: str = "nlp",
    known_names: Mapping[str, str] | None = None,
    binder: BinderModel | None | Literal["default"] = "default",
    collect_pairs: bool = False,
) -> ProseResult:
    """`extract_prose_claims` plus the mention list (taken / not taken, with the rule or reason).

    `known_names` (name -> CLUSTER | POLICY) is a gazetteer from outside the page, e.g. the
    cluster organisations named in factsheets or earlier pages of the same run (the taken
    `mentions` of other results); their occurrences become mentions (family `gazetteer`).

    `binder`: the learned start-date binder (`binder.py`) run after the rules ("default": the
    committed weights unless `CLUSTERPIPE_NLP_BINDER=false`; None: rules only). `collect_pairs`
    returns every (subject, date) pair it would score, for training.
    """
    if binder == "default":
        binder = binder_model() if NlpSettings().binder else None
    nlp = build_nlp()
    selected = [
        b
        for b in (doc.blocks if blocks is None else blocks)
        if b.kind not in SKIPPED_KINDS and b.text.strip()
    ]
    selected = split_for_nlp(selected, nlp.max_length)  # long text in chunks, never refused
    claims: list[Claim] = []
    sdocs = list(nlp.pipe(b.text for b in selected))
    topic = _topic(doc, selected, sdocs, method_prefix) if sdocs else None
    names = _gazetteer(sdocs, topic)
    entries = {n: label for n, label in _list_entries(selected).items() if n not in names}
    for name, label in (known_names or {}).items():
        names.setdefault(name, label)
    discourse = _Discourse(topic=topic, acronyms=_acronyms(sdocs), page_docs=sdocs)
    if binder is not None or collect_pairs:
        discourse.pairs = []
    if topic is None and sdocs and doc.media_type == "html" and _self_referring(sdocs):
        discourse.fallback = _sole_cluster(doc, selected, sdocs, method_prefix)
        discourse.speaker = discourse.fallback or _sole_cluster(doc, selected, sdocs, method_prefix, policies=True)
    notes: dict[tuple[str, bool, str | None], MentionNote] = {}
    for index, (block, sdoc) in enumerate(zip(selected, sdocs, strict=True)):
        for name, label in discourse.typed.items():
            names.setdefault(name, label)  # "Twelve firms founded NordPort in 2008." then "NordPort is ..."
        _apply_gazetteer(sdoc, names, topic.name if topic else None)
        _apply_gazetteer(sdoc, entries, None, family="list_entry")
        _mention_notes(block, sdoc, notes)
        depth, quoted = _markers(sdoc)
        ctx = _Ctx(
            doc,
            block,
            sdoc,
            country,
            method_prefix,
            depth,
            [bool(q) for q in quoted],
            [],
            discourse,
            index,
            section_subject(selected, index, _is_name),
            # the heading right above names the entry itself ("<h2>Micronarc</h2><p>Founded 2006 …"),
            # not a sub-heading under an earlier name ("Luxinnovation in figures 2007")
            index > 0
            and selected[index - 1].kind == "heading"
            and section_subject(selected[index - 1 : index + 1], 1, _is_name) is not None,
        )
        seen: dict[str, tuple[SubjectType, tuple[int, int], str | None]] = {}
        prev_sent: Span | None = None
        for sent in sdoc.sents:
            named = _mentions(sent)
            # programmes described, not named, take part in the sentence's events and counts, but are
            # no antecedent for a later "it" or "the programme" and no rename's new name
            described = _described_mentions(ctx, sent)
            mentions = sorted([*named, *described], key=lambda m: m.span.start)
            for mention in mentions:
                # a described programme is listed only with a fact about it (a weak family)
                family = DESCRIBED_FAMILY if mention in described else mention.span.id_ or mention.span.ent_id_
                # names made clusters by context record the rule on their mention claim
                qualifier = family if family in CONTEXT_FAMILIES or family in _WEAK_FAMILIES else None
                seen.setdefault(
                    mention.name, (mention.subject_type, (sent.start_char, sent.end_char), qualifier)
                )
            _events(ctx, sent, mentions, prev_sent)
            if discourse.pairs is not None:
                _binder_pairs(ctx, sent, mentions)
            # names in parentheses are aliases ("X (Hungarian: Y)"), not what "it" later stands for
            # a described programme ("the national cluster policy") is what a later "the policy"
            # stands for, and what "it" stands for only when nothing else was named (oblique)
            discourse.history.extend(
                replace(_antecedent_of(ctx, m), described=m in described, oblique=_complement_of_noun(sdoc, m))
                for m in [*named, *described]
                if ctx.depth[m.span.start] == 0 and not _held_title(sdoc, m) and not _indefinite_predicate(sdoc, m)
            )
            for name, subject_type, _ in _renames(ctx, sent, named):
                seen.setdefault(name, (subject_type, (sent.start_char, sent.end_char), None))
            _descriptions(ctx, named)
            _abbreviations(ctx, named)
            _counts(ctx, sent, mentions)
            _terse_count(ctx, sent)
            _we_are_count(ctx, sent)
            prev_sent = sent
        mention_claims: list[Claim] = []
        claimed = {c.subject_name for c in ctx.claims}
        for name, (subject_type, span, qualifier) in seen.items():
            if qualifier in _WEAK_FAMILIES and name not in claimed:
                continue  # an organisation-like name is reported only with a fact about it
            before = len(ctx.claims)
            _add(
                ctx,
                subject_type=subject_type,
                subject_name=name,
                attribute="mentioned",
                value=name,
                quote=span,
                family="mention",
                qualifier=qualifier,
            )
            mention_claims.extend(ctx.claims[before:])
            del ctx.claims[before:]
        claims.extend(mention_claims)
        claims.extend(ctx.claims)
    claims.extend(_field_claims(doc, selected, sdocs, discourse, country, method_prefix, claims))
    dated = {c.subject_name for c in claims if c.attribute in ("created_year", "starting_year")}
    claims.extend(_earliest_pending(discourse.pending, dated))
    pairs = with_page_features(discourse.pairs or [])
    if binder is not None and pairs:
        claims.extend(choose(pairs, claims, binder))
    return ProseResult(claims, list(notes.values())[:MAX_MENTION_NOTES], pairs if collect_pairs else [])


def _earliest_pending(pending: list[Claim], dated: set[str]) -> list[Claim]:
    """The weak start dates of subjects the page dated no other way, the earliest year of each
    ("It was officially established as an association in 2007 … Since 2012 it has been
    co-financed …": 2007)."""
    first: dict[str, int] = {}
    for claim in pending:
        if claim.subject_name not in dated and isinstance(claim.value, int):
            first[claim.subject_name] = min(first.get(claim.subject_name, claim.value), claim.value)
    return [
        c
        for c in pending
        if c.subject_name not in dated and (not isinstance(c.value, int) or c.value == first[c.subject_name])
    ]


def _unrecognised_names(ctx: _Ctx, sent: Span, mentions: list[_Mention]) -> list[_Mention]:
    """Proper names in the sentence that no rule took as a cluster or policy ("Arena",
    "Savo BioForest", "Global Centres of Expertise"): candidates the binder alone may date.
    Names in parentheses are aliases or places ("Aviation Valley (Rzeszów)"), not candidates."""
    doc = ctx.doc
    lex = pattern_name_lexicon()
    covered = {i for m in mentions for i in range(m.span.start, m.span.end)}
    out: list[_Mention] = []
    i = sent.start
    while i < sent.end:
        if i in covered or not is_name_word(doc[i].text) or doc[i].lower_ in pattern_dates().months:
            i += 1
            continue
        end = _name_end(doc, i, sent.end)
        if any(k in covered for k in range(i, end)):
            end = min(k for k in range(i, end) if k in covered)
        span = doc[i:end]
        name = _clean_name(span.text)
        last = name.split()[-1].lower() if name else ""
        if (
            name
            and ctx.depth[i] == 0
            and not (i == sent.start and end - i == 1 and not _page_name_word(ctx, span.text))
            # (a lone capitalised word opening the sentence is mostly an ordinary word, unless the page
            # uses it as a name elsewhere: "Végéna, born in Angers in 2005, ..." under a Végéna headline)
            and not (last in lex.non_cluster_org_words and last not in lex.policy_heads | lex.org_heads)
            # ("the Research and Innovation Foundation", "the Ministry of Economy": not a cluster)
            and last not in pattern_event_triggers().nominal_documents  # "builds on the Decree 2010/8"
        ):
            kind: SubjectType = "policy" if last in lex.policy_heads else "cluster"
            out.append(_Mention(span, name, kind))
        i = max(end, i + 1)
    return out


def _page_name_word(ctx: _Ctx, word: str) -> bool:
    """A single word the page treats as a name: an acronym or brand ("ICT", "InfoComm"), a word of
    its title, or a word it writes capitalised more than once."""
    return (
        word.isupper()
        or is_camelcase_name(word)
        or word in (ctx.document.title or "").split()
        or ctx.document.text.count(word) >= 2
    )


def _event_of_common_noun(ctx: _Ctx, sent: Span, date: _DateTok) -> bool:
    """The event next to the date has a lower-case noun of its own for subject ("a hall of the
    network took shape in 2019", "the yearly budget was set up in 2020"): the date is that thing's,
    not a name's."""
    doc = ctx.doc
    rules = pattern_event_triggers()
    anaphors = {i for r in _in_sent(sent, "anaphors") for i in range(r.start, r.end)}
    lex = pattern_name_lexicon()
    for event in _in_sent(sent, "events"):
        if not (date.start - 4 <= event.end <= date.start):
            continue
        k = event.start - 1
        while k >= sent.start and (doc[k].lower_ in rules.passive_aux or doc[k].lower_ in rules.adverbs or doc[k].lower_ in _SYNTAX.perfect_aux):
            k -= 1
        if k < sent.start or k in anaphors:
            continue
        word = doc[k]
        if (
            word.is_alpha
            and word.text.islower()
            and word.lower_ not in lex.cluster_nouns
            and word.lower_ not in lex.org_heads
            and word.lower_ not in _DETERMINERS
            and k > sent.start
            and doc[k - 1].lower_ in _DETERMINERS | _SYNTAX.articles
        ):
            return True  # "the budget was set up", "a hall ... took shape"
    return False


_SPOKEN: frozenset[How] = frozenset({"name", "unrecognised"})  # subjects named in the sentence itself


_Subject = tuple[_Mention | None, How, _Antecedent | None]  # (mention in the sentence, how found, antecedent)


def _binder_dates(ctx: _Ctx, sent: Span) -> list[_DateTok]:
    """The sentence's years, less those the rules judged (refused after binding, or the date of
    another noun's event)."""
    return [
        d
        for d in _sentence_dates(ctx, sent, blockers=False)
        if isinstance(d.expr.value, int)
        and (ctx.block_index, d.start) not in ctx.discourse.rejected_dates
        and not _event_of_common_noun(ctx, sent, d)
    ]


def _binder_subjects(ctx: _Ctx, sent: Span, mentions: list[_Mention]) -> list[_Subject]:
    """Who a year of the sentence may date: its names, its references (with their antecedents), the
    page topic, the entity last named before it, and proper names no rule took."""
    subjects: list[_Subject] = [(m, "name", None) for m in mentions]
    for ref in _subject_references(sent):
        antecedent = _resolve(ctx, ref)
        if antecedent is not None:
            subjects.append((ref, "reference", antecedent))
    named = {m.name for m in mentions} | {a.name for _m, _h, a in subjects if a is not None}
    topic = ctx.discourse.topic or ctx.discourse.fallback
    if topic is not None and topic.name not in named:
        subjects.append((None, "topic", topic))
        named.add(topic.name)
    previous = next((a for a in reversed(ctx.discourse.history) if a.block >= ctx.block_index - 1), None)
    if previous is not None and previous.name not in named:
        subjects.append((None, "previous", previous))
    subjects.extend((m, "unrecognised", None) for m in _unrecognised_names(ctx, sent, mentions) if m.name not in named)
    return subjects


def _objects_before(ctx: _Ctx, sent: Span, date: _DateTok) -> list[int]:
    """Where the objects of active triggers before the date start ("launched a training academy in 2015")."""
    passive = pattern_event_triggers().passive_aux
    return [
        e.end
        for e in _in_sent(sent, "events")
        if date.start - 8 <= e.end <= date.start
        and _direct_object(ctx, e)
        and not (e.start > sent.start and ctx.doc[e.start - 1].lower_ in passive)
    ]


def _judged_by_rules(ctx: _Ctx, mention: _Mention | None, date: _DateTok, objects: list[int]) -> bool:
    """The rules' judgements the binder keeps: a name described as a company before its date
    ("Ore Valley Tech, a software company founded in 1998"), the complement of another noun ("a
    hall of the network took shape in 2019"), the subject of an active trigger with an object ("X
    launched a training academy in 2015": only the object began)."""
    if mention is not None and mention.span.end <= date.start:
        if mention.ref is None and _described_as_non_cluster(ctx, mention, ctx.doc[date.start : date.end]):
            return True
        if _complement_of_noun(ctx.doc, mention):
            return True
    return bool(objects) and not (mention is not None and any(o <= mention.span.start <= o + 2 for o in objects))


def _binder_pairs(ctx: _Ctx, sent: Span, mentions: list[_Mention]) -> None:
    """Every (subject, year) pair of the sentence for the learned binder, with its features and the
    claim it would give (the sentence as quote; a reference's antecedent as second evidence)."""
    assert ctx.discourse.pairs is not None
    dates = _binder_dates(ctx, sent)
    if not dates:
        return
    strict = {(d.start, d.end) for d in _sentence_dates(ctx, sent)}
    subjects = _binder_subjects(ctx, sent, mentions)
    topic = ctx.discourse.topic or ctx.discourse.fallback
    events = tuple((e.start, e.end, e.label_) for e in _in_sent(sent, "events"))
    evidence = _evidence(ctx, sent.start_char, sent.end_char, "learned")
    shared = dict(
        sent=sent,
        published_year=int(ctx.document.published[:4]) if ctx.document.published else None,
        n_dates=len(dates),
        n_names=len(mentions),
        block_kind=ctx.block.kind,
        events=events,
        lineage=bool(_in_sent(sent, "lineage")),
        renames=tuple(r.start for r in _in_sent(sent, "renames")),
        names=tuple((m.span.start, m.span.end) for m, how, _a in subjects if m is not None and how in _SPOKEN),
        relatives=tuple(t.i for t in sent if t.lower_ in _RELATIVES),
    )
    for date in dates:
        value, precision = _value(date.expr)
        assert isinstance(value, int)
        objects = _objects_before(ctx, sent, date)
        near = [label for start, _end, label in events if date.start - 6 <= start < date.end + 4]
        for mention, how, antecedent in subjects:
            if _judged_by_rules(ctx, mention, date, objects):
                continue
            source = antecedent if antecedent is not None else mention
            if source is None or source.subject_type not in ("cluster", "policy"):
                continue
            name, subject_type = source.name, source.subject_type
            pair = PairContext(
                date=(date.start, date.end),
                subject=(mention.span.start, mention.span.end) if mention is not None else None,
                how=how,
                subject_type=subject_type,
                is_topic=topic is not None and name == topic.name,
                precision=precision,
                year=value,
                blocked=(date.start, date.end) not in strict,
                other_anchor=date.expr.anchor == "other",
                in_parenthesis=ctx.depth[date.start] > 0,
                head=name.split()[-1] if name.split() else "",
                n_words=len(name.split()),
                subject_in_parenthesis=mention is not None and ctx.depth[mention.span.start] > 0,
                place=bool(count_places(name)) or country_code(name) is not None,
                **shared,  # type: ignore[arg-type]
            )
            draft = ClaimDraft(
                subject_type=subject_type,
                evidence=evidence,
                extra_evidence=(antecedent.evidence,) if antecedent is not None else (),
                country=country_in_name(name) or ctx.country,
                qualifier=near[0] if near else None,
                precision=precision,
            )
            ctx.discourse.pairs.append(BinderCandidate(name, value, pair, draft, pair_features(pair)))


def _is_name(text: str) -> bool:
    lex = pattern_name_lexicon()
    words = text.split()
    return (
        bool(words)
        and (is_name_word(words[0]) or (len(words) > 1 and words[0][:1].isupper()))
        and all(
            is_name_word(w) or w.lower() in _NAME_JOINERS or w.lower() in lex.cluster_nouns for w in words
        )
    )


_NAME_JOINERS = _SYNTAX.name_joiners


def _field_claims(
    document: Document,
    selected: Sequence[Block],
    sdocs: list[Doc],
    discourse: _Discourse,
    country: str | None,
    prefix: str,
    existing: list[Claim],
) -> list[Claim]:
    """Start dates and member counts stated as fields (profile boxes, directories, tables)."""
    out: list[Claim] = []
    have = {(c.subject_name, c.attribute, _key(c.value)) for c in existing}
    for f in find_fields(selected, document.published):
        block = selected[f.block]
        ctx = _Ctx(document, block, sdocs[f.block], country, prefix, [], [], out, discourse, f.block)
        extra: list[Evidence] = []
        if f.subject is not None:
            name, subject_type = f.subject, _type_of_name(f.subject)
        elif not f.answer and (section := section_subject(selected, f.block, _is_name)) is not None:
            # (an FAQ answer's section is its question: the subject is the page's organisation)
            name, subject_type = section, _type_of_name(section)
        elif (
            subject := discourse.topic
            # a page without a topic: its one cluster's member count, never a "Start date:" (a job's);
            # a founding asked or described in its label ("When was X founded?") or asked by an FAQ
            # heading ("Since when do you exist?") is the page's one cluster's too
            or (
                (discourse.fallback or _sole_named(discourse))
                if f.attribute == "member_count" or f.described or f.answer
                else None
            )
        ) is not None:
            name, subject_type = subject.name, subject.subject_type
            extra = [subject.evidence]
        else:
            continue
        attribute = f.attribute
        if attribute == "former_name":
            # "Formerly: GIZ MAC (until 2009)" under "Maribor Automotive Cluster": renamed from it
            if not isinstance(f.value, str) or f.value.casefold() == name.casefold():
                continue
            if (f.value, "renamed_to", _key(name)) not in have:
                have.add((f.value, "renamed_to", _key(name)))
                _add(
                    ctx,
                    subject_type=subject_type,
                    subject_name=f.value,
                    attribute="renamed_to",
                    value=name,
                    quote=(f.start, f.end),
                    family="field",
                    qualifier="rename",
                    extra_evidence=extra,
                )
            continue
        if attribute == "start":
            attribute = "starting_year" if subject_type == "policy" else "created_year"
        if attribute == "cluster_count" and subject_type != "policy":
            continue  # "Clusters supported: 17" counts a programme's clusters, not an organisation's
        if (name, attribute, _key(f.value)) in have:
            continue
        have.add((name, attribute, _key(f.value)))
        _add(
            ctx,
            subject_type=subject_type,
            subject_name=name,
            attribute=attribute,
            value=f.value,
            quote=(f.start, f.end),
            family="field",
            precision=f.precision,
            extra_evidence=extra,
        )
    return out


def _sole_named(discourse: _Discourse) -> _Antecedent | None:
    """The one cluster organisation the page's text named, if it named exactly one."""
    clusters = {a.name: a for a in discourse.history if a.subject_type == "cluster"}
    return next(iter(clusters.values())) if len(clusters) == 1 else None


def _key(value: object) -> str:
    return str(value)


def _type_of_name(name: str) -> SubjectType:
    lex = pattern_name_lexicon()
    return "policy" if name.split()[-1].lower() in lex.policy_heads or _policy_name(name) else "cluster"
