//! Table-driven tests for `warta::figures`: every case in `tests/data/figures.toml` is
//! scanned and compared hit by hit (kind, value, unit, matched text).
//!
//! `FIGURES_CASE=substring cargo test --test figures` runs only the matching cases.
//!
//! The ignored test `corpus_survey` reads the first 500 articles of
//! `../shared/corpus/clickid-2019-09.jsonl` (skipped with a message when absent), prints
//! figures per 1,000 words by kind and 20 pseudo-random hits with context for a hand check:
//! `cargo test --test figures -- --ignored --nocapture`.

use std::ops::Range;
use std::path::PathBuf;

use serde::Deserialize;
use warta::figures::{FigureHit, FigureScanner};
use warta::record::FigureKind;

#[derive(Debug, Deserialize)]
struct Table {
    case: Vec<Case>,
}

#[derive(Debug, Deserialize)]
struct Case {
    name: String,
    text: String,
    #[serde(default)]
    exclude: Vec<[usize; 2]>,
    want: Vec<Want>,
}

#[derive(Debug, Deserialize, PartialEq)]
struct Want {
    kind: String,
    value: f64,
    unit: Option<String>,
    text: String,
}

fn kind_name(kind: FigureKind) -> &'static str {
    match kind {
        FigureKind::Percent => "percent",
        FigureKind::Money => "money",
        FigureKind::Count => "count",
        FigureKind::Rank => "rank",
    }
}

/// Lowercases char by char, keeping a char whose lowercase has another byte length, so
/// that offsets stay identical (what the normalizer promises for `folded`).
fn fold(text: &str) -> String {
    text.chars()
        .map(|c| {
            let l = c.to_lowercase().next().unwrap_or(c);
            if l.len_utf8() == c.len_utf8() {
                l
            } else {
                c
            }
        })
        .collect()
}

fn got(text: &str, hits: &[FigureHit]) -> Vec<Want> {
    hits.iter()
        .map(|h| Want {
            kind: kind_name(h.kind).to_string(),
            value: h.value,
            unit: h.unit.clone(),
            text: text
                .get(h.range.clone())
                .unwrap_or("<bad range>")
                .to_string(),
        })
        .collect()
}

fn same(a: &Want, b: &Want) -> bool {
    let close = (a.value - b.value).abs() <= 1e-9 * a.value.abs().max(1.0);
    close && a.kind == b.kind && a.unit == b.unit && a.text == b.text
}

#[test]
fn table() {
    let src = include_str!("data/figures.toml");
    let table: Table = toml::from_str(src).expect("tests/data/figures.toml parses");
    let filter = std::env::var("FIGURES_CASE").unwrap_or_default();
    let scanner = FigureScanner::new();
    let mut failures = Vec::new();
    let mut names = std::collections::HashSet::new();
    let mut run = 0;
    for case in table.case.iter().filter(|c| c.name.contains(&filter)) {
        assert!(
            names.insert(&case.name),
            "duplicate case name {}",
            case.name
        );
        run += 1;
        let folded = fold(&case.text);
        let exclude: Vec<Range<usize>> = case.exclude.iter().map(|[s, e]| *s..*e).collect();
        let hits = scanner.scan(&case.text, &folded, &exclude);
        let found = got(&case.text, &hits);
        let ok =
            found.len() == case.want.len() && found.iter().zip(&case.want).all(|(g, w)| same(g, w));
        if !ok {
            failures.push(format!(
                "case {}:\n  text: {:?}\n  want: {:?}\n  got:  {:?}",
                case.name, case.text, case.want, found
            ));
        }
    }
    assert!(run > 0, "no case matches FIGURES_CASE={filter:?}");
    if filter.is_empty() {
        assert!(run >= 80, "expected at least 80 cases, found {run}");
    }
    assert!(
        failures.is_empty(),
        "{} of {run} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn hits_are_ordered_disjoint_and_on_char_boundaries() {
    let text = "Sebanyak 3 (tiga) tersangka, naik 41, 27 persen, ke-5, Rp 1.250.000, dua puluh lima desa, é 5 orang 12% ke 4 kota peringkat kedua.";
    let folded = fold(text);
    let hits = FigureScanner::new().scan(text, &folded, &[]);
    assert_eq!(hits.len(), 9);
    for pair in hits.windows(2) {
        assert!(pair[0].range.end <= pair[1].range.start);
    }
    for h in &hits {
        assert!(text.get(h.range.clone()).is_some());
    }
}

#[test]
fn arbitrary_input_does_not_panic() {
    let scanner = FigureScanner::new();
    let pieces = [
        "Rp",
        ".",
        " ",
        "5",
        ",",
        "-",
        "ke",
        "persen",
        "%",
        "(",
        ")",
        "juta",
        "dua",
        "é",
        "日本",
        "/",
        ":",
        "0",
        "1.250",
        "satu",
        "puluh",
        "M",
        "\n",
        "\"",
        "rupiah",
        "kedua",
        "peringkat",
    ];
    // Deterministic pseudo-random sentences of the pieces above.
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    for _ in 0..3000 {
        let mut text = String::new();
        for _ in 0..(state % 12) {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            text.push_str(pieces[(state % pieces.len() as u64) as usize]);
        }
        state = state.wrapping_mul(6364136223846793005).wrapping_add(1);
        let folded = fold(&text);
        for h in scanner.scan(&text, &folded, &[0..1, 3..4]) {
            assert!(text.get(h.range.clone()).is_some(), "bad range in {text:?}");
        }
    }
    let big = "Rp 1.250.000 dan 37 provinsi serta ke-5. ".repeat(20_000);
    assert_eq!(scanner.scan(&big, &fold(&big), &[]).len(), 60_000);
}

/// Finds `../shared` (the repo's sibling) or `../../shared` (from a worktree).
fn shared_dir() -> Option<PathBuf> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    ["../shared", "../../shared"]
        .iter()
        .map(|p| root.join(p))
        .find(|p| p.is_dir())
}

