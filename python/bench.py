"""Speed of warta for Python against the command line's `warta bench`, on one corpus slice.

    python python/bench.py [--corpus ../shared/corpus/clickid-2019-09.jsonl] [--limit 5000]
                           [--warta target/release/warta] [--passes 3]

Not a test: it prints MB of article text per second (by wall clock, and per CPU-second
of the whole process, which is immune to other load on the machine) for
`Extractor.extract_many` with 1 thread and with every core, as JSON lines
(`as_json=True`) and as dicts, then runs `warta bench FILE --threads 1` on the same
documents for comparison (the release binary, jemalloc; the module uses the system
allocator). The corpus stays where it is; a temporary file holds the slice.
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import warta

REPO = Path(__file__).resolve().parents[1]


def cpu_seconds():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def measure(ex, items, mb, threads, as_json, passes):
    """Best wall-clock MB/s and best MB per CPU-second over `passes` passes."""
    best_wall = best_cpu = 0.0
    for _ in range(passes):
        t0, c0 = time.perf_counter(), cpu_seconds()
        n = sum(1 for _ in ex.extract_many(items, threads=threads, as_json=as_json))
        wall, cpu = time.perf_counter() - t0, cpu_seconds() - c0
        assert n == len(items)
        best_wall = max(best_wall, mb / wall)
        best_cpu = max(best_cpu, mb / cpu)
    return best_wall, best_cpu


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--corpus", default=str(REPO.parent / "shared/corpus/clickid-2019-09.jsonl"))
    p.add_argument("--limit", type=int, default=5000)
    p.add_argument("--warta", default=None, help="the CLI binary (default: target/release/warta)")
    p.add_argument("--passes", type=int, default=3)
    args = p.parse_args()

    lines = []
    with open(args.corpus, encoding="utf-8") as f:
        for line in f:
            lines.append(line)
            if len(lines) == args.limit:
                break
    items = [json.loads(l) for l in lines]
    mb = sum(len((it.get("text") or it.get("content") or "").encode()) for it in items) / 1e6
    cores = os.cpu_count() or 1
    print(f"{len(items)} docs, {mb:.1f} MB of text, {cores} cores; best of {args.passes} passes")

    ex = warta.Extractor()
    list(ex.extract_many(items[:1000], as_json=True))  # warm-up
    print("warta for Python, Extractor.extract_many:")
    print("  threads  output  MB/s (wall)  MB/s per CPU-second")
    for threads in sorted({1, cores}):
        for as_json in (True, False):
            wall, cpu = measure(ex, items, mb, threads, as_json, args.passes)
            kind = "json" if as_json else "dict"
            print(f"  {threads:7d}  {kind:6s}  {wall:11.2f}  {cpu:19.2f}")

    binary = args.warta or next(
        (str(d / "release/warta") for d in [Path(os.environ.get("CARGO_TARGET_DIR", REPO / "target"))]
         if (d / "release/warta").is_file()),
        None,
    )
    if binary is None:
        print("no release binary (cargo build --release, or --warta PATH): CLI comparison skipped")
        return 0
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8") as tmp:
        tmp.writelines(lines)
        tmp.flush()
        out = subprocess.run(
            [binary, "bench", tmp.name, "--threads", "1", "--passes", str(args.passes)],
            capture_output=True, text=True, check=True,
        ).stdout
    print(f"\n{binary} bench --threads 1 (same documents):")
    table = out.split("\n\n")[1].splitlines()
    print("\n".join("  " + l for l in table[1:]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
