//! The native module `warta._warta`: warta's extractor for Python.
//!
//! The Python package `warta` re-exports everything here (see `warta/__init__.py`). The
//! records are the `warta/1` records `warta extract --jsonl` writes, byte for byte: an
//! input becomes an [`Article`] by the same rules as a JSONL line of the command line
//! (a `dict` item is written as the JSON line `json.dumps` would make of it, and that
//! line is read by [`warta::jsonl::parse`] itself), and the record is serialized by
//! `serde_json` as the command line does.
//!
//! Extraction never holds the GIL: [`Extractor::extract`] releases it around the work,
//! and [`Extractor::extract_many`] runs worker threads that never touch Python objects.
#![deny(missing_docs)]

use std::collections::{HashMap, VecDeque};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::Arc;

use crossbeam_channel::{unbounded, Receiver, Sender, TryRecvError};
use jiff::civil::Date;
use pyo3::create_exception;
use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyIterator, PyList, PyString, PyTuple};
use serde_json::{Map, Number, Value};
use warta::jsonl::{self, Failure, Fields, DEFAULT_MAX_BYTES};
use warta::record::{ErrorDoc, ErrorRecord, SCHEMA};
use warta::Article;

/// The module's Rust allocations (an extraction's hundred small ones per record) go to
/// jemalloc, as the command line's do; see Cargo.toml.
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

create_exception!(
    warta,
    WartaError,
    PyValueError,
    "An input or a lexicon folder warta cannot use.\n\n\
     The message is the one the command line prints; the attribute `kind` is the stable\n\
     kind of the problem: \"too-large\", \"empty\", \"utf8\" (a lone surrogate) for texts,\n\
     \"lexicon\", \"io\" or \"automaton\" for lexicon folders, \"date\" for a bad reference\n\
     date, \"panic\" for an internal error."
);

/// A [`WartaError`] with its `kind` attribute set.
fn warta_error(py: Python<'_>, kind: &str, message: impl Into<String>) -> PyErr {
    let err = WartaError::new_err(message.into());
    // Setting an attribute on a fresh exception instance cannot fail in practice; if it
    // did, the exception would still carry its message.
    let _ = err.value(py).setattr("kind", kind);
    err
}

/// The parallelism of the machine: what `--threads` defaults to.
fn all_cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// Extracts `warta/1` records from Indonesian news articles.
///
/// `Extractor()` uses the lexicons embedded in the module; `Extractor(lexicons)` adds
/// the lexicon files of the folder `lexicons` (a str or a path; a file named like an
/// embedded one replaces it), like `warta extract --lexicons DIR`. Texts larger than
/// `max_bytes` bytes of UTF-8 are refused, like `--max-bytes`. A folder that cannot be
/// read or holds a bad lexicon row raises `warta.WartaError` (a `ValueError`, `kind`
/// "io" or "lexicon") with the message the command line prints.
///
/// Build it once (loading the lexicons takes about 0.2 s) and share it: every method
/// releases the GIL while it extracts, so one extractor serves any number of threads.
#[pyclass(module = "warta", frozen)]
pub struct Extractor {
    inner: Arc<warta::Extractor>,
    max_bytes: usize,
}

/// Why an input is not an article: an error kind and the command line's message.
struct Bad {
    kind: &'static str,
    message: String,
}

impl Bad {
    fn new(kind: &'static str, message: String) -> Bad {
        Bad { kind, message }
    }
}

/// The JSON name of a Python value's type, as the command line names JSON values in its
/// messages ("a number", "an array" …); other objects are named by their Python type.
fn json_type(obj: &Bound<'_, PyAny>) -> String {
    if obj.is_none() {
        "null".into()
    } else if obj.is_instance_of::<PyBool>() {
        "a boolean".into()
    } else if obj.is_instance_of::<PyInt>() || obj.is_instance_of::<PyFloat>() {
        "a number".into()
    } else if obj.is_instance_of::<PyString>() {
        "a string".into()
    } else if obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>() {
        "an array".into()
    } else if obj.is_instance_of::<PyDict>() {
        "an object".into()
    } else {
        let name = obj
            .get_type()
            .name()
            .map_or_else(|_| "object".to_string(), |n| n.to_string());
        format!("a Python {name}")
    }
}