/// A light stand-in for the normalizer: unify quotes and dashes, one space per run,
/// the corpus' ".," paragraph joints become line breaks.
fn light_normalize(s: &str) -> String {
    let s = s.replace(".,", ".\n").replace("\",", "\"\n");
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        let c = match c {
            '\u{201c}' | '\u{201d}' | '\u{201e}' => '"',
            '\u{2018}' | '\u{2019}' => '\'',
            '\u{2013}' | '\u{2014}' => '-',
            '\u{a0}' | '\t' => ' ',
            c => c,
        };
        if c == ' ' {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    out
}

#[test]
#[ignore = "corpus survey: run with --ignored --nocapture"]
fn corpus_survey() {
    let Some(shared) = shared_dir() else {
        println!("SKIP corpus_survey: ../shared not found");
        return;
    };
    let path = shared.join("corpus/clickid-2019-09.jsonl");
    let Ok(data) = std::fs::read_to_string(&path) else {
        println!("SKIP corpus_survey: {} not readable", path.display());
        return;
    };
    let scanner = FigureScanner::new();
    let mut words = 0usize;
    let mut counts = [0usize; 4];
    let mut all: Vec<(String, String, String)> = Vec::new();
    for line in data.lines().take(500) {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let text = light_normalize(v["content"].as_str().unwrap_or(""));
        let folded = fold(&text);
        words += text.split_whitespace().count();
        for h in scanner.scan(&text, &folded, &[]) {
            counts[h.kind as usize] += 1;
            let mut lo = h.range.start.saturating_sub(50);
            while !text.is_char_boundary(lo) {
                lo -= 1;
            }
            let mut hi = (h.range.end + 30).min(text.len());
            while !text.is_char_boundary(hi) {
                hi += 1;
            }
            let context = text[lo..hi].replace('\n', " | ");
            let label = format!("{} {} {:?}", kind_name(h.kind), h.value, h.unit);
            all.push((label, text[h.range.clone()].to_string(), context));
        }
    }
    println!("articles: 500, words: {words}");
    for kind in [
        FigureKind::Percent,
        FigureKind::Money,
        FigureKind::Count,
        FigureKind::Rank,
    ] {
        let n = counts[kind as usize];
        println!(
            "{:>8}: {n:>5} hits, {:.2} per 1,000 words",
            kind_name(kind),
            n as f64 * 1000.0 / words as f64
        );
    }
    if std::env::var("FIGURES_DUMP").is_ok() {
        for (label, hit, context) in &all {
            println!("ALL\t{label}\t{hit}\t{context}");
        }
    }
    let mut state: u64 = 20_190_901;
    for k in 0..20 {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        if all.is_empty() {
            break;
        }
        let (label, hit, context) = &all[(state >> 33) as usize % all.len()];
        println!("{k:>2}. {label} [{hit}] … {context} …");
    }
}
