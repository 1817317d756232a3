"""Names that are clusters because the text says so, not because of their head word.

Rule families (the `family` recorded on each mention):

- apposition: "Agrinova, the regional food cluster, ..."
- copula: "Medilink is the health competitiveness cluster of the region"
- parenthesis: "NorthPort (the port cluster) ..."
- head_before_name: "the competitiveness cluster Medilink"
- enumeration: "Scotland's two offshore wind clusters, DeepWind and Forth and Tay Offshore, …"
- membership: "Mobile Heights, founded in 2009 by …, which now has 90 member organisations"
- page_topic: the name a page is about (its headline), when the page talks about clusters
- gazetteer: a later occurrence of a name recognised by one of the rules above in the same page

Each finder works on plain text and returns character spans; `cluster_mentions`
(pipeline.py) turns them into entities.  Word lists come from `name_lexicon.json`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from pipeline.models.nlp.patterns import (
    UPPER,
    is_camelcase_name,
    is_name_word,
    pattern_count_nouns,
    pattern_countries,
    pattern_name_lexicon,
    pattern_syntax,
)
from pipeline.text.regions import names_a_place

__all__ = ["CONTEXT_FAMILIES", "ContextName", "find_context_names", "find_enumerated_names", "find_membership_names", "topic_name"]

CONTEXT_FAMILIES = ("apposition", "copula", "parenthesis", "head_before_name", "enumeration", "membership", "page_topic", "gazetteer")

_NAME = (
    rf"(?P<name>[{UPPER}0-9][\w&'’.\-]*(?:\s+(?:(?:&|and|of|for|de|du|des|la|le)\s+)?"
    rf"[{UPPER}0-9][\w&'’.\-]*){{0,5}})"
)
_MID = r"(?P<mid>(?:[\w’'\-&]+\s+){0,6}?)"


# "X, the cluster of …,", "X – the cluster of … –", "X, the fintech cluster based in Bergen,"
_APPOSITION_END = re.compile(
    rf"(?:\s+[a-z]+ed\s+(?:in|on|at)\s+[{UPPER}][\w’'-]*(?:\s+[{UPPER}][\w’'-]*){{0,2}}"
    # "X, the photonics network set up in 1999 by firms around the university, links …"
    # "X, the food technology cluster initiated by the faculty with five firms, was founded …"
    r"|\s+(?:[a-z]+ed|set\s+up|built|begun)\s+(?:(?:in|on|since)\s+(?:[A-Z][a-z]+\s+)?(?:1[89]|20)\d\d\b|by\s)"
    r"[^,.;()–—]{0,80}?"
    r"|\s+(?:of|for|in|from|on|at)\s+[^,.;()–—]{1,60}?)?(?:\s*(?:[,.;)–—]|$)|\s+(?:that|which|whose)\s)"
)  # ... or at a relative clause on the described noun ("X, the network of subcontractors that …")


@dataclass(frozen=True)
class ContextName:
    start: int
    end: int
    name: str
    label: str  # CLUSTER | POLICY
    family: str
    description_end: int = 0  # end of the describing phrase ("..., the ICT cluster of the region")


@cache
def _regexes() -> tuple[re.Pattern[str], ...]:
    lex = pattern_name_lexicon()
    heads = "|".join(re.escape(h) for _, h in lex.context_heads)
    # a head followed by another head is a modifier: "the national cluster scheme" ends at "scheme"
    modified = "|".join(re.escape(w) for w in sorted(lex.generic_heads | lex.role_titles | lex.policy_heads))
    head = rf"(?P<head>{heads})(?P<plural>s)?\b(?!\s+(?i:{modified})\b)"
    det = r"(?:the|a|an|our|one\s+of\s+the)"
    acronym = r"(?:\s*\([A-Z][A-Z0-9&-]{1,9}\))?"  # "Adriatic Blue Tech (ABT), the maritime cluster"
    # "PhotonikNetz Jena e.V. is the network of ...": the legal form follows the name, outside it
    forms = "|".join(re.escape(f) for f in sorted(lex.legal_forms, key=len, reverse=True))
    legal = rf"(?:,?\s+(?i:{forms})(?!\w))?"
    apposition = re.compile(rf"{_NAME}{legal}{acronym}\s*(?:,|\s[–—])\s*{det}\s+{_MID}{head}")
    # "MARLOG – Maritime & Logistics Innovation Denmark – is the national cluster": a dashed aside
    # (its full name, a gloss) between the name and the copula
    dashed = r"(?:\s+[–—]\s+[^–—.;:()]{1,80}?\s+[–—])?"
    copula = re.compile(
        rf"{_NAME}{legal}{dashed}\s+(?:is|was|has\s+been|became|acts\s+as|serves\s+as|is\s+now)\s+{det}\s+{_MID}{head}"
    )
    parenthesis = re.compile(rf"{_NAME}{legal}\s*\(\s*(?:{det}\s+)?{_MID}{head}[^()]{{0,60}}\)")
    mid_lower = r"(?P<mid>(?:(?!(?:the|a|an)\s)[a-z’'\-&]+\s+){0,4}?)"
    # "the competitiveness cluster Medilink"; "Denmark's national cluster programme, Innovation Power, …"
    unnamed = _NAME.replace("?P<name>", "")
    # "Its sister network in Jönköping, Smart Housing Småland, started …": a place may close the description
    place = rf"(?P<place>\s+in\s+[{UPPER}][\w-]*)?"
    before = re.compile(
        rf"\b(?:[Tt]he|[Aa]n?|[Oo]ur|[Ii]ts|[Tt]heir|[{UPPER}][\w-]*['’]s)\s+{mid_lower}{head}"
        rf"(?:\s+|{place},\s+(?={unnamed},)){_NAME}"
    )
    # "One of the new Arena clusters is Ocean Robotics Arena", "Among the supported networks is X": a
    # member of a group of clusters named after the copula
    member = re.compile(
        rf"\b(?:[Oo]ne\s+of|[Aa]mong)\s+(?:the|its|our|their)\s+{_MID}"
        rf"{head}\s+(?:is|was|has\s+been)\s+(?:the\s+)?{_NAME}"
    )
    # "GAIA, the association of electronics and ICT firms, had been founded …": a grouping of firms
    groups = "|".join(sorted(map(re.escape, lex.grouping_heads)))
    firms = "|".join(sorted(map(re.escape, lex.business_members)))
    grouping = re.compile(
        rf"{_NAME}{legal}{acronym}\s*,\s*(?:the|an?)\s+(?:[a-z-]+\s+)?(?:{groups})\s+of\s+"
        rf"(?:[\w’'&-]+\s+){{0,6}}?(?i:{firms})(?=\s*[,;.–—])"
    )
    return apposition, copula, parenthesis, before, member, grouping


def _label(head: str) -> str:
    lex = pattern_name_lexicon()
    return next((label for label, h in lex.context_heads if h == head.lower()), "CLUSTER")


def _clean(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Trim leading non-name words; reject people, role titles, months and generic phrases."""
    lex = pattern_name_lexicon()
    words = list(re.finditer(r"\S+", text[start:end]))
    while words and not is_name_word(words[0].group(0)):
        words.pop(0)
    if not words:
        return None
    if not text[: start + words[0].start()].strip():
        # at the start of the sentence the first capital proves nothing: "Members of Agrinova (...)"
        connectors = [i for i, w in enumerate(words) if w.group(0) in pattern_syntax().name_connectors]
        if connectors:
            words = words[connectors[-1] + 1 :]
            if not words:
                return None
    first = words[0].group(0).lower().rstrip(".")
    if first in lex.person_titles or first in lex.role_titles or first in pattern_syntax().question_words:
        return None
    body = [w.group(0) for w in words]
    if any(w.lower() in lex.role_titles for w in body):
        return None
    if all(w.lower() in lex.generic_modifiers or not is_name_word(w) for w in body):
        return None
    if body[-1].lower() in pattern_syntax().name_tail_words:
        return None
    if re.fullmatch(r"\d+", body[0]):
        return None
    return start + words[0].start(), start + words[-1].end()