/// A Python `str` as a Rust string; a lone surrogate (which UTF-8 cannot encode) is a
/// `utf8` problem at the byte where the command line would find it in the file.
fn string_of(s: &Bound<'_, PyString>, what: &str) -> Result<String, Bad> {
    match s.to_cow() {
        Ok(c) => Ok(c.into_owned()),
        Err(_) => {
            let at = s
                .call_method1("encode", ("utf-8", "surrogatepass"))
                .ok()
                .and_then(|b| b.extract::<Vec<u8>>().ok())
                .map_or(0, |b| match std::str::from_utf8(&b) {
                    Ok(_) => 0,
                    Err(e) => e.valid_up_to(),
                });
            Err(Bad::new(
                "utf8",
                format!("invalid UTF-8 at byte {at} of {what} (a lone surrogate)"),
            ))
        }
    }
}

/// An article from a text and the fields given beside it, by the rules of
/// [`warta::jsonl::parse`] for a line `{"text": …}`: too large, then empty, is refused.
fn article_of_text(
    text: String,
    id: Option<String>,
    fields: &Fields,
    fallback_id: impl FnOnce() -> String,
) -> Result<Article, Bad> {
    let key = fields.text.as_deref().unwrap_or("text");
    if text.len() > fields.max_bytes {
        return Err(Bad::new(
            "too-large",
            format!(
                "text of {} bytes is larger than {} bytes (--max-bytes)",
                text.len(),
                fields.max_bytes
            ),
        ));
    }
    if text.trim().is_empty() {
        return Err(Bad::new("empty", format!("field \"{key}\" is empty")));
    }
    let mut article = Article::new(id.unwrap_or_else(fallback_id), text);
    article.published = fields.default_date;
    Ok(article)
}

/// An id given as a keyword: a non-empty `str` or an `int`, like a JSONL id (an empty
/// string is no id).
fn id_of(obj: Option<&Bound<'_, PyAny>>) -> PyResult<Option<String>> {
    let Some(obj) = obj.filter(|o| !o.is_none()) else {
        return Ok(None);
    };
    if let Ok(s) = obj.cast::<PyString>() {
        let s = string_of(s, "the id").map_err(|b| warta_error(obj.py(), b.kind, b.message))?;
        return Ok((!s.is_empty()).then_some(s));
    }
    if obj.is_instance_of::<PyInt>() && !obj.is_instance_of::<PyBool>() {
        return Ok(Some(obj.str()?.to_string()));
    }
    Err(PyTypeError::new_err(format!(
        "id must be a str or an int, not {}",
        json_type(obj)
    )))
}

/// A reference date: a `str` that a JSONL `date` field may hold (`YYYY-MM-DD` or
/// `DD/MM/YYYY`, a time may follow after a space or `T`), else one `--reference-date`
/// takes (its error otherwise), or any object with `year`, `month` and `day`
/// (`datetime.date`, `datetime.datetime`).
fn date_of(obj: Option<&Bound<'_, PyAny>>) -> PyResult<Option<Date>> {
    let Some(obj) = obj.filter(|o| !o.is_none()) else {
        return Ok(None);
    };
    let py = obj.py();
    if let Ok(s) = obj.cast::<PyString>() {
        let s = s.to_cow()?;
        if let Some(d) = jsonl::parse_date(&s) {
            return Ok(Some(d));
        }
        return s.parse::<Date>().map(Some).map_err(|e| {
            warta_error(py, "date", format!("'{s}' is not a date (YYYY-MM-DD): {e}"))
        });
    }
    let part = |name: &str| -> PyResult<i64> { obj.getattr(name)?.extract::<i64>() };
    match (part("year"), part("month"), part("day")) {
        (Ok(y), Ok(m), Ok(d)) => {
            let date = i16::try_from(y)
                .ok()
                .zip(i8::try_from(m).ok())
                .zip(i8::try_from(d).ok())
                .and_then(|((y, m), d)| Date::new(y, m, d).ok());
            date.map(Some).ok_or_else(|| {
                warta_error(py, "date", format!("{y:04}-{m:02}-{d:02} is not a date"))
            })
        }
        _ => Err(PyTypeError::new_err(format!(
            "reference_date must be a str (YYYY-MM-DD) or a datetime.date, not {}",
            json_type(obj)
        ))),
    }
}

/// One record, or error record, as the command line's JSON line (without its "\n").
fn to_json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|e| {
        serde_json::json!({
            "schema": SCHEMA,
            "error": {"kind": "serialize", "message": e.to_string()},
        })
        .to_string()
    })
}

