"""extract_many and extract_json release the GIL: another Python thread runs meanwhile.

A thread counts in a loop. Its rate alone (the main thread asleep) is measured just before
each call; during the call, the count it reaches is compared with what that rate would
give over the call's wall time. A call that held the GIL would stop the counter for its
whole length: a native call does not hand the GIL over at the switch interval, so the
counter would only gain what it did before the call took the GIL (a few milliseconds'
worth at most, against calls of a few hundred). The control, `sum(range(n))` (a loop in C
that holds the GIL), shows that the harness sees exactly that.

The thresholds are generous for a loaded 2-core machine: a released GIL must give the
counter at least a fifth of its solo rate (it gets most of it on an idle machine, and
the extraction thread and the counter share the CPU alike under load), a held one gives
it under a tenth (about 0.02).
"""

import sys
import threading
import time

import pytest
from conftest import REPO

FIXTURES = sorted((REPO / "fixtures").glob("*.txt"))


class Counter:
    """A Python thread incrementing a count until stopped."""

    def __init__(self):
        self.count = 0
        self.stop = False
        self.thread = threading.Thread(target=self.run, daemon=True)

    def run(self):
        while not self.stop:
            self.count += 1

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop = True
        self.thread.join()


def solo_rate(seconds=0.25):
    """Counts per second of the counter alone, the main thread asleep."""
    with Counter() as c:
        time.sleep(0.02)  # the thread is running
        c0, t0 = c.count, time.perf_counter()
        time.sleep(seconds)
        return (c.count - c0) / (time.perf_counter() - t0)


def share_during(fn):
    """(counter's count during fn() / what its solo rate gives over fn's time, fn's time)."""
    rate = solo_rate()
    with Counter() as c:
        time.sleep(0.02)
        c0, t0 = c.count, time.perf_counter()
        fn()
        wall = time.perf_counter() - t0
        c1 = c.count
    return (c1 - c0) / (rate * wall), wall


def long_docs(n, per_doc):
    """n documents of `per_doc` fixtures each (about 1.5 KB per fixture)."""
    texts = [p.read_text(encoding="utf-8") for p in FIXTURES]
    return ["\n\n".join(texts[(i + j) % len(texts)] for j in range(per_doc)) for i in range(n)]


@pytest.mark.skipif(
    not getattr(sys, "_is_gil_enabled", lambda: True)(), reason="free-threaded Python: no GIL"
)
def test_control_held_gil_stops_the_counter():
    share, wall = share_during(lambda: sum(range(20_000_000)))
    assert share < 0.1, f"the counter ran {share:.0%} of its solo rate in {wall:.2f} s"


def test_extract_many_releases_the_gil(ex):
    docs = long_docs(300, 6)  # about 2.7 MB: a few hundred milliseconds on one thread
    out = []
    share, wall = share_during(lambda: out.extend(ex.extract_many(docs, threads=1, as_json=True)))
    assert len(out) == 300 and all(line.startswith('{"schema":"warta/1"') for line in out)
    assert share > 0.2, f"the counter ran {share:.0%} of its solo rate in {wall:.2f} s"


def test_extract_json_releases_the_gil(ex):
    doc = long_docs(1, 600)[0]  # about 0.9 MB in one call
    out = []
    share, wall = share_during(lambda: out.append(ex.extract_json(doc)))
    assert out[0].startswith('{"schema":"warta/1"')
    assert share > 0.2, f"the counter ran {share:.0%} of its solo rate in {wall:.2f} s"
