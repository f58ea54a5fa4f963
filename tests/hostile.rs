//! Pathological inputs: each must give a record whose spans point into the input, in
//! time and memory linear in the input's size.
//!
//! Linearity is shown by extracting an input of size n and one of size 4n and bounding
//! the ratio of the times (a quadratic pass gives about 16, a linear one about 4; the bound
//! is 9, to leave room for a loaded machine) and the peak of heap memory allocated
//! during the larger extraction (counted by this file's global allocator). Sizes are kept
//! small enough for a debug `cargo test`; the full-size cases (a 50 MB line, a million
//! lines) are `#[ignore]`d: run them with
//! `cargo test --release --test hostile -- --ignored`.
//!
//! Tests that go through the CLI use the `warta` binary built for the tests.

mod common;

use std::alloc::{GlobalAlloc, Layout, System};
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{LazyLock, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use warta::lexicon::LexiconFiles;
use warta::{Article, Extractor, Record};

/// Counts live and peak heap bytes, so that a test can bound the memory an extraction
/// takes.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            if new_size >= layout.size() {
                let now = LIVE.fetch_add(new_size - layout.size(), Ordering::Relaxed) + new_size
                    - layout.size();
                PEAK.fetch_max(now, Ordering::Relaxed);
            } else {
                LIVE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
            }
        }
        p
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

/// One extractor for the whole file.
static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(|| Extractor::new().expect("extractor"));

/// Measurements run one at a time, so that time and memory are the test's own.
static SERIAL: Mutex<()> = Mutex::new(());

fn serial() -> MutexGuard<'static, ()> {
    SERIAL.lock().unwrap_or_else(|e| e.into_inner())
}

/// What one extraction cost.
struct Cost {
    time: Duration,
    /// Peak heap bytes above what was live before the call.
    peak: usize,
    record: Record,
}

/// Extracts `text`, checks every span, and measures the time (best of `runs`) and the
/// heap peak.
fn measure(name: &str, text: &str, runs: usize) -> Cost {
    let ex = &*EXTRACTOR;
    let article = Article::new(name, text);
    let mut best = Duration::MAX;
    let mut peak = 0;
    let mut record = None;
    for _ in 0..runs.max(1) {
        let base = LIVE.load(Ordering::Relaxed);
        PEAK.store(base, Ordering::Relaxed);
        let t = Instant::now();
        let r = ex.extract(&article);
        best = best.min(t.elapsed());
        peak = peak.max(PEAK.load(Ordering::Relaxed).saturating_sub(base));
        record = Some(r);
    }
    let record = record.expect("at least one run");
    common::assert_spans_hold(name, text, &record);
    Cost {
        time: best,
        peak,
        record,
    }
}

/// Asserts linear time and memory: `make(k)` builds an input that grows linearly in
/// `k`; sizes `k` and `4k` are extracted and compared. Returns the larger record.
fn assert_linear(name: &str, k: usize, make: impl Fn(usize) -> String) -> Record {
    let _guard = serial();
    LazyLock::force(&EXTRACTOR);
    let (small, large) = (make(k), make(4 * k));
    // Warm up on both sizes: the time grammar's lazy DFA caches grow (up to a fixed
    // capacity) with the variety of text seen, once per thread, not per input.
    let _warm = measure(name, &small, 1);
    let _warm = measure(name, &large, 1);
    // A loaded machine can stall any one run: a real blow-up fails every attempt.
    let mut ratios = Vec::new();
    for _ in 0..3 {
        let a = measure(name, &small, 2);
        let b = measure(name, &large, 2);
        let ratio = b.time.as_secs_f64() / a.time.as_secs_f64().max(1e-6);
        eprintln!(
            "{name}: {} B in {:?} (peak {} B), {} B in {:?} (peak {} B): time x{ratio:.1}",
            small.len(),
            a.time,
            a.peak,
            large.len(),
            b.time,
            b.peak
        );
        // Memory: a constant number of copies of the text and per-byte tables.
        let bound = 64 * large.len() + (8 << 20);
        assert!(
            b.peak <= bound,
            "{name}: peak heap {} B for a {} B input (bound {bound})",
            b.peak,
            large.len()
        );
        // Below a few milliseconds timer noise dominates; the bound is on slow growth.
        if ratio < 9.0 || b.time < Duration::from_millis(50) {
            return b.record;
        }
        ratios.push(format!("x{ratio:.1} ({:?} -> {:?})", a.time, b.time));
    }
    panic!("{name}: 4x the input took {}", ratios.join(", "));
}