/// The text of a caught panic.
fn panic_message(p: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = p.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = p.downcast_ref::<String>() {
        s.clone()
    } else {
        "panic".to_string()
    }
}

/// Python's `json.loads`.
static LOADS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

fn loads<'py>(py: Python<'py>, json: &str) -> PyResult<Bound<'py, PyAny>> {
    LOADS.import(py, "json", "loads")?.call1((json,))
}

#[pymethods]
impl Extractor {
    /// An extractor (see the class's documentation).
    #[new]
    #[pyo3(signature = (lexicons=None, *, max_bytes=DEFAULT_MAX_BYTES))]
    #[pyo3(text_signature = "(lexicons=None, *, max_bytes=16777216)")]
    fn new(py: Python<'_>, lexicons: Option<PathBuf>, max_bytes: usize) -> PyResult<Extractor> {
        let built = py.detach(|| {
            let mut builder = warta::Extractor::builder();
            if let Some(dir) = lexicons {
                builder = builder.lexicons(dir);
            }
            builder.build()
        });
        match built {
            Ok(inner) => Ok(Extractor {
                inner: Arc::new(inner),
                max_bytes,
            }),
            Err(e) => Err(warta_error(py, e.kind(), e.to_string())),
        }
    }

    /// The largest text accepted, in bytes of UTF-8.
    #[getter]
    fn max_bytes(&self) -> usize {
        self.max_bytes
    }

    fn __repr__(&self) -> String {
        format!("warta.Extractor(max_bytes={})", self.max_bytes)
    }

