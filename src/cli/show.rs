//! `warta show`: an article (or a JSONL stream of them) as an annotated HTML page.

use std::path::PathBuf;
use std::process::ExitCode;

/// Flags of `warta show`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// A text file, or - for stdin.
    #[arg(value_name = "FILE|-")]
    input: PathBuf,
}

/// Runs `warta show`.
pub fn run(args: Args) -> ExitCode {
    eprintln!("warta show: {}: not implemented yet", args.input.display());
    ExitCode::from(2)
}
