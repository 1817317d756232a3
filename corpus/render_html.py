"""Render the two web pages as complete HTML documents with realistic boilerplate.

Plain string templates (no template engine, no timestamps), so the output is byte-stable.  The
boilerplate (navigation, cookie banner, search overlay, related-news list, footer) is there on
purpose: an extractor must keep it out of its records.  Only the luxembourg.lu page carries a
date in its metadata, because only that seed shows one for the article ("Updated 01-10-2016").
"""

from __future__ import annotations

import html
import pathlib

from .content_press import LUXEMBOURG_LU, LUXINNOVATION_NEWS


def t(text: str) -> str:
    """Escape text content (quotes are left as they are)."""
    return html.escape(text, quote=False)


def a(text: str) -> str:
    """Escape an attribute value."""
    return html.escape(text, quote=True)


def _blocks(blocks, indent: str = "        ") -> str:
    out = []
    for kind, text in blocks:
        if kind == "lead":
            out.append(f'{indent}<p class="lead">{t(text)}</p>')
        elif kind == "p":
            out.append(f"{indent}<p>{t(text)}</p>")
        elif kind == "h2":
            out.append(f"{indent}<h2>{t(text)}</h2>")
        elif kind == "quote":
            out.append(
                f'{indent}<blockquote class="pull-quote">\n{indent}  <p>{t(text)}</p>\n{indent}</blockquote>'
            )
        elif kind == "credit":
            out.append(f'{indent}<p class="photo-credit"><small>{t(text)}</small></p>')
        elif kind == "source":
            out.append(f'{indent}<p class="article-source"><em>{t(text)}</em></p>')
        else:  # pragma: no cover
            raise ValueError(kind)
    return "\n".join(out)


COOKIE_LUXINNOVATION = """\
  <div class="cookie-notice" id="cookie-notice" role="dialog" aria-live="polite">
    <p>We use cookies to give you the best possible experience on our website. Some cookies are
    necessary for the site to work, others help us to understand how you use it and to improve it.
    You can accept all cookies or choose which ones you allow.</p>
    <div class="cookie-notice__buttons">
      <button type="button" class="btn btn--primary" data-cookie="accept">Accept all</button>
      <button type="button" class="btn" data-cookie="settings">Cookie settings</button>
      <a href="/cookie-policy/">Read our cookie policy</a>
    </div>
  </div>"""


def luxinnovation_news() -> str:
    d = LUXINNOVATION_NEWS
    related = []
    for iso, shown, title, slug, teaser in d["related"]:
        related.append(
            f"""\
        <li class="news-teaser">
          <article>
            <time datetime="{iso}">{shown}</time>
            <h3><a href="/news/{slug}/">{t(title)}</a></h3>
            <p>{t(teaser)}</p>
            <a class="news-teaser__more" href="/news/{slug}/">Read more</a>
          </article>
        </li>"""
        )
    related_html = "\n".join(related)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{t(d["title"])} - Luxinnovation</title>
  <meta name="description" content="{a(d["description"])}">
  <link rel="canonical" href="{d["url"]}">
  <meta property="og:type" content="article">
  <meta property="og:site_name" content="Luxinnovation">
  <meta property="og:title" content="{a(d["title"])}">
  <meta property="og:url" content="{d["url"]}">
  <meta property="og:description" content="{a(d["description"])}">
  <link rel="stylesheet" href="/assets/css/main.css">
  <link rel="icon" href="/assets/img/favicon.ico">
