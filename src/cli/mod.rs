//! Flag definitions and the commands they run.

mod bench;
mod explain;
mod export;
mod extract;
mod lexicon;
mod pipeline;
mod progress;
mod report;
mod show;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// The global allocator this binary was built with (see `main.rs`), named in bench reports.
const ALLOCATOR: &str = if cfg!(all(feature = "jemalloc", not(target_env = "msvc"))) {
    "jemalloc"
} else {
    "system"
};

/// Typed, source-anchored event records from Indonesian regional news.
#[derive(Debug, Parser)]
#[command(name = "warta", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Extract warta/1 records (JSONL on stdout) from text files, JSONL streams, folders, or stdin.
    Extract(extract::Args),
    /// Show why each capitalized name of a text became a person or not (the rule ids).
    Explain(explain::Args),
    /// Write the events of warta/1 records (JSONL) as CSV rows for other tools (--format acled).
    Export(export::Args),
    /// Render an article (or a JSONL stream of articles) as one annotated HTML page.
    Show(show::Args),
    /// Render an archive of warta/1 records (JSONL) as one HTML report.
    Report(report::Args),
    /// Measure extraction speed on a JSONL corpus, per thread count and per stage.
    Bench(bench::Args),
    /// Work with lexicon files.
    Lexicon {
        #[command(subcommand)]
        command: LexiconCommand,
    },
}

#[derive(Debug, Subcommand)]
enum LexiconCommand {
    /// Validate lexicon files and print counts per kind (default: the embedded lexicons).
    Check {
        /// A folder of lexicon files, added to (or replacing) the embedded ones.
        dir: Option<PathBuf>,
        /// Check only the folder's files, without the embedded lexicons.
        #[arg(long)]
        alone: bool,
        /// Also print the offices with a known holder on this day (YYYY-MM-DD).
        #[arg(long, value_parser = extract::parse_date)]
        date: Option<jiff::civil::Date>,
    },
}

/// Parses the command line and runs the command.
pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match cli.command {
        Command::Extract(args) => extract::run(args),
        Command::Bench(args) => bench::run(args),
        Command::Explain(args) => explain::run(args),
        Command::Export(args) => export::run(args),
        Command::Show(args) => show::run(args),
        Command::Report(args) => report::run(args),
        Command::Lexicon {
            command: LexiconCommand::Check { dir, alone, date },
        } => lexicon::check(dir, alone, date),
    }
}

/// The embedded lexicons, plus `dir`'s files; prints the error otherwise (`warta export`
/// and `warta report` need the lexicons, not an extractor).
fn lexicons(dir: Option<&std::path::Path>) -> Option<warta::lexicon::Lexicons> {
    use warta::lexicon::{LexiconFiles, Lexicons};
    let mut files = LexiconFiles::embedded();
    let loaded = match dir {
        Some(d) => files.add_dir(d).and_then(|()| Lexicons::load(&files)),
        None => Lexicons::load(&files),
    };
    loaded.map_err(|e| eprintln!("warta: {e}")).ok()
}

/// A records file read line by line, or stdin for "-"; prints the error otherwise.
fn open_lines(path: &std::path::Path) -> Option<Box<dyn std::io::BufRead>> {
    if path.as_os_str() == "-" {
        return Some(Box::new(std::io::stdin().lock()));
    }
    match std::fs::File::open(path) {
        Ok(f) => Some(Box::new(std::io::BufReader::new(f))),
        Err(e) => {
            eprintln!("warta: {}: {e}", path.display());
            None
        }
    }
}

/// The flags that say how to read an input, shared by `warta extract` and `warta show`.
#[derive(Debug, clap::Args)]
struct InputFlags {
    /// The JSONL field holding the text [default: "text", else "content"].
    #[arg(long, value_name = "NAME")]
    text_field: Option<String>,
    /// The JSONL field holding the id (a missing id becomes the line number).
    #[arg(long, value_name = "NAME", default_value = "id")]
    id_field: String,
    /// Publication date (YYYY-MM-DD) anchoring partial and relative dates of every input
    /// that carries none.
    #[arg(long, value_parser = extract::parse_date)]
    reference_date: Option<jiff::civil::Date>,
    /// Texts larger than this many bytes are refused: an error record (or entry) instead.
    #[arg(long, default_value_t = warta::jsonl::DEFAULT_MAX_BYTES)]
    max_bytes: usize,
}

impl InputFlags {
    /// The JSONL reading these flags ask for.
    fn fields(&self) -> warta::jsonl::Fields {
        warta::jsonl::Fields {
            text: self.text_field.clone(),
            id: self.id_field.clone(),
            max_bytes: self.max_bytes,
            default_date: self.reference_date,
        }
    }
}
