//! `warta report`: an archive of warta/1 records (JSONL) as one HTML report.

use std::path::PathBuf;
use std::process::ExitCode;

/// Flags of `warta report`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// A records JSONL file as `warta extract` writes it, or - for stdin.
    #[arg(value_name = "RECORDS.jsonl|-")]
    input: PathBuf,
}

/// Runs `warta report`.
pub fn run(args: Args) -> ExitCode {
    eprintln!(
        "warta report: {}: not implemented yet",
        args.input.display()
    );
    ExitCode::from(2)
}
