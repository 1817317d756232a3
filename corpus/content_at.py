"""A test factsheet for Austria in the ECCP layout, written for the producer matrix.

Not a transcription: the sentences are this project's own, the facts are those publicly
reported for the cluster programme of Upper Austria (run by the regional business agency
Business Upper Austria; its first cluster, for the automotive industry, founded in 1998;
eight cluster initiatives; about 850 cooperation projects). Layouts the seed factsheets do
not have: a regional policy only, many "No data available" cells, categories set one per
row under an empty label, and a maturity total with a half point.
"""

from __future__ import annotations

from .model import (
    TAGLINE,
    B,
    Cover,
    Divider,
    Factsheet,
    Heading,
    Para,
    PolicyRow,
    PolicyTable,
    R,
    Table,
)

UA = "Upper Austria Cluster Programme"
NA = (R("No data available"),)


def one_per_row(label: str, sublabel: str, categories: list[str]) -> list[PolicyRow]:
    return [
        PolicyRow(label if i == 0 else "", sublabel if i == 0 else "", ((B(c),),))
        for i, c in enumerate(categories)
    ]


ROWS: list[PolicyRow] = []
ROWS += one_per_row(
    "POLICY OBJECTIVES",
    "",
    [
        "Strengthening cooperation between companies or industry and RTDI actors",
        "Fostering innovation and strengthening innovation ecosystems",
        "Supporting internationalisation activities",
        "Promoting employment and upgrading skills and competences",
    ],
)
ROWS.append(PolicyRow("", "", ((R("No data available"),),)))
ROWS += one_per_row("POLICY FOCUS", "", ["Sectoral"])
ROWS.append(
    PolicyRow(
        "",
        "",
        (
            (
                R(
                    "Eight cluster initiatives cover automotive, building, cleantech, IT, plastics, "
                    "food, mechatronics and medical technology."
                ),
            ),
        ),
    )
)
ROWS += one_per_row("RESPONSIBLE AUTHORITIES", "", ["Both drafting and implementation", "Provides funding"])
ROWS.append(
    PolicyRow(
        "",
        "",
        (
            (
                R(
                    "Business Upper Austria, the business agency of the state of Upper Austria, "
                    "manages every cluster initiative as one of its own units."
                ),
            ),
        ),
    )
)
ROWS += one_per_row(
    "BENEFICIARIES", "", ["Cluster organisations", "SMEs", "Large firms", "Research organisations"]
)
ROWS += [
    PolicyRow("INSTRUMENTS", "Financial", (NA,)),
    PolicyRow("", "Technical assistance", (NA,)),
    PolicyRow("", "Explanation", (NA,)),
    PolicyRow("HISTORY", "Period", ((B("Unlimited period"),),)),
    PolicyRow("", "Ending year *(for policies with limited period)*", (NA,)),
    PolicyRow("", "Starting year", ((B("1998"),),)),
    PolicyRow(
        "",
        "Explanation",
        ((R("The automotive cluster, the first of the programme, was founded in 1998."),),),
    ),
    PolicyRow("BUDGET", "Overall", (NA,)),
    PolicyRow("", "Annual", (NA,)),
    PolicyRow("", "Source of funding", ((R("State of Upper Austria and cluster partners"),),)),
    PolicyRow("POLICY EVALUATION", "Availability", (NA,)),
    PolicyRow("", "Results", (NA,)),
]
ROWS += one_per_row("POLICY ALIGNMENT WITH THE EU PRIORITIES", "", ["Green economy", "Digital economy"])

POLICY_TABLE = PolicyTable(
    policy_types=("Regional cluster policy",),
    policy_names=(UA,),
    source="Source: ECCP (2023)",
    rows=tuple(ROWS),
)

MATURITY_TABLE = Table(
    header=("Austria", "MATURITY ASSESSMENT", "Max score", "Actual score"),
    rows=(
        ("POLICY SCOPE", "Absence of cluster policy", "0", ""),
        ("", "Broad policy", "0,5", "0,5"),
        ("", "Sectoral policy", "1", ""),
        ("", "National and/or regional cluster policy", "2", ""),
        ("CONTINUITY", "No cluster-specific policy available", "0", "0"),
        ("", "Cluster policy established recently", "0,5", ""),
        ("", "Cluster policy established between over 2 and 10 years", "1", ""),
        ("", "Cluster policy established over 10 years ago", "2", ""),
        ("EVIDENCE OF PERFORMANCE", "No evaluation and / or monitoring available", "0", "0"),
        ("", "Existence of evaluations of past policies", "0,5", ""),
        ("", "Existence of monitoring or an ongoing / interim evaluation", "1", ""),
        ("", "Existence of monitoring and ex-ante or ongoing / interim evaluation", "2", ""),
        ("CLUSTER SUPPORT INSTRUMENTS", "No instruments for cluster development", "0", ""),
        ("", "Financial support for cluster development in the broader and / or sectoral policy", "0,5", ""),
        ("", "Financial or technical support for cluster development in dedicated cluster policy", "1", "1"),
        ("", "Financial and technical support for cluster development in dedicated cluster policy", "2", ""),
        ("TOTAL (8)", "", "", "1,5"),
    ),
    widths=(40, 90, 20, 20),
    source="Source: ECCP (2023)",
    group_first_col=True,
    total_span=3,
    align_right_cols=(2, 3),
)

BLOCKS = (
    Cover(
        kicker=("EUROPEAN CLUSTER", "COLLABORATION PLATFORM"), title="Country factsheet", country="Austria"
    ),
    Heading("1. Introduction", 1),
    Para(
        "This factsheet sums up how clusters are supported in Austria. There is no dedicated "
        "national cluster policy; the table therefore shows one regional programme."
    ),
    Heading("Cluster organisations in the country", 2),
    Para(
        "As of March 2023, there are 8 cluster organisations in Austria that are registered on "
        "the ECCP. They are the cluster initiatives of Business Upper Austria."
    ),
    Divider("02", "Regional cluster policy", TAGLINE),
    Heading("2. Regional cluster policy", 1),
    Para(
        'The "Upper Austria Cluster Programme" started in 1998 with a cluster for the automotive '
        "industry. Since then the clusters have run about 850 cooperation projects involving some "
        "3,000 companies."
    ),
    Para(
        "Within the table the text presented in bold depicts standardised categories across "
        "country factsheets, which are applied for comparative purposes."
    ),
    POLICY_TABLE,
    Divider("03", "State of play of cluster policy", TAGLINE),
    Heading("3. State of play of cluster policy", 1),
    Para(
        "The maturity assessment covers the national level only. The total score of Austria is "
        "1,5 points out of 8."
    ),
    MATURITY_TABLE,
)

FACTSHEET = Factsheet(
    slug="eccp-factsheet-at-2023",
    country="Austria",
    title="Country factsheet Austria",
    header_left="EUROPEAN CLUSTER COLLABORATION PLATFORM",
    header_right="Country factsheet Austria",
    blocks=BLOCKS,
)
