"""A test factsheet for Spain in the ECCP layout, written for the producer matrix.

Not a transcription: the sentences are this project's own, the facts (names, years, counts)
are those publicly reported for the Spanish cluster policies (the national Innovative
Business Groupings programme launched in 2007, the Basque cluster policy of 1991, the
Catalan cluster policy of 1993). Layouts the seed factsheets do not have: three policy
columns (one national, two regional), a categorised field that is empty in one column, and a
maturity total with a half point.
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

AEI = "Innovative Business Groupings Programme"
BASQUE = "Basque Country Cluster Policy"
CAT = "Catalonia Clusters Programme"
E = ()


def cats(label: str, sublabel: str, *columns: list[str]) -> list[PolicyRow]:
    """All categories of one field in one row per column (consecutive bold paragraphs)."""
    return [PolicyRow(label, sublabel, tuple(tuple(B(c) for c in col) for col in columns))]


ROWS: list[PolicyRow] = []
ROWS += cats(
    "POLICY OBJECTIVES",
    "",
    [
        "Strengthening cooperation between companies or industry and RTDI actors",
        "Increasing competitiveness and boosting scale-up of SMEs",
        "Fostering innovation and strengthening innovation ecosystems",
        "Supporting internationalisation activities",
    ],
    [
        "Increasing competitiveness and boosting scale-up of SMEs",
        "Supporting internationalisation activities",
        "Cluster analysis and support for policymaking",
    ],
    [
        "Fostering innovation and strengthening innovation ecosystems",
        "Strengthening the network of cluster organisations/cross-clustering",
    ],
)
ROWS.append(
    PolicyRow(
        "",
        "",
        (
            (
                R(
                    "The programme helps registered groupings carry out the strategic plan that "
                    "earned them their place in the national registry, chiefly through "
                    "collaborative innovation projects led by SMEs."
                ),
            ),
            (
                R(
                    "Clusters are treated as partners of the regional government in setting "
                    "competitiveness priorities for Basque industry."
                ),
            ),
            (R("No data available"),),
        ),
    )
)
ROWS += cats("POLICY FOCUS", "", ["Cross-sectoral"], ["Sectoral"], ["Sectoral"])
ROWS += cats(
    "RESPONSIBLE AUTHORITIES",
    "",
    ["Both drafting and implementation", "Provides funding"],
    ["In charge of drafting", "In charge of implementation", "Provides funding"],
    ["Both drafting and implementation"],
)
ROWS.append(
    PolicyRow(
        "",
        "",
        (
            (
                R(
                    "The Ministry of Industry, Trade and Tourism designs the programme, keeps the "
                    "registry of groupings and pays the grants."
                ),
            ),
            (
                R(
                    "The Department of Economic Development of the Basque Government sets the "
                    "policy; the business development agency SPRI runs it."
                ),
            ),
            (R("ACCIÓ, the agency for business competitiveness of Catalonia, runs the programme."),),
        ),
    )
)
ROWS += cats(
    "BENEFICIARIES",
    "",
    ["Cluster organisations", "SMEs", "Technology centres"],
    ["Cluster organisations", "Large firms", "SMEs"],
    ["Cluster organisations"],
)
ROWS += cats(
    "INSTRUMENTS",
    "Financial",
    ["Funding collaboration initiatives", "Support to R&D projects, SMEs becoming cluster members, etc."],
    ["Subsidies to hire personnel"],
    [],
)
ROWS += cats(
    "",
    "Technical assistance",
    [],
    ["Support for networking and partnership building (at national and/or international level)"],
    [
        "Support for soft skills development: coaching, management training, upskilling/reskilling",
        "Marketing activities: advertising, communication, events, fairs, etc.",
    ],
)
ROWS.append(
    PolicyRow(
        "",
        "Explanation",
        (
            (
                R(
                    "In the three years to 2016 the programme co-financed 569 innovation projects "
                    "with EUR 26.8 million."
                ),
            ),
            (R("No data available"),),
            (R("No data available"),),
        ),
    )
)
ROWS += [
    PolicyRow(
        "HISTORY",
        "Period",
        ((B("Unlimited period"),), (B("Unlimited period"),), (B("Unlimited period"),)),
    ),
    PolicyRow(
        "",
        "Ending year *(for policies with limited period)*",
        ((R("No data available"),), (R("No data available"),), (R("No data available"),)),
    ),
    PolicyRow("", "Starting year", ((B("2007"),), (B("1991"),), (B("1993"),))),
    PolicyRow(
        "",
        "Explanation",
        (
            (
                R(
                    "The programme ran in three phases: set-up from 2007 to 2009, consolidation "
                    "from 2010 to 2013 and a focus on excellence from 2014."
                ),
            ),
            (R("The Basque Government began working with clusters in 1991."),),
            (R("Catalonia has supported cluster initiatives since 1993."),),
        ),
    ),
    PolicyRow(
        "BUDGET",
        "Overall",
        ((R("EUR 32.8 million from 2007 to 2011"),), (R("No data available"),), (R("No data available"),)),
    ),
    PolicyRow(
        "",
        "Annual",
        ((R("No data available"),), (R("No data available"),), (R("No data available"),)),
    ),
    PolicyRow(
        "",
        "Source of funding",
        (
            (R("Ministry of Industry, Trade and Tourism"),),
            (R("Basque Government"),),
            (R("Government of Catalonia"),),
        ),
    ),
    PolicyRow(
        "POLICY EVALUATION",
        "Availability",
        ((B("ex-post"),), (R("No data available"),), (R("No data available"),)),
    ),
    PolicyRow(
        "",
        "Results",
        (
            (R("An evaluation of the first phases counted 165 selected groupings with 3,934 member firms."),),
            E,
            E,
        ),
    ),
]
ROWS += cats(
    "POLICY ALIGNMENT WITH THE EU PRIORITIES",
    "",
    ["Green economy", "Digital economy", "Resilience"],
    ["Green economy", "Digital economy"],
    ["Digital economy"],
)

POLICY_TABLE = PolicyTable(
    policy_types=("National cluster policy", "Regional cluster policy", "Regional cluster policy"),
    policy_names=(AEI, BASQUE, CAT),
    source="Source: ECCP (2023)",
    rows=tuple(ROWS),
)

MATURITY_TABLE = Table(
    header=("Spain", "MATURITY ASSESSMENT", "Max score", "Actual score"),
    rows=(
        ("POLICY SCOPE", "Absence of cluster policy", "0", ""),
        ("", "Broad policy", "0,5", ""),
        ("", "Sectoral policy", "1", ""),
        ("", "National and/or regional cluster policy", "2", "2"),
        ("CONTINUITY", "No cluster-specific policy available", "0", ""),
        ("", "Cluster policy established recently", "0,5", ""),
        ("", "Cluster policy established between over 2 and 10 years", "1", ""),
        ("", "Cluster policy established over 10 years ago", "2", "2"),
        ("EVIDENCE OF PERFORMANCE", "No evaluation and / or monitoring available", "0", ""),
        ("", "Existence of evaluations of past policies", "0,5", "0,5"),
        ("", "Existence of monitoring or an ongoing / interim evaluation", "1", ""),
        ("", "Existence of monitoring and ex-ante or ongoing / interim evaluation", "2", ""),
        ("CLUSTER SUPPORT INSTRUMENTS", "No instruments for cluster development", "0", ""),
        ("", "Financial support for cluster development in the broader and / or sectoral policy", "0,5", ""),
        ("", "Financial or technical support for cluster development in dedicated cluster policy", "1", ""),
        ("", "Financial and technical support for cluster development in dedicated cluster policy", "2", "2"),
        ("TOTAL (8)", "", "", "6,5"),
    ),
    widths=(40, 90, 20, 20),
    source="Source: ECCP (2023)",
    group_first_col=True,
    total_span=3,
    align_right_cols=(2, 3),
)

BLOCKS = (
    Cover(kicker=("EUROPEAN CLUSTER", "COLLABORATION PLATFORM"), title="Country factsheet", country="Spain"),
    Heading("1. Introduction", 1),
    Para(
        "This factsheet sums up how Spain supports its clusters at national and regional level. "
        "It follows the common structure of the country factsheets so that readers can set it "
        "side by side with other countries."
    ),
    Heading("Cluster organisations in the country", 2),
    Para(
        "As of March 2023, there are 99 cluster organisations in Spain that are registered on "
        "the ECCP. Most of them are innovative business groupings listed in the national "
        "registry."
    ),
    Divider("02", "National cluster policy, programmes and initiatives", TAGLINE),
    Heading("2. National and regional cluster policies", 1),
    Para(
        'The "Innovative Business Groupings Programme" was launched in 2007 by the ministry in '
        "charge of industry. Two regional policies are shown next to it: the Basque Country, "
        "which started its cluster policy in 1991, and Catalonia, which followed in 1993."
    ),
    Para(
        "Within the table the text presented in bold depicts standardised categories across "
        "country factsheets, which are applied for comparative purposes. It is followed by a "
        "descriptive text."
    ),
    POLICY_TABLE,
    Divider("03", "State of play of cluster policy", TAGLINE),
    Heading("3. State of play of cluster policy", 1),
    Para(
        "The table below gives the maturity assessment for Spain. The total score of Spain is "
        "6,5 points out of 8: the half point reflects an evaluation of past programme phases."
    ),
    MATURITY_TABLE,
    Heading("Continuity", 2),
    Para(
        "The national programme has been renewed without interruption since 2007, and its "
        "registry of groupings was last regulated in 2014."
    ),
)

FACTSHEET = Factsheet(
    slug="eccp-factsheet-es-2023",
    country="Spain",
    title="Country factsheet Spain",
    header_left="EUROPEAN CLUSTER COLLABORATION PLATFORM",
    header_right="Country factsheet Spain",
    blocks=BLOCKS,
)
