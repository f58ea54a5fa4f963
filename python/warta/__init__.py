"""warta: typed, source-anchored event records from Indonesian regional news.

    >>> import warta
    >>> ex = warta.Extractor()
    >>> rec = ex.extract("Rakor Forkopimda Kaltim digelar Selasa (6/2/2024).")
    >>> rec["events"][0]["kind"]
    'meeting'

Every record follows the ``warta/1`` contract (docs/RECORDS.md in the repository) and is
exactly the record ``warta extract --jsonl`` writes for the same input. Every span in a
record holds byte offsets into the UTF-8 encoding of the text:
``text.encode()[span["start"]:span["end"]].decode() == span["text"]``.

- :class:`Extractor` -- build once (about 0.2 s), share across threads;
  ``extract`` / ``extract_json`` for one article, ``extract_many`` for a stream of them on
  every core.
- :class:`WartaError` -- a ``ValueError`` with the command line's message and a ``kind``.
- :mod:`warta.spark` -- ``warta.spark.extract(df, ...)``: a record per DataFrame row.
- :mod:`warta.ray` -- ``ds.map_batches(warta.ray.Extract, ...)``: a record per Dataset row.
"""

from ._warta import DEFAULT_MAX_BYTES, SCHEMA, ExtractIter, Extractor, WartaError, __version__

__all__ = ["DEFAULT_MAX_BYTES", "SCHEMA", "ExtractIter", "Extractor", "WartaError", "__version__"]
