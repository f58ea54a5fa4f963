"""warta.spark.extract in local mode: rows out = rows in, records equal to the CLI's."""

import datetime
import json
import os
import sys

import pytest

pytest.importorskip("pyspark", reason="pyspark is not installed")
pytest.importorskip("pyarrow", reason="pyarrow is not installed")

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
