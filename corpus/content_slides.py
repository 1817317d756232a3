"""Luxinnovation presentation of February 2008 (seed 002), one entry per slide.

Item kinds: ``b0`` first-level bullet (•), ``b1`` second-level bullet (–), ``h`` bold
sub-heading, ``p`` plain paragraph, ``line`` an unbulleted list line.  The "||||" decoration of
the original titles is drawn as graphics, not text.  ``section`` is the small section tag shown
above the title of some slides in the original.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Slide:
    title: str
    items: tuple[tuple[str, str], ...] = ()
    kind: str = "bullets"  # bullets | title | divider | logos | matrix | contact
    section: str | None = None
    bars: bool = True  # draw the "||||" title decoration
    extra: dict = field(default_factory=dict)


MATRIX_SERVICES = (
    "Networking / Working Groups",
    "Visits to Public & Private Research Centres",
    "Visits to Companies",
    "Seminars, Conferences, Workshops",
    "Studies / Surveys",
    "Business Watch",
    "Training",
    "Develop National & International Research Collaborations",
    "Innovation Alliance",
)
MATRIX_MISSIONS = (
    "Promote existing technological capabilities",
    "Solve technical issues",
    "Develop new products, process, services",
    "Develop new markets",
    "Improve Technical Knowledge",
)

SLIDES: tuple[Slide, ...] = (
    Slide(
        "National Cluster Initiatives in Europe and their Strategies for Internationalisation",
        kind="title",
        bars=False,
        extra={
            "date": ("21st/22nd February", "2008"),
            "subtitle": "The Luxembourg Experience",
            "speaker": (
                "Ian Cresswell",
                "Senior Executive Advisor",
                "Head of Technologies and Cluster Services",
            ),
        },
    ),
    Slide(
        "TABLE OF CONTENT",
        (
            ("line", "1. Introduction to Luxinnovation & Luxembourg"),
            ("line", "2. The Luxembourg Cluster Initiative"),
            ("line", "3. Strategy for Internationalisation"),
            ("line", "4. Success Factors/Problems Encountered"),
        ),
        bars=False,
    ),
    Slide(
        "Luxinnovation - National Agency for Innovation and Research",
        (
            ("b0", "Created in 1984, public-private partnership"),
            ("b0", "Economic Interest Grouping since 1998 with 6 partners:"),
            ("b1", "Ministry of the Economy"),
            ("b1", "Ministry of Research"),
            ("b1", "Ministry of Small Businesses"),
            ("b1", "Luxembourg Business Federation"),
            ("b1", "Chamber of Commerce"),
            ("b1", "Chamber of Skilled Crafts"),
            ("h", "Mission"),
            (
                "p",
                "Luxinnovation is the first-stop shop for information and advice on innovation, "
                "research and development (R&D) and innovative business start-up in Luxembourg",
            ),
            ("h", "Luxinnovation in figures 2007"),
            ("b0", "About 320 different companies/ research laboratories assisted"),
            (
                "b0",
                "19 R&D project dossiers financed by Ministry of Economy representing some 70 "
                "individual projects",
            ),
            ("b0", "3,500 technology transfer opportunities analysed and distributed (IRC Network)"),
            ("b0", "21 staff members"),
        ),
    ),
    Slide(
        "Luxinnovation Activities",
        (
            ("p", "Customised services provided free of charge by multidisciplinary advisors to:"),
            ("b0", "SME's and large sized firms"),
            ("b0", "Private research centres"),
            ("b0", "Public research lab's"),
            ("b0", "Researchers"),
            ("b0", "Entrepreneurs"),
            ("b0", "Individuals promoting projets"),
            ("h", "Luxinnovation offers:"),
            ("b0", "Business networking opportunities"),
            ("b0", "Strategic information and intelligence"),
            ("b0", "Tailor-made advice and assistance"),
            ("b0", "Customised support, partnering and follow-up"),
            ("b0", "Long term relationships"),
            ("b0", "Studies and documentation"),
        ),
    ),
    Slide(
        "Luxembourg in Figures",
        (
            ("b0", "Population +/- 476,000 (2006)"),
            ("b0", "Foreign residents +/- 190,000 (+/- 40%)"),
            ("b0", "GDP Growth 6.1% (2006)"),
            (
                "b0",
                "Politically stable, business friendly Government (coalition) – Prime Minister "
                "Jean-Claude Juncker in office since 1995",
            ),
            ("b0", "4th Highest « Quality of Life » in the World (The Economist 2005)"),
            ("b0", "1st Highest « GDP per Person » in the World (The Economist 2005)"),
            ("b0", "One of « World's safest places to live » (Mercer Consulting 2005)"),
        ),
    ),
    Slide("Innovative Companies Located in Luxembourg", kind="logos", section="1 Introduction"),
    Slide(
        "Cluster Initiative",
        (
            ("line", "SurfMat (Surface Engineering and New Materials)"),
            ("line", "InfoCom (Information and Communication Technologies)"),
            ("line", "AeroSpace (Aeronautic and Aerospace Technologies)"),
            ("h", "Currently in development:"),
            ("line", "LogiTrace (Logistics and Traceability)"),
            ("line", "BioHealth (Biotechnology and Health Technology)"),
            ("line", "EcoDev (Ecotechnologies and Sustainable Development)"),
            ("line", "AutoTec (Automotive Technologies)"),
        ),
        section="2 The Luxembourg Cluster Initiative",
        bars=False,
    ),
    Slide(
        "Goals of Cluster Initiative (2001)",
        (
            ("b0", "Increase the competitiveness of participating companies by:"),
            ("b1", "Quick and easy access to shared competences"),
            ("b1", "Rapid diffusion of technological experience and know-how"),
            ("b1", "Sharing risks associated with new and emerging technologies"),
            ("b1", "Improving access to international markets"),
            ("b1", "Developing synergies between large and small companies"),
            ("b1", "Making the best use of valuable facilities and avoiding unnecessary investment"),
            ("b0", "Proactively assist the Ministry of Economy by:"),
            ("b1", "Self development of the Luxembourg economy"),
            ("b1", "Diversifying the economic structure of the country"),
            ("b1", "Accelerating R&D projects and adoption of innovative technologies"),
            ("b1", "Promoting Luxembourg for high technology activities and investment"),
            (
                "b0",
                "Generate suitable research projects for University of Luxembourg and Public Research Centres",
            ),
        ),
        bars=False,
    ),
    Slide("The Luxembourg Cluster Initiative", kind="divider", extra={"number": "2"}),
    Slide(
        "Clusters Initiative - Methodology & Objectives - Working Groups",
        (("h", "Objectives"), ("b0", "New Business Development"), ("b0", "Increased Knowledge")),
        kind="matrix",
        bars=False,
    ),
    Slide(
        "The Greater Region (Luxembourg – Belgium – Germany)",
        (
            ("b0", "Surface area of 65,400 km²"),
            ("b0", "11.2 Million inhabitants"),
            ("b0", "+/- 130,000 Cross-border workers"),
            ("b0", "3 Official languages (French, German & Luxembourgish)"),
        ),
        section="3 Strategy for Internationalisation",
    ),
    Slide(
        "Current Situation in Luxembourg",
        (
            ("h", "No formal Cluster internationalisation strategy exists"),
            ("h", "BUT"),
            (
                "p",
                "a lack of critical mass means that we need to identify certain key scientific "
                "and/or technological capabilities in the neighbouring regions to compliment "
                "Luxembourg Cluster activities.",
            ),
            ("p", "Examples:"),
            ("b0", "Energy Efficient Building"),
            ("b0", "Innovative Polymers"),
            ("b0", "Mathematical Modelling"),
        ),
        section="3 Strategy for Internationalisation",
    ),
    Slide("Success Factors/Problems Encountered", kind="divider", extra={"number": "4"}),
    Slide(
        "Experiences to Date",
        (
            ("h", "Success factors:"),
            ("b0", "Multicultural working environment"),
            ("b0", "Majority of Luxembourg based companies are exporters"),
            ("b0", "Cluster members already have good experience of international cooperation"),
            ("b0", "Good access to finance (public/private)"),
            ("h", "Problems Encountered"),
            ("b0", "Quality of projects"),
        ),
    ),
    Slide(
        "Current Inter-Regional Projects",
        (
            (
                "b0",
                "**Sustainable Development** - conference organised with more than 200 participants "
                "- linking of Clusters in progress (Luxembourg – Belgium – Germany)",
            ),
            (
                "b0",
                "Linking of **automotive clusters** throughout Greater Region - as automotiveNET.eu "
                "project in Euregio Meuse-Rhine Region (Luxembourg – Belgium – Germany)",
            ),
            (
                "b0",
                "**Energy Efficient Construction** – Renovation project being studied – project "
                "between 2 different countries (Luxembourg – Belgium)",
            ),
        ),
    ),
    Slide(
        "Thank you for your attention",
        kind="contact",
        bars=False,
        extra={
            "address": (
                "7, rue Alcide de Gasperi",
                "L-1615 Luxembourg – Kirchberg",
                "B.P. 1372 L-1013 Luxembourg",
                "",
                "Tél. +352 43 62 63-1",
                "Fax. +352 43 81 20",
                "",
                "E-mail : info@luxinnovation.lu",
                "Web : www.luxinnovation.lu",
                "www.innovation.public.lu",
            )
        },
    ),
)