def _mid_ok(mid: str) -> bool:
    lex = pattern_name_lexicon()
    return not any(w.lower() in lex.context_blockers for w in mid.split())


def _after_ok(text: str, end: int) -> bool:
    """The head is not a modifier of another noun ("the cluster manager", "the cluster policy")."""
    lex = pattern_name_lexicon()
    m = re.match(r"\s*([\w’'-]+)", text[end:])
    if m is None:
        return True
    word = m.group(1).lower()
    return word not in lex.generic_heads and word not in lex.role_titles and word not in lex.policy_heads


def find_context_names(text: str) -> list[ContextName]:
    """Names made clusters (or policies) by an apposition, copula, parenthesis or preceding head.

    >>> [(n.name, n.label, n.family) for n in find_context_names(
    ...     "Agrinova, the regional food cluster, was set up in 2007.")]
    [('Agrinova', 'CLUSTER', 'apposition')]
    >>> [(n.name, n.family) for n in find_context_names("Created in 2004, NorthPort (the port cluster) grew.")]
    [('NorthPort', 'parenthesis')]
    >>> [n.name for n in find_context_names("Anna Smith, the cluster manager, said so.")]
    []
    """
    apposition, copula, parenthesis, before, member, grouping = _regexes()
    out: list[ContextName] = []
    lex = pattern_name_lexicon()
    for m in grouping.finditer(text):
        span = _clean(text, m.start("name"), m.end("name"))
        if re.search(r"\bby\s+(?:the\s+)?$", text[: m.start("name")]):
            continue  # "created in 2016 by AFIA, the association of component makers": a founder
        if span is not None and text[span[0] : span[1]].split()[-1].lower() not in lex.non_cluster_org_words:
            out.append(ContextName(span[0], span[1], text[span[0] : span[1]], "CLUSTER", "apposition", m.end()))
    for family, rx in (("apposition", apposition), ("copula", copula), ("parenthesis", parenthesis)):
        for m in rx.finditer(text):
            if not _mid_ok(m.group("mid")) or not _after_ok(
                text, m.end("head") + len(m.group("plural") or "")
            ):
                continue
            if any(c.isdigit() for c in m.group("mid")) and family != "copula":
                continue  # "Health (6 cluster organisations)": a count, not a naming
            if m.group("plural") and not (family == "copula" and "one" in m.group(0).lower().split()):
                continue  # plural heads name a group ("Initially, the clusters were ...")
            if family == "apposition" and not _APPOSITION_END.match(text, m.end()):
                continue  # "Meanwhile, the cluster was founded": the phrase is the subject, not an apposition
            span = _clean(text, m.start("name"), m.end("name"))
            if span is not None:
                label = _label(m.group("head"))
                out.append(ContextName(span[0], span[1], text[span[0] : span[1]], label, family, m.end()))
    for m in before.finditer(text):
        if m.group("plural") or not _mid_ok(m.group("mid")) or any(c.isupper() for c in m.group("mid")):
            continue
        if m.group("head") != m.group("head").lower():
            continue  # "the Business Cluster X": the ruler's families own capitalised heads
        if m.group("place") and re.search(r"\s(?:and|&)\s", m.group("name")):
            continue  # "its sister network in Kalmar, Växjö and Borås, …": a list of towns
        span = _clean(text, m.start("name"), m.end("name"))
        if span is not None and span[0] == m.start("name"):
            name = text[span[0] : span[1]]
            out.append(ContextName(span[0], span[1], name, _label(m.group("head")), "head_before_name"))
    for m in member.finditer(text):
        if not m.group("plural") or not _mid_ok(m.group("mid")) or m.group("head") != m.group("head").lower():
            continue
        span = _clean(text, m.start("name"), m.end("name"))
        if span is not None and span[0] == m.start("name"):
            out.append(ContextName(span[0], span[1], text[span[0] : span[1]], _label(m.group("head")), "copula"))
    return out + find_enumerated_names(text) + find_membership_names(text)


