"""Shared fixtures: the repository, the command-line binary to compare with, an extractor."""

import os
import subprocess
from pathlib import Path

import pytest

import warta

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO.parent / "shared" / "corpus" / "clickid-2019-09.jsonl"


def _cli_binary():
    """The `warta` binary built from this checkout: $WARTA_BIN, else the release or
    debug build in $CARGO_TARGET_DIR or target/ (`cargo test` builds the debug one)."""
    if os.environ.get("WARTA_BIN"):
        return Path(os.environ["WARTA_BIN"])
    dirs = [Path(os.environ["CARGO_TARGET_DIR"])] if os.environ.get("CARGO_TARGET_DIR") else []
    dirs.append(REPO / "target")
    for d in dirs:
        for profile in ("release", "debug"):
            p = d / profile / "warta"
            if p.is_file():
                return p
    return None


@pytest.fixture(scope="session")
def cli():
    """Runs the command line: cli(args, stdin_text) -> CompletedProcess (text mode)."""
    binary = _cli_binary()
    if binary is None:
        message = "no warta binary: run `cargo build` (or set WARTA_BIN) to compare with the CLI"
        if os.environ.get("WARTA_REQUIRE_CLI"):
            pytest.fail(message)  # CI: the comparisons must run
        pytest.skip(message)

    def run(args, stdin=None, check=True):
        p = subprocess.run(
            [str(binary), *args],
            input=stdin,
            capture_output=True,
            text=True,
            encoding="utf-8",
            cwd=REPO,
        )
        if check and p.returncode not in (0, 1):
            raise AssertionError(f"warta {args} exited {p.returncode}: {p.stderr}")
        return p

    return run


@pytest.fixture(scope="session")
def ex():
    return warta.Extractor()


@pytest.fixture(scope="session")
def corpus_lines():
    """The first 2,000 lines of the clickid corpus (../shared beside the repository)."""
    if not CORPUS.is_file():
        pytest.skip(f"corpus not found at {CORPUS} (../shared is absent)")
    lines = []
    with open(CORPUS, encoding="utf-8") as f:
        for line in f:
            lines.append(line.rstrip("\n"))
            if len(lines) == 2000:
                break
    return lines
