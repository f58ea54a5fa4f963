#!/usr/bin/env python3
"""Load warta's HTML pages in headless Chromium and check them as a reader would see them.

    python3 scripts/browser_check.py [--warta BIN] [--out DIR] [--fixture NAME]
                                     [--records RECORDS.jsonl]

(a) `warta show fixtures/NAME.txt` (the annotated article) and (b) `warta report` of the
records of `fixtures/` (or of --records) are written into --out, loaded as file:// pages in
Chromium (Debian's package, /usr/bin/chromium, driven through the DevTools protocol over a
websocket: the standard library only, no pip package), and screenshotted (full page, PNG,
into --out: show.png, report.png, and report-print.png with the print styles). The check
fails when:

- a page logs a console error, throws, or asks for anything but a file:// or data: URL;
- the report lacks its charts, or its counts (records, error records, events) differ from
  those this script reads from the records file itself;
- a highlighted span of the show page does not match the record `warta extract` writes for
  the same file: every span of the record (people, institutions, groups and places: their
  mentions; times, figures, quotes: their span; events: their trigger) must be marked, as
  `<mark class="w w-TYPE" data-type=TYPE data-start=S data-end=E ...>` (a span crossing
  another is split into fragments with the same type, start and end), and the text of the
  fragments, without their `.tip` elements, must be the span's text.

While `warta show` is not implemented (it says so and exits 2), part (a) is reported as
SKIPPED and does not fail the check. Exit status: 0 when every check passed, 1 otherwise.
"""

import argparse
import base64
import json
import os
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_FIXTURE = "event-protest-medan-dprd-sumut-ricuh"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
    "--remote-debugging-port=0",
]
WIDTH = 1100


class WebSocket:
    """A minimal websocket client (RFC 6455): text frames out, whole messages in."""

    def __init__(self, url, timeout=60):
        u = urllib.parse.urlparse(url)
        self.sock = socket.create_connection((u.hostname, u.port), timeout=timeout)
        key = base64.b64encode(os.urandom(16)).decode()
        request = (
            f"GET {u.path} HTTP/1.1\r\nHost: {u.hostname}:{u.port}\r\n"
            "Upgrade: websocket\r\nConnection: Upgrade\r\n"
            f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n"
        )
        self.sock.sendall(request.encode())
        self.file = self.sock.makefile("rb")
        status = self.file.readline()
        if b" 101 " not in status:
            raise RuntimeError(f"websocket handshake refused: {status!r}")
        while self.file.readline() not in (b"\r\n", b""):
            pass

    def send(self, text):
        data = text.encode()
        n = len(data)
        if n < 126:
            header = struct.pack("!BB", 0x81, 0x80 | n)
        elif n < 1 << 16:
            header = struct.pack("!BBH", 0x81, 0x80 | 126, n)
        else:
            header = struct.pack("!BBQ", 0x81, 0x80 | 127, n)
        mask = os.urandom(4)
        masked = bytes(b ^ mask[i & 3] for i, b in enumerate(data))
        self.sock.sendall(header + mask + masked)

    def _read(self, n):
        data = self.file.read(n)
        if len(data) < n:
            raise RuntimeError("websocket closed")
        return data

    def recv(self):
        message = b""
        while True:
            b0, b1 = self._read(2)
            opcode, n = b0 & 0x0F, b1 & 0x7F
            if n == 126:
                (n,) = struct.unpack("!H", self._read(2))
            elif n == 127:
                (n,) = struct.unpack("!Q", self._read(8))
            mask = self._read(4) if b1 & 0x80 else None
            payload = self._read(n)
            if mask:
                payload = bytes(b ^ mask[i & 3] for i, b in enumerate(payload))
            if opcode == 8:
                raise RuntimeError("websocket closed by the browser")
            if opcode == 9:  # ping: answer, keep reading
                continue
            message += payload
            if b0 & 0x80:
                return message.decode()

    def close(self):
        self.sock.close()