/// A paragraph of the genre, written for these tests.
const PARAGRAPH: &str = "Samarinda – Gubernur Kaltim membuka rapat koordinasi Forkopimda \
di Pendopo Lamin Etam, Kamis (6/7/2023). Rakor dihadiri Kapolda Kaltim, Ketua DPRD dan \
Ketua KPU Kota Samarinda. \"Kita jaga bersama agar pemilu berjalan damai,\" ujarnya. \
Anggaran pengamanan mencapai Rp 12,5 miliar untuk 1.250 personel. ";

#[test]
fn long_single_line() {
    let rec = assert_linear("single-line", 40, |k| PARAGRAPH.repeat(k));
    assert!(rec.places.iter().any(|p| p.id == "64"), "Kaltim is found");
}

/// The full-size case of the issue: a 50 MB article without a newline.
#[test]
#[ignore = "50 MB: run in release (see the file's doc comment)"]
fn fifty_megabyte_single_line() {
    let _guard = serial();
    let text = PARAGRAPH.repeat(50_000_000 / PARAGRAPH.len() + 1);
    let c = measure("50mb", &text, 1);
    eprintln!("50 MB single line: {:?}, peak heap {} B", c.time, c.peak);
    assert!(c.peak <= 64 * text.len());
}

/// Linear time at megabyte scale, in release. Searches to the end of the line per hit
/// (memchr, fast even in a debug build) only show once the line is long: a 1.6 MB line
/// took 10 s, 12.5 MB 13 minutes. Known, in src/entities: `people::name_after` searches
/// to the line end from each title; `Context::gap_before` back to the line start for
/// each hit; `people::sentence_end` to the next newline for each quote;
/// `institutions::inherit` walks all earlier mentions for each bare title. (Bounding the
/// first two brought 1.6 MB to 1.4 s.) The time grammar's `line_around` was fixed.
#[test]
#[ignore = "release scale (1.8 MB in a debug build is slow): cargo test --release --test hostile -- --ignored"]
fn megabyte_single_line_is_linear() {
    assert_linear("single-line-mb", 1_500, |k| PARAGRAPH.repeat(k));
}

fn short_lines(k: usize) -> String {
    let lines = [
        "Rakor di Samarinda.",
        "Kamis (6/7).",
        "\"Siap,\" katanya.",
        "-",
        "Bupati Kukar hadir.",
    ];
    let mut s = String::new();
    for i in 0..k {
        s.push_str(lines[i % lines.len()]);
        s.push('\n');
    }
    s
}

#[test]
fn many_short_lines() {
    assert_linear("short-lines", 500, short_lines);
}

#[test]
#[ignore = "a million lines: run in release (see the file's doc comment)"]
fn a_million_short_lines() {
    let _guard = serial();
    let text = short_lines(1_000_000);
    let c = measure("1m-lines", &text, 1);
    eprintln!(
        "a million short lines: {:?}, peak heap {} B",
        c.time, c.peak
    );
    assert!(c.peak <= 64 * text.len());
}

#[test]
fn ten_thousand_gubernur() {
    // "Gubernur" with nothing to hold: titles that look for a name must not rescan.
    let rec = assert_linear("gubernur", 2_500, |k| "Gubernur ".repeat(k));
    assert!(rec.people.is_empty(), "a title alone is no person");
    assert_linear("gubernur-kaltim", 600, |k| {
        "Gubernur Kaltim Gubernur ".repeat(k)
    });
}

#[test]
fn thousands_of_unbalanced_quote_marks() {
    let rec = assert_linear("quotes", 1_000, |k| "\"Kami siap, ujar Bupati. ".repeat(k));
    assert!(
        rec.quotes.is_empty(),
        "marks that never close give no quote"
    );
    assert_linear("only-marks", 2_000, |k| "\"“”'‘’«»".repeat(k));
    assert_linear("closing-marks", 1_000, |k| "siap\" ”ujar». ".repeat(k));
}

