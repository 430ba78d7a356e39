"""Crawl a generated 30-page site on loopback (fetch + full extraction) and print the speed.

    .venv/bin/python bench/scan_bench.py [--pages 30] [--runs 3]

Target: the whole 30-page site in under 3 seconds.
"""

from __future__ import annotations

import argparse
import tempfile
import threading
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from consentry.site import crawl_site

NAV = " ".join(f'<li><a href="/page-{i}.html">Section {i}</a></li>' for i in range(1, 8))
NAV += '<li><a href="/">Home</a></li>'
FORM = """
<form id="quote-{n}" action="/send" method="post" class="wpforms-form">
  <div class="field"><label for="name-{n}">Name *</label><input id="name-{n}" name="name" required></div>
  <div class="field"><label for="phone-{n}">Mobile phone</label><input id="phone-{n}" name="phone" type="tel"></div>
  <div class="field"><label for="msg-{n}">Message</label><textarea id="msg-{n}" name="msg"></textarea></div>
  <div class="field consent"><input type="checkbox" id="sms-{n}" name="sms" value="yes">
    <label for="sms-{n}">Yes, text me appointment reminders from Bench Plumbing.</label>
    <p>Msg frequency varies. Msg &amp; data rates may apply. Reply STOP to opt out, HELP for help.
    <a href="/privacy.html">Privacy</a> <a href="/terms.html">Terms</a></p></div>
  <button type="submit">Send</button>
</form>"""
PARAGRAPH = (
    "<p>Bench Plumbing has served the valley since 1998 with licensed, insured technicians. "
    "Call <a href='tel:+15125550100'>(512) 555-0100</a> or write to office@bench.example. "
    "We repair water heaters, leaks, drains and gas lines, and remodel kitchens and baths.</p>"
)


def page_html(n: int, pages: int) -> str:
    targets = [1 + (n * 7 + k) % (pages - 3) for k in range(5)]  # pages 1..pages-3 exist
    links = " ".join(f'<a href="/page-{t}.html">Related {t}</a>' for t in targets)
    body = "\n".join(PARAGRAPH for _ in range(25))
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Page {n} | Bench Plumbing</title><link rel="canonical" href="/page-{n}.html"></head>
<body><header class="site-header"><nav class="main-nav"><ul>{NAV}</ul></nav></header>
<main><h1>Page {n}</h1>{body}<p>{links}</p>{FORM.format(n=n) if n % 3 == 0 else ""}</main>
<footer class="site-footer"><address>1 Main St, Austin, TX 78701</address>
<a href="/privacy.html">Privacy Policy</a> <a href="/terms.html">Terms</a>
<a href="https://www.facebook.com/bench">Facebook</a></footer>
<script>window.dataLayer = window.dataLayer || [];</script></body></html>"""


def build_site(root: Path, pages: int) -> None:
    (root / "index.html").write_text(page_html(0, pages), encoding="utf-8")
    for n in range(1, pages - 2):
        (root / f"page-{n}.html").write_text(page_html(n, pages), encoding="utf-8")
    (root / "privacy.html").write_text(page_html(pages - 2, pages), encoding="utf-8")
    (root / "terms.html").write_text(page_html(pages - 1, pages), encoding="utf-8")


class _QuietHandler(SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        pass


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=30)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        build_site(root, args.pages)
        size = sum(p.stat().st_size for p in root.iterdir())
        server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=tmp))
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        url = f"http://127.0.0.1:{server.server_address[1]}/"
        print(f"site: {args.pages} pages, {size / 1024:.0f} KiB on {url}")
        try:
            for run in range(1, args.runs + 1):
                started = time.perf_counter()
                snap = crawl_site([url], allow_private=True, max_pages=args.pages)
                elapsed = time.perf_counter() - started
                forms = sum(len(p.forms) for p in snap)
                print(
                    f"run {run}: {len(snap)} pages, {forms} forms, {len(snap.problems)} problems "
                    f"in {elapsed:.2f} s = {len(snap) / elapsed:.1f} pages/s"
                )
        finally:
            server.shutdown()
            server.server_close()


if __name__ == "__main__":
    main()