def find_membership_names(text: str) -> list[ContextName]:
    """A name that its own clause says has members ("Mobile Heights, founded in 2009 by …, which now
    has 90 member organisations", "Automotive Thüringen, founded in 2003, today counts 115 member
    companies"): an organisation of members, a cluster (family `membership`). Names of ministries,
    universities, chambers and the like (`non_cluster_org_words`) are left out.

    >>> [(n.name, n.family) for n in find_membership_names(
    ...     "Fjordkraft, founded in 2011 by ten yards, today counts 48 member companies.")]
    [('Fjordkraft', 'membership')]
    >>> [n.name for n in find_membership_names("The Chamber of Commerce has 900 members.")]
    []
    """
    lex = pattern_name_lexicon()
    out: list[ContextName] = []
    for m in _membership_regex().finditer(text):
        span = _clean(text, m.start("name"), m.end("name"))
        if span is None:
            continue
        name = text[span[0] : span[1]]
        before = text[: span[0]].split()[-1:]
        if before and before[0].lower() in pattern_syntax().membership_obliques:
            continue  # "the X Cluster from Gdynia, set up …", "A and B, founded …": not the clause's subject
        if {w.lower() for w in name.split()} & (lex.non_cluster_org_words | lex.role_titles) or names_a_place(name):
            continue  # "the X Cluster from Gdynia, set up in 2016, which has 74 members": the place has none
        out.append(ContextName(span[0], span[1], name, "CLUSTER", "membership"))
    return out


