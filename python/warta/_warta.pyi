"""Type stubs of the native module ``warta._warta`` (re-exported by ``warta``)."""

import datetime
import os
from typing import Any, Dict, Iterable, Iterator, Literal, Optional, Union, overload

SCHEMA: str
"""The schema name of every record: ``"warta/1"``."""
DEFAULT_MAX_BYTES: int
"""The default text limit, 16 MiB (``--max-bytes``)."""
__version__: str

_Date = Union[str, datetime.date, None]
_Item = Union[str, Dict[str, Any]]

class WartaError(ValueError):
    """An input or a lexicon folder warta cannot use; the message is the command line's."""

    kind: str
    """"too-large", "empty", "utf8", "lexicon", "io", "automaton", "date" or "panic"."""

class ExtractIter(Iterator[Any]):
    """The records of ``Extractor.extract_many``, in input order unless ``ordered=False``."""

    def __iter__(self) -> "ExtractIter": ...
    def __next__(self) -> Any: ...

class Extractor:
    """Extracts ``warta/1`` records; build once, share across threads."""

    def __init__(
        self, lexicons: Union[str, "os.PathLike[str]", None] = None, *, max_bytes: int = ...
    ) -> None: ...
    @property
    def max_bytes(self) -> int: ...
    def extract(
        self,
        text: str,
        *,
        id: Union[str, int, None] = None,
        reference_date: _Date = None,
        title: Optional[str] = None,
        url: Optional[str] = None,
    ) -> Dict[str, Any]: ...
    def extract_json(
        self,
        text: str,
        *,
        id: Union[str, int, None] = None,
        reference_date: _Date = None,
        title: Optional[str] = None,
        url: Optional[str] = None,
    ) -> str: ...
    @overload
    def extract_many(
        self,
        items: Iterable[_Item],
        *,
        threads: Optional[int] = None,
        ordered: bool = True,
        reference_date: _Date = None,
        text_field: Optional[str] = None,
        id_field: str = "id",
        as_json: Literal[False] = False,
    ) -> Iterator[Dict[str, Any]]: ...
    @overload
    def extract_many(
        self,
        items: Iterable[_Item],
        *,
        threads: Optional[int] = None,
        ordered: bool = True,
        reference_date: _Date = None,
        text_field: Optional[str] = None,
        id_field: str = "id",
        as_json: Literal[True],
    ) -> Iterator[str]: ...
