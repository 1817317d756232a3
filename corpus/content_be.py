"""ECCP country factsheet Belgium 2023, transcribed from the seed text.

Wording and spellings are kept as in the source (including its typos, e.g. "Brussles",
"coorperation", "int the framework").  Dropped: the reference list and Table 5 (European
Semester challenges) with its footnotes 7-11; figures are placeholders (no values invented).
In the policy table each standardised category sits in its own row under an empty label
cell, as in the source layout.
"""

from __future__ import annotations

from .model import (
    TAGLINE,
    B,
    Bullets,
    Cover,
    Divider,
    Factsheet,
    Figure,
    Heading,
    LegalNotice,
    PageBreak,
    Para,
    PolicyRow,
    PolicyTable,
    R,
    Table,
    Toc,
    TocEntry,
)

FL = "Flanders Innovation Clusters Policy"
WA = "Walloon Region Competitive Clusters Policy"

E = ()  # an empty cell


def _cats(label: str, sublabel: str, left: list[str], right: list[str]) -> list[PolicyRow]:
    """One bold category per row; label / sub-label only on the first row."""
    n = max(len(left), len(right))
    rows = []
    for i in range(n):
        cell_l = (B(left[i]),) if i < len(left) else E
        cell_r = (B(right[i]),) if i < len(right) else E
        rows.append(PolicyRow(label if i == 0 else "", sublabel if i == 0 else "", (cell_l, cell_r)))
    return rows


