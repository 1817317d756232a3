"""The spaCy pipeline for prose: blank English + rules (a statistical parser is optional).

    sentencizer -> [tok2vec, tagger, parser, ner of the optional parser pipeline]
                -> entity_ruler (cluster/policy name patterns)
                -> cluster_mentions (refine ruler spans; drop role titles, generic heads and
                   people; names from context: apposition, copula, parenthesis, head before
                   name; CamelCase names, enumerations and "Name (YEAR ...)" lists in cluster
                   context; "X / ACR" acronyms; with a parser, ORG entities bound to a trigger)
                -> cluster_cues (event triggers, lineage cues, rename cues, references)

`doc.ents` then holds CLUSTER / POLICY mentions (the rule family is the span's
`ent_id_`); `doc.spans["events"]` (label = normalised qualifier), `doc.spans["lineage"]`,
`doc.spans["renames"]` (label = index into `pattern_rename_cues()`), `doc.spans["anaphors"]`
(label = cluster | policy | any), `doc.spans["rejected"]` (label = why a name-shaped phrase
is not a mention) and `doc.spans["ner"]` (the parser's own entities) hold the rest.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import product

import spacy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from pipeline.models.nlp.context import find_context_names
from pipeline.models.nlp.patterns import (
    RULES_VERSION,
    is_camelcase_name,
    is_name_word,
    matcher_patterns,
    pattern_anaphors,
    pattern_cluster_names,
    pattern_countries,
    pattern_described_policy,
    pattern_event_triggers,
    pattern_name_lexicon,
    pattern_policy_names,
    pattern_rename_cues,
    pattern_syntax,
)
from pipeline.models.nlp.settings import NlpSettings
from pipeline.text.regions import names_a_place

__all__ = ["ParserUnavailableError", "build_nlp", "in_cluster_context"]

_STOP_AFTER_FOR = pattern_syntax().stop_after_for  # "a cluster for the ...": the description ends


def _titled_modifier(token: Token) -> bool:
    """"National", "Regional", "European" written in title case after an article inside a sentence
    open a proper name ("the National Cluster Association", "the European Cluster Collaboration
    Platform"), or stand inside one ("the Key National Clusters programme"), or open a sentence before
    two name words ("National Smart Mobility Clusters are …"); elsewhere they are the
    descriptions `non_name_words` keeps out of names."""
    lex = pattern_name_lexicon()
    if not (
        token.lower_ in lex.title_modifiers
        and token.is_title
        and token.i + 1 < len(token.doc)
        and token.doc[token.i + 1].text[:1].isupper()
    ):
        return False
    if token.i == 0 or token.is_sent_start:
        # "National Smart Mobility Clusters are …": two name words after it open a name
        return token.i + 2 < len(token.doc) and all(is_name_word(t.text) for t in token.doc[token.i + 1 : token.i + 3])
    k = token.i - 1
    # "the Key National Clusters programme": a capitalised word of the name may stand between
    while k > token.i - 3 and k > token.sent.start and token.doc[k].is_title and token.doc[k].is_alpha:
        k -= 1
    # ... or open it inside a sentence ("the status of Key National Cluster")
    return token.doc[k].lower_ in pattern_syntax().articles or (k < token.i - 1 and not token.doc[k + 1].is_sent_start)


def _glued_tail(token: Token) -> bool:
    """A hyphen glued to a name word, and the lower-case word glued after it: part of the name
    ("Forest-based Clusters Network", "Bio-based Industries Cluster").

    >>> from spacy.lang.en import English
    >>> _register_extensions()
    >>> [t._.name_word for t in English()("the Forest-based Clusters Network, a pre-war Hall")]
    [False, True, True, True, False, True, False, False, False, False, False, True]
    """
    doc = token.doc
    i = token.i
    if token.text == "-":
        return (
            0 < i < len(doc) - 1
            and not doc[i - 1].whitespace_
            and not token.whitespace_
            and is_name_word(doc[i - 1].text)
            and doc[i + 1].is_alpha
            and doc[i + 1].is_lower  # "North-West" keeps its own rules
            and _glued_tail(doc[i + 1])
        )
    return (
        token.is_lower
        and token.is_alpha
        and i >= 2
        and doc[i - 1].text == "-"
        and not doc[i - 2].whitespace_
        and not doc[i - 1].whitespace_
        and is_name_word(doc[i - 2].text)
        and i + 1 < len(doc)
        and doc[i + 1].text[:1].isupper()
    )


def _register_extensions() -> None:
    lex = pattern_name_lexicon()
    if not Token.has_extension("name_word"):
        Token.set_extension(
            "name_word", getter=lambda t: is_name_word(t.text) or _titled_modifier(t) or _glued_tail(t)
        )
    if not Token.has_extension("generic_head"):
        Token.set_extension(
            "generic_head", getter=lambda t: t.lower_ in lex.generic_heads or t.lower_ in lex.role_titles
        )
    if not Token.has_extension("stop_after_for"):
        Token.set_extension("stop_after_for", getter=lambda t: t.lower_ in _STOP_AFTER_FOR)


def in_cluster_context(sent: Span) -> bool:
    """True when the sentence or the one before it (same text) talks about clusters."""
    lex = pattern_name_lexicon()

    cluster_stems = tuple(sorted(w for w in lex.cluster_nouns if w.isalpha()))  # "clustering", "clusters'"

    def talks(span: Span) -> bool:
        return any(
            t.lower_ in lex.cluster_nouns or t.lower_ in lex.context_nouns or t.lower_.startswith(cluster_stems)
            for t in span
        )

    if talks(sent):
        return True
    if sent.start > 0:
        prev = sent.doc[sent.start - 1].sent
        return talks(prev)
    return False


_ITEM = re.compile(r"^[A-Z0-9][\w&'’.\-]*(?:\s+(?:&\s+)?[A-Z0-9][\w&'’.\-]*){0,3}$")
_ENUM_CUE = re.compile(
    r"\b(?:clusters|euroclusters|cluster organi[sz]ations|pôles)\s+(?:are|include|includes|including|"
    r"comprise|namely|such as)\s*:?\s*(?P<list>[^.;:()]+)|"
    r"\b(?:clusters|euroclusters|cluster organi[sz]ations)\s*:\s*(?P<list2>[^.;:()]+)",
    re.IGNORECASE,
)
_NAME_YEAR = re.compile(
    r"(?P<name>[A-Z][\w&'’\-]*(?:\s+(?:&\s+|and\s+)?[A-Z][\w&'’\-]*){0,3})\s*\(\s*(?:1[89]|20)\d\d\b[^()]*\)"
)


def _char_span(doc: Doc, start: int, end: int, label: str, family: str) -> Span | None:
    span = doc.char_span(start, end, label=label, alignment_mode="expand")
    if span is None or not span.text.strip():
        return None
    return Span(doc, span.start, span.end, label=label, span_id=family)


def _trim_leading_non_names(span: Span) -> Span | None:
    lex = pattern_name_lexicon()
    start = span.start
    while start < span.end and span.doc[start].lower_ in lex.non_name_words and not _titled_modifier(span.doc[start]):
        start += 1
    if start >= span.end:
        return None
    return Span(span.doc, start, span.end, label=span.label_, span_id=span.id_ or span.ent_id_)


def _generic_or_person(ent: Span) -> str | None:
    """Why a name-shaped span is not a cluster: 'the Business Cluster' (only generic
    modifiers after a determiner: "generic head"), 'Ms Smith ...' ("person"); else None.

    Role titles never get here: the `generic_head` token extension stops 'Cluster Manager'
    (`_role_titles` records them).
    """
    lex = pattern_name_lexicon()
    first = ent[0].lower_.rstrip(".")
    if first in lex.person_titles:
        return "person"
    if ent.label_ != "CLUSTER" or ent.ent_id_ not in ("x_cluster", "x_lower_cluster"):
        return None
    before = ent.doc[ent.start - 1].lower_ if ent.start > 0 else ""
    words = [t.lower_ for t in ent if t.lower_ not in lex.cluster_nouns and t.lower_ not in ("&", "and", "-")]
    syntax = pattern_syntax()
    determined = before in syntax.reference_determiners or ent[0].lower_ in syntax.articles
    if determined and all(w in lex.generic_modifiers or w in lex.non_name_words for w in words):
        return "generic head"
    if ent.ent_id_ == "x_lower_cluster" and before in syntax.indefinite_openers:
        return "generic head"  # "X is a Greek cluster of fish farms": a description, not a name
    return None


def _org_mentions(doc: Doc, sent: Span) -> list[Span]:
    """With a statistical parser: its ORG entities in a cluster sentence (family `ner_org`) that
    are bound to an event trigger by the parse ("X was founded", "launched X", "the creation of X"),
    made only of name words, and not ministries, agencies, universities... (`non_cluster_org_words`)."""
    lex = pattern_name_lexicon()
    triggers = {seq[0] for _, seq in pattern_event_triggers().triggers}
    orgs = [e for e in doc.spans.get("ner", []) if e.label_ == "ORG" and sent.start <= e.start < sent.end]
    if not orgs or not any(t.lower_ in lex.cluster_nouns for t in sent):
        return []
    out = []
    for ent in orgs:
        words = {t.lower_ for t in ent}
        connectors = ("&", "and", "of", "-")
        if words & lex.non_cluster_org_words or not all(
            is_name_word(t.text) or t.lower_ in connectors for t in ent
        ):
            continue
        head = ent.root.head
        if head.lower_ == "of":
            head = head.head
        if head.lower_ not in triggers and head.head.lower_ not in triggers:
            continue
        span = _trim_leading_non_names(Span(doc, ent.start, ent.end, label="CLUSTER", span_id="ner_org"))
        if span is not None:
            out.append(span)
    return out


def _role_titles(doc: Doc) -> list[Span]:
    """'Cluster Manager', 'cluster President': a person's role, recorded as not taken."""
    lex = pattern_name_lexicon()
    out = []
    for token in doc[:-1]:
        nxt = doc[token.i + 1]
        if token.lower_ in lex.cluster_nouns and nxt.lower_ in lex.role_titles and nxt.text[:1].isupper():
            out.append(Span(doc, token.i, token.i + 2, label="role title"))
    return out


_SYNTAX_PAST = pattern_syntax().past_irregular


@cache
def _cue_words() -> frozenset[str]:
    """First words of event triggers and rename cues ("renamed", "founded", "launched"): a
    capitalised one at the start of a list item is a verb, never the first word of a name."""
    words = {seq[0] for _, seq in pattern_event_triggers().triggers}
    words |= {cue.tokens[0] for cue in pattern_rename_cues()}
    past = _SYNTAX_PAST | {"became"}
    return frozenset(w for w in words if w.isalpha() and (w.endswith("ed") or w in past))


@Language.component("legal_form_joins")
def legal_form_joins(doc: Doc) -> Doc:
    """The full stop of a legal form ends no sentence before a lower-case word ("Cluster
    MECHATRONIKA, z.s. was founded in 2011", "Agro Sp. z o.o. was set up in 2001": one sentence
    each); forms are the name lexicon's `abbreviated_legal_forms`."""
    forms = pattern_name_lexicon().abbreviated_legal_forms
    for i in range(2, len(doc)):
        token = doc[i]
        if token.is_sent_start and token.is_lower and doc[i - 1].text == "." and doc[i - 2].lower_ in forms:
            token.is_sent_start = False
    return doc


def _dotted_legal_forms() -> list[str]:
    """The name lexicon's legal forms written with a full stop inside ("e.v.", "a.s.b.l."), in every
    casing of their letters ("e.V.", "E.V.", "A.S.B.L."), each closed by its full stop.

    >>> {"e.V.", "e.v.", "E.V."} <= set(_dotted_legal_forms())
    True
    """
    out: set[str] = set()
    for form in pattern_name_lexicon().legal_forms:
        parts = form.rstrip(".").split(".")
        if len(parts) < 2 or len(parts) > 4 or not all(p.isalpha() for p in parts):
            continue
        for casing in product(*[(p.lower(), p.upper()) for p in parts]):
            out.add(".".join(casing) + ".")
    return sorted(out)


@Language.component("cluster_mentions")
def cluster_mentions(doc: Doc) -> Doc:
    """Refine ruler mentions and add context-dependent ones (see module docstring)."""
    lex = pattern_name_lexicon()
    spans: list[Span] = []
    rejected: list[Span] = _role_titles(doc)
    doc.spans["ner"] = [e for e in doc.ents if e.label_ not in ("CLUSTER", "POLICY")]
    verbs = _cue_words()
    for ent in doc.ents:
        if ent.label_ not in ("CLUSTER", "POLICY"):
            continue
        family = ent.ent_id_
        lead = ent.start
        while lead < ent.end - 1 and doc[lead].lower_ in verbs:
            lead += 1  # "2012 Renamed Carinthian Timber Network": the cue is not part of the name
        if lead > ent.start:
            ent = Span(doc, lead, ent.end, label=ent.label_, span_id=family)
        nxt = doc[ent.end] if ent.end < len(doc) else None
        if family in ("x_cluster", "x_lower_cluster", "x_cluster_y") and nxt is not None:
            if nxt.lower_ in lex.generic_heads or nxt.lower_ in lex.policy_heads:
                continue
            if nxt.lower_ in lex.role_titles:
                rejected.append(Span(doc, ent.start, ent.end + 1, label="role title"))
                continue  # "Outgoing Cluster President Marco Rossi": a person's role, not a cluster
            if (
                family == "x_lower_cluster"
                and nxt.is_alpha
                and nxt.is_lower
                and nxt.lower_ not in pattern_syntax().clause_followers
            ):
                continue
        if family == "possessive_cluster_policy" and doc[ent.start : ent.end - 3].text in pattern_countries():
            rejected.append(Span(doc, ent.start, ent.end, label="a country's cluster policy"))
            continue  # "Belgium's cluster policy": the country's policy in general, not a programme's name
        if family == "x_programme" and len(ent) == 2 and ent.start == ent.sent.start and ent[0].is_title:
            rejected.append(Span(doc, ent.start, ent.end, label="sentence-initial word before 'programme'"))
            continue  # "Competitive programme for regional ...": the capital is the sentence's, not a name's
        if family == "x_org_head" and {t.lower_ for t in ent[:-1]} & lex.non_cluster_org_words:
            rejected.append(Span(doc, ent.start, ent.end, label="agency or institution"))
            continue
        if family == "x_org_head" and {t.lower_ for t in ent[:-1]} & lex.role_titles:
            # "the Regional Cluster Manager Network": a network of managers, not a cluster named "Manager Network"
            rejected.append(Span(doc, ent.start, ent.end, label="role title"))
            continue
        if ent.label_ == "POLICY" and {t.lower_ for t in ent[:-1]} & lex.role_titles:
            rejected.append(Span(doc, ent.start, ent.end, label="role title in a programme name"))
            continue  # "the Cluster Manager programme": a training for managers
        reason = _generic_or_person(ent)
        if reason is not None:
            rejected.append(Span(doc, ent.start, ent.end, label=reason))
            continue
        if family == "cluster_named":
            ent = Span(doc, ent.start + 2, ent.end, label=ent.label_, span_id=family)
        elif family in ("lower_cluster_for_x", "initiative_anaphor"):
            ent = Span(doc, ent.start + 1, ent.end, label=ent.label_, span_id=family)
        spans.append(ent)

    for sent in doc.sents:
        for found in find_context_names(sent.text):
            span = _char_span(
                doc, sent.start_char + found.start, sent.start_char + found.end, found.label, found.family
            )
            if span is not None:
                spans.append(span)
            if found.description_end > found.end:
                # "Sofia Tech Alliance, the ICT cluster of the region, ...": the describing phrase
                # is not a second name
                a, b = sent.start_char + found.end, sent.start_char + found.description_end
                # nor is a lower-case "cluster for …" that starts in it ("X is a cluster for fibre-based materials")
                spans = [
                    x
                    for x in spans
                    if not (a <= x.start_char and (x.end_char <= b or (x.start_char < b and x.id_ == "lower_cluster_for_x")))
                ]
        spans.extend(_org_mentions(doc, sent))
        spans.extend(_quoted_programmes(doc, sent))
        spans.extend(_described_programmes(doc, sent))
        if not in_cluster_context(sent):
            continue
        for token in sent:
            if is_camelcase_name(token.text):
                end = token.i + 1
                # "InoKlaster LT", "InoKlaster LT+": a short upper-case code belongs to the brand
                while end < sent.end and _BRAND_CODE.match(doc[end].text):
                    end += 1
                if end > token.i + 1 and end < sent.end and doc[end].text == "+" and not doc[end - 1].whitespace_:
                    end += 1
                spans.append(Span(doc, token.i, end, label="CLUSTER", span_id="camelcase"))
        text, base = sent.text, sent.start_char
        for m in _ENUM_CUE.finditer(text):
            group = "list" if m.group("list") else "list2"
            items_text, offset = m.group(group), m.start(group)
            first = True
            for im in re.finditer(r"[^,]+", items_text):
                for part in re.split(r"\s+and\s+", im.group(0)):
                    item = part.strip()
                    if not item or not _ITEM.match(item):
                        if first:  # not a list of names ("clusters are part of ...")
                            break
                        continue
                    first = False
                    start = base + offset + im.start() + im.group(0).index(item)
                    span = _char_span(doc, start, start + len(item), "CLUSTER", "enumeration")
                    if span is not None:
                        spans.append(span)
                if first:
                    break
        name_years = list(_NAME_YEAR.finditer(text))
        if len(name_years) >= 2:
            for m in name_years:
                span = _char_span(doc, base + m.start("name"), base + m.end("name"), "CLUSTER", "name_year")
                span = _trim_leading_non_names(span) if span is not None else None
                if span is not None and all(is_name_word(t.text) or t.text in ("&", "and") for t in span):
                    spans.append(span)

    kept = filter_spans(spans)
    # "Cluster Maritime Luxembourgeois asbl / CML", "Hydrogen Cluster Bavaria (HCB)"
    acronyms: list[Span] = []
    for ent in kept:
        i = ent.end
        if (
            i + 1 < len(doc)
            and doc[i].text in ("/", "(")
            and doc[i + 1].text.isupper()
            and len(doc[i + 1]) >= 2
        ):
            end = i + 2
            while end + 1 < len(doc) and doc[end].text in ("-", "&") and doc[end + 1].text.isupper():
                end += 2  # "(UR-GE)", "(R&D)": one acronym across its hyphens
            acronyms.append(Span(doc, i + 1, end, label=ent.label_, span_id="acronym"))
    doc.ents = filter_spans(kept + acronyms)
    doc.spans["rejected"] = rejected
    return doc


@Language.factory("cluster_cues")
def make_cluster_cues(nlp: Language, name: str) -> ClusterCues:
    return ClusterCues(nlp)


class ClusterCues:
    """Event triggers, lineage cues and rename cues as span groups."""

    def __init__(self, nlp: Language) -> None:
        rules = pattern_event_triggers()
        self.events = Matcher(nlp.vocab)
        for qualifier, seq in rules.triggers:
            self.events.add(qualifier, matcher_patterns((seq,)))
        self.lineage = Matcher(nlp.vocab)
        self.lineage.add("lineage", matcher_patterns(rules.lineage))
        self.anaphors = Matcher(nlp.vocab)
        blocked = pattern_anaphors().blocked_modifiers
        for kind, seq in pattern_anaphors().anaphors:
            plain = matcher_patterns((seq,))
            # one lower-case modifier between determiner and head: "the regional programme"
            modifier = {"IS_LOWER": True, "IS_ALPHA": True, "LOWER": {"NOT_IN": sorted(blocked)}}
            modified = [[*p[:1], modifier, *p[1:]] for p in plain if len(p) >= 2]
            # ... or one hyphenated modifier: "the non-profit association", "the state-funded network"
            word = {"IS_ALPHA": True, "IS_LOWER": True}
            hyphenated = [[*p[:1], modifier, {"ORTH": "-"}, word, *p[1:]] for p in plain if len(p) >= 2]
            self.anaphors.add(kind, plain + modified + hyphenated)
        self.anaphors.add("policy", [pattern_described_policy()])
        self.renames = Matcher(nlp.vocab)
        for index, cue in enumerate(pattern_rename_cues()):
            self.renames.add(str(index), matcher_patterns((cue.tokens,)))

    def __call__(self, doc: Doc) -> Doc:
        doc.spans["events"] = filter_spans(
            [Span(doc, s, e, label=doc.vocab.strings[m]) for m, s, e in self.events(doc)]
        )
        doc.spans["lineage"] = [Span(doc, s, e, label="lineage") for _, s, e in self.lineage(doc)]
        doc.spans["anaphors"] = [
            s
            for s in filter_spans(
                [Span(doc, s, e, label=doc.vocab.strings[m]) for m, s, e in self.anaphors(doc)]
            )
            if _is_reference(s) or described_policy(s) is not None
        ]
        doc.spans["renames"] = filter_spans(
            [Span(doc, s, e, label=doc.vocab.strings[m]) for m, s, e in self.renames(doc)]
        )
        return doc


def _joining_hyphen(token: Token) -> bool:
    """A hyphen written without spaces between two words ("competitiveness-pole")."""
    return token.text == "-" and not token.whitespace_ and token.i > 0 and not token.doc[token.i - 1].whitespace_


def described_policy(span: Span) -> str | None:
    """The name a descriptive reference gives its programme: the words after the determiner, when
    a cluster word describes the head and the phrase is not the start of a longer name.

    >>> from spacy.lang.en import English
    >>> doc = English()("Region Skane started the regional cluster programme in 2015.")
    >>> described_policy(doc[3:7])
    'regional cluster programme'
    >>> described_policy(doc[3:5]) is None
    True
    """
    rules = pattern_anaphors()
    lex = pattern_name_lexicon()
    if len(span) < 3 or span[-1].lower_ not in rules.described_heads or span[0].lower_ not in rules.described_determiners:
        return None
    if not any(t.lower_ in rules.described_cluster_words for t in span[1:-1]):
        return None
    place = possessor_place(span)
    if span[0].lower_ in pattern_syntax().possessive_markers and place is None:
        return None  # "the government's cluster programme": a possessor that names no place
    if span[0].lower_ in pattern_syntax().possessive_determiners and all(
        t.lower_ in rules.described_cluster_words for t in span[1:-1]
    ):
        # "Catalonia started its cluster policy in 1993": the place's own (named by it); "(the region)
        # started its cluster policy": the possessor's, whose name is not given
        return f"{place} {span[1:].text}" if place is not None else None
    # words in lower case, but for a place's adjective opening the description ("the French …")
    first = 2 if len(span) > 3 and span[1].is_title and names_a_place(span[1].text) else 1
    if any(not (t.is_lower and t.is_alpha) and not _joining_hyphen(t) for t in span[first:]) or any(
        t.ent_iob_ in ("B", "I") for t in span
    ):
        return None
    doc = span.doc
    if span.start >= 2 and doc[span.start - 1].text == "," and doc[span.start - 2].ent_iob_ in ("B", "I"):
        return None  # "Krajowe Klastry Kluczowe, the national key cluster scheme, ...": an apposition
    k = span.end + 1
    while k < len(doc) and doc[k].lower_ in pattern_syntax().articles:
        k += 1
    if k < len(doc) and doc[span.end].text == "," and (doc[k].ent_iob_ == "B" or doc[k].is_title):
        return None  # "The new cluster programme, Innovationskraft, ...", "…, the X Programme"
    if span.end < len(doc) and (doc[span.end].text in _QUOTES or doc[span.end].lower_ in pattern_syntax().naming_words):
        return None  # 'The cluster programme "Innovation Power" …', "… called the X Programme": its name follows
    if (
        span.start >= 1
        and doc[span.start - 1].lower_ in pattern_syntax().copulas
        and not (span.start >= 2 and doc[span.start - 2].lower_ in pattern_syntax().question_words)
    ):
        # "X is the national cluster programme": a predicate, not a mention ("What is the national
        # cluster policy?" asks about one)
        return None
    if span.end < len(doc):
        nxt = doc[span.end]
        if nxt.lower_ in lex.policy_heads or nxt.lower_ in lex.cluster_nouns or nxt.lower_ in lex.generic_heads:
            return None  # "the cluster programme managers", "the cluster policy instruments"
        if nxt.lower_ in lex.role_titles or (nxt.text[:1].isupper() and nxt.is_alpha):
            return None
    return f"{place} {span[1:].text}" if place is not None and span[0].lower_ in pattern_syntax().possessive_markers else span[1:].text


def possessor_place(span: Span) -> str | None:
    """The place whose programme a possessed description is: "Croatia's cluster programme",
    "Catalonia started its cluster policy", "The Government of Croatia launched its cluster
    programme" -> Croatia / Catalonia. For "its"/"their" the possessor is the clause's subject: a
    capitalised run opening the sentence (or after a fronted phrase and a comma), with only
    lower-case words (the verb) between it and the possessive.

    >>> from spacy.lang.en import English
    >>> doc = English()("In 1991, the Basque Country started its cluster policy.")
    >>> possessor_place(doc[7:10])
    'Basque Country'
    >>> doc = English()("Croatia's cluster programme began in 2012.")
    >>> possessor_place(doc[1:4])
    'Croatia'
    >>> doc = English()("The agency started its cluster programme.")
    >>> possessor_place(doc[3:6]) is None
    True
    """
    syntax = pattern_syntax()
    doc = span.doc
    sent_start = span.sent.start if doc.has_annotation("SENT_START") else 0
    k = span.start - 1
    if span[0].lower_ in syntax.possessive_determiners:
        verbs = 0
        while k >= sent_start and doc[k].is_alpha and doc[k].is_lower and verbs < 8:
            k -= 1
            verbs += 1
        if verbs == 0:
            return None
    elif span[0].lower_ not in syntax.possessive_markers:
        return None
    end = k + 1
    while k >= sent_start and (doc[k].is_title or doc[k].is_upper or (doc[k].lower_ in syntax.name_joiners and k + 1 < end)):
        k -= 1
    start = k + 1
    while start < end and not doc[start].is_title and not doc[start].is_upper:
        start += 1  # a joiner opening the run ("of", "the") is not the name's
    if start >= end or (span[0].lower_ in syntax.possessive_determiners and k >= sent_start and doc[k].text != ","
                        and doc[k].lower_ not in syntax.articles):
        return None  # the subject is not a capitalised run opening its clause
    words = [t.text for t in doc[start:end]]
    if words and words[0].lower() in syntax.articles:
        words = words[1:]
    if "of" in words:  # "the Government of Croatia": the place after "of"
        words = words[len(words) - words[::-1].index("of"):]
    while len(words) > 1 and words[-1].lower() in syntax.government_heads:
        words = words[:-1]  # "The Basque Government started its cluster policy": the Basque one
    text = " ".join(words)
    return text if text and names_a_place(text) else None


def _is_reference(span: Span) -> bool:
    """'the cluster' / 'it' standing alone, not 'the cluster manager', 'the programme of ...', or a name."""
    lex = pattern_name_lexicon()
    rules = pattern_anaphors()
    doc = span.doc
    if any(t.ent_iob_ in ("B", "I") for t in span):
        return False
    if span[0].lower_ in pattern_syntax().possessive_determiners:
        return False  # "its cluster policy": a description (`described_policy`), never a plain reference
    if span[-1].lower_ in rules.subject_only_heads and span.start != span.sent.start:
        return False  # "a positive contribution to the ecosystem": the economy at large, no organisation
    if span[-1].is_title and len(span) > 1 and span.end + 1 < len(doc) and doc[span.end].lower_ in pattern_syntax().name_prepositions:
        after = doc[span.end + 2] if doc[span.end + 1].lower_ in pattern_syntax().articles and span.end + 2 < len(doc) else doc[span.end + 1]
        if after.is_title:
            return False  # "the Strategy for Industrial Policy 2009-2020": a name, not "the strategy"
    if span.end < len(doc):
        nxt = doc[span.end]
        low = nxt.lower_
        if low in rules.not_followed_by and (len(span) == 1 or low != "is") and not _copula_to_org(doc, span.end):
            return False  # "it is ..." is mostly impersonal; "the association is ..." is a reference
        if low in lex.generic_heads or low in lex.role_titles:
            return False
        if low in lex.policy_heads or low in lex.cluster_nouns or nxt.text[:1].isupper() and nxt.is_alpha:
            return False
    return True


_QUOTES = frozenset('"“”„«»')


_BRAND_CODE = re.compile(r"^[A-Z]{1,4}\+?$")  # "LT", "LT+", "EU" after a CamelCase brand


def _described_programmes(doc: Doc, sent: Span) -> list[Span]:
    """'the cluster development aid scheme (Schema de ajutor ...)', 'the scheme for the support of
    cluster organisations (Schéma na podporu ...)': a lower-case phrase about clusters, headed by a
    programme word and named in parentheses (in another language), is the programme's name (family
    described_programme). The shortest such phrase after a determiner is taken ('the second round of
    the cluster aid scheme (...)' names the scheme, not the round)."""
    lex = pattern_name_lexicon()
    syntax = pattern_syntax()
    out: list[Span] = []
    for p in range(sent.start + 1, sent.end - 1):
        if doc[p].text != "(" or not doc[p + 1].text[:1].isupper():
            continue
        close = next((k for k in range(p + 1, sent.end) if doc[k].text == ")"), None)
        if close is None or any(t.like_num or any(c.isdigit() for c in t.text) for t in doc[p + 1 : close]):
            continue  # "(Q3 2022)", "(2014-2020)": a date or a period, not a name
        start = p
        while start > sent.start and p - start < 10 and doc[start - 1].is_alpha and doc[start - 1].is_lower:
            start -= 1
        for s in range(p - 2, start - 1, -1):  # shortest first
            if doc[s - 1].lower_ not in syntax.reference_determiners or doc[s].lower_ in syntax.determiners:
                continue
            words = {t.lower_ for t in doc[s:p]}
            if any(t.is_stop and t.lower_ not in syntax.name_joiners for t in doc[s:p]):
                continue  # "the cluster policy at the moment of data collection": a clause, not a name
            if words & lex.policy_heads and words & lex.cluster_nouns and doc[p - 1].lower_ not in syntax.name_joiners:
                out.append(Span(doc, s, p, label="POLICY", span_id="described_programme"))
                break
    out.extend(_purpose_programmes(doc, sent))
    return out


def _purpose_programmes(doc: Doc, sent: Span) -> list[Span]:
    """"the ministry's scheme for the support of industrial clusters", "a scheme to support cluster
    organisations": a programme word after a determiner or a possessive, told by its purpose, which
    ends in a cluster word within six lower-case words, is the programme's name (family
    described_programme), from the programme word to the cluster word.

    >>> from spacy.lang.en import English
    >>> doc = English()("The ministry's scheme for the support of industrial clusters was introduced in 2013.")
    >>> [s.text for s in _purpose_programmes(doc, doc[:])]
    ['scheme for the support of industrial clusters']
    """
    lex = pattern_name_lexicon()
    syntax = pattern_syntax()
    openers = syntax.reference_determiners | syntax.possessive_markers | syntax.articles
    purposes = syntax.purpose_prepositions
    out: list[Span] = []
    for h in range(sent.start + 1, sent.end - 2):
        if doc[h].lower_ not in lex.policy_heads or not doc[h].is_lower or doc[h - 1].lower_ not in openers:
            continue
        if doc[h + 1].lower_ not in purposes:
            continue
        if any(t.lower_ in syntax.copulas for t in doc[max(sent.start, h - 5) : h]):
            continue  # "X is the government's programme for business clusters": a predicate about X
        for e in range(h + 2, min(h + 9, sent.end)):
            if not (doc[e].is_alpha and doc[e].is_lower) or doc[e].like_num:
                break  # ("an initiative of seven clusters" counts its members: a network, no programme)
            if doc[e].lower_ in lex.cluster_nouns and doc[e].lower_.endswith("s"):
                after = doc[e + 1 : e + 3]
                named_next = len(after) == 2 and after[0].text == "," and after[1].text[:1].isupper()
                introduced = len(after) > 0 and (
                    after[0].text in _QUOTES or after[0].text == "(" or after[0].lower_ in syntax.naming_words
                )
                if not named_next and not introduced:
                    # ("a programme for business clusters, Norwegian Innovation Clusters, …": its name follows)
                    out.append(Span(doc, h, e + 1, label="POLICY", span_id="described_programme"))
                break
    return out


def _quoted_programmes(doc: Doc, sent: Span) -> list[Span]:
    """'The "Innovative Business Groupings Programme" was launched in 2007': a capitalised name in
    quotes whose last word is a programme head is a policy (family quoted_name); so is one right
    after a programme noun ('the action "Innovation Clusters"', 'the call "Cooperation Clusters"')."""
    lex = pattern_name_lexicon()
    out: list[Span] = []
    i = sent.start
    while i < sent.end:
        if doc[i].text in _QUOTES:
            close = next((k for k in range(i + 1, min(i + 10, sent.end)) if doc[k].text in _QUOTES), None)
            if close is not None and close - i >= 3:
                words = doc[i + 1 : close]
                # 'the action "Innovation Clusters"', 'the call "Cooperation Clusters"': a programme noun
                # before the quotes names what they hold
                # (a cluster programme: a cluster word inside the quotes or before the noun; 'the start-up
                # programme "X Accelerator"' is another programme)
                nearby = {t.lower_ for t in doc[max(sent.start, i - 4) : close]}
                clustered = nearby & (lex.cluster_nouns | lex.context_nouns)
                named_by_head = (
                    i > sent.start
                    and doc[i - 1].lower_ in lex.policy_topic_words - lex.cluster_nouns - lex.context_nouns
                    and bool(clustered)
                )
                if (
                    (named_by_head or (words[-1].lower_ in lex.policy_heads and words[-1].text[:1].isupper()))
                    and words[0].text[:1].isupper()
                    and all(t.text[:1].isupper() or t.lower_ in pattern_syntax().name_joiners for t in words)
                ):
                    out.append(Span(doc, i + 1, close, label="POLICY", span_id="quoted_name"))
                i = close
        i += 1
    return out


def _copula_to_org(doc: Doc, i: int) -> bool:
    """'it is a network of 45 firms', 'it is the cluster of ...': a copula to an organisation noun
    makes 'it' a reference, not an impersonal subject ('it is important', 'it is a pleasure')."""
    lex = pattern_name_lexicon()
    if i + 2 >= len(doc) or doc[i].lower_ != "is" or doc[i + 1].lower_ not in pattern_syntax().articles:
        return False
    k = i + 2
    while k < len(doc) and k <= i + 4 and doc[k].is_alpha and doc[k].is_lower:
        if doc[k].lower_ in lex.org_heads or doc[k].lower_ in lex.cluster_nouns:
            return True
        k += 1
    return False


class ParserUnavailableError(RuntimeError):
    """The configured statistical parser is not installed or cannot be loaded."""


def build_nlp(parser: str | None = None) -> Language:
    """The rules pipeline on `spacy.blank("en")`, or on top of the statistical pipeline
    `parser` (from `NlpSettings().parser` when not given); cached per parser name."""
    return _build_nlp(parser if parser is not None else NlpSettings().parser)


@cache
def _build_nlp(parser: str | None) -> Language:
    """blank("en") + sentencizer + EntityRuler + cluster components (cached; rules `RULES_VERSION`).

    With a parser: the statistical pipeline (tagger, parser, ner) with the sentencizer first
    (the parser keeps its sentence boundaries, so quotes are the same sentences), the
    EntityRuler after its NER, and the cluster components; the model's own entities go to
    `doc.spans["ner"]`.
    """
    _register_extensions()
    if parser:
        try:
            nlp = spacy.load(parser, exclude=["lemmatizer"])
        except (OSError, ImportError) as exc:
            raise ParserUnavailableError(f"spaCy pipeline {parser!r} cannot be loaded: {exc}") from exc
        nlp.add_pipe("sentencizer", first=True)
    else:
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
    nlp.add_pipe("legal_form_joins", after="sentencizer")
    for abbreviation in pattern_syntax().abbreviations:  # "(est. 2016)": one token, no sentence break
        for form in {abbreviation, abbreviation.capitalize()}:
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])
    for form in _dotted_legal_forms():  # "OptoNet e.V. was founded": one token, not "e." and "V."
        nlp.tokenizer.add_special_case(form, [{ORTH: form}])
    ruler = nlp.add_pipe("entity_ruler", config={"overwrite_ents": True})
    ruler.add_patterns([*pattern_cluster_names(), *pattern_policy_names()])  # type: ignore[attr-defined]
    nlp.add_pipe("cluster_mentions")
    nlp.add_pipe("cluster_cues")
    nlp.meta["name"] = f"cluster_rules_{RULES_VERSION}"
    return nlp
