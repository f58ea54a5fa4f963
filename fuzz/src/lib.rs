//! Fuzz targets for warta, shared by the AFL++ binaries (`--features afl`) and by the
//! replay mode of the same binaries (plain `cargo run`), which runs saved inputs.
//!
//! Every target takes arbitrary bytes and checks invariants with `assert!`: a panic is
//! a finding. See `docs/FUZZING.md` for the commands.

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use jiff::civil::Date;
use warta::lexicon::{LexiconFiles, Lexicons};
use warta::normalize::Normalized;
use warta::time::TimeParser;
use warta::{Article, Extractor, Record};

/// One extractor per process (AFL's persistent mode runs many inputs per process).
static EXTRACTOR: LazyLock<Extractor> =
    LazyLock::new(|| Extractor::new().expect("the embedded lexicons load"));

/// The time parser with the embedded election days.
static TIMES: LazyLock<TimeParser> =
    LazyLock::new(|| TimeParser::for_lexicons(EXTRACTOR.lexicons()));

/// Builds the shared state before the fuzz loop, so that its cost is not an input's.
pub fn warm_up() {
    LazyLock::force(&EXTRACTOR);
    LazyLock::force(&TIMES);
}

/// Every `{start, end, text}` object in a JSON value.
fn spans(v: &serde_json::Value, out: &mut Vec<(u64, u64, String)>) {
    match v {
        serde_json::Value::Object(m) => {
            if let (Some(s), Some(e), Some(t)) = (
                m.get("start").and_then(|x| x.as_u64()),
                m.get("end").and_then(|x| x.as_u64()),
                m.get("text").and_then(|x| x.as_str()),
            ) {
                out.push((s, e, t.to_string()));
            }
            m.values().for_each(|x| spans(x, out));
        }
        serde_json::Value::Array(a) => a.iter().for_each(|x| spans(x, out)),
        _ => {}
    }
}

/// Serializes `record` and asserts that every span in it satisfies
/// `input[start..end] == text`; returns the JSON line.
pub fn check_record(input: &str, record: &Record) -> String {
    let line = serde_json::to_string(record).expect("a record serializes");
    assert!(!line.contains('\n'), "a record is one line");
    let value: serde_json::Value = serde_json::from_str(&line).expect("the line parses back");
    let mut all = Vec::new();
    spans(&value, &mut all);
    for (start, end, text) in all {
        let (s, e) = (start as usize, end as usize);
        assert!(s <= e && e <= input.len(), "span {s}..{e} out of bounds");
        assert_eq!(
            input.get(s..e),
            Some(text.as_str()),
            "span {s}..{e} is not on char boundaries or its text differs"
        );
    }
    line
}

/// Extracts `text` twice and checks spans and determinism; returns the JSON line.
fn extract_checked(article: &Article) -> String {
    let first = check_record(&article.text, &EXTRACTOR.extract(article));
    let again = serde_json::to_string(&EXTRACTOR.extract(article)).expect("serializes");
    assert_eq!(first, again, "extraction is not deterministic");
    first
}

/// Target `extract`: arbitrary bytes as an article (decoded lossily: valid UTF-8 is
/// taken as it is, invalid sequences become U+FFFD), without a publication date and,
/// when the first byte is odd, with one too.
pub fn extract(data: &[u8]) {
    let dated = data.first().is_some_and(|b| b & 1 == 1);
    let text = String::from_utf8_lossy(data);
    let mut article = Article::new("fuzz", text.as_ref());
    extract_checked(&article);
    if dated {
        article.published = Some(jiff::civil::date(2024, 2, 6));
        extract_checked(&article);
    }
}

/// A reference date from two bytes (1900–2099, any month, days 1–28).
fn date_of(a: u8, b: u8) -> Date {
    let year = 1900 + i16::from(a % 200);
    let month = (b % 12) as i8 + 1;
    let day = (b / 12 % 28) as i8 + 1;
    Date::new(year, month, day).unwrap_or(jiff::civil::date(2024, 2, 6))
}

