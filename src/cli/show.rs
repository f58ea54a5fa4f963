//! `warta show`: an article (or a JSONL stream of them) as an annotated HTML page.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use warta::html::page::Page;
use warta::jsonl::{self, Fields};
use warta::record::{ErrorDoc, ErrorRecord};
use warta::{Article, Extractor};

/// Flags of `warta show`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// A text file, or - for stdin.
    #[arg(
        value_name = "FILE|-",
        required_unless_present = "jsonl",
        conflicts_with = "jsonl"
    )]
    input: Option<PathBuf>,
    /// A JSONL file (or - for stdin), as `warta extract --jsonl` reads it: every line
    /// becomes an article of the page (a bad line an error entry).
    #[arg(long, value_name = "FILE|-")]
    jsonl: Option<PathBuf>,
    #[command(flatten)]
    read: super::InputFlags,
    /// Show only the first N lines of the JSONL input.
    #[arg(long, value_name = "N")]
    limit: Option<usize>,
    /// A folder of lexicon files added to (or replacing by name) the embedded ones.
    #[arg(long)]
    lexicons: Option<PathBuf>,
    /// Write the page to this file instead of stdout.
    #[arg(long, short, value_name = "OUT")]
    output: Option<PathBuf>,
    /// No error messages and no summary on stderr.
    #[arg(long, short)]
    quiet: bool,
}

/// Runs `warta show`: exit code 0 when every input made an article, 1 when an input
/// failed (the page still shows the others), 2 when the lexicons cannot be loaded.
pub fn run(args: Args) -> ExitCode {
    let Some(extractor) = super::extract::extractor(args.lexicons.as_deref()) else {
        return ExitCode::from(2);
    };
    let page = match (&args.jsonl, &args.input) {
        (Some(path), _) => {
            jsonl_page(path, &args, &extractor).map_err(|e| format!("{}: {e}", path.display()))
        }
        (None, None) => return ExitCode::from(2), // clap requires one of them
        (None, Some(path)) => text_page(path, &args, &extractor),
    };
    let page = match page {
        Ok(page) => page,
        Err(message) => {
            eprintln!("warta: {message}");
            return ExitCode::from(1);
        }
    };
    let failed = page.failed();
    if let Err(e) = write_out(args.output.as_deref(), page) {
        if e.kind() != io::ErrorKind::BrokenPipe {
            let name = args.output.as_deref().unwrap_or(Path::new("<stdout>"));
            eprintln!("warta: {}: {e}", name.display());
            return ExitCode::from(1);
        }
    }
    if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Renders one text file (or stdin) into a page; its id is the file stem, or `-`.
fn text_page(path: &Path, args: &Args, ex: &Extractor) -> Result<Page, String> {
    let text = read_text(path, args.read.max_bytes)?;
    let id = if path.as_os_str() == "-" {
        "-".to_string()
    } else {
        super::pipeline::stem(path)
    };
    let article = Article {
        published: args.read.reference_date,
        ..Article::new(id, text)
    };
    let record = ex.extract(&article);
    let mut page = Page::new();
    page.push(&record, &article.text);
    Ok(page)
}

/// Reads a whole text input (at most `max` bytes) as non-empty UTF-8.
fn read_text(path: &Path, max: usize) -> Result<String, String> {
    let name = path.display();
    let mut bytes = Vec::new();
    let read = if path.as_os_str() == "-" {
        io::stdin()
            .lock()
            .take(max as u64 + 1)
            .read_to_end(&mut bytes)
    } else {
        std::fs::File::open(path).and_then(|f| f.take(max as u64 + 1).read_to_end(&mut bytes))
    };
    read.map_err(|e| format!("{name}: {e}"))?;
    if bytes.len() > max {
        return Err(format!("{name}: larger than {max} bytes (--max-bytes)"));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        format!("{name}: invalid UTF-8 at byte {at}")
    })?;
    if text.trim().is_empty() {
        return Err(format!("{name}: empty text"));
    }
    Ok(text)
}

/// Renders every line of a JSONL input (up to `--limit`) into one page.
fn jsonl_page(path: &Path, args: &Args, ex: &Extractor) -> io::Result<Page> {
    let fields = args.read.fields();
    let stdin = path.as_os_str() == "-";
    let reader: Box<dyn BufRead> = if stdin {
        Box::new(BufReader::with_capacity(1 << 16, io::stdin().lock()))
    } else {
        Box::new(BufReader::with_capacity(
            1 << 16,
            std::fs::File::open(path)?,
        ))
    };
    let name = if stdin {
        None
    } else {
        Some(path.display().to_string())
    };
    let mut page = Page::new();
    read_lines(reader, name, &fields, args.limit, ex, &mut page, args.quiet);
    let failed = page.failed();
    if !args.quiet {
        eprintln!("warta: {} docs shown, {failed} errors", page.len() - failed);
    }
    Ok(page)
}

/// Adds one entry per line to `page`: the article, or the reason it failed.
fn read_lines(
    mut reader: Box<dyn BufRead + '_>,
    path: Option<String>,
    fields: &Fields,
    limit: Option<usize>,
    ex: &Extractor,
    page: &mut Page,
    quiet: bool,
) {
    let max_lines = limit.unwrap_or(usize::MAX) as u64;
    let line_limit = jsonl::line_limit(fields.max_bytes);
    let place = |n: u64| match &path {
        Some(p) => format!("{p}:{n}"),
        None => format!("line {n}"),
    };
    let mut number = 0u64;
    while number < max_lines {
        number += 1;
        let line = match jsonl::read_line(&mut reader, line_limit) {
            Ok(Some(line)) => line,
            Ok(None) => return,
            Err(e) => {
                let doc = error_doc(None, &path, number);
                let message = format!("{}: {e}", place(number));
                fail(page, doc, "io", message, quiet);
                return;
            }
        };
        match jsonl::parse_line(&line, fields, || number.to_string()) {
            Ok((article, meta)) => {
                let mut record = ex.extract(&article);
                if !meta.is_empty() {
                    record.doc.meta = Some(meta);
                }
                page.push(&record, &article.text);
            }
            Err(f) => {
                let doc = error_doc(f.id, &path, number);
                let message = format!("{}: {}", place(number), f.message);
                fail(page, doc, f.kind, message, quiet);
            }
        }
    }
}

fn error_doc(id: Option<String>, path: &Option<String>, number: u64) -> ErrorDoc {
    ErrorDoc {
        id: Some(id.unwrap_or_else(|| number.to_string())),
        path: path.clone(),
        line: Some(number),
    }
}

/// Adds an error entry, and reports it on stderr (the first 20).
fn fail(page: &mut Page, doc: ErrorDoc, kind: &str, message: String, quiet: bool) {
    if !quiet {
        match page.failed() {
            0..20 => eprintln!("warta: {message}"),
            20 => eprintln!("warta: (further errors not shown)"),
            _ => {}
        }
    }
    page.push_error(&ErrorRecord::new(doc, kind, message));
}

/// Writes the page to the file, or to stdout.
fn write_out(path: Option<&Path>, page: Page) -> io::Result<()> {
    match path {
        Some(p) => {
            let mut out = io::BufWriter::new(std::fs::File::create(p)?);
            page.write_to(&mut out)?;
            out.flush()
        }
        None => {
            let mut out = io::stdout().lock();
            page.write_to(&mut out)?;
            out.flush()
        }
    }
}
