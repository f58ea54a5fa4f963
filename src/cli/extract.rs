//! `warta extract`: text files, folders, JSONL streams and stdin in, one JSONL record per
//! input document out, in input order, on all cores.

use std::io::{self, BufWriter};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use jiff::civil::Date;
use warta::Extractor;

use super::pipeline::{self, Options, Source};
use super::progress::Progress;

/// Flags of `warta extract`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Text files, *.jsonl files, folders (searched recursively for *.txt and *.jsonl, in
    /// path order), or - for one text on stdin.
    #[arg(required_unless_present = "jsonl")]
    paths: Vec<PathBuf>,
    /// A JSONL file (or - for stdin): one JSON object per line, one record per line.
    #[arg(long, value_name = "FILE|-")]
    jsonl: Option<PathBuf>,
    #[command(flatten)]
    input: super::InputFlags,
    /// Worker threads [default: all cores].
    #[arg(long, value_name = "N")]
    threads: Option<usize>,
    /// No progress bar, no error messages and no summary on stderr.
    #[arg(long, short)]
    quiet: bool,
    /// Indent each record (the output is then no longer one record per line).
    #[arg(long)]
    pretty: bool,
    /// A folder of lexicon files added to (or replacing by name) the embedded ones.
    #[arg(long)]
    lexicons: Option<PathBuf>,
}

/// A `--reference-date` value: a date written YYYY-MM-DD.
pub fn parse_date(s: &str) -> Result<Date, String> {
    s.parse::<Date>()
        .map_err(|e| format!("'{s}' is not a date (YYYY-MM-DD): {e}"))
}

/// The number of worker threads: `n`, or every core.
pub fn threads(n: Option<usize>) -> usize {
    n.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1)
}

/// Builds the extractor, with extra lexicons when given; prints the error otherwise.
pub fn extractor(lexicons: Option<&Path>) -> Option<Extractor> {
    let mut builder = Extractor::builder();
    if let Some(dir) = lexicons {
        builder = builder.lexicons(dir);
    }
    match builder.build() {
        Ok(e) => Some(e),
        Err(e) => {
            eprintln!("warta: {e}");
            None
        }
    }
}

/// Runs `warta extract`.
pub fn run(args: Args) -> ExitCode {
    let Some(extractor) = extractor(args.lexicons.as_deref()) else {
        return ExitCode::from(2);
    };
    let start = Instant::now();
    let mut sources = Vec::new();
    if let Some(j) = &args.jsonl {
        sources.push(if j == Path::new("-") {
            Source::StdinJsonl
        } else {
            Source::Jsonl {
                path: j.clone(),
                stem_ids: false,
            }
        });
    }
    for p in &args.paths {
        expand(p, &mut sources);
    }
    let total = sources.iter().try_fold(0u64, |sum, s| match s {
        Source::Text(p) | Source::Jsonl { path: p, .. } => {
            Some(sum + std::fs::metadata(p).map_or(0, |m| m.len()))
        }
        Source::StdinText | Source::StdinJsonl => None,
    });
    let progress = Progress::new(total, args.quiet);
    let opts = Options {
        extractor: &extractor,
        fields: args.input.fields(),
        threads: threads(args.threads),
        pretty: args.pretty,
        quiet: args.quiet,
    };
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let totals = pipeline::run(sources, &opts, &mut out, &progress);
    progress.finish();
    if totals.closed {
        return ExitCode::SUCCESS; // closed pipe: stop quietly
    }
    if !args.quiet {
        let secs = pipeline::seconds(start);
        let mb = totals.bytes as f64 / 1e6;
        eprintln!(
            "warta: {} docs ok, {} errors, {mb:.1} MB in {secs:.1} s ({:.1} MB/s, {} threads)",
            totals.ok,
            totals.errors,
            mb / secs.max(1e-9),
            opts.threads,
        );
    }
    if totals.errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Expands a path argument: "-" is a text on stdin, a folder is its *.txt and *.jsonl
/// files (recursively, sorted by path), a *.jsonl file is JSONL, anything else is a text
/// file (errors are reported when it is read).
fn expand(path: &Path, out: &mut Vec<Source>) {
    if path == Path::new("-") {
        out.push(Source::StdinText);
    } else if path.is_dir() {
        let mut files = Vec::new();
        walk(path, &mut files);
        files.sort();
        out.extend(files.into_iter().map(source));
    } else {
        out.push(source(path.to_path_buf()));
    }
}

fn source(path: PathBuf) -> Source {
    if path.extension().is_some_and(|x| x == "jsonl") {
        Source::Jsonl {
            path,
            stem_ids: true,
        }
    } else {
        Source::Text(path)
    }
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        files.push(dir.to_path_buf()); // reported as unreadable when read
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        // Symlinked folders are not followed (no cycles); symlinked files are read.
        let Ok(kind) = e.file_type() else { continue };
        if kind.is_dir() {
            walk(&p, files);
        } else if (kind.is_file() || p.is_file())
            && p.extension().is_some_and(|x| x == "txt" || x == "jsonl")
        {
            files.push(p);
        }
    }
}