ROWS: list[PolicyRow] = []
ROWS += _cats(
    "POLICY OBJECTIVES",
    "",
    [
        "Strengthening cooperation between companies or industry and RTDI actors",
        "Increasing competitiveness and boosting scale-up of SMEs",
        "Supporting internationalisation activities",
        "Fostering R&D activities, technology development and implementation",
        "Promoting entrepreneurship, start-ups and spin-offs",
        "Promoting employment and upgrading skills and competences",
        "Strengthening the network of cluster organisations/cross-clustering",
        "Connect to global supply chains",
    ],
    [
        "Strengthening cooperation between companies or industry and RTDI actors",
        "Supporting internationalisation activities",
        "Enhancing the visibility of clusters",
        "Fostering R&D activities, technology development and implementation",
        "Fostering innovation and strengthening innovation ecosystems",
        "Promoting employment and upgrading skills and competences",
        "Cluster analysis and support for policymaking",
    ],
)
ROWS.append(
    PolicyRow(
        "",
        "",
        (
            (
                R(
                    "Policy objectives are to increase collaboration amongst researchers, industry, "
                    "and businesses, as well as improve competitiveness of businesses."
                ),
            ),
            (
                R(
                    "Walloon region has two cluster policies, Business and Competitive Cluster "
                    "policies. Business clusters are bottom-up development and sector initiated, "
                    "public support being ensured by a regional decree. Competitive clusters are "
                    "developed through a top-down approach, Walloon region having set 6 prior "
                    "sectors. For this study, the focus is on Competitive Clusters because they "
                    "were initiated by the government. Policy objectives of Competitive clusters "
                    "are to encourage R&D cooperation projects between research institutions, "
                    "academia and industry, encourage knowledge transfer between industry, "
                    "training and skills upgrading of personnel involved in innovation, promote "
                    "Walloon businesses locally and internationally, and cluster development."
                ),
            ),
        ),
    )
)
ROWS += _cats("POLICY FOCUS", "", ["Sectoral"], ["Sectoral"])
ROWS.append(
    PolicyRow(
        "",
        "",
        (
            (
                R(
                    "The policies focus is on organisations operating in Flanders in 7 spearhead "
                    "domains, in line with the regional Smart Specialisation Strategy: agro-food, "
                    "sustainable chemistry and synthetics, logistics and transport, new materials, "
                    "energy, biotech, medical and digital technologies and blue economy. In "
                    "addition, 20 innovative business networks have been operating and were "
                    "supported by VLAIO over the last 5 years. Business networks are a specific "
                    "type of Flemish clusters having a different scale, maturity time horizon and "
                    "ambition level than the spearhead clusters. The projects are having a smaller "
                    "scale and were only supported for three years."
                ),
            ),
            (
                R(
                    "The Walloon region has set 6 prior sectors which are (1) health, (2) green "
                    "chemistry, innovative and sustainable construction and building materials, "
                    "environmental technologies and cleantech, (3) transport, logistics and "
                    "mobility, (4) mechanical engineering, (5) aerospace and (6) agrifood industry."
                ),
            ),
        ),
    )
)
ROWS += _cats(
    "RESPONSIBLE AUTHORITIES",
    "",
    ["Both drafting and implementation", "Provides funding", "Oversees the implementation"],
    ["Both drafting and implementation", "Provides funding", "Oversees the implementation"],
)
ROWS.append(
    PolicyRow(
        "",
        "",
        (
            (
                R(
                    "Flanders Innovation & Entrepreneurship (VLAIO) is responsible for drafting and "
                    "implementing the cluster policy. This is based on the Decree of the Flemish "
                    "Government March 4th, 2016. The agency is also responsible for funding the "
                    "cluster organisations (50% funding + 50% private contributions from "
                    "businesses)."
                ),
            ),
            (
                R(
                    "The policy was designed by the Walloon Government through the Public Service "
                    "for Economy, Employment and Research (SPW EER) which is also the managing "
                    "authority. Each Competitiveness cluster is managed by a Board composed by "
                    "academics and industrialists. The government oversees and aids the projects "
                    "selected by the clusters int the framework of their own strategy. The "
                    "government also provides funding to cover part of operational costs through "
                    "the government agency Public Service of Wallonia."
                ),
            ),
        ),
    )
)
ROWS += _cats(
    "BENEFICIARIES",
    "",
    [
        "SMEs",
        "Cluster organisations",
        "Research organisations",
        "Academic institutions",
        "Large firms",
        "Technology centres",
        "Start-ups",
    ],
    [
        "Cluster organisations",
        "Research organisations",
        "Academic institutions",
        "Large firms",
        "SMEs",
        "Technology centres",
    ],
)
ROWS.append(
    PolicyRow(
        "",
        "",
        (
            (
                R(
                    "The policy targets two types of clusters, spearhead clusters and Innovative "
                    "Business Networks. Spearhead clusters are large scale, ambitious initiatives, "
                    "while Innovative Business Networks are smaller scale initiatives that take a "
                    "bottom-up approach to implement initiatives in upcoming domains. Both clusters "
                    "target SMEs companies operating in Flanders, knowledge centres, and large "
                    "firms."
                ),
            ),
            (
                R(
                    "Based on a governmental initiative, Competitive clusters are mainly an "
                    "industry-driven approach to encourage collaboration between industry, "
                    "academia, and research institutions, it mainly targets research larges firms, "
                    "SMEs, knowledge centres, clusters organisations, and academia."
                ),
            ),
        ),
    )
)
ROWS += _cats(
    "INSTRUMENTS",
    "Financial",
    [
        "Funding collaboration initiatives (GBER art. 27)",
        "Support to R&D projects, SMEs becoming cluster members, etc.",
        "Financing start-ups",
    ],
    [
        "Funding collaboration initiatives",
        "Support to R&D projects, SMEs becoming cluster members, etc.",
        "Subsidies to hire personnel",
        "Subsidies for cluster infrastructure (e.g. offices, equipment)",
    ],
)
ROWS += _cats(
    "",
    "Technical assistance",
    [
        "Infrastructure: incubation and accelerator spaces, research centres, technology parks etc.",
        "Support for hard skill development: knowledge transfer, intellectual property, "
        "entrepreneurship, export advice, market intelligence",
        "Support for soft skills development: coaching, management training, upskilling/reskilling",
        "Support for networking and partnership building (at national and/or international level)",
    ],
    [
        "Infrastructure: coworking spaces, offices, incubation and accelerator spaces, research "
        "centres, technology parks etc.",
        "Support for soft skills development: coaching, management training, upskilling/reskilling",
        "Support for networking and partnership building (at national and/or international level)",
    ],
)
ROWS.append(
    PolicyRow(
        "",
        "Explanation",
        (
            (
                R(
                    "The policy offers support for cluster organisations and for R&D projects, "
                    "business support, business creation, investments, starting incubators, "
                    "entrepreneurship support and opportunities to network with knowledge sharers."
                ),
            ),
            (
                R(
                    "The Competitive Cluster policy offers support for R&D, attraction of foreign "
                    "investment and exports, investment subsidies, infrastructure and equipment, "
                    "and hard skill and soft skills training."
                ),
            ),
        ),
    )
)
ROWS += [
    PolicyRow("HISTORY", "Period", ((B("Limited period"),), (B("Unlimited period"),))),
    PolicyRow(
        "",
        "Ending year *(for policies with limited period)*",
        (
            (
                B("Spearhead Clusters = 2026"),
                B("Business Innovative Networks = 3 years after start of each individual project"),
            ),
            (B("No indication that the policy is limited"),),
        ),
    ),
    PolicyRow("", "Starting year", ((B("2016"),), (B("2005"),))),
    PolicyRow(
        "",
        "Explanation",
        (
            (
                R("The policy was put in place by the Flemish Government March 4th, 2016."),
                R("Spearhead Clusters have a maximum financing of up to 10 years. Ending year= 2026."),
                R(
                    "Business Innovative Networks have a maximum financing of 3 years. Ending "
                    "year= 3 years after start of each individual projects."
                ),
            ),
            (
                R(
                    "The Competitive Clusters policy was launched in 2005 by Walloon Region on the "
                    "basis of a study of the leading sectors in Wallonia. Their mission is to "
                    "initiate innovative projects resulting from the synergy between companies, "
                    "universities, and research centres and centres of competence. Competitive "
                    "Clusters are mainly supported to carry out investment, research and "
                    "development or training projects in line with their own strategy, with a view "
                    "to valorisation, particularly at the international level."
                ),
            ),
        ),
    ),
    PolicyRow("BUDGET", "Overall", ((R("No data available"),), (R("No data available"),))),
    PolicyRow("", "Annual", ((R("No data available"),), (R("Data not available"),))),
    PolicyRow(
        "",
        "Source of funding",
        (
            (
                R(
                    "For the cluster organisations, 50% of funding comes from Flemish Government "
                    "and 50% from private investors."
                ),
            ),
            (
                R(
                    "Part of the funding is provided by the Walloon government through the "
                    "implementing Agency Public Service of Wallonia. Private investors also "
                    "contribute towards the programme."
                ),
            ),
        ),
    ),
    PolicyRow("POLICY EVALUATION", "Availability", ((B("in-itinere"),), (B("in-itinere"),))),
    PolicyRow(
        "",
        "Results",
        (
            (
                R(
                    "Every second year the cluster organisations are subject to an intermediary "
                    "evaluation. This consists of a self-evaluation and an update of the work "
                    "programme. Together with an evaluation of results and impact, this will "
                    "motivate the decision on the continuation of the financial support to the "
                    "cluster organisation by VLAIO."
                ),
            ),
            (
                R(
                    "Over 467 projects so far, out of which 335 were R&D projects. Projects led to "
                    "over 187 international collaborations, over 190 patent applications and 13 "
                    "licenses sold. This has led to the creation of over 4,205 jobs and 27 "
                    "companies. In terms of knowledge transfer and training, there have been "
                    "difficulties reaching the main target audience (employees of SMEs) because "
                    "trainings did not always correspond with their needs and there was not an "
                    "overall strategy."
                ),
            ),
        ),
    ),
    PolicyRow(
        "",
        "",
        (
            (
                R(
                    "After five years, the number of companies involved in cluster organisations "
                    "grew over 3.000; 302 cluster projects were initiated and raised EUR 291 "
                    "million in support, complemented with EUR 122 million from private companies. "
                    "An evaluation of the yearly impact of the cluster policy revealed that the "
                    "cluster programme contributed in 2021 to EUR 34 billion additional turn over; "
                    "cluster members also see the added value of participating in a cluster: 70% "
                    "of the member companies sees or expects to see a contribution to their "
                    "competitiveness in the short term due to their involvement in the cluster "
                    "activities."
                ),
            ),
            E,
        ),
    ),
]
ROWS += _cats(
    "POLICY ALIGNMENT WITH THE EU PRIORITIES",
    "",
    ["Green economy", "Digital economy", "Resilience"],
    ["Green economy", "Digital economy", "Resilience"],
)