/// Many quotes on one line: `people::attribute` looks for the end of the sentence after
/// each quote with `find(". ")` over the whole rest of the text (src/entities/people.rs,
/// `sentence_end`), so n quotes without ". " after them cost n × text. (The same search
/// in `quotes::cue_after`, to the end of the line, was fixed.)
#[test]
fn many_quotes_without_sentence_end() {
    assert_linear("curly-quotes", 500, |k| {
        "“Rakor dibuka ‘tegas “ia « ".repeat(k)
    });
    assert_linear("quote-lines", 1_000, |k| {
        "“Rakor dibuka ‘tegas “ia «\n".repeat(k)
    });
}

/// Many quotes and many mentions: `people::nearest` walks every mention of every person
/// for each quote (src/entities/people.rs), so the cost is quotes × mentions.
#[test]
fn many_quotes_and_many_mentions() {
    assert_linear("people-quotes", 600, |k| {
        "Bupati Budi Santoso hadir.\n\"Kami siap menjaga desa,\" kata Budi. ".repeat(k)
    });
}

#[test]
fn all_uppercase_article() {
    let upper = PARAGRAPH.to_uppercase();
    let rec = assert_linear("upper", 40, |k| upper.repeat(k));
    assert!(rec.places.iter().any(|p| p.id == "64"), "KALTIM is Kaltim");
}

#[test]
fn nul_bytes() {
    let rec = assert_linear("nul", 40, |k| PARAGRAPH.replace(' ', " \0").repeat(k));
    assert!(rec.places.iter().any(|p| p.id == "64"));
    assert_linear("only-nul", 5_000, |k| "\0".repeat(k));
    let c = measure("one-nul", "\0", 1);
    assert!(c.record.places.is_empty());
}

#[test]
fn byte_order_mark_and_right_to_left_marks() {
    let _guard = serial();
    let text = format!("\u{feff}{PARAGRAPH}");
    let c = measure("bom", &text, 1);
    let kaltim = c
        .record
        .places
        .iter()
        .find(|p| p.id == "64")
        .expect("Kaltim");
    assert_eq!(
        kaltim.mentions[0].start,
        PARAGRAPH.find("Kaltim").unwrap() + 3
    );
    drop(_guard);
    // RLM, RLE, RLO, RLI, PDI, PDF, ALM between and inside words.
    let marks = [
        "\u{200f}", "\u{202b}", "\u{202e}", "\u{2067}", "\u{2069}", "\u{202c}", "\u{61c}",
    ];
    assert_linear("rtl", 40, |k| {
        let mut s = String::new();
        for (i, w) in PARAGRAPH.repeat(k).split(' ').enumerate() {
            s.push_str(w);
            s.push_str(marks[i % marks.len()]);
            s.push(' ');
        }
        s
    });
}

fn html_page(k: usize) -> String {
    let mut s = String::from(
        "<!DOCTYPE html><html lang=\"id\"><head><meta charset=\"utf-8\"><title>Rakor \
         Forkopimda | Berita Daerah</title><style>p{margin:0}</style><script>var \
         gubernur = \"Gubernur Kaltim\"; if (a < b && c > d) {}</script></head><body>\
         <nav><ul><li><a href=\"/\">Beranda</a></li><li>Samarinda</li></ul></nav>\
         <article>",
    );
    for _ in 0..k {
        s.push_str("<p>");
        s.push_str(
            &PARAGRAPH
                .replace('"', "&quot;")
                .replace("Kaltim", "<b>Kaltim</b>"),
        );
        s.push_str("</p>\n<!-- iklan --><div class=\"ads\">Baca juga: Lainnya</div>\n");
    }
    s.push_str("</article><footer>&copy; 2024 Redaksi &amp; Tim</footer></body></html>");
    s
}

#[test]
fn whole_html_page() {
    let rec = assert_linear("html", 20, html_page);
    assert!(rec.places.iter().any(|p| p.id == "64"));
    assert_linear("nested-tags", 2_000, |k| "<div><b>".repeat(k) + "Samarinda");
    assert_linear("open-tag", 5_000, |k| "<a href=\"x ".repeat(k));
    assert_linear("entities", 2_000, |k| {
        "&amp;&#x41;&#99999999;&bogus;&".repeat(k)
    });
}

