//! The `warta` command-line tool: a thin layer over the library.
//!
//! `warta extract PATH...` / `warta extract --jsonl FILE|-` writes one `warta/1` record
//! per input document (JSONL) to stdout, in input order, on all cores;
//! `warta export --format acled RECORDS.jsonl` writes their events as ACLED CSV rows;
//! `warta bench FILE.jsonl` measures extraction speed; `warta lexicon check [DIR]`
//! validates lexicon files. Exit codes: 0 on success,
//! 1 when any input failed (its error record is written in its place), 2 on usage errors.

mod cli;

use std::process::ExitCode;

/// jemalloc serves the tool's many small, short-lived allocations (a record's strings and
/// vectors) with fewer instructions than the system allocator, at a peak memory well inside
/// the batch budget. MSVC targets, which jemalloc does not support, keep the system one.
#[cfg(all(feature = "jemalloc", not(target_env = "msvc")))]
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> ExitCode {
    cli::run()
}
