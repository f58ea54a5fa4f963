"""Bad inputs: exceptions from extract, error records from extract_many, both with the
command line's messages; never a crash."""

import datetime
import json

import pytest

import warta


def cli_records(cli, lines, *flags):
    out = cli(["extract", "-q", "--jsonl", "-", *flags], "".join(l + "\n" for l in lines))
    return out.stdout.splitlines()


@pytest.fixture(scope="module")
def small():
    return warta.Extractor(max_bytes=100)


# Items that are also JSONL lines: item -> the line the command line reads.
JSONABLE = [
    "Rakor Forkopimda di Samarinda.",
    {"id": "b"},
    5,
    None,
    [1, 2],
    True,
    "",
    "   ",
    {"text": 3, "id": "k"},
    {"text": "a" * 101},
    "a" * 101,
    "é" * 60,  # 60 characters, 120 bytes: the limit is in bytes
    {"id": 7, "text": "Rakor di Samarinda."},
    {"id": "", "text": "Rakor di Bontang."},
    {"id": 1.5, "content": "Rakor di Balikpapan."},
    {"text": "Rakor, Selasa (6/2).", "published": "kemarin", "date": "2024-02-08"},
    {"text": "Rakor.", "nested": {"a": [1, None, True, 2.5, "x"]}, "big": 2**70},
    {"text": "Rakor.", "title": 5, "url": None},
    {"text": "\u2028Rakor\u00a0di Samarinda \"kutip\"\t\\."},
]


def as_line(item):
    if isinstance(item, str):
        item = {"text": item}
    return json.dumps(item, ensure_ascii=False)


def test_error_records_equal_cli(small, cli):
    want = cli_records(cli, [as_line(i) for i in JSONABLE], "--max-bytes", "100")
    got = list(small.extract_many(JSONABLE, as_json=True))
    assert got == want
    recs = [json.loads(l) for l in got]
    kinds = [r.get("error", {}).get("kind") for r in recs]
    assert kinds == [
        None, "missing-text", "json", "json", "json", "json", "empty", "empty",
        "missing-text", "too-large", "too-large", "too-large",
        None, None, None, None, None, None, None,
    ]
    assert recs[1] == {
        "schema": "warta/1",
        "doc": {"id": "b", "line": 2},
        "error": {"kind": "missing-text", "message": 'line 2: no "text" field'},
    }
    assert recs[2]["error"]["message"] == "line 3: expected a JSON object, found a number"
    assert recs[8]["doc"] == {"id": "k", "line": 9}
    assert recs[11]["error"]["message"] == (
        "line 12: text of 120 bytes is larger than 100 bytes (--max-bytes)"
    )
    assert [r["doc"]["id"] for r in recs[12:16]] == ["7", "14", "1.5", "16"]
    assert recs[15]["doc"]["reference_date"] == "2024-02-08"
    assert recs[15]["doc"]["meta"] == {"published": "kemarin"}
    assert recs[16]["doc"]["meta"]["nested"] == {"a": [1, None, True, 2.5, "x"]}
    assert recs[17]["doc"]["meta"] == {"title": 5, "url": None}


def test_items_python_alone_can_make(ex):
    """Items no JSONL line can be: error records, the stream goes on."""
    items = [
        b"Rakor di Samarinda.",
        {"id": "d", "text": "Rakor.", "when": datetime.date(2024, 2, 6)},
        "ab\ud800cd",
        {"id": "s", "text": "x\udfff"},
        {1: "a", "text": "Rakor."},
        {"text": "Rakor.", "x": float("nan")},
        "Rakor Forkopimda Kaltim digelar Selasa (6/2/2024).",
    ]
    recs = list(ex.extract_many(items))
    assert len(recs) == 7
    errors = [(r["doc"], r["error"]["kind"], r["error"]["message"]) for r in recs[:6]]
    assert errors == [
        ({"id": "1", "line": 1}, "json", "line 1: expected a str or a dict, found a Python bytes"),
        ({"id": "d", "line": 2}, "json", "line 2: invalid JSON: a Python date is not a JSON value"),
        (
            {"id": "3", "line": 3},
            "utf8",
            "line 3: invalid UTF-8 at byte 2 of the text (a lone surrogate)",
        ),
        (
            {"id": "s", "line": 4},
            "utf8",
            "line 4: invalid UTF-8 at byte 1 of a string (a lone surrogate)",
        ),
        ({"id": "5", "line": 5}, "json", "line 5: invalid JSON: a key is a number, not a string"),
        ({"id": "6", "line": 6}, "json", "line 6: invalid JSON: NaN is not a JSON number"),
    ]
    assert recs[6]["events"][0]["kind"] == "meeting"
    assert recs[6]["doc"]["id"] == "7"


def test_deep_nesting_is_an_error_record_not_a_crash(ex):
    deep = []
    for _ in range(100_000):
        deep = [deep]
    cyclic = {"text": "Rakor."}
    cyclic["self"] = cyclic
    recs = list(ex.extract_many([{"text": "Rakor.", "deep": deep}, cyclic, "Rakor."]))
    assert [r.get("error", {}).get("kind") for r in recs] == ["json", "json", None]
    assert recs[0]["error"]["message"] == "line 1: invalid JSON: recursion limit exceeded"


