//! `warta report`: an archive of warta/1 records (JSONL) as one HTML report.

use std::io::{self, BufRead, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use warta::html::report::Report;

/// Flags of `warta report`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// A records JSONL file as `warta extract` writes it, or - for stdin.
    #[arg(value_name = "RECORDS.jsonl|-")]
    input: PathBuf,
    /// Write the page here instead of stdout.
    #[arg(short, long, value_name = "OUT")]
    output: Option<PathBuf>,
    /// A folder of lexicon files added to (or replacing by name) the embedded ones (the
    /// provinces and regencies above the events' places come from them).
    #[arg(long)]
    lexicons: Option<PathBuf>,
    /// No summary on stderr (bad lines are still reported).
    #[arg(long, short)]
    quiet: bool,
}

/// How many bad lines are printed on stderr; the rest are counted.
const MAX_REPORTED: u64 = 20;

/// Runs `warta report`: exit 0 when every line was read, 1 when any line was bad or a
/// file failed, 2 when the lexicons do not load.
pub fn run(args: Args) -> ExitCode {
    let Some(lex) = super::lexicons(args.lexicons.as_deref()) else {
        return ExitCode::from(2);
    };
    let input = args.input.display().to_string();
    let Some(reader) = super::open_lines(&args.input) else {
        return ExitCode::from(1);
    };
    let mut report = Report::new();
    report.set_source(&input);
    if let Err(msg) = read(reader, &input, &mut report) {
        eprintln!("warta: {msg}");
        return ExitCode::from(1);
    }
    let page = report.render(&lex);
    if let Err(msg) = write(&page, args.output.as_ref()) {
        eprintln!("warta: {msg}");
        return ExitCode::from(1);
    }
    if !args.quiet {
        eprintln!(
            "{} records, {} error records, {} bad lines, {} events: {} bytes of HTML",
            report.records(),
            report.error_records(),
            report.bad_lines(),
            report.events(),
            page.len()
        );
    }
    if report.bad_lines() > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Counts every line of `reader`, one at a time; the first bad lines are printed.
fn read(mut reader: impl BufRead, input: &str, report: &mut Report) -> Result<(), String> {
    let mut buf = Vec::new();
    for number in 1u64.. {
        buf.clear();
        let n = reader
            .read_until(b'\n', &mut buf)
            .map_err(|e| format!("{input}:{number}: {e}"))?;
        if n == 0 {
            break;
        }
        let line = buf.strip_suffix(b"\n").unwrap_or(&buf);
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if let Err(bad) = report.add_line(line, input, number) {
            if report.bad_lines() <= MAX_REPORTED {
                eprintln!("warta: {bad}");
            }
        }
    }
    Ok(())
}

/// Writes the page to `output`, or stdout (a closed stdout is not an error).
fn write(page: &str, output: Option<&PathBuf>) -> Result<(), String> {
    match output {
        Some(p) => std::fs::write(p, page).map_err(|e| format!("{}: {e}", p.display())),
        None => {
            let mut out = io::stdout().lock();
            match out.write_all(page.as_bytes()).and_then(|()| out.flush()) {
                Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(format!("stdout: {e}")),
                _ => Ok(()),
            }
        }
    }
}
