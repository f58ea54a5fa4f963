//! `warta bench`: extraction speed on a JSONL corpus held in memory.
//!
//! After a warm-up, each thread count runs `--passes` full passes (extraction and JSON
//! serialization of every record); the report gives MB/s (of article text) and docs/s
//! per thread count, the time per pipeline stage (from [`warta::Profile`], plus
//! serialization), and, on the same texts in the same run, the speed of a raw
//! Aho-Corasick DFA scan for every lexicon alias: the floor no extractor can beat. Each
//! pass of the one-thread extraction (or of the first thread count, without one) runs
//! right after a pass of the raw scan, and the ratio is taken pair by pair: a shared
//! machine whose speed drifts from minute to minute slows both sides of a pair alike. For
//! the same reason the passes run in rounds, every thread count once per round, and the
//! speed-up of a thread count is the median of its rounds' speed-ups. Beside it stands the
//! raw scan's own speed-up on that many threads, measured in the same rounds: a scan that
//! shares nothing and allocates nothing, so what it does not gain is the machine's.

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
use warta::jsonl::{self, Fields};

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
         {passes} passes per thread count after a warm-up of {} docs; allocator: {}",
        docs.len(),
        t.elapsed().as_secs_f64(),
        args.warmup.min(docs.len()),
        super::ALLOCATOR
    );
    pass(&ex, &docs[..args.warmup.min(docs.len())], 1);
    let t = Instant::now();
    let raw = match raw_automaton(ex.gazetteer()) {
        Ok(ac) => Some(ac),
        Err(e) => {
            eprintln!("warta: raw scan automaton: {e}");
            None
        }
    };
    let raw_build = t.elapsed().as_secs_f64();
    // The thread count whose passes are paired with raw scans: 1, else the first.
    let paired = if args.threads.contains(&1) {
        1
    } else {
        args.threads.first().copied().unwrap_or(1).max(1)
    };
    // (raw scan, extraction wall clock, extraction CPU time), pass by pass.
    let mut paired_runs: Vec<(RawPass, Duration, Option<Duration>)> = Vec::new();

    // Passes run in rounds, each thread count once per round (the paired one right after
    // a raw scan): a speed-up or a ratio compares passes run seconds apart.
    let counts: Vec<usize> = args.threads.iter().map(|&n| n.max(1)).collect();
    let paired_at = counts.iter().position(|&n| n == paired);
    let mut rounds: Vec<Vec<Pass>> = counts.iter().map(|_| Vec::new()).collect();
    // The raw scan's own speed-up on each thread count above one, round by round (when
    // the paired count is 1): what the machine gives a scan that shares nothing.
    let mut raw_speedups: Vec<Vec<f64>> = counts.iter().map(|_| Vec::new()).collect();
    for _ in 0..passes {
        let mut raw_one = None;
        let mut raw_many = Vec::new();
        for (c, &n) in counts.iter().enumerate() {
            let scan = raw
                .as_ref()
                .filter(|_| Some(c) == paired_at)
                .map(|ac| raw_pass(ac, &docs));
            if let Some(ac) = raw.as_ref().filter(|_| paired == 1 && n > 1) {
                raw_many.push((c, raw_threads(ac, &docs, n)));
            }
            let run = pass(&ex, &docs, n);
            if let Some(scan) = scan {
                raw_one = Some(scan.wall);
                paired_runs.push((scan, run.wall, run.cpu));
            }
            rounds[c].push(run);
        }
        for (c, wall) in raw_many {
            if let Some(one) = raw_one {
                raw_speedups[c].push(one.as_secs_f64() / wall.as_secs_f64().max(1e-9));
            }
        }
    }

    println!(
        "\nwall clock, and CPU time of the worker threads (MB per CPU-second: immune to load); \
         speed-up: the median, round by round, of the first thread count's pass time over this one's"
    );
    println!("threads  best MB/s  median MB/s  docs/s  speed-up  CPU MB/s/core");
    let mut breakdown: Option<(usize, Vec<Pass>)> = None;
    let base: Vec<Duration> = rounds
        .first()
        .map_or(Vec::new(), |r| r.iter().map(|p| p.wall).collect());
    for (&n, mut runs) in counts.iter().zip(rounds) {
        let speedups: Vec<f64> = base
            .iter()
            .zip(&runs)
            .map(|(b, r)| b.as_secs_f64() / r.wall.as_secs_f64().max(1e-9))
            .collect();
        runs.sort_by_key(|p| p.wall);
        let best = runs[0].wall.as_secs_f64();
        let middle = runs[runs.len() / 2].wall.as_secs_f64();
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
            mb / middle,
            docs.len() as f64 / best,
            median(&speedups)
        );
        if breakdown.as_ref().is_none_or(|(m, _)| n == 1 && *m != 1) {
            breakdown = Some((n, runs));
        }
    }
    for (&n, speedups) in counts.iter().zip(&raw_speedups) {
        if !speedups.is_empty() {
            let list: Vec<String> = speedups.iter().map(|x| format!("{x:.2}x")).collect();
            println!(
                "raw scan on {n} threads: {:.2}x one thread's speed (round by round: {}): the \
                 machine's own ceiling for a speed-up",
                median(speedups),
                list.join(", ")
            );
        }
    }

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
    }

    if let (Some(ac), Some((first, _, _))) = (&raw, paired_runs.first()) {
        let best = paired_runs
            .iter()
            .map(|(r, _, _)| r.wall)
            .min()
            .unwrap_or_default();
        println!(
            "\nraw aho-corasick DFA scan (1 thread, ASCII case-insensitive, leftmost-longest): \
             {} patterns, {:.1} MB heap, built in {raw_build:.1} s: {:.1} MB/s (best of {}), \
             {} matches",
            ex.gazetteer().patterns(),
            ac.memory_usage() as f64 / 1e6,
            mb / best.as_secs_f64().max(1e-9),
            paired_runs.len(),
            first.matches
        );
        // Speed ratios are time ratios the other way round; the extraction's time is
        // summed over its threads, so it is compared per thread.
        let threads = paired as f64;
        let wall: Vec<f64> = paired_runs
            .iter()
            .map(|(r, wall, _)| r.wall.as_secs_f64() / (wall.as_secs_f64() * threads).max(1e-9))
            .collect();
        let cpu: Vec<f64> = paired_runs
            .iter()
            .filter_map(|(r, _, cpu)| Some(r.cpu?.as_secs_f64() / (*cpu)?.as_secs_f64().max(1e-9)))
            .collect();
        println!(
            "extraction / raw scan ({paired} thread(s), each pass paired with the raw scan run \
             just before it; goal: >= 33%):"
        );
        println!("  wall clock per thread: {}", ratios(&wall));
        if cpu.len() == wall.len() {
            println!("  per CPU-second:        {}", ratios(&cpu));
        }
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
                    while let Some(chunk) = next_chunk(&next, docs) {
                        for rec in ex.extract_batch_profiled(chunk, &mut profile) {
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

/// One pass of the raw scan.
struct RawPass {
    wall: Duration,
    cpu: Option<Duration>,
    matches: usize,
}

/// Scans every document with the raw automaton, counting matches.
fn raw_pass(ac: &AhoCorasick, docs: &[Article]) -> RawPass {
    let t = Instant::now();
    let c = thread_cpu();
    let matches = docs.iter().map(|a| ac.find_iter(&a.text).count()).sum();
    RawPass {
        wall: t.elapsed(),
        cpu: thread_cpu().zip(c).map(|(b, a)| b.saturating_sub(a)),
        matches,
    }
}

/// Scans every document with the raw automaton on `threads` threads; the wall clock.
fn raw_threads(ac: &AhoCorasick, docs: &[Article], threads: usize) -> Duration {
    let next = AtomicUsize::new(0);
    let start = Instant::now();
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                let mut matches = 0;
                while let Some(chunk) = next_chunk(&next, docs) {
                    matches += chunk
                        .iter()
                        .map(|a| ac.find_iter(&a.text).count())
                        .sum::<usize>();
                }
                std::hint::black_box(matches);
            });
        }
    });
    start.elapsed()
}

