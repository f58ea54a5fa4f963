//! The time module's test suite: a table of cases in `tests/data/times.toml`, error
//! snapshots, robustness checks, and the TimeML evaluation when its data is present.
//!
//! Run one case (or every case whose name contains a substring) with
//! `WARTA_CASE=numeric cargo test --test times`.

use std::path::{Path, PathBuf};

use jiff::civil::{date, Date};
use serde::Deserialize;
use warta::normalize::Normalized;
use warta::record::Time;
use warta::time::{ElectionDay, TimeParser};

#[path = "../examples/timeml_eval.rs"]
#[allow(dead_code)]
mod timeml_eval;

/// The election days the cases assume (the tests construct them; the lexicon is
/// not read here).
fn elections() -> Vec<ElectionDay> {
    let day = |id: &str, kind: &str, year: i16, date: Date| ElectionDay {
        id: id.to_string(),
        kind: kind.to_string(),
        year,
        date,
    };
    vec![
        day("pemilu-2019", "pemilu", 2019, date(2019, 4, 17)),
        day("pemilu-2024", "pemilu", 2024, date(2024, 2, 14)),
        day("pilkada-2024", "pilkada", 2024, date(2024, 11, 27)),
    ]
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Table {
    case: Vec<Case>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    text: String,
    /// The caller's publication date, if any.
    published: Option<String>,
    /// The expected reference date; checked when given.
    reference: Option<String>,
    /// Every record time, in text order.
    times: Vec<Expected>,
    /// Vague expressions; checked when given.
    vague: Option<Vec<ExpectedVague>>,
    /// Warnings, exactly; none when absent.
    #[serde(default)]
    warnings: Vec<String>,
}

/// A record time; absent fields are expected to be null (or false).
#[derive(Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
struct Expected {
    span: String,
    value: Option<String>,
    end: Option<String>,
    kind: String,
    precision: Option<String>,
    weekday: Option<String>,
    weekday_ok: Option<bool>,
    year: Option<String>,
    time: Option<String>,
    zone: Option<String>,
    part_of_day: Option<String>,
    #[serde(default)]
    publication: bool,
}

#[derive(Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
struct ExpectedVague {
    span: String,
    timex: String,
}

fn word<T: serde::Serialize>(v: T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn actual(t: &Time) -> Expected {
    Expected {
        span: t.span.text.clone(),
        value: t.value.clone(),
        end: t.end.clone(),
        kind: word(t.kind),
        precision: t.precision.map(word),
        weekday: t.weekday.clone(),
        weekday_ok: t.weekday_ok,
        year: t.year.map(word),
        time: t.time.clone(),
        zone: t.zone.clone(),
        part_of_day: t.part_of_day.clone(),
        publication: t.publication,
    }
}

fn parse_date(s: &str, case: &str) -> Date {
    s.parse()
        .unwrap_or_else(|e| panic!("case {case}: bad date {s:?}: {e}"))
}

/// Runs one case; returns what differs.
fn run(parser: &TimeParser, case: &Case) -> Vec<String> {
    let mut problems = Vec::new();
    let norm = Normalized::new(&case.text);
    let hits = parser.scan(norm.text(), norm.folded());
    let published = case.published.as_deref().map(|s| parse_date(s, &case.name));
    let resolved = parser.resolve(&hits, published);
    let times: Vec<Expected> = resolved
        .times
        .iter()
        .map(|t| actual(&t.to_record(norm.span(&case.text, t.range.clone()))))
        .collect();
    if times != case.times {
        problems.push(format!(
            "times differ\n    expected: {:#?}\n    actual:   {:#?}",
            case.times, times
        ));
    }
    if let Some(expected) = &case.reference {
        let got = resolved.reference.map(|d| d.to_string());
        if got.as_deref() != Some(expected.as_str()) {
            problems.push(format!("reference: expected {expected}, got {got:?}"));
        }
    }
    if let Some(expected) = &case.vague {
        let got: Vec<ExpectedVague> = resolved
            .vague
            .iter()
            .map(|t| ExpectedVague {
                span: norm.span(&case.text, t.range.clone()).text,
                timex: t.timex_value().unwrap_or("").to_string(),
            })
            .collect();
        if &got != expected {
            problems.push(format!("vague: expected {expected:?}, got {got:?}"));
        }
    }
    if resolved.warnings != case.warnings {
        problems.push(format!(
            "warnings: expected {:?}, got {:?}",
            case.warnings, resolved.warnings
        ));
    }
    problems
}

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn case_table() {
    let path = manifest_dir().join("tests/data/times.toml");
    let text = std::fs::read_to_string(&path).expect("tests/data/times.toml is readable");
    let table: Table = toml::from_str(&text).expect("tests/data/times.toml parses");
    let filter = std::env::var("WARTA_CASE").ok();
    let parser = TimeParser::new(elections());
    let mut names = std::collections::HashSet::new();
    for case in &table.case {
        assert!(
            names.insert(&case.name),
            "duplicate case name {}",
            case.name
        );
    }
    let selected: Vec<&Case> = table
        .case
        .iter()
        .filter(|c| filter.as_deref().is_none_or(|f| c.name.contains(f)))
        .collect();
    let mut failures = Vec::new();
    for case in &selected {
        let problems = run(&parser, case);
        if !problems.is_empty() {
            failures.push(format!(
                "case {} ({:?}):\n  {}",
                case.name,
                case.text,
                problems.join("\n  ")
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n\n{}",
        failures.len(),
        selected.len(),
        failures.join("\n\n")
    );
    if filter.is_none() {
        assert!(table.case.len() >= 150, "only {} cases", table.case.len());
    }
}

#[test]
fn parse_one_returns_the_record_form() {
    let parser = TimeParser::new(elections());
    let t = parser
        .parse_one("Rabu (6/7/2023)", date(2023, 7, 10))
        .expect("a date");
    assert_eq!(t.value.as_deref(), Some("2023-07-06"));
    assert_eq!(t.weekday_ok, Some(false));
    assert_eq!(t.span.text, "Rabu (6/7/2023)");
    let t = parser
        .parse_one("  H-8,", date(2024, 1, 1))
        .expect("an election offset");
    assert_eq!(t.value.as_deref(), Some("2024-02-06"));
    assert_eq!((t.span.start, t.span.end), (2, 5));
}

#[test]
fn parse_one_errors_quote_the_input() {
    let parser = TimeParser::new(Vec::new());
    let reference = date(2024, 2, 6);
    let err = parser
        .parse_one("rapat besok", reference)
        .expect_err("leading words");
    assert_eq!(
        err.to_string(),
        "unparsed text \"rapat\" in \"rapat besok\"\n  rapat besok\n  ^^^^^"
    );
    assert_eq!(err.unparsed_text(), Some("rapat"));
    let err = parser
        .parse_one("4/5 bagian", reference)
        .expect_err("a fraction");
    assert!(err.is_no_match());
    assert_eq!(err.to_string(), "no time expression in \"4/5 bagian\"");
    assert_eq!(err.input(), "4/5 bagian");
    let err = parser
        .parse_one("6 Juli 2023 dan 8 Juli 2023", reference)
        .expect_err("two dates");
    assert_eq!(err.unparsed_text(), Some("dan 8 Juli 2023"));
}

/// A small deterministic generator (xorshift) for robustness inputs.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn arbitrary_input_never_panics() {
    const PIECES: [&str; 40] = [
        "Kamis", "(", ")", "6", "/", "7", "2023", "24", "-", "s.d.", "Juli", "Des.", "pukul",
        "20.15", "WIB", " ", " ", ",", ".", "\n", "H", "+", "hari", "lagi", "tahun", "ini", "é",
        "“", "—", "Ω", "\u{0}", "minggu", "depan", "setiap", "tanggal", "99", "31", "2", "kurang",
        "Jum'at",
    ];
    let parser = TimeParser::new(elections());
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for _ in 0..2_000 {
        let len = (rng.next() % 24) as usize;
        let text: String = (0..len)
            .map(|_| PIECES[(rng.next() % PIECES.len() as u64) as usize])
            .collect();
        let folded = text.to_lowercase();
        if folded.len() != text.len() {
            continue;
        }
        let hits = parser.scan(&text, &folded);
        for published in [None, Some(date(2024, 2, 29)), Some(date(-9999, 1, 1))] {
            let resolved = parser.resolve(&hits, published);
            for t in &resolved.times {
                assert!(text.get(t.range.clone()).is_some(), "{text:?}");
            }
        }
        let _ = parser.parse_one(&text, date(9999, 12, 31));
    }
}

#[test]
fn mismatched_twins_and_huge_input_do_not_panic() {
    let parser = TimeParser::new(Vec::new());
    // A caller bug (folded shorter than text) must not panic either.
    let _ = parser.scan("Kamis (6/7/2023) ÉÉÉ", "kamis (6/7/2023)");
    let line = "Rapat digelar Kamis (6/7/2023) pukul 09.00 WITA, kurang 8 hari lagi.\n";
    let text = line.repeat(20_000);
    let folded = text.to_lowercase();
    let hits = parser.scan(&text, &folded);
    assert_eq!(hits.len(), 40_000);
    let resolved = parser.resolve(&hits, None);
    assert_eq!(resolved.reference, Some(date(2023, 7, 6)));
}

/// The TimeML data lives in the shared folder next to the repository (or next to the
/// worktree folder).
fn timeml_dir() -> Option<PathBuf> {
    let root = manifest_dir();
    [
        root.join("../shared/data/timeml"),
        root.join("../../shared/data/timeml"),
    ]
    .into_iter()
    .find(|p| p.is_dir())
}

#[test]
fn timeml_date_accuracy() {
    let Some(dir) = timeml_dir() else {
        eprintln!("skipping timeml_date_accuracy: ../shared/data/timeml not found");
        return;
    };
    let report = timeml_eval::evaluate(Path::new(&dir)).expect("the TimeML files parse");
    assert_eq!(report.total, 71, "DATE timexes excluding the DCT");
    assert!(
        report.accuracy() >= 0.95,
        "accuracy {:.3}; misses:\n{}",
        report.accuracy(),
        report.misses.join("\n")
    );
}
