//! `warta export --format acled`: warta/1 records (JSONL) in, one ACLED CSV row per event out.

use std::fs::File;
use std::io::{self, BufRead, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use warta::acled::{self, Line};
use warta::lexicon::Lexicons;

/// The formats `warta export` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// ACLED's CSV columns, one row per event, then warta's own (docs/EVENTS.md).
    Acled,
}

/// Flags of `warta export`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The output format.
    #[arg(long, value_enum)]
    format: Format,
    /// A records JSONL file as `warta extract` writes it, or - for stdin.
    #[arg(value_name = "RECORDS.jsonl|-")]
    input: PathBuf,
    /// Write the CSV here instead of stdout.
    #[arg(short, long, value_name = "OUT")]
    output: Option<PathBuf>,
    /// A folder of lexicon files added to (or replacing by name) the embedded ones (the
    /// places above an event's place come from them).
    #[arg(long)]
    lexicons: Option<PathBuf>,
    /// No summary on stderr (bad lines are still reported).
    #[arg(long, short)]
    quiet: bool,
}

/// What an export read and wrote.
#[derive(Debug, Default)]
struct Tally {
    records: u64,
    without_events: u64,
    error_records: u64,
    bad_lines: u64,
    rows: u64,
}

/// Why an export stopped before the end of its input.
enum Stop {
    /// The output was closed (`| head`): not an error.
    Closed,
    /// Reading the input or writing the output failed; the message names the file.
    Io(String),
}

/// Runs `warta export`: exit 0 when every line was read, 1 when any line was bad or a
/// file failed, 2 when the lexicons do not load.
pub fn run(args: Args) -> ExitCode {
    let Format::Acled = args.format;
    let Some(lex) = super::lexicons(args.lexicons.as_deref()) else {
        return ExitCode::from(2);
    };
    let input = args.input.display().to_string();
    let Some(reader) = super::open_lines(&args.input) else {
        return ExitCode::from(1);
    };
    let (out, out_name): (Box<dyn Write>, String) = match &args.output {
        Some(p) => match File::create(p) {
            Ok(f) => (Box::new(f), p.display().to_string()),
            Err(e) => {
                eprintln!("warta: {}: {e}", p.display());
                return ExitCode::from(1);
            }
        },
        None => (Box::new(io::stdout().lock()), "stdout".to_string()),
    };
    let mut out = BufWriter::new(out);
    let mut tally = Tally::default();
    let result = export(reader, &input, &mut out, &out_name, &lex, &mut tally)
        .and_then(|()| out.flush().map_err(|e| write_error(e, &out_name)));
    match result {
        Err(Stop::Closed) => return ExitCode::SUCCESS,
        Err(Stop::Io(msg)) => {
            eprintln!("warta: {msg}");
            return ExitCode::from(1);
        }
        Ok(()) => {}
    }
    if !args.quiet {
        eprintln!(
            "{} records ({} without events), {} error records, {} bad lines: {} rows",
            tally.records, tally.without_events, tally.error_records, tally.bad_lines, tally.rows
        );
    }
    if tally.bad_lines > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn write_error(e: io::Error, out_name: &str) -> Stop {
    if e.kind() == io::ErrorKind::BrokenPipe {
        Stop::Closed
    } else {
        Stop::Io(format!("{out_name}: {e}"))
    }
}

/// Writes the header, then the rows of every record of `reader`; bad lines are reported
/// on stderr and counted, and the export goes on.
fn export(
    mut reader: impl BufRead,
    input: &str,
    out: &mut impl Write,
    out_name: &str,
    lex: &Lexicons,
    tally: &mut Tally,
) -> Result<(), Stop> {
    let werr = |e| write_error(e, out_name);
    acled::write_csv_row(out, &acled::COLUMNS).map_err(werr)?;
    let mut buf = Vec::new();
    for number in 1u64.. {
        buf.clear();
        let n = reader
            .read_until(b'\n', &mut buf)
            .map_err(|e| Stop::Io(format!("{input}:{number}: {e}")))?;
        if n == 0 {
            break;
        }
        let line = buf.strip_suffix(b"\n").unwrap_or(&buf);
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        match acled::parse_line(line, input, number) {
            Ok(Line::Record(record)) => {
                tally.records += 1;
                tally.without_events += u64::from(record.events.is_empty());
                for row in acled::rows(&record, lex) {
                    acled::write_csv_row(out, &row).map_err(werr)?;
                    tally.rows += 1;
                }
            }
            Ok(Line::Error(_)) => tally.error_records += 1,
            Ok(Line::Blank) => {}
            Err(bad) => {
                tally.bad_lines += 1;
                eprintln!("warta: {bad}");
            }
        }
    }
    Ok(())
}