/// Target `time`: the first two bytes pick a reference date, the rest is text.
/// Runs `parse_one`, and `scan` + `resolve` over the normalized text with and without
/// the reference; checks ranges and spans.
pub fn time(data: &[u8]) {
    let (reference, rest) = match data {
        [a, b, rest @ ..] => (date_of(*a, *b), rest),
        _ => (jiff::civil::date(2024, 2, 6), data),
    };
    let text = String::from_utf8_lossy(rest);
    let parser = &*TIMES;
    match parser.parse_one(&text, reference) {
        Ok(t) => {
            let s = &t.span;
            assert_eq!(text.get(s.start..s.end), Some(s.text.as_str()));
            let _ = serde_json::to_string(&t).expect("a time serializes");
        }
        Err(e) => {
            assert_eq!(e.input(), text.as_ref());
            let _ = e.to_string();
            let _ = e.unparsed_text();
        }
    }
    let n = Normalized::new(&text);
    let (norm, folded) = (n.text(), n.folded());
    assert_eq!(norm.len(), folded.len());
    let hits = parser.scan(norm, folded);
    let mut last = 0;
    for h in &hits {
        assert!(h.range.start <= h.range.end && h.range.end <= norm.len());
        assert!(norm.is_char_boundary(h.range.start) && norm.is_char_boundary(h.range.end));
        assert!(h.range.start >= last, "hits overlap or are out of order");
        last = h.range.end;
    }
    for published in [None, Some(reference)] {
        let resolved = parser.resolve(&hits, published);
        for t in resolved.times.iter().chain(&resolved.vague) {
            assert!(
                norm.get(t.range.clone()).is_some(),
                "resolved range {:?}",
                t.range
            );
            let span = n.span(&text, t.range.clone());
            assert_eq!(text.get(span.start..span.end), Some(span.text.as_str()));
            let _ = t.timex_value();
            let _ = serde_json::to_string(&t.to_record(span)).expect("serializes");
        }
    }
}

/// The lexicon file names the `lexicon` target chooses from.
/// The embedded lexicon names and two more (another file of a kind, an unknown kind), in
/// a fixed order: saved inputs pick a file by index.
static LEXICON_NAMES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    LexiconFiles::embedded_names()
        .chain(["terms-x.tsv", "unknown.tsv"])
        .collect()
});

/// Target `lexicon`: the input is one or more lexicon files separated by NUL bytes;
/// each file's first byte picks its name, the rest (lossy UTF-8) is its contents.
/// Loading must give lexicons or problems that name a given file and a line within
/// it; lexicons that load build an extractor, which then extracts the whole input.
pub fn lexicon(data: &[u8]) {
    let mut files = LexiconFiles::empty();
    let mut given: Vec<(PathBuf, usize)> = Vec::new();
    for chunk in data.split(|&b| b == 0).take(6) {
        let Some((&pick, contents)) = chunk.split_first() else {
            continue;
        };
        let name = LEXICON_NAMES[usize::from(pick) % LEXICON_NAMES.len()];
        let path = Path::new("fz").join(name);
        let contents = String::from_utf8_lossy(contents).into_owned();
        let lines = contents.split('\n').count();
        given.retain(|(p, _)| p != &path);
        given.push((path.clone(), lines));
        files.add(path, contents);
    }
    match Lexicons::load(&files) {
        Ok(lex) => {
            if let Ok(extractor) = Extractor::from_lexicons(lex) {
                let text = String::from_utf8_lossy(data).replace('\0', "\n");
                let record = extractor.extract(&Article::new("fuzz", text.as_str()));
                check_record(&text, &record);
            }
        }
        Err(e) => {
            let problems = e.lexicon_problems();
            assert!(!problems.is_empty(), "an error without problems: {e}");
            for p in problems {
                let lines = given
                    .iter()
                    .find(|(path, _)| path == &p.path)
                    .map(|(_, n)| *n);
                let Some(lines) = lines else {
                    panic!("problem names a file that was not given: {p}");
                };
                assert!(
                    p.line <= lines,
                    "line {} past the end ({lines}): {p}",
                    p.line
                );
                let shown = p.to_string();
                assert!(shown.starts_with(&p.path.display().to_string()));
            }
            let _ = e.to_string();
        }
    }
}