@cache
def _membership_regex() -> re.Pattern[str]:
    syntax = pattern_syntax()

    def alternation(phrases: Iterable[str]) -> str:
        return "|".join(r"\s+".join(map(re.escape, p.split())) for p in sorted(phrases, key=len, reverse=True))

    verbs, nouns = alternation(syntax.membership_verbs), alternation(syntax.membership_nouns)
    times, about = alternation(syntax.membership_time_words), alternation(pattern_count_nouns().approximators)
    # "X, founded in 2009 by …, which now has …": a past participle ("-ed" or irregular) opens the aside
    participle = rf"(?:[a-z]+ed|{alternation(syntax.past_irregular)})"
    return re.compile(
        rf"{_NAME}(?:,\s+{participle}\b[^.;:()]{{0,160}}?,)?\s+(?:which\s+|that\s+)?(?:(?:{times})\s+)?"
        rf"(?:{verbs})\s+(?:(?:{about})\s+)?\d[\d,.]*\+?\s+(?:{nouns})\b"
    )


_LISTED_NAME = re.compile(rf"[{UPPER}][\w'’&.-]*(?:\s+(?:(?:of|and|&|de|for)\s+)?[{UPPER}][\w'’&.-]*)*")


def find_enumerated_names(text: str) -> list[ContextName]:
    """Names listed after a count and a plural head of their kind (`enumeration_heads`): each is a
    cluster.

    >>> [(n.name, n.label) for n in find_enumerated_names(
    ...     "Scotland's two offshore wind clusters, DeepWind and Forth and Tay Offshore, merge.")]
    [('DeepWind', 'CLUSTER'), ('Forth and Tay Offshore', 'CLUSTER')]
    >>> [n.name for n in find_enumerated_names("its two member networks, Fjordnet, set up in 2004, and Bergen Subsea Alliance, which started in 2006")]
    ['Fjordnet', 'Bergen Subsea Alliance']
    >>> find_enumerated_names("two clusters, the wood one and the glass one, merged")
    []
    """
    lex = pattern_name_lexicon()
    if not lex.enumeration_heads:
        return []
    openers = "|".join(map(re.escape, sorted(lex.enumeration_openers)))
    heads = "|".join(re.escape(h) for _, h in lex.enumeration_heads)
    rx = re.compile(rf"\b(?:{openers})\s+(?:[a-z][\w’'-]*\s+){{0,3}}?(?P<head>{heads})\s*[,:]\s+(?P<items>[^.;()]+)", re.IGNORECASE)
    out: list[ContextName] = []
    for m in rx.finditer(text):
        label = next(lbl for lbl, h in lex.enumeration_heads if h == m.group("head").lower())
        found: list[tuple[int, int]] = []
        pos = m.start("items")
        for part in re.split(r"(,\s*)", m.group("items")):
            start = pos
            pos += len(part)
            item = part.strip()
            if not item or item.startswith(","):
                continue
            last = item.startswith("and ")
            if last:
                start += part.index("and ") + 4
                item = item[4:]
            else:
                start += len(part) - len(part.lstrip())
            name = _LISTED_NAME.match(item)
            if name is None:
                if found:
                    continue  # "run since 2002": a description of the name before it
                break
            found.append((start, start + name.end()))
            if last:
                break
        if len(found) == 1 and " and " in text[found[0][0] : found[0][1]]:
            a, b = found[0]
            cut = text.index(" and ", a)
            found = [(a, cut), (cut + 5, b)]  # "DeepWind and Forth and Tay Offshore": two names
        if len(found) < 2:
            continue
        for a, b in found:
            if _clean(text, a, b) == (a, b):
                out.append(ContextName(a, b, text[a:b], label, "enumeration"))
    return out