POLICY_TABLE = PolicyTable(
    policy_types=("Regional cluster policy", "Regional cluster policy"),
    policy_names=(FL, WA),
    rows=tuple(ROWS),
    caption="Table 3: Overview of Belgian cluster policy",
    source="Source: ECCP (2023).",
)

NACE_TABLE = Table(
    caption=(
        "Table 1: Number of regionally relevant sectoral agglomerations and Top 5 agglomerations "
        "by region (NACE)"
    ),
    header=(
        "Region",
        "# of agglomerations",
        "Agglomeration 1",
        "Agglomeration 2",
        "Agglomeration 3",
        "Agglomeration 4",
        "Agglomeration 5",
    ),
    rows=(
        (
            "BE1: Brussels Region",
            "10",
            "U99 – Activities of extraterritorial organisations",
            "K66 – Activities auxiliary to financial services and insurance",
            "J61 – Telecommunications",
            "M70 – Activities of head offices",
            "N81 – Services to buildings and landscape activities",
        ),
        (
            "BE2: Flemish Region",
            "6",
            "U99 – Activities of extraterritorial organisations",
            "N78 - Employment activities",
            "M70 – Activities of head offices",
            "C20 – Manufacture of chemical products",
            "N81 – Services to buildings and landscape activities",
        ),
        (
            "BE3: Walloon Region",
            "7",
            "U99 – Activities of extraterritorial organisations",
            "Q87 – Residential care activities",
            "N78 - Employment activities",
            "N81 – Services to buildings and landscape activities",
            "Q88 – Social work activities",
        ),
    ),
    widths=(14, 23, 26.6, 26.6, 26.6, 26.6, 26.6),
    source="Source: ECCP (2023), own elaboration from Eurostat.",
    small=True,
)