class Browser:
    """Chromium, started headless with a fresh profile, and one page driven over CDP."""

    def __init__(self, binary):
        self.profile = tempfile.mkdtemp(prefix="warta-chromium-")
        self.proc = subprocess.Popen(
            [binary, *CHROMIUM_FLAGS, f"--user-data-dir={self.profile}", "about:blank"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        port = self._port()
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10) as r:
            pages = [t for t in json.load(r) if t.get("type") == "page"]
        self.ws = WebSocket(pages[0]["webSocketDebuggerUrl"])
        self.next_id = 0
        self.events = []
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.call(f"{domain}.enable")

    def _port(self):
        active = Path(self.profile) / "DevToolsActivePort"
        for _ in range(300):
            if active.exists() and active.read_text().strip():
                return int(active.read_text().split()[0])
            if self.proc.poll() is not None:
                raise RuntimeError(f"chromium exited with status {self.proc.returncode}")
            time.sleep(0.1)
        raise RuntimeError("chromium did not open its DevTools port in 30 s")

    def call(self, method, **params):
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get("id") == self.next_id:
                if "error" in msg:
                    raise RuntimeError(f"{method}: {msg['error']}")
                return msg.get("result", {})
            if "method" in msg:
                self.events.append(msg)

    def wait_for(self, method, timeout=60):
        deadline = time.time() + timeout
        while time.time() < deadline:
            for i, e in enumerate(self.events):
                if e["method"] == method:
                    return self.events.pop(i)
            msg = json.loads(self.ws.recv())
            if "method" in msg:
                self.events.append(msg)
        raise RuntimeError(f"no {method} in {timeout} s")

    def load(self, path):
        """Loads `path` and returns the problems it caused: console errors, exceptions,
        requests for anything but file: and data: URLs."""
        self.events = []
        self.call("Emulation.setDeviceMetricsOverride", width=WIDTH, height=800,
                  deviceScaleFactor=1, mobile=False)
        self.call("Page.navigate", url=path.resolve().as_uri())
        self.wait_for("Page.loadEventFired")
        self.evaluate("1")  # drains the events sent while the page loaded
        return self.problems()

    def problems(self):
        out = []
        for e in self.events:
            m, p = e["method"], e.get("params", {})
            if m == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
                args = " ".join(str(a.get("value", a.get("description", ""))) for a in p["args"])
                out.append(f"console error: {args}")
            elif m == "Runtime.exceptionThrown":
                d = p["exceptionDetails"]
                what = d.get("exception", {}).get("description") or d.get("text")
                out.append(f"page error: {what}")
            elif m == "Log.entryAdded" and p["entry"]["level"] == "error":
                out.append(f"browser error: {p['entry'].get('text')}")
            elif m == "Network.requestWillBeSent":
                url = p["request"]["url"]
                if not url.startswith(("file:", "data:")):
                    out.append(f"network request: {url}")
        return out

    def evaluate(self, expression):
        r = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in r:
            raise RuntimeError(f"evaluate: {r['exceptionDetails']}")
        return r["result"].get("value")

    def screenshot(self, out):
        metrics = self.call("Page.getLayoutMetrics")
        size = metrics["cssContentSize"]
        height = min(int(size["height"]) + 1, 30000)
        self.call("Emulation.setDeviceMetricsOverride", width=WIDTH, height=height,
                  deviceScaleFactor=1, mobile=False)
        shot = self.call("Page.captureScreenshot", format="png", captureBeyondViewport=True)
        out.write_bytes(base64.b64decode(shot["data"]))
        return height

    def close(self):
        try:
            self.ws.close()
        finally:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
            shutil.rmtree(self.profile, ignore_errors=True)


def run(cmd, stdout_path=None):
    """Runs a command; returns (exit status, stderr)."""
    out = open(stdout_path, "wb") if stdout_path else subprocess.DEVNULL
    try:
        p = subprocess.run(cmd, stdout=out, stderr=subprocess.PIPE, cwd=REPO)
    finally:
        if stdout_path:
            out.close()
    return p.returncode, p.stderr.decode(errors="replace")


def record_counts(path):
    """Records, error records and events of a records JSONL file, read independently."""
    counts = {"n-records": 0, "n-error-records": 0, "n-events": 0}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            r = json.loads(line)
            if "error" in r:
                counts["n-error-records"] += 1
            else:
                counts["n-records"] += 1
                counts["n-events"] += len(r["events"])
    return counts


def record_spans(record):
    """Every span the show page must mark: {(type, start, end): text}."""
    spans = {}

    def put(kind, span):
        spans[(kind, span["start"], span["end"])] = span["text"]

    for field, kind in (("people", "person"), ("institutions", "institution"),
                        ("groups", "group"), ("places", "place")):
        for item in record.get(field, []):
            for m in item["mentions"]:
                put(kind, m)
    for field, kind in (("times", "time"), ("figures", "figure"), ("quotes", "quote")):
        for item in record.get(field, []):
            put(kind, item["span"])
    for e in record.get("events", []):
        put("trigger", e["trigger"])
    return spans


MARKS_JS = """
(() => {
  const out = {};
  for (const m of document.querySelectorAll('mark[data-type]')) {
    const c = m.cloneNode(true);
    c.querySelectorAll('.tip').forEach(t => t.remove());
    const key = [m.dataset.type, m.dataset.start, m.dataset.end].join(' ');
    const cls = m.classList.contains('w') && m.classList.contains('w-' + m.dataset.type);
    if (!(key in out)) out[key] = {text: '', classes: true, parts: 0};
    out[key].text += c.textContent;
    out[key].classes = out[key].classes && cls;
    out[key].parts += 1;
  }
  return out;
})()
"""

TYPES = {"place", "institution", "person", "group", "time", "figure", "quote", "trigger"}


def check_show(browser, warta, fixture, out_dir, shot=True):
    """Part (a): the annotated article of one fixture. Returns (failures, skipped)."""
    txt = REPO / "fixtures" / f"{fixture}.txt"
    page = out_dir / ("show.html" if shot else "show-other.html")
    status, err = run([warta, "show", str(txt)], page)
    if status == 2 and "not implemented" in err:
        print(f"SKIPPED show: `warta show` is not implemented in this build ({err.strip()})")
        return [], True
    if status != 0:
        return [f"show: `warta show {txt}` exited {status}: {err.strip()}"], False
    records = out_dir / "show-record.jsonl"
    status, err = run([warta, "extract", "--quiet", str(txt)], records)
    if status != 0:
        return [f"show: `warta extract {txt}` exited {status}: {err.strip()}"], False
    record = json.loads(records.read_text(encoding="utf-8").splitlines()[0])
    problems = browser.load(page)
    height = browser.screenshot(out_dir / "show.png") if shot else None
    marks = browser.evaluate(MARKS_JS)
    expected = record_spans(record)
    problems += compare_marks(marks, expected)
    shot_note = f", screenshot show.png ({WIDTH}x{height})" if shot else ""
    print(f"show: {fixture}: {len(marks)} marked spans, {len(expected)} in the record"
          f"{shot_note}")
    return [f"show: {fixture}: {p}" for p in problems], False


def compare_marks(marks, expected):
    """The differences between the page's marks ({"TYPE START END": {text, classes}}) and
    the record's spans ({(type, start, end): text})."""
    problems = []
    seen = {}
    for key, m in marks.items():
        kind, start, end = key.split(" ")
        if kind not in TYPES:
            problems.append(f"a mark of unknown data-type {kind!r}")
            continue
        if not m["classes"]:
            problems.append(f"the mark {key} lacks class 'w w-{kind}'")
        seen[(kind, int(start), int(end))] = m["text"]
    for key, text in sorted(expected.items()):
        if key not in seen:
            problems.append(f"span {key} {text!r} is not marked")
        elif seen[key] != text:
            problems.append(f"mark {key} reads {seen[key]!r}, the record {text!r}")
    for key in sorted(set(seen) - set(expected)):
        problems.append(f"mark {key} {seen[key]!r} is no span of the record")
    return problems


REPORT_JS = """
(() => {
  const value = id => { const e = document.getElementById(id); return e ? Number(e.dataset.value) : null; };
  const svgs = [...document.querySelectorAll('svg')];
  return {
    counts: {'n-records': value('n-records'), 'n-error-records': value('n-error-records'),
             'n-events': value('n-events')},
    charts: svgs.map(s => s.id),
    bars: svgs.map(s => s.querySelectorAll('rect').length),
    scripts: document.querySelectorAll('script').length,
    title: document.title,
  };
})()
"""


def check_report(browser, warta, records, out_dir):
    """Part (b): the archive report of `records`."""
    page = out_dir / "report.html"
    start = time.time()
    status, err = run([warta, "report", "--quiet", str(records), "-o", str(page)])
    took = time.time() - start
    if status != 0:
        return [f"report: `warta report {records}` exited {status}: {err.strip()}"]
    failures = [f"report: {p}" for p in browser.load(page)]
    height = browser.screenshot(out_dir / "report.png")
    browser.call("Emulation.setEmulatedMedia", media="print")
    browser.screenshot(out_dir / "report-print.png")
    browser.call("Emulation.setEmulatedMedia", media="")
    got = browser.evaluate(REPORT_JS)
    want = record_counts(records)
    for key, n in want.items():
        if got["counts"][key] != n:
            failures.append(f"report: {key} is {got['counts'][key]} on the page, {n} in {records}")
    charts = ["chart-kinds", "chart-timeline", "chart-provinces"] if want["n-events"] else []
    for chart in charts:
        if chart not in got["charts"]:
            failures.append(f"report: no <svg id={chart}>")
    for chart, bars in zip(got["charts"], got["bars"]):
        if bars == 0:
            failures.append(f"report: the chart {chart} has no bars")
    if got["scripts"]:
        failures.append(f"report: {got['scripts']} <script> elements")
    print(f"report: {want['n-records']} records, {want['n-events']} events; "
          f"{page.stat().st_size} bytes in {took:.2f} s; charts {got['charts']}; "
          f"screenshots report.png ({WIDTH}x{height}) and report-print.png (print styles)")
    return failures


def chromium_binary():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    sys.exit("browser_check: no chromium on PATH (apt-get install -y chromium)")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--warta", default=str(REPO / "target" / "debug" / "warta"),
                    help="the warta binary (default: target/debug/warta)")
    ap.add_argument("--out", default=str(REPO / "target" / "browser-check"),
                    help="where the pages and screenshots go (default: target/browser-check)")
    ap.add_argument("--fixture", default=DEFAULT_FIXTURE,
                    help=f"the fixture the show page renders (default: {DEFAULT_FIXTURE})")
    ap.add_argument("--all-fixtures", action="store_true",
                    help="check the show page of every fixture (the screenshot: --fixture's)")
    ap.add_argument("--records", help="report these records instead of those of fixtures/")
    args = ap.parse_args()
    out_dir = Path(args.out)
    out_dir.mkdir(parents=True, exist_ok=True)
    warta = str(Path(args.warta).resolve())
    if args.records:
        records = Path(args.records).resolve()
    else:
        records = out_dir / "records.jsonl"
        status, err = run([warta, "extract", "--quiet", str(REPO / "fixtures")], records)
        if status != 0:
            sys.exit(f"browser_check: `warta extract fixtures/` exited {status}: {err}")
    browser = Browser(chromium_binary())
    try:
        failures = check_report(browser, warta, records, out_dir)
        show_failures, skipped = check_show(browser, warta, args.fixture, out_dir)
        failures += show_failures
        if args.all_fixtures and not skipped:
            for txt in sorted((REPO / "fixtures").glob("*.txt")):
                if txt.stem != args.fixture:
                    failures += check_show(browser, warta, txt.stem, out_dir, shot=False)[0]
    finally:
        browser.close()
    for f in failures:
        print(f"FAIL {f}")
    verdict = "FAILED" if failures else "ok"
    print(f"browser check: {verdict} ({len(failures)} failures"
          f"{', show skipped' if skipped else ''}); pages and screenshots in {out_dir}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