#[test]
fn long_tokens() {
    assert_linear("one-word", 20_000, |k| "a".repeat(k));
    assert_linear("digits", 2_000, |k| "1.000".repeat(k));
    assert_linear("slashes", 400, |k| "6/7/".repeat(k));
    assert_linear("dates", 300, |k| "Kamis (6/7/2023), ".repeat(k));
    assert_linear("combining", 5_000, |k| format!("e{}", "\u{301}".repeat(k)));
    assert_linear("emoji-zwj", 1_000, |k| "👩\u{200d}".repeat(k));
    assert_linear("election", 1_000, |k| "H-8 Pemilu ".repeat(k));
    assert_linear("money", 1_000, |k| "Rp 1,5 miliar ".repeat(k));
}

// ---- Through the command-line tool ----------------------------------------------------

fn temp_dir(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("hostile-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// Runs the binary (holding the measurement lock: it takes a core).
fn warta(args: &[&std::ffi::OsStr]) -> Output {
    let _guard = serial();
    Command::new(env!("CARGO_BIN_EXE_warta"))
        .args(args)
        .output()
        .expect("run warta")
}

/// The JSON lines of an output, each parsed.
fn records(out: &Output) -> Vec<serde_json::Value> {
    let stdout = String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8");
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

#[test]
fn cli_utf16_and_invalid_utf8_get_error_records_in_place() {
    let dir = temp_dir("cli-encodings");
    let write = |name: &str, bytes: &[u8]| {
        let p = dir.join(name);
        std::fs::File::create(&p)
            .and_then(|mut f| f.write_all(bytes))
            .expect("write");
        p
    };
    let utf16: Vec<u8> = "\u{feff}Gubernur Kaltim membuka rakor di Samarinda."
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let a = write("a-utf16.txt", &utf16);
    let mut broken = b"Bupati Berau hadir di Tanjung Redeb ".to_vec();
    broken.extend_from_slice(b"\xe2\x80 dan \xff");
    broken.extend_from_slice(b" Kamis (6/7/2023).");
    let b = write("b-broken.txt", &broken);
    let c = write("c-ok.txt", PARAGRAPH.as_bytes());
    let out = warta(&[
        "extract".as_ref(),
        a.as_os_str(),
        b.as_os_str(),
        c.as_os_str(),
    ]);
    assert_eq!(out.status.code(), Some(1), "failed inputs exit 1");
    let recs = records(&out);
    assert_eq!(recs.len(), 3, "one line per input");
    assert_eq!(recs[0]["error"]["kind"], "utf8");
    assert_eq!(recs[0]["doc"]["id"], "a-utf16");
    assert_eq!(recs[1]["error"]["kind"], "utf8");
    let msg = recs[1]["error"]["message"].as_str().unwrap();
    assert!(msg.ends_with("invalid UTF-8 at byte 36"), "{msg}");
    assert_eq!(recs[2]["doc"]["id"], "c-ok");
    assert!(recs[2].get("error").is_none());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("1 docs ok, 2 errors"), "{stderr}");
}

#[test]
fn cli_nul_only_empty_and_oversized_files() {
    let dir = temp_dir("cli-odd");
    let files = [
        ("nul.txt", vec![0u8; 64]),
        ("blank.txt", b" \n\t\r\n".to_vec()),
        ("big.txt", PARAGRAPH.repeat(4).into_bytes()),
    ];
    let mut args: Vec<std::ffi::OsString> =
        vec!["extract".into(), "--max-bytes".into(), "1000".into()];
    for (name, bytes) in &files {
        let p = dir.join(name);
        std::fs::write(&p, bytes).expect("write");
        args.push(p.into());
    }
    let args: Vec<&std::ffi::OsStr> = args.iter().map(|a| a.as_os_str()).collect();
    let out = warta(&args);
    let recs = records(&out);
    assert_eq!(recs.len(), 3);
    // NUL bytes are text: a record with no facts.
    assert!(recs[0].get("error").is_none(), "{}", recs[0]);
    assert_eq!(recs[0]["doc"]["bytes"], 64);
    assert_eq!(recs[1]["error"]["kind"], "empty");
    assert_eq!(recs[2]["error"]["kind"], "too-large");
    assert_eq!(out.status.code(), Some(1));
}

// ---- Saved inputs ---------------------------------------------------------------------

/// The lexicon file names of the `lexicon` fuzz target, in its order (fuzz/src/lib.rs).
/// The embedded lexicon names and two more (another file of a kind, an unknown kind), in
/// a fixed order: saved inputs pick a file by index.
static LEXICON_NAMES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    LexiconFiles::embedded_names()
        .chain(["terms-x.tsv", "unknown.tsv"])
        .collect()
});

