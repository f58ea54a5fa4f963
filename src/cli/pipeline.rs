//! The ordered parallel pipeline of `warta extract`: one reader thread → N workers →
//! the writer (the calling thread), which puts records back in input order.
//!
//! Documents travel in batches of up to [`BATCH`] documents (and about [`BATCH_BYTES`]
//! of input), so that the threads wake each other once per batch, not once per
//! document. A batch is also handed out as soon as the reader would otherwise wait for
//! input, so a slow stream is not held back. A worker extracts its batch stage by stage
//! ([`warta::Extractor::extract_batch`]), which keeps each stage's automaton in the cache.
//!
//! Memory is bounded by a window of batches: the reader takes a token before it hands
//! out a batch and the writer gives the token back once that batch's records are
//! written, so at most `4 × threads` batches are read, in flight or waiting to be
//! written.

use std::collections::BTreeMap;
use std::io::{self, BufReader, Read, Write};
use std::path::PathBuf;
use std::time::Instant;

use crossbeam_channel::{bounded, unbounded};
use warta::record::{ErrorDoc, ErrorRecord};
use warta::{Article, Extractor};

use super::progress::Progress;
use warta::jsonl::{self, Fields};

/// Where documents come from.
#[derive(Debug)]
pub enum Source {
    /// One text file, one document; its id is the file stem.
    Text(PathBuf),
    /// Standard input as one text document, id `-`.
    StdinText,
    /// A JSONL file; `stem_ids`: missing ids are `<stem>:<line>` instead of `<line>`.
    Jsonl {
        /// The file.
        path: PathBuf,
        /// Whether ids made from line numbers carry the file stem.
        stem_ids: bool,
    },
    /// Standard input as JSONL.
    StdinJsonl,
}

/// What the pipeline needs besides the sources.
pub struct Options<'a> {
    /// The extractor shared by every worker.
    pub extractor: &'a Extractor,
    /// JSONL field mapping and limits.
    pub fields: Fields,
    /// Worker threads.
    pub threads: usize,
    /// Indent records.
    pub pretty: bool,
    /// No per-error messages and no summary on stderr.
    pub quiet: bool,
}

/// Counts for the summary.
#[derive(Debug, Default)]
pub struct Totals {
    /// Records written.
    pub ok: u64,
    /// Error records written.
    pub errors: u64,
    /// Input bytes consumed.
    pub bytes: u64,
    /// Whether stdout closed early (a closed pipe): stop quietly.
    pub closed: bool,
}

