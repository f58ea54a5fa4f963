"""The records of the Python API are the command line's, byte for byte."""

import json

from conftest import REPO

FIXTURES = sorted((REPO / "fixtures").glob("*.txt"))


def test_acceptance_sentence(ex):
    rec = ex.extract("Rakor Forkopimda Kaltim digelar Selasa (6/2/2024).")
    assert rec["schema"] == "warta/1"
    ev = rec["events"][0]
    assert ev["kind"] == "meeting"
    assert ev["subtype"] == "rakor-forkopimda"
    assert ev["date"]["value"] == "2024-02-06"
    assert ev["participants"] == ["forkopimda@64"]
    assert rec["doc"]["id"] == "1"
    assert rec["doc"]["bytes"] == 50


def test_fixture_files_equal_cli(ex, cli):
    """`warta extract fixtures/` (a text file each, id = stem) against extract_json."""
    assert len(FIXTURES) > 50
    out = cli(["extract", "-q", "fixtures/"]).stdout.splitlines()
    assert len(out) == len(FIXTURES)
    for path, line in zip(FIXTURES, out):
        text = path.read_text(encoding="utf-8")
        assert ex.extract_json(text, id=path.stem) == line, path.name
        rec = ex.extract(text, id=path.stem)
        assert rec == json.loads(line)
        assert rec["doc"]["id"] == path.stem
        # Spans are byte offsets into the UTF-8 text.
        raw = text.encode()
        for place in rec["places"]:
            for m in place["mentions"]:
                assert raw[m["start"] : m["end"]].decode() == m["text"]


def test_fixtures_as_jsonl_equal_cli(ex, cli):
    """The fixtures as JSONL lines with ids, dates, titles, urls and extra fields, through
    `warta extract --jsonl -` and through extract_many (dicts), extract_many (strs) and
    extract (keywords)."""
    items = []
    for i, path in enumerate(FIXTURES):
        item = {"text": path.read_text(encoding="utf-8")}
        if i % 2 == 0:
            item["id"] = path.stem
        if i % 3 == 0:
            item["date"] = "2024-02-%02d 08:00:00" % (1 + i % 28)
        if i % 5 == 0:
            item["title"] = "Judul %d" % i
            item["url"] = "https://example.org/%d" % i
        if i % 7 == 0:
            item["rubrik"] = ["daerah", i]
        items.append(item)
    stdin = "".join(json.dumps(it, ensure_ascii=False) + "\n" for it in items)
    out = cli(["extract", "-q", "--jsonl", "-"], stdin).stdout.splitlines()
    assert len(out) == len(items)
    got = list(ex.extract_many(items, as_json=True))
    assert got == out
    assert list(ex.extract_many(iter(items), threads=1)) == [json.loads(l) for l in out]
    for n, (item, line) in enumerate(zip(items, out), 1):
        want = json.loads(line)
        if "rubrik" in item:
            assert want["doc"]["meta"] == {"rubrik": item["rubrik"]}
            del want["doc"]["meta"]
        rec = ex.extract(
            item["text"],
            id=item.get("id"),
            reference_date=item.get("date"),
            title=item.get("title"),
            url=item.get("url"),
        )
        if "id" not in item:
            assert rec["doc"]["id"] == "1"
            rec["doc"]["id"] = str(n)
        assert rec == want, item.get("id", n)
    # str items are the lines {"text": item}.
    texts = [it["text"] for it in items]
    out = cli(["extract", "-q", "--jsonl", "-"], "".join(json.dumps({"text": t}) + "\n" for t in texts))
    assert list(ex.extract_many(texts, as_json=True)) == out.stdout.splitlines()


def test_corpus_2000_equal_cli(ex, cli, corpus_lines):
    """The first 2,000 articles of the clickid corpus: identical JSON lines."""
    out = cli(["extract", "-q", "--jsonl", "-"], "".join(l + "\n" for l in corpus_lines))
    want = out.stdout.splitlines()
    assert len(want) == 2000
    items = (json.loads(l) for l in corpus_lines)
    got = list(ex.extract_many(items, as_json=True))
    assert len(got) == 2000
    mismatches = [i for i, (a, b) in enumerate(zip(got, want)) if a != b]
    assert mismatches == []
    recs = [json.loads(l) for l in want]
    assert [r["doc"]["id"] for r in recs] == [str(i) for i in range(1, 2001)]
    assert sum(len(r.get("events", [])) for r in recs) > 1000
    assert all(r["doc"]["meta"]["source"] for r in recs if "error" not in r)
    # extract() with the fields as keywords gives the same records, meta aside.
    for n in range(0, 2000, 97):
        item = json.loads(corpus_lines[n])
        rec = ex.extract(
            item["content"],
            id=n + 1,
            reference_date=item["date"],
            title=item["title"],
            url=item["url"],
        )
        del recs[n]["doc"]["meta"]
        assert rec == recs[n]


def test_corpus_unordered_and_threads(ex, corpus_lines):
    """Any thread count, ordered or not, gives the same records."""
    items = [json.loads(l) for l in corpus_lines[:300]]
    one = list(ex.extract_many(items, threads=1, as_json=True))
    three = list(ex.extract_many(items, threads=3, as_json=True))
    assert one == three
    loose = list(ex.extract_many(items, threads=2, ordered=False, as_json=True))
    assert sorted(loose) == sorted(one)
    assert len(loose) == 300
