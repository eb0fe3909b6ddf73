"""Run Lighthouse 12 (pinned by ``package.json``/``package-lock.json`` beside this file) on a URL.

Used by ``tests/browser/test_lighthouse.py`` (scores a user notices: accessibility, best
practices, SEO, page weight) and by ``bench/lighthouse.py`` (those plus the performance score,
a speed figure that is measured, never asserted). ``make test`` runs ``npm ci`` here when npm
exists; :func:`missing` says why Lighthouse cannot run when it does not. Lighthouse drives
Debian's Chromium (``CHROME_PATH``) headless with the project's usual flags, desktop preset.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

HERE = Path(__file__).resolve().parent
CLI = HERE / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run "
                "--disable-background-networking --disable-component-update --disable-sync")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def missing() -> str | None:
    """Why Lighthouse cannot run here, or None when it can."""
    if not shutil.which("node"):
        return "Node.js is not installed (apt-get install nodejs npm), so Lighthouse cannot run"
    if not CLI.exists():
        return f"Lighthouse is not installed: run `npm ci` in {HERE} (make test does it when npm exists)"
    if not os.path.exists(CHROMIUM):
        return f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)"
    return None


# Lighthouse's own "please run Lighthouse again" failures: the trace of a page load on a busy
# machine lost its start (NO_NAVSTART) or first paint (NO_FCP). They say nothing about the page.
TRANSIENT = ("Please run Lighthouse again", "NO_NAVSTART", "NO_FCP")


def run(url: str, *, timeout: int = 180, tries: int = 2) -> dict:
    """The Lighthouse JSON report for ``url`` (desktop preset). Raises RuntimeError on failure;
    a failure Lighthouse itself calls transient is tried again, ``tries`` times in all."""
    command = ["node", str(CLI), url, "--preset=desktop", "--output=json", "--output-path=stdout",
               "--quiet", f"--chrome-flags={CHROME_FLAGS}", "--max-wait-for-load=30000"]
    for attempt in range(1, tries + 1):
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout,
                              env={**os.environ, "CHROME_PATH": CHROMIUM})
        report = json.loads(done.stdout) if done.returncode == 0 and done.stdout.strip() else None
        error = (f"Lighthouse failed on {url} ({done.returncode}): {done.stderr[-2000:]}" if report is None
                 else f"Lighthouse could not load {url}: {report['runtimeError']}" if report.get("runtimeError")
                 else None)
        if error is None:
            return report
        if attempt == tries or not any(mark in error for mark in TRANSIENT):
            raise RuntimeError(error)
    raise AssertionError("unreachable")


def scores(report: dict) -> dict[str, int]:
    """Category scores 0-100 (None when Lighthouse could not score one)."""
    result = {}
    for name in CATEGORIES:
        score = report["categories"][name]["score"]
        result[name] = None if score is None else round(score * 100)
    return result


def total_bytes(report: dict) -> int:
    """Bytes transferred for the page and everything it loaded."""
    return int(report["audits"]["total-byte-weight"]["numericValue"])


def failing_audits(report: dict, category: str, *, advice: bool = False) -> list[str]:
    """The audits that cost ``category`` points, as "id: title (display value)" lines;
    ``advice=True`` adds the unweighted ones (opportunities and insights) below full marks."""
    lines = []
    for ref in report["categories"][category]["auditRefs"]:
        audit = report["audits"][ref["id"]]
        counts = ref.get("weight") or (advice and audit.get("scoreDisplayMode") != "informative")
        if counts and audit.get("score") is not None and audit["score"] < 1:
            lines.append(f"{audit['id']}: {audit['title']} {audit.get('displayValue', '')}".strip())
    return lines
