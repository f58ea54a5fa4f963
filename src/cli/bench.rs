//! `warta bench`: extraction speed on a JSONL corpus held in memory.
//!
//! After a warm-up, each thread count runs `--passes` full passes (extraction and JSON
//! serialization of every record); the report gives MB/s (of article text) and docs/s
//! per thread count, the time per pipeline stage (from [`warta::Profile`], plus
//! serialization), and, on the same texts in the same run, the speed of a raw
//! Aho-Corasick DFA scan for every lexicon alias: the floor no extractor can beat.

use std::fs::File;
use std::io::BufReader;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use warta::gazetteer::Gazetteer;
use warta::{Article, Extractor, Profile};

use super::extract::extractor;
use super::jsonl::{self, Fields};

/// Flags of `warta bench`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// A JSONL corpus (one JSON object per line).
    file: PathBuf,
    /// Thread counts to measure, comma-separated.
    #[arg(long, value_delimiter = ',', default_value = "1,2")]
    threads: Vec<usize>,
    /// Measured passes per thread count (the best and the median are reported).
    #[arg(long, default_value_t = 3)]
    passes: usize,
    /// The JSONL field holding the text [default: "text", else "content"].
    #[arg(long, value_name = "NAME")]
    text_field: Option<String>,
    /// Use only the first N documents.
    #[arg(long, value_name = "N")]
    limit: Option<usize>,
    /// Documents extracted once before measuring.
    #[arg(long, value_name = "N", default_value_t = 1000)]
    warmup: usize,
    /// A folder of lexicon files added to (or replacing by name) the embedded ones.
    #[arg(long)]
    lexicons: Option<PathBuf>,
}

/// One measured pass.
struct Pass {
    wall: Duration,
    /// CPU time of the worker threads, when the kernel reports it.
    cpu: Option<Duration>,
    profile: Profile,
    serialize: Duration,
}

/// Runs `warta bench`.
pub fn run(args: Args) -> ExitCode {
    let Some(ex) = extractor(args.lexicons.as_deref()) else {
        return ExitCode::from(2);
    };
    let t = Instant::now();
    let (docs, skipped) = match load(&args) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("warta: {}: {e}", args.file.display());
            return ExitCode::from(2);
        }
    };
    if docs.is_empty() {
        eprintln!("warta: {}: no documents", args.file.display());
        return ExitCode::from(1);
    }
    let bytes: usize = docs.iter().map(|a| a.text.len()).sum();
    let mb = bytes as f64 / 1e6;
    let passes = args.passes.max(1);
    println!(
        "warta bench: {} docs ({skipped} lines skipped), {mb:.1} MB of text, loaded in {:.1} s; \
         {passes} passes per thread count after a warm-up of {} docs",
        docs.len(),
        t.elapsed().as_secs_f64(),
        args.warmup.min(docs.len())
    );
    pass(&ex, &docs[..args.warmup.min(docs.len())], 1);

    println!(
        "\nwall clock, and CPU time of the worker threads (MB per CPU-second: immune to load)"
    );
    println!("threads  best MB/s  median MB/s  docs/s  speed-up  CPU MB/s/core");
    let mut base = None;
    let mut breakdown: Option<(usize, Vec<Pass>)> = None;
    for &n in &args.threads {
        let n = n.max(1);
        let mut runs: Vec<Pass> = (0..passes).map(|_| pass(&ex, &docs, n)).collect();
        runs.sort_by_key(|p| p.wall);
        let best = runs[0].wall.as_secs_f64();
        let median = runs[runs.len() / 2].wall.as_secs_f64();
        let one = *base.get_or_insert(best);
        let cpu = runs
            .iter()
            .filter_map(|r| r.cpu)
            .min()
            .map_or("-".to_string(), |c| {
                format!("{:.2}", mb / c.as_secs_f64().max(1e-9))
            });
        println!(
            "{n:>7}  {:>9.2}  {:>11.2}  {:>6.0}  {:>7.2}x  {cpu:>13}",
            mb / best,
            mb / median,
            docs.len() as f64 / best,
            one / best
        );
        if breakdown.as_ref().is_none_or(|(m, _)| n == 1 && *m != 1) {
            breakdown = Some((n, runs));
        }
    }

    let mut extraction_mbs = 0.0;
    let mut extraction_cpu = None;
    if let Some((n, runs)) = &breakdown {
        let mut profile = Profile::default();
        let mut serialize = Duration::ZERO;
        for r in runs {
            profile.add(&r.profile);
            serialize += r.serialize;
        }
        let total = (profile.total() + serialize).as_secs_f64().max(1e-9);
        let per_doc = 1e6 / (docs.len() * runs.len()) as f64;
        let all_mb = mb * runs.len() as f64;
        println!(
            "\nstages ({n} thread(s), {} passes, summed over threads):",
            runs.len()
        );
        println!("  stage           share   µs/doc    MB/s");
        let stages = profile.stages();
        for (name, d) in stages.iter().copied().chain([("serialize", serialize)]) {
            let s = d.as_secs_f64();
            let speed = if s > 0.0 {
                format!("{:>7.1}", all_mb / s)
            } else {
                format!("{:>7}", "-")
            };
            println!(
                "  {name:<14} {:>5.1}%  {:>7.1}  {speed}",
                100.0 * s / total,
                s * per_doc,
            );
        }
        let best = runs.iter().map(|r| r.wall).min().unwrap_or_default();
        extraction_mbs = mb / best.as_secs_f64().max(1e-9) / *n as f64;
        extraction_cpu = runs
            .iter()
            .filter_map(|r| r.cpu)
            .min()
            .map(|c| mb / c.as_secs_f64().max(1e-9));
    }

    let t = Instant::now();
    match raw_automaton(ex.gazetteer()) {
        Ok((ac, patterns)) => {
            let build = t.elapsed().as_secs_f64();
            let mut best = Duration::MAX;
            let mut best_cpu: Option<Duration> = None;
            let mut matches = 0usize;
            for _ in 0..passes {
                let t = Instant::now();
                let c = thread_cpu();
                matches = docs.iter().map(|a| ac.find_iter(&a.text).count()).sum();
                best = best.min(t.elapsed());
                if let Some(d) = thread_cpu().zip(c).map(|(b, a)| b.saturating_sub(a)) {
                    best_cpu = Some(best_cpu.map_or(d, |x| x.min(d)));
                }
            }
            let raw = mb / best.as_secs_f64().max(1e-9);
            let raw_cpu = best_cpu.map(|c| mb / c.as_secs_f64().max(1e-9));
            println!(
                "\nraw aho-corasick DFA scan (1 thread, ASCII case-insensitive, leftmost-longest): \
                 {patterns} patterns, {:.1} MB heap, built in {build:.1} s: {raw:.1} MB/s \
                 (best of {passes}), {matches} matches",
                ac.memory_usage() as f64 / 1e6
            );
            println!(
                "extraction / raw scan, wall clock per thread: {extraction_mbs:.2} / {raw:.1} MB/s \
                 = {:.1}% (goal: >= 33%)",
                100.0 * extraction_mbs / raw.max(1e-9)
            );
            if let (Some(e), Some(r)) = (extraction_cpu, raw_cpu) {
                println!(
                    "extraction / raw scan, per CPU-second:       {e:.2} / {r:.1} MB/s = {:.1}%",
                    100.0 * e / r.max(1e-9)
                );
            }
        }
        Err(e) => eprintln!("warta: raw scan automaton: {e}"),
    }
    match peak_rss() {
        Some(kb) => println!("\npeak RSS (VmHWM): {:.1} MB", kb as f64 / 1024.0),
        None => println!("\npeak RSS: unknown (no /proc/self/status)"),
    }
    ExitCode::SUCCESS
}

