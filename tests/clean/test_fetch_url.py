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
        elif self.path.startswith("/to/"):  # a redirect to whatever follows "/to/"
            self._redirect(self.path[len("/to/"):])
        elif self.path.startswith("/hop/"):  # /hop/3 -> /hop/2 -> /hop/1 -> /hop/0 -> page
            n = int(self.path.rsplit("/", 1)[1])
            self._redirect(f"/hop/{n - 1}" if n else "/page")
        elif self.path == "/self":
            self._redirect("/self")
        elif self.path in ("/ping", "/pong"):
            self._redirect("/pong" if self.path == "/ping" else "/ping")
        elif self.path.startswith("/slow-hop/"):  # a slow redirect to a slow page
            time.sleep(0.6)
            n = int(self.path.rsplit("/", 1)[1])
            self._redirect(f"/slow-hop/{n - 1}" if n else "/page")
        elif self.path in ("/drip-body", "/drip-head"):
            self._drip(head=self.path == "/drip-head")
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

    def _redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _drip(self, head: bool) -> None:
        """One byte every 0.2 s: of the status line and headers, or of the body."""
        body = PAGE.encode("utf-8")
        response = (f"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\nContent-Length: "
                    f"{len(body)}\r\n\r\n").encode("ascii")
        try:
            if not head:
                self.wfile.write(response)
                response = b""
            for byte in response + body:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                time.sleep(0.2)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up: the point of the test


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


@pytest.mark.parametrize("target", ["ftp://127.0.0.1:1/file", "file:///etc/passwd",
                                    "data:text/html,<p>hi</p>"])
def test_a_redirect_to_another_scheme_is_refused_in_one_line(server, target):
    with pytest.raises(FetchError) as info:
        fetch_url(f"{server}/to/{target}", timeout=5)
    assert str(info.value) == f"redirected to {target}: only http and https URLs are read"


def test_a_redirect_loop_is_one_line(server):
    for start, back in (("/self", "/self"), ("/ping", "/ping")):
        with pytest.raises(FetchError) as info:
            fetch_url(f"{server}{start}", timeout=5)
        assert str(info.value) == f"redirect loop (back to {server}{back})"


def test_redirects_are_followed_up_to_ten(server):
    _, final = fetch_url(f"{server}/hop/9", timeout=5)  # ten redirects
    assert final == f"{server}/page"
    with pytest.raises(FetchError, match=r"^too many redirects \(more than 10\)$"):
        fetch_url(f"{server}/hop/10", timeout=5)


@pytest.mark.parametrize("path", ["/drip-body", "/drip-head"])
def test_the_timeout_bounds_the_whole_fetch_not_each_read(server, path):
    # A byte every 0.2 s never trips a 1 s timeout per read; the fetch stops at 1 s.
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"^timed out after 1 s$"):
        fetch_url(f"{server}{path}", timeout=1)
    assert time.monotonic() - started < 1.8


def test_the_timeout_spans_every_redirect(server):
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"^timed out after 1 s$"):
        fetch_url(f"{server}/slow-hop/2", timeout=1)  # 0.6 s a hop: each hop is in time
    assert time.monotonic() - started < 1.8


def test_a_failure_without_a_message_still_says_what_it_is(monkeypatch):
    import urllib.error

    import analyser.ingest.url as url_module

    class Opener:
        def open(self, request, timeout):
            raise urllib.error.URLError(OSError())

    monkeypatch.setattr(url_module, "deadline_opener", lambda deadline: Opener())
    with pytest.raises(FetchError) as info:
        fetch_url("http://example.invalid/", timeout=1)
    assert str(info.value) == "cannot connect (OSError)"