ECOSYSTEM_TABLE = Table(
    caption="Table 2: Regionally relevant ecosystem agglomerations",
    header=("Region", "Number of ecosystem agglomerations", "Agglomeration 1"),
    rows=(
        ("BE1: Brussels Region", "1", "Health"),
        ("BE2: Flemish Region", "0", "-"),
        ("BE3: Walloon Region", "1", "Health"),
    ),
    widths=(40, 40, 40),
    source="Source: ECCP (2023), own elaboration from Eurostat.",
)

STATE_TABLE = Table(
    caption="Table 4: State of play",
    header=("Belgium", "State of play"),
    rows=(
        ("POLICY SCOPE", "Absence of cluster policy"),
        ("", "Broad policy"),
        ("", "Sectoral policy"),
        ("", "National and/or regional cluster policy"),
        ("CONTINUITY", "No cluster-specific policy available"),
        ("", "Cluster policy established recently"),
        ("", "Cluster policy established between over 2 and 10 years"),
        ("", "Cluster policy established over 10 years ago"),
        ("EVIDENCE OF PERFORMANCE", "No evaluation and / or monitoring available"),
        ("", "Existence of evaluations of past policies"),
        ("", "Existence of monitoring or an ongoing / interim evaluation"),
        ("", "Existence of monitoring and ex-ante or ongoing / interim evaluation"),
        ("CLUSTER SUPPORT INSTRUMENTS", "No instruments for cluster development"),
        ("", "Financial support for cluster development in the broader and / or sectoral policy"),
        ("", "Financial or technical support for cluster development in dedicated cluster policy"),
        ("", "Financial and technical support for cluster development in dedicated cluster policy"),
    ),
    widths=(45, 125),
    source="Source: ECCP (2023).",
    group_first_col=True,
)

ANNEX_TABLE = Table(
    caption="Table 6: Analytical framework for the state of cluster policy",
    header=("Criterion", "Description", "Categorical variables"),
    rows=(
        (
            "Policy scope",
            "assessment whether the country has a dedicated cluster policy, or cluster creation "
            "and/or development is targeted through broader policies, e.g. foreign trade policies, "
            "labour and social policies or specific sectoral policies, e.g. industrial policy "
            "tourism policies, agriculture policies",
            (
                R("absence of cluster policy"),
                R("existence of broader policies"),
                R("existence of specific sectoral policies"),
                R("existence of targeted cluster policies"),
            ),
        ),
        (
            "Continuity of cluster policies",
            "assessment of the duration and experience of the country in carrying out cluster "
            "policies. This criterion assesses only existence of targeted cluster policies and not "
            "broader policies or sectoral policies",
            (
                R("absence of policies supporting cluster development"),
                R("cluster policy established recently (within the last 2 years)"),
                R("cluster policy established between over 2 and 10 years"),
                R("cluster policy established over 10 years ago"),
            ),
        ),
        (
            "Evidence of performance",
            "assessment whether there are evaluations of past and ongoing policies and a monitoring "
            "system in place. The existence of monitoring and evaluation mechanisms determines the "
            "degree of policy development in the country",
            (
                R("no evaluation and / or monitoring available"),
                R("existence of evaluations of past policies, e.g. ex-ante"),
                R("existence of monitoring or an ongoing / interim evaluation"),
                R("existence of monitoring and exante or ongoing / interim evaluation"),
            ),
        ),
        (
            "Cluster Support Instruments",
            "assessment whether the policies provide any instruments to support the policy "
            "implementation, being these financial and/or technical support",
            (
                R("no instruments for cluster development"),
                R("financial support for cluster development in the broader and / or sectoral policy"),
                R("financial or technical support for cluster development in dedicated cluster policy"),
                R("financial and technical support for cluster development in dedicated cluster policy"),
            ),
        ),
    ),
    widths=(30, 70, 70),
    source="Source: ECCP (2023).",
)

FN1 = (
    "1",
    "Belgium's recovery and resilience plan, https://dermine.belgium.be/sites/default/files/"
    "articles/FR%20-%20Plan%20national%20pour%20la%20reprise%20et%20la%20re%CC%81silience.pdf",
)
FN2 = (
    "2",
    "see here for more information https://clustercollaboration.eu/in-focus/industrial-ecosystems "
    "(last access 09.01.2023).",
)
FN3 = ("3", "see European Commission (2021): Annual Single Market Report, SWD(2022).")
FN4 = (
    "4",
    "for more information on the methodology please see the methodology note: "
    "https://clustercollaboration.eu/infocus/policy-acceleration/"
    "country-factsheets-on-cluster-policies-and-programmes (last access 09.01.2023).",
)
FN5 = (
    "5",
    "Many of the programmes of the 2014-2020 funding period have been terminated by December "
    "2023. However, the collaborative projects that were funded may continue to operate.",
)
FN6 = (
    "6",
    "https://economy-finance.ec.europa.eu/document/download/"
    "902ee834-3f42-409f-bcelc32193fa2c0e_en?filename=BE_SWD_2023_601_en.pdf",
)

