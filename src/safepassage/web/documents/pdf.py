"""A document as PDF: a Django template rendered in one language, then laid out by WeasyPrint
with the documents' own fonts and stylesheet (static/documents), and nothing else: the only
files a document may load are those, so a name or a note can never pull anything in."""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path
from typing import Any

from django.template.loader import render_to_string
from django.utils import translation

ASSETS = Path(__file__).resolve().parent / "static" / "documents"


def _fetcher() -> Any:
    """Fetches the documents' fonts and stylesheets from disk; refuses every other address.
    WeasyPrint is imported here, not with the module: it loads Pango, which only documents
    need (the rest of the application, and its commands, run without it)."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class AssetsOnly(URLFetcher):
        def fetch(self, url: str, headers: Any = None) -> Any:
            if not url.startswith(ASSETS.as_uri() + "/"):
                raise ValueError(f"a document loads only its own fonts and styles, not {url}")
            if url.endswith(".woff2"):
                return URLFetcherResponse(url, body=_font(url.removeprefix(ASSETS.as_uri())))
            return super().fetch(url, headers)

    return AssetsOnly(allowed_protocols=["file"], fail_on_errors=True)


@cache
def _font(name: str) -> bytes:
    """A font file, decompressed once per process: WeasyPrint would decode each WOFF2 file
    again for every document (0.5 s of a 0.6 s case summary), and it reads plain TrueType as
    it is. The files stay WOFF2 in the repository, a third of the size."""
    from fontTools.ttLib import woff2

    path = (ASSETS / name.lstrip("/")).resolve()
    if path.parent != ASSETS:
        raise ValueError(f"no such font: {name}")
    out = io.BytesIO()
    woff2.decompress(io.BytesIO(path.read_bytes()), out)
    return out.getvalue()


def document_html(*, template: str, context: dict[str, Any], language: str) -> str:
    with translation.override(language):
        return render_to_string(template, {**context, "language": language})


def document_pdf(*, template: str, context: dict[str, Any], language: str) -> bytes:
    """The template as PDF in `language` (its words, dates and fonts)."""
    from weasyprint import HTML

    html = document_html(template=template, context=context, language=language)
    pdf = HTML(string=html, base_url=ASSETS.as_uri() + "/", url_fetcher=_fetcher()).write_pdf()
    assert pdf is not None  # written to bytes, not to a target
    return pdf