    /// The `warta/1` record of one article, as a dict: the record `warta extract
    /// --jsonl` writes for the line `{"id": id, "text": text, "date": reference_date,
    /// "title": title, "url": url}`.
    ///
    /// - `id`: a str or an int; by default (or when empty) "1", the id the command line
    ///   gives the first line of a stream that has none.
    /// - `reference_date`: the publication date anchoring partial and relative dates: a
    ///   `datetime.date`, or a str like the JSONL date fields ("2024-02-06",
    ///   "06/02/2024", "2024-02-06 08:00:00", "6 Februari 2024", "Feb 6, 2024"); another
    ///   str raises `WartaError`.
    /// - `title`: the headline given apart from the text; `url`: where it was published
    ///   (a news URL's date anchors an article without `reference_date`, and sets right
    ///   one given with day and month swapped, with a warning).
    ///
    /// Raises `warta.WartaError` (a `ValueError`) with the command line's message for a
    /// text that is empty (`kind` "empty"), too large ("too-large") or holds a lone
    /// surrogate ("utf8"), and `TypeError` for a text that is not a str.
    #[pyo3(signature = (text, *, id=None, reference_date=None, title=None, url=None))]
    fn extract<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyAny>,
        id: Option<&Bound<'py, PyAny>>,
        reference_date: Option<&Bound<'py, PyAny>>,
        title: Option<String>,
        url: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let json = self.extract_json(py, text, id, reference_date, title, url)?;
        loads(py, &json)
    }

    /// Like `extract`, but the record as the JSON line `warta extract --jsonl` writes
    /// (without the final newline): faster when the record goes to a file or a queue.
    #[pyo3(signature = (text, *, id=None, reference_date=None, title=None, url=None))]
    fn extract_json<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyAny>,
        id: Option<&Bound<'py, PyAny>>,
        reference_date: Option<&Bound<'py, PyAny>>,
        title: Option<String>,
        url: Option<String>,
    ) -> PyResult<String> {
        let Ok(s) = text.cast::<PyString>() else {
            return Err(PyTypeError::new_err(format!(
                "field \"text\" is {}, not a string",
                json_type(text)
            )));
        };
        let fields = Fields {
            text: None,
            id: "id".into(),
            max_bytes: self.max_bytes,
            default_date: date_of(reference_date)?,
        };
        let id = id_of(id)?;
        let article = string_of(s, "the text")
            .and_then(|s| article_of_text(s, id, &fields, || "1".into()))
            .map_err(|b| warta_error(py, b.kind, b.message))?;
        let mut article = article;
        article.title = title;
        article.url = url;
        let inner = &*self.inner;
        let json =
            py.detach(|| catch_unwind(AssertUnwindSafe(|| to_json(&inner.extract(&article)))));
        json.map_err(|p| {
            warta_error(
                py,
                "panic",
                format!("internal error: {}", panic_message(&*p)),
            )
        })
    }

    /// The records of many articles, extracted on `threads` worker threads (default:
    /// every core) without the GIL. `items` is any iterable (a generator of any length
    /// is fine): each item is a str (the text) or a dict with the fields of a line of
    /// `warta extract --jsonl` ("id", "text" or "content", "published" or "date",
    /// "title", "url"; the other fields go to `doc.meta`). Item *n* (from 1) gives
    /// exactly the record the command line writes for line *n* of a JSONL stream on
    /// stdin, a str item being the line `{"text": item}`.
    ///
    /// Nothing is lost and nothing raises: an item that cannot be extracted (not a str
    /// or a dict, no text, an empty or too large text …) yields the command line's
    /// error record, `{"schema": "warta/1", "doc": {"id": …, "line": n}, "error":
    /// {"kind": …, "message": "line n: …"}}`. An exception raised by `items` itself is
    /// raised once the records of the items before it are yielded.
    ///
    /// Records come in input order (`ordered=False`: as they are done). At most 256
    /// items per thread (and about 4 MiB of text per thread) are read ahead, so memory
    /// stays bounded whatever the length of `items`. `reference_date` anchors the
    /// dates of items that carry none (`--reference-date`); `text_field` and
    /// `id_field` name the fields of dict items (`--text-field`, `--id-field`);
    /// `as_json=True` yields JSON lines (str) instead of dicts.
    #[pyo3(signature = (items, *, threads=None, ordered=true, reference_date=None, text_field=None, id_field="id".to_string(), as_json=false))]
    #[pyo3(
        text_signature = "(self, items, *, threads=None, ordered=True, reference_date=None, text_field=None, id_field='id', as_json=False)"
    )]
    #[allow(clippy::too_many_arguments)]
    fn extract_many(
        &self,
        items: &Bound<'_, PyAny>,
        threads: Option<usize>,
        ordered: bool,
        reference_date: Option<&Bound<'_, PyAny>>,
        text_field: Option<String>,
        id_field: String,
        as_json: bool,
    ) -> PyResult<ExtractIter> {
        let threads = match threads {
            Some(0) => return Err(PyValueError::new_err("threads must be at least 1")),
            Some(n) => n,
            None => all_cores(),
        };
        let input = items.try_iter()?.unbind();
        let fields = Fields {
            text: text_field,
            id: id_field,
            max_bytes: self.max_bytes,
            default_date: date_of(reference_date)?,
        };
        let (job_tx, job_rx) = unbounded::<Batch>();
        let (done_tx, done_rx) = unbounded::<(u64, Vec<Done>)>();
        for _ in 0..threads {
            let jobs = job_rx.clone();
            let done = done_tx.clone();
            let inner = Arc::clone(&self.inner);
            let fields = fields.clone();
            std::thread::Builder::new()
                .name("warta-extract".into())
                .spawn(move || worker(&inner, &fields, &jobs, &done))
                .map_err(|e| PyRuntimeError::new_err(format!("cannot start a thread: {e}")))?;
        }
        Ok(ExtractIter {
            input: Some(input),
            error: None,
            jobs: Some(job_tx),
            done: done_rx,
            fields,
            open: Batch::default(),
            batches: 0,
            sent: 0,
            next_batch: 0,
            waiting: HashMap::new(),
            ready: VecDeque::new(),
            in_flight: 0,
            in_flight_bytes: 0,
            window: threads * WINDOW_ITEMS,
            window_bytes: threads * WINDOW_BYTES,
            ordered,
            as_json,
        })
    }
}

/// Items read ahead per worker thread: 16 batches of 16, four times the command line's
/// window. The Python thread that reads the items and takes the records wakes once per
/// batch; on a loaded machine it may wait tens of milliseconds for a core, and the
/// workers must not run dry meanwhile (with 4 batches, about 10 ms of work, they did).
const WINDOW_ITEMS: usize = 256;

/// Bytes of text read ahead per worker thread (4 batches of 1 MiB).
const WINDOW_BYTES: usize = 4 << 20;

/// Items per batch: the threads wake each other once per batch, not once per item.
const BATCH: usize = 16;

/// Bytes of text after which a batch goes out with fewer items.
const BATCH_BYTES: usize = 1 << 20;

