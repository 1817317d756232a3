"""ECCP country factsheet Luxembourg 2022, transcribed from the seed text.

Wording, typographic quotes and spellings are kept as in the source.  The bibliography is
kept (it is short); the figures are drawn as placeholders because the source gives no values.
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
    PageBreak,
    Para,
    PolicyRow,
    PolicyTable,
    R,
    Table,
    Toc,
    TocEntry,
)

FN1 = (
    "1",
    "see here for more information https://clustercollaboration.eu/in-focus/industrial-ecosystems "
    "(last access 09.01.2023).",
)
FN2 = ("2", "see European Commission (2021): Annual Single Market Report, SWD(2021)351.")
FN3 = (
    "3",
    "for more information on the methodology please see the methodology note: "
    "https://clustercollaboration.eu/in-focus/policy-acceleration/"
    "country-factsheets-on-cluster-policies-and-programmes (last access 09.01.2023).",
)

# --------------------------------------------------------------------------- policy table

POLICY_TABLE = PolicyTable(
    policy_types=("National cluster policy",),
    policy_names=("Luxembourg Cluster Initiative",),
    source="Source: ECCP (2022)",
    rows=(
        PolicyRow(
            "POLICY OBJECTIVES",
            "",
            (
                (
                    B("Strengthening cooperation between companies or industry and RTDI actors"),
                    B("Increasing competitiveness and boosting scale up of SMEs"),
                    B("Supporting internationalisation activities"),
                    B("Enhancing the visibility of clusters"),
                    B("Fostering R&D activities, technology development and implementation"),
                    B("Fostering innovation and strengthening innovation ecosystems"),
                    B("Supporting the consolidation of existing cluster organisations"),
                    B("Supporting the creation of new cluster organisations"),
                    B("Promoting entrepreneurship, start-ups and spin-offs"),
                    B("Promoting employment and upgrading skills and competences"),
                    B("Strengthening the network of cluster organisations/cross-clustering"),
                    R(
                        "The Luxembourg Cluster Initiative aims to bring together various clusters and "
                        "innovation networks based in the country to: foster communication and the "
                        "exchange of knowledge and know-how between cluster and innovation network "
                        "members; stimulate the development and implementation of collaborative "
                        "projects on a national, European and an international level; enhance the "
                        "visibility of the technological excellence and the innovation potential of "
                        "cluster and innovation network members; and, encourage the uptake of new "
                        "technologies and the identification of potential business opportunities. "
                        "Ultimately, the Initiative is expected to boost competitiveness through "
                        "innovation, as well as to highlight the capabilities of Luxembourg's dynamic "
                        "innovation community"
                    ),
                ),
            ),
        ),
        PolicyRow(
            "POLICY FOCUS",
            "",
            (
                (
                    B("Cross-sectoral"),
                    R(
                        "The focus of the Luxembourg Cluster Initiative is placed on strategic "
                        "technology domains identified as being important to further boost already "
                        "successful economic fields in Luxembourg as well as to develop new synergies "
                        "which show the greatest potential for the future sustainable development of "
                        "the national economy. So far, the domains are Eco-Innovation Technologies; "
                        "Healthcare and Biotechnologies; Information & Communication Technologies; "
                        "Materials Technologies; and, Space Technologies, Logistics and Maritime "
                        "activities."
                    ),
                ),
            ),
        ),
        PolicyRow(
            "RESPONSIBLE AUTHORITIES",
            "",
            (
                (
                    B("In charge of drafting"),
                    B("In charge of implementation"),
                    B("Provides funding"),
                    B("Oversees the implementation"),
                ),
            ),
        ),
        PolicyRow(
            "",
            "",
            (
                (
                    R(
                        "The Ministry of Economy is responsible of drafting, providing funds and "
                        "overseeing the implementation, while Luxinnovation, (the national agency for "
                        "the promotion of innovation and research) oversees the implementation."
                    ),
                ),
            ),
        ),
        PolicyRow(
            "BENEFICIARIES",
            "",
            (
                (
                    B("SMEs"),
                    B("Cluster organisations"),
                    B("Research organisations"),
                    B("Academic institutions"),
                    B("Start-ups"),
                    B("Large firms"),
                    B("Technology centres"),
                ),
            ),
        ),
        PolicyRow(
            "",
            "",
            (
                (
                    R(
                        "The beneficiaries are cluster organisations, SMEs, large companies and public "
                        "research institutions and to a large extent, other actors in involved in the "
                        "cluster organisations and their activities."
                    ),
                ),
            ),
        ),
        PolicyRow(
            "INSTRUMENTS",
            "Financial",
            (
                (
                    B("Funding collaboration initiatives"),
                    B("Support to R&D projects, SMEs becoming cluster members, etc."),
                    B("Subsidies to hire personnel"),
                    B("Subsidies for cluster infrastructure (e.g. offices, equipment)"),
                    B("Financing networking events"),
                ),
            ),
        ),
        PolicyRow(
            "",
            "",
            (
                (
                    B(
                        "Supporting market entry (e.g. testing, proof-of concept, prototyping, "
                        "demonstration projects)"
                    ),
                    B("Financing start-ups"),
                    B("Innovation: voucher, support to hire PhDs, cooperation with R&I actors"),
                ),
            ),
        ),
        PolicyRow(
            "",
            "Technical assistance",
            (
                (
                    B(
                        "Support for hard skill development: knowledge transfer, intellectual "
                        "property, entrepreneurship, export advice, market intelligence"
                    ),
                    B(
                        "Support for networking and partnership building (at national and/or "
                        "international level)"
                    ),
                    B("Marketing activities: advertising, communication, events, fairs, etc."),
                ),
            ),
        ),
        PolicyRow(
            "",
            "Explanation",
            (
                (
                    R(
                        "The Luxembourg Cluster Initiative supports beneficiaries in the "
                        "identification of their specific needs and provides guidance towards the "
                        "most appropriate solutions from a wide range of internal services or "
                        "redirecting them to the most relevant partners. Beneficiaries can access "
                        "cluster knowledge, resources and networks to optimise their know-how "
                        "expertise and build on better processes, higher productivity and increased "
                        "cooperative RDI, which will enable them to access to potential new markets "
                        "or new growth opportunities. In a collaborative and cross-sectoral way, the "
                        "Cluster initiative offers support to develop, from an innovative idea, and "
                        "in collaboration with other private or public partners, a flagship project "
                        "to contribute to the development of the ecosystem and, beyond, the national "
                        "economy."
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
                        "There two national funding programmes targeting cluster organisations: "
                        "Investment Aid for Innovation Clusters, to support the construction or "
                        "upgrade of innovation clusters, financing the costs in intangible and "
                        "tangible assets, and Aid For The Operation Of Innovation Clusters, funding "
                        "the operational costs of cluster organisations, in particular, it covers 50% "
                        "of the personnel and administrative costs (including overhead costs)."
                    ),
                ),
            ),
        ),
        PolicyRow("HISTORY", "Period", ((B("Unlimited period"),),)),
        PolicyRow("", "Ending year *(for policies with limited period)*", ((B("Data not available"),),)),
        PolicyRow("", "Starting year", ((B("2002"),),)),
        PolicyRow("", "Explanation", ((R("No information provided about the ending year."),),)),
        PolicyRow("BUDGET", "Overall", ((R("The information is not publicly available."),),)),
        PolicyRow("", "Annual", ((R("The information is not publicly available."),),)),
        PolicyRow("", "Source of funding", ((R("Ministry of Economy"),),)),
        PolicyRow("POLICY EVALUATION", "Availability", ((B("No policy evaluation"),),)),
        PolicyRow(
            "",
            "Results",
            (
                (
                    R(
                        "In 2014, the Initiative set the following objectives: to contribute to the "
                        "creation of 3,000 new jobs and 300 new companies by 2020, but no evaluation "
                        "has been conducted thus far."
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
                        "“The objectives of the next performance contract (2018-2021) are being "
                        "finalised. We are aiming for some 200 collaborative projects from cluster "
                        "activities to be implemented or to be supported by cluster management. 40 of "
                        "these projects will benefit from national RDI-type financing, four of which "
                        "will be the subject of a public-private partnership and two of which are for "
                        "RDI-type innovation clusters or research infrastructure” Johnny Brebels, Head "
                        "of Cluster Initiative & Flagship Projects, Luxinnovation"
                    ),
                ),
            ),
        ),
        PolicyRow(
            "POLICY ALIGNMENT WITH THE EU PRIORITIES",
            "",
            ((B("Green economy"), B("Digitalisation")),),
        ),
    ),
)

# --------------------------------------------------------------------------- other tables

NACE_TABLE = Table(
    caption="Table 1: Number of regionally relevant sectoral nodes and Top 5 nodes by region (NACE)",
    header=("Region", "Number of nodes", "Node 1", "Node 2", "Node 3", "Node 4", "Node 5"),
    rows=(
        (
            "LU: Luxembourg",
            "12",
            "U99 - Extraterr. organisations & bodies",
            "K64 - Financial services",
            "K66 - Auxiliary financial activities",
            "H53 – Postal and courier activities",
            "J61 - Telecommunications",
        ),
    ),
    widths=(20, 15, 27, 27, 27, 27, 27),
    source="Source: Own elaboration from Eurostat and National Statistical Offices",
    small=True,
)

ECOSYSTEM_TABLE = Table(
    caption="Table 2: Regionally relevant ecosystem nodes",
    header=("Region", "Number of ecosystem nodes", "Node 1", "Node 2"),
    rows=(("LU: Luxembourg", "2", "Digital", "Construction"),),
    widths=(30, 30, 30, 30),
    source="Source: Own elaboration from Eurostat and National Statistical Offices",
)

MATURITY_TABLE = Table(
    header=("Luxembourg", "MATURITY ASSESSMENT", "Max score", "Actual score"),
    rows=(
        ("POLICY SCOPE", "Absence of cluster policy", "0", ""),
        ("", "Broad policy", "0,5", ""),
        ("", "Sectoral policy", "1", ""),
        ("", "National and/or regional cluster policy", "2", "2"),
        ("CONTINUITY", "No cluster-specific policy available", "0", ""),
        ("", "Cluster policy established recently", "0,5", ""),
        ("", "Cluster policy established between over 2 and 10 years", "1", ""),
        ("", "Cluster policy established over 10 years ago", "2", "2"),
        ("EVIDENCE OF PERFORMANCE", "No evaluation and / or monitoring available", "0", "0"),
        ("", "Existence of evaluations of past policies", "0,5", ""),
        ("", "Existence of monitoring or an ongoing / interim evaluation", "1", ""),
        ("", "Existence of monitoring and ex-ante or ongoing / interim evaluation", "2", ""),
        ("CLUSTER SUPPORT INSTRUMENTS", "No instruments for cluster development", "0", ""),
        (
            "",
            "Financial support for cluster development in the broader and / or sectoral policy",
            "0,5",
            "",
        ),
        (
            "",
            "Financial or technical support for cluster development in dedicated cluster policy",
            "1",
            "",
        ),
        (
            "",
            "Financial and technical support for cluster development in dedicated cluster policy",
            "2",
            "2",
        ),
        ("TOTAL (8)", "", "", "6"),
    ),
    widths=(40, 90, 20, 20),
    source="Source: ECCP (2022)",
    group_first_col=True,
    total_span=3,
    align_right_cols=(2, 3),
)

ANNEX_TABLE = Table(
    header=("Criterion of maturity assessment", "Description", "Scoring (points between 0 and 2)"),
    rows=(
        (
            "Policy scope",
            "Assessment whether the country has a dedicated cluster policy, or cluster creation "
            "and/or development is targeted through broader policies, e.g. foreign trade policies, "
            "labour and social policies or specific sectoral policies, e.g. industrial policy "
            "tourism policies, agriculture policies",
            (
                R("absence of cluster policy = 0"),
                R("existence of broader policies = 0,5"),
                R("existence of specific sectoral policies = 1"),
                R("existence of targeted cluster policies = 2"),
            ),
        ),
        (
            "Continuity of cluster policies",
            "Assessment of the duration and experience of the country in carrying out cluster "
            "policies. This criterion assesses only existence of targeted cluster policies and not "
            "broader policies or sectoral policies",
            (
                R("absence of policies supporting cluster development = 0"),
                R("cluster policy established recently (within the last 2 years) = 0,5"),
                R("cluster policy established between over 2 and 10 years = 1"),
                R("cluster policy established over 10 years ago = 2"),
            ),
        ),
        (
            "Evidence of performance",
            "Assessment whether there are evaluations of past and ongoing policies and a monitoring "
            "system in place. The existence of monitoring and evaluation mechanisms determines the "
            "degree of policy development in the country",
            (
                R("no evaluation and / or monitoring available = 0"),
                R("existence of evaluations of past policies, e.g. ex-ante = 0,5"),
                R("existence of monitoring or an ongoing / interim evaluation =1"),
                R("existence of monitoring and ex-ante or ongoing / interim evaluation =2"),
            ),
        ),
        (
            "Cluster Support Instruments",
            "Assessment whether the policies provide any instruments to support the policy "
            "implementation, being these financial and/or technical support",
            (
                R("no instruments for cluster development =0"),
                R("financial support for cluster development in the broader and / or sectoral policy = 0,5"),
                R("financial or technical support for cluster development in dedicated cluster policy = 1"),
                R("financial and technical support for cluster development in dedicated cluster policy = 2"),
            ),
        ),
    ),
    widths=(30, 70, 70),
    source="Source: ECCP (2022).",
)

# --------------------------------------------------------------------------- document

BLOCKS = (
    Cover(
        kicker=("EUROPEAN CLUSTER", "COLLABORATION PLATFORM"),
        title="Country factsheet",
        country="Luxembourg",
        footer="An initiative of the European Union",
    ),
    Toc(
        "Content",
        (
            TocEntry("Introduction", "intro"),
            TocEntry("1. Industrial ecosystems and cluster landscape", "s1"),
            TocEntry("Employment in the 14 ecosystems in the country", "s1a", 1),
            TocEntry("Regionally relevant nodes (agglomerations)", "s1b", 1),
            TocEntry("Cluster organisations in the country", "s1c", 1),
            TocEntry("2. National cluster policy, programmes and initiatives", "s2"),
            TocEntry("3. State of play of cluster policy", "s3"),
            TocEntry("Bibliography", "bib"),
            TocEntry("Annex", "annex"),
        ),
    ),
    Heading("Introduction", 1, "intro"),
    Para(
        "This document presents an overview of the cluster policy in Luxembourg. Given the "
        "importance to contextualise the cluster policies (and related) analysed in the "
        "factsheets, a comprehensive outlook of the country in socioeconomic terms can be "
        "consulted in the [European Semester Country Report for Luxembourg](#)."
    ),
    Para(
        "The European Semester was an instrument introduced to coordinate the EU Member States "
        "economic policies and address the economic challenges faced by the EU. Its goals are “to "
        "ensure sound public finances, to prevent excessive macroeconomic imbalances in the EU, to "
        "support structural reforms to create more jobs and growth, and to boost investment”. "
        "Thus, it focuses on the following areas: business environment; financial and fiscal "
        "stability; green economy; public administration; labour market and skills; and, social "
        "protection and cohesion."
    ),
    Para(
        "The COVID-19 pandemic has caused an unprecedented economic shock to the European and "
        "global economy. In response, policymakers at EU and national level have acted decisively "
        "and at short notice to make available very significant financial resources, notably "
        "through the Recovery and Resilience Facility, to tackle the threat of a prolonged "
        "downturn. [National recovery and resilience plans](#) have been drafted in each Member "
        "State to ensure a recovery that addresses the challenges identified in the European "
        "Semester. The [national recovery and resilience plan for Luxembourg](#), endorsed by the "
        "European Commission on 18 June 2021, do not refer directly to clusters in order to "
        "support the implementation of the investment and reform measures presented. In addition "
        "to the COVID-19 pandemic, the ongoing Russian military aggression against Ukraine has "
        "also taken its toll on EU companies and industrial ecosystems, highlighting the "
        "significance of policy efforts in supporting SMEs and clusters."
    ),
    Para(
        "In the following, a succinct overview of the cluster policy in Luxembourg will be "
        "provided. The structure of this factsheet generally encompasses:"
    ),
    Bullets(
        (
            "1) an overview of the industrial ecosystems and cluster landscape in Luxembourg",
            "2) an overview of the national cluster policy and an insight into the regional cluster policy,",
            "3) an assessment of the state of play of the national cluster policy.",
        )
    ),
    Divider("01", "Industrial ecosystems and cluster landscape", TAGLINE),
    Heading("1. Industrial ecosystems and cluster landscape", 1, "s1"),
    Heading("Employment in the 14 ecosystems in the country", 2, "s1a"),
    Para(
        "As part of its Industrial Strategy (March 2020), the European Commission has selected 14 "
        "industrial ecosystems that are particularly relevant in Europe and encompass all players "
        "operating in a value chain.^1^ The classification of the 14 industrial ecosystems have "
        "been calculated by aggregating NACE 2 -digit activities, following the methodology "
        "established in the European Commission.^2^",
        footnotes=(FN1, FN2),
    ),
    Para(
        "In Figure 1, the employment share of Luxembourg and the EU27 in each industrial ecosystem "
        "is shown relative to the number of employed persons in the 14 industrial ecosystems. The "
        "ecosystems are ordered, from top to bottom, according to the amount of employment in the "
        "country. When the bar for the country is higher than that of the EU27, it indicates that "
        "the country is more specialised in that ecosystem. Here, the three main ecosystems by "
        "employment for Luxembourg are “Construction”, “Retail” and “Health”. In a number of "
        "industrial ecosystems (“Construction”, “Digital”, “Aerospace & Defence”) Luxembourg "
        "displays employment shares above the EU27 average which indicates the relative strength "
        "of Luxembourg in those industrial ecosystems."
    ),
    Figure(
        "Figure 1: Employment in the ecosystems",
        "Source: ECCP (2022), own elaboration based on data from Eurostat",
    ),
    Heading("Regionally relevant nodes (agglomerations)", 2, "s1b"),
    Para(
        "Economic activity, and therefore employment, is not equally distributed in all regions. "
        "Specialisation can be measured through Location Quotients (LQ) that reflect the relative "
        "specialisation of an activity in a region compared to the EU average. If the LQ for a "
        "given activity-region combination is above 1.5, it is considered a specialisation node, "
        "and if the activity accounts for at least 1 % of total employment in the region, it is "
        "considered regionally relevant.^3^ The following tables show the total number of "
        "regionally relevant specialisation nodes (agglomerations) in each region in the country "
        "and identifies the top five most specialised of these nodes. The first table focuses on "
        "the 88 NACE 2-digit activities or sectors, totalling 12 in the country, while the second "
        "table is based on the 14 ecosystems, which total 2 in the country.",
        footnotes=(FN3,),
    ),
    NACE_TABLE,
    Para(
        "Overall, there are fewer numbers of ecosystem nodes compared to the regionally relevant "
        "sectoral nodes by NACE sectors. This more concentrated agglomeration can at least "
        "partially be linked to the methodology of measurement of the 14 industrial ecosystems. "
        "The by far most relevant sectoral node (NACE) is the sector extraterritorial "
        "organisations & bodies. This is followed by sectoral node covering the financial and "
        "insurance activities, such as financial services (K64) and auxiliary financial "
        "activities (K66). However, none of these sectors is included in any of the 14 industrial "
        "ecosystems. The most relevant regionally relevant ecosystem node is “Digital”, which is "
        "reflected in the sectoral node for telecommunications (J61). Furthermore, there is a "
        "second node in the ecosystem “Construction”, which also makes up the largest ecosystem in "
        "the country in terms of employment (See Figure 1). This ecosystem node can be linked to "
        "the sectoral nodes in the construction of buildings (F41) and specialised construction "
        "activities (F43)."
    ),
    ECOSYSTEM_TABLE,
    Heading("Cluster organisations in the country", 2, "s1c"),
    Para(
        "As of October 2022, there is one cluster organisation (Cluster Maritime Luxembourgeois "
        "asbl / CML) in Luxembourg that is registered on the ECCP."
    ),
    Divider("02", "National cluster policy, programmes and initiatives", TAGLINE),
    Heading("2. National cluster policy, programmes and initiatives", 1, "s2"),
    Para(
        "In this section, we provide an overview of the existing national cluster policy of "
        "Luxembourg. The breakdown is presented in the form of a table, with the first column "
        "showcasing information on the aspects which constitute the policy (beginning with "
        "'Policy Objectives', following with 'Policy Focus', etc.). The second column represents "
        "the [Luxembourg Cluster Initiative](#), an initiative that was introduced in 2002."
    ),
    Para(
        "The thematic focus of the six clusters supported by the Luxembourg Cluster Initiative is "
        "set in economic strategic key areas of Luxembourg. The overall objective of the clusters "
        "is to further support strategic successful economic priority areas and to improve the "
        "sustainable development of Luxembourg. The thematic focus of the six clusters is on:"
    ),
    Bullets(
        (
            "Automobility by the [Luxembourg Automobility Cluster](#)",
            "Health-Tech by the [Luxembourg HealthTech Cluster](#)",
            "Creative industries by the [Luxembourg Creative Industries Cluster](#)",
            "Clean-Tech by the [Luxembourg CleanTech Cluster](#)",
            "Wood industry by the [Luxembourg Wood Cluster](#)",
            "Materials and manufacturing by the [Luxembourg Materials & Manufacturing Cluster](#)",
        )
    ),
    Para(
        "Within the table the text presented in bold (black) depicts standardised categories "
        "across country factsheets (56 in total for 2022), which are applied for comparative "
        "purposes. This is followed by a complementary descriptive text to provide more insights "
        "about the cluster policy in Luxembourg."
    ),
    POLICY_TABLE,
    Divider("03", "State of play of cluster policy", TAGLINE),
    Heading("3. State of play of cluster policy", 1, "s3"),
    Para(
        "This section presents an overview on the state of play of the Luxembourg cluster policy "
        "in the form of a quantitative and qualitative assessment. The data below illustrates how "
        "the country ranks in terms of **maturity of cluster policy at the national level**. The "
        "maturity assessment is based on a combination of factors presented in Chapter 2, which "
        "receive a score based on the existence or absence of a given element in the cluster "
        "policy. The regional cluster policy example is not included in this assessment."
    ),
    Para(
        "Note: the maturity assessment does not reflect the performance of a country, but only the "
        "degree of development of their national cluster policy at the moment of data collection "
        "(Q3 2022). The assessment illustrates how the country scores for each of the four "
        "criteria (policy scope, continuity of cluster policies, evidence of performance, cluster "
        "support instruments) compared to the maximum score that they can reach. Please refer to "
        "the **Annex** for the detailed overview of the categories and the scoring system."
    ),
    Para(
        "The table below presents an overview of the **maturity assessment for Luxembourg** for "
        "2022. The total score of Luxembourg is 6 points out of 8."
    ),
    MATURITY_TABLE,
    Para(
        "Drawing from the table above that showcases the scored points in Luxembourg's cluster "
        "policy, the Figure below portrays the **degree of maturity** across four categories "
        "related to the national level cluster policy."
    ),
    Figure("Figure 2: Maturity of cluster policy - Luxembourg", "Source: ECCP (2022)", bars=4, height_mm=55),
    Para(
        "The text below provides a qualitative description of the state of play of the cluster "
        "policy in Luxembourg, which is complementary to the maturity assessment presented above."
    ),
    Heading("Policy scope", 2),
    Para(
        'The "Luxembourg Cluster Initiative" was launched in 2002 and is a key element of the '
        "national cluster policy of Luxembourg. Overall, the initiative aims at promoting R&D "
        "activities and innovation efforts of companies as well as their cooperation with public "
        "research and educational institutions. In this context, clusters are considered an "
        "instrument for knowledge transfer and best practice exchange. The Luxembourg Cluster "
        "Initiative is managed by Luxinnovation, the national agency for innovation and research. "
        "Luxinnovation works closely with companies, research institutions and politics. In "
        "addition, two further clusters have been established in the field of logistics and "
        "maritime industries."
    ),
    Heading("Continuity", 2),
    Para(
        "Cluster policy was first implemented in 2002 with the creation of the Luxembourg Cluster "
        "Initiative, which has continued uninterrupted until now. In 2013, the cluster policy was "
        "structured in five pillars for enhanced cluster activities, namely: 1. Business "
        "development, 2. Internationalisation, 3. Flagship projects, 4. Branding, and 5. "
        "Prospection and promotion, which are still relevant today. The Cluster Initiative is "
        "still ongoing and no specific termination date is foreseen."
    ),
    Heading("Evidence of performance", 2),
    Para(
        "No policy evaluations or monitoring are available at the moment reflecting the impact "
        "and progress of the cluster initiative in Luxembourg."
    ),
    Heading("Cluster support instruments", 2),
    Para(
        "The Luxembourg Cluster Initiative offers different financial and technical support "
        "instruments on the national level. The Cluster Initiative is offering different "
        "stakeholders such as SMEs and networks, to support them with regards to their specific "
        "needs either through cluster knowledge and resources (technical support) or other "
        "financial support possibilities."
    ),
    Heading("Cross-regional / international cooperation", 2),
    Para(
        "The European Cluster Partnerships have been launched by the European Commission to "
        "encourage clusters from Europe to intensify collaboration across regions and sectors. "
        "Within the 2014-2020 funding period, one Luxembourg network, the Luxembourg Intrasoft "
        "International was involved in the INNOSUP-1 project [BLOCK.IS](#) with partners coming "
        "from BE, UK, ES, RS, IE, NL, DE, EL and LT."
    ),
    Para(
        "In the 2021-2027 funding period, no Euroclusters with participation of Luxembourg "
        "cluster organisations have been funded so far (March 2023)."
    ),
    Divider("", "Bibliography", TAGLINE),
    Heading("Bibliography", 1, "bib"),
    Para(
        "Bundesministerium für Wirtschaft und Klimaschutz: Luxembourg. Available at: "
        "https://www.clusterplattform.de/CLUSTER/Redaktion/DE/Standardartikel/Cluster_Europa/"
        "luxemburg-lang.html (last access on 30.01.2023)."
    ),
    Para(
        "Luxembourg Cluster Initiative. Available at: "
        "www.luxinnovation.lu/innovate-in-luxembourg/luxembourg-cluster-initiative/ (last access "
        "on 30.01.2023)."
    ),
    Para(
        "Investment aid for innovation clusters. Available at : "
        "www.innovation.public.lu/en/financer/competitivite/grants/investissement-poles-innovation/"
        "index.html (last access on 30.01.2023)."
    ),
    Para(
        "OECD (2016), OECD Reviews of Innovation Policy. LUXEMBOURG 2016. Available at: "
        "https://read.oecd-ilibrary.org/science-and-technology/"
        "oecd-reviews-of-innovation-policy-luxembourg-2016_9789264232297-en#page1 (last access on "
        "30.01.2023)."
    ),
    Para(
        "OECD (2015), OECD Economic Surveys Luxembourg. Accessed September 9, 2022. Available at: "
        "www.oecd.org/economy/surveys/Luxembourg-2015-overview.pdf (last access on 30.01.2023)."
    ),
    Para(
        "Luxembourg ICT Cluster (2015), Making Innovation Happen. One Stop Shop for Innovative "
        "Business Development."
    ),
    Para(
        "Grand Duchy of Luxembourg (2019), National plan for smart, sustainable and inclusive "
        "growth. Luxembourg 2020. National Reform Programme of the Grand Duchy of Luxembourg under "
        "the European semester 2019. Available at: https://odc.gouvernement.lu/dam-assets/"
        "publications/rapport-etude-analyse/programme-national-de-reforme/"
        "2019-pnr-luxembourg-2020/2019-nrp-luxembourg-2020-en.pdf (last access on 30.01.2023)."
    ),
    Para(
        "Luxembourg's recovery and resilience plan. Accessed September 9, 2022. Available at : "
        "https://ec.europa.eu/info/sites/default/files/"
        "recovery_and_resilience_plan_for_luxembourg_fr.pdf (last access on 30.01.2023)."
    ),
    PageBreak(),
    Heading("Annex", 1, "annex"),
    ANNEX_TABLE,
)

FACTSHEET = Factsheet(
    slug="eccp-factsheet-lu-2022",
    country="Luxembourg",
    title="Country factsheet Luxembourg",
    header_left="EUROPEAN CLUSTER COLLABORATION PLATFORM",
    header_right="Country factsheet Luxembourg",
    blocks=BLOCKS,
)