</head>
<body class="page-news single-news">
{COOKIE_LUXINNOVATION}
  <header class="site-header">
    <a class="site-header__logo" href="/"><img src="/assets/img/luxinnovation-logo.svg" alt="Luxinnovation"></a>
    <nav class="main-nav" aria-label="Main menu">
      <ul>
        <li><a href="/innovate-in-luxembourg/">Innovate in Luxembourg</a></li>
        <li><a href="/invest-in-luxembourg/">Invest in Luxembourg</a></li>
        <li><a href="/funding/">Funding</a></li>
        <li><a href="/clusters/">Clusters</a></li>
        <li><a href="/news/">News</a></li>
        <li><a href="/events/">Events</a></li>
        <li><a href="/about-us/">About us</a></li>
        <li><a href="/contact/">Contact</a></li>
      </ul>
    </nav>
    <ul class="lang-switch">
      <li><a href="/news/clusters-a-reform-for-greater-efficiency/" aria-current="true">EN</a></li>
      <li><a href="/fr/news/">FR</a></li>
    </ul>
    <button type="button" class="site-header__search" aria-controls="search-overlay">search</button>
  </header>
  <div class="search-overlay" id="search-overlay" hidden>
    <form action="/search/" method="get" role="search">
      <label for="search-input">Search</label>
      <input type="search" id="search-input" name="s" placeholder="Search Luxinnovation">
      <button type="submit">Search</button>
    </form>
    <button type="button" class="search-overlay__close">Close</button>
  </div>
  <nav class="breadcrumb" aria-label="Breadcrumb">
    <ol>
      <li><a href="/">Home</a></li>
      <li><a href="/news/">News</a></li>
      <li aria-current="page">{t(d["title"])}</li>
    </ol>
  </nav>
  <main id="main" class="site-main">
    <article class="news-article">
      <header class="news-article__header">
        <h1>{t(d["title"])}</h1>
        <figure class="news-article__image">
          <img src="/wp-content/uploads/clusters-reform.jpg" alt="" width="1200" height="675">
        </figure>
      </header>
      <div class="news-article__body">
{_blocks(d["blocks"])}
      </div>
      <footer class="news-article__share">
        <span>Share</span>
        <a href="https://www.linkedin.com/shareArticle?url={d["url"]}">LinkedIn</a>
        <a href="https://twitter.com/intent/tweet?url={d["url"]}">X</a>
        <a href="https://www.facebook.com/sharer/sharer.php?u={d["url"]}">Facebook</a>
      </footer>
    </article>
    <aside class="related-news" aria-labelledby="related-news-title">
      <section class="related-news">
        <h2 id="related-news-title">Read more</h2>
        <ul class="news-list">
{related_html}
        </ul>
        <a class="related-news__all" href="/news/">All news</a>
      </section>
    </aside>
  </main>
  <footer class="site-footer">
    <div class="site-footer__newsletter">
      <h2>Newsletter</h2>
      <p>Subscribe to our newsletter and stay informed about innovation in Luxembourg.</p>
      <a class="btn" href="/newsletter/">Subscribe</a>
    </div>
    <address class="site-footer__address">
      Luxinnovation GIE<br>
      5, avenue des Hauts-Fourneaux<br>
      L-4362 Esch-sur-Alzette<br>
      Luxembourg<br>
      Tel.: <a href="tel:+3524362631">+352 43 62 63 - 1</a><br>
      <a href="mailto:info@luxinnovation.lu">info@luxinnovation.lu</a>
    </address>
    <nav class="site-footer__links" aria-label="Footer menu">
      <ul>
        <li><a href="/legal-notice/">Legal notice</a></li>
        <li><a href="/privacy-policy/">Privacy policy</a></li>
        <li><a href="/cookie-policy/">Cookie policy</a></li>
        <li><a href="/accessibility/">Accessibility</a></li>
        <li><a href="/jobs/">Jobs</a></li>
      </ul>
    </nav>
    <ul class="site-footer__social">
      <li><a href="https://www.linkedin.com/company/luxinnovation">LinkedIn</a></li>
      <li><a href="https://www.youtube.com/user/Luxinnovation">YouTube</a></li>
    </ul>
    <p class="site-footer__copyright">© 2024 Luxinnovation. All rights reserved.</p>
  </footer>
  <script>
    document.querySelectorAll('[data-cookie]').forEach(function (b) {{
      b.addEventListener('click', function () {{ document.getElementById('cookie-notice').hidden = true; }});
    }});
  </script>
