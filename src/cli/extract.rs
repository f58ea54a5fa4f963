//! `warta extract`: files, folders and stdin in, one JSONL record per input out.

use std::io::{self, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use jiff::civil::Date;
use warta::record::{ErrorDoc, ErrorRecord};
use warta::{Article, Extractor};

/// Flags of `warta extract`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Text files, folders (searched recursively for *.txt, in name order), or - for stdin.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Indent each record (the output is then no longer one record per line).
    #[arg(long)]
    pretty: bool,
    /// Publication date (YYYY-MM-DD) anchoring partial and relative dates of every input.
    #[arg(long, value_parser = parse_date)]
    reference_date: Option<Date>,
    /// A folder of lexicon files added to (or replacing by name) the embedded ones.
    #[arg(long)]
    lexicons: Option<PathBuf>,
    /// Inputs larger than this many bytes get an error record instead of a record.
    #[arg(long, default_value_t = 16 << 20)]
    max_bytes: usize,
}

fn parse_date(s: &str) -> Result<Date, String> {
    s.parse::<Date>()
        .map_err(|e| format!("'{s}' is not a date (YYYY-MM-DD): {e}"))
}

/// One input: where it comes from and its id.
struct Input {
    path: Option<PathBuf>,
    id: String,
}

/// Runs `warta extract`.
pub fn run(args: Args) -> ExitCode {
    let mut builder = Extractor::builder();
    if let Some(dir) = &args.lexicons {
        builder = builder.lexicons(dir);
    }
    let extractor = match builder.build() {
        Ok(e) => e,
        Err(e) => {
            eprintln!("warta: {e}");
            return ExitCode::from(2);
        }
    };
    let mut inputs = Vec::new();
    for p in &args.paths {
        expand(p, &mut inputs);
    }
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut failed = 0usize;
    for input in &inputs {
        let line = match read(input, args.max_bytes) {
            Ok(text) => {
                let mut article = Article::new(input.id.clone(), text);
                article.published = args.reference_date;
                to_json(&extractor.extract(&article), args.pretty)
            }
            Err((kind, message)) => {
                failed += 1;
                let doc = ErrorDoc {
                    id: Some(input.id.clone()),
                    path: input.path.as_ref().map(|p| p.display().to_string()),
                    line: None,
                };
                eprintln!("warta: {message}");
                to_json(&ErrorRecord::new(doc, kind, message), args.pretty)
            }
        };
        if writeln!(out, "{line}").is_err() {
            return ExitCode::SUCCESS; // closed pipe: stop quietly
        }
    }
    if out.flush().is_err() {
        return ExitCode::SUCCESS;
    }
    if failed > 0 {
        eprintln!("warta: {failed} of {} input(s) failed", inputs.len());
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn to_json<T: serde::Serialize>(value: &T, pretty: bool) -> String {
    let r = if pretty {
        serde_json::to_string_pretty(value)
    } else {
        serde_json::to_string(value)
    };
    r.unwrap_or_else(|e| {
        format!(
            "{{\"schema\":\"warta/1\",\"error\":{{\"kind\":\"serialize\",\"message\":\"{e}\"}}}}"
        )
    })
}

/// Expands a path argument: "-" is stdin, a folder is its *.txt files (recursively,
/// sorted by path), anything else is a file (errors are reported when it is read).
fn expand(path: &Path, out: &mut Vec<Input>) {
    if path == Path::new("-") {
        out.push(Input {
            path: None,
            id: "-".into(),
        });
    } else if path.is_dir() {
        let mut files = Vec::new();
        walk(path, &mut files);
        files.sort();
        out.extend(files.into_iter().map(|p| Input {
            id: stem(&p),
            path: Some(p),
        }));
    } else {
        out.push(Input {
            id: stem(path),
            path: Some(path.to_path_buf()),
        });
    }
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        files.push(dir.to_path_buf()); // reported as unreadable when read
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, files);
        } else if p.extension().is_some_and(|x| x == "txt") {
            files.push(p);
        }
    }
}

fn stem(p: &Path) -> String {
    p.file_stem().map_or_else(
        || p.display().to_string(),
        |s| s.to_string_lossy().into_owned(),
    )
}

/// Reads one input as UTF-8 text, or says why it cannot be extracted.
fn read(input: &Input, max: usize) -> Result<String, (&'static str, String)> {
    let name = input
        .path
        .as_ref()
        .map_or_else(|| "<stdin>".to_string(), |p| p.display().to_string());
    let mut bytes = Vec::new();
    let res = match &input.path {
        None => io::stdin()
            .lock()
            .take(max as u64 + 1)
            .read_to_end(&mut bytes),
        Some(p) => {
            std::fs::File::open(p).and_then(|f| f.take(max as u64 + 1).read_to_end(&mut bytes))
        }
    };
    res.map_err(|e| ("io", format!("{name}: {e}")))?;
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