/// One unit of work, made by the reader.
enum Job {
    /// A whole text input.
    Text {
        id: String,
        path: Option<String>,
        read: Result<String, (&'static str, String)>,
    },
    /// One JSONL line.
    Line {
        path: Option<String>,
        stem: Option<String>,
        number: u64,
        line: jsonl::Line,
    },
    /// An input that could not be opened or read.
    Fail {
        doc: ErrorDoc,
        kind: &'static str,
        message: String,
    },
}

/// Documents per batch.
pub const BATCH: usize = 16;

/// Input bytes after which a batch is handed out even when it has fewer documents.
pub const BATCH_BYTES: u64 = 1 << 20;

/// Batches in flight per worker thread.
const BATCHES_PER_THREAD: usize = 4;

impl Job {
    /// The input bytes this job carries.
    fn bytes(&self) -> u64 {
        match self {
            Job::Text { read: Ok(t), .. } => t.len() as u64,
            Job::Line { line, .. } => line.consumed,
            _ => 0,
        }
    }
}

/// One unit done, made by a worker.
struct Done {
    out: Vec<u8>,
    error: Option<String>,
    bytes: u64,
}

/// Runs the sources through the extractor and writes the records to `out` in order.
pub fn run<W: Write>(
    sources: Vec<Source>,
    opts: &Options<'_>,
    out: &mut W,
    progress: &Progress,
) -> Totals {
    let threads = opts.threads.max(1);
    let window = threads * BATCHES_PER_THREAD;
    let (token_tx, token_rx) = bounded::<()>(window);
    for _ in 0..window {
        let _ = token_tx.send(());
    }
    let (job_tx, job_rx) = unbounded::<(u64, Vec<Job>)>();
    let (done_tx, done_rx) = unbounded::<(u64, Vec<Done>)>();
    let mut totals = Totals::default();
    std::thread::scope(|s| {
        let fields = &opts.fields;
        s.spawn(move || {
            let mut batches = Batches {
                tokens: &token_rx,
                jobs: &job_tx,
                batch: Vec::with_capacity(BATCH),
                bytes: 0,
                seq: 0,
            };
            if read_all(sources, fields, &mut batches) {
                batches.flush();
            }
        });
        for _ in 0..threads {
            let job_rx = job_rx.clone();
            let done_tx = done_tx.clone();
            s.spawn(move || {
                for (seq, jobs) in job_rx {
                    let done = work(jobs, opts);
                    if done_tx.send((seq, done)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(job_rx);
        drop(done_tx);
        let mut next = 0u64;
        let mut waiting = BTreeMap::new();
        let mut shown = 0usize;
        'write: for (seq, batch) in done_rx.iter() {
            waiting.insert(seq, batch);
            while let Some(batch) = waiting.remove(&next) {
                next += 1;
                for done in batch {
                    if let Some(message) = &done.error {
                        totals.errors += 1;
                        if !opts.quiet {
                            shown += 1;
                            if shown <= 20 {
                                progress.println(&format!("warta: {message}"));
                            } else if shown == 21 {
                                progress.println("warta: (further errors not shown)");
                            }
                        }
                    } else {
                        totals.ok += 1;
                    }
                    totals.bytes += done.bytes;
                    progress.record(done.bytes, totals.ok + totals.errors);
                    if out.write_all(&done.out).is_err() {
                        totals.closed = true;
                        break 'write;
                    }
                }
                let _ = token_tx.send(());
            }
            // Nothing else is ready: what is written reaches the reader of the stream
            // now, not when the buffer fills.
            if done_rx.is_empty() && out.flush().is_err() {
                totals.closed = true;
                break 'write;
            }
        }
        // Dropping the receiving ends stops the reader and workers after a closed pipe.
        drop(done_rx);
        drop(token_tx);
    });
    if !totals.closed && out.flush().is_err() {
        totals.closed = true;
    }
    totals
}

/// The reader's side of the pipeline: jobs gathered into numbered batches, one token
/// each.
struct Batches<'a> {
    tokens: &'a crossbeam_channel::Receiver<()>,
    jobs: &'a crossbeam_channel::Sender<(u64, Vec<Job>)>,
    batch: Vec<Job>,
    /// Input bytes in `batch`.
    bytes: u64,
    /// The number of the next batch.
    seq: u64,
}

impl Batches<'_> {
    /// Adds a job, handing the batch out when it is full; `false` when the pipeline
    /// stopped.
    fn push(&mut self, job: Job) -> bool {
        self.bytes += job.bytes();
        self.batch.push(job);
        if self.batch.len() >= BATCH || self.bytes >= BATCH_BYTES {
            return self.flush();
        }
        true
    }

    /// Hands out the jobs gathered so far, if any; `false` when the pipeline stopped.
    fn flush(&mut self) -> bool {
        if self.batch.is_empty() {
            return true;
        }
        let batch = std::mem::replace(&mut self.batch, Vec::with_capacity(BATCH));
        self.bytes = 0;
        if self.tokens.recv().is_err() || self.jobs.send((self.seq, batch)).is_err() {
            return false;
        }
        self.seq += 1;
        true
    }
}

/// The reader thread: turns sources into numbered batches of jobs; `false` when the
/// pipeline stopped.
fn read_all(sources: Vec<Source>, fields: &Fields, batches: &mut Batches<'_>) -> bool {
    let limit = jsonl::line_limit(fields.max_bytes);
    for source in sources {
        let go_on = match source {
            Source::Text(path) => {
                let id = stem(&path);
                let name = path.display().to_string();
                let read = std::fs::File::open(&path)
                    .map_err(|e| ("io", format!("{name}: {e}")))
                    .and_then(|f| read_text(f, &name, fields.max_bytes));
                batches.push(Job::Text {
                    id,
                    path: Some(name),
                    read,
                })
            }
            Source::StdinText => {
                // Reading standard input may wait: what is gathered goes first.
                if !batches.flush() {
                    return false;
                }
                let read = read_text(io::stdin().lock(), "<stdin>", fields.max_bytes);
                batches.push(Job::Text {
                    id: "-".into(),
                    path: None,
                    read,
                })
            }
            Source::Jsonl { path, stem_ids } => {
                let name = path.display().to_string();
                match std::fs::File::open(&path) {
                    Ok(f) => {
                        let stem = stem_ids.then(|| stem(&path));
                        let reader = BufReader::with_capacity(1 << 16, f);
                        read_lines(reader, Some(name), stem, limit, batches)
                    }
                    Err(e) => batches.push(Job::Fail {
                        doc: ErrorDoc {
                            id: Some(stem(&path)),
                            path: Some(name.clone()),
                            line: None,
                        },
                        kind: "io",
                        message: format!("{name}: {e}"),
                    }),
                }
            }
            Source::StdinJsonl => {
                let reader = BufReader::with_capacity(1 << 16, io::stdin().lock());
                read_lines(reader, None, None, limit, batches)
            }
        };
        if !go_on {
            return false;
        }
    }
    true
}

/// Emits one job per line; `false` when the pipeline stopped. The batch goes out
/// whenever the reader's buffer is empty, before a read that may wait.
fn read_lines<R: Read>(
    mut reader: BufReader<R>,
    path: Option<String>,
    stem: Option<String>,
    limit: usize,
    batches: &mut Batches<'_>,
) -> bool {
    let mut number = 0u64;
    loop {
        number += 1;
        if reader.buffer().is_empty() && !batches.flush() {
            return false;
        }
        match jsonl::read_line(&mut reader, limit) {
            Ok(Some(line)) => {
                let job = Job::Line {
                    path: path.clone(),
                    stem: stem.clone(),
                    number,
                    line,
                };
                if !batches.push(job) {
                    return false;
                }
            }
            Ok(None) => return true,
            Err(e) => {
                let name = path.as_deref().unwrap_or("<stdin>");
                return batches.push(Job::Fail {
                    doc: ErrorDoc {
                        id: None,
                        path: path.clone(),
                        line: Some(number),
                    },
                    kind: "io",
                    message: format!("{name}: line {number}: {e}"),
                });
            }
        }
    }
}

/// Reads a whole text input (at most `max` bytes) as UTF-8.
fn read_text(r: impl Read, name: &str, max: usize) -> Result<String, (&'static str, String)> {
    let mut bytes = Vec::new();
    r.take(max as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| ("io", format!("{name}: {e}")))?;
    if bytes.len() > max {
        return Err((
            "too-large",
            format!("{name}: larger than {max} bytes (--max-bytes)"),
        ));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        (
            "utf8",
            format!(
                "{name}: invalid UTF-8 at byte {}",
                e.utf8_error().valid_up_to()
            ),
        )
    })?;
    if text.trim().is_empty() {
        return Err(("empty", format!("{name}: empty text")));
    }
    Ok(text)
}

/// In debug builds, panics when the text holds the value of `WARTA_PANIC_ON`: how the tests
/// make sure a panic becomes an error record and the run goes on (release builds never
/// read the variable).
fn failpoint(text: &str) {
    if cfg!(debug_assertions) {
        if let Some(marker) = std::env::var_os("WARTA_PANIC_ON") {
            if marker
                .to_str()
                .is_some_and(|m| !m.is_empty() && text.contains(m))
            {
                panic!("WARTA_PANIC_ON matched");
            }
        }
    }
}

/// The message of a caught panic (a bug of warta's, never the input's fault).
fn panic_message(p: Box<dyn std::any::Any + Send>) -> String {
    let what = p
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| p.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "panic".to_string());
    format!("internal error (please report it): {what}")
}

/// The record of `article` as a JSON line, or, when warta panics on it, the panic's
/// message: the caller writes an error record of kind "panic" for that input and the
/// run goes on (and exits 1).
fn extracted(
    article: &Article,
    meta: Option<serde_json::Map<String, serde_json::Value>>,
    opts: &Options<'_>,
) -> Result<Vec<u8>, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        failpoint(&article.text);
        let mut rec = opts.extractor.extract(article);
        rec.doc.meta = meta;
        to_json(&rec, opts.pretty)
    }))
    .map_err(panic_message)
}

