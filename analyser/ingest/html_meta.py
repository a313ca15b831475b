"""What an HTML page says about its own site, read cheaply at ingest (no HTML parser).

The outlet of a page that no manifest names and no ``--outlet`` sets is the site the page
declares: ``<meta property="og:site_name">``, else ``<meta name="application-name">`` /
``publisher``, else the publisher (or WebSite) name in its JSON-LD, else its
``twitter:site`` handle. The clean stage reads
the page's full metadata later (``CleanResult.site_name``); this reads only the head.
"""

from __future__ import annotations

import html
import json
import re

#: How much of the page is searched: the head sits at the top.
HEAD_CHARS = 200_000

_META = re.compile(r"<meta\b[^>]*>", re.IGNORECASE)
_ATTR = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
_JSON_LD = re.compile(
    r"""<script\b[^>]*type\s*=\s*["']?application/ld\+json["']?[^>]*>(.*?)</script>""",
    re.IGNORECASE | re.DOTALL,
)
_HEAD_END = re.compile(r"</head\s*>", re.IGNORECASE)
#: Meta tags naming the site, best first.
_SITE_KEYS = ("og:site_name", "application-name", "publisher", "dc.publisher", "twitter:site")
_WS = re.compile(r"\s+")


def _clean(value: str | None) -> str | None:
    value = _WS.sub(" ", html.unescape(value or "")).strip()
    value = value.lstrip("@")  # a Twitter handle ("@nytimes") stands for the site
    if not value or len(value) > 100 or "://" in value:  # a URL is not a name
        return None
    return value


def _meta_tags(head: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for m in _META.finditer(head):
        attrs = {a.group(1).lower(): a.group(2) or a.group(3) or a.group(4) or ""
                 for a in _ATTR.finditer(m.group())}
        key = (attrs.get("property") or attrs.get("name") or "").strip().lower()
        if key and "content" in attrs:
            found.setdefault(key, attrs["content"])
    return found


def _json_ld_name(text: str) -> str | None:
    for m in _JSON_LD.finditer(text):
        try:
            data = json.loads(m.group(1).strip())
        except (ValueError, RecursionError):
            continue
        name = _publisher(data)
        if name:
            return name
    return None


def _publisher(data: object, depth: int = 0) -> str | None:
    """The publisher's name in a JSON-LD object (or list, or @graph), else a WebSite's."""
    if depth > 4:
        return None
    items = data if isinstance(data, list) else [data]
    site = None
    for item in items:
        if not isinstance(item, dict):
            continue
        graph = item.get("@graph")
        if graph is not None:
            found = _publisher(graph, depth + 1)
            if found:
                return found
        pub = item.get("publisher")
        if isinstance(pub, list) and pub:
            pub = pub[0]
        if isinstance(pub, dict) and _clean(str(pub.get("name") or "")):
            return _clean(str(pub["name"]))
        kind = item.get("@type")
        kinds = kind if isinstance(kind, list) else [kind]
        if site is None and any(k in ("WebSite", "NewsMediaOrganization") for k in kinds):
            site = _clean(str(item.get("name") or ""))
    return site


def declared_site_name(page: str) -> str | None:
    """The site name an HTML page declares in its head, or None."""
    text = page[:HEAD_CHARS]
    end = _HEAD_END.search(text)
    head = text[: end.start()] if end else text
    tags = _meta_tags(head)
    for key in _SITE_KEYS[:-1]:
        name = _clean(tags.get(key))
        if name:
            return name
    return _json_ld_name(text) or _clean(tags.get(_SITE_KEYS[-1]))