/// An item of `extract_many`, taken from its Python object while holding the GIL.
enum Item {
    /// A str item.
    Text(String),
    /// A dict item, as the JSONL line it stands for.
    Line(String),
    /// An item that is no article, whatever the extractor.
    Bad(Failure),
}

/// Items on their way to a worker: the batch's number, the number of its first item
/// (from 0), and each item with its size.
#[derive(Default)]
struct Batch {
    seq: u64,
    first: u64,
    bytes: usize,
    items: Vec<(usize, Item)>,
}

/// A record on its way back, with the size of its item.
struct Done {
    bytes: usize,
    json: String,
}

/// A worker thread: batches of items in, batches of JSON lines out, until either
/// channel closes. A batch's articles go through `Extractor::extract_batch` together
/// (the records `extract` gives, a little faster); when that panics, each is extracted
/// alone again, so that only the item that panics gets an error record.
fn worker(
    ex: &warta::Extractor,
    fields: &Fields,
    jobs: &Receiver<Batch>,
    done: &Sender<(u64, Vec<Done>)>,
) {
    for batch in jobs {
        let read: Vec<(usize, u64, Parsed)> = (batch.first + 1..)
            .zip(batch.items)
            .map(|(number, (bytes, item))| {
                let parsed = catch_unwind(AssertUnwindSafe(|| parse(fields, number, item)))
                    .unwrap_or_else(|p| Err(panicked(number, &*p)));
                (bytes, number, parsed)
            })
            .collect();
        let articles: Vec<&Article> = read
            .iter()
            .filter_map(|(_, _, r)| r.as_ref().ok().map(|(a, _)| a))
            .collect();
        let records = catch_unwind(AssertUnwindSafe(|| ex.extract_batch(&articles))).ok();
        let mut records = records.map(Vec::into_iter);
        let out = read
            .into_iter()
            .map(|(bytes, number, parsed)| {
                let json = match parsed {
                    Err(json) => json,
                    Ok((article, meta)) => match records.as_mut().and_then(Iterator::next) {
                        Some(rec) => record_json(rec, meta),
                        None => catch_unwind(AssertUnwindSafe(|| {
                            record_json(ex.extract(&article), meta)
                        }))
                        .unwrap_or_else(|p| panicked(number, &*p)),
                    },
                };
                Done { bytes, json }
            })
            .collect();
        if done.send((batch.seq, out)).is_err() {
            break;
        }
    }
}

/// An item read: its article and metadata, or its error record as a JSON line.
type Parsed = Result<(Article, Map<String, Value>), String>;

/// The error record of item `number` when warta panicked on it.
fn panicked(number: u64, p: &(dyn std::any::Any + Send)) -> String {
    let message = format!("line {number}: internal error: {}", panic_message(p));
    to_json(&ErrorRecord::new(error_doc(None, number), "panic", message))
}

fn error_doc(id: Option<String>, number: u64) -> ErrorDoc {
    ErrorDoc {
        id: Some(id.unwrap_or_else(|| number.to_string())),
        path: None,
        line: Some(number),
    }
}

/// Item `number` read as an article and its metadata, or its error record (as
/// `warta extract --jsonl -` writes line `number`).
fn parse(fields: &Fields, number: u64, item: Item) -> Parsed {
    let line_id = || number.to_string();
    let parsed = match item {
        Item::Text(text) => article_of_text(text, None, fields, line_id)
            .map(|a| (a, Map::new()))
            .map_err(|b| Failure {
                kind: b.kind,
                message: b.message,
                id: None,
            }),
        Item::Line(line) => jsonl::parse(line.as_bytes(), fields, line_id),
        Item::Bad(f) => Err(f),
    };
    parsed.map_err(|f| {
        let message = format!("line {number}: {}", f.message);
        to_json(&ErrorRecord::new(error_doc(f.id, number), f.kind, message))
    })
}

/// A record with its metadata, as a JSON line.
fn record_json(mut rec: warta::Record, meta: Map<String, Value>) -> String {
    if !meta.is_empty() {
        rec.doc.meta = Some(meta);
    }
    to_json(&rec)
}

/// How deep a dict item may nest: serde_json's own recursion limit, past which the
/// command line could not read the line either.
const MAX_DEPTH: usize = 128;

