"""warta.spark.extract in local mode: rows out = rows in, records equal to the CLI's."""

import datetime
import json
import os
import sys

import pytest

pytest.importorskip("pyspark", reason="pyspark is not installed")
pytest.importorskip("pyarrow", reason="pyarrow is not installed")

from conftest import REPO  # noqa: E402
from pyspark.sql import SparkSession  # noqa: E402
from pyspark.sql.types import DateType, StringType, StructField, StructType  # noqa: E402

import warta.spark  # noqa: E402


@pytest.fixture(scope="module")
def spark():
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("warta-tests")
        .config("spark.ui.enabled", "false")
        # Small Arrow batches: several per partition, as on real data.
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "300")
        .getOrCreate()
    )
    yield session
    session.stop()


FIELDS = ["id", "content", "date", "title", "url"]


def test_corpus_rows_equal_cli(spark, cli, corpus_lines):
    rows = []
    for n, line in enumerate(corpus_lines, 1):
        item = json.loads(line)
        rows.append((str(n), item["content"], item["date"], item["title"], item["url"]))
    schema = StructType([StructField(f, StringType(), True) for f in FIELDS])
    df = spark.createDataFrame(rows, schema).repartition(3)
    out = warta.spark.extract(
        df, text_col="content", id_col="id", date_col="date", title_col="title", url_col="url"
    )
    assert out.columns == FIELDS + ["warta"]
    got = out.select("id", "warta").collect()
    assert len(got) == len(rows) == 2000
    stdin = "".join(json.dumps(dict(zip(FIELDS, r)), ensure_ascii=False) + "\n" for r in rows)
    want = cli(["extract", "-q", "--jsonl", "-"], stdin).stdout.splitlines()
    by_id = {r["id"]: r["warta"] for r in got}
    assert len(by_id) == 2000
    assert [by_id[str(n)] for n in range(1, 2001)] == want
    assert sum("meeting" in line for line in want) > 100


def test_rows_without_ids_nulls_and_dates(spark, cli):
    texts = [
        "Rakor Forkopimda Kaltim digelar Selasa (6/2).",
        None,
        "   ",
        "Bupati Kutai Kartanegara membuka rakor, Kamis (8/2).",
    ] * 200
    dates = [datetime.date(2024, 2, 1), None, None, datetime.date(2024, 2, 5)] * 200
    schema = StructType([StructField("text", StringType(), True), StructField("d", DateType(), True)])
    df = spark.createDataFrame(list(zip(texts, dates)), schema).coalesce(1)
    got = [r["warta"] for r in warta.spark.extract(df, date_col="d").collect()]
    assert len(got) == 800
    lines = []
    for t, d in zip(texts, dates):
        item = {"text": t}
        if d is not None:
            item["date"] = d.isoformat()
        lines.append(json.dumps(item) + "\n")
    want = cli(["extract", "-q", "--jsonl", "-"], "".join(lines)).stdout.splitlines()
    assert got == want
    recs = [json.loads(g) for g in got]
    assert recs[1]["error"] == {
        "kind": "missing-text",
        "message": 'line 2: field "text" is null, not a string',
    }
    assert recs[799]["doc"]["id"] == "800"
    assert recs[0]["events"][0]["date"]["value"] == "2024-02-06"
    with pytest.raises(ValueError, match="already exists"):
        warta.spark.extract(df.withColumnRenamed("d", "warta"))


def _project(value, dtype):
    """A json.loads value as Spark's from_json with `dtype` gives it (as plain Python)."""
    from pyspark.sql.types import ArrayType, DoubleType, StructType

    if value is None:
        return None
    if isinstance(dtype, StructType):
        return {f.name: _project(value.get(f.name), f.dataType) for f in dtype.fields}
    if isinstance(dtype, ArrayType):
        return [_project(v, dtype.elementType) for v in value]
    if isinstance(dtype, DoubleType):
        return float(value)
    return value


def _unlisted(value, dtype, path=""):
    """Key paths of a record that the schema lacks (mentions, spans and doc.meta aside)."""
    from pyspark.sql.types import ArrayType, StructType

    if isinstance(dtype, StructType) and isinstance(value, dict):
        names = {f.name: f.dataType for f in dtype.fields}
        out = []
        for k, v in value.items():
            if k in ("mentions", "span", "meta"):
                continue
            if k not in names:
                out.append(path + k)
            else:
                out += _unlisted(v, names[k], path + k + ".")
        return out
    if isinstance(dtype, ArrayType) and isinstance(value, list):
        return [p for v in value for p in _unlisted(v, dtype.elementType, path)]
    return []


def test_record_schema_parses_fixture_records(spark, ex):
    from pyspark.sql.functions import from_json

    fixtures = sorted((REPO / "fixtures").glob("*.txt"))
    rows = [(p.stem, p.read_text(encoding="utf-8")) for p in fixtures] + [("blank", "  \n")]
    df = spark.createDataFrame(rows, "id string, text string").coalesce(1)
    schema = warta.spark.record_schema()
    parsed = warta.spark.extract(df, id_col="id").withColumn("r", from_json("warta", schema))
    got = {r["id"]: (r["warta"], r["r"].asDict(recursive=True)) for r in parsed.collect()}
    assert len(got) == len(rows)
    for stem, text in rows:
        line, record = got[stem]
        want = json.loads(line)
        assert record == _project(want, schema), stem
        assert _unlisted(want, schema) == [], stem
        if stem != "blank":
            assert line == ex.extract_json(text, id=stem)

    # Real values, read through the struct.
    meeting = got["samarinda-rakor-pilkada"][1]
    assert meeting["schema"] == "warta/1"
    assert meeting["doc"]["id"] == "samarinda-rakor-pilkada"
    assert meeting["doc"]["dateline"] == "64.72"
    event = meeting["events"][0]
    assert (event["kind"], event["subtype"], event["place"]) == ("meeting", "rakor", "64.72")
    assert event["date"]["value"] == "2024-10-21"
    assert (event["election"]["kind"], event["election"]["year"]) == ("pilkada", 2024)
    assert event["venue"]["name"] == "Balai Kota Samarinda"
    assert "Budi Santoso" in [p["name"] for p in meeting["people"]]
    blank = got["blank"][1]
    assert blank["error"]["kind"] == "empty" and blank["events"] is None
    kinds = {e["kind"] for _, r in got.values() for e in (r["events"] or [])}
    assert {"meeting", "arrest", "accident", "court"} <= kinds
    counts = [c["value"] for _, r in got.values() for e in (r["events"] or []) for c in e["counts"]]
    assert counts and all(isinstance(v, float) for v in counts)

    # parse=True: the column is the struct itself.
    few = df.where(df.id.isin("samarinda-rakor-pilkada", "blank"))
    structs = warta.spark.extract(few, id_col="id", parse=True)
    assert structs.schema["warta"].dataType == schema
    parsed_few = {r["id"]: r["warta"].asDict(recursive=True) for r in structs.collect()}
    assert parsed_few["samarinda-rakor-pilkada"] == meeting
    # (The blank row's error record counts its line within the smaller partition.)
    assert parsed_few["blank"]["error"] == {"kind": "empty", "message": 'line 2: field "text" is empty'}
    assert parsed_few["blank"]["doc"]["line"] == 2
