"""`oigdata fetch` against a listing and PDFs served by a local HTTP server on 127.0.0.1:
new reports are downloaded with a manifest row; a 404, a timeout, a wrong content type and
an oversized file are reported by URL with the reason; held reports are skipped."""

from __future__ import annotations

import csv
import hashlib
import os
import shutil
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from flows.fetch import plan
from flows.fetch.listing import pdf_links
from tests.conftest import RAW, REPO
from tests.eval.scoring import FIXTURES
from tests.pdf_fixtures import pdf_from_fixture

LISTING = """<html><body><nav><a href="/">Home</a></nav><main>
<div><a href="/r/OIG-18-77-Sep18.pdf">OIG-18-77 Lack of Planning (PDF)</a></div>
<div><a href="/r/oig-19-18-jan19.pdf">Download</a></div>
<div><a href="/r/oig-19-47.pdf">OIG-19-47</a></div>
<div><a href="/r/oig-18-67.pdf">OIG-18-67</a></div>
<div><a href="/r/oig-22-01.pdf">OIG-22-01</a></div>
<div><a href="/r/oig-10-63.pdf">OIG-10-63</a></div>
<div><a href="/about.html">About</a></div>
</main></body></html>"""


@pytest.fixture()
def server(tmp_path):
    good = pdf_from_fixture(FIXTURES / "oig_report" / "oig_18_77_287g_planning.txt", tmp_path / "good.pdf").read_bytes()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def _send(self, code, ctype, body, length=None):
            self.send_response(code)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(length if length is not None else len(body)))
            self.end_headers()
            if self.command == "GET":
                self.wfile.write(body)

        def do_GET(self):
            p = self.path
            if p == "/list.html":
                self._send(200, "text/html; charset=utf-8", LISTING.encode())
            elif p in ("/r/OIG-18-77-Sep18.pdf", "/r/oig-10-63.pdf"):
                self._send(200, "application/pdf", good)
            elif p == "/r/oig-19-47.pdf":
                time.sleep(1.5)  # longer than the client's timeout
                self._send(200, "application/pdf", good)
            elif p == "/r/oig-18-67.pdf":
                self._send(200, "text/html", b"<html>not a pdf</html>")
            elif p == "/r/oig-22-01.pdf":
                self._send(200, "application/pdf", b"%PDF-1.7 " + b"x" * 10, length=10_000_000)
            else:
                self._send(404, "text/plain", b"not found")

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_fetch_downloads_new_reports_and_reports_failures(server, tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    shutil.copy(FIXTURES / "oig_report" / "oig_10_63_performance_287g.txt", raw / "oig_10_63_performance_287g.txt")
    proc = subprocess.run(
        [sys.executable, "-m", "flows.cli", "fetch", "--listing-url", f"{server}/list.html", "--raw", str(raw),
         "--max-bytes", "2000000", "--timeout", "0.5", "--retries", "1", "--retry-delay", "0.1"],
        capture_output=True, text=True, timeout=300, env={**os.environ, "PYTHONPATH": str(REPO)})
    out = proc.stdout + proc.stderr
    assert proc.returncode == 0, out
    assert "Traceback" not in out
    assert "1 fetched, 1 skipped, 4 failed" in out
    for url_part, reason in [("oig-19-18-jan19.pdf", "HTTP 404"), ("oig-19-47.pdf", "gave up after 2 tries"),
                             ("oig-18-67.pdf", "wrong content type text/html"), ("oig-22-01.pdf", "too large")]:
        assert url_part in out and reason in out, (url_part, reason)
    fetched = raw / "oig_18_77.pdf"
    assert fetched.read_bytes().startswith(b"%PDF")
    with (raw / "manifest.csv").open(newline="", encoding="utf-8") as fh:
        rows = {r["path"]: r for r in csv.DictReader(fh)}
    row = rows["oig_18_77.pdf"]
    assert row["url"] == f"{server}/r/OIG-18-77-Sep18.pdf" and row["genre_hint"] == "oig_report"
    assert row["sha256"] == hashlib.sha256(fetched.read_bytes()).hexdigest() and row["retrieved_on"]
    assert not list(raw.glob("*.part"))
    # a second fetch would skip what is now held
    links = pdf_links(LISTING, f"{server}/list.html")
    new, held = plan.to_fetch(links, raw)
    assert {lk.report_id for lk in held} == {"OIG-18-77", "OIG-10-63"}
    assert "OIG-18-77" not in {lk.report_id for lk in new}