/// Writes a Python value as the JSON `json.dumps` would write for it (spacing aside), so
/// that the command line's own reader reads it as it would read that line.
fn write_json(obj: &Bound<'_, PyAny>, depth: usize, out: &mut String) -> Result<(), String> {
    if depth > MAX_DEPTH {
        return Err("invalid JSON: recursion limit exceeded".into());
    }
    let escaped = |s: &str| serde_json::to_string(s).map_err(|e| format!("invalid JSON: {e}"));
    if obj.is_none() {
        out.push_str("null");
    } else if let Ok(b) = obj.cast::<PyBool>() {
        out.push_str(if b.is_true() { "true" } else { "false" });
    } else if let Ok(s) = obj.cast::<PyString>() {
        let s = string_of(s, "a string").map_err(|b| b.message)?;
        out.push_str(&escaped(&s)?);
    } else if obj.is_instance_of::<PyInt>() {
        // Python's digits, which `json.dumps` writes too (also past 64 bits).
        out.push_str(
            &obj.str()
                .map_err(|e| e.to_string())?
                .to_cow()
                .map_err(|e| e.to_string())?,
        );
    } else if let Ok(f) = obj.cast::<PyFloat>() {
        // The shortest digits that read back as `f`, as Python's `repr` gives them.
        let f = f.value();
        let n =
            Number::from_f64(f).ok_or_else(|| format!("invalid JSON: {f} is not a JSON number"))?;
        out.push_str(&n.to_string());
    } else if let Ok(d) = obj.cast::<PyDict>() {
        out.push('{');
        for (n, (k, v)) in d.iter().enumerate() {
            let Ok(k) = k.cast::<PyString>() else {
                return Err(format!(
                    "invalid JSON: a key is {}, not a string",
                    json_type(&k)
                ));
            };
            let k = string_of(k, "a key").map_err(|b| b.message)?;
            if n > 0 {
                out.push(',');
            }
            out.push_str(&escaped(&k)?);
            out.push(':');
            write_json(&v, depth + 1, out)?;
        }
        out.push('}');
    } else if obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>() {
        out.push('[');
        for (n, v) in obj.try_iter().map_err(|e| e.to_string())?.enumerate() {
            if n > 0 {
                out.push(',');
            }
            write_json(&v.map_err(|e| e.to_string())?, depth + 1, out)?;
        }
        out.push(']');
    } else {
        return Err(format!(
            "invalid JSON: {} is not a JSON value",
            json_type(obj)
        ));
    }
    Ok(())
}

/// An `extract_many` item taken from Python: its size and what it is.
fn item_of(obj: &Bound<'_, PyAny>, fields: &Fields) -> (usize, Item) {
    let fail = |kind, message, id| (0, Item::Bad(Failure { kind, message, id }));
    if let Ok(s) = obj.cast::<PyString>() {
        return match string_of(s, "the text") {
            Ok(t) => (t.len(), Item::Text(t)),
            Err(b) => fail(b.kind, b.message, None),
        };
    }
    if let Ok(d) = obj.cast::<PyDict>() {
        let mut line = String::new();
        return match write_json(d.as_any(), 0, &mut line) {
            Ok(()) => (line.len(), Item::Line(line)),
            Err(message) => {
                // The id is still worth reporting when it can be read.
                let id = d
                    .get_item(&fields.id)
                    .ok()
                    .flatten()
                    .and_then(|v| id_of(Some(&v)).ok().flatten());
                let kind = if message.contains("lone surrogate") {
                    "utf8"
                } else {
                    "json"
                };
                fail(kind, message, id)
            }
        };
    }
    let found = json_type(obj);
    let message = if found.starts_with("a Python") {
        format!("expected a str or a dict, found {found}")
    } else {
        format!("expected a JSON object, found {found}")
    };
    fail("json", message, None)
}

/// The iterator `Extractor.extract_many` returns: records in input order (or as done).
#[pyclass(module = "warta")]
pub struct ExtractIter {
    /// The items; `None` once exhausted or failed.
    input: Option<Py<PyIterator>>,
    /// The exception `input` raised, raised after the records before it.
    error: Option<PyErr>,
    /// To the workers; dropped at the end of the input, which stops them.
    jobs: Option<Sender<Batch>>,
    /// From the workers.
    done: Receiver<(u64, Vec<Done>)>,
    fields: Fields,
    /// The batch being gathered.
    open: Batch,
    /// Batches sent so far.
    batches: u64,
    /// Items read so far.
    sent: u64,
    /// The number of the next batch to yield (ordered).
    next_batch: u64,
    /// Batches done before their turn.
    waiting: HashMap<u64, Vec<Done>>,
    /// The records of the batch being yielded.
    ready: VecDeque<Done>,
    /// Items read and not yet yielded, and their bytes.
    in_flight: usize,
    in_flight_bytes: usize,
    window: usize,
    window_bytes: usize,
    ordered: bool,
    as_json: bool,
}