def test_extract_raises_the_cli_messages(small, cli):
    """extract() raises what extract_many writes in an error record, without the
    'line N: ' of a stream."""
    for text, kind in [("a" * 101, "too-large"), ("  ", "empty"), ("", "empty")]:
        rec = json.loads(cli_records(cli, [as_line(text)], "--max-bytes", "100")[0])
        with pytest.raises(warta.WartaError) as e:
            small.extract(text)
        assert e.value.kind == kind == rec["error"]["kind"]
        assert str(e.value) == rec["error"]["message"].removeprefix("line 1: ")
    assert str(e.value) == 'field "text" is empty'
    assert issubclass(warta.WartaError, ValueError)


def test_extract_type_errors(ex):
    for value, name in [(5, "a number"), (None, "null"), (b"x", "a Python bytes"), (["x"], "an array")]:
        with pytest.raises(TypeError) as e:
            ex.extract(value)
        assert str(e.value) == f'field "text" is {name}, not a string'
    with pytest.raises(TypeError, match="id must be a str or an int, not a boolean"):
        ex.extract("Rakor.", id=True)
    with pytest.raises(TypeError):
        ex.extract("Rakor.", title=5)
    with pytest.raises(TypeError, match="reference_date must be"):
        ex.extract("Rakor.", reference_date=20240206)


def test_lone_surrogate_at_the_byte_the_cli_names(ex, cli, tmp_path):
    text = "Rakor di Samarinda \ud800 Selasa."
    path = tmp_path / "s.txt"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    out = cli(["extract", "-q", str(path)]).stdout
    cli_message = json.loads(out)["error"]["message"]
    assert cli_message == f"{path}: invalid UTF-8 at byte 19"
    with pytest.raises(warta.WartaError) as e:
        ex.extract(text)
    assert e.value.kind == "utf8"
    assert str(e.value) == "invalid UTF-8 at byte 19 of the text (a lone surrogate)"


def test_reference_dates(ex, cli):
    text = "Rakor Forkopimda digelar Selasa (6/2)."
    want = json.loads(cli_records(cli, [as_line(text)], "--reference-date", "2024-02-01")[0])
    assert want["events"][0]["date"]["value"] == "2024-02-06"
    for d in ["2024-02-01", "01/02/2024", "2024-02-01 10:00:00", datetime.date(2024, 2, 1),
              datetime.datetime(2024, 2, 1, 10, 0)]:
        assert ex.extract(text, reference_date=d) == want, d
    p = cli(["extract", "-q", "--jsonl", "-", "--reference-date", "2024-13-01"], "", check=False)
    assert p.returncode == 2
    with pytest.raises(warta.WartaError) as e:
        ex.extract(text, reference_date="2024-13-01")
    assert e.value.kind == "date"
    assert str(e.value).startswith("'2024-13-01' is not a date (YYYY-MM-DD): ")
    assert str(e.value) in p.stderr


def test_lexicon_errors_carry_the_cli_message(cli, tmp_path):
    missing = tmp_path / "nowhere"
    p = cli(["extract", "--lexicons", str(missing), "-"], "", check=False)
    with pytest.raises(warta.WartaError) as e:
        warta.Extractor(missing)
    assert e.value.kind == "io"
    assert p.returncode == 2
    assert p.stderr.strip() == f"warta: {e.value}"
    bad = tmp_path / "lex"
    bad.mkdir()
    (bad / "elections.tsv").write_text(
        "id\tkind\tyear\tdate\taliases\npemilu-x\tpemilu\tdua\t2019-04-17\tPemilu X\n"
    )
    p = cli(["extract", "--lexicons", str(bad), "-"], "", check=False)
    with pytest.raises(warta.WartaError) as e:
        warta.Extractor(str(bad))
    assert e.value.kind == "lexicon"
    assert str(e.value) == f"1 lexicon problem(s):\n  {bad}/elections.tsv:2: bad year 'dua'"
    assert p.stderr.strip() == f"warta: {e.value}"


def test_extra_lexicons_are_used(tmp_path, cli):
    lex = tmp_path / "lex"
    lex.mkdir()
    (lex / "institutions-extra.tsv").write_text(
        "type\tname\taliases\tcategory\texact\tcontext\tsource\n"
        "kopsa-x\tKoperasi Sawit Makmur Jaya\tKoperasi Sawit Makmur Jaya|KSMJ\tcompany\t\t\ttest\n"
    )
    text = "Samarinda - Ketua KSMJ membuka rapat anggota Koperasi Sawit Makmur Jaya."
    rec = warta.Extractor(lex).extract(text)
    assert [(i["id"], [m["text"] for m in i["mentions"]]) for i in rec["institutions"]] == [
        ("kopsa-x", ["KSMJ", "Koperasi Sawit Makmur Jaya"])
    ]
    assert warta.Extractor().extract(text)["institutions"][0]["id"] != "kopsa-x"
    want = cli_records(cli, [as_line(text)], "--lexicons", str(lex))
    assert list(warta.Extractor(lex).extract_many([text], as_json=True)) == want


def test_extract_many_argument_errors(ex):
    with pytest.raises(TypeError):
        ex.extract_many(5)
    with pytest.raises(ValueError, match="threads must be at least 1"):
        ex.extract_many([], threads=0)
    assert list(ex.extract_many([])) == []


def test_an_exception_of_the_input_comes_after_the_records_before_it(ex):
    def items():
        yield "Rakor di Samarinda."
        yield "Rakor di Bontang."
        raise KeyError("source broke")

    it = ex.extract_many(items())
    got = []
    with pytest.raises(KeyError, match="source broke"):
        for rec in it:
            got.append(rec["doc"]["id"])
    assert got == ["1", "2"]
    with pytest.raises(StopIteration):
        next(it)