/// The next 16 documents not yet taken by any thread (`next` counts those taken), or
/// `None` when all are.
fn next_chunk<'d>(next: &AtomicUsize, docs: &'d [Article]) -> Option<&'d [Article]> {
    const CHUNK: usize = 16;
    let i = next.fetch_add(CHUNK, Ordering::Relaxed);
    docs.get(i..(i + CHUNK).min(docs.len()))
}

/// Percentages in pass order, then their median: "27.1%, 28.0%, 26.5%: median 27.1%".
fn ratios(values: &[f64]) -> String {
    if values.is_empty() {
        return "-".to_string();
    }
    let list: Vec<String> = values
        .iter()
        .map(|v| format!("{:.1}%", 100.0 * v))
        .collect();
    format!("{}: median {:.1}%", list.join(", "), 100.0 * median(values))
}

/// The median of `values` (the upper one of an even count; 0 when there is none).
fn median(values: &[f64]) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    sorted.get(sorted.len() / 2).copied().unwrap_or(0.0)
}

/// A DFA over every alias of every lexicon, folded as the gazetteer folds them (the
/// gazetteer's own patterns).
fn raw_automaton(gazetteer: &Gazetteer) -> Result<AhoCorasick, aho_corasick::BuildError> {
    AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::DFA))
        .match_kind(MatchKind::LeftmostLongest)
        .ascii_case_insensitive(true)
        .build(gazetteer.aliases())
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
