"""Fetch within limits, against a local server on 127.0.0.1: a slow drip hits the deadline, a
redirect to another host is not followed, a body longer than declared or a listing over its
size limit is refused, `%PDF` followed by garbage is not a PDF; nothing is left in raw/."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from flows.fetch.download import FetchError, TransientFetchError, download_pdf, fetch_text
from tests.eval.scoring import FIXTURES
from tests.pdf_fixtures import pdf_from_fixture


@pytest.fixture()
def base(tmp_path):
    good = pdf_from_fixture(FIXTURES / "oig_report" / "oig_18_77_287g_planning.txt", tmp_path / "good.pdf").read_bytes()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def _head(self, code, ctype, length, extra=()):
            self.send_response(code)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(length))
            for k, v in extra:
                self.send_header(k, v)
            self.end_headers()

        def do_GET(self):
            port = self.server.server_address[1]
            if self.path == "/good.pdf":
                self._head(200, "application/pdf", len(good))
                self.wfile.write(good)
            elif self.path == "/drip.pdf":
                self._head(200, "application/pdf", 1000)
                for _ in range(1000):
                    self.wfile.write(b"%")
                    self.wfile.flush()
                    time.sleep(0.05)
            elif self.path == "/away.pdf":
                self._head(302, "text/plain", 0, [("Location", f"http://localhost:{port}/good.pdf")])
            elif self.path == "/here.pdf":
                self._head(302, "text/plain", 0, [("Location", "/good.pdf")])
            elif self.path == "/short.pdf":
                self._head(200, "application/pdf", len(good) + 500)
                self.wfile.write(good)
                self.close_connection = True
            elif self.path == "/garbage.pdf":
                body = b"%PDF-1.4\n" + bytes(range(256)) * 40
                self._head(200, "application/pdf", len(body))
                self.wfile.write(body)
            elif self.path == "/huge.html":
                body = b"<html>" + b"x" * 300_000
                self._head(200, "text/html", len(body))
                self.wfile.write(body)
            else:
                self._head(404, "text/plain", 0)

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.handle_error = lambda *args: None  # a client that gives up mid-drip is expected here
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_a_slow_drip_hits_the_deadline(base, tmp_path):
    started = time.monotonic()
    with pytest.raises(TransientFetchError, match="deadline"):
        download_pdf(f"{base}/drip.pdf", tmp_path / "d.pdf", timeout=5, deadline_s=1.0)
    assert time.monotonic() - started < 10 and list(tmp_path.glob("d.pdf*")) == []


def test_redirects_stay_on_the_host_and_the_final_url_is_recorded(base, tmp_path):
    with pytest.raises(FetchError, match="another host"):
        download_pdf(f"{base}/away.pdf", tmp_path / "a.pdf", timeout=5)
    sha, final = download_pdf(f"{base}/here.pdf", tmp_path / "h.pdf", timeout=5)
    assert final == f"{base}/good.pdf" and (tmp_path / "h.pdf").exists() and len(sha) == 64


def test_a_truncated_body_and_a_garbage_pdf_are_refused(base, tmp_path):
    with pytest.raises(TransientFetchError):
        download_pdf(f"{base}/short.pdf", tmp_path / "s.pdf", timeout=5)
    with pytest.raises(FetchError, match="not a usable PDF"):
        download_pdf(f"{base}/garbage.pdf", tmp_path / "g.pdf", timeout=5)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["good.pdf"]


def test_a_listing_has_a_size_limit(base):
    with pytest.raises(FetchError, match="too large"):
        fetch_text(f"{base}/huge.html", timeout=5, max_bytes=100_000)
