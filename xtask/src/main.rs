//! Maintenance tasks for warta's lexicons.
//!
//! ```text
//! cargo xtask gen-places REGIONS_DIR [--out FILE] [--villages FILE]
//! cargo xtask check-lexicons [DIR]
//! ```
//!
//! `gen-places` turns the idn-area-data CSV files (provinces, regencies, districts and,
//! on request, villages) into `lexicons/places.tsv`; `check-lexicons` validates every
//! lexicon file of a directory (default: the repository's `lexicons/`).

mod check;
mod csv;
mod places;

use std::path::PathBuf;
use std::process::ExitCode;

fn repo_root() -> PathBuf {
    // xtask/ lives directly under the repository root.
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest
        .parent()
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("."))
}

const USAGE: &str = "usage:
  cargo xtask gen-places REGIONS_DIR [--out FILE] [--villages FILE]
  cargo xtask check-lexicons [DIR]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(cmd) = args.first() else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let rest = &args[1..];
    let result = match cmd.as_str() {
        "gen-places" => gen_places(rest),
        "check-lexicons" => {
            let dir = rest
                .first()
                .map(PathBuf::from)
                .unwrap_or_else(|| repo_root().join("lexicons"));
            check::run(&dir)
        }
        "-h" | "--help" | "help" => {
            println!("{USAGE}");
            Ok(())
        }
        other => Err(format!("unknown command `{other}`\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn gen_places(args: &[String]) -> Result<(), String> {
    let mut regions: Option<PathBuf> = None;
    let mut out = repo_root().join("lexicons").join("places.tsv");
    let mut villages: Option<PathBuf> = None;
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--out" => {
                i += 1;
                out = PathBuf::from(args.get(i).ok_or("--out needs a file")?);
            }
            "--villages" => {
                i += 1;
                villages = Some(PathBuf::from(args.get(i).ok_or("--villages needs a file")?));
            }
            a if a.starts_with("--") => return Err(format!("unknown option `{a}`\n{USAGE}")),
            a => {
                if regions.replace(PathBuf::from(a)).is_some() {
                    return Err(format!("one REGIONS_DIR only\n{USAGE}"));
                }
            }
        }
        i += 1;
    }
    let regions = regions.ok_or_else(|| format!("missing REGIONS_DIR\n{USAGE}"))?;
    places::generate(&regions, &out, villages.as_deref())
}
