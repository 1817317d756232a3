"""Article texts of the two web pages (seeds 001 and 003), verbatim.

Block kinds: ``lead`` (intro paragraph), ``p``, ``h2``, ``quote`` (pull quote, rendered as
``<blockquote>``), ``credit`` (photo credit), ``source`` (source line).
"""

from __future__ import annotations

# --------------------------------------------------------------------------- Luxinnovation news

LUXINNOVATION_NEWS = {
    "title": "Clusters: a reform for greater efficiency",
    "url": "https://www.luxinnovation.lu/news/clusters-a-reform-for-greater-efficiency/",
    "description": (
        "At the beginning of the 2000s, the Luxembourg Cluster Initiative was launched by the "
        "government as a “key element of the R&D and innovation policy“. The management and "
        "organisation was entrusted to Luxinnovation."
    ),
    "blocks": (
        (
            "lead",
            "At the beginning of the 2000s, the Luxembourg Cluster Initiative was launched by the "
            "government as a “key element of the R&D and innovation policy“. The management and "
            "organisation was entrusted to Luxinnovation.",
        ),
        (
            "quote",
            "The Luxembourg Cluster Initiative was launched by the government as a “key element of "
            "the R&D and innovation policy",
        ),
        (
            "p",
            "The very first cluster, SurfMat, dedicated to “New Materials – Surface Treatments and "
            "Coatings“ (since then renamed Materials & Manufacturing), was created in 2001. It was "
            "followed by InfoComm (2002, then renamed ICT), BioHealth (2008, now HealthTech), "
            "EcoInnovation (2009, now CleanTech), Automotive Components (2013, now AutoMobility), "
            "Wood (2016) and Creative Industries (2017). More than 1,450 companies and institutions "
            "are currently involved in the Cluster Initiative. The number increased by more than "
            "20% in 2019.",
        ),
        ("h2", "Evolving missions"),
        (
            "p",
            "“Originally, the cluster activity was based on five pillars: business development; "
            "product and service innovation; branding; internationalisation; prospection and "
            "promotion. All this was supported by a strong brand that differentiated the cluster "
            "services from the other support offered by Luxinnovation,“ explains Johnny Brebels, "
            "Director Company Relations and Support at Luxinnovation.",
        ),
        (
            "p",
            "Over time, the context has changed, especially in 2016 when the promotion agency "
            "Luxembourg for Business was integrated into Luxinnovation and the new international "
            "business development department took over the responsibility for prospection and "
            "promotion.",
        ),
        (
            "p",
            "This in no way diminished the activity of the clusters, which now concentrate on "
            "identifying companies’ needs, networking and creating so-called flagship projects. The "
            "flagships involve at least two companies or organisations, favour public-private "
            "partnerships and make a positive contribution to the ecosystem or the economy, in a "
            "sustainable and intelligent way.",
        ),
        ("h2", "Cluster reform: new governance structure"),
        (
            "p",
            "Initially, the clusters were coordinated by Luxinnovation’s cluster managers, who "
            "followed the overall guidelines of the agency’s management board, and steering "
            "committees chaired by representatives of the private sector. However, this dual "
            "governance gradually proved to be out of step with changing needs, the emergence of "
            "cross-sectoral projects and the development of a more customer-oriented approach.",
        ),
        (
            "quote",
            "We focus on the needs of each company and look for the most appropriate solutions and "
            "paths to follow.",
        ),
        (
            "p",
            "“We realised that the standard model for clusters in the EU, with a PPP-type structure "
            "where partners invest to create synergies for the benefit of the whole ecosystem, did "
            "not really fit the specific Luxembourg context,” Mr Brebels comments. “We do not have "
            "enough critical mass or complete value chains for this. This is also why we decided to "
            "reform the way our clusters operate.”",
        ),
        (
            "p",
            "Thus, the mission of cluster managers has evolved towards the role of “sectoral "
            "company relationship managers“. The steering committees have been replaced by sectoral "
            "advisory groups bringing together around ten stakeholders per sector, from industry, "
            "research and public administrations. As ICT has become a common facilitator for "
            "companies in virtually all sectors, the previous ICT Cluster has been connected to the "
            "Luxembourg Digital Innovation Hub, a support platform for the digitalisation of "
            "industrial companies launched in September.",
        ),
        (
            "p",
            "“However, the starting point of our activities remains the same, with an integral "
            "customer orientation,“ Mr Brebels points out. “We focus on the needs of each company "
            "and look for the most appropriate solutions and paths to follow.”",
        ),
        ("credit", "Photo: © Luxinnovation / Marion Dessard"),
    ),
    "related": (
        (
            "2024-03-28",
            "28-03-2024",
            "Waste heat: Time to take action",
            "waste-heat-time-to-take-action",
            "The workshop organised by Luxinnovation on 26 March highlighted the need to take "
            'appropriate measures to reuse "lost" heat in industrial processes. An EU directive '
            "also supports this approach.",
        ),
        (
            "2024-03-15",
            "15-03-2024",
            "Business Partnership Facility launches 11th edition",
            "business-partnership-facility-launches-11th-edition",
            "A new call for projects has been launched by the Luxembourg Cooperation with a view to "
            "co-financing innovative business partnerships in developing countries up to €200,000. "
            "Submission deadline: 30 April 2024.",
        ),
        (
            "2024-03-14",
            "14-03-2024",
            "International recognition for Fit 4 Start and the LCI",
            "international-recognition-for-fit-4-start-and-the-lci",
            "A publication from the Financial Times and Statista highlights the foundational work "
            "carried out by two key organisations in Luxembourg's startup ecosystem.",
        ),
        (
            "2024-02-29",
            "29-02-2024",
            "The advantages of waste heat",
            "the-advantages-of-waste-heat",
            "A workshop to be organised by Luxinnovation at the end of March on the theme of waste "
            "heat and its usage will help to better understand the enormous potential gains in "
            "terms of energy efficiency and profitability.",
        ),
        (
            "2024-02-20",
            "20-02-2024",
            "Innovation and research: The impact of EU-funded projects",
            "innovation-and-research-the-impact-of-eu-funded-projects",
            "A report highlights the significant contribution of the EU’s 2014-2020 funding "
            "programme Horizon 2020 to implementing EU policies and addressing societal needs.",
        ),
    ),
}