_ALIAS_TAIL = re.compile(r"\s*\([^()]{1,24}\)\s*$")  # a short alias in parentheses closing a headline
_DATELINE = re.compile(r"[^,]+,\s*\d")  # "Trieste, 14 May", "Oslo, 3 March 2015"

TOPIC_SPLIT = re.compile(r"\s+[|–—:·»]\s+|\s+-\s+|:\s+")


def _generic_only(words: list[str]) -> bool:
    """A headline name with a generic head, unless that head is an organisation head ('Partnership',
    'Network', 'Hub') after a word of its own ('Aqua Nordica Partnership' is a name, 'Innovation
    Network' and 'Cluster Programme' are not).

    >>> _generic_only(["Aqua", "Nordica", "Partnership"]), _generic_only(["Innovation", "Network"])
    (False, True)
    """
    lex = pattern_name_lexicon()
    low = [w.lower() for w in words]
    if not any(w in lex.generic_heads for w in low):
        return False
    named_heads = lex.org_heads | lex.policy_topic_words  # "Centre of Expertise Programme" names a programme
    if any(w in lex.generic_heads and w not in named_heads for w in low):
        return True
    common = lex.generic_heads | lex.org_heads | lex.generic_modifiers | lex.cluster_nouns
    return all(w in common or w in ("&", "and", "of", "for") for w in low)


def is_person(name: str, body: str) -> bool:
    """The body gives the name a role title right after it ("Eoin Byrne · Cluster Manager at …",
    "Anna Berg, managing director"): a person, never a page topic."""
    roles = "|".join(sorted(map(re.escape, pattern_name_lexicon().role_titles), key=len, reverse=True))
    return bool(
        re.search(rf"\b{re.escape(name)}\s*[·,|–—-]\s*(?:[\w’'-]+\s+){{0,2}}?(?:{roles})\b", body, re.IGNORECASE)
    )


def _later_part_repeated(parts: list[str], body: str) -> bool:
    """A later headline part holds a capitalised name that the body repeats ("… : Five years of
    Cyber Ireland" on a page that says "we launched Cyber Ireland")."""
    for part in parts:
        for m in re.finditer(rf"[{UPPER}][\w'’-]*(?:\s+[{UPPER}][\w'’-]*)+", part):
            if re.search(rf"\b{re.escape(m.group(0))}\b", body):
                return True
    return False


