"""warta on Apache Spark: one ``warta/1`` record per row of a DataFrame.

    >>> from warta.spark import extract, record_schema
    >>> out = extract(df, text_col="content", id_col="id", date_col="date")
    >>> out.select("id", "warta").show()

``extract`` runs ``DataFrame.mapInArrow``: each Python worker process builds one
:class:`warta.Extractor` the first time it needs it (about 0.2 s) and keeps it for
every later task, and each task streams its partition through
:meth:`warta.Extractor.extract_many`, batch after batch. Every row gets exactly one
record, the one ``warta extract --jsonl`` writes for the JSON line
``{"id": …, "text": …, "date": …, "title": …, "url": …}`` made of the row's columns; a
row that cannot be extracted (a null or empty text …) gets the command line's error
record. Needs ``pyspark`` and ``pyarrow``; this module imports neither until called.

To work on the records with Spark SQL, parse the column with :func:`record_schema` (or
pass ``parse=True``)::

    >>> from pyspark.sql.functions import col, from_json
    >>> parsed = out.withColumn("r", from_json("warta", record_schema()))
    >>> parsed.select("id", col("r.events")[0]["kind"], "r.doc.dateline").show()
"""

from __future__ import annotations

import datetime
from collections import deque
from itertools import islice
from typing import TYPE_CHECKING, Any, Deque, Dict, Iterator, List, Optional

from ._warta import Extractor

if TYPE_CHECKING:  # pragma: no cover
    import pyarrow
    from pyspark.sql import DataFrame
    from pyspark.sql.types import StructType

__all__ = ["extract", "record_schema"]

# One extractor per Python worker process and lexicon folder, built on first use.
_EXTRACTORS: Dict[Optional[str], Extractor] = {}


def _extractor(lexicons: Optional[str]) -> Extractor:
    ex = _EXTRACTORS.get(lexicons)
    if ex is None:
        ex = _EXTRACTORS[lexicons] = Extractor(lexicons)
    return ex


def _date(value: Any) -> Any:
    """A date column's value as a JSONL date field holds it."""
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return value


def extract(
    df: "DataFrame",
    text_col: str = "text",
    id_col: Optional[str] = None,
    date_col: Optional[str] = None,
    *,
    title_col: Optional[str] = None,
    url_col: Optional[str] = None,
    output_col: str = "warta",
    lexicons: Optional[str] = None,
    threads: int = 1,
    parse: bool = False,
) -> "DataFrame":
    """The rows of ``df`` with one more string column, ``output_col``: the row's
    ``warta/1`` record as a JSON line (parse it with ``from_json`` or ``json.loads``).

    - ``text_col``: the article text (a string column).
    - ``id_col``: the record's ``doc.id`` (string or number); without it, or when the
      value is null, the row's number (from 1) within its partition, which is also the
      ``line`` of error records.
    - ``date_col``: the publication date: a date or timestamp column, or strings such as
      "2024-02-06", "06/02/2024", "2019-09-10 08:00:00" or "10 September 2019".
    - ``title_col``, ``url_col``: the headline given apart from the text, and the URL.
    - ``lexicons``: a folder of extra lexicon files, readable on every executor.
    - ``threads``: extraction threads per task (Spark already runs a task per core).
    - ``parse``: the column holds the record parsed with :func:`record_schema` (a
      struct, whose ``error`` is set for an error record) instead of its JSON line.

    Rows out = rows in, in the same partitions and order.
    """
    from pyspark.sql.types import StringType, StructField, StructType

    if output_col in df.columns:
        raise ValueError(f"column {output_col!r} already exists")
    schema = StructType(df.schema.fields + [StructField(output_col, StringType(), False)])

    def run(batches: Iterator["pyarrow.RecordBatch"]) -> Iterator["pyarrow.RecordBatch"]:
        import pyarrow as pa

        ex = _extractor(lexicons)
        # The batches read and not yet given back with their records: the records come
        # from one extract_many over the whole partition (so that a row's number, in ids
        # and error records, counts from the partition's start), in row order.
        pending: Deque["pyarrow.RecordBatch"] = deque()

        def items() -> Iterator[Dict[str, Any]]:
            for batch in batches:
                pending.append(batch)
                column = lambda name: batch.column(name).to_pylist() if name else None
                texts, ids, dates = column(text_col), column(id_col), column(date_col)
                titles, urls = column(title_col), column(url_col)
                for i, text in enumerate(texts):
                    item: Dict[str, Any] = {"text": text}
                    if ids is not None and ids[i] is not None:
                        item["id"] = ids[i]
                    if dates is not None and dates[i] is not None:
                        item["date"] = _date(dates[i])
                    if titles is not None and titles[i] is not None:
                        item["title"] = titles[i]
                    if urls is not None and urls[i] is not None:
                        item["url"] = urls[i]
                    yield item

        def with_records(batch: "pyarrow.RecordBatch", records: List[str]) -> "pyarrow.RecordBatch":
            return pa.RecordBatch.from_arrays(
                list(batch.columns) + [pa.array(records, pa.string())],
                names=list(batch.schema.names) + [output_col],
            )

        records = ex.extract_many(items(), threads=threads, as_json=True)
        for first in records:
            while pending[0].num_rows == 0:
                yield with_records(pending.popleft(), [])
            batch = pending.popleft()
            rest = list(islice(records, batch.num_rows - 1))
            yield with_records(batch, [first] + rest)
        for batch in pending:  # batches of no rows after the last record
            yield with_records(batch, [])

    out = df.mapInArrow(run, schema)
    if parse:
        from pyspark.sql.functions import from_json

        out = out.withColumn(output_col, from_json(output_col, record_schema()))
    return out


