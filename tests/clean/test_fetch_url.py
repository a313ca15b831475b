"""fetch_url against a local HTTP server on 127.0.0.1 (never the internet)."""

from __future__ import annotations

import threading
import time
import warnings
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from analyser.ingest.url import FetchError, fetch_url, user_agent

PAGE = "<html><head><title>T</title></head><body><p>Héllo wörld</p></body></html>"
SEEN_AGENTS: list[str] = []


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:  # keep test output quiet
        pass

    def _send(self, code: int, ctype: str, body: bytes) -> None:
        try:
            self.send_response(code)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up first (the timeout test)

    def do_GET(self) -> None:  # noqa: N802 — http.server's naming
        SEEN_AGENTS.append(self.headers.get("User-Agent", ""))
        if self.path == "/page":
            self._send(200, "text/html; charset=utf-8", PAGE.encode("utf-8"))
        elif self.path == "/latin1":
            self._send(200, "text/html; charset=iso-8859-1", PAGE.encode("latin-1"))
        elif self.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", "/page")
            self.end_headers()
        elif self.path == "/doc.pdf":
            self._send(200, "application/pdf", b"%PDF-1.4 fake")
        elif self.path == "/slow":
            time.sleep(1.5)
            self._send(200, "text/html", b"<p>late</p>")
        elif self.path == "/big":
            self._send(200, "text/html", b"<p>" + b"a" * 50_000 + b"</p>")
        elif self.path == "/error":
            self._send(500, "text/html", b"oops")
        elif self.path in ("/notype", "/notype-text"):
            body = PAGE.encode("utf-8") if self.path == "/notype" else b"just some words"
            self.send_response(200)  # no Content-Type header at all
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        else:
            self._send(404, "text/html", b"not here")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_html_page_is_fetched_and_decoded(server):
    html, final = fetch_url(f"{server}/page")
    assert "Héllo wörld" in html
    assert final == f"{server}/page"
    assert SEEN_AGENTS[-1] == user_agent()
    assert user_agent().startswith("analyser/") and "(+readability analyser)" in user_agent()


def test_charset_from_header(server):
    html, _ = fetch_url(f"{server}/latin1")
    assert "Héllo wörld" in html


def test_redirect_gives_final_url(server):
    _, final = fetch_url(f"{server}/redirect")
    assert final.endswith("/page")


def test_404_is_a_clear_error(server):
    # The message is the reason alone; the URL is an attribute (the caller names it once).
    with pytest.raises(FetchError, match=r"^HTTP 404") as info:
        fetch_url(f"{server}/missing")
    assert "\n" not in str(info.value)
    assert info.value.url == f"{server}/missing" and info.value.reason == str(info.value)


def test_server_error(server):
    with pytest.raises(FetchError, match="HTTP 500"):
        fetch_url(f"{server}/error")


def test_pdf_is_refused(server):
    with pytest.raises(FetchError, match=r"^not an HTML page \(content type "
                                         r"application/pdf\)"):
        fetch_url(f"{server}/doc.pdf")


def test_timeout(server):
    with pytest.raises(FetchError, match=r"^timed out after 0.2 s"):
        fetch_url(f"{server}/slow", timeout=0.2)


def test_size_cap_truncates_with_warning(server):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        html, _ = fetch_url(f"{server}/big", max_bytes=1000)
    assert len(html) == 1000
    assert any("larger than 1,000 bytes" in str(w.message) for w in caught)


def test_connection_refused_and_bad_scheme():
    with pytest.raises(FetchError, match="cannot connect"):
        fetch_url("http://127.0.0.1:9/", timeout=2)
    with pytest.raises(FetchError, match="not an http"):
        fetch_url("ftp://example.org/file")


def test_missing_content_type_is_sniffed(server):
    html, _ = fetch_url(f"{server}/notype")
    assert "Héllo wörld" in html
    with pytest.raises(FetchError, match="not an HTML page"):
        fetch_url(f"{server}/notype-text")


@pytest.mark.parametrize("url", ["http://[::1", "http://", "http://host:port/x"])
def test_malformed_url_is_one_clear_error(url):
    with pytest.raises(FetchError, match="^invalid URL") as info:
        fetch_url(url)
    assert "\n" not in str(info.value)


def test_url_errors_name_the_url_once(server):
    from analyser.ingest import IngestError, iter_articles

    items = list(iter_articles([f"{server}/missing", "http://[::1", "ftp://example.org/f",
                                f"{server}/page"]))
    errors = [str(i) for i in items if isinstance(i, IngestError)]
    assert errors == [
        f"{server}/missing: HTTP 404 Not Found",
        "http://[::1: invalid URL (Invalid IPv6 URL)",
        "ftp://example.org/f: unsupported URL scheme 'ftp' (only http and https URLs are read)",
    ]
    (page,) = [i for i in items if not isinstance(i, IngestError)]
    assert page.outlet == "127.0.0.1" and page.format == "html"