# --------------------------------------------------------------------------- luxembourg.lu

LUXEMBOURG_LU = {
    "title": "A cluster for creative industries in the Grand Duchy!",
    "subtitle": (
        "The Secretary of State of the Economy has announced the creation of a cluster to bring "
        "together the national key players"
    ),
    "image_caption": "Creative Cluster",
    "updated_iso": "2016-10-01",
    "updated": "01-10-2016",
    "blocks": (
        (
            "p",
            "Clusters have been set up in the Grand Duchy for years: Cluster for Logistics, "
            "Automotive Cluster, Space Cluster, ICT Cluster – a growing number of initiatives aimed "
            "at bringing together all the players, both private and public, in a specific field. "
            "The announcement by Secretary of State of the Economy Francine Closener of the creation "
            "of a cluster for the creative industries adds a new cluster to the already impressive "
            "list, and shows how successful the concept is.",
        ),
        (
            "p",
            "The new cluster will bring together private and public players in the field of the "
            "creative industries. Aimed at professionals in creative industries, the cluster will "
            "serve as a platform with the purpose to provide support for the economic development "
            "of the sector, which covers the activities in the fields of architecture, crafts and "
            "art, cinematography, design, games, marketing and communication, fashion, and the new "
            "media.",
        ),
        ("h2", "What's a cluster?"),
        (
            "p",
            "A cluster is a grouping of private and public players in one of the key sectors of the "
            "Grand Duchy's economy that have been identified as being particularly important for "
            "the sustainable development of the country's economy. In this context, the Luxembourg "
            "Cluster Initiative was launched in 2002 as a key element of national policy on "
            "research and development. So it's not surprising that the initiative is headed by the "
            "national agency for innovation and research, Luxinnovation.",
        ),
        (
            "p",
            "Each cluster works to encourage communication and the pooling of knowledge among its "
            "members so that new collaborative projects can be identified and developed at the "
            "national, European or international level, and to boost the visibility of the Grand "
            "Duchy's technological and scientific know-how.",
        ),
        (
            "p",
            "The cluster's members are private businesses, sector-based or nation-wide associations "
            "and federations, public actors as well as public research organisations and strategic "
            "partners, namely the ministries concerned and the National Research Fund (Fonds "
            "national de recherche, FNR).",
        ),
        (
            "p",
            "The initiative has grown over the years, and currently brings together a list of "
            "sector-based clusters representing the emerging and innovative areas of the Grand "
            "Duchy's economy.",
        ),
        (
            "source",
            "(Article produced by the editors of the portal www.luxembourg / Source: press release "
            "from the Ministry of the Economy)",
        ),
    ),
}