BLOCKS = (
    Cover(kicker=(), title="Country factsheet", country="Belgium"),
    LegalNotice(
        "LEGAL NOTICE",
        "The information and views set out in this document are those of the author(s) and do "
        "not necessarily reflect the official opinion of EISMEA or the European Commission. "
        "Neither, EISMEA, nor the Commission can guarantee the accuracy of the data included in "
        "this document. Neither EISMEA, nor the Commission or any person acting on their behalf "
        "may be held responsible for the use which may be made of the information contained "
        "therein.",
    ),
    Toc(
        "Contents",
        (
            TocEntry("1. Introduction and economic policy context", "s1"),
            TocEntry("2. Industrial ecosystems and cluster landscape", "s2"),
            TocEntry("2.1 Employment in the 14 industrial ecosystems", "s21", 1),
            TocEntry("2.2 Regional agglomerations", "s22", 1),
            TocEntry("2.3 Cluster organisations & interregional coorperation", "s23", 1),
            TocEntry("3. National cluster policy, programmes and initiatives", "s3"),
            TocEntry("4. State of cluster policy and its role in broader economic policy challenges", "s4"),
            TocEntry("4.1 The state of cluster policy", "s41", 1),
            TocEntry(
                "4.2 Cluster policy's potential impact on challenges identified in the European "
                "Semester Report",
                "s42",
                1,
            ),
            TocEntry("Annex", "annex"),
        ),
    ),
    Heading("1. Introduction and economic policy context", 1, "s1"),
    Para(
        "This document presents an overview of the cluster policy in Belgium. Given the importance "
        "to contextualise the cluster policies (and related) analysed in the factsheets, a "
        "comprehensive outlook of the country in socioeconomic terms can be consulted in the "
        "European Semester Country Report for Belgium."
    ),
    Para(
        "The European Semester is an instrument introduced to coordinate the EU Member States' "
        'economic policies and address the economic challenges faced by the EU. Its goals are "to '
        "ensure sound public finances, to prevent excessive macroeconomic imbalances in the EU, to "
        'support structural reforms to create more jobs and growth, and to boost investment". '
        "Thus, it focuses on the following areas: business environment; financial and fiscal "
        "stability; green economy; public administration; labour market and skills; and, social "
        "protection and cohesion. Chapter 4.2 provides an overview on how Belgium's cluster policy "
        "can help to tackle the economic policy challenges identified in the European Semester "
        "country recommendations."
    ),
    Para(
        "As a consequence of the COVID-19 pandemic, European, as well as global economies, have "
        "been subject to severe output losses. In response, policymakers at the EU and national "
        "level have acted decisively and at short notice to make available very significant "
        "financial resources, notably through the Recovery and Resilience Facility, to tackle the "
        "threat of a prolonged downturn. National recovery and resilience plans have been drafted "
        "in each Member State to ensure a recovery that addresses the challenges identified in the "
        "European Semester. In addition to the COVID-19 pandemic, the ongoing Russian military "
        "aggression against Ukraine has also taken its toll on EU companies and industrial "
        "ecosystems, highlighting the significance of policy efforts in supporting SMEs and "
        "clusters."
    ),
    Para(
        "Belgium's recovery and resilience plan^1^ is structured around six pillars: climate, "
        "sustainability, and innovation; digital transformation; mobility; social and "
        "inclusiveness; economy of the future and productivity; and public finances. Clusters are "
        "mentioned in the National recovery and resilience plan and will be an important "
        "stakeholder for the implementation of those pillars. In Belgium industry, research, and "
        "innovation aspects as well as cluster support are handled by the regional authorities.",
        footnotes=(FN1,),
    ),
    Para(
        "The Flanders ERDF OP 2021-2027 OP mentions the expansion of investments at existing "
        "cluster organisations (including recognised spearhead clusters) under RSO1.1. Develop and "
        "strengthen research and innovation capacity and introduce advanced technologies. Clusters "
        "are among the beneficiaries. The Walloon ERDF OP 2021-2027 mentions clusters/pôles de "
        "compétitivité under Measure 5b. - Venture capital tool, support for innovation and seed: "
        "and commercialisation. Here, it is stated that coordination units have been set up which "
        "should include representatives of the relevant pôles de compétitivité or cluster "
        "organisations."
    ),
    Para(
        "In the following, a succinct overview of the cluster policy in Belgium will be provided. "
        "The structure of this factsheet generally encompasses:"
    ),
    Bullets(
        (
            "1) an overview of the industrial ecosystems and cluster landscape in Belgium,",
            "2) an overview of the Flemish and Walloon regional cluster policies,",
            "3) an assessment of the state of Belgian cluster policy and its role in broader "
            "economic policy challenges mentioned in the European Semester Reports.",
        )
    ),
    PageBreak(),
    Heading("2. Industrial ecosystems and cluster landscape", 1, "s2"),
    Heading("2.1 Employment in the 14 industrial ecosystems", 2, "s21"),
    Para(
        "As part of its Industrial Strategy (March 2020), the European Commission has identified 14 "
        "industrial ecosystems that encompass all players operating in a value chain.^2^ The "
        "classification of the 14 industrial ecosystems have been calculated by aggregating NACE 2 "
        "-digit activities, following the methodology established in the European Commission.^3^ "
        "This means that the data provided below can differ from other publications by the "
        "European Commission that do not consider the industrial ecosystem classification.",
        footnotes=(FN2, FN3),
    ),
    Para(
        "In the following figure, the employment share of Belgium and the EU27 in each industrial "
        "ecosystem is shown relative to the number of all employed persons in the 14 industrial "
        "ecosystems. The ecosystems are ordered, from top to bottom, according to the amount of "
        "employment in the country. When the bar for the country is higher than that of the EU27, "
        "it indicates that the country is more specialised in that ecosystem. The three main "
        'ecosystems by employment for Belgium are "Health", "Construction", and "Retail". In '
        'some industrial ecosystems (particularly in "Health", "Construction", and "Proximity '
        '& Social Economy") Belgium has employment shares higher than the EU27 average which '
        "indicates the relative strength of the country in those industrial ecosystems."
    ),
    Figure(
        "Figure 1: Employment across the industrial ecosystems",
        "Source: ECCP (2023), own elaboration from Eurostat.",
    ),
    Heading("2.2 Regional agglomerations", 2, "s22"),
    Para(
        "Economic activity is not equally distributed across regions in the EU but tends to "
        "agglomerate in certain places. In this context, an agglomeration is defined as the "
        "concentration of a certain industry, sector or ecosystem in a certain geographical area. "
        "The following section provides an analysis of, first, the sectoral agglomerations and, "
        "second, the ecosystem agglomerations in the regions. Agglomerations are operationalised "
        "through the employment-based Location Quotients (LQ), measuring the relative "
        "specialisation of one region compared to the EU level, as well as the employment size."
    ),
    Para(
        "If the LQ for a given activity-region combination is above 1.5, it is considered an "
        "agglomeration, and if the activity accounts for at least 1 % of total employment in the "
        "region, it is considered regionally relevant.^4^ The following tables shows the total "
        "number of regionally relevant agglomerations in each region in the country and "
        "identifies the top five most specialised of these agglomerations. The first table focuses "
        "on the 88 NACE 2-digit activities or sectors, totalling 23 agglomerations in the country, "
        "while the second table is based on the 14 ecosystems, which total 2 agglomerations in the "
        "country.",
        footnotes=(FN4,),
    ),
    NACE_TABLE,
    Para(
        "As mentioned at the beginning of this Chapter, the NACE 2-digit activities have been "
        "aggregated to the 14 EU industrial ecosystems following the methodology established by "
        "the European Commission. Table 2 provides an overview of the regional distribution of "
        "industrial ecosystem agglomerations. Overall, there are fewer numbers of ecosystem "
        "agglomerations compared to the regionally relevant sectoral agglomerations by NACE "
        "sectors. This more concentrated agglomeration can at least partially be linked to the "
        "methodology of measurement of the 14 industrial ecosystems. For the capital region of "
        "Brussels (BE1), its digital ecosystem hub is reflecting its NACE agglomerations in "
        "telecommunications (J61) and its auxiliary activities to financial services and insurance "
        "(K66), while its health ecosystem, less obviously, can be connected to activities of head "
        "offices (M70), considering that Belgium is one of the major European hubs for "
        "multinational corporations in the pharmaceuticals sector. This also further underlines "
        "the relevance of the health sector for Belgium that was outlined before in Figure 1."
    ),
    ECOSYSTEM_TABLE,
    Heading("2.3 Cluster organisations & interregional cooperation", 2, "s23"),
    Heading("Cluster organisations in the regions", 3),
    Para(
        "There are 46 cluster organisations registered on the ECCP from Belgium. With 18 cluster "
        "organisations the majority of Belgian cluster organisations registered on the ECCP are "
        "located in the Flemish region followed by 16 cluster organisations in the Walloon region "
        "and 2 cluster organisations in Brussels. These Belgian ECCP registered cluster "
        "organisations represent around 6,500 companies (around 1,000 large enterprises and around "
        "5,500 SMEs). The following figure shows the presence of cluster organisations in the "
        "different regions."
    ),
    Figure(
        "Figure 2: Cluster organisations profiled and active on the ECCP",
        "Source: ECCP (2023). Note: the data for the analysis was extracted on 21/12/2023.",
        bars=3,
        height_mm=50,
    ),
    Para(
        "SMEs (77%, EU: 83%) followed by large enterprises (14%, EU: 9%) and research "
        "organisations (9%, EU: 8%) constitute the majority of member organisations of Belgian "
        "cluster organisations with profiles on the ECCP. From a thematic perspective, these "
        "Belgian cluster organisations are operating in the industrial ecosystems listed below. "
        "Since cluster organisations on the ECCP can be allocated to multiple industrial "
        "ecosystems, the number of cluster organisations per industrial ecosystem can be higher "
        "than the overall number of cluster organisations in the country. Overall, the following "
        'list underlines that the Belgian strengths in terms of employment (e.g., in "Health", '
        '"Digital", and "Construction") are also largely reflected in the Belgian ECCP '
        "registered cluster organisations."
    ),
    Bullets(
        (
            "Health (6 cluster organisations)",
            "Digital (5 clusterorganisations)",
            "Agri-food (5 cluster organisations)",
            "Construction (5 cluster organisations)",
            "Renewable Energy (5 cluster organisations)",
            "Energy Intensive Industries (5 cluster organisations)",
            "Mobility-Transport-Automotive (3 cluster organisations)",
            "Aerospace & Defence (2cluster organisations)",
            "Creative & Cultural Industries (1 cluster organisation)",
            "Tourism (1 cluster organisation)",
            "Textile (1 cluster organisation)",
            "Electronics (1 cluster organisation)",
        )
    ),
    Heading("Interregional cooperation", 3),
    Para(
        "In the 2014-2020 funding period^5^, the European Cluster Partnerships and the INNOSUP-1 "
        "initiative have been launched by the European Commission to encourage clusters from "
        "Europe to intensify collaboration across regions and sectors. Belgian cluster "
        "organisations have been involved in 42 consortia of the European Strategic Cluster "
        "Partnerships out of which 33 partnerships were focusing on internationalisation "
        "(ESCP-4i), six partnerships were on cluster management excellence (ESCP-4x) and three "
        "partnerships were on smart specialisation (ESCP-S3). Consortia partners came from 21 "
        "different EU member states (FR, DE, LT, PL, CZ, PT, SE, ES, IT, EE, DK, HU, TR, AT, UK, "
        "BG, NL, SK, LV, RO, EL). 21 Belgian cluster organisations participated in the INNOSUP-1 "
        "initiative with partner organisations coming from 21 countries (FR, NL, ES, IE, PL, PT, "
        "IT, SI, CZ, NO, HU, DE, UK, RS, LU, EL, LT, AT, DK, SE, EL).",
        footnotes=(FN5,),
    ),
    Para(
        "In the 2021-2027 funding period, the Single Market Programme supports clusters as part "
        "of the Joint Cluster Initiatives (Euroclusters) for Europe's recovery. From Belgium, six "
        "clusters are part of eight Euroclusters with partners from 18 countries (FR, ES, EL, EE, "
        "DE, NL, PL, IT, LT, HU, RO, SE, DK, NO, PT, LV, HR). These Euroclusters are B-Resilient, "
        "BioMan4R2, CREATHRIV-EU, DREAM, ELBE Eurocluster, GEMSTONE, LEVIATAD and SocialTech4EU. "
        'Collectively, they cover nine industrial ecosystems: "Aerospace and Defence", '
        '"Renewables", "Digital Industries", "Cultural & Creative culture industries", '
        '"Mobility, transport and automotive", "Energy-intensive industries", "Agri-food", '
        '"Proximity and social economy", and "Health".'
    ),
    Divider("03", "National cluster policy, programmes and initiatives", TAGLINE),
    Heading("3. National cluster policy, programmes and initiatives", 1, "s3"),
    Para(
        "In this section, we provide an overview of the existing Belgian cluster policies at the "
        "regional level. In Belgium, industry, research, and innovation aspects as well as cluster "
        "support is handled by the regional authorities. The breakdown is presented in the form of "
        "a table, with the first column showcasing information on the aspects which constitute "
        "the policy (beginning with 'Policy Objectives', following with 'Policy Focus', etc.). The "
        "second column represents the case of the Flemish cluster policy, whilst the third "
        "represents the Walloon cluster policy."
    ),
    Para(
        "Furthermore, there is the case of '[Hub.Brussels](#)' in the Brussles-Capital Region, "
        "which collaborates with different actors and clusters involved in a variety of industries "
        "and sectors. However, Hub.Brussels qualifies more as a regional agency for business "
        "support in Brussels and not as a cluster policy, which is why it will not be elaborated "
        "on in greater detail, in parallel to the regional cluster policies in Flanders and "
        "Wallonia, respectively."
    ),
    Para(
        "Within the table, the text presented in bold (black) depicts standardised categories "
        "across country factsheets (56 in total for 2023), which are applied for comparative "
        "purposes. This is followed by a complementary descriptive text to provide more insights "
        "into the cluster policy in Belgium."
    ),
    POLICY_TABLE,
    PageBreak(),
    Heading("4. State of cluster policy and its role in broader economic policy challenges", 1, "s4"),
    Heading("4.1 The state of cluster policy", 2, "s41"),
    Para(
        "This section presents an overview on the state of play of Belgian cluster policy in the "
        "form of a qualitative assessment across four categories of analysis – policy scope, "
        "continuity of cluster policies, evidence of performance, and the range of cluster "
        "support instruments. Please refer to the **Annex** for the detailed overview of the "
        "categories and the scoring system. The table below presents an overview of the **state of "
        "play of Belgian cluster policy** for 2023."
    ),
    STATE_TABLE,
    Para(
        "The text below provides a qualitative description of the state of play of the cluster "
        "policy in Belgium."
    ),
    Heading("Policy scope", 3),
    Para(
        "Belgium does not have any national cluster policies; it however has regional cluster "
        "policies. Belgium is divided into three Regions: Flemish Region, Walloon Region and "
        "Brussels-Capital Region. Each of these regions have developed cluster policies based on "
        "industries in their regions."
    ),
    Para(
        "For example, the Flemish Region has cluster policies dating back to the late 1980s/early "
        "90s with clear continuity through the years and through several government changes. "
        "Walloon Region has the Competitive and Business Clusters Policies (both in progress but "
        "pursuing different goals: networking and support of collaborative RDI projects)."
    ),
    Heading("Continuity", 3),
    Para(
        "The Flemish government developed the earliest cluster policies in Belgium. In the late "
        "1980s-90s, the government developed a top-down cluster policy that designated six "
        "clusters to encourage collaboration amongst the different sectors. In 1999, cluster "
        'initiatives were integrated into the "Innovation Decree," which gave the Flemish '
        "government authority to expand the R&D policy to include more organisations such as SMEs "
        'and research organisations. From this came demand-driven cluster networks or "Competence '
        'Poles" in 2005. In 2006, the government developed the "Flanders in Action" programme '
        'policy targeting smart specialisation. Building upon the "Flanders in Action" Programme, '
        'Flanders has the "Flanders Innovation Clusters" policy today.'
    ),
    Para(
        "As with the Flemish Region, Walloon Region also has a history of cluster policies dating "
        "back to the early 2000s, with the implementation of pilot projects clusters in 2001, the "
        "emergence of competitive clusters in 2005. From 2007 onwards, the Business and "
        "Competitive Cluster policies was initiated. Cluster policies in Belgium do not appear to "
        "have gap periods; with each terminated policy, a new policy has been implemented almost "
        "immediately."
    ),
    Heading("Evidence of performance", 3),
    Para(
        "Regional cluster policies are constantly monitored by the implementing body. In Flanders, "
        "every second year, cluster organisations are subject to an intermediary evaluation. After "
        "five years, the number of companies involved in cluster organisations grew over 3.000; "
        "302 cluster projects were initiated and raised EUR 291 million in support, complemented "
        "with EUR 122 million from private companies. An evaluation of the yearly impact of the "
        "cluster policy revealed that the cluster programme contributed in 2021 to EUR 34 billion "
        "additional turn over cluster members also see the added value of participating in a "
        "cluster. In Wallonia, 467 projects out of which 335 projects were R&D projects, have been "
        "completed. Projects led to over 187 international collaborations, over 190 patent "
        "applications and 13 licences sold. This has led to creation of over 4,205 jobs and 27 "
        "companies created."
    ),
    Heading("Cluster support instruments", 3),
    Para(
        "In the Flemish as well as the Walloon regions of Belgium, non-financial and financial "
        "support instruments are offered in the context of the regional cluster policies. As "
        "financial and non-financial instruments, the Flemish region offers support for R&D, "
        "business support, business creation, investments, starting incubators, entrepreneurship "
        "support and opportunities to network with knowledge sharers. The Walloon Competitive "
        "Cluster policy offers support for R&D, attraction of foreign investment and exports, "
        "investment subsidies, infrastructure and equipment, and hard skill and soft skills "
        "training. Business clusters are also supporting the development of SMEs and their "
        "integration into ecosystems."
    ),
    Heading(
        "4.2 Cluster policy's potential impact on challenges identified in the European Semester Report",
        2,
        "s42",
    ),
    Para(
        "Cluster policy can provide important support to broader economic policy efforts. This "
        "section shows how Belgian cluster policy can play a role in addressing the challenges "
        "identified in the European Semester Report for the country. To this end, the European "
        "Semester 2023 country report for Belgium^6^ has been analysed across policy areas "
        "relevant to cluster policy. The results point to a series of issues where cluster policy "
        "can play an important role in tackling the country's economic challenges.",
        footnotes=(FN6,),
    ),
    PageBreak(),
    Heading("Annex", 1, "annex"),
    ANNEX_TABLE,
)

FACTSHEET = Factsheet(
    slug="eccp-factsheet-be-2023",
    country="Belgium",
    title="Country factsheet Belgium",
    header_left="EUROPEAN CLUSTER COLLABORATION PLATFORM",
    header_right="Country factsheet Belgium",
    blocks=BLOCKS,
)