impl ExtractIter {
    /// Reads items ahead until the window is full or the input ends.
    fn fill(&mut self, py: Python<'_>) -> PyResult<()> {
        while let Some(input) = &self.input {
            if self.in_flight >= self.window
                || (self.in_flight > 0 && self.in_flight_bytes >= self.window_bytes)
            {
                break;
            }
            let input = input.bind(py).clone();
            let next = input.into_iter().next();
            match next {
                None => self.end()?,
                Some(Err(e)) => {
                    self.error = Some(e);
                    self.end()?;
                }
                Some(Ok(obj)) => {
                    let (bytes, item) = item_of(&obj, &self.fields);
                    if self.open.items.is_empty() {
                        self.open.first = self.sent;
                    }
                    self.open.items.push((bytes, item));
                    self.open.bytes += bytes;
                    self.sent += 1;
                    self.in_flight += 1;
                    self.in_flight_bytes += bytes;
                    if self.open.items.len() >= BATCH || self.open.bytes >= BATCH_BYTES {
                        self.flush()?;
                    }
                }
            }
        }
        Ok(())
    }

    /// Hands the batch being gathered to the workers, if it has items.
    fn flush(&mut self) -> PyResult<()> {
        if self.open.items.is_empty() {
            return Ok(());
        }
        let mut batch = std::mem::take(&mut self.open);
        batch.seq = self.batches;
        self.batches += 1;
        let sent = self.jobs.as_ref().is_some_and(|j| j.send(batch).is_ok());
        if sent {
            Ok(())
        } else {
            Err(PyRuntimeError::new_err("warta: the worker threads stopped"))
        }
    }

    /// The input is over: the last batch goes out, and the workers stop once they have
    /// done what they have.
    fn end(&mut self) -> PyResult<()> {
        self.input = None;
        let flushed = self.flush();
        self.jobs = None;
        flushed
    }

    /// The next record to yield, waiting for its batch without the GIL.
    fn take(&mut self, py: Python<'_>) -> PyResult<Done> {
        loop {
            if let Some(d) = self.ready.pop_front() {
                return Ok(d);
            }
            let batch = if self.ordered {
                self.waiting.remove(&self.next_batch)
            } else {
                let any = self.waiting.keys().next().copied();
                any.and_then(|k| self.waiting.remove(&k))
            };
            if let Some(batch) = batch {
                self.next_batch += 1;
                self.ready = batch.into();
                continue;
            }
            let got = match self.done.try_recv() {
                Ok(d) => Ok(d),
                Err(TryRecvError::Empty) => {
                    // The record may be in the batch being gathered: it goes out first.
                    self.flush()?;
                    let done = &self.done;
                    py.detach(|| done.recv()).map_err(|_| ())
                }
                Err(TryRecvError::Disconnected) => Err(()),
            };
            let Ok((seq, records)) = got else {
                return Err(PyRuntimeError::new_err("warta: the worker threads stopped"));
            };
            self.waiting.insert(seq, records);
        }
    }
}

#[pymethods]
impl ExtractIter {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__<'py>(
        mut slf: PyRefMut<'py, Self>,
        py: Python<'py>,
    ) -> PyResult<Option<Bound<'py, PyAny>>> {
        slf.fill(py)?;
        if slf.in_flight == 0 {
            return match slf.error.take() {
                Some(e) => Err(e),
                None => Ok(None),
            };
        }
        let done = slf.take(py)?;
        slf.in_flight -= 1;
        slf.in_flight_bytes -= done.bytes;
        if slf.as_json {
            Ok(Some(PyString::new(py, &done.json).into_any()))
        } else {
            loads(py, &done.json).map(Some)
        }
    }
}

/// warta's extractor for Python (the native part of the package `warta`).
#[pymodule]
fn _warta(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Extractor>()?;
    m.add_class::<ExtractIter>()?;
    m.add("WartaError", m.py().get_type::<WartaError>())?;
    m.add("SCHEMA", SCHEMA)?;
    m.add("DEFAULT_MAX_BYTES", DEFAULT_MAX_BYTES)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