/// A job read and parsed: an article to extract, or its answer already.
enum Prepared {
    Article {
        article: Article,
        meta: Option<serde_json::Map<String, serde_json::Value>>,
        bytes: u64,
        path: Option<String>,
        line: Option<u64>,
        /// Where the input is, for an error message: its path or id, or path:line.
        place: String,
    },
    Done(Done),
}

/// A worker's part: extraction and serialization of a batch of jobs, in their order.
/// The articles go through [`Extractor::extract_batch`] together (the same records, a
/// little faster); when that panics, each is extracted alone again, so that only the
/// article that panics gets an error record.
fn work(jobs: Vec<Job>, opts: &Options<'_>) -> Vec<Done> {
    let prepared: Vec<Prepared> = jobs.into_iter().map(|j| prepare(j, opts)).collect();
    let articles: Vec<&Article> = prepared
        .iter()
        .filter_map(|p| match p {
            Prepared::Article { article, .. } => Some(article),
            Prepared::Done(_) => None,
        })
        .collect();
    let batch = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        for a in &articles {
            failpoint(&a.text);
        }
        opts.extractor.extract_batch(&articles)
    }));
    let mut records = batch.ok().map(Vec::into_iter);
    prepared
        .into_iter()
        .map(|p| match p {
            Prepared::Done(done) => done,
            Prepared::Article {
                article,
                meta,
                bytes,
                path,
                line,
                place,
            } => {
                let out = match records.as_mut().and_then(Iterator::next) {
                    Some(mut rec) => {
                        rec.doc.meta = meta;
                        Ok(to_json(&rec, opts.pretty))
                    }
                    None => extracted(&article, meta, opts),
                };
                match out {
                    Ok(out) => Done {
                        out,
                        error: None,
                        bytes,
                    },
                    Err(what) => {
                        let doc = ErrorDoc {
                            id: Some(article.id),
                            path,
                            line,
                        };
                        failed(doc, "panic", format!("{place}: {what}"), bytes, opts.pretty)
                    }
                }
            }
        })
        .collect()
}