/// Target `jsonl`: arbitrary bytes as a JSONL stream, read by the reader of `warta
/// extract --jsonl` (`warta::jsonl`), with a 4 KiB text limit so that short inputs reach
/// the `too-large` path. Every line, blank or not, gives exactly one output line: a record
/// (spans checked, its id the line's) or an error record of a known kind; both parse back.
pub fn jsonl(data: &[u8]) {
    use warta::jsonl::{line_limit, parse_line, read_line, Fields};
    use warta::record::{ErrorDoc, ErrorRecord};
    const KINDS: [&str; 5] = ["utf8", "json", "missing-text", "empty", "too-large"];
    let fields = Fields {
        max_bytes: 4096,
        ..Fields::default()
    };
    let mut reader = data;
    let mut out = Vec::new();
    let mut consumed = 0;
    while let Some(line) =
        read_line(&mut reader, line_limit(fields.max_bytes)).expect("reading a slice cannot fail")
    {
        consumed += line.consumed;
        let number = out.len() + 1;
        assert!(
            line.bytes.len() <= line_limit(fields.max_bytes),
            "a line kept past its limit"
        );
        match parse_line(&line, &fields, || number.to_string()) {
            Ok((article, meta)) => {
                assert!(article.text.len() <= fields.max_bytes);
                assert!(!article.text.trim().is_empty());
                // An id field left in meta is one that is no id (empty, an object):
                // the line number stands in.
                assert!(!meta.contains_key("id") || article.id == number.to_string());
                let record = EXTRACTOR.extract(&article);
                assert_eq!(record.doc.id, article.id);
                out.push(check_record(&article.text, &record));
            }
            Err(failure) => {
                assert!(
                    KINDS.contains(&failure.kind),
                    "unknown kind {:?}",
                    failure.kind
                );
                assert!(!failure.message.is_empty());
                let doc = ErrorDoc {
                    id: failure.id,
                    line: Some(number as u64),
                    ..ErrorDoc::default()
                };
                let record = ErrorRecord::new(doc, failure.kind, failure.message);
                out.push(serde_json::to_string(&record).expect("an error record serializes"));
            }
        }
    }
    assert_eq!(consumed, data.len() as u64, "every byte belongs to a line");
    // A line per "\n", and one more for bytes after the last.
    let newlines = data.iter().filter(|&&b| b == b'\n').count();
    let lines = newlines + usize::from(!data.is_empty() && !data.ends_with(b"\n"));
    assert_eq!(out.len(), lines, "one output line per input line");
    for line in &out {
        let v: serde_json::Value = serde_json::from_str(line).expect("output parses");
        assert_eq!(v["schema"], "warta/1");
    }
}

/// A fuzz target: arbitrary bytes in, a panic on a finding.
pub type Target = fn(&[u8]);

/// The targets by name.
pub const TARGETS: &[(&str, Target)] = &[
    ("extract", extract),
    ("time", time),
    ("lexicon", lexicon),
    ("jsonl", jsonl),
];

/// Runs `target` on every file named in `args` (folders: every file inside, sorted),
/// or on standard input when there is none; prints each file before it runs, so that
/// the last name printed before a panic is the culprit.
pub fn replay(target: fn(&[u8]), args: &[String]) {
    use std::io::Read;
    if args.is_empty() {
        let mut data = Vec::new();
        std::io::stdin().read_to_end(&mut data).expect("read stdin");
        target(&data);
        return;
    }
    let mut files = Vec::new();
    for a in args {
        let p = PathBuf::from(a);
        if p.is_dir() {
            let mut inside: Vec<PathBuf> = std::fs::read_dir(&p)
                .expect("read dir")
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_file())
                .collect();
            inside.sort();
            files.extend(inside);
        } else {
            files.push(p);
        }
    }
    for f in &files {
        eprintln!("{}", f.display());
        let data = std::fs::read(f).expect("read input");
        target(&data);
    }
    eprintln!("{} input(s) ok", files.len());
}

/// The body of every target binary: under AFL (`--features afl`) the fuzz loop,
/// otherwise replay of the files given on the command line.
#[macro_export]
macro_rules! target_main {
    ($f:path) => {
        #[cfg(feature = "afl")]
        fn main() {
            $crate::warm_up();
            afl::fuzz!(|data: &[u8]| {
                $f(data);
            });
        }

        #[cfg(not(feature = "afl"))]
        fn main() {
            let args: Vec<String> = std::env::args().skip(1).collect();
            $crate::replay($f, &args);
        }
    };
}