/// Reads the corpus into memory, skipping lines that are no article.
fn load(args: &Args) -> std::io::Result<(Vec<Article>, usize)> {
    let fields = Fields {
        text: args.text_field.clone(),
        id: "id".into(),
        max_bytes: 16 << 20,
        default_date: None,
    };
    let mut reader = BufReader::with_capacity(1 << 16, File::open(&args.file)?);
    let limit = jsonl::line_limit(fields.max_bytes);
    let (mut docs, mut skipped, mut number) = (Vec::new(), 0, 0u64);
    while let Some(line) = jsonl::read_line(&mut reader, limit)? {
        if args.limit.is_some_and(|l| docs.len() >= l) {
            break;
        }
        number += 1;
        match jsonl::parse(&line.bytes, &fields, || number.to_string()) {
            Ok((article, _)) if !line.truncated => docs.push(article),
            _ => skipped += 1,
        }
    }
    Ok((docs, skipped))
}

/// Extracts and serializes every document on `threads` threads.
fn pass(ex: &Extractor, docs: &[Article], threads: usize) -> Pass {
    const CHUNK: usize = 16;
    let next = AtomicUsize::new(0);
    let start = Instant::now();
    let parts: Vec<(Profile, Duration, Option<Duration>)> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                s.spawn(|| {
                    let cpu0 = thread_cpu();
                    let mut profile = Profile::default();
                    let mut serialize = Duration::ZERO;
                    let mut out = Vec::with_capacity(1 << 16);
                    loop {
                        let i = next.fetch_add(CHUNK, Ordering::Relaxed);
                        if i >= docs.len() {
                            break;
                        }
                        for a in &docs[i..(i + CHUNK).min(docs.len())] {
                            let rec = ex.extract_profiled(a, &mut profile);
                            let t = Instant::now();
                            out.clear();
                            let _ = serde_json::to_writer(&mut out, &rec);
                            out.push(b'\n');
                            serialize += t.elapsed();
                            std::hint::black_box(&out);
                        }
                    }
                    let cpu = thread_cpu().zip(cpu0).map(|(b, a)| b.saturating_sub(a));
                    (profile, serialize, cpu)
                })
            })
            .collect();
        handles.into_iter().filter_map(|h| h.join().ok()).collect()
    });
    let wall = start.elapsed();
    let mut profile = Profile::default();
    let mut serialize = Duration::ZERO;
    let mut cpu = Some(Duration::ZERO);
    for (p, s, c) in parts {
        profile.add(&p);
        serialize += s;
        cpu = cpu.zip(c).map(|(a, b)| a + b);
    }
    Pass {
        wall,
        cpu,
        profile,
        serialize,
    }
}

/// A DFA over every alias of every lexicon, folded as the gazetteer folds them (the
/// gazetteer's own patterns).
fn raw_automaton(gazetteer: &Gazetteer) -> Result<(AhoCorasick, usize), aho_corasick::BuildError> {
    let ac = AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::DFA))
        .match_kind(MatchKind::LeftmostLongest)
        .ascii_case_insensitive(true)
        .build(gazetteer.aliases())?;
    Ok((ac, gazetteer.patterns()))
}

/// CPU time the calling thread has run (first field of /proc/thread-self/schedstat).
fn thread_cpu() -> Option<Duration> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = s.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

/// Peak resident set size in kB (`VmHWM` of /proc/self/status).
pub fn peak_rss() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
