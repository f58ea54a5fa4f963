"""warta on Apache Spark: one ``warta/1`` record per row of a DataFrame.

    >>> from warta.spark import extract
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

__all__ = ["extract"]

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
) -> "DataFrame":
    """The rows of ``df`` with one more string column, ``output_col``: the row's
    ``warta/1`` record as a JSON line (parse it with ``from_json`` or ``json.loads``).

    - ``text_col``: the article text (a string column).
    - ``id_col``: the record's ``doc.id`` (string or number); without it, or when the
      value is null, the row's number (from 1) within its partition, which is also the
      ``line`` of error records.
    - ``date_col``: the publication date: a date or timestamp column, or strings such as
      "2024-02-06", "06/02/2024" or "2019-09-10 08:00:00".
    - ``title_col``, ``url_col``: the headline given apart from the text, and the URL.
    - ``lexicons``: a folder of extra lexicon files, readable on every executor.
    - ``threads``: extraction threads per task (Spark already runs a task per core).

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

    return df.mapInArrow(run, schema)
