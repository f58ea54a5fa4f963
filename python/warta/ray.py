"""warta on Ray Data: one ``warta/1`` record per row of a Dataset.

    >>> import ray, warta.ray
    >>> ds = ray.data.read_json("archive.jsonl")
    >>> out = ds.map_batches(
    ...     warta.ray.Extract,
    ...     fn_constructor_kwargs={"text_col": "content", "id_col": "id", "date_col": "date"},
    ...     concurrency=4,
    ... )

:class:`Extract` is a callable class: Ray builds it once per actor (one
:class:`warta.Extractor` each, about 0.2 s) and calls it on every batch. It adds a
string column (``"warta"`` by default) holding the row's record as a JSON line, the one
``warta extract --jsonl`` writes for the JSON line ``{"id": …, "text": …, "date": …,
"title": …, "url": …}`` made of the row's columns; a row that cannot be extracted gets
the command line's error record. Batches may come as dicts of NumPy arrays (Ray's
default), pandas DataFrames or pyarrow Tables; the result has the same format. This
module imports neither Ray nor NumPy itself.
"""

from __future__ import annotations

import datetime
from typing import Any, Dict, List, Optional

from ._warta import Extractor

__all__ = ["Extract"]


def _plain(value: Any) -> Any:
    """A column value as the JSONL line would hold it (NumPy scalars, dates, NaN)."""
    if value is None:
        return None
    if isinstance(value, float) and value != value:  # NaN: pandas' missing value
        return None
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        try:
            return _plain(value.item())  # NumPy scalar
        except (TypeError, ValueError):
            pass
    if type(value).__name__ == "datetime64":
        return str(value)
    return value


class Extract:
    """Adds the ``warta/1`` record of each row, as a JSON line, to a batch.

    - ``text_col``: the article text.
    - ``id_col``: the record's ``doc.id`` (string or number). Without it (or for a null
      value) the id is the row's number (from 1) within its batch: pass an id column
      for ids that mean something.
    - ``date_col``: the publication date (dates, timestamps, or strings such as
      "2024-02-06", "06/02/2024", "2019-09-10 08:00:00", "10 September 2019").
    - ``title_col``, ``url_col``: the headline given apart from the text, and the URL.
    - ``output_col``: the new column; ``lexicons``: a folder of extra lexicon files;
      ``threads``: extraction threads per actor.
    """

    def __init__(
        self,
        text_col: str = "text",
        id_col: Optional[str] = None,
        date_col: Optional[str] = None,
        *,
        title_col: Optional[str] = None,
        url_col: Optional[str] = None,
        output_col: str = "warta",
        lexicons: Optional[str] = None,
        threads: int = 1,
    ) -> None:
        self.extractor = Extractor(lexicons)
        self.text_col = text_col
        self.fields = {"id": id_col, "date": date_col, "title": title_col, "url": url_col}
        self.output_col = output_col
        self.threads = threads

    def records(self, columns: Dict[str, List[Any]], rows: int) -> List[str]:
        """The records (JSON lines) of `rows` rows given as Python lists per column."""
        items = []
        for i in range(rows):
            item: Dict[str, Any] = {"text": _plain(columns[self.text_col][i])}
            for field, col in self.fields.items():
                if col is not None:
                    value = _plain(columns[col][i])
                    if value is not None:
                        item[field] = value
            items.append(item)
        return list(self.extractor.extract_many(items, threads=self.threads, as_json=True))

    def __call__(self, batch: Any) -> Any:
        if self.output_col in _names(batch):
            raise ValueError(f"column {self.output_col!r} already exists")
        needed = [self.text_col] + [c for c in self.fields.values() if c is not None]
        kind = type(batch).__module__.split(".")[0]
        if kind == "pyarrow":
            import pyarrow as pa

            columns = {c: batch.column(c).to_pylist() for c in needed}
            records = self.records(columns, batch.num_rows)
            return batch.append_column(self.output_col, pa.array(records, pa.string()))
        if kind == "pandas":
            columns = {c: batch[c].tolist() for c in needed}
            out = batch.copy()
            out[self.output_col] = self.records(columns, len(batch))
            return out
        # A dict of NumPy arrays (or of lists).
        columns = {c: list(batch[c]) for c in needed}
        rows = len(columns[self.text_col])
        out = dict(batch)
        records = self.records(columns, rows)
        try:
            import numpy as np

            out[self.output_col] = np.array(records, dtype=object)
        except ImportError:  # pragma: no cover
            out[self.output_col] = records
        return out


def _names(batch: Any) -> List[str]:
    if hasattr(batch, "column_names"):
        return list(batch.column_names)
    if hasattr(batch, "columns"):
        return list(batch.columns)
    return list(batch)
