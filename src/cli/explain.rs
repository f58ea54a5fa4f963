//! `warta explain`: why each capitalized name became a person or did not.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use jiff::civil::Date;
use warta::Article;

/// Flags of `warta explain`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// A text file, or - for stdin.
    path: PathBuf,
    /// Publication date (YYYY-MM-DD) anchoring partial and relative dates.
    #[arg(long, value_parser = super::extract::parse_date)]
    reference_date: Option<Date>,
    /// A folder of lexicon files added to (or replacing by name) the embedded ones.
    #[arg(long)]
    lexicons: Option<PathBuf>,
}

/// Prints one line per decision: start, end, `person` or `-`, the rule, the text.
pub fn run(args: Args) -> ExitCode {
    let mut text = Vec::new();
    let read = if args.path.as_os_str() == "-" {
        std::io::stdin().read_to_end(&mut text)
    } else {
        std::fs::File::open(&args.path).and_then(|mut f| f.read_to_end(&mut text))
    };
    if let Err(e) = read {
        eprintln!("warta: {}: {e}", args.path.display());
        return ExitCode::from(1);
    }
    let Ok(text) = String::from_utf8(text) else {
        eprintln!("warta: {}: not UTF-8", args.path.display());
        return ExitCode::from(1);
    };
    let Some(ex) = super::extract::extractor(args.lexicons.as_deref()) else {
        return ExitCode::from(1);
    };
    let article = Article {
        published: args.reference_date,
        ..Article::new("explain", text)
    };
    let (_, decisions) = ex.explain(&article);
    let mut out = std::io::stdout().lock();
    for d in decisions {
        let verdict = if d.person { "person" } else { "-" };
        let line = format!(
            "{}\t{}\t{verdict}\t{}\t{}\n",
            d.span.start, d.span.end, d.rule, d.text
        );
        if out.write_all(line.as_bytes()).is_err() {
            break;
        }
    }
    ExitCode::SUCCESS
}