</body>
</html>
"""


def luxembourg_lu() -> str:
    d = LUXEMBOURG_LU
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{t(d["title"])} - luxembourg.lu</title>
  <meta name="description" content="{a(d["subtitle"])}">
  <meta name="date" content="{d["updated_iso"]}">
  <meta property="article:modified_time" content="{d["updated_iso"]}">
  <meta property="og:type" content="article">
  <meta property="og:site_name" content="luxembourg.lu">
  <meta property="og:title" content="{a(d["title"])}">
  <meta property="og:description" content="{a(d["subtitle"])}">
  <link rel="stylesheet" href="/etc/designs/luxembourg/css/main.css">
</head>
<body class="page-article">
  <div class="cookie-notice" role="region" aria-label="Cookies">
    <p>We use cookies to measure the audience of this website and to improve your browsing
    experience. By continuing to browse this site, you accept the use of cookies.
    <a href="/en/cookies.html">More information</a></p>
    <button type="button" class="cookie-notice__ok">OK</button>
  </div>
  <header class="page-header">
    <div class="page-header__top">
      <a class="logo" href="/en.html"><img src="/etc/designs/luxembourg/img/logo.svg" alt="luxembourg.lu - The official portal of the Grand Duchy of Luxembourg"></a>
      <ul class="lang-switch">
        <li><a href="/fr.html">FR</a></li>
        <li><a href="/de.html">DE</a></li>
        <li><a href="/en.html" aria-current="true">EN</a></li>
      </ul>
      <form class="search" action="/en/search.html"><input type="search" name="q" placeholder="Search"><button type="submit">Search</button></form>
    </div>
    <nav class="main-nav" aria-label="Main navigation">
      <ul>
        <li><a href="/en/discover.html">Discover Luxembourg</a></li>
        <li><a href="/en/society-and-culture.html">Society &amp; Culture</a></li>
        <li><a href="/en/politics.html">Politics</a></li>
        <li><a href="/en/business.html">Business</a></li>
        <li><a href="/en/living.html">Living</a></li>
        <li><a href="/en/news.html">News</a></li>
      </ul>
    </nav>
  </header>
  <nav class="breadcrumb" aria-label="Breadcrumb">
    <ol>
      <li><a href="/en.html">Home</a></li>
      <li><a href="/en/news.html">News</a></li>
      <li aria-current="page">{t(d["title"])}</li>
    </ol>
  </nav>
  <main class="page-main">
    <article class="article">
      <header class="article__header">
        <h1>{t(d["title"])}</h1>
        <p class="article__chapo">{t(d["subtitle"])}</p>
      </header>
      <figure class="article__image">
        <img src="/content/dam/luxembourg/actualites/creative-cluster.jpg" alt="{a(d["image_caption"])}">
        <figcaption>{t(d["image_caption"])}</figcaption>
      </figure>
      <div class="article__body">
{_blocks(d["blocks"])}
      </div>
      <footer class="article__footer">
        <ul class="article__meta">
          <li>Updated <time datetime="{d["updated_iso"]}">{d["updated"]}</time></li>
        </ul>
      </footer>
    </article>
    <aside class="article-aside">
      <h2>Useful links</h2>
      <ul>
        <li><a href="https://www.luxinnovation.lu">Luxinnovation</a></li>
        <li><a href="https://meco.gouvernement.lu">Ministry of the Economy</a></li>
        <li><a href="https://www.gouvernement.lu">The Luxembourg Government</a></li>
      </ul>
    </aside>
  </main>
  <footer class="page-footer">
    <nav aria-label="Footer">
      <ul>
        <li><a href="/en/about.html">About this portal</a></li>
        <li><a href="/en/contact.html">Contact</a></li>
        <li><a href="/en/legal-notice.html">Legal notice</a></li>
        <li><a href="/en/accessibility.html">Accessibility</a></li>
        <li><a href="/en/sitemap.html">Sitemap</a></li>
      </ul>
    </nav>
    <address>
      Service information et presse du gouvernement luxembourgeois<br>
      33, boulevard Roosevelt<br>
      L-2450 Luxembourg
    </address>
    <p class="page-footer__copyright">© Service information et presse du gouvernement luxembourgeois</p>
  </footer>
</body>
</html>
"""


def render(out_dir: pathlib.Path) -> list[pathlib.Path]:
    press = out_dir / "press"
    press.mkdir(parents=True, exist_ok=True)
    files = [
        (press / "luxinnovation-news-cluster-initiative.html", luxinnovation_news()),
        (press / "luxembourg-lu-creative-industries-cluster.html", luxembourg_lu()),
    ]
    for path, text in files:
        path.write_bytes(text.encode("utf-8"))
    return [p for p, _ in files]