def topic_name(title: str, body: str, *, repeated: bool = True, site: bool = False) -> str | None:
    """The name a page is about: the headline's first segment when it is a short proper name
    that the body repeats (or, when not `repeated`, a first segment that is a short proper name) ("Agrinova – the food cluster" -> "Agrinova"; "About Medilink" -> "Medilink").

    >>> topic_name("Agrinova | Food cluster of the West", "Agrinova gathers 120 firms.")
    'Agrinova'
    >>> topic_name("Ten years of sound innovation", "The Danish Sound Cluster ...") is None
    True
    >>> topic_name("Eoin Byrne: Five years of Cyber Ireland", "we launched Cyber Ireland in Cork", repeated=False)
    'Cyber Ireland'
    >>> topic_name("Eoin Byrne: Five years of Cyber Ireland", "Eoin Byrne · Cluster Manager at Cyber Ireland")
    'Cyber Ireland'
    """
    lex = pattern_name_lexicon()
    parts = TOPIC_SPLIT.split(title.strip())
    unrepeated: str | None = None
    if parts and " ".join(parts[0].lower().split()) in lex.member_headlines:
        return None  # "Member spotlight: Kuopion Kuitu": the page is about one of the members
    for k, part in enumerate(parts[:2]):
        if _DATELINE.match(part):
            continue  # "Trieste, 14 May": a place and a date, not a name
        alias = _ALIAS_TAIL.search(part)
        if alias is not None and alias.start() > 0:
            part = part[: alias.start()]  # "Hellenic Space Technologies and Applications Cluster (si-Cluster)"
        words = part.split()
        while words and (
            words[0].lower() in pattern_syntax().headline_openers
            or (
                words[0].isdigit()
                and len(words) > 1
                and words[1].lower() in pattern_syntax().headline_openers
            )
        ):
            words.pop(0)  # "About X", "25 years of X"
        if not 1 <= len(words) <= 6:
            continue
        if len(words) > 2 and words[-1].lower() in lex.policy_topic_words and words[-1].islower():
            words = [*words[:-1], words[-1].capitalize()]  # "Accredited Innovation Cluster status"
            tail = words.pop()
        else:
            tail = ""
        joiners = pattern_syntax().name_joiners
        if not all(
            is_name_word(w)
            or w.lower() in ("&", "and", "of", "for")
            or (len(words) > 1 and w[:1].isupper() and w.lower() in lex.cluster_nouns)
            or (0 < n < len(words) - 1 and w in joiners)  # "Clúster de la Energía de Extremadura"
            or (n == 0 and len(words) > 2 and w[:1].isupper() and w.lower() in lex.title_modifiers)  # "National …"
            for n, w in enumerate(words)
        ):  # "Klaster Lodz Textiles", "Ocean Autonomy Cluster": a capitalised cluster noun inside a name
            continue
        if any(w.lower() in lex.role_titles for w in words) or _generic_only(words):
            continue
        if all(w.lower() in lex.headline_words or w.lower() in ("&", "and", "of", "for") for w in words):
            continue  # "News", "About Us", "Frequently Asked Questions": a generic headline
        name = " ".join(words) + (f" {tail.lower()}" if tail else "")
        if name in pattern_countries():
            continue  # "Sweden – Vinnväxt": a country page names its subject after the country
        if is_person(name, body):
            continue  # "Eoin Byrne · Cluster Manager at Cyber Ireland": the post's author
        if re.search(rf"\b{re.escape(name)}\b", body):
            return name
        if not repeated and (k == 0 or site) and unrepeated is None:
            # the title's first part needs no repetition when not `repeated`; a site part does,
            # unless `site` says the page is the site's own fact sheet
            unrepeated = name
            if not _later_part_repeated(parts[k + 1 : 2], body):
                return name
    # "Eoin Byrne: Five years of Cyber Ireland": the part the body speaks of, not its author
    return unrepeated or _leading_name(parts[:2], body)


def _leading_name(parts: list[str], body: str) -> str | None:
    """A headline part that opens with a name and goes on in lower case ("From breakfast club to
    network: LichtLink Oost keeps growing"): that name, when the body repeats it, it is no place,
    person or generic phrase, and it opens with a CamelCase brand or holds an organisation head
    ("Aqua Nordica Partnership turns ten").

    >>> _leading_name(["LichtLink Oost keeps growing"], "… affiliated to LichtLink Oost …")
    'LichtLink Oost'
    >>> _leading_name(["Norway opens a new cluster call"], "Norway …") is None
    True
    >>> _leading_name(["Kvarts Optics joins the photonics network"], "… Kvarts Optics …") is None
    True
    """
    lex = pattern_name_lexicon()
    for part in parts:
        words = part.split()
        run: list[str] = []
        for w in words:
            if not is_name_word(w):
                break
            run.append(w)
        if not run or len(run) == len(words) or not words[len(run)][:1].islower():
            continue
        if not is_camelcase_name(run[0]) and not any(w.lower() in lex.org_heads for w in run[1:]):
            continue  # "Jana Nováková takes over", "South Bohemian firms sign": a person, a place
        if words[len(run)].lower() in pattern_syntax().member_cues:
            continue  # "Lumetric Optics joins OptoNet Thuringia": a new member, not what the page is about
        name = " ".join(run)
        if (
            name in pattern_countries()
            or names_a_place(name)
            or is_person(name, body)
            or _generic_only(run)
            or any(w.lower() in lex.headline_words or w.lower() in lex.role_titles for w in run)
        ):
            continue
        if re.search(rf"\b{re.escape(name)}\s*\(\s*(?:19|20)\d\d\s*[–-]", body):
            continue  # "DigiBalt (2023–2026) brings nine partners together": a project with its period
        if re.search(rf"\b{re.escape(name)}\b", body):
            return name
    return None