/// Every file of `tests/data/regressions/` through the API its fuzz target exercises:
/// no panic, spans in place, lexicon problems at lines inside their files.
#[test]
fn regressions_replay() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/regressions");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/data/regressions")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x != "md"))
        .collect();
    files.sort();
    let _guard = serial();
    let ex = &*EXTRACTOR;
    let times = warta::time::TimeParser::new(vec![]);
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let data = std::fs::read(path).expect("read regression");
        let text = String::from_utf8_lossy(&data).into_owned();
        match name.split('-').next() {
            Some("extract") => {
                let rec = ex.extract(&Article::new(name.as_str(), text.as_str()));
                common::assert_spans_hold(&name, &text, &rec);
            }
            Some("time") => {
                let body = String::from_utf8_lossy(data.get(2..).unwrap_or_default());
                if let Ok(t) = times.parse_one(&body, jiff::civil::date(2024, 2, 6)) {
                    assert_eq!(
                        body.get(t.span.start..t.span.end),
                        Some(t.span.text.as_str())
                    );
                }
                let rec = ex.extract(&Article::new(name.as_str(), body.as_ref()));
                common::assert_spans_hold(&name, &body, &rec);
            }
            Some("lexicon") => {
                let mut files = LexiconFiles::empty();
                for chunk in data.split(|&b| b == 0).take(6) {
                    if let Some((&pick, contents)) = chunk.split_first() {
                        let file = LEXICON_NAMES[usize::from(pick) % LEXICON_NAMES.len()];
                        let contents = String::from_utf8_lossy(contents).into_owned();
                        files.add(PathBuf::from(file), contents);
                    }
                }
                match warta::lexicon::Lexicons::load(&files) {
                    Ok(lex) => {
                        if let Ok(ex) = Extractor::from_lexicons(lex) {
                            let text = text.replace('\0', "\n");
                            let rec = ex.extract(&Article::new(name.as_str(), text.as_str()));
                            common::assert_spans_hold(&name, &text, &rec);
                        }
                    }
                    Err(e) => assert!(!e.lexicon_problems().is_empty(), "{name}: {e}"),
                }
            }
            Some("jsonl") => {
                for line in text.lines() {
                    let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
                        continue;
                    };
                    if let Some(t) = v.get("text").and_then(|t| t.as_str()) {
                        let rec = ex.extract(&Article::new(name.as_str(), t));
                        common::assert_spans_hold(&name, t, &rec);
                    }
                }
            }
            _ => {
                panic!("{name}: name it after its fuzz target (extract-, time-, lexicon-, jsonl-)")
            }
        }
    }
    eprintln!("{} regression input(s) replayed", files.len());
}

/// Full dates on one long line: each one used to search its whole line for the line
/// ends to tell a publication stamp (src/time/grammar.rs, `line_around`; fixed with a
/// newline table).
#[test]
fn time_grammar_on_one_long_line() {
    let _guard = serial();
    let parser = warta::time::TimeParser::new(vec![]);
    let time = |k: usize| {
        let text = "6 Juli 2023, ".repeat(k);
        let n = warta::normalize::Normalized::new(&text);
        let t = Instant::now();
        let hits = parser.scan(n.text(), n.folded());
        let elapsed = t.elapsed();
        assert_eq!(hits.len(), k);
        elapsed
    };
    let mut ratios = Vec::new();
    for _ in 0..3 {
        let (a, b) = (time(4_000), time(16_000));
        let ratio = b.as_secs_f64() / a.as_secs_f64().max(1e-6);
        eprintln!("dates on one line: {a:?} -> {b:?}, x{ratio:.1}");
        if ratio < 9.0 {
            return;
        }
        ratios.push(ratio);
    }
    panic!("4x the dates took {ratios:?} the time");
}
