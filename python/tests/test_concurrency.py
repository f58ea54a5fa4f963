"""One extractor shared by Python threads; extract_many over a long generator in bounded
memory."""

import json
import resource
import threading

from conftest import REPO

FIXTURES = sorted((REPO / "fixtures").glob("*.txt"))


def test_one_extractor_four_python_threads(ex):
    texts = [p.read_text(encoding="utf-8") for p in FIXTURES]
    want = [ex.extract_json(t, id=str(i)) for i, t in enumerate(texts)]
    want_many = list(ex.extract_many(texts[:20], as_json=True))
    results = {}
    errors = []
    start = threading.Barrier(4)

    def run(k):
        try:
            start.wait()
            got = []
            for rnd in range(3):
                # Each thread walks the texts from a different place.
                for j in range(len(texts)):
                    i = (j + k * 17 + rnd) % len(texts)
                    got.append((i, ex.extract_json(texts[i], id=str(i))))
            many = list(ex.extract_many(texts[:20], threads=2, as_json=True))
            results[k] = (got, many)
        except BaseException as e:  # reported below, with the thread's number
            errors.append((k, repr(e)))

    threads = [threading.Thread(target=run, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert sorted(results) == [0, 1, 2, 3]
    for k, (got, many) in results.items():
        assert len(got) == 3 * len(texts)
        for i, line in got:
            assert line == want[i], (k, i)
        assert many == want_many
    assert json.loads(want[0])["doc"]["id"] == "0"


def test_two_iterators_interleaved(ex):
    a = ex.extract_many((f"Rakor di Samarinda ke-{i}." for i in range(300)), threads=2)
    b = ex.extract_many(({"id": f"b{i}", "text": "Bupati Kutai Kartanegara membuka rakor."} for i in range(300)))
    ids = []
    for ra, rb in zip(a, b):
        ids.append((ra["doc"]["id"], rb["doc"]["id"]))
    assert ids == [(str(i + 1), f"b{i}") for i in range(300)]


def _peak_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def test_200k_generator_in_flat_memory(ex):
    """200,000 short items, str and dict, streamed through extract_many.

    The peak RSS is taken after the first 20,000 records (the threads, the read-ahead
    window and the allocator's arenas are then at their working size) and at the end.
    What is in flight is bounded by 256 items per thread (each item < 200 bytes, each
    record a few KB as JSON, and then as a dict only until the test drops it): about
    1 MB per thread. Keeping anything per item instead, even 64 bytes, would add 11 MB
    over the remaining 180,000 items (the records themselves, as dicts, about 1 GB), so
    the peak may grow by at most 8 MB, room for allocator slack alone."""
    n_items = 200_000

    def items():
        for i in range(n_items):
            text = (
                f"Rakor Forkopimda Kaltim ke-{i} digelar Selasa (6/2/2024) di Samarinda, "
                f"dihadiri {i % 97} peserta."
            )
            yield text if i % 2 else {"id": f"d{i}", "text": text, "sumber": i}

    n = 0
    meetings = 0
    after_warmup = None
    for rec in ex.extract_many(items()):
        n += 1
        i = n - 1
        assert rec["doc"]["id"] == (str(n) if i % 2 else f"d{i}")
        meetings += rec["events"][0]["kind"] == "meeting"
        if n == 20_000:
            after_warmup = _peak_rss_mb()
    assert n == n_items
    assert meetings == n_items
    growth = _peak_rss_mb() - after_warmup
    assert growth < 8, f"peak RSS grew by {growth:.1f} MB after the first 20,000 records"