def record_schema() -> "StructType":
    """The Spark schema of a ``warta/1`` record (docs/RECORDS.md), for ``from_json``::

        out.withColumn("r", from_json("warta", warta.spark.record_schema()))

    It holds every field of the record except the ``mentions`` lists of places,
    institutions, people and groups, the ``span`` of times, figures and quotes, and
    ``doc.meta`` (read those from the JSON line with ``json.loads`` or
    ``get_json_object``); ``events[].trigger`` keeps its span. An error record fills
    ``doc`` (``id``, ``path``, ``line``) and ``error`` (``kind``, ``message``) and
    leaves the rest null. Ids, kinds and dates are strings (dates as written in the
    record: "2024-02-06", "2024-02", "2024-W06"), offsets and ``doc.bytes`` longs, figure
    and count values doubles.
    """
    from pyspark.sql.types import (
        ArrayType,
        BooleanType,
        DoubleType,
        IntegerType,
        LongType,
        StringType,
        StructField,
        StructType,
    )

    def struct(**fields: Any) -> "StructType":
        return StructType([StructField(name, t, True) for name, t in fields.items()])

    s, strings = StringType(), ArrayType(StringType())
    span = struct(start=LongType(), end=LongType(), text=s)
    time = struct(
        value=s, end=s, kind=s, precision=s, weekday=s, weekday_ok=BooleanType(), year=s,
        time=s, zone=s, part_of_day=s, publication=BooleanType(),
    )
    event = struct(
        kind=s,
        subtype=s,
        title=s,
        date=time,
        venue=struct(name=s, place=s),
        place=s,
        place_precision=s,
        scope=s,
        election=struct(kind=s, year=IntegerType()),
        chair=s,
        participants=strings,
        actors=struct(actor1=strings, actor2=strings),
        counts=ArrayType(struct(kind=s, value=DoubleType(), approx=BooleanType())),
        speakers=strings,
        trigger=span,
    )
    role = struct(title=s, acting=s, jurisdiction=s, institution=s)
    return struct(
        schema=s,
        doc=struct(
            id=s, bytes=LongType(), title=s, publisher=s, dateline=s, author=s, editor=s,
            reference_date=s, url=s, path=s, line=LongType(),
        ),
        error=struct(kind=s, message=s),
        events=ArrayType(event),
        people=ArrayType(
            struct(id=s, name=s, honorifics=strings, known=BooleanType(), roles=ArrayType(role))
        ),
        institutions=ArrayType(
            struct(id=s, type=s, category=s, name=s, jurisdiction=s, unit=s)
        ),
        groups=ArrayType(struct(id=s, type=s, name=s)),
        places=ArrayType(struct(id=s, name=s, level=s, parent=s)),
        times=ArrayType(time),
        figures=ArrayType(struct(kind=s, value=DoubleType(), unit=s)),
        quotes=ArrayType(struct(text=s, speaker=s, cue=s, channel=s)),
        warnings=strings,
    )