/// Reads a job's article (or fails it).
fn prepare(job: Job, opts: &Options<'_>) -> Prepared {
    match job {
        Job::Text { id, path, read } => match read {
            Ok(text) => {
                let bytes = text.len() as u64;
                let mut article = Article::new(id, text);
                article.published = opts.fields.default_date;
                Prepared::Article {
                    place: path.clone().unwrap_or_else(|| article.id.clone()),
                    article,
                    meta: None,
                    bytes,
                    path,
                    line: None,
                }
            }
            Err((kind, message)) => {
                let doc = ErrorDoc {
                    id: Some(id),
                    path,
                    line: None,
                };
                Prepared::Done(failed(doc, kind, message, 0, opts.pretty))
            }
        },
        Job::Line {
            path,
            stem,
            number,
            line,
        } => {
            let bytes = line.consumed;
            let line_id = || match &stem {
                Some(s) => format!("{s}:{number}"),
                None => number.to_string(),
            };
            let place = match &path {
                Some(p) => format!("{p}:{number}"),
                None => format!("line {number}"),
            };
            let parsed = jsonl::parse_line(&line, &opts.fields, line_id);
            drop(line.bytes);
            match parsed {
                Ok((article, meta)) => Prepared::Article {
                    article,
                    meta: Some(meta).filter(|m| !m.is_empty()),
                    bytes,
                    path,
                    line: Some(number),
                    place,
                },
                Err(f) => {
                    let message = format!("{place}: {}", f.message);
                    let doc = ErrorDoc {
                        id: Some(f.id.unwrap_or_else(line_id)),
                        path,
                        line: Some(number),
                    };
                    Prepared::Done(failed(doc, f.kind, message, bytes, opts.pretty))
                }
            }
        }
        Job::Fail { doc, kind, message } => {
            Prepared::Done(failed(doc, kind, message, 0, opts.pretty))
        }
    }
}

fn failed(doc: ErrorDoc, kind: &str, message: String, bytes: u64, pretty: bool) -> Done {
    let out = to_json(&ErrorRecord::new(doc, kind, message.clone()), pretty);
    Done {
        out,
        error: Some(message),
        bytes,
    }
}

/// One record as a JSON line (with its "\n").
pub fn to_json<T: serde::Serialize>(value: &T, pretty: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(4096);
    let r = if pretty {
        serde_json::to_writer_pretty(&mut out, value)
    } else {
        serde_json::to_writer(&mut out, value)
    };
    if let Err(e) = r {
        out.clear();
        let info = serde_json::json!({
            "schema": warta::record::SCHEMA,
            "error": {"kind": "serialize", "message": e.to_string()},
        });
        out = info.to_string().into_bytes();
    }
    out.push(b'\n');
    out
}

/// A path's file stem, or the whole path when it has none.
pub fn stem(p: &std::path::Path) -> String {
    p.file_stem().map_or_else(
        || p.display().to_string(),
        |s| s.to_string_lossy().into_owned(),
    )
}

/// Seconds since `start`, for summaries.
pub fn seconds(start: Instant) -> f64 {
    start.elapsed().as_secs_f64()
}
